//! Property tests (`proptest`) of every parser that reads outside input: the content loader,
//! the amount parser, the address parser and the host-message parser. Strategies are built to
//! reach every branch (each message type, valid and invalid values, fields present and absent),
//! and each property asserts the parsed result, not only the absence of a panic. A failing case
//! is shrunk to its smallest form and kept in `tests/properties.proptest-regressions`.
//!
//! `PROPTEST_CASES` sets the number of cases (default 256 per property).

#![cfg(not(target_arch = "wasm32"))]

use imreform::content::{self, parse_amount, Content, Lang, Qualifier};
use imreform::embed::{parse_host_message, HostMessage};
use imreform::options::{Options, Scheme};
use proptest::prelude::*;

mod common;

/// The sites, from the built-in content (tests/common).
static SITES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(common::site_ids);

/// Pieces worth splicing into a content file: JSON punctuation, the article's markers, odd
/// characters, field names.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "1e999",
    "NaN",
    "0.5",
    "余",
    "多",
    "近",
    "万",
    "亿",
    "十",
    "\u{202e}",
    "\u{200b}",
    "\u{0}",
    "<script>",
    "\"sites\"",
    "\"figures\"",
    "\"value\"",
    "\"derived_from\"",
    "\"charts\"",
    "9999999999999999999",
    "\u{feff}",
    "\n",
    "40.666666666666664",
    "1.7976931348623157e308",
];

