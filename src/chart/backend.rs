//! The charts' plotters backend: [`NodeBackend`] keeps what plotters draws as [`Shape`]s, the
//! nodes of the chart's SVG, in CSS pixels, each with its colour [`Role`].
//!
//! Why not `plotters-svg`: it writes an SVG *string*, and a string can reach the DOM only as raw
//! HTML. The charts carry text from the content file (titles, labels, periods), and no such text
//! may ever be parsed as markup. Shapes instead let the component build real elements with
//! `html!` (text escaped by construction), let the same component render natively for the
//! prerendered page, and let tests count bars instead of searching markup.
//!
//! What it does for plotters: it measures text with [`crate::text`] (plotters' own estimate
//! measures in the DOM in a browser, with an inline style a strict CSP refuses, and by bytes
//! natively), and takes each colour as the role it stands for ([`Role::of`]).

use std::convert::Infallible;

use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use super::palette::Role;

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

/// How a shape is painted: filled, or outlined with a stroke of a whole number of pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    Fill(Role),
    Stroke(Role, u32),
}

impl Paint {
    fn of<S: BackendStyle>(style: &S, fill: bool) -> Self {
        let role = Role::of(style.color());
        if fill {
            Self::Fill(role)
        } else {
            Self::Stroke(role, style.stroke_width())
        }
    }
}

/// Where a text's anchor point sits on the text, horizontally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// Where a text's anchor point sits on the text, vertically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Centre,
    Bottom,
}

/// One node of a chart, in CSS pixels from the chart's top left.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: i32,
        y: i32,
        width: i32,
        height: i32,
        paint: Paint,
    },
    Line {
        from: (i32, i32),
        to: (i32, i32),
        paint: Paint,
    },
    /// An open polyline, stroked.
    Poly {
        points: Vec<(i32, i32)>,
        paint: Paint,
    },
    Circle {
        centre: (i32, i32),
        radius: u32,
        paint: Paint,
    },
    Text {
        at: (i32, i32),
        anchor: Anchor,
        baseline: Baseline,
        size_px: f64,
        family: String,
        bold: bool,
        role: Role,
        text: String,
    },
}

/// A finished chart: its size and its shapes in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
}

impl Drawing {
    /// Every text drawn, in order.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|shape| match shape {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// The backend: plotters draws into it, and each shape lands in the list it was given.
pub struct NodeBackend<'a> {
    shapes: &'a mut Vec<Shape>,
    size: (u32, u32),
}

impl<'a> NodeBackend<'a> {
    pub fn new(shapes: &'a mut Vec<Shape>, size: (u32, u32)) -> Self {
        Self { shapes, size }
    }

    /// Keeps `shape` unless its colour is plotters' transparent.
    fn push(&mut self, colour: BackendColor, shape: Shape) -> Drawn {
        if colour.alpha > 0.0 {
            self.shapes.push(shape);
        }
        Ok(())
    }
}

impl DrawingBackend for NodeBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        let paint = Paint::Fill(Role::of(colour));
        let (width, height) = (1, 1);
        self.push(
            colour,
            Shape::Rect {
                x,
                y,
                width,
                height,
                paint,
            },
        )
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        let paint = Paint::of(style, false);
        self.push(style.color(), Shape::Line { from, to, paint })
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let (width, height) = (x1 - x, y1 - y);
        let paint = Paint::of(style, fill);
        self.push(
            style.color(),
            Shape::Rect {
                x,
                y,
                width,
                height,
                paint,
            },
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let points = path.into_iter().collect();
        let paint = Paint::of(style, false);
        self.push(style.color(), Shape::Poly { points, paint })
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let paint = Paint::of(style, fill);
        self.push(
            style.color(),
            Shape::Circle {
                centre,
                radius,
                paint,
            },
        )
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) -> Drawn {
        let anchor = match style.anchor().h_pos {
            HPos::Left => Anchor::Start,
            HPos::Center => Anchor::Middle,
            HPos::Right => Anchor::End,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => Baseline::Top,
            VPos::Center => Baseline::Centre,
            VPos::Bottom => Baseline::Bottom,
        };
        let shape = Shape::Text {
            at,
            anchor,
            baseline,
            size_px: style.size(),
            family: style.family().as_str().to_owned(),
            bold: matches!(style.style(), FontStyle::Bold),
            role: Role::of(style.color()),
            text: text.to_owned(),
        };
        self.push(style.color(), shape)
    }

    /// A line of text as [`crate::text`] measures it: one line height tall.
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let px = style.size();
        Ok((
            crate::text::text_width(text, px).ceil() as u32,
            px.ceil() as u32,
        ))
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::{
        Circle, Color, FontDesc, FontFamily, FontStyle, IntoDrawingArea, PathElement, Rectangle,
        Text, TRANSPARENT,
    };

    use super::*;

    #[test]
    fn records_each_element_with_its_role_and_text_as_given() {
        let mut shapes = Vec::new();
        {
            let area = NodeBackend::new(&mut shapes, (200, 100)).into_drawing_area();
            let style = FontDesc::new(FontFamily::Name("Noto Sans CJK SC"), 13.0, FontStyle::Bold)
                .color(&Role::Muted);
            area.draw(&Text::new("<包头> & \"x\"", (5, 6), style))
                .expect("text");
            let fill = Role::Primary.filled();
            area.draw(&Rectangle::new([(1, 2), (11, 22)], fill))
                .expect("rect");
            let ring = Role::Accent.stroke_width(2);
            area.draw(&Circle::new((50, 50), 4, ring)).expect("circle");
            area.draw(&PathElement::new(vec![(0, 0), (10, 5)], Role::Rule))
                .expect("path");
            area.draw(&PathElement::new(vec![(0, 0), (9, 9)], TRANSPARENT))
                .expect("transparent");
            area.present().expect("present");
        }
        let (width, height) = (10, 20);
        let paint = Paint::Fill(Role::Primary);
        assert_eq!(
            shapes[1],
            Shape::Rect {
                x: 1,
                y: 2,
                width,
                height,
                paint
            }
        );
        let paint = Paint::Stroke(Role::Accent, 2);
        assert_eq!(
            shapes[2],
            Shape::Circle {
                centre: (50, 50),
                radius: 4,
                paint
            }
        );
        let (points, paint) = (vec![(0, 0), (10, 5)], Paint::Stroke(Role::Rule, 1));
        assert_eq!(shapes[3], Shape::Poly { points, paint });
        assert_eq!(shapes.len(), 4, "nothing transparent is kept");
        // Text is kept as text: escaping is the DOM builder's job, never ours.
        let drawing = Drawing {
            width: 200,
            height: 100,
            shapes,
        };
        assert_eq!(drawing.texts().collect::<Vec<_>>(), ["<包头> & \"x\""]);
        let Shape::Text {
            bold,
            size_px,
            anchor,
            baseline,
            role,
            ..
        } = &drawing.shapes[0]
        else {
            panic!("text first");
        };
        assert_eq!(
            (*bold, *size_px, *anchor, *baseline, *role),
            (true, 13.0, Anchor::Start, Baseline::Top, Role::Muted)
        );
    }

    #[test]
    fn plotters_measures_text_with_the_widgets_metrics() {
        let mut shapes = Vec::new();
        let area = NodeBackend::new(&mut shapes, (200, 100)).into_drawing_area();
        let font = FontDesc::new(FontFamily::SansSerif, 10.0, FontStyle::Normal);
        let style = font.color(&Role::Ink);
        assert_eq!(
            area.estimate_text_size("包头·", &style).ok(),
            Some((30, 10))
        );
    }
}
