//! Geography: the projection, the boundary asset and label placement (pure: no `web-sys`).

mod asset;
mod layout;
mod projection;

pub use asset::{Capital, Fit, MapAsset, Region, EMBEDDED_JSON};
pub use layout::{
    font_px, layout, layout_for, layout_with, marker_radius, region_label, text_width, Inset,
    Layout, PlacedLabel, PlacedMarker, Rect, ScaleBar, SitePoint, MIN_FONT_PX, PHONE_MAP_BELOW_PX,
    TOUCH_TARGET_PX,
};
pub use projection::{Albers, AlbersParams, EARTH_RADIUS_KM, INNER_MONGOLIA};
