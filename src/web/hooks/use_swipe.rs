//! A sideways swipe on a touch screen does what "next" and "previous" do. The card allows only
//! vertical panning (CSS touch-action), so a scroll ends in pointercancel, never a swipe; the
//! decision itself is `crate::gesture::classify` (pure).

use yew::prelude::*;

use crate::gesture::{classify, Swipe};

/// Where and when a touch began.
#[derive(Clone, Copy)]
struct TouchStart {
    x: f64,
    y: f64,
    at_ms: f64,
}

/// The pointer handlers (down, up, cancel) that call `on_swipe` with the swipe's direction.
pub struct SwipeHandlers {
    pub down: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
    pub cancel: Callback<PointerEvent>,
}

#[hook]
pub fn use_swipe(on_swipe: Callback<Swipe>) -> SwipeHandlers {
    let touch = use_mut_ref(|| None::<TouchStart>);
    let down = {
        let touch = touch.clone();
        Callback::from(move |event: PointerEvent| {
            *touch.borrow_mut() = (event.pointer_type() == "touch").then(|| TouchStart {
                x: f64::from(event.client_x()),
                y: f64::from(event.client_y()),
                at_ms: event.time_stamp(),
            });
        })
    };
    let up = {
        let touch = touch.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(start) = touch.borrow_mut().take() else {
                return;
            };
            let swipe = classify(
                f64::from(event.client_x()) - start.x,
                f64::from(event.client_y()) - start.y,
                event.time_stamp() - start.at_ms,
            );
            if let Some(swipe) = swipe {
                on_swipe.emit(swipe);
            }
        })
    };
    let cancel = Callback::from(move |_: PointerEvent| *touch.borrow_mut() = None);
    SwipeHandlers { down, up, cancel }
}
