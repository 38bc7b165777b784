//! Kiosk timing as a pure function of idle time: when to start the attract loop, when to warn
//! and then reset after a visitor leaves, which slide the loop shows and in which language.
//! The browser side only measures idle time and applies the phase.

/// Timings, from the `idle`, `reset` and `step` options (seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timings {
    /// Idle time before the attract loop starts from the untouched overview.
    pub attract_ms: f64,
    /// Idle time before a visitor's choices are reset.
    pub reset_ms: f64,
    /// How long the reset countdown is shown first.
    pub countdown_ms: f64,
    /// Time per slide of the attract loop.
    pub step_ms: f64,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            attract_ms: 60_000.0,
            reset_ms: 90_000.0,
            countdown_ms: 10_000.0,
            step_ms: 8_000.0,
        }
    }
}

/// What the kiosk should be doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Someone is (or may be) using it: leave it alone.
    Active,
    /// A visitor's choices are about to be reset: whole seconds left.
    Countdown(u32),
    /// Reset to the overview now.
    Reset,
    /// The attract loop at this step (see [`slide`]): the overview and the sites in order, in
    /// the starting language, then all of them again in the other.
    Attract(usize),
}

/// What one step of the attract loop shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slide {
    /// `None`: the overview; else the index of the site in the article's order.
    pub site: Option<usize>,
    /// In the other language than the one each visitor starts in.
    pub other_language: bool,
}

/// The slide at attract `step` with `sites` sites: the overview and each site in the starting
/// language, then the same in the other language, and round again.
pub fn slide(step: usize, sites: usize) -> Slide {
    let slides = sites + 1;
    let step = step % (2 * slides);
    Slide {
        site: (step % slides).checked_sub(1),
        other_language: step >= slides,
    }
}

/// Whether the next click is swallowed, after an input event. A touch (`pointer`) decides for
/// the click it will make: swallowed when it stopped the attract loop (`stopped_loop`) or landed
/// on the reset countdown, whose "Stay" goes as the finger lands. Any other input (a key, a
/// wheel) that does either swallows the click that may follow it, and otherwise leaves the
/// decision (`pending`) as it was. So a swallow left over from input that made no click (a key
/// press, a touch that became a scroll) never eats a later touch: its own pointer-down decides.
pub fn swallow_next_click(
    pointer: bool,
    stopped_loop: bool,
    on_countdown: bool,
    pending: bool,
) -> bool {
    if pointer {
        stopped_loop || on_countdown
    } else {
        stopped_loop || on_countdown || pending
    }
}

impl Timings {
    /// The phase after `idle_ms` without input. `untouched`: the widget shows the overview in
    /// its starting language, so there is nothing of a visitor's to reset.
    pub fn phase(&self, idle_ms: f64, untouched: bool, sites: usize) -> Phase {
        if !untouched {
            let warn_at = (self.reset_ms - self.countdown_ms).max(0.0);
            return if idle_ms >= self.reset_ms {
                Phase::Reset
            } else if idle_ms >= warn_at {
                Phase::Countdown(((self.reset_ms - idle_ms) / 1000.0).ceil().max(1.0) as u32)
            } else {
                Phase::Active
            };
        }
        if idle_ms < self.attract_ms {
            return Phase::Active;
        }
        // Both languages in turn: twice as many steps as slides before the loop repeats.
        let steps = 2 * (sites + 1);
        let step = ((idle_ms - self.attract_ms) / self.step_ms.max(1.0)) as usize;
        Phase::Attract(step % steps)
    }
}

/// Whether a key press opens the operator's visit counts: Ctrl+Alt+S, on a keyboard the
/// operator plugs in (a touch screen's visitors have none). `code` is the key's place
/// (`KeyboardEvent.code`), so it is the same on every keyboard layout.
pub fn is_operator_key(code: &str, ctrl: bool, alt: bool) -> bool {
    code == "KeyS" && ctrl && alt
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Timings = Timings {
        attract_ms: 60_000.0,
        reset_ms: 90_000.0,
        countdown_ms: 10_000.0,
        step_ms: 8_000.0,
    };

    #[test]
    fn an_untouched_kiosk_starts_attracting_after_the_idle_time() {
        assert_eq!(T.phase(59_999.0, true, 7), Phase::Active);
        assert_eq!(T.phase(60_000.0, true, 7), Phase::Attract(0));
        assert_eq!(T.phase(68_000.0, true, 7), Phase::Attract(1));
        assert_eq!(
            T.phase(60_000.0 + 8.0 * 8_000.0, true, 7),
            Phase::Attract(8)
        );
        assert_eq!(
            T.phase(60_000.0 + 16.0 * 8_000.0, true, 7),
            Phase::Attract(0),
            "wraps after both languages"
        );
    }

    #[test]
    fn the_attract_loop_shows_every_slide_in_one_language_then_the_other() {
        let shown: Vec<Slide> = (0..16).map(|step| slide(step, 7)).collect();
        let overview = |other_language| Slide {
            site: None,
            other_language,
        };
        assert_eq!(shown[0], overview(false));
        assert_eq!(shown[8], overview(true));
        for i in 0..7 {
            assert_eq!(
                shown[1 + i],
                Slide {
                    site: Some(i),
                    other_language: false
                }
            );
            assert_eq!(
                shown[9 + i],
                Slide {
                    site: Some(i),
                    other_language: true
                }
            );
        }
        assert_eq!(slide(16, 7), shown[0], "and round again");
        assert_eq!(slide(8 + 16 * 1000, 7), shown[8]);
        assert_eq!(
            slide(1, 0),
            overview(true),
            "no sites: the overview in turn"
        );
    }

    #[test]
    fn a_visitors_choices_are_reset_after_a_countdown() {
        assert_eq!(T.phase(79_000.0, false, 7), Phase::Active);
        assert_eq!(T.phase(80_000.0, false, 7), Phase::Countdown(10));
        assert_eq!(T.phase(89_100.0, false, 7), Phase::Countdown(1));
        assert_eq!(T.phase(90_000.0, false, 7), Phase::Reset);
    }

    #[test]
    fn only_the_click_of_the_input_that_stopped_the_loop_is_swallowed() {
        // The touch that stops the loop: its click is swallowed.
        assert!(swallow_next_click(true, true, false, false));
        // A touch on "Stay": its click would press what lies beneath.
        assert!(swallow_next_click(true, false, true, false));
        // A key press stops the loop (a visitor at the keyboard): a click of that key goes...
        let after_key = swallow_next_click(false, true, false, false);
        assert!(after_key);
        // ...but the visitor's next touch makes its own click, and it goes through.
        assert!(!swallow_next_click(true, false, false, after_key));
        // Keys and wheels while nothing runs leave the decision alone.
        assert!(!swallow_next_click(false, false, false, false));
        assert!(swallow_next_click(false, false, false, true));
    }

    #[test]
    fn only_ctrl_alt_s_opens_the_operators_counts() {
        assert!(is_operator_key("KeyS", true, true));
        assert!(!is_operator_key("KeyS", true, false));
        assert!(!is_operator_key("KeyS", false, true));
        assert!(!is_operator_key("KeyA", true, true));
    }

    #[test]
    fn the_attract_loop_never_touches_a_visitors_card() {
        // Past the attract time but not yet the reset: a visitor reading slowly keeps the card.
        assert_eq!(T.phase(70_000.0, false, 7), Phase::Active);
    }
}
