//! The root component: loads the content and the map once, holds the state, lays out the frame.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ErrorPanel, Map, OverviewCard, SiteCard, SiteList};
use crate::content::{self, Content, Lang, LoadError};
use crate::geo::MapAsset;
use crate::state::{Action, AppState};

#[component]
pub fn App() -> Html {
    let loaded: Rc<Result<Rc<Content>, LoadError>> =
        use_memo((), |_| content::embedded().map(Rc::new));
    let asset: Rc<Result<Rc<MapAsset>, String>> = use_memo((), |_| {
        MapAsset::embedded()
            .map(Rc::new)
            .map_err(|err| format!("map data: {err}"))
    });
    {
        let (loaded, asset) = (loaded.clone(), asset.clone());
        use_effect_with((), move |_| {
            if let Err(err) = &*loaded {
                web_sys::console::error_1(&err.to_string().into());
            }
            if let Err(err) = &*asset {
                web_sys::console::error_1(&err.into());
            }
        });
    }
    match (&*loaded, &*asset) {
        (Ok(content), Ok(asset)) => {
            html! { <Frame content={content.clone()} asset={asset.clone()} /> }
        }
        (Err(error), _) => html! { <ErrorPanel error={error.clone()} /> },
        (_, Err(message)) => html! {
            <ErrorPanel error={LoadError::Invalid(vec![content::Problem::new("assets/inner-mongolia.json", message.clone())])} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    content: Rc<Content>,
    asset: Rc<MapAsset>,
}

#[component]
fn Frame(props: &FrameProps) -> Html {
    let state = use_reducer(AppState::default);
    let article = &props.content.article;
    let (zh, en) = (Lang::Zh.tag(), Lang::En.tag());
    let on_select = {
        let state = state.dispatcher();
        Callback::from(move |id: String| state.dispatch(Action::Toggle(id)))
    };
    let on_clear = {
        let state = state.dispatcher();
        Callback::from(move |()| state.dispatch(Action::ClearSelection))
    };
    let on_go = {
        let state = state.dispatcher();
        Callback::from(move |id: String| state.dispatch(Action::Select(id)))
    };
    let on_theme = {
        let state = state.dispatcher();
        Callback::from(move |theme: String| state.dispatch(Action::ToggleTheme(theme)))
    };
    let card = match &state.selected {
        Some(id) => html! {
            <SiteCard
                content={props.content.clone()}
                site_id={id.clone()}
                lang={state.lang}
                on_close={on_clear.clone()}
                on_select={on_go.clone()}
            />
        },
        None => html! {
            <OverviewCard
                content={props.content.clone()}
                lang={state.lang}
                theme={state.theme.clone()}
                {on_theme}
                on_select={on_go}
            />
        },
    };
    let lang_button = |lang: Lang, text: &'static str| {
        let dispatcher = state.dispatcher();
        let pressed = state.lang == lang;
        html! {
            <button
                type="button"
                class={classes!("lang__button", pressed.then_some("lang__button--on"))}
                lang={lang.tag()}
                aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetLang(lang)))}
            >{ text }</button>
        }
    };
    html! {
        <div class="widget" data-testid="widget">
            <header class="widget__header">
                <div class="widget__titles">
                    <h1 class="widget__title" lang={zh}>{ &article.title.zh }</h1>
                    <p class="widget__subtitle" lang={zh}>
                        { format!("{}{}", article.subtitle.zh, article.series_part_label.zh) }
                    </p>
                    <p class="widget__subtitle widget__subtitle--en" lang={en}>
                        { format!("{}: {} ({})", article.title.en, article.subtitle.en, article.series_part_label.en) }
                    </p>
                </div>
                <div class="lang" role="group" aria-label="语言 · Language" data-testid="lang-switch">
                    { lang_button(Lang::Zh, "中文") }
                    { lang_button(Lang::En, "English") }
                </div>
            </header>
            // Map, card, list: on a phone the card a reader opens sits right under the map.
            <div class="widget__body">
                <div class="widget__map">
                    <Map
                        content={props.content.clone()}
                        asset={props.asset.clone()}
                        lang={state.lang}
                        selected={state.selected.clone()}
                        theme={state.theme.clone()}
                        on_select={on_select.clone()}
                        {on_clear}
                    />
                </div>
                <div class="widget__card">{ card }</div>
                <div class="widget__list">
                    <SiteList content={props.content.clone()} selected={state.selected.clone()} {on_select} />
                </div>
            </div>
            <footer class="widget__credit" data-testid="credit">
                <p lang={zh}>{ &article.credit.zh }</p>
                <p lang={en}>{ &article.credit.en }</p>
            </footer>
        </div>
    }
}
