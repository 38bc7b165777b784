//! Cuts rings into arcs at the junctions where neighbours meet, and stores each arc once, so a
//! border shared by two regions is one arc that both refer to (TopoJSON's idea).

use std::collections::{HashMap, HashSet};

use crate::decode::Point;

/// A ring as arc references: `i` for arc `i`, `!i` for arc `i` walked backwards.
pub type ArcRing = Vec<i32>;

#[derive(Debug, Default)]
pub struct Topology {
    /// Each arc runs from one junction to the next; a closed arc's last point equals its first.
    pub arcs: Vec<Vec<Point>>,
}

/// Drops a ring's closing point (ECharts rings may repeat their first point at the end).
fn open(ring: &[Point]) -> &[Point] {
    match ring {
        [first, .., last] if first == last => &ring[..ring.len() - 1],
        _ => ring,
    }
}

/// The points where the rings' paths meet or part: where a point's neighbours differ from one
/// occurrence to another.
pub fn junctions(rings: &[Vec<Point>]) -> HashSet<Point> {
    let mut neighbours: HashMap<Point, Vec<[Point; 2]>> = HashMap::new();
    let mut found = HashSet::new();
    for ring in rings {
        let ring = open(ring);
        let n = ring.len();
        for (k, &point) in ring.iter().enumerate() {
            let mut pair = [ring[(k + n - 1) % n], ring[(k + 1) % n]];
            pair.sort_unstable();
            let seen = neighbours.entry(point).or_default();
            if seen.iter().any(|p| *p != pair) {
                found.insert(point);
            }
            seen.push(pair);
        }
    }
    found
}

impl Topology {
    /// Adds a ring, cutting it at junctions; returns its arc references.
    pub fn add_ring(
        &mut self,
        ring: &[Point],
        junctions: &HashSet<Point>,
        index: &mut ArcIndex,
    ) -> ArcRing {
        let ring = open(ring);
        let n = ring.len();
        let Some(start) = ring.iter().position(|p| junctions.contains(p)) else {
            // No junction: the whole ring is one closed arc, rotated to a canonical start so a
            // ring that two regions share (an enclave) is recognised.
            let min = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
            let mut arc: Vec<Point> = ring[min..].iter().chain(&ring[..min]).copied().collect();
            arc.push(arc[0]);
            return vec![self.intern(arc, index)];
        };
        let rotated: Vec<Point> = ring[start..]
            .iter()
            .chain(&ring[..start])
            .copied()
            .collect();
        let mut refs = Vec::new();
        let mut arc = vec![rotated[0]];
        for &point in rotated.iter().skip(1).chain(std::iter::once(&rotated[0])) {
            arc.push(point);
            if junctions.contains(&point) {
                refs.push(self.intern(std::mem::replace(&mut arc, vec![point]), index));
            }
        }
        refs
    }

    fn intern(&mut self, arc: Vec<Point>, index: &mut ArcIndex) -> i32 {
        if let Some(&i) = index.0.get(&arc) {
            return i as i32;
        }
        let reversed: Vec<Point> = arc.iter().rev().copied().collect();
        if let Some(&i) = index.0.get(&reversed) {
            return !(i as i32);
        }
        // A closed arc walked the other way starts at the same point but runs backwards.
        if arc.first() == arc.last() {
            let mut other = reversed.clone();
            other.pop();
            let min = (0..other.len()).min_by_key(|&i| other[i]).unwrap_or(0);
            let mut other: Vec<Point> = other[min..].iter().chain(&other[..min]).copied().collect();
            other.push(other[0]);
            if let Some(&i) = index.0.get(&other) {
                return !(i as i32);
            }
        }
        let i = self.arcs.len();
        index.0.insert(arc.clone(), i);
        self.arcs.push(arc);
        i as i32
    }
}

/// Arcs seen so far, by their points.
#[derive(Default)]
pub struct ArcIndex(HashMap<Vec<Point>, usize>);

/// The points of an arc reference, in the direction the ring walks it.
pub fn walk(arcs: &[Vec<Point>], reference: i32) -> Vec<Point> {
    let index = if reference < 0 { !reference } else { reference } as usize;
    let mut points = arcs[index].clone();
    if reference < 0 {
        points.reverse();
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares side by side, sharing the edge x = 1 (with a middle point on it).
    fn two_squares() -> (Vec<Point>, Vec<Point>) {
        let left = vec![[0, 0], [1, 0], [1, 1], [1, 2], [0, 2], [0, 0]];
        let right = vec![[1, 0], [2, 0], [2, 2], [1, 2], [1, 1], [1, 0]];
        (left, right)
    }

    #[test]
    fn a_shared_border_becomes_one_arc_used_both_ways() {
        let (left, right) = two_squares();
        let rings = vec![left.clone(), right.clone()];
        let junctions = junctions(&rings);
        assert_eq!(junctions, HashSet::from([[1, 0], [1, 2]]));
        let mut topology = Topology::default();
        let mut index = ArcIndex::default();
        let a = topology.add_ring(&left, &junctions, &mut index);
        let b = topology.add_ring(&right, &junctions, &mut index);
        assert_eq!(topology.arcs.len(), 3, "{:?}", topology.arcs);
        let shared: Vec<i32> = a
            .iter()
            .filter(|&&r| b.contains(&!r) || b.contains(&r))
            .copied()
            .collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(
            walk(&topology.arcs, shared[0]).len(),
            3,
            "the border keeps its middle point"
        );
    }

    #[test]
    fn rings_walk_back_to_their_points() {
        let (left, right) = two_squares();
        let rings = vec![left.clone(), right.clone()];
        let junctions = junctions(&rings);
        let mut topology = Topology::default();
        let mut index = ArcIndex::default();
        for ring in [&left, &right] {
            let refs = topology.add_ring(ring, &junctions, &mut index);
            let mut walked: Vec<Point> = Vec::new();
            for r in refs {
                let points = walk(&topology.arcs, r);
                let skip = usize::from(!walked.is_empty());
                walked.extend(points.into_iter().skip(skip));
            }
            let original: HashSet<Point> = ring.iter().copied().collect();
            let walked_set: HashSet<Point> = walked.iter().copied().collect();
            assert_eq!(original, walked_set);
            assert_eq!(walked.first(), walked.last(), "closed");
        }
    }

    #[test]
    fn an_enclave_shares_its_whole_ring_with_the_hole_around_it() {
        let island = vec![[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];
        let hole: Vec<Point> = island.iter().rev().copied().collect();
        let rings = vec![island.clone(), hole.clone()];
        let junctions = junctions(&rings);
        let mut topology = Topology::default();
        let mut index = ArcIndex::default();
        let a = topology.add_ring(&island, &junctions, &mut index);
        let b = topology.add_ring(&hole, &junctions, &mut index);
        assert_eq!(topology.arcs.len(), 1);
        assert_eq!(a, [0]);
        assert_eq!(b, [!0]);
    }
}
