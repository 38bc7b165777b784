//! Geography: the projection, the boundary asset and label placement (pure: no `web-sys`).

mod asset;
mod projection;

pub use asset::{Capital, Fit, MapAsset, Region, EMBEDDED_JSON};
pub use projection::{Albers, AlbersParams, EARTH_RADIUS_KM, INNER_MONGOLIA};
