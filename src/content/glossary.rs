//! The house glossary (`assets/glossary.tsv`): each recurring Chinese term, the English the
//! widget uses for it, and the English it must not use. `scripts/check-content` holds every
//! text of a content file to it (assets/README.md, "The glossary").
//!
//! The file is tab-separated, UTF-8, one term a line, after a header line naming the columns
//! `zh`, `en`, `avoid` and (optionally) `note`; blank lines and lines starting with `#` are
//! skipped. A column holds one or more forms separated by `|`:
//!
//! - `zh`: the Chinese forms of the term (`劳模|劳动模范`); any one of them in a text's Chinese
//!   brings the term into play.
//! - `en`: the English forms the widget may use, the preferred one first (`enterprise|
//!   enterprises`). Each is matched as whole words, exactly or with its first letter
//!   capitalised (a form may open a sentence; a capital is never lowered, so `Party
//!   committee` is not matched by "party committee"). List every form the English needs:
//!   plurals, other word forms, hyphenated compounds; a possessive needs none ("enterprise"
//!   is found in "enterprise's").
//! - `avoid`: English the widget must not use for the term (`company|companies`), matched as
//!   whole words in any case. May be empty.
//! - `note`: why, or where it comes from; free text, not checked.
//!
//! Where a Chinese text holds a term, its English must hold one of the term's `en` forms and
//! none of its `avoid` forms. A term inside a longer term at the same place (企业 in 非公企业,
//! 五一劳动奖 in 五一劳动奖章) gives way to the longer one there.
//!
//! Pure: no `yew`, no `web-sys`, no I/O.

use super::{Content, Problem, Text};

/// The columns the header line must name, in order (`note` may be left out).
pub const GLOSSARY_COLUMNS: [&str; 4] = ["zh", "en", "avoid", "note"];

/// A parsed glossary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

/// One line of the glossary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The Chinese forms (at least one).
    pub zh: Vec<String>,
    /// The English forms the widget may use, the preferred one first (at least one).
    pub en: Vec<String>,
    /// English the widget must not use for this term.
    pub avoid: Vec<String>,
    pub note: String,
    /// The line of the file it was read from (1-based).
    pub line: usize,
}

impl Glossary {
    /// Reads a glossary file's text. `Err` lists every line that is wrong, each as a problem
    /// whose path is `line N`.
    pub fn parse(tsv: &str) -> Result<Glossary, Vec<Problem>> {
        let tsv = tsv.strip_prefix('\u{feff}').unwrap_or(tsv);
        let mut problems = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut header = false;
        for (index, line) in tsv.lines().enumerate() {
            let number = index + 1;
            let at = format!("line {number}");
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header {
                header = true;
                let names = GLOSSARY_COLUMNS.join("\t");
                if columns != GLOSSARY_COLUMNS[..3] && columns != GLOSSARY_COLUMNS {
                    problems.push(Problem::new(
                        at,
                        format!(
                            "expected the header line \"{}\" (tab-separated), found \"{}\"",
                            names.replace('\t', "\\t"),
                            line.replace('\t', "\\t")
                        ),
                    ));
                }
                continue;
            }
            if !(3..=4).contains(&columns.len()) {
                problems.push(Problem::new(
                    at,
                    format!(
                        "expected 3 or 4 tab-separated columns (zh, en, avoid, note), found {}",
                        columns.len()
                    ),
                ));
                continue;
            }
            let term = Term {
                zh: forms(columns[0]),
                en: forms(columns[1]),
                avoid: forms(columns[2]),
                note: columns.get(3).copied().unwrap_or_default().to_owned(),
                line: number,
            };
            problems.extend(term_problems(&term, &terms, &at));
            terms.push(term);
        }
        if !header {
            problems.push(Problem::new(
                "line 1",
                "expected a header line naming the columns zh, en, avoid and note",
            ));
        }
        if problems.is_empty() {
            Ok(Glossary { terms })
        } else {
            Err(problems)
        }
    }

    /// Every text of the content that breaks the glossary, in file order, each named by the
    /// path of its English (`sites[1] (wuhai).practices[0].detail.en`).
    pub fn check(&self, content: &Content) -> Vec<Problem> {
        let mut found = Vec::new();
        for (path, text) in texts(content) {
            for message in self.check_text(text) {
                let problem = Problem::new(format!("{path}.en"), message);
                found.push(super::with_ids(content, &problem));
            }
        }
        found
    }

