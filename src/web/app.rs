//! The root component: loads the content and the map once, holds the state, keeps the address
//! in step with it, and lays out the frame.

use std::rc::Rc;

use yew::prelude::*;

use crate::by_identity::ByIdentity;
use crate::content::{self, Content, Lang, LoadError};
use crate::geo::MapAsset;
use crate::options::{Mode, Options};
use crate::web::browser;
use crate::web::components::{error_panel, strings, Frame, WidthHints};

/// A script embed: the host page's element the widget lives in, and the options read from its
/// data attributes. Such a widget leaves the page's address alone.
pub struct EmbedHost {
    pub element: web_sys::Element,
    pub options: Options,
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
    Ready(ByIdentity<Content>),
    Failed(LoadError),
}

thread_local! {
    /// The content and map built into the widget, read once for every instance on the page.
    static EMBEDDED: Rc<Result<ByIdentity<Content>, LoadError>> =
        Rc::new(content::embedded().map(ByIdentity::new));
    static ASSET: ByIdentity<MapAsset> = ByIdentity::new(MapAsset::embedded());
}

/// How long a content override may take to arrive.
const FETCH_TIMEOUT_MS: u32 = 10_000;

#[component]
pub fn App(props: &AppProps) -> Html {
    let embedded = EMBEDDED.with(Rc::clone);
    let asset = ASSET.with(Clone::clone);
    // The options are read once, here: from the embed's attributes, or from the page (its
    // address and its owner's markup).
    let options: Rc<Options> = {
        let host = props.host.clone();
        use_memo((), move |_| match &host {
            Some(host) => host.options.clone(),
            None => browser::page_options(),
        })
    };
    {
        let options = options.clone();
        use_effect_with((), move |_| {
            for warning in &options.warnings {
                browser::warn(warning);
            }
        });
    }
    let (override_url, kiosk) = (options.content.clone(), options.mode == Some(Mode::Kiosk));
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
                        Ok(content) => remote.set(Remote::Ready(ByIdentity::new(content))),
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
    let frame = |content: &ByIdentity<Content>| {
        html! {
            <ContextProvider<WidthHints> context={props.hints.clone()}>
                <Frame content={content.clone()} asset={asset.clone()} host={props.host.clone()} options={options.clone()} />
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
                { strings::BILINGUAL.loading }
            </div>
        },
        (Some(_), Remote::Ready(content), _) => frame(content),
        // A kiosk has nobody to press "retry": it shows the built-in content instead.
        (Some(_), Remote::Failed(_), Ok(content)) if kiosk => frame(content),
        (Some(_), Remote::Failed(error), _) => error_panel(error, Some(retry)),
    }
}

/// What the prerender draws for one language: the widget as it first appears (the map at every
/// width, the overview or one site's card, the list of links to each site's own page).
#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub content: ByIdentity<Content>,
    pub asset: ByIdentity<MapAsset>,
    pub lang: Lang,
    /// The site whose card is open (a page of one site, `crate::share_page`).
    #[prop_or_default]
    pub site: Option<String>,
}

#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    html! {
        <Frame content={props.content.clone()} asset={props.asset.clone()} host={None::<Rc<EmbedHost>>} options={Rc::new(Options { site: props.site.clone(), ..Options::default() })} prerender={Some(props.lang)} />
    }
}
