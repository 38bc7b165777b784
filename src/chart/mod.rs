//! Charts of the article's figures: built from the content as plain data (`model`), drawn with
//! plotters into shapes (`render`, `drawing`) that components turn into SVG elements. Pure: no
//! `yew`, no `web-sys`.

mod drawing;
mod model;
mod palette;
mod render;

pub use drawing::{Anchor, Baseline, Colour, Drawing, Paint, Shape};
pub use model::{build, timeline, Body, Chart, Datum, Event, Table};
pub use palette::{css as palette_css, Palette, DARK, LIGHT};
pub use render::{render, render_at, TextSize};
