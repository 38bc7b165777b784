//! One broken content file per kind of defect, each with the message its editor would see.
//! Each fixture is the embedded content with one JSON pointer patched, so the table stays
//! readable and every other field stays valid.

use imreform::content::{self, LoadError};
use serde_json::{json, Value};

enum Patch {
    Set(&'static str, Value),
    Remove(&'static str),
    Raw(&'static str),
}

use Patch::{Raw, Remove, Set};

fn apply(patch: &Patch) -> String {
    if let Raw(text) = patch {
        return (*text).to_owned();
    }
    let mut doc: Value = serde_json::from_str(content::EMBEDDED_JSON).expect("embedded is JSON");
    match patch {
        Raw(_) => unreachable!("returned above"),
        Set(pointer, value) => {
            let (parent, key) = pointer.rsplit_once('/').expect("pointer with a parent");
            match doc
                .pointer_mut(parent)
                .unwrap_or_else(|| panic!("{parent}"))
            {
                Value::Object(map) => {
                    map.insert(key.to_owned(), value.clone());
                }
                Value::Array(items) => items[key.parse::<usize>().expect("index")] = value.clone(),
                _ => panic!("{parent} is not a container"),
            }
        }
        Remove(pointer) => {
            let (parent, key) = pointer.rsplit_once('/').expect("pointer with a parent");
            match doc
                .pointer_mut(parent)
                .unwrap_or_else(|| panic!("{parent}"))
            {
                Value::Object(map) => {
                    map.remove(key).unwrap_or_else(|| panic!("{pointer}"));
                }
                Value::Array(items) => {
                    items.remove(key.parse::<usize>().expect("index"));
                }
                _ => panic!("{parent} is not a container"),
            }
        }
    }
    doc.to_string()
}

/// (defect, patch, a line the error must contain)
fn cases() -> Vec<(&'static str, Patch, &'static str)> {
    vec![
        ("not JSON", Raw("{ \"format\": 1,"), "content file is not valid JSON: EOF while parsing a value at line 1 column 14"),
        ("empty object, then more", Raw("{} {}"), "content file has the wrong shape: missing field `format` at line 1 column 2"),
        ("unknown kind", Set("/sites/0/kind", json!("village")), "sites[0].kind: unknown variant `village`, expected one of `city_or_banner`, `development_zone`, `enterprise`"),
        ("unknown unit", Set("/sites/1/figures/0/unit", json!("kilograms")), "sites[1].figures[0].unit: unknown variant `kilograms`"),
        ("unknown qualifier", Set("/sites/1/figures/0/qualifier", json!("about")), "sites[1].figures[0].qualifier: unknown variant `about`"),
        ("wrong type", Set("/sites/2/number", json!("three")), "sites[2].number: invalid type: string \"three\", expected u32 at line 1 column "),
        ("missing field", Remove("/sites/3/headline/en"), "sites[3].headline: missing field `en`"),
        ("unknown field", Set("/sites/3/headline/fr", json!("Titre")), "sites[3].headline.fr: unknown field `fr`, expected `zh` or `en` at line 1 column "),
        ("missing translation", Set("/sites/2/name/en", json!("  ")), "sites[2].name.en: missing translation: expected non-empty text"),
        ("duplicate id", Set("/sites/1/id", json!("baotou")), "sites[1].id: duplicate id \"baotou\""),
        ("duplicate number", Set("/sites/1/number", json!(1)), "sites[1].number: duplicate number 1"),
        ("number zero", Set("/sites/1/number", json!(0)), "sites[1].number: expected the article's section number, 1 or more"),
        ("id not a slug", Set("/sites/0/id", json!("Bao Tou")), "sites[0].id: expected a slug of lowercase ASCII letters, digits and single hyphens, found \"Bao Tou\""),
        ("coordinates outside Inner Mongolia", Set("/sites/3/location/lon", json!(2.35)), "sites[3].location: coordinates (lon 2.35, lat 48.01) are outside Inner Mongolia"),
        ("coordinates swapped", Set("/sites/0/location", json!({"lon": 40.66, "lat": 109.84, "note": {"zh": "甲", "en": "A"}})), "sites[0].location: coordinates (lon 40.66, lat 109.84) are outside Inner Mongolia"),
        ("negative value", Set("/sites/1/figures/5/value", json!(-793)), "sites[1].figures[5].value: negative value -793"),
        ("absurd value", Set("/sites/1/figures/5/value", json!(1e15)), "sites[1].figures[5].value: absurd value"),
        ("qualifier contradicts the phrase", Set("/sites/1/figures/1/qualifier", json!("exact")), "sites[1].figures[1].qualifier: qualifier exact contradicts the phrase: \"6000余\" means more_than"),
        ("value contradicts the phrase", Set("/sites/5/figures/1/value", json!(1328)), "sites[5].figures[1].value: value 1328 contradicts the phrase: \"1328万\" is 13280000"),
        ("stated amount not in its phrase", Set("/sites/1/figures/1/stated", json!("7000余")), "sites[1].figures[1].stated: \"7000余\" does not occur in its source phrase"),
        ("stated is not an amount", Set("/sites/6/figures/0/stated", json!("许多")), "sites[6].figures[0].stated: expected a number in \"许多\""),
        ("figure without its words", Remove("/sites/6/figures/0/source"), "sites[6].figures[0]: expected `stated` and `source` (the article's words) for a figure that is not derived"),
        ("derived sum wrong", Set("/sites/5/figures/5/value", json!(225)), "sites[5].figures[5].value: value 225 is not the sum of its parts (224)"),
        ("derived from unknown figure", Set("/sites/5/figures/5/derived_from/1", json!("nobody")), "sites[5].figures[5].derived_from[1]: unknown figure \"nobody\""),
        ("derived from another unit", Set("/overview/figures/3/derived_from", json!(["comprehensive-pilots", "term"])), "overview.figures[3].derived_from[1]: figure \"term\" counts years, not pilots"),
        ("duplicate figure id", Set("/sites/4/figures/1/id", json!("instructors")), "sites[4].figures[1].id: duplicate id \"instructors\""),
        ("unknown theme", Set("/sites/0/themes/0", json!("happiness")), "sites[0].themes[0]: unknown theme \"happiness\", expected one of: achievement, growth, guidance, skills, status"),
        ("theme twice", Set("/sites/1/themes/1", json!("guidance")), "sites[1].themes[1]: theme \"guidance\" listed twice"),
        ("no sites", Set("/sites", json!([])), "sites: expected at least one site"),
        ("future format", Set("/format", json!(2)), "format: expected format 1, found 2"),
        ("timeline year not in its phrase", Set("/overview/timeline/1/year", json!(2020)), "overview.timeline[1].year: year 2020 is not in its source phrase"),
        ("chart mixes units", Set("/sites/1/charts/1/figures/1", json!("new-party-members")), "sites[1].charts[1].figures: figures of different units cannot share an axis"),
        ("chart of an unknown figure", Set("/sites/1/charts/0/figures/0", json!("ghost")), "sites[1].charts[0].figures[0]: unknown figure \"ghost\""),
        ("stacked total not its sum", Set("/sites/5/charts/0/figures", json!(["skill-leaders-first", "honourees"])), "sites[5].charts[0].total: \"skill-leaders-total\" must be derived from exactly the chart's figures"),
        ("unit chart too large", Set("/sites/4/figures/0/value", json!(1080)), "sites[4].charts[0].figures: figure \"instructors\" (1080) is too large or not whole for a unit chart"),
        ("unknown chart kind", Set("/sites/4/charts/0/kind", json!("pie")), "sites[4].charts[0].kind: unknown variant `pie`"),
        ("timeline month out of range", Set("/overview/timeline/1/month", json!(13)), "overview.timeline[1].month: expected a month 1–12, found 13"),
    ]
}

#[test]
fn each_defect_is_reported_with_its_field_and_problem() {
    let mut failures = Vec::new();
    for (defect, patch, expected) in cases() {
        match content::load(&apply(&patch)) {
            Ok(_) => failures.push(format!("{defect}: accepted")),
            Err(err) => {
                let lines = err.lines();
                if !lines.iter().any(|line| line.contains(expected)) {
                    failures.push(format!("{defect}: expected {expected:?} in {lines:#?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_single_defect_yields_a_single_problem() {
    let err = content::load(&apply(&Set("/sites/2/name/en", json!("")))).unwrap_err();
    assert!(
        matches!(&err, LoadError::Invalid(p) if p.len() == 1),
        "{err}"
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut doc: Value = serde_json::from_str(content::EMBEDDED_JSON).unwrap();
    doc["sites"][0]["themes"][0] = json!("happiness");
    doc["sites"][1]["id"] = json!("baotou");
    doc["sites"][3]["location"]["lat"] = json!(-10);
    let err = content::load(&doc.to_string()).unwrap_err();
    assert_eq!(err.lines().len(), 3, "{err}");
}

#[test]
fn the_embedded_content_is_valid() {
    if let Err(err) = content::embedded() {
        panic!("{err}");
    }
}
