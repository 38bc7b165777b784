//! The card shown when no site is selected: the introduction's facts, the timeline, the pilots'
//! make-up, and which sites address which of the reform's five themes.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use super::figure_tile::figure_tiles;
use super::strings::strings;
use crate::by_identity::ByIdentity;
use crate::chart;
use crate::content::{Content, Lang};

#[derive(Properties, PartialEq)]
pub struct OverviewCardProps {
    pub content: ByIdentity<Content>,
    pub lang: Lang,
    #[prop_or_default]
    pub dark: bool,
    pub topic: Option<String>,
    pub on_topic: Callback<String>,
    pub on_select: Callback<String>,
    /// The widget's page, where the data lies beside it (see `SiteCard`'s `share_page`).
    #[prop_or_default]
    pub share_page: Option<String>,
}

#[component]
pub fn OverviewCard(props: &OverviewCardProps) -> Html {
    let charts = use_memo((props.content.clone(), props.lang), |(content, lang)| {
        let section = strings(*lang).introduction;
        let mut charts = vec![Rc::new(chart::timeline(&content.overview.timeline, *lang))];
        charts.extend(
            content
                .overview
                .charts
                .iter()
                .filter_map(|spec| chart::build(spec, &content.overview.figures, section, *lang))
                .map(Rc::new),
        );
        charts
    });
    let content = &props.content;
    let lang = props.lang;
    let s = strings(lang);
    let charted: Vec<&str> = content
        .overview
        .charts
        .iter()
        .flat_map(|c| c.figures.iter().chain(c.total.iter()))
        .map(String::as_str)
        .collect();
    let sites = content.sites_in_order();

    html! {
        <article class="card card--overview" data-testid="overview" aria-labelledby="overview-title" lang={lang.tag()}>
            <header class="card__header">
                <div class="card__heading">
                    <h2 id="overview-title" class="card__name">{ s.overview }</h2>
                    <p class="card__meta">{ content.article.subject.get(lang) }</p>
                </div>
            </header>
            <div class="card__scroll">
                <p class="card__summary">{ content.overview.summary.get(lang) }</p>
                <div class="tiles">
                    { figure_tiles(content.overview.figures.iter().filter(|f| !charted.contains(&f.id.as_str())), lang) }
                </div>
                { for charts.iter().map(|c| html! { <ChartView chart={c.clone()} {lang} dark={props.dark} /> }) }
                <section class="card__section">
                    <h3 id="themes-title">{ s.themes }</h3>
                    <p class="card__hint">{ s.themes_hint }</p>
                    <div class="matrix__scroll">
                        <table class="matrix" aria-labelledby="themes-title" data-testid="theme-matrix">
                            <thead>
                                <tr>
                                    <th scope="col">{ s.site }</th>
                                    { for content.themes.iter().map(|theme| {
                                        let pressed = props.topic.as_deref() == Some(theme.id.as_str());
                                        let on_topic = props.on_topic.clone();
                                        let id = theme.id.clone();
                                        html! {
                                            <th scope="col">
                                                <button
                                                    type="button"
                                                    class={crate::web::components::class_list(&[Some("matrix__theme"), pressed.then_some("matrix__theme--on")])}
                                                    aria-pressed={pressed.to_string()}
                                                    data-theme={theme.id.clone()}
                                                    onclick={Callback::from(move |_: MouseEvent| on_topic.emit(id.clone()))}
                                                >{ theme.name.get(lang) }</button>
                                            </th>
                                        }
                                    }) }
                                </tr>
                            </thead>
                            <tbody>
                                { for sites.iter().map(|site| {
                                    let on_select = props.on_select.clone();
                                    let id = site.id.clone();
                                    html! {
                                        <tr key={site.id.clone()}>
                                            <th scope="row">
                                                <button type="button" class="matrix__site" onclick={Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))}>
                                                    { format!("{} {}", site.number, site.name.get(lang)) }
                                                </button>
                                            </th>
                                            { for content.themes.iter().map(|theme| {
                                                let yes = site.themes.contains(&theme.id);
                                                let lit = yes && props.topic.as_deref() == Some(theme.id.as_str());
                                                html! {
                                                    <td class={crate::web::components::class_list(&[Some("matrix__cell"), lit.then_some("matrix__cell--on")])}>
                                                        if yes {
                                                            <span aria-hidden="true">{ "●" }</span>
                                                            <span class="visually-hidden">{ s.addresses }</span>
                                                        } else {
                                                            <span class="visually-hidden">{ s.does_not_address }</span>
                                                        }
                                                    </td>
                                                }
                                            }) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
                { super::data_link::data_link(props.share_page.as_deref(), None, lang) }
                <p class="card__source">{ content.article.credit.get(lang) }</p>
            </div>
        </article>
    }
}