    /// What is wrong with one text's English, given its Chinese: one message per term missed
    /// and per variant used.
    pub fn check_text(&self, text: &Text) -> Vec<String> {
        let mut messages = Vec::new();
        for (term, zh) in self.terms_in(&text.zh) {
            let preferred = listing(&term.en);
            if !term.en.iter().any(|form| has_form(&text.en, form)) {
                messages.push(format!(
                    "glossary: {zh} is {preferred}; the English has none of these"
                ));
            }
            for variant in term.avoid.iter().filter(|v| has_variant(&text.en, v)) {
                messages.push(format!("glossary: {zh} is {preferred}, not \"{variant}\""));
            }
        }
        messages
    }

    /// The terms a Chinese text holds, each once, in glossary order, with the form found
    /// first. An occurrence inside a longer occurrence of another term does not count.
    pub fn terms_in<'a>(&'a self, zh: &str) -> Vec<(&'a Term, &'a str)> {
        // Every occurrence: (start, end, term, form).
        let mut spans: Vec<(usize, usize, usize, &str)> = Vec::new();
        for (t, term) in self.terms.iter().enumerate() {
            for form in &term.zh {
                for (start, _) in zh.match_indices(form.as_str()) {
                    spans.push((start, start + form.len(), t, form.as_str()));
                }
            }
        }
        let mut present: Vec<(usize, &str)> = Vec::new();
        for &(start, end, t, form) in &spans {
            let inside_longer = spans.iter().any(|&(s, e, other, _)| {
                other != t && s <= start && end <= e && e - s > end - start
            });
            if !inside_longer && !present.iter().any(|&(p, _)| p == t) {
                present.push((t, form));
            }
        }
        present.sort_by_key(|&(t, _)| t);
        present
            .into_iter()
            .map(|(t, form)| (&self.terms[t], form))
            .collect()
    }
}

/// `"enterprise" (or "enterprises")`: the preferred form, then the others.
fn listing(forms: &[String]) -> String {
    let quoted: Vec<String> = forms.iter().map(|f| format!("\"{f}\"")).collect();
    match quoted.split_first() {
        Some((first, [])) => first.clone(),
        Some((first, rest)) => format!("{first} (or {})", rest.join(", ")),
        None => String::new(),
    }
}

