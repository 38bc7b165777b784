//! Charts as plain data, built from the content: what each shows, in one language. Rendering
//! is in `render`; tests check structure here, not bytes.

use crate::content::{ChartKind, ChartSpec, Figure, Lang, TimelineEvent, Unit};

/// One value drawn: a bar, a segment, or a panel of dots.
#[derive(Clone, Debug, PartialEq)]
pub struct Datum {
    pub label: String,
    pub value: f64,
    /// The value as printed, with its qualifier: "6,000+", "近1万余", "224".
    pub display: String,
    pub unit: Unit,
    pub derived: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Horizontal bars from a zero baseline on one axis.
    Bars(Vec<Datum>),
    /// One bar made of `parts`, ending at `total` (a derived sum).
    Stacked { parts: Vec<Datum>, total: Datum },
    /// Small multiples: one mark per person or organisation.
    Units(Vec<Datum>),
    /// Dated events on a time axis; `span` draws the pilot term.
    Timeline {
        events: Vec<Event>,
        span: Option<(f64, f64, String)>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Decimal year: July 2021 is 2021.5.
    pub at: f64,
    pub date: String,
    pub label: String,
    pub derived: bool,
}

/// A chart with everything a reader needs around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: String,
    pub title: String,
    /// What the axis counts, e.g. "单位：人次" / "Unit: person-times"; empty for timelines.
    pub unit: String,
    pub body: Body,
    /// Where the numbers come from, and what was worked out.
    pub note: String,
}

/// A chart's data as a table: the text alternative for screen readers and "show data".
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn datum(figure: &Figure, lang: Lang) -> Datum {
    let derived = figure.is_derived();
    let mut label = figure.label.get(lang).to_owned();
    if let Some(period) = &figure.period {
        label = match lang {
            Lang::Zh => format!("{label}（{}）", period.zh),
            Lang::En => format!("{label} ({})", period.en),
        };
    }
    let quantity = figure.quantity();
    let display = match lang {
        Lang::Zh => crate::content::format_zh(quantity),
        Lang::En => crate::content::format_en(quantity),
    };
    Datum {
        label,
        value: figure.value,
        display,
        unit: figure.unit,
        derived,
    }
}

fn source_note(section: &str, derived: bool, lang: Lang) -> String {
    match (lang, derived) {
        (Lang::Zh, false) => format!("来源：原文{section}"),
        (Lang::Zh, true) => format!("来源：原文{section}；合计为推算"),
        (Lang::En, false) => format!("Source: the article, {section}"),
        (Lang::En, true) => format!("Source: the article, {section}; the total is derived"),
    }
}

/// Builds one of the content's charts. `section` names where the figures are in the article
/// ("第2部分" / "section 2"). Returns `None` when the spec names figures that are not there
/// (validation rejects such content before it gets here).
pub fn build(spec: &ChartSpec, figures: &[Figure], section: &str, lang: Lang) -> Option<Chart> {
    let find = |id: &str| figures.iter().find(|f| f.id == id);
    let members: Vec<&Figure> = spec
        .figures
        .iter()
        .map(|id| find(id))
        .collect::<Option<_>>()?;
    let first = members.first()?;
    let unit = match lang {
        Lang::Zh => format!("单位：{}", first.unit.axis_label(lang)),
        Lang::En => format!("Unit: {}", first.unit.axis_label(lang)),
    };
    let data: Vec<Datum> = members.iter().map(|f| datum(f, lang)).collect();
    let (body, derived, unit) = match spec.kind {
        ChartKind::Bars => (Body::Bars(data), false, unit),
        ChartKind::Stacked => {
            let total = datum(find(spec.total.as_deref()?)?, lang);
            (Body::Stacked { parts: data, total }, true, unit)
        }
        ChartKind::Units => (Body::Units(data), false, String::new()),
    };
    Some(Chart {
        id: spec.id.clone(),
        title: spec.title.get(lang).to_owned(),
        unit,
        body,
        note: source_note(section, derived, lang),
    })
}

