//! The little the widget asks of the browser: its address, history, language, colour scheme,
//! focus and console. Thin on purpose; the decisions are made in pure modules.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's `?query` and `#fragment`.
pub fn address() -> (String, String) {
    let Some(location) = window().map(|w| w.location()) else {
        return (String::new(), String::new());
    };
    (
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

/// Rewrites the fragment without adding a history entry (empty: no fragment at all).
pub fn replace_fragment(fragment: &str) {
    let Some(window) = window() else { return };
    let location = window.location();
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        fragment
    );
    if location.hash().unwrap_or_default() != fragment {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The reader's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default()
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

/// Whether the system asks for a dark colour scheme, kept up to date when it changes.
#[hook]
pub fn use_prefers_dark() -> bool {
    let dark = use_state_eq(|| dark_query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let query = dark_query();
            let listener = Closure::<dyn Fn()>::new(move || {
                dark.set(dark_query().is_some_and(|q| q.matches()));
            });
            if let Some(query) = &query {
                let _ = query
                    .add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(query) = &query {
                    let _ = query.remove_event_listener_with_callback(
                        "change",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *dark
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("[imreform] {message}")));
}

/// Moves keyboard focus to the element matching `selector` inside `root`.
pub fn focus(root: &web_sys::Element, selector: &str) {
    let Ok(Some(element)) = root.query_selector(selector) else {
        return;
    };
    if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    } else if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Calls `on_change` when the reader navigates: a new fragment, back or forward.
#[hook]
pub fn use_address_change(on_change: Callback<()>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || on_change.emit(()));
        let window = window();
        if let Some(window) = &window {
            for event in ["hashchange", "popstate"] {
                let _ = window
                    .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
        move || {
            if let Some(window) = &window {
                for event in ["hashchange", "popstate"] {
                    let _ = window.remove_event_listener_with_callback(
                        event,
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        }
    });
}
