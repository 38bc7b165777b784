//! Interactive map and infographic of Inner Mongolia's industrial-worker reform pilots.
//!
//! Invariants: everything a reader sees comes from the content file in `assets/` (never from
//! Rust literals); `content` is pure data and validation, with no `yew` or `web-sys`, so it is
//! tested natively; components take props in and send callbacks out; no text reaches the DOM
//! as raw HTML (every element is built with `html!`); no `unsafe` code of our own, and the
//! standard allocator.

#![forbid(unsafe_code)]

mod app;
pub mod breakpoints;
mod browser;
pub mod by_identity;
pub mod chart;
pub mod components;
pub mod content;
pub mod crash;
pub mod decimal;
pub mod embed;
pub mod fmath;
pub mod geo;
pub mod gesture;
mod hooks;
pub mod kiosk_timing;
pub mod marker_navigation;
#[cfg(feature = "csr")]
mod mount;
pub mod options;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod share;
pub mod small_sort;
pub mod state;
pub mod text;

pub use app::{App, AppProps, EmbedHost, Prerendered, PrerenderedProps};
#[cfg(feature = "csr")]
pub use mount::mount_all;
