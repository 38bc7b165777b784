//! The widget's conversations with the browser and the host page, one custom hook each: the
//! address, the host's messages, the height report, the reader's selection, the kiosk, a
//! card's swipe and share button. Each releases what it registered when the widget goes away;
//! none renders anything.

mod use_address_sync;
mod use_host;
mod use_kiosk;
mod use_share_link;
mod use_swipe;

pub use use_address_sync::{site_in, use_address_sync};
pub use use_host::{use_height_report, use_host_messages, use_selection_report};
pub use use_kiosk::use_kiosk;
pub use use_share_link::use_share_link;
pub use use_swipe::use_swipe;
