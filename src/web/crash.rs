//! When something panics, the reader gets a small notice with a reload button instead of a
//! frozen page, and the cause goes to the console. A kiosk reloads itself.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::web::components::strings::BILINGUAL;

static KIOSK: AtomicBool = AtomicBool::new(false);

/// How long a kiosk shows the notice before reloading.
pub const KIOSK_RELOAD_MS: i32 = 8_000;

/// Marks the page as a kiosk (which reloads itself after a crash).
pub fn set_kiosk(kiosk: bool) {
    KIOSK.store(kiosk, Ordering::Relaxed);
}

/// What the panic hook does (installed through `yew::set_custom_panic_hook` by `mount`, so
/// Yew keeps it): log the cause, show the notice. Runs before `panic = "abort"` stops the module.
pub fn report(cause: &str) {
    web_sys::console::error_1(&format!("[imreform] crashed: {cause}").into());
    show_notice();
}

/// Shows the notice (once) at the bottom of the page. Styled through the CSSOM, which a strict
/// content-security policy allows, because the page's stylesheet may be what failed.
pub fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("imreform-crash").is_some() {
        return;
    }
    let (Ok(notice), Ok(text), Ok(button)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("button"),
    ) else {
        return;
    };
    notice.set_id("imreform-crash");
    let _ = notice.set_attribute("role", "alert");
    text.set_text_content(Some(BILINGUAL.crashed));
    button.set_text_content(Some(BILINGUAL.reload));
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    if let Some(style) = notice.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) {
        for (name, value) in [
            ("position", "fixed"),
            ("left", "12px"),
            ("right", "12px"),
            ("bottom", "12px"),
            ("z-index", "2147483647"),
            ("padding", "12px 16px"),
            ("border-radius", "8px"),
            ("background", "#1d2329"),
            ("color", "#ffffff"),
            ("font", "16px/1.4 system-ui, sans-serif"),
        ] {
            let _ = style.set_property(name, value);
        }
    }
    let _ = notice.append_child(&text);
    let _ = notice.append_child(&button);
    if let Some(body) = document.body() {
        let _ = body.append_child(&notice);
    }
    if KIOSK.load(Ordering::Relaxed) {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                reload.as_ref().unchecked_ref(),
                KIOSK_RELOAD_MS,
            );
        }
    }
    // The page is going away or being reloaded; the listener lives as long as it does.
    reload.forget();
}
