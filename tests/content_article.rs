//! The content file against the article it comes from (`tests/fixtures/article-zh.txt`, a copy
//! of `shared/source/article-zh.txt`): every phrase verbatim, every number captured, every
//! figure agreeing with its own words.

use imreform::content::{self, parse_amount_prefix, Content, Figure, Quantity};

const ARTICLE: &str = include_str!("fixtures/article-zh.txt");

fn content() -> Content {
    content::embedded().unwrap_or_else(|err| panic!("embedded content: {err}"))
}

/// The article with the line breaks of its PDF columns removed, so split sentences join up.
fn joined_article() -> String {
    ARTICLE.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The article's numbered sections: (number, title line, body), plus the introduction as 0.
fn sections() -> Vec<(u32, String, String)> {
    let mut sections = vec![(0, String::new(), String::new())];
    for line in ARTICLE.lines() {
        let header = line
            .split_once(" | ")
            .and_then(|(n, title)| Some((n.trim().parse::<u32>().ok()?, title)));
        match header {
            Some((number, title)) => sections.push((number, title.to_owned(), String::new())),
            None => {
                let body = &mut sections.last_mut().expect("intro").2;
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    sections
}

/// Arabic numbers in a text, as written ("3.9", "1328").
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            found.push(current.trim_end_matches('.').to_owned());
            current.clear();
        }
    }
    found
}

/// Every amount that can be read at some position of a phrase.
fn amounts_in(phrase: &str) -> Vec<Quantity> {
    phrase
        .char_indices()
        .filter_map(|(i, _)| parse_amount_prefix(&phrase[i..]).ok())
        .map(|(quantity, _)| quantity)
        .collect()
}

fn all_figures(content: &Content) -> Vec<(&str, &Figure)> {
    let overview = content.overview.figures.iter().map(|f| ("overview", f));
    let sites = content
        .sites
        .iter()
        .flat_map(|site| site.figures.iter().map(move |f| (site.id.as_str(), f)));
    overview.chain(sites).collect()
}

#[test]
fn every_source_phrase_is_verbatim_in_the_article() {
    let article = joined_article();
    let content = content();
    for (owner, figure) in all_figures(&content) {
        if let Some(source) = &figure.source {
            assert!(
                article.contains(source.as_str()),
                "{owner}/{}: {source:?} is not in the article",
                figure.id
            );
        }
    }
    for event in &content.overview.timeline {
        assert!(
            article.contains(event.source.as_str()),
            "timeline {}: {:?}",
            event.id,
            event.source
        );
    }
}

#[test]
fn every_figure_agrees_with_its_own_phrase_parsed_independently() {
    let content = content();
    for (owner, figure) in all_figures(&content) {
        if figure.is_derived() {
            continue;
        }
        let source = figure
            .source
            .as_deref()
            .expect("stated figures have a source");
        let amounts = amounts_in(source);
        assert!(
            amounts.contains(&figure.quantity()),
            "{owner}/{}: {:?} {:?} is not among the amounts of {source:?}: {amounts:?}",
            figure.id,
            figure.value,
            figure.qualifier
        );
    }
}

#[test]
fn derived_figures_say_so_in_both_languages() {
    let content = content();
    let derived: Vec<_> = all_figures(&content)
        .into_iter()
        .filter(|(_, f)| f.is_derived())
        .collect();
    assert_eq!(derived.len(), 2, "7 + 14 pilots and 143 + 81 skill leaders");
    for (owner, figure) in derived {
        assert!(
            figure.label.zh.contains("推算") && figure.label.en.contains("derived"),
            "{owner}/{}",
            figure.id
        );
    }
}

#[test]
fn every_arabic_number_of_each_section_is_captured() {
    let content = content();
    for (number, title, body) in sections() {
        let mut captured = String::new();
        let texts: Vec<String> = if number == 0 {
            let overview = &content.overview;
            overview
                .figures
                .iter()
                .filter_map(|f| f.stated.clone())
                .chain(overview.timeline.iter().flat_map(|e| {
                    [
                        e.year.to_string(),
                        e.month.map(|m| m.to_string()).unwrap_or_default(),
                    ]
                }))
                .collect()
        } else {
            let site = content
                .sites
                .iter()
                .find(|s| s.number == number)
                .unwrap_or_else(|| panic!("no site numbered {number}"));
            site.figures
                .iter()
                .flat_map(|f| {
                    [
                        f.stated.clone().unwrap_or_default(),
                        f.period.as_ref().map(|p| p.zh.clone()).unwrap_or_default(),
                    ]
                })
                .chain(site.practices.iter().map(|p| p.name.zh.clone()))
                .chain([site.headline.zh.clone()])
                .collect()
        };
        for text in texts {
            captured.push_str(&text);
            captured.push(' ');
        }
        let captured_numbers = numbers(&captured);
        for n in numbers(&format!("{title}\n{body}")) {
            assert!(
                captured_numbers.contains(&n),
                "section {number}: the article's {n} is not captured (have {captured_numbers:?})"
            );
        }
    }
}

#[test]
fn headlines_and_captions_are_the_articles_own() {
    let content = content();
    let sections = sections();
    for site in content.sites_in_order() {
        let (_, title, body) = sections
            .iter()
            .find(|(n, _, _)| *n == site.number)
            .unwrap_or_else(|| panic!("no section {}", site.number));
        let title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(title, format!("{}{}", site.name.zh, site.headline.zh));
        assert!(
            body.lines().any(|line| line.trim() == site.caption.zh),
            "{}: caption {:?} is not a line of its section",
            site.id,
            site.caption.zh
        );
    }
}

#[test]
fn the_overview_has_the_introductions_facts() {
    let content = content();
    let value = |id: &str| {
        content
            .overview
            .figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("overview figure {id}"))
            .value
    };
    assert_eq!(value("bodies"), 23.0);
    assert_eq!(value("comprehensive-pilots"), 7.0);
    assert_eq!(value("project-pilots"), 14.0);
    assert_eq!(value("term"), 1.0);
    assert_eq!(value("review"), 5.0);
    let launch = content
        .overview
        .timeline
        .iter()
        .find(|e| e.id == "pilots-launched")
        .expect("launch event");
    assert_eq!(
        (launch.year, launch.month, launch.derived),
        (2021, Some(7), false)
    );
    assert_eq!(content.article.series_part, 1);
}
