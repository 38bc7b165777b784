//! The widget's state and every way it can change (pure: tested natively).

use std::rc::Rc;

use yew::Reducible;

use crate::content::Lang;
use crate::kiosk_timing::{slide, Phase, Timings};
use crate::options::Scheme;
use crate::visits::Visit;

/// Whether visits are counted: in the kiosk build (and natively, for the tests), never in the
/// reader's widget, which carries no counting at all.
const COUNTING: bool = cfg!(feature = "kiosk");

/// What a kiosk needs to run its loop and resets.
#[derive(Clone, Debug, PartialEq)]
pub struct KioskConfig {
    pub timings: Timings,
    /// Site ids in the article's order, for the attract loop.
    pub sites: Vec<String>,
    /// The language a visitor's session resets to (the attract loop runs in it, then in the
    /// other).
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The id of the selected site; `None` shows the overview.
    pub selected: Option<String>,
    /// The reform topic (one of the content's `themes`) highlighted on the map from the
    /// overview, if any. ("Theme" in the address is the colour scheme.)
    pub topic: Option<String>,
    /// Light, dark, or following the system.
    pub scheme: Scheme,
    /// Set in kiosk mode.
    pub kiosk: Option<Rc<KioskConfig>>,
    /// The attract loop is running (the first touch only stops it).
    pub attracting: bool,
    /// Seconds left before a visitor's choices are reset, while the warning shows.
    pub countdown: Option<u32>,
    /// Kiosk: the operator's visit counts are open (a visitor's reset closes them).
    pub stats: bool,
    /// Kiosk: the latest visit to count, numbered so that each is counted once.
    pub visit: Option<(u32, Visit)>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            selected: None,
            topic: None,
            scheme: Scheme::Auto,
            kiosk: None,
            attracting: false,
            countdown: None,
            stats: false,
            visit: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select a site, or deselect it when it is already selected.
    Toggle(String),
    Select(String),
    ClearSelection,
    SetLang(Lang),
    /// Highlight a theme's sites, or stop when it is already highlighted.
    ToggleTopic(String),
    SetScheme(Scheme),
    /// The address changed (a link, back or forward): show what it names.
    Navigate {
        site: Option<String>,
        lang: Option<Lang>,
    },
    /// Kiosk: time passed with no input for `idle_ms`.
    Tick {
        idle_ms: f64,
    },
    /// Kiosk: someone touched the screen (or pressed a mouse button or pen).
    Touch,
    /// Kiosk: a key or the wheel. It stops the loop and the countdown as a touch does, but
    /// begins no visitor's session: a keyboard on a kiosk is its operator's.
    OtherInput,
    /// Kiosk: open or close the operator's visit counts.
    ShowStats(bool),
}

impl AppState {
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Tick { idle_ms } => return self.tick(idle_ms),
            Action::Touch | Action::OtherInput => {
                next.attracting = false;
                next.countdown = None;
                // The touch that ends the attract loop begins a visitor's session.
                if self.attracting && action == Action::Touch {
                    next.count(Visit::Session);
                }
                return next;
            }
            Action::ShowStats(open) => {
                // The operator's key does not begin a session, nor keep the loop running.
                next.stats = open && self.kiosk.is_some();
                next.attracting = false;
                return next;
            }
            Action::Toggle(_) | Action::Select(_) => {
                next = self.choose(action);
                // A card a visitor opens (the attract loop's own never come this way).
                let counting = COUNTING && self.kiosk.is_some();
                if let (Some(site), true) =
                    (&next.selected, counting && next.selected != self.selected)
                {
                    let card = Visit::Card {
                        site: site.clone(),
                        lang: next.lang,
                    };
                    next.count(card);
                }
                return next;
            }
            _ => {}
        }
        self.choose(action)
    }

    /// Numbers `visit` as the next to count, on a kiosk (nothing is counted elsewhere).
    fn count(&mut self, visit: Visit) {
        if COUNTING && self.kiosk.is_some() {
            let number = self.visit.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
            self.visit = Some((number, visit));
        }
    }

    /// The reader's choices: a site, a language, a theme, a scheme, the address's.
    fn choose(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Tick { .. } | Action::Touch | Action::OtherInput | Action::ShowStats(_) => {}
            Action::Toggle(id) if self.selected.as_deref() == Some(id.as_str()) => {
                next.selected = None;
            }
            Action::Toggle(id) | Action::Select(id) => {
                // A site's card replaces the overview, and the theme topic with it.
                next.selected = Some(id);
                next.topic = None;
            }
            Action::ClearSelection => next.selected = None,
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleTopic(topic) => {
                next.topic = (self.topic.as_deref() != Some(topic.as_str())).then_some(topic);
            }
            Action::SetScheme(scheme) => next.scheme = scheme,
            Action::Navigate { site, lang } => {
                if site.is_some() {
                    next.topic = None;
                }
                next.selected = site;
                if let Some(lang) = lang {
                    next.lang = lang;
                }
            }
        }
        next
    }
}

