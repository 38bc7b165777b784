//! Kiosk behaviour in the browser: measures idle time and reports it to the state (which
//! decides about the attract loop and resets), swallows the touch that stops the loop (and the
//! click of a touch on the reset countdown's "Stay"), blocks the context menu, selection and
//! dragging, hides the pointer when idle, reloads daily at the configured time, and opens the
//! operator's visit counts on their key (`kiosk_timing::is_operator_key`).
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

/// Whether `event` is the operator's key press (the kiosk build's: no other has the counts).
fn is_operator_key(event: &web_sys::Event) -> bool {
    cfg!(feature = "kiosk")
        && event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|key| {
                crate::kiosk_timing::is_operator_key(&key.code(), key.ctrl_key(), key.alt_key())
            })
}

/// An event listener the browser calls.
type Listener = Closure<dyn Fn(web_sys::Event)>;

/// Listeners on the window in the capture phase, removed when this is dropped.
struct CapturedListeners {
    window: web_sys::Window,
    listeners: Vec<(&'static str, Rc<Listener>)>,
}

impl CapturedListeners {
    fn new(window: web_sys::Window) -> Self {
        Self {
            window,
            listeners: Vec::new(),
        }
    }

    fn listen(&mut self, names: &[&'static str], listener: Listener) {
        let listener = Rc::new(listener);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        for &name in names {
            let _ = self
                .window
                .add_event_listener_with_callback_and_add_event_listener_options(
                    name,
                    listener.as_ref().as_ref().unchecked_ref(),
                    &options,
                );
            self.listeners.push((name, listener.clone()));
        }
    }
}

impl Drop for CapturedListeners {
    fn drop(&mut self) {
        for (name, listener) in &self.listeners {
            let _ = self.window.remove_event_listener_with_callback_and_bool(
                name,
                listener.as_ref().as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// What the kiosk's listeners share.
#[derive(Clone)]
struct Input {
    last_ms: Rc<Cell<f64>>,
    swallow_click: Rc<Cell<bool>>,
    attracting: Rc<Cell<bool>>,
}

/// A touch, key or wheel: input now; the touch that stops the attract loop does nothing else.
fn on_input(
    input: Input,
    element: web_sys::Element,
    dispatcher: UseReducerDispatcher<AppState>,
) -> Listener {
    Closure::new(move |event: web_sys::Event| {
        input.last_ms.set(now());
        let _ = element.remove_attribute("data-pointer");
        if is_operator_key(&event) {
            // The operator, not a visitor: no session, no swallowed click.
            event.prevent_default();
            dispatcher.dispatch(Action::ShowStats(true));
            return;
        }
        let stopped_loop = input.attracting.get();
        if stopped_loop {
            event.prevent_default();
            event.stop_propagation();
        }
        // Its click is swallowed too, as is the click of a touch on "Stay" (the countdown goes
        // as the finger lands, so the click would press whatever lies under it); never a later
        // touch's.
        input
            .swallow_click
            .set(crate::kiosk_timing::swallow_next_click(
                event.type_() == "pointerdown",
                stopped_loop,
                on_countdown(&event),
                input.swallow_click.get(),
            ));
        dispatcher.dispatch(if event.type_() == "pointerdown" {
            Action::Touch
        } else {
            Action::OtherInput
        });
    })
}

/// The click of a touch that was only meant to stop the loop or to stay is swallowed.
fn on_click(swallow_click: Rc<Cell<bool>>) -> Listener {
    Closure::new(move |event: web_sys::Event| {
        if swallow_click.replace(false) {
            event.prevent_default();
            event.stop_propagation();
        }
    })
}

/// Whether the daily reload is due: the one thing that reads the wall clock, and never in the
/// first minute (a reload at 04:30 must not reload again).
fn reload_due(reload_at: Option<(u32, u32)>, started_ms: f64) -> bool {
    let Some((hour, minute)) = reload_at else {
        return false;
    };
    let date = js_sys::Date::new_0();
    date.get_hours() == hour && date.get_minutes() == minute && now() - started_ms > 61_000.0
}

/// Every tick: the idle time to the state, the pointer hidden when idle, the daily reload.
fn ticker(
    last_input_ms: Rc<Cell<f64>>,
    element: web_sys::Element,
    dispatcher: UseReducerDispatcher<AppState>,
    reload_at: Option<(u32, u32)>,
    step_ms: f64,
) -> Interval {
    let started_ms = now();
    Interval::new(tick_ms(step_ms), move || {
        let idle_ms = now() - last_input_ms.get();
        if idle_ms > HIDE_POINTER_MS {
            let _ = element.set_attribute("data-pointer", "hidden");
        }
        dispatcher.dispatch(Action::Tick { idle_ms });
        if reload_due(reload_at, started_ms) {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    })
}

/// The kiosk's browser side while `enabled` (see the module's note); `attracting` is the
/// state's, read by the listeners; `step_ms` sets how often idle time is checked.
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
    let attracting = attracting_now.borrow().clone();
    use_effect_with(enabled, move |&enabled| -> Box<dyn FnOnce()> {
        // A kiosk reloads itself after a crash (crate::web::crash).
        crate::web::crash::set_kiosk(enabled);
        let (true, Some(element), Some(window)) =
            (enabled, root.cast::<web_sys::Element>(), web_sys::window())
        else {
            return Box::new(|| ());
        };
        // The page-wide kiosk styles (no zoom, no selection), taken off again at teardown.
        let page = window.document().and_then(|d| d.document_element());
        if let Some(page) = &page {
            let _ = page.class_list().add_1("kiosk");
        }
        let input = Input {
            last_ms: Rc::new(Cell::new(now())),
            swallow_click: Rc::new(Cell::new(false)),
            attracting,
        };
        // On the window, capturing: before Yew's own capturing listeners on the app root, so
        // the touch that stops the attract loop never reaches a marker.
        let mut listeners = CapturedListeners::new(window);
        let swallow_click = input.swallow_click.clone();
        let last_ms = input.last_ms.clone();
        listeners.listen(
            &["pointerdown", "keydown", "wheel"],
            on_input(input, element.clone(), dispatcher.clone()),
        );
        listeners.listen(&["click"], on_click(swallow_click));
        listeners.listen(
            &["contextmenu", "dragstart", "selectstart"],
            Closure::new(|event: web_sys::Event| event.prevent_default()),
        );
        let ticker = ticker(last_ms, element, dispatcher, reload_at, step_ms);
        Box::new(move || {
            drop((listeners, ticker));
            if let Some(page) = &page {
                let _ = page.class_list().remove_1("kiosk");
            }
        })
    });
}
