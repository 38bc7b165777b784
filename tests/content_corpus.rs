//! The bad-input corpus (`tests/fixtures/content/`): every broken or hostile content file gets
//! a specific message naming the field and the problem, or loads with its text kept as text.

use imreform::content::{self, LoadError};

/// (file, a line the error must contain; `None`: the file loads)
const CASES: &[(&str, Option<&str>)] = &[
    ("01-not-json.json", Some("content file is not valid JSON: EOF while parsing a value at line 1 column 14")),
    ("02-empty.json", Some("content file is not valid JSON: EOF while parsing a value at line 1 column 0")),
    ("03-array-root.json", Some("content file has the wrong shape: expected an object with `format`, `article`, `themes`, `overview` and `sites`, found a list")),
    ("04-wrong-type.json", Some("sites[2].number: invalid type: string \"three\", expected u32 at line 510 column 20")),
    ("05-missing-field.json", Some("sites[3].headline: missing field `en`")),
    ("06-unknown-kind.json", Some("sites[0].kind: unknown variant `village`")),
    ("07-duplicate-id.json", Some("sites[1].id: duplicate id \"baotou\"")),
    ("08-duplicate-number.json", Some("sites[1].number: duplicate number 1")),
    ("09-missing-translation.json", Some("sites[2].name.en: missing translation")),
    ("10-huge-string.json", Some("sites[0].summary.zh: text of 100000 characters is too long: at most 2000")),
    // A list where a number belongs, however deep it nests (serde_json stops at 128 levels).
    ("11-deep-nesting.json", Some("format: invalid type: sequence, expected u32 at line 1 column 11")),
    ("12-nan-coordinates.json", Some("content file is not valid JSON: expected value at line 1 column 4469")),
    ("13-infinity-coordinates.json", Some("number out of range")),
    ("14-coordinates-outside.json", Some("sites[3].location: coordinates (lon 2.35, lat 48.01) are outside Inner Mongolia")),
    ("15-negative-figure.json", Some("sites[1].figures[5].value: negative value -793")),
    ("16-absurd-figure.json", Some("sites[1].figures[5].value: absurd value")),
    ("17-qualifier-contradicts.json", Some("sites[1].figures[1].qualifier: qualifier exact contradicts the phrase: \"6000余\" means more_than")),
    ("18-value-contradicts.json", Some("sites[5].figures[1].value: value 1328 contradicts the phrase")),
    ("19-unknown-theme.json", Some("sites[0].themes[0]: unknown theme \"happiness\"")),
    ("20-rtl-override.json", Some("sites[0].name.en: invisible or direction-changing character U+202E")),
    ("21-zero-width-text.json", Some("sites[0].headline.zh: invisible or direction-changing character U+200B")),
    ("22-zero-width-id.json", Some("sites[0].id: expected a slug")),
    ("23-html-in-every-text.json", None),
    ("24-null-field.json", Some("sites[0].name: invalid type: null, expected a text in both languages, {\"zh\": …, \"en\": …} at line 207 column 15")),
    ("25-unknown-top-field.json", Some("script: unknown field `script`")),
    ("26-future-format.json", Some("format: expected format 1, found 2")),
    ("27-no-sites.json", Some("sites: expected at least one site")),
    ("28-derived-sum-wrong.json", Some("sites[5].figures[5].value: value 225 is not the sum of its parts (224)")),
    ("29-chart-mixes-units.json", Some("sites[1].charts[1].figures: figures of different units cannot share an axis")),
    ("30-control-character.json", Some("sites[6].caption.en: invisible or direction-changing character U+0007")),
    ("31-trailing-garbage.json", Some("content file is not valid JSON: trailing characters")),
    ("32-byte-order-mark.json", None),
    ("33-duplicate-key.json", Some("content file has the wrong shape: duplicate field `format` at line 1 column 22")),
    ("34-string-for-number.json", Some("sites[1].figures[1].value: invalid type: string \"6000\", expected f64 at line 396 column 20")),
    ("35-number-as-id.json", Some("sites[0].id: invalid type: integer `7`, expected a string at line 204 column 10")),
];

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_corpus_file_gets_its_expected_outcome() {
    let files = std::fs::read_dir(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content"),
    )
    .expect("corpus folder")
    .count();
    assert_eq!(
        files,
        CASES.len(),
        "every file in the corpus has an expectation here"
    );
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        let outcome = std::panic::catch_unwind(|| content::load(&fixture(name)));
        match (outcome, expected) {
            (Err(_), _) => failures.push(format!("{name}: PANICKED")),
            (Ok(Ok(_)), None) => {}
            (Ok(Ok(_)), Some(expected)) => {
                failures.push(format!("{name}: accepted, expected {expected:?}"))
            }
            (Ok(Err(err)), None) => failures.push(format!("{name}: refused: {err}")),
            (Ok(Err(err)), Some(expected)) => {
                if !err.lines().iter().any(|l| l.contains(expected)) {
                    failures.push(format!(
                        "{name}: expected {expected:?} in {:?}",
                        err.lines()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn html_in_every_text_field_stays_text_in_the_widget_and_charts() {
    let content = content::load(&fixture("23-html-in-every-text.json")).expect("loads");
    // The whole widget, rendered by the same components as in the browser (the prerender).
    for lang in [content::Lang::Zh, content::Lang::En] {
        let html = imreform::web::prerender::widget_html_for(content.clone(), lang);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "the widget's markup escapes every text"
        );
        assert!(html.contains("&lt;script") || html.contains("&lt;img"));
    }
    let site = content.site("wuhai").expect("wuhai");
    for spec in &site.charts {
        let chart =
            imreform::chart::build(spec, &site.figures, "2", content::Lang::En).expect("chart");
        let drawing = imreform::chart::render(&chart, 400).expect("drawn");
        // Markup in the content stays text: one text shape holds it whole, for the DOM builder
        // to set as text (html! escapes by construction).
        assert!(
            drawing.texts().any(|t| t.contains('<')),
            "the hostile label is drawn as text"
        );
    }
}

#[test]
fn a_10_mb_file_is_refused_by_size_before_parsing() {
    // Made here rather than committed: ten megabytes of a valid-looking document.
    let mut huge = String::from("{\"format\": 1, \"padding\": \"");
    huge.push_str(&"x".repeat(10_000_000));
    huge.push_str("\"}");
    let err = content::load(&huge).unwrap_err();
    assert!(matches!(&err, LoadError::Invalid(p) if p.len() == 1));
    assert_eq!(
        err.lines(),
        ["content file is 10 MB, larger than the 1000 KB limit"]
    );
}
