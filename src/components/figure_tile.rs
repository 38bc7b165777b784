//! A figure as a large number with its qualifier and unit, for figures that stand alone.

use yew::prelude::*;

use super::strings::strings;
use crate::content::{Figure, Lang};

/// A plain function, not a component: tiles have no state of their own, and each component
/// type costs the wasm its own copy of Yew's lifecycle code.
pub fn figure_tile(f: &Figure, lang: Lang) -> Html {
    html! {
        <div class={crate::components::class_list(&[Some("tile"), f.is_derived().then_some("tile--derived")])} data-testid="figure" data-figure={f.id.clone()}>
            <span class="tile__value">{ f.display(lang) }</span>
            <span class="tile__label">
                { f.label.get(lang) }
                { for f.period.as_ref().map(|p| html! { <span class="tile__period">{ format!(" · {}", p.get(lang)) }</span> }) }
                { for f.is_derived().then(|| html! { <span class="tile__derived">{ format!(" ({})", strings(lang).derived) }</span> }) }
            </span>
        </div>
    }
}
