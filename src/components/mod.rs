//! Yew components: props in, callbacks out.

mod error_panel;
mod map;
mod site_list;
mod use_width;

pub use error_panel::ErrorPanel;
pub use map::Map;
pub use site_list::SiteList;
