//! Draws a [`Chart`] with plotters (through our [`ShapeRecorder`] backend) into a [`Drawing`],
//! at a given width in CSS px and a given text size ([`TextSize`]).
//! Only drawing primitives are used, laid out here with estimated text widths, so the result
//! is the same natively and in the browser and needs no DOM text measurement.
//!
//! Every length of the layout (line height, bar thickness, gaps, swatches, dots) is in
//! proportion to the text, so a chart asked for larger text (a kiosk read from a step back) is
//! laid out for that text at its width: its labels wrap and its bars are placed for the size
//! they are drawn at, rather than a small chart being scaled up.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::drawing::{Drawing, ShapeRecorder};
use super::model::{Body, Chart, Datum, Event};
use super::palette::Palette;
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

type Area<'a> = DrawingArea<ShapeRecorder<'a>, Shift>;
type Drawn = Result<(), String>;

/// Recording shapes cannot fail; plotters' own checks (a text it cannot lay out) still could,
/// and their details would cost a Debug formatter in the wasm for a message nobody will see.
fn err<E>(_: E) -> String {
    "chart drawing failed".to_owned()
}

fn text(
    area: &Area,
    s: &str,
    (x, y): (f64, f64),
    px: f64,
    color: &RGBColor,
    h: HPos,
    bold: bool,
) -> Drawn {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let font = FontDesc::new(FontFamily::Name(FAMILY), px, style)
        .color(color)
        .pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(
        s.to_owned(),
        (x.round() as i32, y.round() as i32),
        font,
    ))
    .map_err(err)
}

/// A rectangle, filled or outlined with a stroke `outline` px wide.
fn rect(
    area: &Area,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    color: &RGBColor,
    filled: bool,
    outline: u32,
) -> Drawn {
    let style = if filled {
        color.filled()
    } else {
        color.stroke_width(outline)
    };
    let corners = [
        (x0.round() as i32, y0.round() as i32),
        (x1.round() as i32, y1.round() as i32),
    ];
    area.draw(&Rectangle::new(corners, style)).map_err(err)
}

fn line(area: &Area, points: &[(f64, f64)], color: &RGBColor, width: u32) -> Drawn {
    let points: Vec<(i32, i32)> = points
        .iter()
        .map(|(x, y)| (x.round() as i32, y.round() as i32))
        .collect();
    area.draw(&PathElement::new(points, color.stroke_width(width)))
        .map_err(err)
}

fn dot(
    area: &Area,
    (x, y): (f64, f64),
    r: f64,
    color: &RGBColor,
    filled: bool,
    outline: u32,
) -> Drawn {
    let style = if filled {
        color.filled()
    } else {
        color.stroke_width(outline)
    };
    area.draw(&Circle::new(
        (x.round() as i32, y.round() as i32),
        r.round() as i32,
        style,
    ))
    .map_err(err)
}

/// A bar's value, bold, just past its end.
fn value_label(area: &Area, value: &str, at: (f64, f64), palette: &Palette, t: TextSize) -> Drawn {
    text(
        area,
        value,
        at,
        t.px(VALUE_PX),
        &palette.ink,
        HPos::Left,
        true,
    )
}

/// The zero baseline from `y0` to `y1`.
fn baseline(area: &Area, y0: f64, y1: f64, palette: &Palette, t: TextSize) -> Drawn {
    let x = t.px(1.0);
    line(area, &[(x, y0), (x, y1)], &palette.rule, t.stroke(2))
}

/// Renders the chart `width` px wide at the standard text size; the height follows from the
/// content.
pub fn render(chart: &Chart, width: u32, palette: &Palette) -> Result<Drawing, String> {
    render_at(chart, width, palette, TextSize::STANDARD)
}

