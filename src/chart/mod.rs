//! Charts of the article's figures: built from the content as plain data (`model`), drawn to
//! SVG strings with plotters (`render`). Pure: no `yew`, no `web-sys`.

mod model;
mod palette;
mod render;
mod svg;
mod text;

pub use model::{build, timeline, Body, Chart, Datum, Event, Table};
pub use palette::{Palette, DARK, LIGHT};
pub use render::render;
pub use text::wrap;
