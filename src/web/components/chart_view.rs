//! A chart drawn at its container's width, with its title, source note and data table.

use std::rc::Rc;

use yew::prelude::*;

use super::strings::strings;
use super::use_width::use_measured;
use super::{use_surface, WidthHints};
use crate::breakpoints;
use crate::chart::{
    render_at, Anchor, Baseline, Chart, Drawing, Paint, Palette, Role, Shape, Table, TextSize,
    DARK, LIGHT,
};
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
    let hints = use_context::<WidthHints>().unwrap_or_default();
    // Prerender: every width of `breakpoints::CHART`, for CSS to pick the one that fits.
    // Print dossier: one layout (360 px), scaled to the paper. Kiosk: laid out at its box's
    // exact width with its smallest text at the box's font size (the stylesheet's, which grows
    // with the screen), so nothing is scaled.
    let surface = use_surface();
    let (large, prerender) = (surface.is_kiosk(), surface.is_prerender());
    let measured = use_measured(node.clone());
    // The width this chart measured is the next chart's guess (written after the render, never
    // during it: a render only reads).
    {
        let hints = hints.clone();
        use_effect_with(
            (measured.map(|(width, _)| width.to_bits()), large),
            move |&(width, large)| {
                if let (Some(width), false) = (width, large) {
                    hints.chart.set(Some(f64::from_bits(width)));
                }
            },
        );
    }
    // Before it is measured: the prerender's chart width (or the last chart's).
    let guess = measured
        .map(|(width, _)| width)
        .or_else(|| hints.chart.get());
    let show_data = use_state_eq(|| false);
    // Laid out at a fixed width (the largest that fits) and scaled to the container by CSS:
    // the same width the prerender shows for the same container, so nothing moves at takeover.
    // In the prerender a chart is drawn at every width and CSS shows the one that fits. The live
    // widget draws each chart once: at its container's width, or before that is measured at the
    // last chart's (the prerender's at first); with neither, not until it is measured, which
    // happens after the browser lays the page out and before it paints (`use_measured`), so
    // the first frame painted has the chart and nothing moves.
    // With large text (a kiosk, never prerendered) a chart is drawn once measured, at its exact
    // width and text size: CSS then scales nothing.
    let (widths, text): (Vec<u32>, TextSize) = match (measured, guess) {
        (Some((width, font_px)), _) if large => (vec![width as u32], TextSize::smallest(font_px)),
        (None, _) if large => (Vec::new(), TextSize::STANDARD),
        (_, Some(width)) if !prerender => (
            vec![breakpoints::snap(&breakpoints::CHART, width)],
            TextSize::STANDARD,
        ),
        (None, None) if surface.is_dossier() => (vec![breakpoints::CHART[1]], TextSize::STANDARD),
        _ if prerender || !cfg!(target_arch = "wasm32") => {
            (breakpoints::CHART.to_vec(), TextSize::STANDARD)
        }
        _ => (Vec::new(), TextSize::STANDARD),
    };
    let all_widths = widths.len() > 1;
    let drawings = use_memo(
        (props.chart.clone(), widths, text),
        |(chart, widths, text)| {
            widths
                .iter()
                .map(|&w| (w, render_at(chart, w, *text)))
                .collect::<Vec<_>>()
        },
    );
    let palette = if props.dark { &DARK } else { &LIGHT };
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
                { for drawings.iter().map(|(w, drawing)| match drawing {
                    Ok(drawing) => drawing_svg(drawing, all_widths.then_some(*w), palette),
                    Err(message) => html! { <p class="chart__error" role="alert">{ message }</p> },
                }) }
            </div>
            <button type="button" class="chart__toggle" aria-expanded={show_data.to_string()} onclick={toggle}>
                { if *show_data { s.hide_data } else { s.show_data } }
            </button>
            // Hidden only visually until asked for: screen readers always have the table. (The
            // wrapper hides it; a table ignores the width and overflow that hiding relies on.)
            <div class={crate::web::components::class_list(&[Some("chart__data"), (!*show_data).then_some("visually-hidden")])} data-testid="chart-data">
                { table_view(&chart.table(props.lang), &chart.title, "chart-table") }
            </div>
            <p class="chart__note">{ &chart.note }</p>
        </figure>
    }
}

