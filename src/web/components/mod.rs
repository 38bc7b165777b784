//! Yew components: props in, callbacks out.

mod chart_view;
mod data_link;
mod error_panel;
mod figure_tile;
mod frame;
mod map;
mod overview_card;
mod site_card;
mod site_list;
pub mod strings;
mod surface;
mod use_width;
#[cfg(feature = "kiosk")]
mod visit_stats;
mod width_hints;

pub use chart_view::ChartView;
pub use error_panel::error_panel;
pub use figure_tile::figure_tiles;
pub use frame::{initial_state, Frame};
pub use map::{Map, MapDefs, MapDefsProps};
pub use overview_card::OverviewCard;
pub use site_card::SiteCard;
pub use site_list::{site_list, SiteListProps};
pub use strings::{strings, Strings};
pub use surface::{use_surface, Surface};
#[cfg(feature = "kiosk")]
pub use visit_stats::VisitStats;
pub use width_hints::WidthHints;

/// A `class` attribute: the parts that are present, space-separated. (Yew's `classes!` keeps
/// an ordered hash set per element; a plain string does the same job in less wasm.)
pub fn class_list(parts: &[Option<&str>]) -> String {
    let mut class = String::new();
    for part in parts.iter().flatten() {
        if !class.is_empty() {
            class.push(' ');
        }
        class.push_str(part);
    }
    class
}

/// The class that colours a site's marker, number badge and legend entry by its kind.
pub fn kind_class(kind: crate::content::Kind) -> &'static str {
    use crate::content::Kind;
    match kind {
        Kind::CityOrBanner => "marker--city",
        Kind::DevelopmentZone => "marker--zone",
        Kind::Enterprise => "marker--enterprise",
    }
}
