//! Draws a [`Chart`] with plotters into a [`Drawing`] (through [`NodeBackend`]), at a given
//! width in CSS px and a given text size ([`TextSize`]).
//!
//! What plotters does: every value reaches the page through a plotters coordinate system. Each
//! chart puts a `Cartesian2d<RangedCoordf64, RangedCoordf64>` on its drawing area whose x axis
//! is the chart's scale: bar lengths and their zero baseline, the stacked bar's segments and
//! total, the timeline's dates and years (labelled at plotters' key points), the unit charts'
//! columns. Bars, marks, ticks and the values at the bars' ends are plotters elements
//! (`Rectangle`, `Circle`, `PathElement`, `EmptyElement + Text`) drawn as series in the chart's
//! own coordinates. No plotters feature is needed for this (`default-features = false`).
//!
//! What stays ours, and why: the editorial layout. Labels wrap above their bars rather than
//! beside them (a phone has no room for a label column), values sit past the bars' ends, keys
//! are listed below, and all of it is measured by [`crate::text`] before anything is drawn,
//! so a chart's height is known before it is drawn and is the same natively and in the
//! browser. So the y axis of every chart is the layout's own pixels, top down, and the wrapped
//! text is drawn on the drawing area in pixels. plotters' mesh (`configure_mesh`) is not used:
//! it would print the scale's numbers, which these charts do not show (each bar states its
//! value), and it formats them with `f64`'s `Display`, which the wasm does without.
//!
//! Measured, and why the coordinate systems are built without `ChartBuilder` (release wasm
//! after `wasm-opt -Oz`, Brotli q11): before this layer the wasm was 520,709 B (179.5 KB
//! Brotli); with a `ChartBuilder`/`ChartContext::draw_series` chart for each scale 532,811 B
//! (184.3 KB, the widget 193.0 KB against its 190 KB budget); with `Cartesian2d::new` on the
//! drawing area (`DrawingArea::apply_coord_spec`) 522,978 B (180.4 KB, the widget 189.2 KB).
//! `ChartBuilder` adds label areas, a caption and series annotations these charts have no use
//! for, and would cost 3.7 KB Brotli for the same drawing.
//!
//! Every length of the layout (line height, bar thickness, gaps, swatches, dots) is in
//! proportion to the text, so a chart asked for larger text (a kiosk read from a step back) is
//! laid out for that text at its width: its labels wrap and its bars are placed for the size
//! they are drawn at, rather than a small chart being scaled up.

use std::ops::Range;

use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::backend::{Drawing, NodeBackend};
use super::model::{Body, Chart, Datum, Event};
use super::palette::Role;
use crate::content::Unit;
use crate::text::{text_width, wrap};

const FAMILY: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif";
/// Sizes at the standard text size (the smallest text 12 px), in CSS px; [`TextSize`] scales them.
const LABEL_PX: f64 = 13.0;
const VALUE_PX: f64 = 14.0;
const SMALL_PX: f64 = 12.0;
const LINE: f64 = 17.0;
const BAR: f64 = 20.0;

/// The size of a chart's text, given as the size of its smallest text (the unit line and the
/// years of a timeline); labels are 13/12 of it and values 14/12, as at the standard size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSize {
    smallest_px: f64,
}

impl TextSize {
    /// The article's charts: 12 px at the smallest, 13 px labels, 14 px values.
    pub const STANDARD: TextSize = TextSize {
        smallest_px: SMALL_PX,
    };

    /// Text whose smallest size is `px` (never below the standard, at most 96 px; anything
    /// that is not a number gives the standard).
    pub fn smallest(px: f64) -> TextSize {
        let px = if px.is_finite() { px } else { SMALL_PX };
        TextSize {
            smallest_px: crate::fmath::clamp(px, SMALL_PX, 96.0),
        }
    }

    /// The smallest text drawn, in CSS px.
    pub fn smallest_px(self) -> f64 {
        self.smallest_px
    }

