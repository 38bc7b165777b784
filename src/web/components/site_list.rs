//! The pilot sites as a numbered list of buttons, in the article's order, in both languages.

use yew::prelude::*;

use crate::by_identity::ByIdentity;
use crate::content::{Content, Lang};

/// What the list shows and reports (a plain function, not a component: it has no state, and
/// each component type costs the wasm about 0.6 KB gzipped).
pub struct SiteListProps {
    pub content: ByIdentity<Content>,
    pub selected: Option<String>,
    pub lang: Lang,
    pub on_select: Callback<String>,
    /// Prerender: links to each site's own page (`baotou.html`, as the map's markers), instead
    /// of buttons. Kiosk (and its prerender): each entry keeps the height of the
    /// taller of its two languages (the names in the other order laid out unseen in the same
    /// place), so the map above never moves when the language changes.
    pub surface: super::Surface,
}

pub fn site_list(props: &SiteListProps) -> Html {
    let lang = props.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    html! {
        <nav class="sites" aria-label={super::strings(lang).sites}>
            <ol class="sites__list" data-testid="site-list">
                { for props.content.sites_in_order().into_iter().map(|site| {
                    let selected = props.selected.as_deref() == Some(site.id.as_str());
                    let onclick = {
                        let on_select = props.on_select.clone();
                        let id = site.id.clone();
                        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
                    };
                    let class = crate::web::components::class_list(&[Some("sites__item"), selected.then_some("sites__item--selected")]);
                    let inside = html! {
                        <>
                            <span class="sites__number" aria-hidden="true">{ site.number }</span>
                            // The name in the reader's language first, then in the other.
                            // New for each language, as the map's caption.
                            <span class="sites__names" key={lang.key()}>
                                <span class="sites__name" data-lang={lang.key()}>{ site.name.get(lang) }</span>
                                <span class="sites__other" lang={other.tag()} data-lang={other.key()}>{ site.name.get(other) }</span>
                                <span class="sites__meta">{ format!("{} · {}", site.kind.label(lang), site.league.get(lang)) }</span>
                            </span>
                            if props.surface.keeps_both_languages() {
                                <span class="kiosk-ghost sites__names" aria-hidden="true" lang={other.tag()}>
                                    <span class="sites__name">{ site.name.get(other) }</span>
                                    <span class="sites__other" lang={lang.tag()}>{ site.name.get(lang) }</span>
                                </span>
                            }
                        </>
                    };
                    html! {
                        <li key={site.id.clone()} data-testid="site" data-site={site.id.clone()}>
                            if props.surface.is_prerender() {
                                <a {class} href={crate::share::page_file(Some(&site.id), lang)} data-site={site.id.clone()}>{ inside }</a>
                            } else {
                                <button type="button" {class} aria-pressed={selected.to_string()} {onclick}>{ inside }</button>
                            }
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
