//! `scripts/check-content FILE [ARTICLE.txt]` as an editor runs it: the binary on the
//! built-in content and its article, and on broken copies of either. Each assertion is about
//! what the editor reads: the line that names the site and the figure, and the summary.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

const CONTENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/content.json");
const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/article-zh.txt");
const GLOSSARY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/glossary.tsv");

/// What one run printed, and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// The line about `path` (a field, or a site), failing with the whole output if none.
    fn line(&self, path: &str) -> &str {
        self.stdout
            .lines()
            .find(|line| line.starts_with(&format!("{path}:")))
            .unwrap_or_else(|| panic!("no line about {path} in:\n{}", self.stdout))
    }

    fn summary(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
    }
}

fn check(args: &[&Path]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_check-content"))
        .args(args)
        .output()
        .expect("check-content runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}

/// A folder of its own for each test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("content_check")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("scratch file");
    path
}

fn content() -> Value {
    let text = fs::read_to_string(CONTENT).expect("assets/content.json");
    serde_json::from_str(&text).expect("assets/content.json is JSON")
}

fn article() -> String {
    fs::read_to_string(ARTICLE).expect("the article")
}

/// The content as an editor's file: pretty JSON, as `assets/content.json` is.
fn json_file(dir: &Path, doc: &Value) -> PathBuf {
    write(
        dir,
        "content.json",
        &serde_json::to_string_pretty(doc).expect("JSON"),
    )
}

/// A site's figure by ids, and the path the checker names it by
/// (`sites[1] (wuhai).figures[2] (online-exams)`).
fn figure<'a>(doc: &'a mut Value, site: &str, id: &str) -> (String, &'a mut Value) {
    let sites = doc["sites"].as_array_mut().expect("sites");
    let (i, site_value) = sites
        .iter_mut()
        .enumerate()
        .find(|(_, s)| s["id"] == site)
        .unwrap_or_else(|| panic!("site {site}"));
    let figures = site_value["figures"].as_array_mut().expect("figures");
    let (j, figure) = figures
        .iter_mut()
        .enumerate()
        .find(|(_, f)| f["id"] == id)
        .unwrap_or_else(|| panic!("figure {site}/{id}"));
    (format!("sites[{i}] ({site}).figures[{j}] ({id})"), figure)
}

/// How many terms the widget's glossary has: its lines but comments, blank ones and the header.
fn glossary_terms() -> usize {
    let text = fs::read_to_string(GLOSSARY).expect("assets/glossary.tsv");
    let lines = text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'));
    lines.count() - 1
}

fn site_path(doc: &Value, site: &str) -> String {
    let i = doc["sites"]
        .as_array()
        .expect("sites")
        .iter()
        .position(|s| s["id"] == site)
        .unwrap_or_else(|| panic!("site {site}"));
    format!("sites[{i}] ({site})")
}

