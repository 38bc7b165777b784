//! Content rules that the shape (the serde types) cannot express. Each broken rule becomes one
//! [`Problem`] naming the field and what was expected.

/// Ids and numbers seen so far. A few dozen at most, so a list beats a hash set (and keeps the
/// wasm smaller).
#[derive(Default)]
struct Seen<T>(Vec<T>);

impl<T: PartialEq> Seen<T> {
    /// Records `item`; false if it was already there.
    fn insert(&mut self, item: T) -> bool {
        if self.0.contains(&item) {
            false
        } else {
            self.0.push(item);
            true
        }
    }

    fn contains(&self, item: &T) -> bool {
        self.0.contains(item)
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }
}

use super::quantity::{self, Qualifier};
use super::{ChartKind, ChartSpec, Content, Figure, Problem, Site, Text, TimelineEvent};
use crate::decimal::fixed;

/// Most dots or squares a unit chart draws; beyond that, a bar says it better.
pub const UNIT_CHART_MAX: f64 = 500.0;

/// The file format this build reads.
pub const FORMAT: u32 = 1;

/// Inner Mongolia's extent in WGS84 degrees, with a small margin: (west, south, east, north).
pub const INNER_MONGOLIA_BOUNDS: (f64, f64, f64, f64) = (97.0, 37.2, 126.2, 53.6);

/// Every rule the content breaks, in file order.
pub(super) fn problems(content: &Content) -> Vec<Problem> {
    let mut v = Validator::default();
    if content.format != FORMAT {
        v.push(
            "format",
            format!("expected format {FORMAT}, found {}", content.format),
        );
    }
    let article = &content.article;
    v.text("article.title", &article.title);
    v.text("article.subtitle", &article.subtitle);
    v.text("article.series_part_label", &article.series_part_label);
    v.text("article.subject", &article.subject);
    v.text("article.credit", &article.credit);
    if article.series_part == 0 {
        v.push("article.series_part", "expected the part number, 1 or more");
    }

    let mut theme_ids = Seen::default();
    for (i, theme) in content.themes.iter().enumerate() {
        let path = format!("themes[{i}]");
        v.id(&format!("{path}.id"), &theme.id, &mut theme_ids);
        v.text(&format!("{path}.name"), &theme.name);
    }

    v.text("overview.summary", &content.overview.summary);
    v.figures("overview.figures", &content.overview.figures);
    for (i, event) in content.overview.timeline.iter().enumerate() {
        v.timeline_event(&format!("overview.timeline[{i}]"), event);
    }
    v.charts(
        "overview.charts",
        &content.overview.charts,
        &content.overview.figures,
    );

    if content.sites.is_empty() {
        v.push("sites", "expected at least one site");
    }
    let mut site_ids = Seen::default();
    let mut numbers = Seen::default();
    for (i, site) in content.sites.iter().enumerate() {
        let path = format!("sites[{i}]");
        v.id(&format!("{path}.id"), &site.id, &mut site_ids);
        if site.number == 0 {
            v.push(
                format!("{path}.number"),
                "expected the article's section number, 1 or more",
            );
        } else if !numbers.insert(site.number) {
            v.push(
                format!("{path}.number"),
                format!("duplicate number {}", site.number),
            );
        }
        v.site(&path, site, &theme_ids);
    }
    v.found
}

