//! A content file against the article it comes from: the editors' fact-checker
//! (`scripts/check-content FILE [ARTICLE.txt]`, `src/bin/check-content.rs`).
//!
//! - Every phrase the file quotes (a figure's or a timeline entry's `source`, a site's caption)
//!   occurs in the article verbatim, ignoring the whitespace and line breaks PDF extraction
//!   leaves; a site's phrases occur in its own numbered section.
//! - Every figure agrees with its phrase: the amount the article writes where `stated` stands
//!   (read with [`parse_amount_prefix`], so "1万余" cut from "近1万余" is caught) is the
//!   figure's value and qualifier.
//! - Every Arabic number of the article is accounted for, section by section: by a figure's
//!   `stated` or `period`, a practice's name, the site's headline, or a timeline entry whose
//!   phrase stands in that section (numbers in Chinese numerals are often not amounts, as in
//!   一人一企, so they are not counted).
//!
//! - Given a glossary (`assets/glossary.tsv`, [`Glossary`]), every text whose Chinese holds a
//!   glossary term uses the term's English and none of the English it must avoid.
//!
//! Sections are the article's numbered titles ("2 | 乌海市 构建产改工作大格局"), matched to
//! sites by `number`; the text before the first is the introduction, matched to the overview.
//! An article without numbered titles is checked as one text against the whole file.
//!
//! Pure: no `yew`, no `web-sys`, no I/O.

use super::quantity::{parse_amount, parse_amount_prefix, ParseError, Quantity};
use super::validate::{
    qualifier_contradicts, same_value, stated_not_in_source, value_contradicts, NO_WORDS,
};
use super::{load_with_problems, Content, Figure, Glossary, LoadError, Problem, Site};

/// What the checker found in one content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Every problem, in file order: the shape or the rules first, then the article's.
    pub problems: Vec<Problem>,
    /// How many sites and figures (the overview's and the sites') were read; 0 when the file
    /// could not be read as content.
    pub sites: usize,
    pub figures: usize,
}