    /// A length of the standard layout at this text size.
    fn px(self, standard: f64) -> f64 {
        standard * self.smallest_px / SMALL_PX
    }

    /// A stroke width of the standard layout at this text size, in whole pixels.
    fn stroke(self, standard: u32) -> u32 {
        self.px(f64::from(standard)).round().max(1.0) as u32
    }
}

type Root<'a> = DrawingArea<NodeBackend<'a>, Shift>;
/// The drawing on a coordinate system: x is a scale of values, y the layout's pixels from the
/// top.
type Plot<'a> = DrawingArea<NodeBackend<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
type Drawn = Result<(), String>;

/// Recording shapes cannot fail; plotters' own checks (a text it cannot lay out) still could,
/// and their details would cost a Debug formatter in the wasm for a message nobody will see.
fn err<E>(_: E) -> String {
    "chart drawing failed".to_owned()
}

/// The drawing with an x axis that maps `values` onto the pixels from `from` to `to`, and a y
/// axis that counts its pixels from the top down.
fn scale<'a>(root: &Root<'a>, values: Range<f64>, (from, to): (f64, f64)) -> Plot<'a> {
    let height = root.dim_in_pixel().1 as i32;
    let pixels = (from.round() as i32..to.round() as i32, 0..height);
    root.apply_coord_spec(Cartesian2d::new(values, 0.0..f64::from(height), pixels))
}

/// Draws each element of a series in the plot's coordinates.
fn series<'a, E>(plot: &Plot<'a>, elements: impl IntoIterator<Item = E>) -> Drawn
where
    E: Drawable<NodeBackend<'a>>,
    for<'e> &'e E: PointCollection<'e, (f64, f64)>,
{
    for element in elements {
        plot.draw(&element).map_err(err)?;
    }
    Ok(())
}

/// The style of a text: its size, role, horizontal anchor and weight; anchored at its top.
fn font(px: f64, role: Role, h: HPos, bold: bool) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), px, weight)
        .color(&role)
        .pos(Pos::new(h, VPos::Top))
}

