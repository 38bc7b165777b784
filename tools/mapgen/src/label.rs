//! Where a region's name fits best: the point inside its polygon farthest from any edge (a
//! grid-refined "pole of inaccessibility"), so names stay inside even concave regions.

use crate::simplify::{segment_distance, XY};

/// Signed distance from `p` to the polygon's edges: positive inside, negative outside.
fn signed_distance(p: XY, rings: &[Vec<XY>]) -> f64 {
    let mut inside = false;
    let mut nearest = f64::INFINITY;
    for ring in rings {
        for (a, b) in ring.iter().zip(ring.iter().skip(1)) {
            if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
                inside = !inside;
            }
            nearest = nearest.min(segment_distance(p, *a, *b));
        }
    }
    if inside {
        nearest
    } else {
        -nearest
    }
}

/// The interior point farthest from the edges of a polygon given as closed rings (outer first).
pub fn pole_of_inaccessibility(rings: &[Vec<XY>]) -> XY {
    let outer = &rings[0];
    let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for p in outer {
        min = (min.0.min(p.0), min.1.min(p.1));
        max = (max.0.max(p.0), max.1.max(p.1));
    }
    let mut best = ((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0);
    let mut best_distance = signed_distance(best, rings);
    let (mut span_x, mut span_y) = (max.0 - min.0, max.1 - min.1);
    let mut centre = best;
    const STEPS: usize = 24;
    // Search a grid over the whole box, then twice more around the best cell, finer each time.
    for _ in 0..3 {
        for i in 0..=STEPS {
            for j in 0..=STEPS {
                let p = (
                    centre.0 - span_x / 2.0 + span_x * i as f64 / STEPS as f64,
                    centre.1 - span_y / 2.0 + span_y * j as f64 / STEPS as f64,
                );
                let d = signed_distance(p, rings);
                if d > best_distance {
                    (best, best_distance) = (p, d);
                }
            }
        }
        centre = best;
        span_x /= STEPS as f64 / 4.0;
        span_y /= STEPS as f64 / 4.0;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_l_shape_gets_a_point_inside_its_thick_part() {
        // An L: a 10×2 bar along the bottom and a 2×10 bar up the left side.
        let l = vec![vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 2.0),
            (2.0, 2.0),
            (2.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]];
        let p = pole_of_inaccessibility(&l);
        assert!(signed_distance(p, &l) > 0.9, "{p:?} is not well inside");
        // The box centre (5, 5) is outside the L.
        assert!(signed_distance((5.0, 5.0), &l) < 0.0);
    }
}
