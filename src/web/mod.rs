//! The web layer: what draws the model in a browser (Yew components and hooks), the thin
//! `web-sys` glue, where instances start, and the build-time prerender of the same components.
//! Everything here reads the model below (`crate::content`, `crate::options`, `crate::state`,
//! `crate::geo`, `crate::chart`); nothing below reads this.

pub mod app;
pub(crate) mod browser;
pub mod components;
pub mod crash;
pub(crate) mod hooks;
#[cfg(feature = "csr")]
pub(crate) mod mount;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
