//! The content file against the article it comes from (`tests/fixtures/article-zh.txt`, a copy
//! of `shared/source/article-zh.txt`): everything the editors' checker checks
//! (`content::against_article`), and the part-one facts and rules it cannot know.

use imreform::content::{self, Content, Figure};

const ARTICLE: &str = include_str!("fixtures/article-zh.txt");

fn content() -> Content {
    content::embedded().unwrap_or_else(|err| panic!("embedded content: {err}"))
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

fn all_figures(content: &Content) -> Vec<(&str, &Figure)> {
    let overview = content.overview.figures.iter().map(|f| ("overview", f));
    let sites = content
        .sites
        .iter()
        .flat_map(|site| site.figures.iter().map(move |f| (site.id.as_str(), f)));
    overview.chain(sites).collect()
}

/// What `scripts/check-content` checks (`content::against_article`): every phrase verbatim,
/// in its own site's section; every figure agreeing with the amount its phrase writes where
/// `stated` stands; every Arabic number of each section accounted for by that section's
/// figures, practices, headline or stated timeline entries.
#[test]
fn the_content_says_only_what_the_article_says() {
    let problems = content::against_article(&content(), ARTICLE);
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(lines.is_empty(), "{}", lines.join("\n"));
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