#[derive(Default)]
struct Validator {
    found: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found.push(Problem::new(path, message));
    }

    fn text(&mut self, path: &str, text: &Text) {
        for (lang, value) in [("zh", &text.zh), ("en", &text.en)] {
            let path = format!("{path}.{lang}");
            if value.trim().is_empty() {
                self.push(path, "missing translation: expected non-empty text");
            } else if value.chars().count() > MAX_TEXT_CHARS {
                self.push(
                    path,
                    format!(
                        "text of {} characters is too long: at most {MAX_TEXT_CHARS}",
                        value.chars().count()
                    ),
                );
            } else if let Some(c) = value.chars().find(|&c| is_hidden_control(c)) {
                self.push(
                    path,
                    format!(
                        "invisible or direction-changing character U+{:04X}: remove it",
                        c as u32
                    ),
                );
            }
        }
    }

    fn id<'a>(&mut self, path: &str, id: &'a str, seen: &mut Seen<&'a str>) {
        if !is_slug(id) {
            self.push(
                path,
                format!("expected a slug of lowercase ASCII letters, digits and single hyphens, found \"{id}\""),
            );
        } else if !seen.insert(id) {
            self.push(path, format!("duplicate id \"{id}\""));
        }
    }

    fn site(&mut self, path: &str, site: &Site, theme_ids: &Seen<&str>) {
        self.text(&format!("{path}.name"), &site.name);
        self.text(&format!("{path}.league"), &site.league);
        self.text(&format!("{path}.headline"), &site.headline);
        self.text(&format!("{path}.summary"), &site.summary);
        self.text(&format!("{path}.caption"), &site.caption);
        self.text(&format!("{path}.location.note"), &site.location.note);
        let (lon, lat) = (site.location.lon, site.location.lat);
        let (west, south, east, north) = INNER_MONGOLIA_BOUNDS;
        if !(west..=east).contains(&lon) || !(south..=north).contains(&lat) {
            let [lon, lat, west, east, south, north] =
                [lon, lat, west, east, south, north].map(|v| fixed(v, 6));
            self.push(
                format!("{path}.location"),
                format!(
                    "coordinates (lon {lon}, lat {lat}) are outside Inner Mongolia \
                     (expected lon {west}..{east}, lat {south}..{north})"
                ),
            );
        }
        for (i, practice) in site.practices.iter().enumerate() {
            self.text(&format!("{path}.practices[{i}].name"), &practice.name);
            self.text(&format!("{path}.practices[{i}].detail"), &practice.detail);
        }
        self.figures(&format!("{path}.figures"), &site.figures);
        self.charts(&format!("{path}.charts"), &site.charts, &site.figures);
        let mut seen = Seen::default();
        for (i, theme) in site.themes.iter().enumerate() {
            let theme_path = format!("{path}.themes[{i}]");
            if !theme_ids.contains(&theme.as_str()) {
                let known = {
                    let mut known: Vec<&str> = theme_ids.iter().copied().collect();
                    crate::small_sort::sort_by(&mut known, |a, b| a.cmp(b));
                    known.join(", ")
                };
                self.push(
                    theme_path,
                    format!("unknown theme \"{theme}\", expected one of: {known}"),
                );
            } else if !seen.insert(theme.as_str()) {
                self.push(theme_path, format!("theme \"{theme}\" listed twice"));
            }
        }
    }

    fn figures(&mut self, path: &str, figures: &[Figure]) {
        let mut ids = Seen::default();
        for (i, figure) in figures.iter().enumerate() {
            let path = format!("{path}[{i}]");
            self.id(&format!("{path}.id"), &figure.id, &mut ids);
            self.text(&format!("{path}.label"), &figure.label);
            if let Some(period) = &figure.period {
                self.text(&format!("{path}.period"), period);
            }
            if !figure.value.is_finite() || figure.value < 0.0 {
                self.push(
                    format!("{path}.value"),
                    format!(
                        "negative value {}: expected a count or amount of 0 or more",
                        fixed(figure.value, 6)
                    ),
                );
            } else if figure.value > 1e12 {
                self.push(
                    format!("{path}.value"),
                    format!(
                        "absurd value {}: expected at most 10^12",
                        fixed(figure.value, 6)
                    ),
                );
            }
            if figure.is_derived() {
                self.derived_figure(&path, figure, figures);
            } else {
                self.stated_figure(&path, figure);
            }
        }
    }

    /// A stated figure must agree with its own words in the article.
    fn stated_figure(&mut self, path: &str, figure: &Figure) {
        let (Some(stated), Some(source)) = (&figure.stated, &figure.source) else {
            self.push(path, NO_WORDS);
            return;
        };
        if !source.contains(stated.as_str()) {
            self.push(
                format!("{path}.stated"),
                stated_not_in_source(stated, source),
            );
        }
        let parsed = match quantity::parse_amount(stated) {
            Ok(parsed) => parsed,
            Err(err) => {
                self.push(format!("{path}.stated"), err.to_string());
                return;
            }
        };
        if parsed.qualifier != figure.qualifier {
            self.push(
                format!("{path}.qualifier"),
                qualifier_contradicts(figure.qualifier, stated, parsed.qualifier),
            );
        }
        if !same_value(parsed.value, figure.value) {
            self.push(
                format!("{path}.value"),
                value_contradicts(figure.value, stated, parsed.value),
            );
        }
    }

    /// A derived figure is the sum of figures of the same unit that the article states.
    fn derived_figure(&mut self, path: &str, figure: &Figure, all: &[Figure]) {
        if figure.stated.is_some() {
            self.push(
                format!("{path}.stated"),
                "a derived figure is worked out, not stated: remove `stated` or `derived_from`",
            );
        }
        let mut sum = 0.0;
        for (i, part_id) in figure.derived_from.iter().enumerate() {
            let part_path = format!("{path}.derived_from[{i}]");
            match all.iter().find(|f| &f.id == part_id && !f.is_derived()) {
                None => self.push(
                    part_path,
                    format!(
                        "unknown figure \"{part_id}\": expected the id of a stated figure beside it"
                    ),
                ),
                Some(part) if part.unit != figure.unit => self.push(
                    part_path,
                    format!(
                        "figure \"{part_id}\" counts {}, not {}: only like units add up",
                        part.unit.en(true),
                        figure.unit.en(true)
                    ),
                ),
                Some(part) => sum += part.value,
            }
        }
        let expected_qualifier = if figure
            .derived_from
            .iter()
            .filter_map(|id| all.iter().find(|f| &f.id == id))
            .all(|f| f.qualifier == Qualifier::Exact)
        {
            Qualifier::Exact
        } else {
            figure.qualifier
        };
        if figure.qualifier != expected_qualifier {
            self.push(
                format!("{path}.qualifier"),
                "a sum of exact figures is exact",
            );
        }
        if (sum - figure.value).abs() > 1e-9 * sum.abs().max(1.0) {
            self.push(
                format!("{path}.value"),
                format!(
                    "value {} is not the sum of its parts ({})",
                    fixed(figure.value, 6),
                    fixed(sum, 6)
                ),
            );
        }
    }

    fn charts(&mut self, path: &str, charts: &[ChartSpec], figures: &[Figure]) {
        let mut ids = Seen::default();
        for (i, chart) in charts.iter().enumerate() {
            let path = format!("{path}[{i}]");
            self.id(&format!("{path}.id"), &chart.id, &mut ids);
            self.text(&format!("{path}.title"), &chart.title);
            let min = if chart.kind == ChartKind::Units { 1 } else { 2 };
            if chart.figures.len() < min {
                self.push(
                    format!("{path}.figures"),
                    format!("expected at least {min} figures to show together"),
                );
            }
            let mut members = Vec::new();
            for (j, id) in chart.figures.iter().enumerate() {
                match figures.iter().find(|f| &f.id == id) {
                    Some(figure) => members.push(figure),
                    None => self.push(
                        format!("{path}.figures[{j}]"),
                        format!("unknown figure \"{id}\": expected the id of a figure beside it"),
                    ),
                }
            }
            if let Some(first) = members.first() {
                let same = match chart.kind {
                    ChartKind::Bars => members
                        .iter()
                        .all(|f| f.unit.dimension() == first.unit.dimension()),
                    ChartKind::Stacked => members.iter().all(|f| f.unit == first.unit),
                    ChartKind::Units => true,
                };
                if !same {
                    self.push(
                        format!("{path}.figures"),
                        "figures of different units cannot share an axis: use a `units` chart or tiles",
                    );
                }
            }
            if chart.kind == ChartKind::Units {
                for figure in members
                    .iter()
                    .filter(|f| f.value > UNIT_CHART_MAX || f.value.fract() != 0.0)
                {
                    self.push(
                        format!("{path}.figures"),
                        format!("figure \"{}\" ({}) is too large or not whole for a unit chart (at most {})", figure.id, fixed(figure.value, 6), fixed(UNIT_CHART_MAX, 6)),
                    );
                }
            }
            match (&chart.total, chart.kind) {
                (Some(total), ChartKind::Stacked) => {
                    match figures.iter().find(|f| &f.id == total) {
                        Some(total) if total.derived_from == chart.figures => {}
                        Some(_) => self.push(
                            format!("{path}.total"),
                            format!("\"{total}\" must be derived from exactly the chart's figures"),
                        ),
                        None => self.push(
                            format!("{path}.total"),
                            format!("unknown figure \"{total}\""),
                        ),
                    }
                }
                (Some(_), _) => {
                    self.push(format!("{path}.total"), "only a stacked chart has a total")
                }
                (None, _) => {}
            }
        }
    }

    fn timeline_event(&mut self, path: &str, event: &TimelineEvent) {
        self.text(&format!("{path}.label"), &event.label);
        if let Some(month) = event.month {
            if !(1..=12).contains(&month) {
                self.push(
                    format!("{path}.month"),
                    format!("expected a month 1–12, found {month}"),
                );
            }
        }
        if !(1949..=2100).contains(&event.year) {
            self.push(
                format!("{path}.year"),
                format!("absurd year {}", event.year),
            );
        }
        if event.source.trim().is_empty() {
            self.push(
                format!("{path}.source"),
                "expected the article's words for this event",
            );
        } else if !event.derived && !event.source.contains(&format!("{}年", event.year)) {
            self.push(
                format!("{path}.year"),
                format!(
                    "year {} is not in its source phrase \"{}\"; mark it derived if worked out",
                    event.year, event.source
                ),
            );
        }
    }
}

