//! A hook that reports an element's width and font size in CSS pixels, updated (debounced) when
//! it resizes.
//!
//! Everything is read inside the `ResizeObserver`'s callback, which the browser runs after it
//! has laid the page out and before it paints: reading a width there costs nothing, and the
//! state it sets is rendered before that paint. Read in an effect instead (as this hook once
//! did), the width forced a layout of the half-patched page in the middle of a click.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// How long a resize must settle before the layout is recomputed.
const DEBOUNCE_MS: u32 = 120;

/// The width of `node` and its computed font size, both in CSS pixels, once it is mounted and
/// laid out (`None` until then, and while it is not displayed). A kiosk's charts draw their text
/// at the size the stylesheet gives their box.
#[hook]
pub fn use_measured(node: NodeRef) -> Option<(f64, f64)> {
    let size = use_state_eq(|| None);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let observer = element.as_ref().and_then(|element| {
                let measured = element.clone();
                let pending = pending.clone();
                // The first observation (the element's first layout) is taken at once, so the
                // first paint has it; later ones only once resizing settles.
                let first = Cell::new(true);
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    if first.replace(false) {
                        size.set(measure(&measured));
                        return;
                    }
                    let size = size.clone();
                    let measured = measured.clone();
                    // Replacing the timeout cancels the previous one: only the last resize counts.
                    *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                        size.set(measure(&measured));
                    }));
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(element);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
                pending.borrow_mut().take();
            }
        });
    }
    *size
}

/// The element's width (at least 1 px) and font size.
fn measure(element: &Element) -> Option<(f64, f64)> {
    Some((
        f64::from(element.client_width()).max(1.0),
        font_size(element),
    ))
}

/// The computed font size of `element` in CSS px (0 if it cannot be read).
fn font_size(element: &Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|value| crate::decimal::parse(value.strip_suffix("px")?))
        .unwrap_or(0.0)
}
