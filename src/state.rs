//! The widget's state and every way it can change (pure: tested natively).

use std::rc::Rc;

use yew::Reducible;

use crate::content::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// The id of the selected site; `None` shows the overview.
    pub selected: Option<String>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            selected: None,
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
}

impl AppState {
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Toggle(id) if self.selected.as_deref() == Some(id.as_str()) => {
                next.selected = None;
            }
            Action::Toggle(id) | Action::Select(id) => next.selected = Some(id),
            Action::ClearSelection => next.selected = None,
            Action::SetLang(lang) => next.lang = lang,
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
    fn an_action_that_changes_nothing_keeps_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::ClearSelection);
        assert!(Rc::ptr_eq(&state, &same), "no re-render for a no-op");
    }
}