/// Renders the chart `width` px wide with its text at `t`; the height follows from the
/// content.
pub fn render_at(
    chart: &Chart,
    width: u32,
    palette: &Palette,
    t: TextSize,
) -> Result<Drawing, String> {
    let width = f64::from(width.max(200));
    let height = match &chart.body {
        Body::Bars(data) => bars(None, data, width, palette, t)?,
        Body::Stacked { parts, total } => stacked(None, parts, total, width, palette, t)?,
        Body::Units(data) => units(None, data, width, palette, t)?,
        Body::Timeline { events, span } => {
            timeline(None, events, span.as_ref(), width, palette, t)?
        }
    } + if chart.unit.is_empty() {
        0.0
    } else {
        t.px(LINE + 4.0)
    };
    let size = (width as u32, height.ceil() as u32);
    let mut shapes = Vec::new();
    {
        let area = ShapeRecorder::new(&mut shapes, size).into_drawing_area();
        let bottom = match &chart.body {
            Body::Bars(data) => bars(Some(&area), data, width, palette, t)?,
            Body::Stacked { parts, total } => {
                stacked(Some(&area), parts, total, width, palette, t)?
            }
            Body::Units(data) => units(Some(&area), data, width, palette, t)?,
            Body::Timeline { events, span } => {
                timeline(Some(&area), events, span.as_ref(), width, palette, t)?
            }
        };
        if !chart.unit.is_empty() {
            text(
                &area,
                &chart.unit,
                (0.0, bottom + t.px(4.0)),
                t.px(SMALL_PX),
                &palette.muted,
                HPos::Left,
                false,
            )?;
        }
        area.present().map_err(err)?;
    }
    Ok(Drawing {
        width: size.0,
        height: size.1,
        shapes,
    })
}

/// A label wrapped to `width`, a line at a time from `(x, y)` down; returns the `y` below it.
fn label_lines(
    area: Option<&Area>,
    label: &str,
    (x, mut y): (f64, f64),
    width: f64,
    t: TextSize,
    palette: &Palette,
) -> Result<f64, String> {
    for line in wrap(label, t.px(LABEL_PX), width) {
        if let Some(area) = area {
            text(
                area,
                &line,
                (x, y),
                t.px(LABEL_PX),
                &palette.ink,
                HPos::Left,
                false,
            )?;
        }
        y += t.px(LINE);
    }
    Ok(y)
}

/// Room a value label needs after its bar.
fn value_room(data: &[&Datum], t: TextSize) -> f64 {
    data.iter()
        .map(|d| text_width(&d.display, t.px(VALUE_PX)))
        .fold(0.0, f64::max)
        + t.px(10.0)
}

/// Horizontal bars, each under its label, from one zero baseline. Returns the height used.
/// With `area` `None` it only measures.
fn bars(
    area: Option<&Area>,
    data: &[Datum],
    width: f64,
    palette: &Palette,
    t: TextSize,
) -> Result<f64, String> {
    let all: Vec<&Datum> = data.iter().collect();
    let max = data
        .iter()
        .map(|d| d.value)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let x0 = t.px(1.0);
    let scale = (width - value_room(&all, t) - 2.0 * x0) / max;
    let mut y = 0.0;
    for d in data {
        y = label_lines(area, &d.label, (0.0, y), width, t, palette)?;
        let end = (d.value * scale).max(1.0);
        if let Some(area) = area {
            let top = y + t.px(2.0);
            rect(
                area,
                (x0, top),
                (x0 + end, top + t.px(BAR)),
                &palette.primary,
                !d.derived,
                t.stroke(2),
            )?;
            let at = (x0 + end + t.px(6.0), y + t.px(3.0));
            value_label(area, &d.display, at, palette, t)?;
            // The zero baseline, beside each bar (not through the labels above them).
            baseline(area, y - t.px(1.0), y + t.px(BAR + 5.0), palette, t)?;
        }
        y += t.px(BAR + 12.0);
    }
    Ok(y)
}

