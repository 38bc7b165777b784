//! The widget's conversations with the browser and the host page, one custom hook each: the
//! address, the host's messages, the height report, the reader's selection, the kiosk and its
//! visit counts, a card's swipe and share button. Each releases what it registered when the
//! widget goes away; none renders anything (the counts' download is a plain function beside
//! their hooks).

mod use_address_sync;
mod use_host;
mod use_kiosk;
mod use_share_link;
mod use_swipe;
#[cfg(feature = "kiosk")]
mod use_visit_counts;

pub use use_address_sync::{site_in, use_address_sync};
pub use use_host::{use_height_report, use_host_messages, use_selection_report};
pub use use_kiosk::use_kiosk;
pub use use_share_link::use_share_link;
pub use use_swipe::use_swipe;
#[cfg(feature = "kiosk")]
pub use use_visit_counts::{download, local_hour, use_stored_visits, use_visit_counts};

/// The reader's build counts nothing (the kiosk build's hook is `use_visit_counts::use_visit_counts`).
#[cfg(not(feature = "kiosk"))]
#[yew::hook]
pub fn use_visit_counts(_visit: Option<(u32, crate::visits::Visit)>) {}
