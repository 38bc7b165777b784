//! The pilot sites as a numbered list of buttons, in the article's order, in both languages.

use std::rc::Rc;

use yew::prelude::*;

use crate::content::{Content, Lang};

#[derive(Properties, PartialEq)]
pub struct SiteListProps {
    pub content: Rc<Content>,
    pub selected: Option<String>,
    pub on_select: Callback<String>,
}

#[component]
pub fn SiteList(props: &SiteListProps) -> Html {
    html! {
        <nav class="sites" aria-label="试点 · Pilot sites">
            <ol class="sites__list" data-testid="site-list">
                { for props.content.sites_in_order().into_iter().map(|site| {
                    let selected = props.selected.as_deref() == Some(site.id.as_str());
                    let onclick = {
                        let on_select = props.on_select.clone();
                        let id = site.id.clone();
                        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
                    };
                    html! {
                        <li key={site.id.clone()} data-testid="site" data-site={site.id.clone()}>
                            <button
                                type="button"
                                class={classes!("sites__item", selected.then_some("sites__item--selected"))}
                                aria-pressed={selected.to_string()}
                                {onclick}
                            >
                                <span class="sites__number" aria-hidden="true">{ site.number }</span>
                                <span class="sites__names">
                                    <span class="sites__zh" lang={Lang::Zh.tag()}>{ &site.name.zh }</span>
                                    <span class="sites__en" lang={Lang::En.tag()}>{ &site.name.en }</span>
                                    <span class="sites__meta">
                                        <span lang={Lang::Zh.tag()}>{ format!("{} · {}", site.kind.label(Lang::Zh), site.league.zh) }</span>
                                        { " / " }
                                        <span lang={Lang::En.tag()}>{ format!("{}, {}", site.kind.label(Lang::En), site.league.en) }</span>
                                    </span>
                                </span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