/// One edit of a text: where (as a fraction of its length) and what.
#[derive(Clone, Debug)]
enum Edit {
    Delete(f64, usize),
    Insert(f64, usize),
    Overwrite(f64, u8),
    Truncate(f64),
    Duplicate(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = 0.0f64..1.0;
    prop_oneof![
        (at.clone(), 1usize..64).prop_map(|(a, n)| Edit::Delete(a, n)),
        (at.clone(), 0..PIECES.len()).prop_map(|(a, p)| Edit::Insert(a, p)),
        (at.clone(), any::<u8>()).prop_map(|(a, b)| Edit::Overwrite(a, b)),
        at.clone().prop_map(Edit::Truncate),
        (at, 1usize..200).prop_map(|(a, n)| Edit::Duplicate(a, n)),
    ]
}

fn apply(seed: &str, edits: &[Edit]) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for edit in edits {
        let at = |fraction: f64, len: usize| ((fraction * len as f64) as usize).min(len);
        let len = bytes.len();
        match *edit {
            Edit::Delete(a, n) => {
                let start = at(a, len);
                bytes.drain(start..(start + n).min(len));
            }
            Edit::Insert(a, p) => {
                let start = at(a, len);
                bytes.splice(start..start, PIECES[p].bytes());
            }
            Edit::Overwrite(a, b) if len > 0 => bytes[at(a, len - 1)] = b,
            Edit::Overwrite(..) => {}
            Edit::Truncate(a) => bytes.truncate(at(a, len)),
            Edit::Duplicate(a, n) => {
                let start = at(a, len);
                let copy = bytes[start..(start + n).min(len)].to_vec();
                bytes.splice(start..start, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn embedded() -> Content {
    content::embedded().unwrap_or_else(|err| panic!("{err}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A damaged content file is refused with problems a person can act on, or it still reads
    /// as valid content; it never panics.
    #[test]
    fn damaged_content_is_refused_with_reasons_or_read(
        pretty in any::<bool>(),
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let seed = if pretty { include_str!("../assets/content.json") } else { content::EMBEDDED_JSON };
        let input = apply(seed, &edits);
        match content::load(&input) {
            Ok(content) => prop_assert_eq!(content.sites.len(), embedded().sites.len()),
            Err(err) => {
                let lines = err.lines();
                prop_assert!(!lines.is_empty() && lines.iter().all(|l| !l.trim().is_empty()));
            }
        }
    }

    /// Every coordinate survives a round trip through the file format bit for bit, whatever
    /// its digits (JSON writers emit up to 17 significant digits).
    #[test]
    fn coordinates_round_trip_exactly(lon in 97.5f64..126.0, lat in 37.5f64..53.0) {
        let mut content = embedded();
        content.sites[0].location.lon = lon;
        content.sites[0].location.lat = lat;
        let text = serde_json::to_string(&content).expect("serialises");
        let read = content::load(&text).unwrap_or_else(|err| panic!("{err}"));
        prop_assert_eq!(read.sites[0].location.lon.to_bits(), lon.to_bits());
        prop_assert_eq!(read.sites[0].location.lat.to_bits(), lat.to_bits());
    }

    /// An amount as the article writes it reads as its digits times its multiplier, with the
    /// qualifier its markers give.
    #[test]
    fn amounts_read_as_written(
        nearly in any::<bool>(),
        whole in 1u32..10_000,
        tenths in proptest::option::of(0u32..10),
        multiplier in prop_oneof![Just(("", 1.0)), Just(("万", 1e4)), Just(("亿", 1e8))],
        more in prop_oneof![Just(""), Just("余"), Just("多")],
    ) {
        let digits = match tenths {
            Some(t) => format!("{whole}.{t}"),
            None => whole.to_string(),
        };
        let text = format!("{}{digits}{}{more}", if nearly { "近" } else { "" }, multiplier.0);
        let quantity = parse_amount(&text).unwrap_or_else(|err| panic!("{text}: {err}"));
        let expected = digits.parse::<f64>().expect("digits") * multiplier.1;
        prop_assert!((quantity.value - expected).abs() <= 1e-9 * expected, "{}", text);
        let qualifier = match (nearly, !more.is_empty()) {
            (false, false) => Qualifier::Exact,
            (false, true) => Qualifier::MoreThan,
            (true, false) => Qualifier::Nearly,
            (true, true) => Qualifier::NearlyMoreThan,
        };
        prop_assert_eq!(quantity.qualifier, qualifier);
    }

    /// Text after an amount is refused, never read as part of it.
    #[test]
    fn trailing_text_is_refused(whole in 1u32..10_000, tail in "[a-z<>&\"]{1,8}") {
        let text = format!("{whole}{tail}");
        prop_assert!(parse_amount(&text).is_err(), "{} accepted", text);
    }

    /// Whatever the address, the site it opens is a known one or none, the options it sets
    /// are the ones it names, and it never sets the public address (a QR code's target).
    #[test]
    fn addresses_open_known_sites_only(
        site in prop_oneof![proptest::sample::select(SITES.to_vec()).prop_map(str::to_owned), "[a-z%<>\"-]{0,12}"],
        lang in prop_oneof![Just("zh".to_owned()), Just("en".to_owned()), "[a-zA-Z%-]{0,6}"],
        junk in prop_oneof!["[?&#=a-z0-9%]{0,16}", Just("share=https://evil.example/".to_owned())],
    ) {
        let fragment = format!("#site={site}&lang={lang}");
        let query = format!("?{junk}");
        let route = Options::from_address(&query, &fragment);
        prop_assert_eq!(route.public_page.as_deref(), None);
        let (known, _) = route.site_among(&SITES[..]);
        prop_assert_eq!(known.clone(), route.site.clone().filter(|s| SITES.contains(&s.as_str())));
        let route = Options { site: known, ..route };
        if SITES.contains(&site.as_str()) {
            prop_assert_eq!(route.site.as_deref(), Some(site.as_str()));
        } else {
            prop_assert!(route.site.as_deref().is_none_or(|s| SITES.contains(&s)));
        }
        match lang.as_str() {
            "zh" => prop_assert_eq!(route.lang, Some(Lang::Zh)),
            "en" => prop_assert_eq!(route.lang, Some(Lang::En)),
            _ => {}
        }
    }
}

/// A host message: its type (ours or another script's), and the one value field it carries.
#[derive(Clone, Debug)]
struct Message {
    kind: Option<String>,
    field: String,
    value: Option<String>,
}

/// Values worth sending in each field: as hosts write them (any case, region tags, spaces), and
/// near misses.
const LANGS: &[&str] = &[
    "zh",
    "zh-CN",
    "ZH",
    " zh-Hans ",
    "zh_TW",
    "en",
    "EN",
    "en_GB",
    "en-US",
    " En ",
    "fr",
    "eng",
    "zhx",
    "",
];
const SCHEMES: &[&str] = &[
    "light", "dark", "auto", "DARK", " Light ", "Auto", "neon", "lightish", "",
];
const OTHER_SITES: &[&str] = &["Wuhai", "baotou ", "<img src=x>", "", "yili-group"];

/// Mostly messages of ours carrying the field their type reads, with values for that field, so
/// that every branch of the parser is taken many times a run (`host_message_strategy_reaches_
/// every_outcome` counts them); then another script's messages, unknown types of ours, our own
/// echoed messages, the wrong field and stray values.
fn message() -> impl Strategy<Value = Message> {
    let ours = |k: &'static str, reads: &'static str| Just((Some(format!("imreform:{k}")), reads));
    let kind = prop_oneof![
        1 => Just((None, "other")),
        1 => "[a-z-]{0,10}".prop_map(|k| (Some(k), "other")),
        3 => ours("lang", "lang"),
        3 => ours("theme", "theme"),
        3 => ours("site", "site"),
        1 => ours("height", "other"),
        1 => ours("selected", "other"),
        1 => "[a-z]{0,8}".prop_map(|k| (Some(format!("imreform:{k}")), "other")),
    ];
    kind.prop_flat_map(|(kind, reads)| {
        let field = prop_oneof![
            3 => Just(reads),
            1 => proptest::sample::select(vec!["lang", "theme", "site", "other"]),
        ];
        let fitting: Vec<&'static str> = match reads {
            "lang" => LANGS.to_vec(),
            "theme" => SCHEMES.to_vec(),
            _ => SITES.iter().chain(OTHER_SITES).copied().collect(),
        };
        let any: Vec<&'static str> = [LANGS, SCHEMES, &SITES[..], OTHER_SITES].concat();
        let value = prop_oneof![
            1 => Just(None),
            4 => proptest::sample::select(fitting).prop_map(|v| Some(v.to_owned())),
            1 => proptest::sample::select(any).prop_map(|v| Some(v.to_owned())),
            1 => "[a-z<>\"-]{0,12}".prop_map(Some),
        ];
        (Just(kind), field, value)
    })
    .prop_map(|(kind, field, value)| Message {
        kind,
        field: field.to_owned(),
        value,
    })
}

/// What a host message comes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    NotOurs,
    OurEcho,
    Obeyed(&'static str),
    Refused(&'static str),
}

fn outcome(m: &Message) -> Outcome {
    let (value, field) = (m.value.clone(), m.field.clone());
    let read = move |name: &str| (name == field).then(|| value.clone()).flatten();
    let kind = m.kind.as_deref().and_then(|k| k.strip_prefix("imreform:"));
    let named = |kind: Option<&str>| match kind {
        Some("lang") => "lang",
        Some("theme") => "theme",
        Some("site") => "site",
        _ => "unknown type",
    };
    match parse_host_message(m.kind.as_deref(), read, &SITES[..]) {
        Ok(None) if kind.is_none() => Outcome::NotOurs,
        Ok(None) => Outcome::OurEcho,
        Ok(Some(HostMessage::SetLang(Lang::Zh))) => Outcome::Obeyed("lang zh"),
        Ok(Some(HostMessage::SetLang(Lang::En))) => Outcome::Obeyed("lang en"),
        Ok(Some(HostMessage::SetScheme(Scheme::Light))) => Outcome::Obeyed("theme light"),
        Ok(Some(HostMessage::SetScheme(Scheme::Dark))) => Outcome::Obeyed("theme dark"),
        Ok(Some(HostMessage::SetScheme(Scheme::Auto))) => Outcome::Obeyed("theme auto"),
        Ok(Some(HostMessage::SetSite(Some(_)))) => Outcome::Obeyed("a site"),
        Ok(Some(HostMessage::SetSite(None))) => Outcome::Obeyed("the overview"),
        Err(_) => Outcome::Refused(named(kind)),
    }
}

/// The strategy takes every branch of the host-message parser, each in at least 1 % of the
/// cases (20 times in the property's 2,000): a strategy that mostly sends unknown types would
/// pass the property while testing nothing.
#[test]
fn host_message_strategy_reaches_every_outcome() {
    use proptest::strategy::ValueTree;
    use std::collections::BTreeMap;
    let mut runner = proptest::test_runner::TestRunner::default();
    let strategy = message();
    let draws = 4000;
    let mut seen: BTreeMap<Outcome, usize> = BTreeMap::new();
    for _ in 0..draws {
        let m = strategy.new_tree(&mut runner).expect("a message").current();
        *seen.entry(outcome(&m)).or_default() += 1;
    }
    let every = [
        Outcome::NotOurs,
        Outcome::OurEcho,
        Outcome::Obeyed("lang zh"),
        Outcome::Obeyed("lang en"),
        Outcome::Obeyed("theme light"),
        Outcome::Obeyed("theme dark"),
        Outcome::Obeyed("theme auto"),
        Outcome::Obeyed("a site"),
        Outcome::Obeyed("the overview"),
        Outcome::Refused("lang"),
        Outcome::Refused("theme"),
        Outcome::Refused("site"),
        Outcome::Refused("unknown type"),
    ];
    for o in every {
        let n = seen.get(&o).copied().unwrap_or(0);
        assert!(n * 100 >= draws, "{o:?}: {n} of {draws} ({seen:?})");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Each message is obeyed exactly as its type and value say, ignored when it is not ours,
    /// and refused with a reason when it is ours but malformed.
    #[test]
    fn host_messages_are_obeyed_ignored_or_refused(m in message()) {
        let value = m.value.clone();
        let field = m.field.clone();
        let read = move |name: &str| (name == field).then(|| value.clone()).flatten();
        let outcome = parse_host_message(m.kind.as_deref(), read, &SITES[..]);
        let Some(kind) = m.kind.as_deref().and_then(|k| k.strip_prefix("imreform:")) else {
            prop_assert_eq!(outcome, Ok(None));
            return Ok(());
        };
        // The value the message carries in the field its type reads.
        let carried = |name: &str| (m.field == name).then(|| m.value.clone()).flatten();
        let lower = |v: &str| v.trim().to_ascii_lowercase();
        match kind {
            "lang" => match carried("lang").map(|v| lower(&v)) {
                Some(v) if v == "zh" || v.starts_with("zh-") || v.starts_with("zh_") => {
                    prop_assert_eq!(outcome, Ok(Some(HostMessage::SetLang(Lang::Zh))))
                }
                Some(v) if v == "en" || v.starts_with("en-") || v.starts_with("en_") => {
                    prop_assert_eq!(outcome, Ok(Some(HostMessage::SetLang(Lang::En))))
                }
                _ => prop_assert!(outcome.is_err()),
            },
            "theme" => match carried("theme").map(|v| lower(&v)).as_deref() {
                Some("light") => prop_assert_eq!(outcome, Ok(Some(HostMessage::SetScheme(Scheme::Light)))),
                Some("dark") => prop_assert_eq!(outcome, Ok(Some(HostMessage::SetScheme(Scheme::Dark)))),
                Some("auto") => prop_assert_eq!(outcome, Ok(Some(HostMessage::SetScheme(Scheme::Auto)))),
                _ => prop_assert!(outcome.is_err()),
            },
            "site" => match carried("site") {
                None => prop_assert_eq!(outcome, Ok(Some(HostMessage::SetSite(None)))),
                Some(site) if SITES.contains(&site.as_str()) => {
                    prop_assert_eq!(outcome, Ok(Some(HostMessage::SetSite(Some(site)))))
                }
                Some(_) => prop_assert!(outcome.is_err()),
            },
            "height" | "selected" => prop_assert_eq!(outcome, Ok(None)),
            _ => prop_assert!(outcome.is_err()),
        }
    }
}
