//! On its own page the widget and the address agree: the fragment follows the state (without a
//! history entry per click, and after the frame that shows the change), the page's language the
//! language shown, and its title what is shown (the title of that site's own page, so a tab or a
//! bookmark names the site the reader is on); the state follows the address when the reader
//! navigates (a new fragment, back or forward).

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::by_identity::ByIdentity;
use crate::content::{Content, Lang};
use crate::options::{self, Options};
use crate::share;
use crate::state::{Action, AppState};
use crate::web::browser;

/// Keeps the address and the state in step; does nothing where the widget is not the page's
/// (`standalone` false: a script embed leaves its host's address alone).
#[hook]
pub fn use_address_sync(
    standalone: bool,
    state: &UseReducerHandle<AppState>,
    content: ByIdentity<Content>,
) {
    let shown = content.clone();
    use_effect_with(
        (state.selected.clone(), state.lang),
        move |(selected, lang)| {
            let pending = standalone.then(|| {
                // assets/lang.js set it for the first paint.
                browser::set_page_lang(lang.tag());
                // In a task of its own: after a click the browser paints before it runs the next
                // task, so the card comes first. Dropped (cancelled) by the next change.
                let fragment = options::fragment(selected.as_deref(), *lang, Lang::Zh);
                let site = selected.as_deref().and_then(|id| shown.site(id));
                let title = share::page_title(&shown, site, *lang);
                Timeout::new(0, move || {
                    browser::replace_fragment(&fragment);
                    browser::set_title(&title);
                })
            });
            move || drop(pending)
        },
    );
    let dispatcher = state.dispatcher();
    browser::use_address_change(Callback::from(move |()| {
        if standalone {
            dispatcher.dispatch(navigation(&content));
        }
    }));
}

/// The site `options` asks for if `content` has it (else none, logged).
pub fn site_in(content: &Content, options: &Options) -> Option<String> {
    let ids: Vec<&str> = content.sites.iter().map(|s| s.id.as_str()).collect();
    let (site, warning) = options.site_among(&ids);
    if let Some(warning) = warning {
        browser::warn(&warning);
    }
    site
}

/// Where the reader navigated to, with anything ignored logged.
fn navigation(content: &Content) -> Action {
    let (query, fragment) = browser::address();
    let options = Options::from_address(&query, &fragment);
    for warning in &options.warnings {
        browser::warn(warning);
    }
    Action::Navigate {
        site: site_in(content, &options),
        lang: options.lang,
    }
}