/// The file's name for a qualifier ("more_than").
fn qualifier_name(qualifier: Qualifier) -> &'static str {
    qualifier.name()
}

// What is wrong with a figure's words, phrased once for validation and the article check
// (`check.rs`), so that the checker can drop a problem both of them find.

/// A stated figure without its words.
pub(super) const NO_WORDS: &str =
    "expected `stated` and `source` (the article's words) for a figure that is not derived";

pub(super) fn stated_not_in_source(stated: &str, source: &str) -> String {
    format!("\"{stated}\" does not occur in its source phrase \"{source}\"")
}

/// `written` is the amount as the article writes it, which reads as `parsed`.
pub(super) fn qualifier_contradicts(figure: Qualifier, written: &str, parsed: Qualifier) -> String {
    format!(
        "qualifier {} contradicts the phrase: \"{written}\" means {}",
        qualifier_name(figure),
        qualifier_name(parsed)
    )
}

pub(super) fn value_contradicts(figure: f64, written: &str, parsed: f64) -> String {
    format!(
        "value {} contradicts the phrase: \"{written}\" is {}",
        fixed(figure, 6),
        fixed(parsed, 6)
    )
}

/// Equal up to the rounding of a decimal in base units (3.9万 is 39000).
pub(super) fn same_value(parsed: f64, value: f64) -> bool {
    (parsed - value).abs() <= 1e-9 * parsed.abs().max(1.0)
}

/// Longest text field, in characters (the longest summary is under 400).
pub const MAX_TEXT_CHARS: usize = 2000;

/// Control characters, zero-width characters and bidirectional overrides: invisible in print,
/// they can hide or reorder text.
fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2069 | 0xFEFF)
}

/// A link-safe id: `a-z`, `0-9` and inner single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs() {
        assert!(is_slug("baotou-steel"));
        assert!(is_slug("yili"));
        for bad in ["", "Baotou", "-a", "a-", "a--b", "a b", "包头"] {
            assert!(!is_slug(bad), "{bad:?} accepted");
        }
    }
}