/// Checks a content file through the widget's own types and validation (`load`), given the
/// article's text against the article, and given a glossary against the glossary. Problems
/// name the site and figure by id (`sites[1] (wuhai).figures[2] (online-exams).qualifier: …`);
/// a problem found both by the rules and by the article check is listed once.
pub fn check_file(json: &str, article: Option<&str>, glossary: Option<&Glossary>) -> Report {
    let (content, broken) = match load_with_problems(json) {
        Ok(loaded) => loaded,
        Err(LoadError::Invalid(problems)) => {
            return Report {
                problems,
                sites: 0,
                figures: 0,
            }
        }
        Err(err @ LoadError::Syntax(_)) => return unreadable(Problem::new("", err.to_string())),
        Err(LoadError::Shape(problem)) if problem.path.is_empty() => {
            return unreadable(Problem::new("", LoadError::Shape(problem).to_string()))
        }
        Err(LoadError::Shape(problem)) => return unreadable(problem),
    };
    let mut problems: Vec<Problem> = broken.iter().map(|p| with_ids(&content, p)).collect();
    if let Some(article) = article {
        for problem in against_article(&content, article) {
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
    }
    if let Some(glossary) = glossary {
        problems.extend(glossary.check(&content));
    }
    Report {
        problems,
        sites: content.sites.len(),
        figures: content.overview.figures.len()
            + content.sites.iter().map(|s| s.figures.len()).sum::<usize>(),
    }
}

fn unreadable(problem: Problem) -> Report {
    Report {
        problems: vec![problem],
        sites: 0,
        figures: 0,
    }
}

/// Every way the content departs from its article (see the module's documentation), in file
/// order, then the article's unaccounted numbers in article order. Empty when the file says
/// only what the article says.
pub fn against_article(content: &Content, article: &str) -> Vec<Problem> {
    let article = Article::new(article);
    let mut found = Vec::new();

    for (i, figure) in content.overview.figures.iter().enumerate() {
        let path = figure_path("overview", i, figure);
        check_figure(&mut found, &article, &path, figure, None);
    }
    for (i, event) in content.overview.timeline.iter().enumerate() {
        let path = with_id(format!("overview.timeline[{i}]"), &event.id);
        check_phrase(
            &mut found,
            &article,
            &format!("{path}.source"),
            &event.source,
            None,
        );
    }
    for (i, site) in content.sites.iter().enumerate() {
        let path = site_path(i, site);
        let section = if article.is_sectioned() {
            let section = article.section(site.number);
            if section.is_none() {
                found.push(Problem::new(
                    format!("{path}.number"),
                    format!(
                        "the article has no section {} (its sections: {})",
                        site.number,
                        article.section_numbers()
                    ),
                ));
            }
            section
        } else {
            None
        };
        if let Some(section) = section {
            check_headline(&mut found, &path, site, section);
            check_phrase(
                &mut found,
                &article,
                &format!("{path}.caption.zh"),
                &site.caption.zh,
                Some(section),
            );
        }
        for (j, figure) in site.figures.iter().enumerate() {
            let figure_path = figure_path(&path, j, figure);
            check_figure(&mut found, &article, &figure_path, figure, section);
        }
    }
    check_numbers(&mut found, &article, content);
    found
}

/// The problem with ids beside the indices of its path, as `against_article` writes them:
/// `sites[1].figures[2].value` becomes `sites[1] (wuhai).figures[2] (online-exams).value`.
pub fn with_ids(content: &Content, problem: &Problem) -> Problem {
    Problem::new(
        path_with_ids(content, &problem.path),
        problem.message.clone(),
    )
}

fn path_with_ids(content: &Content, path: &str) -> String {
    #[derive(Clone, Copy)]
    enum Scope {
        Root,
        Overview,
        Site(usize),
        Other,
    }
    let mut scope = Scope::Root;
    let mut out = String::new();
    for (k, segment) in path.split('.').enumerate() {
        if k > 0 {
            out.push('.');
        }
        out.push_str(segment);
        let (name, index) = match segment.strip_suffix(']').and_then(|s| s.split_once('[')) {
            Some((name, index)) => (name, index.parse::<usize>().ok()),
            None => (segment, None),
        };
        let (id, next) = match (scope, name, index) {
            (Scope::Root, "overview", None) => (None, Scope::Overview),
            (Scope::Root, "sites", Some(i)) => {
                (content.sites.get(i).map(|s| s.id.as_str()), Scope::Site(i))
            }
            (Scope::Root, "themes", Some(i)) => {
                (content.themes.get(i).map(|t| t.id.as_str()), Scope::Other)
            }
            (Scope::Overview, "figures", Some(i)) => (
                content.overview.figures.get(i).map(|f| f.id.as_str()),
                Scope::Other,
            ),
            (Scope::Overview, "timeline", Some(i)) => (
                content.overview.timeline.get(i).map(|e| e.id.as_str()),
                Scope::Other,
            ),
            (Scope::Overview, "charts", Some(i)) => (
                content.overview.charts.get(i).map(|c| c.id.as_str()),
                Scope::Other,
            ),
            (Scope::Site(s), "figures", Some(i)) => (
                content.sites[s].figures.get(i).map(|f| f.id.as_str()),
                Scope::Other,
            ),
            (Scope::Site(s), "charts", Some(i)) => (
                content.sites[s].charts.get(i).map(|c| c.id.as_str()),
                Scope::Other,
            ),
            _ => (None, Scope::Other),
        };
        if let Some(id) = id.filter(|id| printable(id)) {
            out.push_str(&format!(" ({id})"));
        }
        scope = next;
    }
    out
}

/// An id fit to print beside a path: not empty, short, visible ASCII (an id with a hidden or
/// direction-changing character is itself the problem, and would garble the line).
fn printable(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_graphic())
}

fn with_id(path: String, id: &str) -> String {
    if printable(id) {
        format!("{path} ({id})")
    } else {
        path
    }
}

fn site_path(index: usize, site: &Site) -> String {
    with_id(format!("sites[{index}]"), &site.id)
}

fn figure_path(owner: &str, index: usize, figure: &Figure) -> String {
    with_id(format!("{owner}.figures[{index}]"), &figure.id)
}

/// The text without whitespace, as phrases are compared: PDF extraction breaks lines (and
/// sometimes words) wherever a column ended.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The article split into its parts.
struct Article {
    /// The whole text, squeezed.
    joined: String,
    /// The introduction first (number `None`), then each numbered section; a single part with
    /// number `None` when the article has no numbered titles.
    sections: Vec<Section>,
}

