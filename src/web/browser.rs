//! The little the widget asks of the browser: its address, history, language, colour scheme,
//! focus and console. Thin on purpose; the decisions are made in pure modules.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::options::{self, Options, Source};
use crate::share::UrlParts;

/// The page's window; none when the components render natively (the prerender at build
/// time), where every function here quietly does nothing.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
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

/// The page's own options: its address, and the public address in its owner's markup (the
/// `<link rel=canonical>` of `index.html`, absolute, set when the widget is built; see
/// README, "Security").
pub fn page_options() -> Options {
    let (query, fragment) = address();
    let mut pairs = options::address_pairs(&query, &fragment);
    if let Some(canonical) = canonical_link() {
        pairs.push((Source::Markup, "share".to_owned(), canonical));
    }
    Options::read(pairs, Some(parse_url))
}

/// The `href` of the page's `<link rel=canonical>` as written (a relative one is refused).
fn canonical_link() -> Option<String> {
    window()?
        .document()?
        .query_selector("link[rel=canonical]")
        .ok()??
        .get_attribute("href")
}

/// The browser's own WHATWG URL parser (`share::UrlParser`).
pub fn parse_url(text: &str) -> Option<UrlParts> {
    let url = web_sys::Url::new(text).ok()?;
    Some(UrlParts {
        href: url.href(),
        protocol: url.protocol(),
        username: url.username(),
        password: url.password(),
        hostname: url.hostname(),
        hash: url.hash(),
    })
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

/// Sets the document's title (unchanged when it already reads `title`).
pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        if document.title() != title {
            document.set_title(title);
        }
    }
}

