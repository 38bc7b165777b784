//! Makes neighbours' borders agree vertex for vertex before the arcs are cut. In ECharts' data
//! most shared borders match exactly, but some points sit a unit or two apart, or exist on only
//! one side; left alone, those borders would be simplified twice and open slivers.

use std::collections::HashMap;

use crate::decode::Point;

type Grid = HashMap<(i64, i64), Vec<(Point, usize)>>;

fn cell(p: Point, size: i64) -> (i64, i64) {
    (p[0].div_euclid(size), p[1].div_euclid(size))
}

fn grid(rings: &[(usize, Vec<Point>)], size: i64) -> Grid {
    let mut grid: Grid = HashMap::new();
    for (owner, ring) in rings {
        for &p in ring {
            grid.entry(cell(p, size)).or_default().push((p, *owner));
        }
    }
    grid
}

/// Snaps each vertex within `eps` (per axis) of another region's vertex onto it, then inserts
/// into every edge the other regions' vertices that lie within `eps` of it. `rings` pairs each
/// ring with the index of the region that owns it.
pub fn conform(rings: &mut [(usize, Vec<Point>)], eps: i64) {
    let size = eps.max(1) * 2;
    // 1. Snap near-coincident vertices to the first one seen.
    let index = grid(rings, size);
    let mut canonical: HashMap<Point, Point> = HashMap::new();
    for (owner, ring) in rings.iter() {
        for &p in ring {
            if canonical.contains_key(&p) {
                continue;
            }
            let (cx, cy) = cell(p, size);
            let mut target = p;
            'search: for dx in -1..=1 {
                for dy in -1..=1 {
                    for &(q, other) in index.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                        if other != *owner
                            && q != p
                            && (q[0] - p[0]).abs() <= eps
                            && (q[1] - p[1]).abs() <= eps
                            && canonical.get(&q).is_none_or(|c| *c == q)
                        {
                            target = q;
                            break 'search;
                        }
                    }
                }
            }
            canonical.insert(p, target);
            canonical.entry(target).or_insert(target);
        }
    }
    for (_, ring) in rings.iter_mut() {
        for p in ring.iter_mut() {
            *p = canonical[p];
        }
        remove_spikes(ring);
    }

    // 2. Put into each edge the other regions' vertices that lie on it (within eps).
    let index = grid(rings, size);
    for (owner, ring) in rings.iter_mut() {
        let mut out = Vec::with_capacity(ring.len());
        for w in ring.windows(2) {
            let (a, b) = (w[0], w[1]);
            out.push(a);
            let (min_x, max_x) = (a[0].min(b[0]) - eps, a[0].max(b[0]) + eps);
            let (min_y, max_y) = (a[1].min(b[1]) - eps, a[1].max(b[1]) + eps);
            let mut on_edge: Vec<(f64, Point)> = Vec::new();
            let (c0, c1) = (cell([min_x, min_y], size), cell([max_x, max_y], size));
            for cx in c0.0..=c1.0 {
                for cy in c0.1..=c1.1 {
                    for &(q, other) in index.get(&(cx, cy)).into_iter().flatten() {
                        if other == *owner || q == a || q == b {
                            continue;
                        }
                        if let Some(t) = on_segment(q, a, b, eps as f64) {
                            if !on_edge.iter().any(|(_, p)| *p == q) {
                                on_edge.push((t, q));
                            }
                        }
                    }
                }
            }
            on_edge.sort_by(|x, y| x.0.total_cmp(&y.0));
            out.extend(on_edge.into_iter().map(|(_, q)| q));
        }
        if let Some(&last) = ring.last() {
            out.push(last);
        }
        remove_spikes(&mut out);
        *ring = out;
    }
}

/// Removes repeated points and the back-and-forth steps (x, y, x) that snapping can leave,
/// keeping the ring closed.
pub fn remove_spikes(ring: &mut Vec<Point>) {
    let mut kept: Vec<Point> = Vec::with_capacity(ring.len());
    for &p in ring.iter() {
        if kept.last() == Some(&p) {
            continue;
        }
        if kept.len() >= 2 && kept[kept.len() - 2] == p {
            kept.pop();
            continue;
        }
        kept.push(p);
    }
    // The same across the closing point: the ring's open form must not start with a spike.
    while kept.len() > 3 && kept[1] == kept[kept.len() - 2] {
        kept.pop();
        kept.remove(0);
        let first = kept[0];
        if kept.last() != Some(&first) {
            kept.push(first);
        }
    }
    *ring = kept;
}

/// Where `q` projects onto `a`–`b` (0..1, exclusive), if it lies within `eps` of the segment.
fn on_segment(q: Point, a: Point, b: Point, eps: f64) -> Option<f64> {
    let (dx, dy) = ((b[0] - a[0]) as f64, (b[1] - a[1]) as f64);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return None;
    }
    let (qx, qy) = ((q[0] - a[0]) as f64, (q[1] - a[1]) as f64);
    let t = (qx * dx + qy * dy) / length2;
    if t <= 0.0 || t >= 1.0 {
        return None;
    }
    let distance = (qx - t * dx).hypot(qy - t * dy);
    (distance <= eps).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spikes_and_repeats_go() {
        let mut ring = vec![
            [0, 0],
            [5, 0],
            [5, 0],
            [6, 1],
            [5, 0],
            [5, 5],
            [0, 5],
            [0, 0],
        ];
        remove_spikes(&mut ring);
        assert_eq!(ring, [[0, 0], [5, 0], [5, 5], [0, 5], [0, 0]]);
    }

    #[test]
    fn a_border_digitised_differently_on_each_side_comes_out_identical() {
        // The shared edge x = 10: the left square has a vertex at (10, 5) that the right square
        // lacks, and the right square's corner is one unit off at (11, 10).
        let left = vec![[0, 0], [10, 0], [10, 5], [10, 10], [0, 10], [0, 0]];
        let right = vec![[10, 0], [20, 0], [20, 10], [11, 10], [10, 0]];
        let mut rings = vec![(0, left), (1, right)];
        conform(&mut rings, 2);
        let (left, right) = (&rings[0].1, &rings[1].1);
        // Both sides now run through the same points: the corner snapped to one of its two
        // versions, and the left's middle vertex inserted on the right.
        let border = |ring: &Vec<Point>| -> Vec<Point> {
            let mut b: Vec<Point> = ring
                .iter()
                .copied()
                .filter(|p| p[0] >= 10 && p[0] <= 11 && p[1] > 0)
                .collect();
            b.sort_unstable();
            b.dedup();
            b
        };
        assert_eq!(border(left), border(right), "{left:?} vs {right:?}");
        assert!(right.contains(&[10, 5]), "vertex inserted: {right:?}");
    }
}