struct Section {
    /// The article's section number; `None` for the introduction (or the whole article).
    number: Option<u32>,
    /// The title after "N |" (empty for the introduction).
    title: String,
    /// The title, then the body's lines, as extracted.
    lines: Vec<String>,
    /// Title and body, squeezed.
    joined: String,
}

impl Article {
    fn new(text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut sections = vec![Section {
            number: None,
            title: String::new(),
            lines: Vec::new(),
            joined: String::new(),
        }];
        for line in text.lines() {
            match section_title(line) {
                Some((number, title)) => sections.push(Section {
                    number: Some(number),
                    title: title.to_owned(),
                    lines: vec![title.to_owned()],
                    joined: squeeze(title),
                }),
                // The introduction is always there, so a line always has a section.
                None => {
                    if let Some(section) = sections.last_mut() {
                        section.lines.push(line.to_owned());
                        section.joined.push_str(&squeeze(line));
                    }
                }
            }
        }
        Self {
            joined: squeeze(text),
            sections,
        }
    }

    fn is_sectioned(&self) -> bool {
        self.sections.len() > 1
    }

    fn section(&self, number: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == Some(number))
    }

    fn section_numbers(&self) -> String {
        let numbers: Vec<String> = self
            .sections
            .iter()
            .filter_map(|s| s.number.map(|n| n.to_string()))
            .collect();
        numbers.join(", ")
    }
}

impl Section {
    /// "section 2 (乌海市 构建产改工作大格局)" or "the introduction".
    fn name(&self) -> String {
        match self.number {
            Some(number) => format!("section {number} ({})", self.title.trim()),
            None => "the introduction".to_owned(),
        }
    }
}

/// A numbered section title, "2 | 乌海市 构建产改工作大格局": its number and the rest.
fn section_title(line: &str) -> Option<(u32, &str)> {
    let (number, title) = line.split_once(['|', '｜'])?;
    let number = number.trim();
    let title = title.trim();
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || title.is_empty() {
        return None;
    }
    Some((number.parse().ok()?, title))
}

/// A quoted phrase: in the article, and in `own` section when there is one.
fn check_phrase(
    found: &mut Vec<Problem>,
    article: &Article,
    path: &str,
    phrase: &str,
    own: Option<&Section>,
) {
    let squeezed = squeeze(phrase);
    if squeezed.is_empty() {
        found.push(Problem::new(
            path,
            "expected a phrase of the article, found nothing",
        ));
        return;
    }
    if !article.joined.contains(&squeezed) {
        let mut message = format!("phrase \"{phrase}\" is not in the article");
        if let Some(hint) = nearest(&article.joined, &squeezed) {
            message.push_str(&format!("; {hint}"));
        }
        found.push(Problem::new(path, message));
        return;
    }
    let Some(own) = own else { return };
    if own.joined.contains(&squeezed) {
        return;
    }
    let elsewhere: Vec<String> = article
        .sections
        .iter()
        .filter(|s| s.joined.contains(&squeezed))
        .map(Section::name)
        .collect();
    let elsewhere = if elsewhere.is_empty() {
        // Only across a section title.
        "across two sections".to_owned()
    } else {
        format!("in {}", elsewhere.join(" and "))
    };
    found.push(Problem::new(
        path,
        format!(
            "phrase \"{phrase}\" is {elsewhere}, not in this site's {}",
            own.name()
        ),
    ));
}

/// Where a phrase that is not in the article parts from it: the longest start of the phrase
/// that the article has, and how each goes on ("the article has \"…组织全市各行业\" where the
/// phrase has \"…组织全盟各行业\""). `None` when too little of it matches to say.
fn nearest(article: &str, phrase: &str) -> Option<String> {
    const CONTEXT: usize = 6;
    let ends: Vec<usize> = phrase
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    let matched = ends
        .iter()
        .take_while(|&&end| article.contains(&phrase[..end]))
        .count();
    if matched < 4 {
        return None;
    }
    let prefix = &phrase[..ends[matched - 1]];
    let at = article.find(prefix)? + prefix.len();
    let before = tail(prefix, CONTEXT);
    let article_goes_on: String = article[at..].chars().take(CONTEXT).collect();
    let phrase_goes_on: String = phrase[prefix.len()..].chars().take(CONTEXT).collect();
    Some(format!(
        "the article has \"{before}{article_goes_on}\" where the phrase has \"{before}{phrase_goes_on}\""
    ))
}