/// Rounds a layout position to the pixel grid.
fn px((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A text at a pixel position of the drawing.
fn text(root: &Root, s: &str, at: (f64, f64), style: TextStyle) -> Drawn {
    root.draw(&Text::new(s.to_owned(), px(at), style))
        .map_err(err)
}

/// A filled or outlined (`outline` px) style in `role`.
fn paint(role: Role, filled: bool, outline: u32) -> ShapeStyle {
    if filled {
        role.filled()
    } else {
        role.stroke_width(outline)
    }
}

/// A swatch in a key, at pixel positions of the drawing.
fn swatch(root: &Root, from: (f64, f64), to: (f64, f64), style: ShapeStyle) -> Drawn {
    root.draw(&Rectangle::new([px(from), px(to)], style))
        .map_err(err)
}

/// A bar's value, bold, `gap` px past the point it is added to (the bar's end, on the scale:
/// `EmptyElement::at(end) + value_text(…)`).
fn value_text(value: &str, gap: f64, t: TextSize) -> Text<'static, (i32, i32), String> {
    let style = font(t.px(VALUE_PX), Role::Ink, HPos::Left, true);
    Text::new(value.to_owned(), (gap.round() as i32, 0), style)
}

/// The zero baseline from `y0` to `y1`, on the chart's scale.
fn baseline(y0: f64, y1: f64, t: TextSize) -> PathElement<(f64, f64)> {
    PathElement::new(
        vec![(0.0, y0), (0.0, y1)],
        Role::Rule.stroke_width(t.stroke(2)),
    )
}

/// Renders the chart `width` px wide at the standard text size; the height follows from the
/// content.
pub fn render(chart: &Chart, width: u32) -> Result<Drawing, String> {
    render_at(chart, width, TextSize::STANDARD)
}

/// Renders the chart `width` px wide with its text at `t`; the height follows from the
/// content. The chart is laid out twice, to measure and then to draw at the height measured.
pub fn render_at(chart: &Chart, width: u32, t: TextSize) -> Result<Drawing, String> {
    let width = f64::from(width.max(200));
    let unit = if chart.unit.is_empty() {
        0.0
    } else {
        t.px(LINE + 4.0)
    };
    let size = (
        width as u32,
        (body(None, chart, width, t)? + unit).ceil() as u32,
    );
    let mut shapes = Vec::new();
    {
        let root = NodeBackend::new(&mut shapes, size).into_drawing_area();
        let bottom = body(Some(&root), chart, width, t)?;
        if !chart.unit.is_empty() {
            let style = font(t.px(SMALL_PX), Role::Muted, HPos::Left, false);
            text(&root, &chart.unit, (0.0, bottom + t.px(4.0)), style)?;
        }
        root.present().map_err(err)?;
    }
    Ok(Drawing {
        width: size.0,
        height: size.1,
        shapes,
    })
}

/// The chart's body; returns the height used. With `root` `None` it only measures.
fn body(root: Option<&Root>, chart: &Chart, width: f64, t: TextSize) -> Result<f64, String> {
    match &chart.body {
        Body::Bars(data) => bars(root, data, width, t),
        Body::Stacked { parts, total } => stacked(root, parts, total, width, t),
        Body::Units(data) => units(root, data, width, t),
        Body::Timeline { events, span } => timeline(root, events, span.as_ref(), width, t),
    }
}

/// Lines of text a line apart from `(x, y)` down; returns the `y` below them.
fn lines_at(
    root: Option<&Root>,
    lines: &[String],
    (x, y): (f64, f64),
    t: TextSize,
) -> Result<f64, String> {
    for (i, line) in lines.iter().enumerate() {
        if let Some(root) = root {
            let style = font(t.px(LABEL_PX), Role::Ink, HPos::Left, false);
            text(root, line, (x, y + i as f64 * t.px(LINE)), style)?;
        }
    }
    Ok(y + lines.len() as f64 * t.px(LINE))
}

/// Room a value label needs after its bar.
fn value_room(data: &[&Datum], t: TextSize) -> f64 {
    data.iter()
        .map(|d| text_width(&d.display, t.px(VALUE_PX)))
        .fold(0.0, f64::max)
        + t.px(10.0)
}

/// Horizontal bars, each under its label, from one zero baseline. Returns the height used.
fn bars(root: Option<&Root>, data: &[Datum], width: f64, t: TextSize) -> Result<f64, String> {
    // Each bar's top, below its label.
    let mut tops = Vec::new();
    let mut y = 0.0;
    for d in data {
        y = lines_at(root, &wrap(&d.label, t.px(LABEL_PX), width), (0.0, y), t)?;
        tops.push(y);
        y += t.px(BAR + 12.0);
    }
    let Some(root) = root else {
        return Ok(y);
    };
    let max = data.iter().map(|d| d.value).fold(0.0, f64::max);
    let all: Vec<&Datum> = data.iter().collect();
    let x0 = t.px(1.0);
    let end = width - value_room(&all, t) - x0;
    let chart = scale(root, 0.0..max.max(f64::MIN_POSITIVE), (x0, end));
    let rows = || data.iter().zip(tops.iter().copied());
    // The zero baseline, beside each bar (not through the labels above them).
    let baselines = rows().map(|(_, top)| baseline(top - t.px(1.0), top + t.px(BAR + 5.0), t));
    series(&chart, baselines)?;
    series(
        &chart,
        rows().map(|(d, top)| {
            let corners = [(0.0, top + t.px(2.0)), (d.value, top + t.px(BAR + 2.0))];
            Rectangle::new(corners, paint(Role::Primary, !d.derived, t.stroke(2)))
        }),
    )?;
    let values = rows().map(|(d, top)| {
        EmptyElement::at((d.value, top + t.px(3.0))) + value_text(&d.display, t.px(6.0), t)
    });
    series(&chart, values)?;
    Ok(y)
}

/// The roles of a stacked bar's parts, in turn.
const PARTS: [Role; 3] = [Role::Primary, Role::Secondary, Role::Accent];

/// One bar split into its parts, the derived total at its end, and a key below.
fn stacked(
    root: Option<&Root>,
    parts: &[Datum],
    total: &Datum,
    width: f64,
    t: TextSize,
) -> Result<f64, String> {
    let role = |i: usize| PARTS[i % PARTS.len()];
    let bar_height = t.px(BAR + 6.0);
    if let Some(root) = root {
        stacked_bar(root, parts, total, width, t)?;
    }
    let mut y = bar_height + t.px(16.0);
    let key = parts.iter().enumerate().map(|(i, p)| (Some(role(i)), p));
    for (role, d) in key.chain([(None, total)]) {
        let entry = format!("{}  {}", d.label, d.display);
        let lines = wrap(&entry, t.px(LABEL_PX), width - t.px(22.0));
        if let Some(root) = root {
            let (from, to) = ((t.px(1.0), y + t.px(3.0)), (t.px(13.0), y + t.px(15.0)));
            let style = match role {
                Some(role) => role.filled(),
                None => Role::Ink.stroke_width(t.stroke(2)),
            };
            swatch(root, from, to, style)?;
        }
        y = lines_at(root, &lines, (t.px(22.0), y), t)? + t.px(6.0);
    }
    Ok(y)
}

/// The stacked bar itself: its parts in turn along the scale, each part's value on it where it
/// fits, and the derived total as an outline around them with its value at the end.
fn stacked_bar(root: &Root, parts: &[Datum], total: &Datum, width: f64, t: TextSize) -> Drawn {
    let x0 = t.px(1.0);
    let end = width - value_room(&[total], t) - x0;
    let chart = scale(root, 0.0..total.value.max(f64::MIN_POSITIVE), (x0, end));
    let (top, bottom) = (t.px(2.0), t.px(BAR + 8.0));
    let mut sum = 0.0;
    let segments: Vec<(f64, f64)> = parts
        .iter()
        .map(|p| {
            sum += p.value;
            (sum - p.value, sum)
        })
        .collect();
    let bars = segments.iter().zip(PARTS.iter().cycle());
    let bars = bars.map(|(&(a, b), role)| Rectangle::new([(a, top), (b, bottom)], role.filled()));
    series(&chart, bars)?;
    let room = |(a, b): (f64, f64)| {
        f64::from(chart.map_coordinate(&(b, 0.0)).0 - chart.map_coordinate(&(a, 0.0)).0)
    };
    let on_parts: Vec<_> = segments
        .iter()
        .zip(parts)
        .filter(|(&s, p)| text_width(&p.display, t.px(VALUE_PX)) + t.px(8.0) < room(s))
        .map(|(&(a, b), p)| {
            let style = font(t.px(VALUE_PX), Role::Paper, HPos::Center, true);
            EmptyElement::at(((a + b) / 2.0, t.px(6.0)))
                + Text::new(p.display.clone(), (0, 0), style)
        })
        .collect();
    series(&chart, on_parts)?;
    // The total is worked out, not stated: an outline around the whole bar, and its label.
    let outline = Rectangle::new(
        [(0.0, x0), (sum, bottom + x0)],
        Role::Ink.stroke_width(t.stroke(2)),
    );
    series(&chart, [outline])?;
    let value = EmptyElement::at((sum, t.px(6.0))) + value_text(&total.display, t.px(7.0), t);
    series(&chart, [value])?;
    series(&chart, [baseline(0.0, bottom + t.px(4.0), t)])?;
    Ok(())
}

/// Small multiples of unit charts: a dot per person, a square per organisation, twelve to a
/// row on a scale of columns.
fn units(root: Option<&Root>, data: &[Datum], width: f64, t: TextSize) -> Result<f64, String> {
    const COLUMNS: f64 = 12.0;
    let gap = t.px(20.0);
    let side_by_side = data.len() > 1 && width >= t.px(420.0);
    let panel_w = if side_by_side {
        (width - gap * (data.len() - 1) as f64) / data.len() as f64
    } else {
        width
    };
    let cell = crate::fmath::clamp(panel_w / COLUMNS, t.px(8.0), t.px(18.0));
    let mut bottom: f64 = 0.0;
    for (i, d) in data.iter().enumerate() {
        let (x0, mut y) = match (side_by_side, i) {
            (true, _) => (i as f64 * (panel_w + gap), 0.0),
            (false, 0) => (0.0, 0.0),
            (false, _) => (0.0, bottom + t.px(14.0)),
        };
        if let Some(root) = root {
            let style = font(t.px(20.0), Role::Ink, HPos::Left, true);
            text(root, &d.display, (x0, y), style)?;
        }
        y += t.px(26.0);
        y = lines_at(root, &wrap(&d.label, t.px(LABEL_PX), panel_w), (x0, y), t)? + t.px(4.0);
        let count = d.value.max(0.0).round() as usize;
        if let Some(root) = root {
            let chart = scale(root, 0.0..COLUMNS, (x0, x0 + COLUMNS * cell));
            let r = cell * 0.38;
            let at = |k: usize| {
                let (col, row) = ((k % COLUMNS as usize) as f64, (k / COLUMNS as usize) as f64);
                (col + 0.5, y + row * cell + cell / 2.0)
            };
            if d.unit == Unit::People {
                let dots = (0..count)
                    .map(|k| Circle::new(at(k), r.round() as i32, Role::Primary.filled()));
                series(&chart, dots)?;
            } else {
                let half = r.round() as i32;
                let squares = (0..count).map(|k| {
                    let square = [(-half, -half), (half, half)];
                    EmptyElement::at(at(k)) + Rectangle::new(square, Role::Accent.filled())
                });
                series(&chart, squares)?;
            }
        }
        y += (count as f64 / COLUMNS).ceil() * cell;
        bottom = bottom.max(y);
    }
    Ok(bottom + t.px(6.0))
}

/// Events on a time axis with a year scale; the events listed below with their exact dates.
fn timeline(
    root: Option<&Root>,
    events: &[Event],
    span: Option<&(f64, f64, String)>,
    width: f64,
    t: TextSize,
) -> Result<f64, String> {
    let axis_y = t.px(30.0);
    if let Some(root) = root {
        time_axis(root, events, span, width, t)?;
    }
    let mut y = axis_y + t.px(22.0);
    let mut rows: Vec<(Option<&Event>, String)> = events
        .iter()
        .map(|e| (Some(e), format!("{}  {}", e.date, e.label)))
        .collect();
    if let Some((_, _, label)) = span {
        rows.push((None, label.clone()));
    }
    for (event, row) in rows {
        let lines = wrap(&row, t.px(LABEL_PX), width - t.px(24.0));
        if let Some(root) = root {
            match event {
                Some(e) => {
                    let style = paint(Role::Primary, !e.derived, t.stroke(2));
                    let centre = px((t.px(7.0), y + t.px(9.0)));
                    let dot = Circle::new(centre, t.px(5.0).round() as i32, style);
                    root.draw(&dot).map_err(err)?;
                }
                None => {
                    let (from, to) = ((t.px(1.0), y + t.px(5.0)), (t.px(13.0), y + t.px(13.0)));
                    swatch(root, from, to, Role::Secondary.filled())?;
                }
            }
        }
        y = lines_at(root, &lines, (t.px(22.0), y), t)? + t.px(6.0);
    }
    Ok(y)
}

/// The time axis: a scale of years from the first event's to the year after the last, a tick
/// each year, the years plotters picks as key points labelled (every one when there is room),
/// the pilot term as a band and each event as a dot (hollow when its date is derived).
fn time_axis(
    root: &Root,
    events: &[Event],
    span: Option<&(f64, f64, String)>,
    width: f64,
    t: TextSize,
) -> Drawn {
    let first = events.iter().map(|e| e.at).fold(f64::MAX, f64::min).floor();
    let last = events.iter().map(|e| e.at).fold(f64::MIN, f64::max).floor() + 1.0;
    let (left, right) = (t.px(14.0), width - t.px(14.0));
    let chart = scale(root, first..last, (left, right));
    let (axis_y, tick) = (t.px(30.0), t.px(4.0));
    let rule = Role::Rule.stroke_width(t.stroke(2));
    let axis = PathElement::new(vec![(first, axis_y), (last, axis_y)], rule);
    series(&chart, [axis])?;
    let years = first as i32..=last as i32;
    let tick_style = Role::Rule.stroke_width(t.stroke(1));
    let ticks = years.map(|year| {
        let at = f64::from(year);
        PathElement::new(vec![(at, axis_y - tick), (at, axis_y + tick)], tick_style)
    });
    series(&chart, ticks)?;
    // Labelled years at least 40 px (at the standard size) apart: plotters' key points take
    // the most gaps between them, and step by 1, 2, 5 or 10 years to stay within it.
    let fit = ((right - left) / t.px(40.0)) as usize;
    let labelled = RangedCoordi32::from(first as i32..last as i32).key_points(fit);
    let labels = labelled.into_iter().map(|year| {
        let style = font(t.px(SMALL_PX), Role::Muted, HPos::Center, false);
        EmptyElement::at((f64::from(year), t.px(2.0))) + Text::new(year.to_string(), (0, 0), style)
    });
    series(&chart, labels)?;
    if let Some((from, to, _)) = span {
        let half = t.px(5.0);
        let band = [(*from, axis_y - half), (*to, axis_y + half)];
        series(&chart, [Rectangle::new(band, Role::Secondary.filled())])?;
    }
    let dots = events.iter().map(|e| {
        let style = paint(Role::Primary, !e.derived, t.stroke(2));
        Circle::new((e.at, axis_y), t.px(6.0).round() as i32, style)
    });
    series(&chart, dots)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Paint, Shape};
    use crate::content::Lang;

    fn every_chart() -> Vec<Chart> {
        let content = crate::content::embedded().expect("content");
        let mut charts = vec![crate::chart::timeline(&content.overview.timeline, Lang::En)];
        for site in &content.sites {
            for lang in Lang::ALL {
                charts.extend(
                    site.charts.iter().filter_map(|spec| {
                        crate::chart::build(spec, &site.figures, "section", lang)
                    }),
                );
            }
        }
        charts
    }

    fn text_sizes(drawing: &Drawing) -> Vec<f64> {
        drawing
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { size_px, .. } => Some(*size_px),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn text_is_drawn_at_the_size_asked_for() {
        for chart in every_chart() {
            for asked in [18.0, 27.0, 36.0] {
                let drawing = render_at(&chart, 700, TextSize::smallest(asked)).expect("drawn");
                let sizes = text_sizes(&drawing);
                assert!(!sizes.is_empty(), "{}", chart.id);
                let smallest = sizes.iter().copied().fold(f64::MAX, f64::min);
                assert!(
                    smallest >= asked - 1e-9,
                    "{}: {smallest} < {asked}",
                    chart.id
                );
                assert_eq!(drawing.width, 700, "laid out at the width asked for");
            }
        }
    }

    #[test]
    fn the_standard_size_is_the_articles() {
        for chart in every_chart() {
            let standard = render(&chart, 500).expect("drawn");
            let same = render_at(&chart, 500, TextSize::smallest(12.0)).expect("drawn");
            assert_eq!(standard, same, "{}", chart.id);
            let smallest = text_sizes(&standard).into_iter().fold(f64::MAX, f64::min);
            assert!(smallest >= SMALL_PX, "{}", chart.id);
        }
        assert_eq!(TextSize::smallest(4.0), TextSize::STANDARD, "never smaller");
        assert_eq!(TextSize::smallest(f64::NAN), TextSize::STANDARD);
        assert_eq!(TextSize::smallest(1e9).smallest_px(), 96.0);
    }

    #[test]
    fn larger_text_is_laid_out_for_not_scaled_into_the_same_box() {
        // At the same width, larger text wraps into more lines: the chart grows taller by more
        // than the text's own factor would leave it if it were a scaled copy.
        let content = crate::content::embedded().expect("content");
        let site = content.site("baotou-steel").expect("site");
        let chart = crate::chart::build(&site.charts[0], &site.figures, "section", Lang::Zh)
            .expect("chart");
        let small = render_at(&chart, 360, TextSize::STANDARD).expect("drawn");
        let large = render_at(&chart, 360, TextSize::smallest(24.0)).expect("drawn");
        assert_eq!((small.width, large.width), (360, 360));
        assert!(
            f64::from(large.height) > 2.0 * f64::from(small.height),
            "{} against {}",
            large.height,
            small.height
        );
        // Nothing is drawn past the right edge: bars and their values fit the width.
        for shape in &large.shapes {
            if let Shape::Rect { x, width, .. } = shape {
                assert!(x + width <= 360, "{shape:?}");
            }
        }
    }

    #[test]
    fn the_timeline_ticks_every_year_and_labels_the_years_that_fit() {
        let content = crate::content::embedded().expect("content");
        let chart = crate::chart::timeline(&content.overview.timeline, Lang::En);
        for (width, every_year) in [(260, false), (1370, true)] {
            let drawing = render(&chart, width).expect("drawn");
            let ticks = drawing.shapes.iter().filter(|s| {
                matches!(s, Shape::Poly { points, paint: Paint::Stroke(Role::Rule, 1) } if points.len() == 2)
            });
            // 2017 to 2023: the first event's year to the year after the last.
            assert_eq!(ticks.count(), 7, "{width} px");
            let years: Vec<i32> = drawing.texts().filter_map(|t| t.parse().ok()).collect();
            assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
            assert!(years.iter().all(|y| (2017..=2023).contains(y)), "{years:?}");
            assert_eq!(years.len() == 7, every_year, "{width} px: {years:?}");
            assert!(years.len() >= 3, "{width} px: {years:?}");
        }
    }

    #[test]
    fn shapes_keep_the_role_they_were_drawn_in() {
        let content = crate::content::embedded().expect("content");
        let site = content.site("baotou-steel").expect("site");
        let chart = crate::chart::build(&site.charts[0], &site.figures, "section", Lang::En)
            .expect("chart");
        let drawing = render(&chart, 500).expect("drawn");
        let fills: Vec<Role> = drawing
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect {
                    paint: Paint::Fill(role),
                    y: 2,
                    ..
                } => Some(*role),
                _ => None,
            })
            .collect();
        assert_eq!(fills, [Role::Primary, Role::Secondary], "the two parts");
        let outlined = |s: &&Shape| {
            matches!(
                s,
                Shape::Rect {
                    paint: Paint::Stroke(Role::Ink, _),
                    ..
                }
            )
        };
        assert_eq!(
            drawing.shapes.iter().filter(outlined).count(),
            2,
            "total and its swatch"
        );
        let unit = drawing.shapes.iter().find_map(|s| match s {
            Shape::Text { text, role, .. } if *text == chart.unit => Some(*role),
            _ => None,
        });
        assert_eq!(unit, Some(Role::Muted));
    }
}
