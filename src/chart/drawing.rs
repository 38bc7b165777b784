//! A plotters drawing backend that records what plotters draws as plain [`Shape`] values, with
//! integer coordinates.
//!
//! Why not `plotters-svg`: it writes an SVG *string*, and a string can reach the DOM only as raw
//! HTML. The charts carry text from the content file (titles, labels, periods), and no such text
//! may ever be parsed as markup. Recording shapes instead lets the component build real elements
//! with `html!` (text escaped by construction), lets the same component render natively for the
//! prerendered page, and lets tests measure bars instead of searching markup. The charts still
//! draw through plotters' `DrawingArea` and elements; only the last step is ours.

use std::convert::Infallible;

use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

type Drawn = Result<(), DrawingErrorKind<Infallible>>;

/// A colour and its opacity (1.0 is opaque).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Colour {
    pub rgb: (u8, u8, u8),
    pub alpha: f64,
}

impl Colour {
    fn from_backend(color: BackendColor) -> Self {
        Self {
            rgb: color.rgb,
            alpha: color.alpha,
        }
    }

    /// `#RRGGBB`, as SVG paint.
    pub fn hex(self) -> String {
        let (r, g, b) = self.rgb;
        format!("#{r:02X}{g:02X}{b:02X}")
    }
}

/// How a shape is painted: filled, or outlined with a stroke of a whole number of pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Fill(Colour),
    Stroke(Colour, u32),
}

impl Paint {
    fn of<S: BackendStyle>(style: &S, fill: bool) -> Self {
        let colour = Colour::from_backend(style.color());
        if fill {
            Self::Fill(colour)
        } else {
            Self::Stroke(colour, style.stroke_width())
        }
    }

    pub fn colour(self) -> Colour {
        match self {
            Self::Fill(c) | Self::Stroke(c, _) => c,
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

/// One element of a chart, in CSS pixels from the chart's top left.
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
    /// An open polyline (stroked) or a closed polygon (filled).
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
        colour: Colour,
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
pub struct ShapeRecorder<'a> {
    shapes: &'a mut Vec<Shape>,
    size: (u32, u32),
}

impl<'a> ShapeRecorder<'a> {
    pub fn new(shapes: &'a mut Vec<Shape>, size: (u32, u32)) -> Self {
        Self { shapes, size }
    }

    fn push(&mut self, shape: Shape) -> Drawn {
        self.shapes.push(shape);
        Ok(())
    }
}

impl DrawingBackend for ShapeRecorder<'_> {
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

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        self.push(Shape::Rect {
            x,
            y,
            width: 1,
            height: 1,
            paint: Paint::Fill(Colour::from_backend(color)),
        })
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.push(Shape::Line {
            from,
            to,
            paint: Paint::of(style, false),
        })
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.push(Shape::Rect {
            x: x0,
            y: y0,
            width: x1 - x0,
            height: y1 - y0,
            paint: Paint::of(style, fill),
        })
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.push(Shape::Poly {
            points: path.into_iter().collect(),
            paint: Paint::of(style, false),
        })
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.push(Shape::Poly {
            points: vertices.into_iter().collect(),
            paint: Paint::of(style, true),
        })
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.push(Shape::Circle {
            centre,
            radius,
            paint: Paint::of(style, fill),
        })
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, at: BackendCoord) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
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
        self.push(Shape::Text {
            at,
            anchor,
            baseline,
            size_px: style.size(),
            family: style.family().as_str().to_owned(),
            bold: matches!(style.style(), FontStyle::Bold),
            colour: Colour::from_backend(style.color()),
            text: text.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::{
        Circle, Color, FontDesc, FontFamily, FontStyle, IntoDrawingArea, PathElement, RGBColor,
        Rectangle, Text,
    };

    use super::*;

    #[test]
    fn records_each_element_with_its_paint_and_text_as_given() {
        let mut shapes = Vec::new();
        {
            let area = ShapeRecorder::new(&mut shapes, (200, 100)).into_drawing_area();
            let style = FontDesc::new(FontFamily::Name("Noto Sans CJK SC"), 13.0, FontStyle::Bold)
                .color(&RGBColor(1, 2, 3));
            area.draw(&Text::new("<包头> & \"x\"", (5, 6), style))
                .expect("text");
            area.draw(&Rectangle::new(
                [(1, 2), (11, 22)],
                RGBColor(255, 0, 0).filled(),
            ))
            .expect("rect");
            area.draw(&Circle::new(
                (50, 50),
                4,
                Color::stroke_width(&RGBColor(0, 0, 255), 2),
            ))
            .expect("circle");
            area.draw(&PathElement::new(
                vec![(0, 0), (10, 5)],
                RGBColor(0, 0, 0).mix(0.5),
            ))
            .expect("path");
            area.present().expect("present");
        }
        let drawing = Drawing {
            width: 200,
            height: 100,
            shapes,
        };
        let red = Colour {
            rgb: (255, 0, 0),
            alpha: 1.0,
        };
        assert_eq!(
            drawing.shapes[1],
            Shape::Rect {
                x: 1,
                y: 2,
                width: 10,
                height: 20,
                paint: Paint::Fill(red)
            }
        );
        assert_eq!(
            drawing.shapes[2],
            Shape::Circle {
                centre: (50, 50),
                radius: 4,
                paint: Paint::Stroke(
                    Colour {
                        rgb: (0, 0, 255),
                        alpha: 1.0
                    },
                    2
                )
            }
        );
        assert_eq!(
            drawing.shapes[3],
            Shape::Poly {
                points: vec![(0, 0), (10, 5)],
                paint: Paint::Stroke(
                    Colour {
                        rgb: (0, 0, 0),
                        alpha: 0.5
                    },
                    1
                )
            }
        );
        // Text is kept as text: escaping is the DOM builder's job, never ours.
        assert_eq!(drawing.texts().collect::<Vec<_>>(), ["<包头> & \"x\""]);
        let Shape::Text {
            bold,
            size_px,
            anchor,
            baseline,
            ..
        } = &drawing.shapes[0]
        else {
            panic!("text first");
        };
        assert_eq!(
            (*bold, *size_px, *anchor, *baseline),
            (true, 13.0, Anchor::Start, Baseline::Top)
        );
        assert_eq!(red.hex(), "#FF0000");
    }
}
