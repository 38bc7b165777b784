//! Douglas–Peucker line simplification. Arc endpoints (junctions) always stay, so neighbours
//! that share an arc keep an identical border.

pub type XY = (f64, f64);

/// Simplifies an open polyline, keeping its endpoints; `tolerance` in the points' unit.
pub fn douglas_peucker(points: &[XY], tolerance: f64) -> Vec<XY> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (mut farthest, mut distance) = (first, 0.0);
        for i in first + 1..last {
            let d = segment_distance(points[i], points[first], points[last]);
            if d > distance {
                (farthest, distance) = (i, d);
            }
        }
        if distance > tolerance {
            keep[farthest] = true;
            stack.push((first, farthest));
            stack.push((farthest, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(&p, k)| k.then_some(p))
        .collect()
}

/// Simplifies a closed arc (last point equals first): split at the point farthest from the
/// start so the loop cannot collapse to a line.
pub fn simplify_closed(points: &[XY], tolerance: f64) -> Vec<XY> {
    if points.len() <= 4 {
        return points.to_vec();
    }
    let start = points[0];
    let far = (1..points.len() - 1)
        .max_by(|&a, &b| dist(points[a], start).total_cmp(&dist(points[b], start)))
        .unwrap_or(1);
    let mut result = douglas_peucker(&points[..=far], tolerance);
    result.pop();
    result.extend(douglas_peucker(&points[far..], tolerance));
    // A loop needs three distinct corners to enclose anything.
    if result.len() < 4 {
        let step = (points.len() - 1) / 3;
        return vec![points[0], points[step], points[2 * step], points[0]];
    }
    result
}

fn dist(a: XY, b: XY) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// Distance from `p` to the segment `a`–`b`.
pub fn segment_distance(p: XY, a: XY, b: XY) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return dist(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0);
    dist(p, (a.0 + t * dx, a.1 + t * dy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_points_within_tolerance_and_keeps_endpoints() {
        let line = [
            (0.0, 0.0),
            (1.0, 0.1),
            (2.0, -0.1),
            (3.0, 5.0),
            (4.0, 6.0),
            (5.0, 7.0),
        ];
        assert_eq!(
            douglas_peucker(&line, 0.5),
            [(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (5.0, 7.0)]
        );
        assert_eq!(douglas_peucker(&line, 100.0), [(0.0, 0.0), (5.0, 7.0)]);
    }

    #[test]
    fn a_closed_loop_keeps_an_area() {
        let circle: Vec<XY> = (0..=64)
            .map(|i| {
                let a = i as f64 / 64.0 * std::f64::consts::TAU;
                (a.cos(), a.sin())
            })
            .collect();
        let simplified = simplify_closed(&circle, 10.0);
        assert!(simplified.len() >= 4);
        assert_eq!(simplified.first(), simplified.last());
    }
}