/// The last `n` characters, after "…" when there were more.
fn tail(text: &str, n: usize) -> String {
    let count = text.chars().count();
    if count <= n {
        text.to_owned()
    } else {
        let rest: String = text.chars().skip(count - n).collect();
        format!("…{rest}")
    }
}

/// A site's headline is its section title after the site's name (the whole of the title's end
/// when the title does not begin with the name).
fn check_headline(found: &mut Vec<Problem>, path: &str, site: &Site, section: &Section) {
    let title = squeeze(&section.title);
    let headline = squeeze(&site.headline.zh);
    let name = squeeze(&site.name.zh);
    let agrees = match title.strip_prefix(name.as_str()) {
        Some(rest) if !name.is_empty() => rest == headline,
        _ => !headline.is_empty() && title.ends_with(&headline),
    };
    if !agrees {
        let expected = match title.strip_prefix(name.as_str()) {
            Some(rest) if !name.is_empty() => format!("\"{rest}\", "),
            _ => String::new(),
        };
        found.push(Problem::new(
            format!("{path}.headline.zh"),
            format!(
                "expected the section title after the site's name, {expected}word for word \
                 (the title is \"{}\"), found \"{}\"",
                section.title.trim(),
                site.headline.zh
            ),
        ));
    }
}

/// A figure's words: in the article (and its site's section), and saying what the figure says.
fn check_figure(
    found: &mut Vec<Problem>,
    article: &Article,
    path: &str,
    figure: &Figure,
    own: Option<&Section>,
) {
    if let Some(source) = &figure.source {
        check_phrase(found, article, &format!("{path}.source"), source, own);
    }
    if figure.is_derived() {
        return;
    }
    let (Some(stated), Some(source)) = (&figure.stated, &figure.source) else {
        found.push(Problem::new(path, NO_WORDS));
        return;
    };
    if stated.trim().is_empty() {
        found.push(Problem::new(
            format!("{path}.stated"),
            ParseError::Empty.to_string(),
        ));
        return;
    }
    if !source.contains(stated.as_str()) {
        found.push(Problem::new(
            format!("{path}.stated"),
            stated_not_in_source(stated, source),
        ));
        return;
    }
    let readings = amounts_where(source, stated);
    if readings.iter().any(|(written, q)| {
        written == stated && q.qualifier == figure.qualifier && same_value(q.value, figure.value)
    }) {
        return;
    }
    // The phrase's own amount where `stated` first stands, read as the article writes it.
    let Some((written, parsed)) = readings.into_iter().next() else {
        let message = match parse_amount(stated) {
            Err(err) => err.to_string(),
            Ok(_) => format!("\"{stated}\" is not an amount where it stands in its phrase"),
        };
        found.push(Problem::new(format!("{path}.stated"), message));
        return;
    };
    if written != *stated {
        found.push(Problem::new(
            format!("{path}.stated"),
            format!(
                "expected the amount exactly as its phrase writes it, \"{written}\", found \"{stated}\""
            ),
        ));
    }
    if parsed.qualifier != figure.qualifier {
        found.push(Problem::new(
            format!("{path}.qualifier"),
            qualifier_contradicts(figure.qualifier, &written, parsed.qualifier),
        ));
    }
    if !same_value(parsed.value, figure.value) {
        found.push(Problem::new(
            format!("{path}.value"),
            value_contradicts(figure.value, &written, parsed.value),
        ));
    }
}

/// The amounts the phrase writes where `stated` occurs: from the start of the whole amount
/// (back over digits and 近, so "1万余" in "近1万余" reads as "近1万余") to its end, each as
/// written and as read.
fn amounts_where(source: &str, stated: &str) -> Vec<(String, Quantity)> {
    let mut readings = Vec::new();
    for (at, _) in source.match_indices(stated) {
        let start = amount_start(source, at);
        // `parse_amount_prefix` trims its text and returns what follows the amount.
        let tail = source[start..].trim();
        let Ok((quantity, rest)) = parse_amount_prefix(tail) else {
            continue;
        };
        readings.push((tail[..tail.len() - rest.len()].to_owned(), quantity));
    }
    readings
}

