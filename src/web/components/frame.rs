//! The widget's frame: header, map, card, site list and credit, laid out for where it is drawn.
//! The state is made here from the options (read once, by `App`); the conversations with the
//! browser and the host are the hooks of `crate::web::hooks`; the parts are drawn by the functions
//! below, one job each.

use std::rc::Rc;

use yew::prelude::*;

use crate::by_identity::ByIdentity;
use crate::content::{Content, Lang};
use crate::geo::MapAsset;
use crate::kiosk_timing::Timings;
use crate::options::{self, Mode, Options, Scheme};
use crate::state::{Action, AppState, KioskConfig};
use crate::web::browser;
use crate::web::components::{
    class_list, site_list, strings, Map, OverviewCard, SiteCard, SiteListProps, Surface,
};
use crate::web::hooks::{
    use_address_sync, use_height_report, use_host_messages, use_kiosk, use_selection_report,
};
use crate::EmbedHost;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub content: ByIdentity<Content>,
    pub asset: ByIdentity<MapAsset>,
    pub host: Option<Rc<EmbedHost>>,
    pub options: Rc<Options>,
    /// Rendered natively at build time in this language (see `Prerendered`).
    #[prop_or_default]
    pub prerender: Option<Lang>,
}

/// The state a widget starts in: the options' site, language (else the browser's, or the
/// prerender's), scheme, and a kiosk's timings and loop.
pub fn initial_state(options: &Options, content: &Content, lang: Lang) -> AppState {
    let kiosk = (options.mode == Some(Mode::Kiosk)).then(|| {
        let defaults = Timings::default();
        let ms = |value: Option<f64>, default: f64| value.map_or(default, |s| s * 1000.0);
        let reset_ms = ms(options.reset_s, defaults.reset_ms);
        Rc::new(KioskConfig {
            timings: Timings {
                attract_ms: ms(options.idle_s, defaults.attract_ms),
                reset_ms,
                countdown_ms: defaults.countdown_ms.min(reset_ms / 2.0),
                step_ms: ms(options.step_s, defaults.step_ms),
            },
            sites: content
                .sites_in_order()
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            lang,
        })
    });
    AppState {
        lang,
        selected: crate::web::hooks::site_in(content, options),
        scheme: options.scheme.unwrap_or_default(),
        // `?mode=kiosk&stats`: the operator's visit counts, on a kiosk only.
        stats: kiosk.is_some() && options.stats == Some(true),
        kiosk,
        ..AppState::default()
    }
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let options = props.options.clone();
    let mode = options.mode.unwrap_or_default();
    let surface = match props.prerender {
        Some(_) => Surface::Prerender,
        None => Surface::live(mode),
    };
    // Constant in the wasm, so the prerender's branches (the links, the unseen texts) compile out.
    let prerender = props.prerender.filter(|_| surface.is_prerender());
    let state = {
        let (options, content) = (options.clone(), props.content.clone());
        use_reducer(move || {
            let lang = prerender
                .unwrap_or_else(|| options::initial_lang(options.lang, &browser::languages()));
            initial_state(&options, &content, lang)
        })
    };
    let root = use_node_ref();
    let standalone = props.host.is_none();
    let kiosk = surface.is_kiosk();
    let embed_id = options
        .embed_id
        .clone()
        .unwrap_or_else(|| "imreform".to_owned());
    let step_ms = state.kiosk.as_ref().map_or(8_000.0, |k| k.timings.step_ms);
    use_kiosk(
        root.clone(),
        kiosk,
        state.attracting,
        state.dispatcher(),
        options.reload_at,
        step_ms,
    );
    // Counted only in the kiosk build (the `kiosk` feature): no reader's widget carries it.
    crate::web::hooks::use_visit_counts(state.visit.clone());
    use_address_sync(standalone, &state, props.content.clone());
    use_height_report(root.clone(), standalone, embed_id.clone());
    use_host_messages(state.dispatcher(), props.content.clone(), embed_id.clone());
    use_selection_report(
        props.host.clone(),
        embed_id,
        state.selected.clone(),
        state.lang,
    );
    let system_dark = browser::use_prefers_dark();
    let printing = browser::use_printing();

    let lang = state.lang;
    let dark = match state.scheme {
        Scheme::Dark => true,
        Scheme::Light => false,
        Scheme::Auto => system_dark,
    };
    let card = card(props, &state, dark, kiosk);
    let class = class_list(&[
        Some("widget"),
        (surface == Surface::Embed).then_some("widget--embed"),
        kiosk.then_some("widget--kiosk"),
        options
            .compact
            .unwrap_or(false)
            .then_some("widget--compact"),
    ]);
    html! {
        <ContextProvider<Surface> context={surface}>
        <div
            {class}
            // Tests wait for the live widget; the prerender is what shows before it.
            data-testid={if prerender.is_some() { "prerender" } else { "widget" }}
            lang={lang.tag()}
            // The prerender cannot know the reader's scheme: CSS follows prefers-color-scheme.
            data-theme={match (prerender, dark) {
                (Some(_), _) if state.scheme == Scheme::Auto => "auto",
                (_, true) => "dark",
                (_, false) => "light",
            }}
            ref={root.clone()}
            onkeydown={close_on_escape(&state, root)}
        >
            { header(&props.content, &state, surface) }
            { body(props, &state, card, surface) }
            <footer class="widget__credit" data-testid="credit">
                <p>{ props.content.article.credit.get(lang) }</p>
                if surface.keeps_both_languages() {
                    <p class="kiosk-ghost" aria-hidden="true" lang={lang.other().tag()}>{ props.content.article.credit.get(lang.other()) }</p>
                }
            </footer>
            // Printing gives a dossier: every site's story, figures and tables, in the
            // language shown.
            if printing {
                { dossier(&props.content, lang, "dossier dossier--print", "print-dossier") }
            }
            <div class="visually-hidden" aria-live="polite" data-testid="announcer">
                { announcement(&props.content, &state) }
            </div>
            { kiosk_overlays(&state, &props.content, dark) }
        </div>
        </ContextProvider<Surface>>
    }
}