/// Sets `<html lang>`, so screen readers, fonts and translation tools follow the widget.
pub fn set_page_lang(tag: &str) {
    if let Some(page) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .filter(|page| page.get_attribute("lang").as_deref() != Some(tag))
    {
        let _ = page.set_attribute("lang", tag);
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
    if window().is_none() {
        return;
    }
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

/// Whether the widget runs inside a frame of another page.
pub fn in_frame() -> bool {
    window().is_some_and(|w| w.parent().ok().flatten().is_some_and(|p| p != w))
}

/// A message as the JS object JSON would give (`None` as `null`, maps as plain objects).
pub fn to_js<T: serde::Serialize>(message: &T) -> JsValue {
    message
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Posts a message (an object, or a plain string for pym.js) to the parent page.
pub fn post_to_parent(message: &JsValue) {
    let Some(parent) = window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    // Heights and selections are not secrets; the parent's origin is not known in advance.
    let _ = parent.post_message(message, "*");
}

/// Dispatches a bubbling `CustomEvent` named `name` with `detail` on a script embed's element.
pub fn dispatch_on(element: &web_sys::Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// Reads a named string field of a received message.
pub type FieldReader = Rc<dyn Fn(&str) -> Option<String>>;

/// Reads a string field of a message's data object.
fn field(data: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

/// The one window whose messages steer the widget: in a frame, the page around it (the host
/// posts to the frame's `contentWindow`); else the page's own window (a script embed's host
/// posts to its own `window`). Any other frame on the page (an ad, a social widget) is not
/// the page's owner.
fn steering_window() -> Option<JsValue> {
    let window = window()?;
    let parent = window.parent().ok().flatten();
    Some(match parent {
        Some(parent) if parent != window => parent.into(),
        _ => window.into(),
    })
}

/// Calls `on_message(type, field reader)` for each `message` event from the steering window
/// whose data is an object with a string `type` (or JSON text of one); everything else is
/// dropped here.
#[hook]
pub fn use_messages(on_message: Callback<(String, FieldReader)>) {
    use_effect_with((), move |_| {
        let steering = steering_window();
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let source = event.source().map(JsValue::from);
                if source.is_none() || source != steering {
                    return;
                }
                let mut data = event.data();
                if let Some(text) = data.as_string() {
                    // Some hosts send JSON text; a plain string (pym's, say) is not for us.
                    match js_sys::JSON::parse(&text) {
                        Ok(parsed) if parsed.is_object() => data = parsed,
                        _ => return,
                    }
                }
                if !data.is_object() {
                    return;
                }
                let Some(kind) = field(&data, "type") else {
                    return;
                };
                let reader: FieldReader = Rc::new(move |name| field(&data, name));
                on_message.emit((kind, reader));
            });
        let window = window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = &window {
                let _ = window.remove_event_listener_with_callback(
                    "message",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// Calls `on_height` with the element's height in whole CSS pixels whenever it changes.
#[hook]
pub fn use_height(node: NodeRef, on_height: Callback<u32>) {
    use_effect_with(node, move |node| {
        let element = node.cast::<web_sys::Element>();
        let last = Rc::new(std::cell::Cell::new(0u32));
        let observer = element.as_ref().and_then(|element| {
            let measured = element.clone();
            let report = move || {
                let height = measured.get_bounding_client_rect().height().ceil() as u32;
                if height != last.get() {
                    last.set(height);
                    on_height.emit(height);
                }
            };
            report();
            let closure = Closure::<dyn Fn()>::new(report);
            let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
            observer.observe(element);
            Some((observer, closure))
        });
        move || {
            if let Some((observer, _closure)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Fetches a same-origin text file with a size limit and a timeout, for content overrides.
/// Redirects are refused (a same-origin address may redirect anywhere), and the body is read
/// as a stream that stops at `max_bytes`, with or without a Content-Length. Every failure
/// comes back as a sentence for the reader.
pub async fn fetch_text(url: &str, max_bytes: usize, timeout_ms: u32) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = window().ok_or("no window")?;
    let base = window
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| format!("\"{url}\" is not a valid address"))?;
    let origin = window.location().origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(format!(
            "\"{url}\" is on another server; only this site's own files are loaded"
        ));
    }
    let controller = web_sys::AbortController::new().map_err(|_| "cannot start a request")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    init.set_redirect(web_sys::RequestRedirect::Error);
    let abort = controller.clone();
    let timer = gloo_timers::callback::Timeout::new(timeout_ms, move || abort.abort());
    let seconds = timeout_ms / 1000;
    let response = JsFuture::from(window.fetch_with_str_and_init(&resolved.href(), &init))
        .await
        .map_err(|_| {
            format!("could not load \"{url}\" within {seconds} s (or it redirects elsewhere)")
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!(
            "\"{url}\" answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let bytes = read_at_most(&response, max_bytes)
        .await
        .map_err(|problem| match problem {
            BodyProblem::TooLarge => {
                format!("\"{url}\" is larger than the {} KB limit", max_bytes / 1000)
            }
            BodyProblem::Unreadable => format!("could not read \"{url}\" within {seconds} s"),
        })?;
    drop(timer);
    String::from_utf8(bytes).map_err(|_| format!("\"{url}\" is not UTF-8 text"))
}

enum BodyProblem {
    TooLarge,
    Unreadable,
}

/// The response's body, read chunk by chunk and given up (the stream cancelled) as soon as it
/// passes `max_bytes`.
async fn read_at_most(
    response: &web_sys::Response,
    max_bytes: usize,
) -> Result<Vec<u8>, BodyProblem> {
    use wasm_bindgen_futures::JsFuture;
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| BodyProblem::Unreadable)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name)).ok();
        if field("done").and_then(|done| done.as_bool()) != Some(false) {
            return Ok(bytes);
        }
        let value = js_sys::Uint8Array::new(&field("value").unwrap_or_default());
        if bytes.len() + value.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Err(BodyProblem::TooLarge);
        }
        bytes.extend(value.to_vec());
    }
}

/// The widget's own page, without query or fragment: the base of a link to share.
pub fn page_url() -> Option<String> {
    let location = window()?.location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

/// What became of a request to share a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system's share sheet took it.
    Sheet,
    /// The reader closed the share sheet: nothing to say.
    Cancelled,
    /// On the clipboard.
    Copied,
    /// Neither works here (no Web Share, no clipboard permission): show it to copy by hand.
    Unavailable,
}

/// Calls `object.name(argument)` if it is a function returning a promise, and awaits it.
async fn call_promise(
    object: &JsValue,
    name: &str,
    argument: &JsValue,
) -> Option<Result<(), JsValue>> {
    let function = js_sys::Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = function
        .call1(object, argument)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    Some(
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map(|_| ()),
    )
}

/// Shares `url` with the system's share sheet where the browser has one (phones), else puts
/// it on the clipboard.
pub async fn share(title: &str, url: &str) -> ShareOutcome {
    let Some(window) = window() else {
        return ShareOutcome::Unavailable;
    };
    let navigator: JsValue = window.navigator().into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    match call_promise(&navigator, "share", &data).await {
        Some(Ok(())) => return ShareOutcome::Sheet,
        Some(Err(error)) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                return ShareOutcome::Cancelled;
            }
        }
        None => {}
    }
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    match call_promise(&clipboard, "writeText", &url.into()).await {
        Some(Ok(())) => ShareOutcome::Copied,
        _ => ShareOutcome::Unavailable,
    }
}

/// Whether the page is being printed (or shown as print media), kept up to date.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let query = window().and_then(|w| w.match_media("print").ok().flatten());
            let window = window();
            let (on_change, on_before, on_after) = {
                let (a, b, c) = (printing.clone(), printing.clone(), printing);
                let query = query.clone();
                (
                    Closure::<dyn Fn()>::new(move || {
                        a.set(query.as_ref().is_some_and(|q| q.matches()))
                    }),
                    Closure::<dyn Fn()>::new(move || b.set(true)),
                    Closure::<dyn Fn()>::new(move || c.set(false)),
                )
            };
            if let Some(query) = &query {
                let _ = query
                    .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            }
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "beforeprint",
                    on_before.as_ref().unchecked_ref(),
                );
                let _ = window.add_event_listener_with_callback(
                    "afterprint",
                    on_after.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(query) = &query {
                    let _ = query.remove_event_listener_with_callback(
                        "change",
                        on_change.as_ref().unchecked_ref(),
                    );
                }
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "beforeprint",
                        on_before.as_ref().unchecked_ref(),
                    );
                    let _ = window.remove_event_listener_with_callback(
                        "afterprint",
                        on_after.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *printing
}