/// One bar split into its parts, the derived total at its end, and a key below.
fn stacked(
    area: Option<&Area>,
    parts: &[Datum],
    total: &Datum,
    width: f64,
    palette: &Palette,
    t: TextSize,
) -> Result<f64, String> {
    let x0 = t.px(1.0);
    let scale = (width - value_room(&[total], t) - 2.0 * x0) / total.value.max(f64::MIN_POSITIVE);
    let colours = [palette.primary, palette.secondary, palette.accent];
    let mut x = x0;
    let bar_height = t.px(BAR + 6.0);
    let top = t.px(2.0);
    if let Some(area) = area {
        for (i, part) in parts.iter().enumerate() {
            let w = part.value * scale;
            rect(
                area,
                (x, top),
                (x + w, top + bar_height),
                &colours[i % colours.len()],
                true,
                t.stroke(2),
            )?;
            if text_width(&part.display, t.px(VALUE_PX)) + t.px(8.0) < w {
                text(
                    area,
                    &part.display,
                    (x + w / 2.0, t.px(6.0)),
                    t.px(VALUE_PX),
                    &palette.paper,
                    HPos::Center,
                    true,
                )?;
            }
            x += w;
        }
        // The total is worked out, not stated: an outline around the whole bar, and its label.
        rect(
            area,
            (x0, x0),
            (x, top + x0 + bar_height),
            &palette.ink,
            false,
            t.stroke(2),
        )?;
        value_label(area, &total.display, (x + t.px(7.0), t.px(6.0)), palette, t)?;
        baseline(area, 0.0, bar_height + t.px(6.0), palette, t)?;
    }
    let mut y = bar_height + t.px(16.0);
    let key: Vec<(Option<RGBColor>, &Datum)> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| (Some(colours[i % colours.len()]), p))
        .chain([(None, total)])
        .collect();
    for (colour, d) in key {
        let entry = format!("{}  {}", d.label, d.display);
        let lines = wrap(&entry, t.px(LABEL_PX), width - t.px(22.0));
        if let Some(area) = area {
            let (from, to) = ((x0, y + t.px(3.0)), (t.px(13.0), y + t.px(15.0)));
            match colour {
                Some(c) => rect(area, from, to, &c, true, t.stroke(2))?,
                None => rect(area, from, to, &palette.ink, false, t.stroke(2))?,
            }
            key_text(area, &lines, y, palette, t)?;
        }
        y += lines.len() as f64 * t.px(LINE) + t.px(6.0);
    }
    Ok(y)
}

/// The wrapped text of a key entry, beside its swatch.
fn key_text(area: &Area, lines: &[String], y: f64, palette: &Palette, t: TextSize) -> Drawn {
    for (i, l) in lines.iter().enumerate() {
        let at = (t.px(22.0), y + i as f64 * t.px(LINE));
        text(area, l, at, t.px(LABEL_PX), &palette.ink, HPos::Left, false)?;
    }
    Ok(())
}

/// Small multiples of unit charts: a dot per person, a square per organisation.
fn units(
    area: Option<&Area>,
    data: &[Datum],
    width: f64,
    palette: &Palette,
    t: TextSize,
) -> Result<f64, String> {
    let gap = t.px(20.0);
    let side_by_side = data.len() > 1 && width >= t.px(420.0);
    let panel_w = if side_by_side {
        (width - gap * (data.len() - 1) as f64) / data.len() as f64
    } else {
        width
    };
    let cols = 12.0;
    let cell = crate::fmath::clamp(panel_w / cols, t.px(8.0), t.px(18.0));
    let mut bottom: f64 = 0.0;
    let mut y0 = 0.0;
    for (i, d) in data.iter().enumerate() {
        let x0 = if side_by_side {
            i as f64 * (panel_w + gap)
        } else {
            0.0
        };
        if !side_by_side && i > 0 {
            y0 = bottom + t.px(14.0);
        }
        let mut y = y0;
        if let Some(area) = area {
            text(
                area,
                &d.display,
                (x0, y),
                t.px(20.0),
                &palette.ink,
                HPos::Left,
                true,
            )?;
        }
        y += t.px(26.0);
        y = label_lines(area, &d.label, (x0, y), panel_w, t, palette)?;
        y += t.px(4.0);
        let count = d.value.max(0.0).round() as usize;
        let person = d.unit == Unit::People;
        let colour = if person {
            palette.primary
        } else {
            palette.accent
        };
        if let Some(area) = area {
            for k in 0..count {
                let (col, row) = ((k % cols as usize) as f64, (k / cols as usize) as f64);
                let (cx, cy) = (x0 + col * cell + cell / 2.0, y + row * cell + cell / 2.0);
                let r = cell * 0.38;
                if person {
                    dot(area, (cx, cy), r, &colour, true, 1)?;
                } else {
                    rect(area, (cx - r, cy - r), (cx + r, cy + r), &colour, true, 1)?;
                }
            }
        }
        y += (count as f64 / cols).ceil() * cell;
        bottom = bottom.max(y);
    }
    Ok(bottom + t.px(6.0))
}