#[test]
fn the_built_in_content_agrees_with_its_article() {
    let doc = content();
    let sites = doc["sites"].as_array().expect("sites");
    let figures = doc["overview"]["figures"]
        .as_array()
        .expect("figures")
        .len()
        + sites
            .iter()
            .map(|s| s["figures"].as_array().expect("figures").len())
            .sum::<usize>();
    let terms = glossary_terms();
    let run = check(&[Path::new(CONTENT), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "ok: {} sites, {figures} figures checked against {ARTICLE}; glossary {GLOSSARY}, \
             {terms} terms\n",
            sites.len()
        )
    );

    let run = check(&[Path::new(CONTENT)]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(
        run.summary().contains("not checked against an article"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_phrase_not_in_the_article_names_the_site_and_the_figure() {
    let dir = scratch("phrase");
    let mut doc = content();
    let (path, online_exams) = figure(&mut doc, "wuhai", "online-exams");
    // 全市 (the whole city) retyped as 全盟 (the whole league).
    online_exams["source"] = json!("组织全盟各行业电子化考试近1万余人次");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&format!("{path}.source")),
        format!(
            "{path}.source: phrase \"组织全盟各行业电子化考试近1万余人次\" is not in the article"
        )
    );
    assert_eq!(run.summary(), "1 problem");
}

#[test]
fn a_phrase_that_parts_from_the_article_shows_where() {
    let dir = scratch("phrase-parts");
    let mut doc = content();
    let (path, training) = figure(&mut doc, "wuhai", "training");
    // 及 (and) retyped as 和.
    training["source"] = json!("3年完成各类职业技能培训和技能鉴定6000余人次");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let line = run.line(&format!("{path}.source"));
    assert!(
        line.ends_with(
            "is not in the article; the article has \"…职业技能培训及技能鉴定6\" \
             where the phrase has \"…职业技能培训和技能鉴定6\""
        ),
        "{line}"
    );
}

#[test]
fn a_phrase_from_another_section_names_both() {
    let dir = scratch("section");
    let mut doc = content();
    let (_, instructors) = figure(&mut doc, "alxa-hi-tech-zone", "instructors");
    let moved = instructors.clone();
    let zalantun = site_path(&doc, "zalantun");
    let sites = doc["sites"].as_array_mut().expect("sites");
    let site = sites
        .iter_mut()
        .find(|s| s["id"] == "zalantun")
        .expect("zalantun");
    let figures = site["figures"].as_array_mut().expect("figures");
    figures.push(moved);
    let path = format!("{zalantun}.figures[{}] (instructors)", figures.len() - 1);
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&format!("{path}.source")),
        format!(
            "{path}.source: phrase \"选派108名党建指导员深入102家企业开展产改工作\" is in \
             section 5 (阿拉善高新技术产业开发区 党建引领夯实产改之基), not in this site's \
             section 4 (扎兰屯市 走深走实产改之路)"
        )
    );
}

#[test]
fn a_value_that_contradicts_its_phrase() {
    let dir = scratch("value");
    let mut doc = content();
    let (path, training) = figure(&mut doc, "wuhai", "training");
    training["value"] = json!(7000);
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&format!("{path}.value")),
        format!("{path}.value: value 7000 contradicts the phrase: \"6000余\" is 6000")
    );
    assert_eq!(run.summary(), "1 problem", "found once, listed once");
}

#[test]
fn a_qualifier_that_contradicts_its_phrase() {
    let dir = scratch("qualifier");
    let mut doc = content();
    let (path, venues) = figure(&mut doc, "alxa-hi-tech-zone", "party-venues");
    venues["qualifier"] = json!("exact");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&format!("{path}.qualifier")),
        format!(
            "{path}.qualifier: qualifier exact contradicts the phrase: \"30余\" means more_than"
        )
    );
    assert_eq!(run.summary(), "1 problem", "found once, listed once");
}

#[test]
fn a_stated_amount_cut_short_of_the_articles() {
    // "1万余" occurs in its phrase and reads as more_than 10000, so the file's own rules
    // pass; the article writes 近1万余.
    let dir = scratch("cut-short");
    let mut doc = content();
    let (path, online_exams) = figure(&mut doc, "wuhai", "online-exams");
    online_exams["stated"] = json!("1万余");
    online_exams["qualifier"] = json!("more_than");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&format!("{path}.stated")),
        format!(
            "{path}.stated: expected the amount exactly as its phrase writes it, \"近1万余\", \
             found \"1万余\""
        )
    );
    assert_eq!(
        run.line(&format!("{path}.qualifier")),
        format!(
            "{path}.qualifier: qualifier more_than contradicts the phrase: \"近1万余\" means \
             nearly_more_than"
        )
    );
}