/// The overview's timeline: when the reform started, when the pilots ran, the review.
pub fn timeline(events: &[TimelineEvent], lang: Lang) -> Chart {
    let at =
        |e: &TimelineEvent| f64::from(e.year) + e.month.map_or(0.0, |m| f64::from(m - 1) / 12.0);
    let date = |e: &TimelineEvent| match (lang, e.month) {
        (Lang::Zh, Some(m)) => format!("{}年{}月", e.year, m),
        (Lang::Zh, None) => format!("{}年", e.year),
        (Lang::En, Some(m)) => format!("{} {}", MONTHS[(m as usize).clamp(1, 12) - 1], e.year),
        (Lang::En, None) => e.year.to_string(),
    };
    let mut sorted: Vec<&TimelineEvent> = events.iter().collect();
    crate::small_sort::sort_by(&mut sorted, |a, b| at(a).total_cmp(&at(b)));
    let launch = events.iter().find(|e| e.id == "pilots-launched");
    let end = events.iter().find(|e| e.id == "pilot-term-ends");
    let span = launch.zip(end).map(|(a, b)| {
        let label = match lang {
            Lang::Zh => "试点期限一年",
            Lang::En => "One-year pilot term",
        };
        (at(a), at(b), label.to_owned())
    });
    let any_derived = events.iter().any(|e| e.derived);
    Chart {
        id: "timeline".into(),
        title: match lang {
            Lang::Zh => "产改时间线",
            Lang::En => "Timeline of the reform",
        }
        .into(),
        unit: String::new(),
        body: Body::Timeline {
            events: sorted
                .into_iter()
                .map(|e| Event {
                    at: at(e),
                    date: date(e),
                    label: e.label.get(lang).to_owned(),
                    derived: e.derived,
                })
                .collect(),
            span,
        },
        note: match (lang, any_derived) {
            (Lang::Zh, true) => "来源：原文导语；空心标记的日期为推算".into(),
            (Lang::En, true) => {
                "Source: the article's introduction; hollow marks are derived dates".into()
            }
            (Lang::Zh, false) => "来源：原文导语".into(),
            (Lang::En, false) => "Source: the article's introduction".into(),
        },
    }
}

const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

impl Chart {
    /// Every value the chart draws, as a table.
    pub fn table(&self, lang: Lang) -> Table {
        let (item, value, note) = match lang {
            Lang::Zh => ("项目", "数值", "说明"),
            Lang::En => ("Item", "Value", "Note"),
        };
        let derived_note = |d: bool| match (lang, d) {
            (_, false) => String::new(),
            (Lang::Zh, true) => "推算".to_owned(),
            (Lang::En, true) => "derived".to_owned(),
        };
        let unit_words = |d: &Datum| match lang {
            Lang::Zh => d.unit.zh().to_owned(),
            Lang::En => d.unit.en(d.value != 1.0).to_owned(),
        };
        let row = |d: &Datum| {
            vec![
                d.label.clone(),
                format!(
                    "{}{}{}",
                    d.display,
                    if lang == Lang::En { " " } else { "" },
                    unit_words(d)
                ),
                derived_note(d.derived),
            ]
        };
        let rows = match &self.body {
            Body::Bars(data) | Body::Units(data) => data.iter().map(row).collect(),
            Body::Stacked { parts, total } => parts.iter().chain([total]).map(row).collect(),
            Body::Timeline { events, .. } => events
                .iter()
                .map(|e| vec![e.label.clone(), e.date.clone(), derived_note(e.derived)])
                .collect(),
        };
        let value = if matches!(self.body, Body::Timeline { .. }) {
            match lang {
                Lang::Zh => "时间",
                Lang::En => "Date",
            }
        } else {
            value
        };
        Table {
            headers: vec![item.into(), value.into(), note.into()],
            rows,
        }
    }
}
