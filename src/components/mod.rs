//! Yew components: props in, callbacks out.

mod error_panel;
mod map_frame;
mod site_list;

pub use error_panel::ErrorPanel;
pub use map_frame::MapFrame;
pub use site_list::SiteList;