impl AppState {
    /// Kiosk: whether there is nothing of a visitor's to reset.
    fn untouched(&self, kiosk: &KioskConfig) -> bool {
        !self.stats
            && (self.attracting
                || (self.selected.is_none() && self.topic.is_none() && self.lang == kiosk.lang))
    }

    fn tick(&self, idle_ms: f64) -> Self {
        let Some(kiosk) = self.kiosk.clone() else {
            return self.clone();
        };
        let mut next = self.clone();
        next.countdown = None;
        match kiosk
            .timings
            .phase(idle_ms, self.untouched(&kiosk), kiosk.sites.len())
        {
            Phase::Active => {}
            Phase::Countdown(seconds) => next.countdown = Some(seconds),
            Phase::Reset => {
                next.stats = false;
                next.selected = None;
                next.topic = None;
                next.lang = kiosk.lang;
                next.attracting = false;
            }
            Phase::Attract(step) => {
                let shown = slide(step, kiosk.sites.len());
                next.attracting = true;
                next.topic = None;
                next.selected = shown.site.and_then(|i| kiosk.sites.get(i).cloned());
                next.lang = if shown.other_language {
                    kiosk.lang.other()
                } else {
                    kiosk.lang
                };
            }
        }
        next
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_and_clearing() {
        let state = AppState::default().apply(Action::Select("wuhai".into()));
        assert_eq!(state.selected.as_deref(), Some("wuhai"));
        let state = state.apply(Action::Select("yili".into()));
        assert_eq!(state.selected.as_deref(), Some("yili"));
        assert_eq!(state.apply(Action::ClearSelection).selected, None);
    }

    #[test]
    fn toggling_the_selected_site_deselects_it() {
        let state = AppState::default().apply(Action::Toggle("baotou".into()));
        assert_eq!(state.selected.as_deref(), Some("baotou"));
        assert_eq!(state.apply(Action::Toggle("baotou".into())).selected, None);
        let other = state.apply(Action::Toggle("wuhai".into()));
        assert_eq!(other.selected.as_deref(), Some("wuhai"));
    }

    #[test]
    fn language_changes_keep_the_selection() {
        let state = AppState::default()
            .apply(Action::Select("zalantun".into()))
            .apply(Action::SetLang(Lang::En));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.selected.as_deref(), Some("zalantun"));
    }

    #[test]
    fn topics_toggle_and_give_way_to_a_selected_site() {
        let state = AppState::default().apply(Action::ToggleTopic("skills".into()));
        assert_eq!(state.topic.as_deref(), Some("skills"));
        let other = state.apply(Action::ToggleTopic("status".into()));
        assert_eq!(other.topic.as_deref(), Some("status"));
        assert_eq!(
            state.apply(Action::ToggleTopic("skills".into())).topic,
            None
        );
        let selected = state.apply(Action::Select("yili".into()));
        assert_eq!(
            (selected.selected.as_deref(), selected.topic),
            (Some("yili"), None)
        );
    }

    #[test]
    fn navigating_shows_what_the_address_names() {
        let state = AppState::default().apply(Action::Select("wuhai".into()));
        let back = state.apply(Action::Navigate {
            site: None,
            lang: None,
        });
        assert_eq!((back.selected, back.lang), (None, Lang::Zh));
        let link = state.apply(Action::Navigate {
            site: Some("yili".into()),
            lang: Some(Lang::En),
        });
        assert_eq!(
            (link.selected.as_deref(), link.lang),
            (Some("yili"), Lang::En)
        );
    }

    fn kiosk() -> AppState {
        AppState {
            kiosk: Some(Rc::new(KioskConfig {
                timings: Timings {
                    attract_ms: 1_000.0,
                    reset_ms: 2_000.0,
                    countdown_ms: 500.0,
                    step_ms: 100.0,
                },
                sites: vec!["a".into(), "b".into()],
                lang: Lang::Zh,
            })),
            ..AppState::default()
        }
    }

    #[test]
    fn the_kiosk_attract_loop_cycles_overview_and_sites_and_a_touch_stops_it() {
        let state = kiosk().apply(Action::Tick { idle_ms: 1_000.0 });
        assert!(state.attracting);
        assert_eq!(state.selected, None, "slide 0: the overview");
        let state = state.apply(Action::Tick { idle_ms: 1_100.0 });
        assert_eq!(state.selected.as_deref(), Some("a"));
        let state = state.apply(Action::Tick { idle_ms: 1_200.0 });
        assert_eq!(state.selected.as_deref(), Some("b"));
        let touched = state.apply(Action::Touch);
        assert!(!touched.attracting);
        assert_eq!(
            touched.selected.as_deref(),
            Some("b"),
            "the touch itself changes nothing"
        );
    }

