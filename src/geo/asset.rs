//! The boundary asset (`assets/inner-mongolia.json`), written by `tools/mapgen` and embedded in
//! the widget: TopoJSON-style shared arcs, already projected and quantized to integer map units.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::projection::{Albers, AlbersParams, EARTH_RADIUS_KM};

/// The asset shipped with the widget, as `tools/mapgen` wrote it. The widget itself reads the
/// same data from statics `build.rs` generates (`embedded`), never this text.
pub const EMBEDDED_JSON: &str = include_str!("../../assets/inner-mongolia.json");

include!(concat!(env!("OUT_DIR"), "/map_asset.rs"));

/// Decodes the generated statics: every arc's values one after another, each zigzag-encoded
/// as a base-128 varint (see `build.rs`).
fn arcs(data: &[u8], lengths: &[u16]) -> Vec<Vec<i32>> {
    let mut bytes = data.iter();
    let mut next = || {
        let (mut zigzag, mut shift) = (0u32, 0);
        for &byte in bytes.by_ref() {
            zigzag |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                break;
            }
            shift += 7;
        }
        (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32)
    };
    lengths
        .iter()
        .map(|&length| (0..length).map(|_| next()).collect())
        .collect()
}

/// Boundaries of Inner Mongolia's twelve leagues and cities.
///
/// Map units: x east, y **down** (SVG), `width` × `height` for the whole region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapAsset {
    pub source: String,
    pub licence: String,
    pub width: u32,
    pub height: u32,
    pub projection: AlbersParams,
    pub fit: Fit,
    /// Each arc is `[x0, y0, dx1, dy1, dx2, dy2, …]`: a start point then deltas. An arc is
    /// stored once even when two regions share it, so their border is identical on both sides.
    pub arcs: Vec<Vec<i32>>,
    pub regions: Vec<Region>,
    pub capital: Capital,
}

/// How projected km become map units: `x = (km_x − left) · scale`, `y = (top − km_y) · scale`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fit {
    pub scale: f64,
    pub left: f64,
    pub top: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The administrative division code (150100 for Hohhot).
    pub code: String,
    pub zh: String,
    pub en: String,
    /// Polygons (outer ring first, then holes); each ring lists arcs by index, `!i` (bitwise
    /// not, i.e. `-i - 1`) for arc `i` walked backwards.
    pub polygons: Vec<Vec<Vec<i32>>>,
    /// Where the name sits best: the point inside farthest from the edges, in map units.
    pub label: [i32; 2],
    /// Projected area in km², for ordering labels by size.
    pub area_km2: f64,
}

/// The regional capital, marked on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capital {
    /// Division code of the league or city it lies in.
    pub region: String,
    pub zh: String,
    pub en: String,
    pub at: [i32; 2],
}

impl Fit {
    /// # Units
    /// Projected km in, map units out.
    pub fn apply(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.left) * self.scale, (self.top - y) * self.scale)
    }
}

impl MapAsset {
    /// The asset shipped with the widget (built into it, so it cannot fail to load).
    pub fn embedded() -> Self {
        generated()
    }

    /// Projects a WGS84 point into map units, as the boundaries were.
    pub fn locate(&self, lon: f64, lat: f64) -> (f64, f64) {
        let albers = Albers::new(self.projection, EARTH_RADIUS_KM);
        self.fit.apply(albers.project(lon, lat))
    }

    /// Kilometres per map unit (the same everywhere, up to the projection's small scale error).
    pub fn km_per_unit(&self) -> f64 {
        1.0 / self.fit.scale
    }

    /// The points of arc `reference` (negative: reversed), absolute map units.
    pub fn arc_points(&self, reference: i32) -> Vec<(i32, i32)> {
        let index = if reference < 0 { !reference } else { reference } as usize;
        let Some(arc) = self.arcs.get(index) else {
            return Vec::new();
        };
        let mut points = Vec::with_capacity(arc.len() / 2);
        let (mut x, mut y) = (0, 0);
        for pair in arc.chunks_exact(2) {
            x += pair[0];
            y += pair[1];
            points.push((x, y));
        }
        if reference < 0 {
            points.reverse();
        }
        points
    }

    /// SVG path data of one region's fill.
    pub fn region_path(&self, region: &Region) -> String {
        let mut d = String::new();
        for ring in region.polygons.iter().flatten() {
            let mut first = true;
            for &arc in ring {
                let points = self.arc_points(arc);
                // Consecutive arcs share their junction point: skip the repeat.
                let skip = usize::from(!first);
                for (x, y) in points.into_iter().skip(skip) {
                    let command = if first { 'M' } else { 'L' };
                    let _ = write!(d, "{command}{x} {y}");
                    first = false;
                }
            }
            d.push('Z');
        }
        d
    }

    /// SVG path data of the arcs used by exactly `uses` rings: 2 for borders between regions,
    /// 1 for the region's outline.
    pub fn mesh_path(&self, uses: usize) -> String {
        let mut count = vec![0usize; self.arcs.len()];
        for ring in self
            .regions
            .iter()
            .flat_map(|r| r.polygons.iter().flatten())
        {
            for &arc in ring {
                let index = if arc < 0 { !arc } else { arc } as usize;
                if let Some(c) = count.get_mut(index) {
                    *c += 1;
                }
            }
        }
        let mut d = String::new();
        for (index, _) in count.iter().enumerate().filter(|(_, &c)| c == uses) {
            for (i, (x, y)) in self.arc_points(index as i32).into_iter().enumerate() {
                let command = if i == 0 { 'M' } else { 'L' };
                let _ = write!(d, "{command}{x} {y}");
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_statics_are_the_committed_json() {
        let parsed: MapAsset = serde_json::from_str(EMBEDDED_JSON).expect("the asset is JSON");
        assert!(
            MapAsset::embedded() == parsed,
            "build.rs and the JSON disagree"
        );
    }
}
