//! A plotters drawing backend that writes SVG elements into a `String`, with integer
//! coordinates and no floating-point formatting.
//!
//! Why not `plotters-svg`: it writes every element's opacity and every font size with `{}` on
//! an `f64`, which links `core`'s float formatter (about 6 KB of gzipped wasm) into a widget
//! that otherwise never needs it. The charts still draw through plotters' `DrawingArea` and
//! elements; only the last step, elements to markup, is ours.

use std::fmt::Write as _;

use plotters::backend::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontStyle,
};

use crate::decimal::fixed;
use crate::summary::escape;

type Drawn = Result<(), DrawingErrorKind<std::fmt::Error>>;

/// Writes into `out`; `present` (or drop) closes the `<svg>` element.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    pub fn new(out: &'a mut String, (width, height): (u32, u32)) -> Self {
        let _ = writeln!(
            out,
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        Self {
            out,
            size: (width, height),
            closed: false,
        }
    }

    /// `fill="…"` (or `stroke`) and, when not opaque, its opacity.
    fn paint(&mut self, attribute: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        let _ = write!(self.out, " {attribute}=\"#{r:02X}{g:02X}{b:02X}\"");
        if color.alpha < 1.0 {
            let _ = write!(self.out, " opacity=\"{}\"", fixed(color.alpha, 3));
        }
    }

    /// A `<polyline>` or `<polygon>` through `points`.
    fn points<S: BackendStyle>(
        &mut self,
        tag: &str,
        points: impl IntoIterator<Item = BackendCoord>,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let _ = write!(self.out, "<{tag} points=\"");
        for (x, y) in points {
            let _ = write!(self.out, "{x},{y} ");
        }
        self.out.push('"');
        self.fill_or_stroke(style, fill);
        self.out.push_str("/>\n");
        Ok(())
    }

    /// Fill or outline, as plotters asks.
    fn fill_or_stroke<S: BackendStyle>(&mut self, style: &S, fill: bool) {
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(" fill=\"none\"");
            self.paint("stroke", style.color());
            let _ = write!(self.out, " stroke-width=\"{}\"", style.stroke_width());
        }
    }
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        let _ = write!(
            self.out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\""
        );
        self.paint("fill", color);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(
            self.out,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\""
        );
        self.fill_or_stroke(style, false);
        self.out.push_str("/>\n");
        Ok(())
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
        let _ = write!(
            self.out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"",
            x1 - x0,
            y1 - y0
        );
        self.fill_or_stroke(style, fill);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.points("polyline", path, style, false)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.points("polygon", vertices, style, true)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (cx, cy): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let _ = write!(self.out, "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{radius}\"");
        self.fill_or_stroke(style, fill);
        self.out.push_str("/>\n");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Drawn {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-size=\"{}\" font-family=\"",
            fixed(style.size(), 1)
        );
        self.out.push_str(&escape(style.family().as_str()));
        self.out.push('"');
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(" font-weight=\"bold\"");
        }
        self.paint("fill", style.color());
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</text>\n");
        Ok(())
    }
}

impl Drop for SvgWriter<'_> {
    fn drop(&mut self) {
        let _ = self.present();
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
    fn writes_each_element_with_integer_coordinates() {
        let mut svg = String::new();
        {
            let area = SvgWriter::new(&mut svg, (200, 100)).into_drawing_area();
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
        let expected = [
            "<svg width=\"200\" height=\"100\" viewBox=\"0 0 200 100\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<text x=\"5\" y=\"6\" dy=\"0.76em\" text-anchor=\"start\" font-size=\"13\" font-family=\"Noto Sans CJK SC\" font-weight=\"bold\" fill=\"#010203\">&lt;包头&gt; &amp; &quot;x&quot;</text>",
            "<rect x=\"1\" y=\"2\" width=\"10\" height=\"20\" fill=\"#FF0000\"/>",
            "<circle cx=\"50\" cy=\"50\" r=\"4\" fill=\"none\" stroke=\"#0000FF\" stroke-width=\"2\"/>",
            "<polyline points=\"0,0 10,5 \" fill=\"none\" stroke=\"#000000\" opacity=\"0.5\" stroke-width=\"1\"/>",
            "</svg>",
        ];
        assert_eq!(svg.lines().collect::<Vec<_>>(), expected);
    }
}
