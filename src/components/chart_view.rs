//! A chart drawn at its container's width, with its title, source note and data table.

use std::rc::Rc;

use yew::prelude::*;

use super::strings::strings;
use super::use_width::use_width;
use crate::chart::{render, Anchor, Baseline, Chart, Drawing, Paint, Shape, DARK, LIGHT};
use crate::content::Lang;
use crate::decimal::fixed;

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
                    Ok(drawing) => drawing_svg(drawing),
                    Err(message) => html! { <p class="chart__error" role="alert">{ message }</p> },
                } }
            </div>
            <button type="button" class="chart__toggle" aria-expanded={show_data.to_string()} onclick={toggle}>
                { if *show_data { s.hide_data } else { s.show_data } }
            </button>
            // Hidden only visually until asked for: screen readers always have the table. (The
            // wrapper hides it; a table ignores the width and overflow that hiding relies on.)
            <div class={crate::components::class_list(&[Some("chart__data"), (!*show_data).then_some("visually-hidden")])} data-testid="chart-data">
                { data_table(chart, props.lang) }
            </div>
            <p class="chart__note">{ &chart.note }</p>
        </figure>
    }
}

/// The chart's figures as a table.
fn data_table(chart: &Chart, lang: Lang) -> Html {
    let table = chart.table(lang);
    html! {
        <table class="chart__table" data-testid="chart-table">
            <caption class="visually-hidden">{ &chart.title }</caption>
            <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
            <tbody>
                { for table.rows.iter().map(|row| html! {
                    <tr>
                        // The first cell names the row.
                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <th scope="row">{ cell }</th> }
                        } else {
                            html! { <td>{ cell }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A chart's shapes as SVG elements. Sizes go in presentation attributes, never `style="…"`,
/// which a strict content-security policy refuses.
pub fn drawing_svg(drawing: &Drawing) -> Html {
    let (w, h) = (drawing.width.to_string(), drawing.height.to_string());
    html! {
        <svg width={w.clone()} height={h.clone()} viewBox={format!("0 0 {w} {h}")} xmlns="http://www.w3.org/2000/svg">
            { for drawing.shapes.iter().map(shape) }
        </svg>
    }
}

/// `fill`/`stroke`, `stroke-width` and `opacity` of a paint.
fn paint_attributes(paint: Paint) -> (String, String, Option<String>, Option<String>) {
    let colour = paint.colour();
    let opacity = (colour.alpha < 1.0).then(|| fixed(colour.alpha, 3));
    match paint {
        Paint::Fill(c) => (c.hex(), "none".to_owned(), None, opacity),
        Paint::Stroke(c, width) => ("none".to_owned(), c.hex(), Some(width.to_string()), opacity),
    }
}

fn shape(shape: &Shape) -> Html {
    match shape {
        Shape::Rect {
            x,
            y,
            width,
            height,
            paint,
        } => {
            let (fill, stroke, stroke_width, opacity) = paint_attributes(*paint);
            html! { <rect x={x.to_string()} y={y.to_string()} width={width.to_string()} height={height.to_string()} {fill} {stroke} stroke-width={stroke_width} {opacity} /> }
        }
        Shape::Line { from, to, paint } => {
            let (_, stroke, stroke_width, opacity) = paint_attributes(*paint);
            html! { <line x1={from.0.to_string()} y1={from.1.to_string()} x2={to.0.to_string()} y2={to.1.to_string()} {stroke} stroke-width={stroke_width} {opacity} /> }
        }
        Shape::Poly { points, paint } => {
            let (fill, stroke, stroke_width, opacity) = paint_attributes(*paint);
            let points = points
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            match paint {
                Paint::Fill(_) => html! { <polygon {points} {fill} {opacity} /> },
                Paint::Stroke(..) => {
                    html! { <polyline {points} fill="none" {stroke} stroke-width={stroke_width} {opacity} /> }
                }
            }
        }
        Shape::Circle {
            centre,
            radius,
            paint,
        } => {
            let (fill, stroke, stroke_width, opacity) = paint_attributes(*paint);
            html! { <circle cx={centre.0.to_string()} cy={centre.1.to_string()} r={radius.to_string()} {fill} {stroke} stroke-width={stroke_width} {opacity} /> }
        }
        Shape::Text {
            at,
            anchor,
            baseline,
            size_px,
            family,
            bold,
            colour,
            text,
        } => {
            let anchor = match anchor {
                Anchor::Start => "start",
                Anchor::Middle => "middle",
                Anchor::End => "end",
            };
            let dy = match baseline {
                Baseline::Top => "0.76em",
                Baseline::Centre => "0.5ex",
                Baseline::Bottom => "-0.5ex",
            };
            html! {
                <text x={at.0.to_string()} y={at.1.to_string()} {dy} text-anchor={anchor}
                    font-size={fixed(*size_px, 1)} font-family={family.clone()}
                    font-weight={bold.then_some("bold")} fill={colour.hex()}
                    opacity={(colour.alpha < 1.0).then(|| fixed(colour.alpha, 3))}>
                    { text }
                </text>
            }
        }
    }
}