/// A callback that dispatches the action `make` builds from a site or topic id.
fn dispatch_id(state: &UseReducerHandle<AppState>, make: fn(String) -> Action) -> Callback<String> {
    let dispatcher = state.dispatcher();
    Callback::from(move |id: String| dispatcher.dispatch(make(id)))
}

fn clear(state: &UseReducerHandle<AppState>) -> Callback<()> {
    let dispatcher = state.dispatcher();
    Callback::from(move |()| dispatcher.dispatch(Action::ClearSelection))
}

/// The open site's card, or the overview.
fn card(props: &FrameProps, state: &UseReducerHandle<AppState>, dark: bool, kiosk: bool) -> Html {
    let (lang, options) = (state.lang, &props.options);
    // No share button on a kiosk: nobody there has a phone in the widget's page (a kiosk's
    // way to take a story home is a QR code).
    let share_page = match &props.host {
        _ if kiosk => None,
        _ if options.public_page.is_some() => options.public_page.clone(),
        Some(host) => host.page.clone(),
        None => browser::page_url(),
    };
    match &state.selected {
        Some(id) => html! {
            <SiteCard
                // In the attract loop each site's card is a card of its own, not the last one
                // rewritten: as the loop turns, nothing already on screen moves (no layout
                // shift), and every card fades in. (A visitor's cards are rewritten in place,
                // which keeps the focus on the "next" button they pressed.)
                key={if state.attracting { id.as_str() } else { "" }}
                content={props.content.clone()}
                site_id={id.clone()}
                {lang}
                {dark}
                on_close={clear(state)}
                on_select={dispatch_id(state, Action::Select)}
                {share_page}
                share={options.public_page.clone().filter(|_| kiosk)}
            />
        },
        None => html! {
            <OverviewCard
                content={props.content.clone()}
                {lang}
                {dark}
                topic={state.topic.clone()}
                on_topic={dispatch_id(state, Action::ToggleTopic)}
                on_select={dispatch_id(state, Action::Select)}
                {share_page}
            />
        },
    }
}

