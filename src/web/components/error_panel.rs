//! Shown instead of the widget when the content cannot be used.

use yew::prelude::*;

use crate::content::LoadError;
use crate::web::components::strings::BILINGUAL;

/// The problems of `error`, and a "try again" button when `on_retry` is given (a network
/// failure may pass). A function, not a component: it has no state.
pub fn error_panel(error: &LoadError, on_retry: Option<Callback<()>>) -> Html {
    html! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <h2 lang="en">{ BILINGUAL.load_failed_en }</h2>
            <p lang="zh-Hans">{ BILINGUAL.load_failed_zh }</p>
            <ul data-testid="problems">
                { for error.lines().into_iter().map(|line| html! { <li><code>{ line }</code></li> }) }
            </ul>
            if let Some(on_retry) = on_retry {
                <button type="button" class="error-panel__retry" data-testid="retry"
                    onclick={Callback::from(move |_: MouseEvent| on_retry.emit(()))}>
                    { BILINGUAL.try_again }
                </button>
            }
        </div>
    }
}
