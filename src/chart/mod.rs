//! Charts of the article's figures: built from the content as plain data (`model`), laid out and
//! drawn with plotters (`render`) into shapes (`backend`) that components turn into SVG
//! elements, each painted in a colour role (`palette`). Pure: no `yew`, no `web-sys`.

mod backend;
mod model;
mod palette;
mod render;

pub use backend::{Anchor, Baseline, Drawing, NodeBackend, Paint, Shape};
pub use model::{build, timeline, Body, Chart, Datum, Event, Table};
pub use palette::{css as palette_css, Palette, Role, DARK, LIGHT};
pub use render::{render, render_at, TextSize};
