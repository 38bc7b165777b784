//! A hook that reports an element's width and font size in CSS pixels, updated (debounced) when
//! it resizes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// How long a resize must settle before the layout is recomputed.
const DEBOUNCE_MS: u32 = 120;

/// The width of `node` and its computed font size, both in CSS pixels, once it is mounted and
/// measured. A kiosk's charts draw their text at the size the stylesheet gives their box.
#[hook]
pub fn use_measured(node: NodeRef) -> Option<(f64, f64)> {
    let size = use_state_eq(|| None);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let measure = |element: &Element| {
                Some((
                    f64::from(element.client_width()).max(1.0),
                    font_size(element),
                ))
            };
            let observer = element.as_ref().and_then(|element| {
                size.set(measure(element));
                let measured = element.clone();
                let pending = pending.clone();
                let on_resize = Closure::<dyn FnMut()>::new(move || {
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

/// The computed font size of `element` in CSS px (0 if it cannot be read).
fn font_size(element: &Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|value| crate::decimal::parse(value.strip_suffix("px")?))
        .unwrap_or(0.0)
}
