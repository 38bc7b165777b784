//! Draws a [`Chart`] with plotters (through our [`ShapeRecorder`] backend) into a [`Drawing`],
//! at a given width in CSS px.
//! Only drawing primitives are used, laid out here with estimated text widths, so the result
//! is the same natively and in the browser and needs no DOM text measurement.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::drawing::{Drawing, ShapeRecorder};
use super::model::{Body, Chart, Datum, Event};
use super::palette::Palette;
use super::text::wrap;
use crate::content::Unit;
use crate::geo::text_width;

const FAMILY: &str =
    "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif";
const LABEL_PX: f64 = 13.0;
const VALUE_PX: f64 = 14.0;
const SMALL_PX: f64 = 12.0;
const LINE: f64 = 17.0;
const BAR: f64 = 20.0;

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

fn rect(
    area: &Area,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    color: &RGBColor,
    filled: bool,
) -> Drawn {
    let style = if filled {
        color.filled()
    } else {
        color.stroke_width(2)
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

fn dot(area: &Area, (x, y): (f64, f64), r: f64, color: &RGBColor, filled: bool) -> Drawn {
    let style = if filled {
        color.filled()
    } else {
        color.stroke_width(2)
    };
    area.draw(&Circle::new(
        (x.round() as i32, y.round() as i32),
        r.round() as i32,
        style,
    ))
    .map_err(err)
}

/// A bar's value, bold, just past its end.
fn value_label(area: &Area, value: &str, at: (f64, f64), palette: &Palette) -> Drawn {
    text(area, value, at, VALUE_PX, &palette.ink, HPos::Left, true)
}

/// The zero baseline from `y0` to `y1`.
fn baseline(area: &Area, y0: f64, y1: f64, palette: &Palette) -> Drawn {
    line(area, &[(1.0, y0), (1.0, y1)], &palette.rule, 2)
}

/// Renders the chart `width` px wide; the height follows from the content.
pub fn render(chart: &Chart, width: u32, palette: &Palette) -> Result<Drawing, String> {
    let width = f64::from(width.max(200));
    let height = match &chart.body {
        Body::Bars(data) => bars(None, data, width, palette)?,
        Body::Stacked { parts, total } => stacked(None, parts, total, width, palette)?,
        Body::Units(data) => units(None, data, width, palette)?,
        Body::Timeline { events, span } => timeline(None, events, span.as_ref(), width, palette)?,
    } + if chart.unit.is_empty() {
        0.0
    } else {
        LINE + 4.0
    };
    let size = (width as u32, height.ceil() as u32);
    let mut shapes = Vec::new();
    {
        let area = ShapeRecorder::new(&mut shapes, size).into_drawing_area();
        let bottom = match &chart.body {
            Body::Bars(data) => bars(Some(&area), data, width, palette)?,
            Body::Stacked { parts, total } => stacked(Some(&area), parts, total, width, palette)?,
            Body::Units(data) => units(Some(&area), data, width, palette)?,
            Body::Timeline { events, span } => {
                timeline(Some(&area), events, span.as_ref(), width, palette)?
            }
        };
        if !chart.unit.is_empty() {
            text(
                &area,
                &chart.unit,
                (0.0, bottom + 4.0),
                SMALL_PX,
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

/// Room a value label needs after its bar.
fn value_room(data: &[&Datum]) -> f64 {
    data.iter()
        .map(|d| text_width(&d.display, VALUE_PX))
        .fold(0.0, f64::max)
        + 10.0
}

/// Horizontal bars, each under its label, from one zero baseline. Returns the height used.
/// With `area` `None` it only measures.
fn bars(area: Option<&Area>, data: &[Datum], width: f64, palette: &Palette) -> Result<f64, String> {
    let all: Vec<&Datum> = data.iter().collect();
    let max = data
        .iter()
        .map(|d| d.value)
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let scale = (width - value_room(&all) - 2.0) / max;
    let mut y = 0.0;
    for d in data {
        for l in wrap(&d.label, LABEL_PX, width) {
            if let Some(area) = area {
                text(
                    area,
                    &l,
                    (0.0, y),
                    LABEL_PX,
                    &palette.ink,
                    HPos::Left,
                    false,
                )?;
            }
            y += LINE;
        }
        let end = (d.value * scale).max(1.0);
        if let Some(area) = area {
            rect(
                area,
                (1.0, y + 2.0),
                (1.0 + end, y + 2.0 + BAR),
                &palette.primary,
                !d.derived,
            )?;
            value_label(area, &d.display, (end + 7.0, y + 3.0), palette)?;
            // The zero baseline, beside each bar (not through the labels above them).
            baseline(area, y - 1.0, y + BAR + 5.0, palette)?;
        }
        y += BAR + 12.0;
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
) -> Result<f64, String> {
    let scale = (width - value_room(&[total]) - 2.0) / total.value.max(f64::MIN_POSITIVE);
    let colours = [palette.primary, palette.secondary, palette.accent];
    let mut x = 1.0;
    let bar_height = BAR + 6.0;
    if let Some(area) = area {
        for (i, part) in parts.iter().enumerate() {
            let w = part.value * scale;
            rect(
                area,
                (x, 2.0),
                (x + w, 2.0 + bar_height),
                &colours[i % colours.len()],
                true,
            )?;
            if text_width(&part.display, VALUE_PX) + 8.0 < w {
                text(
                    area,
                    &part.display,
                    (x + w / 2.0, 6.0),
                    VALUE_PX,
                    &palette.paper,
                    HPos::Center,
                    true,
                )?;
            }
            x += w;
        }
        // The total is worked out, not stated: an outline around the whole bar, and its label.
        rect(area, (1.0, 1.0), (x, 3.0 + bar_height), &palette.ink, false)?;
        value_label(area, &total.display, (x + 7.0, 6.0), palette)?;
        baseline(area, 0.0, bar_height + 6.0, palette)?;
    }
    let mut y = bar_height + 16.0;
    let key: Vec<(Option<RGBColor>, &Datum)> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| (Some(colours[i % colours.len()]), p))
        .chain([(None, total)])
        .collect();
    for (colour, d) in key {
        let entry = format!("{}  {}", d.label, d.display);
        let lines = wrap(&entry, LABEL_PX, width - 22.0);
        if let Some(area) = area {
            match colour {
                Some(c) => rect(area, (1.0, y + 3.0), (13.0, y + 15.0), &c, true)?,
                None => rect(area, (1.0, y + 3.0), (13.0, y + 15.0), &palette.ink, false)?,
            }
            key_text(area, &lines, y, palette)?;
        }
        y += lines.len() as f64 * LINE + 6.0;
    }
    Ok(y)
}

/// The wrapped text of a key entry, beside its swatch.
fn key_text(area: &Area, lines: &[String], y: f64, palette: &Palette) -> Drawn {
    for (i, l) in lines.iter().enumerate() {
        let at = (22.0, y + i as f64 * LINE);
        text(area, l, at, LABEL_PX, &palette.ink, HPos::Left, false)?;
    }
    Ok(())
}

/// Small multiples of unit charts: a dot per person, a square per organisation.
fn units(
    area: Option<&Area>,
    data: &[Datum],
    width: f64,
    palette: &Palette,
) -> Result<f64, String> {
    let gap = 20.0;
    let side_by_side = data.len() > 1 && width >= 420.0;
    let panel_w = if side_by_side {
        (width - gap * (data.len() - 1) as f64) / data.len() as f64
    } else {
        width
    };
    let cols = 12.0;
    let cell = crate::fmath::clamp(panel_w / cols, 8.0, 18.0);
    let mut bottom: f64 = 0.0;
    let mut y0 = 0.0;
    for (i, d) in data.iter().enumerate() {
        let x0 = if side_by_side {
            i as f64 * (panel_w + gap)
        } else {
            0.0
        };
        if !side_by_side && i > 0 {
            y0 = bottom + 14.0;
        }
        let mut y = y0;
        if let Some(area) = area {
            text(
                area,
                &d.display,
                (x0, y),
                20.0,
                &palette.ink,
                HPos::Left,
                true,
            )?;
        }
        y += 26.0;
        for l in wrap(&d.label, LABEL_PX, panel_w) {
            if let Some(area) = area {
                text(area, &l, (x0, y), LABEL_PX, &palette.ink, HPos::Left, false)?;
            }
            y += LINE;
        }
        y += 4.0;
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
                    dot(area, (cx, cy), r, &colour, true)?;
                } else {
                    rect(area, (cx - r, cy - r), (cx + r, cy + r), &colour, true)?;
                }
            }
        }
        y += (count as f64 / cols).ceil() * cell;
        bottom = bottom.max(y);
    }
    Ok(bottom + 6.0)
}

/// Events on a time axis with a year scale; the events listed below with their exact dates.
fn timeline(
    area: Option<&Area>,
    events: &[Event],
    span: Option<&(f64, f64, String)>,
    width: f64,
    palette: &Palette,
) -> Result<f64, String> {
    let first = events.iter().map(|e| e.at).fold(f64::MAX, f64::min).floor();
    let last = events.iter().map(|e| e.at).fold(f64::MIN, f64::max).floor() + 1.0;
    let (left, right) = (14.0, width - 14.0);
    let x = |t: f64| left + (t - first) / (last - first).max(1.0) * (right - left);
    let axis_y = 30.0;
    if let Some(area) = area {
        line(area, &[(left, axis_y), (right, axis_y)], &palette.rule, 2)?;
        let mut year = first;
        while year <= last {
            line(
                area,
                &[(x(year), axis_y - 4.0), (x(year), axis_y + 4.0)],
                &palette.rule,
                1,
            )?;
            // Label every year when there is room, else every other one.
            let room = (right - left) / (last - first).max(1.0);
            if room > 40.0 || (year - first) as i64 % 2 == 0 {
                text(
                    area,
                    &(year as i64).to_string(),
                    (x(year), 2.0),
                    SMALL_PX,
                    &palette.muted,
                    HPos::Center,
                    false,
                )?;
            }
            year += 1.0;
        }
        if let Some((from, to, _)) = span {
            rect(
                area,
                (x(*from), axis_y - 5.0),
                (x(*to), axis_y + 5.0),
                &palette.secondary,
                true,
            )?;
        }
        for e in events {
            dot(area, (x(e.at), axis_y), 6.0, &palette.primary, !e.derived)?;
        }
    }
    let mut y = axis_y + 22.0;
    let mut rows: Vec<(Option<&Event>, String)> = events
        .iter()
        .map(|e| (Some(e), format!("{}  {}", e.date, e.label)))
        .collect();
    if let Some((_, _, label)) = span {
        rows.push((None, label.clone()));
    }
    for (event, row) in rows {
        let lines = wrap(&row, LABEL_PX, width - 24.0);
        if let Some(area) = area {
            match event {
                Some(e) => dot(area, (7.0, y + 9.0), 5.0, &palette.primary, !e.derived)?,
                None => rect(
                    area,
                    (1.0, y + 5.0),
                    (13.0, y + 13.0),
                    &palette.secondary,
                    true,
                )?,
            }
            key_text(area, &lines, y, palette)?;
        }
        y += lines.len() as f64 * LINE + 6.0;
    }
    Ok(y)
}
