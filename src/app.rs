//! The root component: loads the content once and lays out the widget's frame.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ErrorPanel, MapFrame, SiteList};
use crate::content::{self, Content, Lang, LoadError};

#[component]
pub fn App() -> Html {
    let loaded: Rc<Result<Rc<Content>, LoadError>> =
        use_memo((), |_| content::embedded().map(Rc::new));
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if let Err(err) = &*loaded {
                web_sys::console::error_1(&err.to_string().into());
            }
        });
    }
    match &*loaded {
        Ok(content) => html! { <Frame content={content.clone()} /> },
        Err(error) => html! { <ErrorPanel error={error.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    content: Rc<Content>,
}

#[component]
fn Frame(props: &FrameProps) -> Html {
    let article = &props.content.article;
    let (zh, en) = (Lang::Zh.tag(), Lang::En.tag());
    html! {
        <div class="widget" data-testid="widget">
            <header class="widget__header">
                <h1 class="widget__title" lang={zh}>{ &article.title.zh }</h1>
                <p class="widget__subtitle" lang={zh}>
                    { format!("{}{}", article.subtitle.zh, article.series_part_label.zh) }
                </p>
                <p class="widget__subtitle widget__subtitle--en" lang={en}>
                    { format!("{}: {} ({})", article.title.en, article.subtitle.en, article.series_part_label.en) }
                </p>
            </header>
            <div class="widget__body">
                <MapFrame />
                <SiteList content={props.content.clone()} />
            </div>
            <footer class="widget__credit" data-testid="credit">
                <p lang={zh}>{ &article.credit.zh }</p>
                <p lang={en}>{ &article.credit.en }</p>
            </footer>
        </div>
    }
}
