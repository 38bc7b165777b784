//! Swipes on a card, told apart from taps and scrolls (pure: the browser side only reports
//! where a touch started and ended).

/// Which way the content should move: a swipe to the left shows the next site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swipe {
    Next,
    Previous,
}

/// Shortest horizontal travel that counts as a swipe, in CSS px.
pub const MIN_DISTANCE_PX: f64 = 60.0;
/// Longest a swipe may take, in ms: a slow drag is reading, not a gesture.
pub const MAX_DURATION_MS: f64 = 800.0;

/// The swipe a touch made, if any: at least `MIN_DISTANCE_PX` sideways, at least twice as far
/// sideways as up or down (a vertical scroll that drifts is still a scroll), and quick.
///
/// # Units
/// `dx`, `dy`: end minus start, CSS px; `ms`: duration.
pub fn classify(dx: f64, dy: f64, ms: f64) -> Option<Swipe> {
    let sideways = dx.abs() >= MIN_DISTANCE_PX && dx.abs() >= 2.0 * dy.abs();
    if !sideways || !(0.0..=MAX_DURATION_MS).contains(&ms) {
        return None;
    }
    Some(if dx < 0.0 {
        Swipe::Next
    } else {
        Swipe::Previous
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_sideways_touch_is_a_swipe() {
        assert_eq!(classify(-120.0, 10.0, 200.0), Some(Swipe::Next));
        assert_eq!(classify(90.0, -20.0, 300.0), Some(Swipe::Previous));
    }

    #[test]
    fn scrolls_taps_and_slow_drags_are_not() {
        assert_eq!(classify(-70.0, 200.0, 200.0), None, "a vertical scroll");
        assert_eq!(classify(-70.0, 40.0, 200.0), None, "too diagonal");
        assert_eq!(classify(5.0, 3.0, 80.0), None, "a tap");
        assert_eq!(classify(-200.0, 0.0, 1500.0), None, "a slow drag");
        assert_eq!(classify(-59.0, 0.0, 100.0), None, "too short");
    }
}
