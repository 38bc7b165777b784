//! What the live widget knows of its widths before it has measured anything: the widths the
//! prerendered map and charts had on screen (measured by `mount` before it replaces them), and
//! the last width a chart measured. With them the widget's first frame is laid out as the
//! prerender was, so taking over moves nothing, and a card opened later draws its charts once
//! at the right width instead of at every width.

use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone, Debug, Default)]
pub struct WidthHints {
    /// The prerendered map's width on screen, in CSS px.
    pub map: Option<f64>,
    /// A chart container's width: the prerender's at first, then the last one measured.
    pub chart: Rc<Cell<Option<f64>>>,
}

impl WidthHints {
    pub fn new(map: Option<f64>, chart: Option<f64>) -> Self {
        Self {
            map,
            chart: Rc::new(Cell::new(chart)),
        }
    }
}

impl PartialEq for WidthHints {
    fn eq(&self, other: &Self) -> bool {
        self.map == other.map && Rc::ptr_eq(&self.chart, &other.chart)
    }
}
