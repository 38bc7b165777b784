//! A figure as a large number with its qualifier and unit, for figures that stand alone.

use std::fmt::Write as _;

use super::strings::strings;
use crate::content::{Figure, Lang};
use crate::summary::escape;

/// The tiles of `figures`, as one piece of markup.
pub fn figure_tiles<'a>(figures: impl IntoIterator<Item = &'a Figure>, lang: Lang) -> yew::Html {
    let mut out = String::new();
    for f in figures {
        figure_tile(&mut out, f, lang);
    }
    super::markup(out)
}

/// Appends the tile of `f` as markup: it has no handlers and no state, and a string costs the
/// wasm far less than virtual nodes (see `markup`).
fn figure_tile(out: &mut String, f: &Figure, lang: Lang) {
    let derived = f.is_derived();
    let _ = write!(
        out,
        "<div class=\"tile{}\" data-testid=\"figure\" data-figure=\"{}\"><span class=\"tile__value\">{}</span><span class=\"tile__label\">{}",
        if derived { " tile--derived" } else { "" },
        escape(&f.id),
        escape(&f.display(lang)),
        escape(f.label.get(lang)),
    );
    if let Some(period) = &f.period {
        let _ = write!(
            out,
            "<span class=\"tile__period\"> · {}</span>",
            escape(period.get(lang))
        );
    }
    if derived {
        let _ = write!(
            out,
            "<span class=\"tile__derived\"> ({})</span>",
            strings(lang).derived
        );
    }
    out.push_str("</span></div>");
}
