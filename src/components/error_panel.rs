//! Shown instead of the widget when the content cannot be used.

use yew::prelude::*;

use crate::content::LoadError;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: LoadError,
    /// Offered as a "try again" button when the problem may pass (a network failure).
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <h2 lang="en">{ "This graphic's content could not be loaded" }</h2>
            <p lang="zh-Hans">{ "内容文件有误，无法显示。" }</p>
            <ul data-testid="problems">
                { for props.error.lines().into_iter().map(|line| html! { <li><code>{ line }</code></li> }) }
            </ul>
            if let Some(on_retry) = props.on_retry.clone() {
                <button type="button" class="error-panel__retry" data-testid="retry"
                    onclick={Callback::from(move |_: MouseEvent| on_retry.emit(()))}>
                    { "重试 · Try again" }
                </button>
            }
        </div>
    }
}