/// Map, card, list: on a phone the card a reader opens sits right under the map.
fn body(
    props: &FrameProps,
    state: &UseReducerHandle<AppState>,
    card: Html,
    surface: Surface,
) -> Html {
    let lang = state.lang;
    html! {
        <main class="widget__body">
            <div class="widget__map">
                <Map
                    content={props.content.clone()}
                    asset={props.asset.clone()}
                    {lang}
                    selected={state.selected.clone()}
                    topic={state.topic.clone()}
                    on_select={dispatch_id(state, Action::Toggle)}
                    on_clear={clear(state)}
                />
            </div>
            <div class="widget__card">{ card }</div>
            <div class="widget__list">
                { site_list(&SiteListProps {
                    content: props.content.clone(),
                    selected: state.selected.clone(),
                    lang,
                    on_select: dispatch_id(state, Action::Toggle),
                    surface,
                }) }
            </div>
        </main>
    }
}

/// Escape closes the card and puts focus back on its marker.
fn close_on_escape(state: &UseReducerHandle<AppState>, root: NodeRef) -> Callback<KeyboardEvent> {
    let state = state.clone();
    Callback::from(move |event: KeyboardEvent| {
        let Some(id) = state.selected.as_ref().filter(|_| event.key() == "Escape") else {
            return;
        };
        if let Some(root) = root.cast::<web_sys::Element>() {
            browser::focus(&root, &format!("[data-testid=marker][data-site=\"{id}\"]"));
        }
        state.dispatch(Action::ClearSelection);
    })
}

/// The article's title and subtitle, the title in the other language, and the language switch.
fn header(content: &Content, state: &UseReducerHandle<AppState>, surface: Surface) -> Html {
    let lang = state.lang;
    let article = &content.article;
    let other = lang.other();
    let subtitle = |lang: Lang| match lang {
        Lang::Zh => format!("{}{}", article.subtitle.zh, article.series_part_label.zh),
        Lang::En => format!("{} ({})", article.subtitle.en, article.series_part_label.en),
    };
    let lang_button = |choice: Lang| {
        let dispatcher = state.dispatcher();
        let pressed = lang == choice;
        html! {
            <button
                type="button"
                class={class_list(&[Some("lang__button"), pressed.then_some("lang__button--on")])}
                lang={choice.tag()}
                aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetLang(choice)))}
            >{ strings(choice).language_name }</button>
        }
    };
    html! {
        <header class="widget__header">
            <div class="widget__titles">
                <h1 class="widget__title">{ article.title.get(lang) }</h1>
                <p class="widget__subtitle">{ subtitle(lang) }</p>
                <p class="widget__subtitle widget__subtitle--other" lang={other.tag()}>{ article.title.get(other) }</p>
                // A kiosk's map holds still when the attract loop (or a visitor) switches the
                // language: every text above and below it keeps the height of the taller of its
                // two languages, the other one laid out unseen in the same place.
                if surface.keeps_both_languages() {
                    <div class="kiosk-ghost widget__titles-ghost" aria-hidden="true" lang={other.tag()}>
                        <p class="widget__title">{ article.title.get(other) }</p>
                        <p class="widget__subtitle">{ subtitle(other) }</p>
                        <p class="widget__subtitle widget__subtitle--other" lang={lang.tag()}>{ article.title.get(lang) }</p>
                    </div>
                }
            </div>
            <div class="lang" role="group" aria-label={strings::BILINGUAL.language} data-testid="lang-switch">
                { lang_button(Lang::Zh) }
                { lang_button(Lang::En) }
            </div>
        </header>
    }
}

/// What a screen reader hears when the card changes.
fn announcement(content: &Content, state: &AppState) -> String {
    let s = strings(state.lang);
    match state.selected.as_deref().and_then(|id| content.site(id)) {
        Some(site) => format!("{} {} {}", s.opened, site.number, site.name.get(state.lang)),
        None => s.overview_shown.to_owned(),
    }
}