/// A column's forms: split at `|`, trimmed, empty ones dropped.
fn forms(column: &str) -> Vec<String> {
    column
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What is wrong with a term on its own and beside the terms before it.
fn term_problems(term: &Term, before: &[Term], at: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if term.zh.is_empty() {
        problems.push(Problem::new(at, "expected the Chinese term in column zh"));
    }
    if term.en.is_empty() {
        problems.push(Problem::new(at, "expected the English to use in column en"));
    }
    for zh in &term.zh {
        if let Some(other) = before.iter().find(|t| t.zh.contains(zh)) {
            problems.push(Problem::new(
                at,
                format!("{zh} is already a term on line {}", other.line),
            ));
        }
    }
    for variant in &term.avoid {
        if let Some(form) = term.en.iter().find(|f| has_variant(f, variant)) {
            problems.push(Problem::new(
                at,
                format!(
                    "\"{variant}\" to avoid is part of \"{form}\" to use: no English could pass"
                ),
            ));
        }
    }
    problems
}

/// `form` in `text` as whole words, exactly or with its first letter capitalised (opening a
/// sentence); a capital is never lowered ("Party building" is not "party building").
pub fn has_form(text: &str, form: &str) -> bool {
    let mut chars = form.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capitalised: String = first.to_uppercase().chain(chars).collect();
    has_words(text, form) || has_words(text, &capitalised)
}

/// `variant` in `text` as whole words, in any case.
pub fn has_variant(text: &str, variant: &str) -> bool {
    !variant.is_empty() && has_words(&text.to_lowercase(), &variant.to_lowercase())
}

/// `words` in `text`, not as part of a longer word: no letter or digit just before or after.
fn has_words(text: &str, words: &str) -> bool {
    !words.is_empty()
        && text.match_indices(words).any(|(start, _)| {
            let before = text[..start].chars().next_back();
            let after = text[start + words.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// Every text of the content with its path (without `.zh` / `.en`), in file order.
pub fn texts(content: &Content) -> Vec<(String, &Text)> {
    let mut all: Vec<(String, &Text)> = Vec::new();
    let article = &content.article;
    for (name, text) in [
        ("title", &article.title),
        ("subtitle", &article.subtitle),
        ("series_part_label", &article.series_part_label),
        ("subject", &article.subject),
        ("credit", &article.credit),
    ] {
        all.push((format!("article.{name}"), text));
    }
    for (i, theme) in content.themes.iter().enumerate() {
        all.push((format!("themes[{i}].name"), &theme.name));
    }
    let overview = &content.overview;
    all.push(("overview.summary".to_owned(), &overview.summary));
    figure_texts(&mut all, "overview", &overview.figures);
    for (i, event) in overview.timeline.iter().enumerate() {
        all.push((format!("overview.timeline[{i}].label"), &event.label));
    }
    chart_texts(&mut all, "overview", &overview.charts);
    for (i, site) in content.sites.iter().enumerate() {
        let path = format!("sites[{i}]");
        for (name, text) in [
            ("name", &site.name),
            ("league", &site.league),
            ("location.note", &site.location.note),
            ("headline", &site.headline),
            ("summary", &site.summary),
        ] {
            all.push((format!("{path}.{name}"), text));
        }
        for (j, practice) in site.practices.iter().enumerate() {
            all.push((format!("{path}.practices[{j}].name"), &practice.name));
            all.push((format!("{path}.practices[{j}].detail"), &practice.detail));
        }
        figure_texts(&mut all, &path, &site.figures);
        chart_texts(&mut all, &path, &site.charts);
        all.push((format!("{path}.caption"), &site.caption));
    }
    all
}

fn figure_texts<'a>(all: &mut Vec<(String, &'a Text)>, owner: &str, figures: &'a [super::Figure]) {
    for (i, figure) in figures.iter().enumerate() {
        if let Some(period) = &figure.period {
            all.push((format!("{owner}.figures[{i}].period"), period));
        }
        all.push((format!("{owner}.figures[{i}].label"), &figure.label));
    }
}

fn chart_texts<'a>(all: &mut Vec<(String, &'a Text)>, owner: &str, charts: &'a [super::ChartSpec]) {
    for (i, chart) in charts.iter().enumerate() {
        all.push((format!("{owner}.charts[{i}].title"), &chart.title));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "zh\ten\tavoid\tnote\n";

    fn glossary(rows: &str) -> Glossary {
        Glossary::parse(&format!("{HEADER}{rows}")).unwrap_or_else(|p| panic!("{p:?}"))
    }

    fn text(zh: &str, en: &str) -> Text {
        Text {
            zh: zh.to_owned(),
            en: en.to_owned(),
        }
    }

    #[test]
    fn forms_match_as_whole_words_and_may_open_a_sentence() {
        assert!(has_form("Enterprises above designated size", "enterprises"));
        assert!(has_form("school–enterprise cooperation", "enterprise"));
        assert!(has_form("the enterprise's staff", "enterprise"));
        assert!(
            !has_form("enterprises", "enterprise"),
            "a plural is its own form"
        );
        assert!(!has_form("party building", "Party building"));
        assert!(has_form("Party building leads", "Party building"));
        assert!(!has_form("craftsmanship", "craftsman"));
        assert!(has_variant("Company affairs", "company"));
        assert!(!has_variant("accompany", "company"));
    }

    #[test]
    fn a_shorter_term_gives_way_to_a_longer_one_where_they_overlap() {
        let g = glossary(
            "五一劳动奖\tMay Day Labour Award\t\t\n五一劳动奖章\tMay Day Labour Medal\t\t\n",
        );
        let found: Vec<&str> = g
            .terms_in("五一劳动奖章获得者")
            .iter()
            .map(|(t, _)| t.en[0].as_str())
            .collect();
        assert_eq!(found, ["May Day Labour Medal"]);
        let found = g.terms_in("五一劳动奖表彰大会，五一劳动奖章获得者");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn missing_and_avoided_english_are_named() {
        let g = glossary("企业\tenterprise|enterprises\tcompany|companies\t\n");
        assert_eq!(
            g.check_text(&text("帮助企业打造", "helped companies build")),
            [
                "glossary: 企业 is \"enterprise\" (or \"enterprises\"); the English has none of these",
                "glossary: 企业 is \"enterprise\" (or \"enterprises\"), not \"companies\"",
            ]
        );
        assert!(g
            .check_text(&text("帮助企业打造", "helped enterprises build"))
            .is_empty());
        assert!(g.check_text(&text("打造", "companies")).is_empty());
    }

    #[test]
    fn a_broken_glossary_says_which_line() {
        let problems = Glossary::parse("zh\ten\n企业\tenterprise\tcompany\n").unwrap_err();
        assert!(problems[0]
            .to_string()
            .starts_with("line 1: expected the header line"));
        let problems = Glossary::parse(&format!(
            "{HEADER}# comment\n企业\tenterprise\tcompany\n\n企业\tfirm\t\t\n产改\treform\treform\t\n只有\n"
        ))
        .unwrap_err();
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "line 5: 企业 is already a term on line 3",
                "line 6: \"reform\" to avoid is part of \"reform\" to use: no English could pass",
                "line 7: expected 3 or 4 tab-separated columns (zh, en, avoid, note), found 1",
            ]
        );
    }
}