#[test]
fn a_json_shape_error_names_the_path() {
    let dir = scratch("shape");
    let mut doc = content();
    doc["sites"][2]["figures"][0]["value"] = json!("36");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.line("sites[2].figures[0].value")
            .starts_with("sites[2].figures[0].value: invalid type: string \"36\", expected f64"),
        "{}",
        run.stdout
    );
    assert_eq!(run.summary(), "1 problem");

    let broken = write(&dir, "broken.json", "{\n  \"format\": 1,\n");
    let run = check(&[&broken]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let line = run.lines()[0];
    assert!(
        line.starts_with("content file is not valid JSON: EOF while parsing")
            && line.contains("at line 3"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_number_no_figure_accounts_for_is_listed_with_its_words() {
    let dir = scratch("number");
    let doc = content();
    let wuhai = site_path(&doc, "wuhai");
    let zalantun = site_path(&doc, "zalantun");
    let original = article();
    let text = original
        .replacen(
            "新发展产业工人党员793名",
            "新发展产业工人党员793名、入会职工4500名",
            1,
        )
        // 256 is a figure of Wuhai's, not of Zalantun's.
        .replacen("强化六大机制", "强化六大机制，覆盖256家企业", 1);
    assert_ne!(text, original);
    let run = check(&[Path::new(CONTENT), &write(&dir, "article.txt", &text)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line(&wuhai),
        format!(
            "{wuhai}: number 4500 in section 2 of the article is not accounted for by any \
             figure, practice, headline or timeline entry of this site: \
             \"…员793名、入会职工4500名，有效发挥产业工人…\""
        )
    );
    assert!(
        run.line(&zalantun).starts_with(&format!(
            "{zalantun}: number 256 in section 4 of the article"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(run.summary(), "2 problems");
}

#[test]
fn a_section_without_a_site_lists_its_numbers() {
    let dir = scratch("section-without-site");
    let text = format!(
        "{}\n8 | 某某集团 新的一节\n\n共有20名工匠，2023年完成。\n",
        article()
    );
    let run = check(&[Path::new(CONTENT), &write(&dir, "article.txt", &text)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.line("article section 8"),
        "article section 8: section 8 (某某集团 新的一节) has no site: expected a site with \
         \"number\": 8; its numbers: 20, 2023"
    );
}

#[test]
fn every_problem_is_printed_before_the_summary() {
    let dir = scratch("several");
    let mut doc = content();
    let (phrase, online_exams) = figure(&mut doc, "wuhai", "online-exams");
    online_exams["source"] = json!("组织全盟各行业电子化考试近1万余人次");
    let (value, training) = figure(&mut doc, "wuhai", "training");
    training["value"] = json!(7000);
    let (qualifier, venues) = figure(&mut doc, "alxa-hi-tech-zone", "party-venues");
    venues["qualifier"] = json!("exact");
    let run = check(&[&json_file(&dir, &doc), Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    for path in [
        format!("{phrase}.source"),
        format!("{value}.value"),
        format!("{qualifier}.qualifier"),
    ] {
        run.line(&path);
    }
    assert_eq!(run.lines().len(), 4, "{}", run.stdout);
    assert_eq!(run.summary(), "3 problems");
}

#[test]
fn usage_errors_exit_2_and_say_why() {
    let run = check(&[]);
    assert_eq!(run.code, Some(2));
    assert!(run
        .stderr
        .contains("usage: scripts/check-content FILE [ARTICLE.txt]"));
    assert!(run.stdout.is_empty());

    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-content.json");
    let run = check(&[&missing]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with(&format!("check-content: cannot read {}", missing.display())),
        "{}",
        run.stderr
    );

    let missing_article = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-article.txt");
    let run = check(&[Path::new(CONTENT), &missing_article]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains(&missing_article.display().to_string()),
        "{}",
        run.stderr
    );

    let run = check(&[Path::new(CONTENT), Path::new(ARTICLE), Path::new("extra")]);
    assert_eq!(run.code, Some(2));
}

/// The check of a copy of the content in which one practice's English detail has `old`
/// (which must be there) replaced by `new`, and the path the checker names that English by
/// (`sites[4] (alxa-hi-tech-zone).practices[0].detail.en`).
fn check_with_detail(
    dir: &Path,
    site: &str,
    practice: usize,
    old: &str,
    new: &str,
) -> (String, Run) {
    let mut doc = content();
    let path = format!("{}.practices[{practice}].detail.en", site_path(&doc, site));
    let sites = doc["sites"].as_array_mut().expect("sites");
    let site = sites
        .iter_mut()
        .find(|s| s["id"] == site)
        .unwrap_or_else(|| panic!("site {site}"));
    let detail = &mut site["practices"][practice]["detail"]["en"];
    let text = detail.as_str().expect("a text").to_owned();
    assert!(text.contains(old), "{old:?} not in {text:?}");
    *detail = json!(text.replacen(old, new, 1));
    let run = check(&[&json_file(dir, &doc), Path::new(ARTICLE)]);
    (path, run)
}

/// One practice's English changed, and the one problem the checker must find with it.
fn one_problem_with_detail(
    test: &str,
    site: &str,
    practice: usize,
    change: (&str, &str),
    expected: &str,
) {
    let (path, run) = check_with_detail(&scratch(test), site, practice, change.0, change.1);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(run.line(&path), format!("{path}: {expected}"));
    assert_eq!(run.summary(), "1 problem");
}

#[test]
fn a_forbidden_variant_of_a_glossary_term_is_a_problem() {
    // No glossary beside the copy: the widget's own, built in, applies. 企业 is "enterprise";
    // the text keeps it twice, so only the variant is wrong.
    one_problem_with_detail(
        "glossary-avoid",
        "alxa-hi-tech-zone",
        0,
        ("helps enterprises build", "helps companies build"),
        "glossary: 企业 is \"enterprise\" (or \"enterprises\"), not \"companies\"",
    );
}

#[test]
fn a_glossary_term_missing_from_the_english_is_a_problem() {
    // 职工创新工作室 is "worker innovation studios".
    one_problem_with_detail(
        "glossary-missing",
        "wuhai",
        3,
        (
            "Worker innovation studios are being built up",
            "Studios for innovation are being built up",
        ),
        "glossary: 职工创新工作室 is \"worker innovation studio\" (or \"worker innovation \
         studios\"); the English has none of these",
    );

    // Team building for 班组建设: the term missing and a variant used, two problems.
    let (path, run) = check_with_detail(
        &scratch("glossary-team-building"),
        "baotou",
        1,
        "the development of shop-floor work teams",
        "team building",
    );
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    let lines: Vec<&str> = run
        .lines()
        .into_iter()
        .filter(|l| l.starts_with(&path))
        .collect();
    assert_eq!(
        lines,
        [
            format!("{path}: glossary: 班组 is \"work team\" (or \"work teams\"); the English has none of these"),
            format!("{path}: glossary: 班组 is \"work team\" (or \"work teams\"), not \"team building\""),
        ]
    );
}

#[test]
fn the_glossary_beside_the_file_or_given_is_the_one_applied() {
    let dir = scratch("glossary-choice");
    let content = json_file(&dir, &content());
    let run = check(&[&content]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(
        run.summary()
            .contains("glossary built in (assets/glossary.tsv)"),
        "{}",
        run.stdout
    );

    // One beside the file, with a rule the content breaks: 企业 must be "firm".
    let beside = write(
        &dir,
        "glossary.tsv",
        "zh\ten\tavoid\tnote\n企业\tfirm|firms\tenterprise|enterprises\t\n",
    );
    let run = check(&[&content]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("glossary: 企业 is \"firm\" (or \"firms\"), not \"enterprises\""),
        "{}",
        run.stdout
    );

    // --glossary wins over the one beside the file.
    let run = check(&[&content, Path::new("--glossary"), Path::new(GLOSSARY)]);
    assert_eq!(run.code, Some(0), "{}", run.stdout);
    assert!(
        run.summary().ends_with(&format!(
            "glossary {GLOSSARY}, {} terms (not checked against an article: give its text too)",
            glossary_terms()
        )),
        "{}",
        run.stdout
    );

    // A broken glossary is listed line by line; the content is still checked.
    fs::write(
        &beside,
        "zh\ten\tavoid\tnote\n企业\tenterprise\n产改\treform\treform\t\n",
    )
    .expect("glossary");
    let run = check(&[&content, Path::new(ARTICLE)]);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert_eq!(
        run.lines(),
        [
            format!(
                "{} line 2: expected 3 or 4 tab-separated columns (zh, en, avoid, note), found 2",
                beside.display()
            ),
            format!(
                "{} line 3: \"reform\" to avoid is part of \"reform\" to use: no English could pass",
                beside.display()
            ),
            "2 problems".to_owned(),
        ]
    );

    let run = check(&[&content, Path::new("--glossary")]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("--glossary needs a file"),
        "{}",
        run.stderr
    );
    let missing = dir.join("no-such-glossary.tsv");
    let run = check(&[&content, Path::new("--glossary"), &missing]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .starts_with(&format!("check-content: cannot read {}", missing.display())),
        "{}",
        run.stderr
    );
}
