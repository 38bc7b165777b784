//! Shown instead of the widget when the content cannot be used.

use yew::prelude::*;

use crate::content::LoadError;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: LoadError,
}

#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    html! {
        <div class="error-panel" role="alert" data-testid="error-panel">
            <h2 lang="en">{ "This graphic's content could not be loaded" }</h2>
            <p lang="zh-Hans">{ "内容文件有误，无法显示。" }</p>
            <ul>
                { for props.error.lines().into_iter().map(|line| html! { <li><code>{ line }</code></li> }) }
            </ul>
        </div>
    }
}
