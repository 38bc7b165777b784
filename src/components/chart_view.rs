//! A chart drawn at its container's width, with its title, source note and data table.

use std::fmt::Write as _;
use std::rc::Rc;

use yew::prelude::*;

use super::markup;
use super::strings::strings;
use super::use_width::use_width;
use crate::chart::{render, Chart, DARK, LIGHT};
use crate::content::Lang;
use crate::summary::escape;

#[derive(Properties, PartialEq)]
pub struct ChartViewProps {
    pub chart: Rc<Chart>,
    pub lang: Lang,
    #[prop_or_default]
    pub dark: bool,
}

#[component]
pub fn ChartView(props: &ChartViewProps) -> Html {
    let node = use_node_ref();
    let width = use_width(node.clone(), 360.0);
    let show_data = use_state_eq(|| false);
    let svg = use_memo(
        (props.chart.clone(), width.round() as u32, props.dark),
        |(chart, width, dark)| render(chart, *width, if *dark { &DARK } else { &LIGHT }),
    );
    let s = strings(props.lang);
    let chart = &props.chart;
    let toggle = {
        let show_data = show_data.clone();
        Callback::from(move |_: MouseEvent| show_data.set(!*show_data))
    };
    let title_id = format!("chart-{}-title", chart.id);
    html! {
        <figure class="chart" data-testid="chart" data-chart={chart.id.clone()} aria-labelledby={title_id.clone()}>
            <figcaption class="chart__title" id={title_id.clone()}>{ &chart.title }</figcaption>
            <div class="chart__plot" ref={node} role="img" aria-labelledby={title_id}>
                { match &*svg {
                    // plotters escapes every text it writes, so content cannot become markup.
                    Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg.clone())),
                    Err(message) => html! { <p class="chart__error" role="alert">{ message }</p> },
                } }
            </div>
            <button type="button" class="chart__toggle" aria-expanded={show_data.to_string()} onclick={toggle}>
                { if *show_data { s.hide_data } else { s.show_data } }
            </button>
            // Hidden only visually until asked for: screen readers always have the table. (The
            // wrapper hides it; a table ignores the width and overflow that hiding relies on.)
            <div class={crate::components::class_list(&[Some("chart__data"), (!*show_data).then_some("visually-hidden")])} data-testid="chart-data">
                { markup(table_markup(chart, props.lang)) }
            </div>
            <p class="chart__note">{ &chart.note }</p>
        </figure>
    }
}

/// The chart's figures as a table, as markup: it has no handlers and changes only with the
/// chart and the language.
fn table_markup(chart: &Chart, lang: Lang) -> String {
    let table = chart.table(lang);
    let mut out = format!(
        "<table class=\"chart__table\" data-testid=\"chart-table\"><caption class=\"visually-hidden\">{}</caption><thead><tr>",
        escape(&chart.title)
    );
    for header in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // The first cell names the row.
            let _ = if i == 0 {
                write!(out, "<th scope=\"row\">{}</th>", escape(cell))
            } else {
                write!(out, "<td>{}</td>", escape(cell))
            };
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
