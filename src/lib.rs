//! Interactive map and infographic of Inner Mongolia's industrial-worker reform pilots.
//!
//! Invariants: everything a reader sees comes from the content file in `assets/` (never from
//! Rust literals); `content` is pure data and validation, with no `yew` or `web-sys`, so it is
//! tested natively; components take props in and send callbacks out; no text reaches the DOM
//! as raw HTML (every element is built with `html!`); no `unsafe` code of our own, and the
//! standard allocator.

#![forbid(unsafe_code)]

// The pure model: no `web-sys`, tested natively.
pub mod breakpoints;
pub mod by_identity;
pub mod chart;
pub mod content;
pub mod decimal;
pub mod embed;
#[cfg(not(target_arch = "wasm32"))]
pub mod export;
pub mod fmath;
pub mod geo;
pub mod gesture;
pub mod kiosk_timing;
pub mod marker_navigation;
pub mod options;
pub mod share;
#[cfg(not(target_arch = "wasm32"))]
pub mod share_page;
pub mod small_sort;
pub mod state;
pub mod text;
pub mod visits;
// The web layer above it: Yew components and hooks, the browser glue, mounting, the prerender.
pub mod web;

pub use web::app::{App, AppProps, EmbedHost, Prerendered, PrerenderedProps};
#[cfg(feature = "csr")]
pub use web::mount::mount_all;