/// A kiosk's attract prompt (in both languages), the operator's visit counts and the reset
/// countdown (over the counts too: left open, they close at a reset like a visitor's card).
fn kiosk_overlays(
    state: &UseReducerHandle<AppState>,
    content: &ByIdentity<Content>,
    dark: bool,
) -> Html {
    let s = strings(state.lang);
    html! {
        <>
            if state.stats {
                { visit_counts(state, content, dark) }
            }
            if state.attracting {
                <div class="kiosk__prompt" data-testid="attract-prompt" aria-hidden="true">
                    <span lang="zh-Hans">{ strings(Lang::Zh).touch_to_explore }</span>
                    <span lang="en">{ strings(Lang::En).touch_to_explore }</span>
                </div>
            }
            if let Some(seconds) = state.countdown {
                <div class="kiosk__countdown" role="alert" data-testid="countdown">
                    <p>{ (s.returning_in)(seconds) }</p>
                    <button type="button" class="kiosk__stay" data-testid="stay">{ s.stay }</button>
                </div>
            }
        </>
    }
}

/// The operator's visit counts (the kiosk build's `VisitStats`).
#[cfg(feature = "kiosk")]
fn visit_counts(
    state: &UseReducerHandle<AppState>,
    content: &ByIdentity<Content>,
    dark: bool,
) -> Html {
    let dispatcher = state.dispatcher();
    let on_close = Callback::from(move |()| dispatcher.dispatch(Action::ShowStats(false)));
    html! {
        <crate::web::components::VisitStats content={content.clone()} lang={state.lang} {dark} {on_close} />
    }
}

/// Any other build counts nothing, and says where the counts are.
#[cfg(not(feature = "kiosk"))]
fn visit_counts(state: &UseReducerHandle<AppState>, _: &ByIdentity<Content>, _: bool) -> Html {
    html! {
        <p class="kiosk__no-counts" role="alert" data-testid="no-counts">{ strings(state.lang).counts_elsewhere }</p>
    }
}

/// Every site's story, figures and tables, one after another, for print. (A reader without
/// JavaScript follows the prerendered links to each site's own page instead.)
fn dossier(
    content: &ByIdentity<Content>,
    lang: Lang,
    class: &'static str,
    testid: &'static str,
) -> Html {
    html! {
        <ContextProvider<Surface> context={Surface::Dossier}>
        <section {class} data-testid={testid} aria-label={strings(lang).sites}>
            { for content.sites_in_order().into_iter().map(|site| html! {
                <SiteCard
                    content={content.clone()}
                    site_id={site.id.clone()}
                    {lang}
                    on_close={Callback::noop()}
                    on_select={Callback::noop()}
                />
            }) }
        </section>
        </ContextProvider<Surface>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kiosk_starts_with_its_timings_and_the_sites_in_the_articles_order() {
        let content = crate::content::embedded().expect("content");
        let options = Options::from_address("?mode=kiosk&idle=30&reset=12&step=2", "#wuhai");
        let state = initial_state(&options, &content, Lang::En);
        assert_eq!(
            (state.lang, state.selected.as_deref()),
            (Lang::En, Some("wuhai"))
        );
        let kiosk = state.kiosk.expect("a kiosk");
        assert_eq!(
            (
                kiosk.timings.attract_ms,
                kiosk.timings.reset_ms,
                kiosk.timings.step_ms
            ),
            (30_000.0, 12_000.0, 2_000.0)
        );
        assert_eq!(
            kiosk.timings.countdown_ms, 6_000.0,
            "at most half the reset time"
        );
        assert_eq!(kiosk.sites.len(), content.sites.len());
        let page = initial_state(&Options::from_address("", "#nowhere"), &content, Lang::Zh);
        assert_eq!((page.selected, page.kiosk), (None, None));
        let stats = |query| initial_state(&Options::from_address(query, ""), &content, Lang::Zh);
        assert!(stats("?mode=kiosk&stats").stats, "the operator's counts");
        assert!(!stats("?stats").stats, "a kiosk's only");
    }
}