/// A table of figures (a chart's, or the kiosk's visit counts), the first cell of each row
/// naming it; `caption` is for screen readers (the chart's title is on screen already).
pub fn table_view(table: &Table, caption: &str, testid: &'static str) -> Html {
    html! {
        <table class="chart__table" data-testid={testid}>
            <caption class="visually-hidden">{ caption }</caption>
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
/// which a strict content-security policy refuses. Each colour also names its role in a class
/// (`f-ink`, `s-rule`), which CSS colours in the scheme the page shows (see
/// `chart::palette_css`): the prerender draws before anyone knows the reader's scheme.
pub fn drawing_svg(drawing: &Drawing, breakpoint: Option<u32>, palette: &Palette) -> Html {
    let (w, h) = (drawing.width.to_string(), drawing.height.to_string());
    html! {
        <svg class="chart__svg" data-bp={breakpoint.map(|b| b.to_string())} width={w.clone()} height={h.clone()} viewBox={format!("0 0 {w} {h}")} xmlns="http://www.w3.org/2000/svg">
            { for drawing.shapes.iter().map(|s| shape(s, palette)) }
        </svg>
    }
}

/// A paint as SVG attributes: the role's class, and its colour in `palette` as the fallback
/// where the stylesheet does not reach.
struct Painted {
    fill: String,
    stroke: String,
    stroke_width: Option<String>,
    class: String,
}

fn painted(paint: Paint, palette: &Palette) -> Painted {
    match paint {
        Paint::Fill(role) => Painted {
            fill: palette.hex(role),
            stroke: "none".to_owned(),
            stroke_width: None,
            class: format!("f-{}", role.name()),
        },
        Paint::Stroke(role, width) => Painted {
            fill: "none".to_owned(),
            stroke: palette.hex(role),
            stroke_width: Some(width.to_string()),
            class: format!("s-{}", role.name()),
        },
    }
}

fn shape(shape: &Shape, palette: &Palette) -> Html {
    match shape {
        Shape::Rect {
            x,
            y,
            width,
            height,
            paint,
        } => {
            let p = painted(*paint, palette);
            html! { <rect class={p.class} x={x.to_string()} y={y.to_string()} width={width.to_string()} height={height.to_string()} fill={p.fill} stroke={p.stroke} stroke-width={p.stroke_width} /> }
        }
        Shape::Line { from, to, paint } => {
            let p = painted(*paint, palette);
            html! { <line class={p.class} x1={from.0.to_string()} y1={from.1.to_string()} x2={to.0.to_string()} y2={to.1.to_string()} stroke={p.stroke} stroke-width={p.stroke_width} /> }
        }
        Shape::Poly { points, paint } => {
            let p = painted(*paint, palette);
            let points = points
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            match paint {
                Paint::Fill(_) => {
                    html! { <polygon class={p.class} {points} fill={p.fill} /> }
                }
                Paint::Stroke(..) => {
                    html! { <polyline class={p.class} {points} fill="none" stroke={p.stroke} stroke-width={p.stroke_width} /> }
                }
            }
        }
        Shape::Circle {
            centre,
            radius,
            paint,
        } => {
            let p = painted(*paint, palette);
            html! { <circle class={p.class} cx={centre.0.to_string()} cy={centre.1.to_string()} r={radius.to_string()} fill={p.fill} stroke={p.stroke} stroke-width={p.stroke_width} /> }
        }
        Shape::Text {
            at,
            anchor,
            baseline,
            size_px,
            family,
            bold,
            role,
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
                <text class={format!("f-{}", Role::name(*role))}
                    x={at.0.to_string()} y={at.1.to_string()} {dy} text-anchor={anchor}
                    font-size={fixed(*size_px, 1)} font-family={family.clone()}
                    font-weight={bold.then_some("bold")} fill={palette.hex(*role)}>
                    { text }
                </text>
            }
        }
    }
}
