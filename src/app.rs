//! The root component: loads the content and the map once, holds the state, keeps the address
//! in step with it, and lays out the frame.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::components::{
    error_panel, site_list, strings, use_kiosk, Map, OverviewCard, SiteCard, SiteListProps,
    WidthHints,
};
use crate::content::{self, Content, Lang, LoadError};
use crate::embed::{self, HostMessage};
use crate::geo::MapAsset;
use crate::kiosk::Timings;
use crate::route::{self, Mode, Route, Scheme};
use crate::shared::Shared;
use crate::state::{Action, AppState, KioskConfig};

/// A script embed: the host page's element the widget lives in, and the options read from its
/// data attributes. Such a widget leaves the page's address alone.
pub struct EmbedHost {
    pub element: web_sys::Element,
    pub options: Route,
    /// The widget's own page (where boot.js came from), for links to share.
    pub page: Option<String>,
}

impl PartialEq for EmbedHost {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Set for a script embed; `None` on the widget's own page (or in an iframe).
    #[prop_or_default]
    pub host: Option<Rc<EmbedHost>>,
    /// The prerender's widths on screen, measured before it was replaced.
    #[prop_or_default]
    pub hints: WidthHints,
}

/// Where the content comes from when an override file was asked for.
#[derive(Clone, PartialEq)]
enum Remote {
    Loading,
    Ready(Shared<Content>),
    Failed(LoadError),
}

/// How long a content override may take to arrive.
const FETCH_TIMEOUT_MS: u32 = 10_000;

#[component]
pub fn App(props: &AppProps) -> Html {
    let embedded: Rc<Result<Shared<Content>, LoadError>> =
        use_memo((), |_| content::embedded().map(Shared::new));
    let asset = (*use_memo((), |_| Shared::new(MapAsset::embedded()))).clone();
    // Only the content file and the mode matter here; Frame reads (and reports) the rest.
    let (override_url, kiosk) = {
        let host = props.host.clone();
        let options = use_memo((), move |_| match &host {
            Some(host) => host.options.clone(),
            None => {
                let (query, fragment) = browser::address();
                Route::parse(&query, &fragment, &[])
            }
        });
        (options.content.clone(), options.mode == Some(Mode::Kiosk))
    };
    let remote = use_state(|| Remote::Loading);
    let attempt = use_state(|| 0u32);
    {
        let remote = remote.clone();
        use_effect_with((override_url.clone(), *attempt), move |(url, _)| {
            if let Some(url) = url.clone() {
                remote.set(Remote::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = browser::fetch_text(&url, content::MAX_BYTES, FETCH_TIMEOUT_MS)
                        .await
                        .map_err(|message| {
                            LoadError::Invalid(vec![content::Problem::new(url.clone(), message)])
                        })
                        .and_then(|text| content::load(&text));
                    match loaded {
                        Ok(content) => remote.set(Remote::Ready(Shared::new(content))),
                        Err(err) => {
                            web_sys::console::error_1(
                                &format!("[imreform] content {url}: {err}").into(),
                            );
                            remote.set(Remote::Failed(err));
                        }
                    }
                });
            }
        });
    }
    {
        let embedded = embedded.clone();
        use_effect_with((), move |_| {
            if let Err(err) = &*embedded {
                web_sys::console::error_1(&err.to_string().into());
            }
        });
    }
    let frame = |content: &Shared<Content>| {
        html! {
            <ContextProvider<WidthHints> context={props.hints.clone()}>
                <Frame content={content.clone()} asset={asset.clone()} host={props.host.clone()} />
            </ContextProvider<WidthHints>>
        }
    };
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    match (&override_url, &*remote, &*embedded) {
        (None, _, Ok(content)) => frame(content),
        (None, _, Err(error)) => error_panel(error, None),
        (Some(_), Remote::Loading, _) => html! {
            <div class="widget widget--loading" role="status" data-testid="loading">
                { "正在载入内容… · Loading the content…" }
            </div>
        },
        (Some(_), Remote::Ready(content), _) => frame(content),
        // A kiosk has nobody to press "retry": it shows the built-in content instead.
        (Some(_), Remote::Failed(_), Ok(content)) if kiosk => frame(content),
        (Some(_), Remote::Failed(error), _) => error_panel(error, Some(retry)),
    }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    content: Shared<Content>,
    asset: Shared<MapAsset>,
    host: Option<Rc<EmbedHost>>,
    /// Rendered natively at build time in this language (see `Prerendered`).
    #[prop_or_default]
    prerender: Option<Lang>,
}

