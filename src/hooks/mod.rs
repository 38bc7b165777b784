//! The widget's conversations with the browser and the host page, one custom hook each: the
//! address, the host's messages, the height report, the reader's selection, the kiosk. Each
//! releases what it registered when the widget goes away; none renders anything.

mod use_address_sync;
mod use_host;
mod use_kiosk;

pub use use_address_sync::{site_in, use_address_sync};
pub use use_host::{use_height_report, use_host_messages, use_selection_report};
pub use use_kiosk::use_kiosk;