/// Where the amount around byte `at` begins: back over the digits of the same number, then
/// over a 近 before them.
fn amount_start(text: &str, at: usize) -> usize {
    let is_digit = |c: char| {
        c.is_ascii_digit() || matches!(c, '.' | ',') || "零一二三四五六七八九十两".contains(c)
    };
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        if is_digit(c) {
            start = i;
        } else {
            break;
        }
    }
    match text[..start].chars().next_back() {
        Some('近') => start - '近'.len_utf8(),
        _ => start,
    }
}

/// An Arabic number as written ("3.9", "1328"; "1,000" is "1000"), where it stands in a line.
struct Number {
    text: String,
    /// Character positions in the line.
    start: usize,
    end: usize,
}

fn numbers(line: &str) -> Vec<Number> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut text = String::new();
        while i < chars.len() {
            let c = chars[i];
            let inner = matches!(c, '.' | ',')
                && chars.get(i + 1).is_some_and(|next| next.is_ascii_digit());
            if c.is_ascii_digit() || (c == '.' && inner) {
                text.push(c);
            } else if !(c == ',' && inner) {
                break;
            }
            i += 1;
        }
        found.push(Number {
            text,
            start,
            end: i,
        });
    }
    found
}

/// A few characters either side of a number, without the line's whitespace.
fn excerpt(line: &str, number: &Number) -> String {
    const CONTEXT: usize = 10;
    let chars: Vec<char> = line.chars().collect();
    let from = number.start.saturating_sub(CONTEXT);
    let to = (number.end + CONTEXT).min(chars.len());
    let mut text: String = chars[from..to]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    if from > 0 {
        text.insert(0, '…');
    }
    if to < chars.len() {
        text.push('…');
    }
    text
}

/// Every Arabic number of the article, section by section, against what accounts for it there.
fn check_numbers(found: &mut Vec<Problem>, article: &Article, content: &Content) {
    for section in &article.sections {
        // Where the problems go, what may account for the section's numbers, and what that is.
        let (path, accounted, what) = match section.number {
            None if article.is_sectioned() => {
                let mut texts = figure_texts(&content.overview.figures);
                texts.extend(timeline_texts(content, Some(section)));
                (
                    "overview".to_owned(),
                    texts,
                    "overview figure or timeline entry",
                )
            }
            None => {
                let mut texts = figure_texts(&content.overview.figures);
                for site in &content.sites {
                    texts.extend(site_texts(site));
                }
                texts.extend(timeline_texts(content, None));
                (
                    String::new(),
                    texts,
                    "figure, practice, headline or timeline entry",
                )
            }
            Some(number) => {
                let sites: Vec<(usize, &Site)> = content
                    .sites
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.number == number)
                    .collect();
                let Some(&(first, site)) = sites.first() else {
                    no_site(found, section);
                    continue;
                };
                let mut texts: Vec<String> =
                    sites.iter().flat_map(|(_, s)| site_texts(s)).collect();
                texts.extend(timeline_texts(content, Some(section)));
                (
                    site_path(first, site),
                    texts,
                    "figure, practice, headline or timeline entry of this site",
                )
            }
        };
        let accounted: Vec<String> = accounted
            .iter()
            .flat_map(|text| numbers(text))
            .map(|n| n.text)
            .collect();
        let mut reported: Vec<String> = Vec::new();
        let place = match section.number {
            Some(number) => format!("section {number} of the article"),
            None if article.is_sectioned() => "the introduction".to_owned(),
            None => "the article".to_owned(),
        };
        for (line, number) in section
            .lines
            .iter()
            .flat_map(|line| numbers(line).into_iter().map(move |n| (line, n)))
        {
            if accounted.contains(&number.text) || reported.contains(&number.text) {
                continue;
            }
            let times = section
                .lines
                .iter()
                .flat_map(|line| numbers(line))
                .filter(|n| n.text == number.text)
                .count();
            let times = if times > 1 {
                format!(" ({times} times)")
            } else {
                String::new()
            };
            found.push(Problem::new(
                path.clone(),
                format!(
                    "number {} in {place} is not accounted for by any {what}{times}: \"{}\"",
                    number.text,
                    excerpt(line, &number)
                ),
            ));
            reported.push(number.text);
        }
    }
}

