//! A hook that reports an element's width in CSS pixels, updated (debounced) when it resizes.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// How long a resize must settle before the layout is recomputed.
const DEBOUNCE_MS: u32 = 120;

/// The width of `node` in CSS pixels (`fallback` until it is mounted and measured).
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    use_measured_width(node).unwrap_or(fallback)
}

/// The width of `node` in CSS pixels, once it is mounted and measured.
#[hook]
pub fn use_measured_width(node: NodeRef) -> Option<f64> {
    let width = use_state_eq(|| None);
    {
        let width = width.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
            let observer = element.as_ref().and_then(|element| {
                width.set(Some(f64::from(element.client_width()).max(1.0)));
                let measured = element.clone();
                let pending = pending.clone();
                let on_resize = Closure::<dyn FnMut()>::new(move || {
                    let width = width.clone();
                    let measured = measured.clone();
                    // Replacing the timeout cancels the previous one: only the last resize counts.
                    *pending.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                        width.set(Some(f64::from(measured.client_width()).max(1.0)));
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
    *width
}
