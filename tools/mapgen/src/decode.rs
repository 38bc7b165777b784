//! ECharts' "UTF8Encoding" of GeoJSON coordinates.

/// A point in ECharts' integer units: 1/1024 degree of longitude and latitude.
pub type Point = [i64; 2];

/// Units per degree in ECharts' encoding.
pub const UNITS_PER_DEGREE: f64 = 1024.0;

/// Decodes one ring: for each pair of UTF-16 code units subtract 64, zig-zag decode
/// `(v >> 1) ^ -(v & 1)`, and add to the previous value, starting from `offset`.
pub fn decode_ring(encoded: &str, offset: Point) -> Result<Vec<Point>, String> {
    let units: Vec<u16> = encoded.encode_utf16().collect();
    if !units.len().is_multiple_of(2) {
        return Err(format!("odd number of code units ({})", units.len()));
    }
    let mut previous = offset;
    Ok(units
        .chunks_exact(2)
        .map(|pair| {
            let mut point = [0; 2];
            for (axis, &unit) in pair.iter().enumerate() {
                let v = i64::from(unit) - 64;
                previous[axis] += (v >> 1) ^ -(v & 1);
                point[axis] = previous[axis];
            }
            point
        })
        .collect())
}

pub fn to_degrees([x, y]: Point) -> (f64, f64) {
    (x as f64 / UNITS_PER_DEGREE, y as f64 / UNITS_PER_DEGREE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes as ECharts' own tool does, to build known rings.
    fn encode(points: &[Point], offset: Point) -> String {
        let mut previous = offset;
        let mut units = Vec::new();
        for point in points {
            for axis in 0..2 {
                let delta = point[axis] - previous[axis];
                previous[axis] = point[axis];
                let zigzag = (delta << 1) ^ (delta >> 63);
                units.push((zigzag + 64) as u16);
            }
        }
        String::from_utf16(&units).unwrap()
    }

    #[test]
    fn decodes_a_known_ring() {
        // The first four points of Hohhot's ring in echarts 4.9.0, by hand: "@@FCBG" from
        // offset (114172, 42326): (0,0), (+3,−2), (+1,−4).
        let ring = decode_ring("@@FCBG", [114172, 42326]).unwrap();
        assert_eq!(ring, [[114172, 42326], [114175, 42324], [114176, 42320]]);
        let (lon, lat) = to_degrees(ring[0]);
        assert!((lon - 111.496).abs() < 1e-3 && (lat - 41.334).abs() < 1e-3);
    }

    #[test]
    fn round_trips_large_and_negative_steps() {
        let points = [[0, 0], [500, -300], [-20, 7000], [-20, 7000]];
        assert_eq!(
            decode_ring(&encode(&points, [3, 4]), [3, 4]).unwrap(),
            points
        );
    }

    #[test]
    fn rejects_an_odd_length() {
        assert!(decode_ring("@@F", [0, 0]).is_err());
    }
}