/// Events on a time axis with a year scale; the events listed below with their exact dates.
fn timeline(
    area: Option<&Area>,
    events: &[Event],
    span: Option<&(f64, f64, String)>,
    width: f64,
    palette: &Palette,
    t: TextSize,
) -> Result<f64, String> {
    let first = events.iter().map(|e| e.at).fold(f64::MAX, f64::min).floor();
    let last = events.iter().map(|e| e.at).fold(f64::MIN, f64::max).floor() + 1.0;
    let (left, right) = (t.px(14.0), width - t.px(14.0));
    let x = |at: f64| left + (at - first) / (last - first).max(1.0) * (right - left);
    let axis_y = t.px(30.0);
    if let Some(area) = area {
        line(
            area,
            &[(left, axis_y), (right, axis_y)],
            &palette.rule,
            t.stroke(2),
        )?;
        let mut year = first;
        let tick = t.px(4.0);
        while year <= last {
            line(
                area,
                &[(x(year), axis_y - tick), (x(year), axis_y + tick)],
                &palette.rule,
                t.stroke(1),
            )?;
            // Label every year when there is room, else every other one.
            let room = (right - left) / (last - first).max(1.0);
            if room > t.px(40.0) || (year - first) as i64 % 2 == 0 {
                text(
                    area,
                    &(year as i64).to_string(),
                    (x(year), t.px(2.0)),
                    t.px(SMALL_PX),
                    &palette.muted,
                    HPos::Center,
                    false,
                )?;
            }
            year += 1.0;
        }
        if let Some((from, to, _)) = span {
            let half = t.px(5.0);
            rect(
                area,
                (x(*from), axis_y - half),
                (x(*to), axis_y + half),
                &palette.secondary,
                true,
                1,
            )?;
        }
        for e in events {
            let (r, outline) = (t.px(6.0), t.stroke(2));
            dot(
                area,
                (x(e.at), axis_y),
                r,
                &palette.primary,
                !e.derived,
                outline,
            )?;
        }
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
        if let Some(area) = area {
            match event {
                Some(e) => dot(
                    area,
                    (t.px(7.0), y + t.px(9.0)),
                    t.px(5.0),
                    &palette.primary,
                    !e.derived,
                    t.stroke(2),
                )?,
                None => rect(
                    area,
                    (t.px(1.0), y + t.px(5.0)),
                    (t.px(13.0), y + t.px(13.0)),
                    &palette.secondary,
                    true,
                    1,
                )?,
            }
            key_text(area, &lines, y, palette, t)?;
        }
        y += lines.len() as f64 * t.px(LINE) + t.px(6.0);
    }
    Ok(y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Shape, LIGHT};
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
                let drawing =
                    render_at(&chart, 700, &LIGHT, TextSize::smallest(asked)).expect("drawn");
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
            let standard = render(&chart, 500, &LIGHT).expect("drawn");
            let same = render_at(&chart, 500, &LIGHT, TextSize::smallest(12.0)).expect("drawn");
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
        let small = render_at(&chart, 360, &LIGHT, TextSize::STANDARD).expect("drawn");
        let large = render_at(&chart, 360, &LIGHT, TextSize::smallest(24.0)).expect("drawn");
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
}
