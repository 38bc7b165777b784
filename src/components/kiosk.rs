//! Kiosk behaviour in the browser: measures idle time and reports it to the state (which
//! decides about the attract loop and resets), swallows the touch that stops the loop (and the
//! click of a touch on the reset countdown's "Stay"), blocks the context menu, selection and
//! dragging, hides the pointer when idle, and reloads daily at the configured time.
//! Everything is released when the widget goes away.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, AppState};

/// How often idle time is checked: ten times a second, or faster for short test timings.
fn tick_ms(step_ms: f64) -> u32 {
    crate::fmath::clamp(step_ms / 2.0, 16.0, 100.0) as u32
}
/// The pointer hides after this long without input.
const HIDE_POINTER_MS: f64 = 3_000.0;

/// Milliseconds on the page's monotonic clock. Idle time is an interval, and the wall clock
/// jumps (an NTP sync after an offline boot sets it back by hours), so intervals never read it.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Whether `event` began on the reset countdown (its "Stay" button or its bar).
fn on_countdown(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(".kiosk__countdown").ok().flatten())
        .is_some()
}

#[hook]
pub fn use_kiosk(
    root: NodeRef,
    enabled: bool,
    attracting: bool,
    dispatcher: UseReducerDispatcher<AppState>,
    reload_at: Option<(u32, u32)>,
    step_ms: f64,
) {
    // Read by the listeners, which outlive renders.
    let attracting_now = use_mut_ref(|| Rc::new(Cell::new(false)));
    attracting_now.borrow().set(attracting);
    let flag = attracting_now.borrow().clone();
    use_effect_with(enabled, move |&enabled| -> Box<dyn FnOnce()> {
        if let (true, Some(element)) = (enabled, root.cast::<web_sys::Element>()) {
            let last_input = Rc::new(Cell::new(now()));
            let swallow_click = Rc::new(Cell::new(false));
            let started = now();
            // The page-wide kiosk styles (no zoom, no selection), taken off again at teardown.
            let page = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element());
            if let Some(page) = &page {
                let _ = page.class_list().add_1("kiosk");
            }

            let on_input = {
                let (last_input, swallow_click, flag, dispatcher) = (
                    last_input.clone(),
                    swallow_click.clone(),
                    flag.clone(),
                    dispatcher.clone(),
                );
                let element = element.clone();
                Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                    last_input.set(now());
                    let _ = element.remove_attribute("data-pointer");
                    let stopped_loop = flag.get();
                    if stopped_loop {
                        // The touch that stops the attract loop does nothing else.
                        event.prevent_default();
                        event.stop_propagation();
                    }
                    // Its click is swallowed too, as is the click of a touch on "Stay" (the
                    // countdown goes as the finger lands, so the click would press whatever lies
                    // under it); never a later touch's.
                    swallow_click.set(crate::kiosk::swallow_next_click(
                        event.type_() == "pointerdown",
                        stopped_loop,
                        on_countdown(&event),
                        swallow_click.get(),
                    ));
                    dispatcher.dispatch(Action::Touch);
                })
            };
            let on_click = {
                let swallow_click = swallow_click.clone();
                Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                    if swallow_click.replace(false) {
                        event.prevent_default();
                        event.stop_propagation();
                    }
                })
            };
            let block = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
                event.prevent_default()
            });
            // On the window, capturing: before Yew's own capturing listeners on the app root, so
            // the touch that stops the attract loop never reaches a marker.
            let Some(window) = web_sys::window() else {
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            };
            let listen = |name: &str, f: &Closure<dyn Fn(web_sys::Event)>| {
                let options = web_sys::AddEventListenerOptions::new();
                options.set_capture(true);
                let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                    name,
                    f.as_ref().unchecked_ref(),
                    &options,
                );
            };
            for name in ["pointerdown", "keydown", "wheel"] {
                listen(name, &on_input);
            }
            listen("click", &on_click);
            for name in ["contextmenu", "dragstart", "selectstart"] {
                listen(name, &block);
            }

            let ticker = {
                let element = element.clone();
                Interval::new(tick_ms(step_ms), move || {
                    let idle_ms = now() - last_input.get();
                    if idle_ms > HIDE_POINTER_MS {
                        let _ = element.set_attribute("data-pointer", "hidden");
                    }
                    dispatcher.dispatch(Action::Tick { idle_ms });
                    if let Some((hour, minute)) = reload_at {
                        // The daily reload is the one thing that reads the wall clock.
                        let date = js_sys::Date::new_0();
                        let due = date.get_hours() == hour && date.get_minutes() == minute;
                        // Not in the first minute: a reload at 04:30 must not reload again.
                        if due && now() - started > 61_000.0 {
                            if let Some(window) = web_sys::window() {
                                let _ = window.location().reload();
                            }
                        }
                    }
                })
            };
            return Box::new(move || {
                for name in ["pointerdown", "keydown", "wheel"] {
                    let _ = window.remove_event_listener_with_callback_and_bool(
                        name,
                        on_input.as_ref().unchecked_ref(),
                        true,
                    );
                }
                let _ = window.remove_event_listener_with_callback_and_bool(
                    "click",
                    on_click.as_ref().unchecked_ref(),
                    true,
                );
                for name in ["contextmenu", "dragstart", "selectstart"] {
                    let _ = window.remove_event_listener_with_callback_and_bool(
                        name,
                        block.as_ref().unchecked_ref(),
                        true,
                    );
                }
                drop(ticker);
                if let Some(page) = &page {
                    let _ = page.class_list().remove_1("kiosk");
                }
            });
        }
        Box::new(|| ())
    });
}
