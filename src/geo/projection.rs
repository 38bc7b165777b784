//! Albers equal-area conic projection on the sphere (Snyder, *Map Projections: A Working Manual*,
//! 1987, pp. 98–103), the projection of choice for a region wider east–west than north–south.

use crate::fmath::{cos, sin};

/// Mean Earth radius in km (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The parameters this widget uses for Inner Mongolia: standard parallels 40°N and 50°N, which
/// bracket the region; centred on 111.5°E and 45°N.
pub const INNER_MONGOLIA: AlbersParams = AlbersParams {
    parallel1: 40.0,
    parallel2: 50.0,
    origin_lat: 45.0,
    origin_lon: 111.5,
};

/// The defining parameters, in degrees.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AlbersParams {
    pub parallel1: f64,
    pub parallel2: f64,
    pub origin_lat: f64,
    pub origin_lon: f64,
}

/// A ready-to-use projection with its constants worked out once.
#[derive(Clone, Copy, Debug)]
pub struct Albers {
    n: f64,
    c: f64,
    rho0: f64,
    lon0: f64,
    radius: f64,
}

impl Albers {
    /// # Units
    /// Degrees in; `radius` sets the output unit (km with [`EARTH_RADIUS_KM`]).
    pub fn new(params: AlbersParams, radius: f64) -> Self {
        let (phi1, phi2) = (params.parallel1.to_radians(), params.parallel2.to_radians());
        let n = (sin(phi1) + sin(phi2)) / 2.0;
        let c = cos(phi1).powi(2) + 2.0 * n * sin(phi1);
        let rho0 = radius * (c - 2.0 * n * sin(params.origin_lat.to_radians())).sqrt() / n;
        Self {
            n,
            c,
            rho0,
            lon0: params.origin_lon,
            radius,
        }
    }

    /// Projects a point.
    ///
    /// # Units
    /// Degrees in (east, north); out in the radius's unit, x east and y north of the origin.
    ///
    /// ```
    /// use imreform::geo::{Albers, INNER_MONGOLIA, EARTH_RADIUS_KM};
    /// let albers = Albers::new(INNER_MONGOLIA, EARTH_RADIUS_KM);
    /// let (x, y) = albers.project(111.5, 45.0);
    /// assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
    /// ```
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let rho = self.radius * (self.c - 2.0 * self.n * sin(lat.to_radians())).sqrt() / self.n;
        let theta = self.n * (lon - self.lon0).to_radians();
        (rho * sin(theta), self.rho0 - rho * cos(theta))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn matches_snyders_worked_example() {
        // Snyder 1987, p. 292: sphere R = 1, φ1 = 29.5°, φ2 = 45.5°, φ0 = 23°, λ0 = −96°;
        // (35°N, 75°W) → x = 0.2952720, y = 0.2416774.
        let params = AlbersParams {
            parallel1: 29.5,
            parallel2: 45.5,
            origin_lat: 23.0,
            origin_lon: -96.0,
        };
        let (x, y) = Albers::new(params, 1.0).project(-75.0, 35.0);
        assert!(close(x, 0.2952720, 1e-7), "x = {x}");
        assert!(close(y, 0.2416774, 1e-7), "y = {y}");
    }

    #[test]
    fn central_meridian_is_straight_and_north_is_up() {
        let albers = Albers::new(INNER_MONGOLIA, EARTH_RADIUS_KM);
        let (x_south, y_south) = albers.project(111.5, 38.0);
        let (x_north, y_north) = albers.project(111.5, 52.0);
        assert!(x_south.abs() < 1e-9 && x_north.abs() < 1e-9);
        assert!(y_north > y_south);
        // 14° of latitude along a meridian is about 1557 km; Albers keeps it within 2% here.
        let length = y_north - y_south;
        assert!(close(length, 1557.0, 31.0), "{length}");
    }

    #[test]
    fn preserves_area() {
        // A 1° × 1° cell at 45°N has area R² · Δλ · (sin φ2 − sin φ1).
        let albers = Albers::new(INNER_MONGOLIA, EARTH_RADIUS_KM);
        for (lon, lat) in [(100.0, 40.0), (111.5, 45.0), (122.0, 50.0)] {
            let corners = [
                albers.project(lon, lat),
                albers.project(lon + 1.0, lat),
                albers.project(lon + 1.0, lat + 1.0),
                albers.project(lon, lat + 1.0),
            ];
            // The cell's edges along parallels are arcs; densify them for the shoelace sum.
            let mut ring = Vec::new();
            for i in 0..=100 {
                ring.push(albers.project(lon + i as f64 / 100.0, lat));
            }
            for i in 0..=100 {
                ring.push(albers.project(lon + 1.0 - i as f64 / 100.0, lat + 1.0));
            }
            let area: f64 = ring
                .iter()
                .zip(ring.iter().cycle().skip(1))
                .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
                .sum::<f64>()
                .abs()
                / 2.0;
            let expected = EARTH_RADIUS_KM.powi(2)
                * 1f64.to_radians()
                * ((lat + 1.0).to_radians().sin() - lat.to_radians().sin());
            assert!(
                close(area / expected, 1.0, 1e-4),
                "{area} vs {expected} at {corners:?}"
            );
        }
    }
}
