//! The widget's state and every way it can change (pure: tested natively).

use std::rc::Rc;

use yew::Reducible;

use crate::content::Lang;
use crate::route::Scheme;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The id of the selected site; `None` shows the overview.
    pub selected: Option<String>,
    /// The reform theme highlighted on the map from the overview, if any.
    pub highlight: Option<String>,
    /// Light, dark, or following the system.
    pub scheme: Scheme,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            selected: None,
            highlight: None,
            scheme: Scheme::Auto,
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
    ToggleTheme(String),
    SetScheme(Scheme),
    /// The address changed (a link, back or forward): show what it names.
    Navigate {
        site: Option<String>,
        lang: Option<Lang>,
    },
}

impl AppState {
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Toggle(id) if self.selected.as_deref() == Some(id.as_str()) => {
                next.selected = None;
            }
            Action::Toggle(id) | Action::Select(id) => {
                // A site's card replaces the overview, and the theme highlight with it.
                next.selected = Some(id);
                next.highlight = None;
            }
            Action::ClearSelection => next.selected = None,
            Action::SetLang(lang) => next.lang = lang,
            Action::ToggleTheme(theme) => {
                next.highlight =
                    (self.highlight.as_deref() != Some(theme.as_str())).then_some(theme);
            }
            Action::SetScheme(scheme) => next.scheme = scheme,
            Action::Navigate { site, lang } => {
                if site.is_some() {
                    next.highlight = None;
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
    fn themes_toggle_and_give_way_to_a_selected_site() {
        let state = AppState::default().apply(Action::ToggleTheme("skills".into()));
        assert_eq!(state.highlight.as_deref(), Some("skills"));
        let other = state.apply(Action::ToggleTheme("status".into()));
        assert_eq!(other.highlight.as_deref(), Some("status"));
        assert_eq!(
            state.apply(Action::ToggleTheme("skills".into())).highlight,
            None
        );
        let selected = state.apply(Action::Select("yili".into()));
        assert_eq!(
            (selected.selected.as_deref(), selected.highlight),
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

    #[test]
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::ClearSelection);
        assert!(Rc::ptr_eq(&state, &same), "no re-render for a no-op");
    }
}