    #[test]
    fn the_attract_loop_runs_in_both_languages_in_turn() {
        let at = |step: f64| {
            kiosk().apply(Action::Tick {
                idle_ms: 1_000.0 + step * 100.0,
            })
        };
        let shown: Vec<(Option<String>, Lang)> = (0..7)
            .map(|step| {
                let state = at(f64::from(step));
                assert!(state.attracting);
                (state.selected, state.lang)
            })
            .collect();
        let slide = |site: Option<&str>, lang| (site.map(str::to_owned), lang);
        assert_eq!(
            shown,
            [
                slide(None, Lang::Zh),
                slide(Some("a"), Lang::Zh),
                slide(Some("b"), Lang::Zh),
                slide(None, Lang::En),
                slide(Some("a"), Lang::En),
                slide(Some("b"), Lang::En),
                slide(None, Lang::Zh),
            ]
        );
        // A touch on an English slide keeps it; the visitor's session resets to Chinese later.
        let touched = at(4.0).apply(Action::Touch);
        assert_eq!(
            (touched.selected.as_deref(), touched.lang),
            (Some("a"), Lang::En)
        );
        let reset = touched.apply(Action::Tick { idle_ms: 2_000.0 });
        assert_eq!((reset.selected, reset.lang), (None, Lang::Zh));
    }

    #[test]
    fn a_visitors_session_resets_after_a_countdown() {
        let visitor = kiosk()
            .apply(Action::Select("b".into()))
            .apply(Action::SetLang(Lang::En));
        assert_eq!(
            visitor
                .apply(Action::Tick { idle_ms: 1_200.0 })
                .selected
                .as_deref(),
            Some("b")
        );
        assert_eq!(
            visitor.apply(Action::Tick { idle_ms: 1_600.0 }).countdown,
            Some(1)
        );
        let reset = visitor.apply(Action::Tick { idle_ms: 2_000.0 });
        assert_eq!(
            (reset.selected, reset.lang, reset.countdown),
            (None, Lang::Zh, None)
        );
    }

    #[test]
    fn outside_a_kiosk_ticks_do_nothing() {
        let state = AppState::default().apply(Action::Select("a".into()));
        assert_eq!(state.apply(Action::Tick { idle_ms: 1e9 }), state);
    }

    #[test]
    fn a_kiosk_counts_the_touch_that_ends_the_loop_and_the_cards_a_visitor_opens() {
        let counted = |state: &AppState| state.visit.as_ref().map(|(_, v)| v.clone());
        let card = |site: &str, lang| Visit::Card {
            site: site.to_owned(),
            lang,
        };
        let looping = kiosk().apply(Action::Tick { idle_ms: 1_100.0 });
        assert_eq!(
            counted(&looping),
            None,
            "the loop's own cards are not counted"
        );
        let touched = looping.apply(Action::Touch);
        assert_eq!(counted(&touched), Some(Visit::Session));
        let again = touched.apply(Action::Touch);
        assert_eq!(
            again.visit, touched.visit,
            "one session, however many touches"
        );
        let opened = again
            .apply(Action::SetLang(Lang::En))
            .apply(Action::Toggle("b".into()));
        assert_eq!(counted(&opened), Some(card("b", Lang::En)));
        let numbers = |state: &AppState| state.visit.as_ref().map(|(n, _)| *n);
        assert_eq!(numbers(&opened), numbers(&touched).map(|n| n + 1));
        let closed = opened.apply(Action::Toggle("b".into()));
        assert_eq!(
            closed.visit, opened.visit,
            "closing a card is not opening one"
        );
        let same = opened.apply(Action::Select("b".into()));
        assert_eq!(same.visit, opened.visit, "nor is choosing the open one");
        let next = opened.apply(Action::Select("a".into()));
        assert_eq!(counted(&next), Some(card("a", Lang::En)));
        assert_eq!(numbers(&next), numbers(&opened).map(|n| n + 1));
        let page = AppState::default().apply(Action::Select("a".into()));
        assert_eq!(page.visit, None, "nothing is counted outside a kiosk");
    }

    #[test]
    fn the_operators_counts_open_without_a_session_and_close_at_a_reset() {
        let looping = kiosk().apply(Action::Tick { idle_ms: 1_000.0 });
        let stats = looping.apply(Action::ShowStats(true)).apply(Action::Touch);
        assert!(stats.stats && !stats.attracting);
        assert_eq!(stats.visit, None, "the operator's key is not a visitor");
        assert_eq!(
            stats.apply(Action::Tick { idle_ms: 1_600.0 }).countdown,
            Some(1),
            "left open, the counts count down like a visitor's card"
        );
        let reset = stats.apply(Action::Tick { idle_ms: 2_000.0 });
        assert!(!reset.stats);
        assert!(!stats.apply(Action::ShowStats(false)).stats);
        assert!(!AppState::default().apply(Action::ShowStats(true)).stats);
    }

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::ClearSelection);
        assert!(Rc::ptr_eq(&state, &same), "no re-render for a no-op");
    }
}