/// A numbered section that no site stands for, with the numbers it would need to account for.
fn no_site(found: &mut Vec<Problem>, section: &Section) {
    let mut list: Vec<String> = Vec::new();
    for number in section.lines.iter().flat_map(|line| numbers(line)) {
        if !list.contains(&number.text) {
            list.push(number.text);
        }
    }
    let numbers = if list.is_empty() {
        String::new()
    } else {
        format!("; its numbers: {}", list.join(", "))
    };
    let number = section.number.unwrap_or_default();
    found.push(Problem::new(
        format!("article section {number}"),
        format!(
            "{} has no site: expected a site with \"number\": {number}{numbers}",
            section.name()
        ),
    ));
}

/// What accounts for numbers among figures: each one's `stated` and Chinese `period`.
fn figure_texts(figures: &[Figure]) -> Vec<String> {
    figures
        .iter()
        .flat_map(|f| [f.stated.clone(), f.period.as_ref().map(|p| p.zh.clone())])
        .flatten()
        .collect()
}

/// A site's figures, its practices' names and its headline.
fn site_texts(site: &Site) -> Vec<String> {
    let mut texts = figure_texts(&site.figures);
    texts.extend(site.practices.iter().map(|p| p.name.zh.clone()));
    texts.push(site.headline.zh.clone());
    texts
}

/// The dates of the timeline entries the article states (not derived ones), whose phrase
/// stands in `section` (any, for `None`).
fn timeline_texts(content: &Content, section: Option<&Section>) -> Vec<String> {
    content
        .overview
        .timeline
        .iter()
        .filter(|e| !e.derived)
        .filter(|e| section.is_none_or(|s| s.joined.contains(&squeeze(&e.source))))
        .flat_map(|e| [Some(e.year.to_string()), e.month.map(|m| m.to_string())])
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        numbers(line).into_iter().map(|n| n.text).collect()
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(texts("五年实施3.9万个项目，创效近5亿元。"), ["3.9", "5"]);
        assert_eq!(texts("1+4+3+X党群服务中心"), ["1", "4", "3"]);
        assert_eq!(texts("2021年7月"), ["2021", "7"]);
        assert_eq!(texts("共1,000人. 第12"), ["1000", "12"]);
        assert_eq!(texts("第十一次"), Vec::<String>::new());
    }

    #[test]
    fn excerpts_stay_short() {
        let line = "强化党建带工建作用。截至目前，累计在256家非公企业、46个社会组织中建立了党组织";
        let number = numbers(line).into_iter().next().expect("256");
        assert_eq!(
            excerpt(line, &number),
            "…用。截至目前，累计在256家非公企业、46个社…"
        );
    }

    #[test]
    fn the_whole_amount_where_stated_stands() {
        let read = |source, stated| {
            amounts_where(source, stated)
                .into_iter()
                .map(|(written, q)| (written, q.value, q.qualifier.name()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("组织全市各行业电子化考试近1万余人次", "1万余"),
            [("近1万余".to_owned(), 1e4, "nearly_more_than")]
        );
        assert_eq!(
            read("3年完成各类职业技能培训及技能鉴定6000余人次", "600"),
            [("6000余".to_owned(), 6000.0, "more_than")]
        );
        assert_eq!(
            read("五年实施3.9万个项目", "3.9万"),
            [("3.9万".to_owned(), 39_000.0, "exact")]
        );
        assert_eq!(
            read("试点期限一年", "一"),
            [("一".to_owned(), 1.0, "exact")]
        );
    }

    #[test]
    fn section_titles() {
        assert_eq!(
            section_title("2 | 乌海市 构建产改工作大格局"),
            Some((2, "乌海市 构建产改工作大格局"))
        );
        assert_eq!(section_title("3｜伊金霍洛旗"), Some((3, "伊金霍洛旗")));
        assert_eq!(section_title("a | b"), None);
        assert_eq!(section_title("1 | "), None);
    }

    #[test]
    fn a_phrase_that_is_not_in_the_article_says_where_it_parts() {
        let article = squeeze("组织全市各行业电子化考试近1万余人次。");
        assert_eq!(
            nearest(&article, "组织全盟各行业电子化考试").as_deref(),
            None,
            "too little matches to say"
        );
        assert_eq!(
            nearest(&article, "组织全市各行业电脑化考试").as_deref(),
            Some("the article has \"…全市各行业电子化考试近1\" where the phrase has \"…全市各行业电脑化考试\"")
        );
    }
}
