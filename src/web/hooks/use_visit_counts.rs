//! A kiosk's visit counts in the browser's own storage (`localStorage`, one key, the CSV of
//! `crate::visits`), never sent anywhere: each visit the state numbers is added to the local
//! hour it happened in, and rows older than 90 days are pruned. Storage that is missing,
//! refused or full is reported once in the console and the widget goes on without counting; a
//! stored value that cannot be read is reported and replaced.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::visits::{Hour, Visit, Visits};
use crate::web::browser::warn;

/// The storage key (one per origin: a kiosk serves one widget).
const KEY: &str = "imreform.visits";

/// How long a download's object URL lives: the browser has read the blob long before (the
/// delay FileSaver.js settled on for slow browsers, where revoking at once broke downloads).
const REVOKE_AFTER_MS: u32 = 40_000;

thread_local! {
    /// Whether storage's unavailability has been reported (once a page is enough).
    static REPORTED: Cell<bool> = const { Cell::new(false) };
}

/// Says once per page why the counts cannot be kept.
fn report_unavailable(why: &str) {
    if !REPORTED.with(|reported| reported.replace(true)) {
        warn(&format!(
            "visit counts are not kept: the browser's storage {why}; the widget works on without them"
        ));
    }
}

fn storage() -> Option<web_sys::Storage> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(storage))) => Some(storage),
        Some(Err(error)) => {
            report_unavailable(&format!("is refused ({})", describe(&error)));
            None
        }
        _ => {
            report_unavailable("is missing");
            None
        }
    }
}

/// A JS error's name and message, or whatever it is as a string.
fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

/// The stored counts; none if there are none, storage is unavailable, or the stored value
/// cannot be read (which is reported, and the value removed so the next visit starts afresh).
fn load() -> Visits {
    let Some(storage) = storage() else {
        return Visits::default();
    };
    let text = match storage.get_item(KEY) {
        Ok(text) => text.unwrap_or_default(),
        Err(error) => {
            report_unavailable(&format!("cannot be read ({})", describe(&error)));
            return Visits::default();
        }
    };
    if text.is_empty() {
        return Visits::default();
    }
    Visits::from_csv(&text).unwrap_or_else(|error| {
        warn(&format!(
            "the stored visit counts ({KEY}) were not readable ({error}) and are replaced by new ones"
        ));
        let _ = storage.remove_item(KEY);
        Visits::default()
    })
}

fn save(visits: &Visits) {
    if let Some(storage) = storage() {
        if let Err(error) = storage.set_item(KEY, &visits.to_csv(None)) {
            report_unavailable(&format!("is full or refused ({})", describe(&error)));
        }
    }
}

/// The local hour now (the wall clock: counts are by hour of day, not intervals).
pub fn local_hour() -> Hour {
    let now = js_sys::Date::new_0();
    Hour::at(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
    )
}

/// Counts each `visit` the state numbers (only a kiosk's state numbers any).
#[hook]
pub fn use_visit_counts(visit: Option<(u32, Visit)>) {
    use_effect_with(visit, |visit| {
        if let Some((_, visit)) = visit {
            let at = local_hour();
            let mut visits = load();
            visits.add(at, visit);
            visits.prune(at.day);
            save(&visits);
        }
    });
}

/// The stored counts, read as the calling component mounts, and a callback that clears them.
#[hook]
pub fn use_stored_visits() -> (Rc<Visits>, Callback<()>) {
    let visits = use_state(|| Rc::new(load()));
    let clear = {
        let visits = visits.clone();
        Callback::from(move |()| {
            if let Some(storage) = storage() {
                let _ = storage.remove_item(KEY);
            }
            visits.set(Rc::default());
        })
    };
    ((*visits).clone(), clear)
}

/// Offers `text` as a download named `file_name`, from memory (no network): a Blob and an
/// object URL, revoked once the browser has read it.
pub fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    // Not in the page: its click reaches no listener of the widget's or the kiosk's.
    link.click();
    Timeout::new(REVOKE_AFTER_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
