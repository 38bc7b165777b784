//! A figure as a large number with its qualifier and unit, for figures that stand alone.

use yew::prelude::*;

use super::strings::strings;
use crate::content::{Figure, Lang};

/// The tiles of `figures`. Plain functions, not components: tiles have no state or handlers.
pub fn figure_tiles<'a>(figures: impl IntoIterator<Item = &'a Figure>, lang: Lang) -> Html {
    figures.into_iter().map(|f| figure_tile(f, lang)).collect()
}

fn figure_tile(f: &Figure, lang: Lang) -> Html {
    let derived = f.is_derived();
    html! {
        <div class={if derived { "tile tile--derived" } else { "tile" }} data-testid="figure" data-figure={f.id.clone()}>
            <span class="tile__value">{ f.display(lang) }</span>
            <span class="tile__label">
                { f.label.get(lang) }
                if let Some(period) = &f.period {
                    <span class="tile__period">{ format!(" · {}", period.get(lang)) }</span>
                }
                if derived {
                    <span class="tile__derived">{ format!(" ({})", strings(lang).derived) }</span>
                }
            </span>
        </div>
    }
}
