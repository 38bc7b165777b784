//! The article's content: typed model (serde), loading and validation (pure: no `yew`, no
//! `web-sys`).

mod check;
mod error;
mod glossary;
mod lang;
mod model;
mod quantity;
mod unit;
mod validate;

pub use check::{against_article, check_file, with_ids, Report};
pub use error::{LoadError, Problem};
pub use glossary::{has_form, has_variant, texts, Glossary, Term, GLOSSARY_COLUMNS};
pub use lang::{Lang, Text};
pub use model::{
    Article, ChartKind, ChartSpec, Content, Figure, Kind, Location, Overview, Practice, Role, Site,
    Theme, TimelineEvent,
};
pub use quantity::{
    format_en, format_en_number, format_zh, format_zh_number, parse_amount, parse_amount_prefix,
    ParseError, Qualifier, Quantity,
};
pub use unit::Unit;
pub use validate::{FORMAT, INNER_MONGOLIA_BOUNDS, MAX_TEXT_CHARS, UNIT_CHART_MAX};

/// The content shipped with the widget (`assets/content.json`, minified by `build.rs`), embedded
/// at compile time so the first render needs no request.
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.min.json"));

/// Largest content file accepted (the real one is about 40 KB).
pub const MAX_BYTES: usize = 1_000_000;

/// Parses and validates a content file.
///
/// Returns every rule the file breaks, not just the first, so whoever edits it can fix them in
/// one pass (a file that is not JSON, or not shaped like a content file, stops at its first
/// error, named by its field path). Never panics, whatever the input.
pub fn load(json: &str) -> Result<Content, LoadError> {
    let (content, problems) = load_with_problems(json)?;
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Parses a content file and lists every rule it breaks, keeping the content even when it
/// breaks some, so that a checker can go on to compare it with its article.
///
/// `Err` only when the file cannot be read as content at all (too large, not JSON, or not
/// shaped like a content file); `load` is this with an empty list required.
pub fn load_with_problems(json: &str) -> Result<(Content, Vec<Problem>), LoadError> {
    // A byte-order mark, as some Windows editors write one, is not an error.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.len() > MAX_BYTES {
        return Err(LoadError::Invalid(vec![Problem::new(
            "",
            format!(
                "content file is {} MB, larger than the {} KB limit",
                crate::decimal::fixed(json.len() as f64 / 1e6, 1),
                MAX_BYTES / 1000
            ),
        )]));
    }
    let content = parse(json)?;
    let problems = validate::problems(&content);
    Ok((content, problems))
}

/// In the browser: the browser's own `JSON.parse`, then serde-wasm-bindgen through the model's
/// derives, with the path of the field that does not fit (`sites[2].number`).
#[cfg(target_arch = "wasm32")]
fn parse(json: &str) -> Result<Content, LoadError> {
    use wasm_bindgen::JsCast;
    let value = js_sys::JSON::parse(json).map_err(|err| {
        LoadError::Syntax(
            err.dyn_ref::<js_sys::Error>()
                .map_or_else(|| "unreadable".to_owned(), |e| String::from(e.message())),
        )
    })?;
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|err| LoadError::Shape(Problem::new(path_of(&err), err.into_inner().to_string())))
}

/// The file's text to typed content, by serde_json through the model's derives, with the
/// path of the field that does not fit (`sites[2].number`).
#[cfg(not(target_arch = "wasm32"))]
fn parse(json: &str) -> Result<Content, LoadError> {
    // serde reads a struct from a list of its fields in order too; at the top, where an editor
    // may paste a list of sites, say plainly what is wrong.
    if json.trim_start().starts_with('[') {
        return Err(LoadError::Shape(Problem::new(
            "",
            "expected an object with `format`, `article`, `themes`, `overview` and `sites`, found a list",
        )));
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let content: Content = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = path_of(&err);
        let inner = err.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            LoadError::Syntax(inner.to_string())
        } else {
            LoadError::Shape(Problem::new(path, inner.to_string()))
        }
    })?;
    // Trailing text after the object ("{…} x") is a syntax error too.
    deserializer
        .end()
        .map_err(|err| LoadError::Syntax(err.to_string()))?;
    Ok(content)
}

/// `sites[2].number`, or empty for the whole file.
fn path_of<E>(err: &serde_path_to_error::Error<E>) -> String {
    let path = err.path().to_string();
    if path == "." {
        String::new()
    } else {
        path
    }
}

/// Loads the embedded content.
pub fn embedded() -> Result<Content, LoadError> {
    load(EMBEDDED_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure<'a>(content: &'a Content, site: &str, id: &str) -> &'a Figure {
        let site = content.site(site).expect("site");
        site.figures.iter().find(|f| f.id == id).expect("figure")
    }

    #[test]
    fn figures_display_with_qualifier_and_unit_in_each_language() {
        let content = embedded().unwrap_or_else(|err| panic!("{err}"));
        let cases = [
            ("wuhai", "training", "6000余人次", "6,000+ person-times"),
            (
                "wuhai",
                "online-exams",
                "近1万余人次",
                "nearly 10,000 person-times",
            ),
            ("wuhai", "trades", "30余个工种", "30+ trades"),
            (
                "baotou-steel",
                "medical-aid",
                "1328万元",
                "13.28 million yuan",
            ),
            (
                "baotou-steel",
                "value-created",
                "近5亿元",
                "nearly 500 million yuan",
            ),
            (
                "baotou-steel",
                "improvement-projects",
                "3.9万个",
                "39,000 projects",
            ),
            ("ejin-horo", "model-system", "1套", "1 system"),
        ];
        for (site, id, zh, en) in cases {
            let figure = figure(&content, site, id);
            assert_eq!(figure.display(Lang::Zh), zh);
            assert_eq!(figure.display(Lang::En), en);
        }
    }

    #[test]
    fn sites_come_in_the_articles_order_whatever_the_file_order() {
        let mut content = embedded().unwrap_or_else(|err| panic!("{err}"));
        content.sites.reverse();
        let numbers: Vec<u32> = content.sites_in_order().iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn hostile_input_is_an_error_not_a_panic() {
        for text in [
            "",
            "null",
            "[]",
            "\"x\"",
            "{\"format\": 1e999}",
            "{{{{",
            "\u{0}",
        ] {
            assert!(load(text).is_err(), "{text:?} accepted");
        }
    }
}
