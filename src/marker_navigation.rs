//! Arrow-key movement between map markers. Left and Right walk a west-to-east order (so every
//! marker is reachable and the order is predictable); Up and Down go to the nearest marker
//! north or south, or along that order when there is none that way.

/// An arrow key (or Home/End).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
    First,
    Last,
}

impl Step {
    /// From a `KeyboardEvent.key` value.
    pub fn from_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Left,
            "ArrowRight" => Step::Right,
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// The index of the marker to move to from `from`, given marker centres in screen pixels
/// (y down). Always returns a valid index when `points` is not empty.
pub fn step(points: &[(f64, f64)], from: usize, step: Step) -> usize {
    if points.is_empty() {
        return 0;
    }
    let from = from.min(points.len() - 1);
    let mut order: Vec<usize> = (0..points.len()).collect();
    crate::small_sort::sort_by(&mut order, |&a, &b| points[a].0.total_cmp(&points[b].0));
    let position = order.iter().position(|&i| i == from).unwrap_or(0);
    let along_order = |forward: bool| {
        let next = if forward {
            (position + 1) % order.len()
        } else {
            (position + order.len() - 1) % order.len()
        };
        order[next]
    };
    let (dx_sign, dy_sign) = match step {
        Step::First => return order[0],
        Step::Last => return order[order.len() - 1],
        Step::Left => return along_order(false),
        Step::Right => return along_order(true),
        Step::Up => (0.0, -1.0),
        Step::Down => (0.0, 1.0),
    };
    let (x0, y0) = points[from];
    let nearest = (0..points.len())
        .filter(|&i| i != from)
        .filter_map(|i| {
            let (dx, dy) = (points[i].0 - x0, points[i].1 - y0);
            let along = dx * dx_sign + dy * dy_sign;
            let across = (dx * dy_sign - dy * dx_sign).abs();
            // Within 60° either side of the arrow; off-axis distance counts double.
            (along > 0.0 && across <= along * 1.8).then_some((i, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    nearest.unwrap_or_else(|| along_order(step == Step::Down))
}

#[cfg(test)]
mod tests {
    use super::*;

    // A plus shape: centre 0, right 1, left 2, up 3, down 4.
    const PLUS: [(f64, f64); 5] = [
        (50.0, 50.0),
        (90.0, 52.0),
        (10.0, 48.0),
        (51.0, 10.0),
        (49.0, 90.0),
    ];

    #[test]
    fn up_and_down_go_to_the_nearest_marker_that_way() {
        assert_eq!(step(&PLUS, 0, Step::Up), 3);
        assert_eq!(step(&PLUS, 0, Step::Down), 4);
        assert_eq!(step(&PLUS, 2, Step::Up), 3);
    }

    #[test]
    fn left_and_right_walk_west_to_east_and_wrap() {
        // West to east: 2 (x 10), 4 (49), 0 (50), 3 (51), 1 (90).
        assert_eq!(step(&PLUS, 2, Step::Right), 4);
        assert_eq!(step(&PLUS, 0, Step::Left), 4);
        assert_eq!(
            step(&PLUS, 1, Step::Right),
            2,
            "east end wraps to the west end"
        );
        assert_eq!(step(&PLUS, 2, Step::Left), 1);
    }

    #[test]
    fn with_nothing_that_way_up_and_down_follow_the_order() {
        assert_eq!(
            step(&PLUS, 3, Step::Up),
            0,
            "nothing north of the top: back westwards"
        );
        assert_eq!(
            step(&PLUS, 4, Step::Down),
            0,
            "nothing south of the bottom: on eastwards"
        );
    }

    #[test]
    fn home_and_end_go_to_the_west_and_east_ends() {
        assert_eq!(step(&PLUS, 3, Step::First), 2);
        assert_eq!(step(&PLUS, 3, Step::Last), 1);
    }

    #[test]
    fn every_marker_is_reachable_with_right_alone() {
        let mut seen = vec![false; PLUS.len()];
        let mut at = 0;
        for _ in 0..PLUS.len() {
            seen[at] = true;
            at = step(&PLUS, at, Step::Right);
        }
        assert!(seen.iter().all(|&s| s), "{seen:?}");
    }
}