/// What the prerender draws for one language: the widget as it first appears (the map at every
/// width, the overview, the list of links), and, for readers without JavaScript (and print),
/// a dossier of every site's story and figures.
#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub content: Shared<Content>,
    pub asset: Shared<MapAsset>,
    pub lang: Lang,
}

#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    html! {
        <Frame content={props.content.clone()} asset={props.asset.clone()} host={None::<Rc<EmbedHost>>} prerender={Some(props.lang)} />
    }
}

/// What the page's address asks for, with anything ignored logged.
fn read_address(content: &Content) -> Route {
    let (query, fragment) = browser::address();
    let ids: Vec<&str> = content.sites.iter().map(|s| s.id.as_str()).collect();
    let route = Route::parse(&query, &fragment, &ids);
    for warning in &route.warnings {
        browser::warn(warning);
    }
    route
}

#[component]
fn Frame(props: &FrameProps) -> Html {
    // Options come once, from the address or the embed's attributes.
    let options = {
        let (content, host) = (props.content.clone(), props.host.clone());
        let prerender = props.prerender.is_some();
        use_memo((), move |_| match &host {
            Some(host) => host.options.clone(),
            None if prerender => Route::default(),
            None => read_address(&content),
        })
    };
    // Constant in the wasm, so the prerender's branches (the dossier, the links) compile out.
    let prerender = props.prerender.filter(|_| !cfg!(target_arch = "wasm32"));
    let state = {
        let options = options.clone();
        let content = props.content.clone();
        use_reducer(move || {
            let lang = prerender
                .unwrap_or_else(|| route::initial_lang(options.lang, &browser::languages()));
            let kiosk = (options.mode == Some(Mode::Kiosk)).then(|| {
                let defaults = Timings::default();
                let seconds =
                    |value: Option<f64>, default: f64| value.map_or(default, |s| s * 1000.0);
                let reset_ms = seconds(options.reset_s, defaults.reset_ms);
                Rc::new(KioskConfig {
                    timings: Timings {
                        attract_ms: seconds(options.idle_s, defaults.attract_ms),
                        reset_ms,
                        countdown_ms: defaults.countdown_ms.min(reset_ms / 2.0),
                        step_ms: seconds(options.step_s, defaults.step_ms),
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
                selected: options.site.clone(),
                scheme: options.scheme.unwrap_or_default(),
                kiosk,
                ..AppState::default()
            }
        })
    };
    let root = use_node_ref();
    let standalone = props.host.is_none();
    let mode = options.mode.unwrap_or_default();
    let kiosk = mode == Mode::Kiosk;
    crate::crash::set_kiosk(kiosk);
    let step_ms = state.kiosk.as_ref().map_or(8_000.0, |k| k.timings.step_ms);
    use_kiosk(
        root.clone(),
        kiosk,
        state.attracting,
        state.dispatcher(),
        options.reload_at,
        step_ms,
    );
    let embed_id = options
        .embed_id
        .clone()
        .unwrap_or_else(|| "imreform".to_owned());

    // On its own page the address follows the state without a history entry per click, and
    // the page's language follows the language shown (assets/lang.js set it for the first paint)...
    use_effect_with(
        (state.selected.clone(), state.lang),
        move |(selected, lang)| {
            if standalone {
                browser::replace_fragment(&route::fragment(selected.as_deref(), *lang, Lang::Zh));
                browser::set_page_lang(lang.tag());
            }
        },
    );
    // ...and the state follows the address when the reader navigates.
    {
        let dispatcher = state.dispatcher();
        let content = props.content.clone();
        browser::use_address_change(Callback::from(move |()| {
            if !standalone {
                return;
            }
            let route = read_address(&content);
            dispatcher.dispatch(Action::Navigate {
                site: route.site,
                lang: route.lang,
            });
        }));
    }
    // In a frame, the parent hears the widget's height in every format CMS plugins know.
    {
        let id = embed_id.clone();
        browser::use_height(
            root.clone(),
            Callback::from(move |height: u32| {
                if standalone && browser::in_frame() {
                    let (datawrapper, ours, pym) = embed::height_messages(&id, height);
                    browser::post_to_parent(&browser::to_js(&datawrapper));
                    browser::post_to_parent(&browser::to_js(&ours));
                    browser::post_to_parent(&pym.into());
                }
            }),
        );
    }
    // The host may change language, site or theme; anything else is ignored.
    {
        let dispatcher = state.dispatcher();
        let content = props.content.clone();
        let id = embed_id.clone();
        browser::use_messages(Callback::from(
            move |(kind, field): (String, browser::FieldReader)| {
                if field("id").is_some_and(|target| target != id) {
                    return;
                }
                let ids: Vec<&str> = content.sites.iter().map(|s| s.id.as_str()).collect();
                match embed::parse_host_message(Some(&kind), |name| field(name), &ids) {
                    Ok(Some(HostMessage::SetLang(lang))) => {
                        dispatcher.dispatch(Action::SetLang(lang))
                    }
                    Ok(Some(HostMessage::SetScheme(scheme))) => {
                        dispatcher.dispatch(Action::SetScheme(scheme))
                    }
                    Ok(Some(HostMessage::SetSite(site))) => {
                        dispatcher.dispatch(Action::Navigate { site, lang: None })
                    }
                    Ok(None) => {}
                    Err(problem) => browser::warn(&format!("ignored host message: {problem}")),
                }
            },
        ));
    }
    // The host hears which site the reader opened (not what it set itself at start).
    {
        let host = props.host.clone();
        let id = embed_id.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(
            (state.selected.clone(), state.lang),
            move |(selected, lang)| {
                if std::mem::replace(&mut *first.borrow_mut(), false) {
                    return;
                }
                let message =
                    browser::to_js(&embed::selected_message(&id, selected.as_deref(), *lang));
                match &host {
                    Some(host) => {
                        browser::dispatch_on(&host.element, "imreform:selected", &message)
                    }
                    None if browser::in_frame() => browser::post_to_parent(&message),
                    None => {}
                }
            },
        );
    }

    let lang = state.lang;
    let s = strings(lang);
    let article = &props.content.article;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let system_dark = browser::use_prefers_dark();
    let dark = match state.scheme {
        Scheme::Dark => true,
        Scheme::Light => false,
        Scheme::Auto => system_dark,
    };
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
    // Escape closes the card and puts focus back on its marker.
    let on_keydown = {
        let state = state.clone();
        let root = root.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
                return;
            }
            if let Some(id) = &state.selected {
                if let Some(root) = root.cast::<web_sys::Element>() {
                    browser::focus(&root, &format!("[data-testid=marker][data-site=\"{id}\"]"));
                }
                state.dispatch(Action::ClearSelection);
            }
        })
    };
    // No share button on a kiosk: nobody there has a phone in the widget's page (a kiosk's
    // way to take a story home is a QR code).
    let share_page = match &props.host {
        _ if kiosk => None,
        Some(host) => host.page.clone(),
        None => browser::page_url(),
    };
    // Printing gives a dossier: every site's story, figures and tables, in the language shown.
    let printing = browser::use_printing();
    let card = match &state.selected {
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
                on_close={on_clear.clone()}
                on_select={on_go.clone()}
                share_page={share_page.clone()}
                large_text={kiosk}
                share={options.share.clone().filter(|_| kiosk)}
            />
        },
        None => html! {
            <OverviewCard
                content={props.content.clone()}
                {lang}
                {dark}
                theme={state.highlight.clone()}
                {on_theme}
                on_select={on_go.clone()}
                prerender={prerender.is_some()}
                large_text={kiosk}
            />
        },
    };
    let announcement = match state
        .selected
        .as_deref()
        .and_then(|id| props.content.site(id))
    {
        Some(site) => format!("{} {} {}", s.opened, site.number, site.name.get(lang)),
        None => s.overview_shown.to_owned(),
    };
    let subtitle = |lang: Lang| match lang {
        Lang::Zh => format!("{}{}", article.subtitle.zh, article.series_part_label.zh),
        Lang::En => format!("{} ({})", article.subtitle.en, article.series_part_label.en),
    };
    let lang_button = |choice: Lang, text: &'static str| {
        let dispatcher = state.dispatcher();
        let pressed = lang == choice;
        html! {
            <button
                type="button"
                class={crate::components::class_list(&[Some("lang__button"), pressed.then_some("lang__button--on")])}
                lang={choice.tag()}
                aria-pressed={pressed.to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetLang(choice)))}
            >{ text }</button>
        }
    };
    html! {
        <div
            class={crate::components::class_list(&[Some("widget"), (mode == Mode::Embed).then_some("widget--embed"), (mode == Mode::Kiosk).then_some("widget--kiosk"), options.compact.unwrap_or(false).then_some("widget--compact")])}
            // Tests wait for the live widget; the prerender is what shows before it.
            data-testid={if prerender.is_some() { "prerender" } else { "widget" }}
            lang={lang.tag()}
            // The prerender cannot know the reader's scheme: CSS follows prefers-color-scheme.
            data-theme={match (prerender, dark) {
                (Some(_), _) if state.scheme == Scheme::Auto => "auto",
                (_, true) => "dark",
                (_, false) => "light",
            }}
            ref={root}
            onkeydown={on_keydown}
        >
            <header class="widget__header">
                <div class="widget__titles">
                    <h1 class="widget__title">{ article.title.get(lang) }</h1>
                    <p class="widget__subtitle">{ subtitle(lang) }</p>
                    <p class="widget__subtitle widget__subtitle--other" lang={other.tag()}>{ article.title.get(other) }</p>
                    // A kiosk's map holds still when the attract loop (or a visitor) switches the
                    // language: every text above and below it keeps the height of the taller of
                    // its two languages, the other one laid out unseen in the same place.
                    if kiosk {
                        <div class="kiosk-ghost widget__titles-ghost" aria-hidden="true" lang={other.tag()}>
                            <p class="widget__title">{ article.title.get(other) }</p>
                            <p class="widget__subtitle">{ subtitle(other) }</p>
                            <p class="widget__subtitle widget__subtitle--other" lang={lang.tag()}>{ article.title.get(lang) }</p>
                        </div>
                    }
                </div>
                <div class="lang" role="group" aria-label="语言 · Language" data-testid="lang-switch">
                    { lang_button(Lang::Zh, "中文") }
                    { lang_button(Lang::En, "English") }
                </div>
            </header>
            // Map, card, list: on a phone the card a reader opens sits right under the map.
            <main class="widget__body">
                <div class="widget__map">
                    <Map
                        content={props.content.clone()}
                        asset={props.asset.clone()}
                        {lang}
                        selected={state.selected.clone()}
                        theme={state.highlight.clone()}
                        touch={kiosk}
                        prerender={prerender.is_some()}
                        on_select={on_select.clone()}
                        on_clear={on_clear.clone()}
                    />
                </div>
                <div class="widget__card">{ card }</div>
                <div class="widget__list">
                    { site_list(&SiteListProps {
                        content: props.content.clone(),
                        selected: state.selected.clone(),
                        lang,
                        on_select,
                        links: prerender.is_some(),
                        kiosk,
                    }) }
                </div>
            </main>
            <footer class="widget__credit" data-testid="credit">
                <p>{ article.credit.get(lang) }</p>
                if kiosk {
                    <p class="kiosk-ghost" aria-hidden="true" lang={other.tag()}>{ article.credit.get(other) }</p>
                }
            </footer>
            if printing {
                { dossier(&props.content, lang, "dossier dossier--print", "print-dossier") }
            }
            if prerender == Some(Lang::Zh) {
                // For readers without JavaScript (hidden once a script runs): every site's story,
                // which the markers and list entries link to. In the default language only, so
                // each site's id is on the page once.
                { dossier(&props.content, lang, "dossier", "dossier") }
            }
            <div class="visually-hidden" aria-live="polite" data-testid="announcer">{ announcement }</div>
            if state.attracting {
                <div class="kiosk__prompt" data-testid="attract-prompt" aria-hidden="true">
                    <span lang="zh-Hans">{ "触摸屏幕，开始探索" }</span>
                    <span lang="en">{ "Touch to explore" }</span>
                </div>
            }
            if let Some(seconds) = state.countdown {
                <div class="kiosk__countdown" role="alert" data-testid="countdown">
                    <p>{ match lang {
                        Lang::Zh => format!("{seconds} 秒后返回概览"),
                        Lang::En => format!("Returning to the overview in {seconds} s"),
                    } }</p>
                    <button type="button" class="kiosk__stay" data-testid="stay">
                        { match lang { Lang::Zh => "继续浏览", Lang::En => "Stay" } }
                    </button>
                </div>
            }
        </div>
    }
}

/// Every site's story, figures and tables, one after another: for readers without JavaScript
/// (in the prerender) and for print.
fn dossier(
    content: &Shared<Content>,
    lang: Lang,
    class: &'static str,
    testid: &'static str,
) -> Html {
    html! {
        <section {class} data-testid={testid} aria-label={strings(lang).sites}>
            { for content.sites_in_order().into_iter().map(|site| html! {
                <SiteCard
                    content={content.clone()}
                    site_id={site.id.clone()}
                    {lang}
                    on_close={Callback::noop()}
                    on_select={Callback::noop()}
                    dossier=true
                />
            }) }
        </section>
    }
}
