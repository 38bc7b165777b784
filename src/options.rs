//! The widget's options, read by one grammar from wherever they come: the page's address
//! (`?query` and `#fragment`) or markup the page's owner wrote (a script embed's `data-*`
//! attributes, the page's `<link rel=canonical>`). Pure parsing and formatting; unknown or
//! malformed values are reported as warnings and ignored, never errors.
//!
//! Who may set what is decided here, once ([`allowed`]): the fragment, which anyone who shares
//! a link writes, holds only what a reader may change (site and language); the query holds the
//! rest but the public address, which puts a QR code on screen and so comes from markup only.
//! `assets/options.js` is the same grammar for the page's classic scripts, and
//! `tests/fixtures/options.tsv` holds both readers to the same results and warnings.

use crate::content::Lang;
use crate::share::{self, UrlParser};

/// The reader's colour-scheme choice (the `theme` option).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

/// How the widget is presented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A page of its own.
    #[default]
    Full,
    /// Inside a news article (iframe or script embed): no page margins, reports its height.
    Embed,
    /// Full screen on an exhibition touch screen.
    Kiosk,
}

/// Where an option was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The address's `?query`: the iframe's `src`, or whatever a link says.
    Query,
    /// The address's `#fragment`: written by the widget and by anyone who shares a link.
    Fragment,
    /// The page owner's markup: `data-*` attributes, `<link rel=canonical>`.
    Markup,
}

/// The options the widget runs with. `None` fields were not given (or were invalid).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub site: Option<String>,
    pub lang: Option<Lang>,
    pub scheme: Option<Scheme>,
    pub mode: Option<Mode>,
    /// Stacked, narrow layout whatever the width.
    pub compact: Option<bool>,
    /// The embed's id in height messages (Datawrapper's and pym.js's formats carry one).
    pub embed_id: Option<String>,
    /// A content file on this site to show instead of the built-in one (the next part of the
    /// series, without a rebuild).
    pub content: Option<String>,
    /// Kiosk timings in seconds: `idle` (attract loop), `reset`, `step` (per attract slide).
    pub idle_s: Option<f64>,
    pub reset_s: Option<f64>,
    pub step_s: Option<f64>,
    /// Kiosk daily self-reload, `reload=HH:MM` local time.
    pub reload_at: Option<(u32, u32)>,
    /// The public address of the widget's page (`share`, `share::public_address`): the base
    /// of links to share and of a kiosk card's QR code.
    pub public_page: Option<String>,
    /// Kiosk: open the operator's visit counts (`?mode=kiosk&stats`).
    pub stats: Option<bool>,
    /// Things that were ignored, phrased for the console.
    pub warnings: Vec<String>,
}

/// Whether `key` may be set from `source`. Keys that are not options are not ours to judge.
pub fn allowed(key: &str, source: Source) -> Result<(), String> {
    match (source, key) {
        (Source::Markup, _) | (_, "site" | "lang") => Ok(()),
        (Source::Query, "share") => Err("ignored share in the address: the public address comes only from the page's markup (data-share or <link rel=canonical>)".to_owned()),
        (Source::Query, _) => Ok(()),
        (Source::Fragment, key) => Err(format!(
            "ignored {key} in the fragment: only site and lang may be set there"
        )),
    }
}

/// The option names, in the order a script embed's attributes are read.
pub const NAMES: [&str; 13] = [
    "lang", "site", "theme", "mode", "compact", "id", "content", "idle", "reset", "step", "reload",
    "share", "stats",
];

/// `value` without ASCII white space around it, ASCII letters in lower case (as
/// `assets/options.js` does: no Unicode case folding turns `\u{212A}iosk` into `kiosk`).
fn keyword(value: &str) -> String {
    value
        .trim_matches(|c: char| c.is_ascii_whitespace())
        .to_ascii_lowercase()
}

pub fn parse_lang(value: &str) -> Option<Lang> {
    match keyword(value).split(['-', '_']).next() {
        Some("zh") => Some(Lang::Zh),
        Some("en") => Some(Lang::En),
        _ => None,
    }
}

pub fn parse_scheme(value: &str) -> Option<Scheme> {
    match keyword(value).as_str() {
        "light" => Some(Scheme::Light),
        "dark" => Some(Scheme::Dark),
        "auto" => Some(Scheme::Auto),
        _ => None,
    }
}

/// Percent-decodes a URL component as `URLSearchParams` does: `+` is a space, malformed
/// escapes are kept as written, invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (escaped, bytes[i]) {
            (Some(byte), _) => {
                out.push(byte as u8);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, byte) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Longest value we look at; anything longer is not one of ours.
const MAX_VALUE: usize = 64;
/// Longest public address we look at (`share::public_address` holds it to a shorter link).
const MAX_ADDRESS: usize = 2048;

/// The `(source, key, value)` pairs of an address: `?query` then `#fragment` (leading `?`/`#`
/// optional); a fragment without `=` names a site (`#wuhai`).
pub fn address_pairs(query: &str, fragment: &str) -> Vec<(Source, String, String)> {
    let split = |text: &str, source: Source| -> Vec<(Source, String, String)> {
        text.split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (source, decode(key), decode(value))
            })
            .collect()
    };
    let fragment = fragment.trim_start_matches('#');
    let mut pairs = split(query.trim_start_matches('?'), Source::Query);
    if fragment.contains('=') {
        pairs.extend(split(fragment, Source::Fragment));
    } else if !fragment.is_empty() {
        pairs.push((Source::Fragment, "site".to_owned(), decode(fragment)));
    }
    pairs
}

impl Options {
    /// The options of an address alone (a page with no markup of the owner's to read).
    pub fn from_address(query: &str, fragment: &str) -> Options {
        Options::read(address_pairs(query, fragment), None)
    }

    /// Reads `pairs` in order (a later value wins). `parse_url` reads a public address
    /// (without one, none is taken). A site is only checked for the shape of an id here: which
    /// sites exist is the content's to say ([`Options::site_among`]).
    pub fn read(
        pairs: impl IntoIterator<Item = (Source, String, String)>,
        parse_url: Option<UrlParser>,
    ) -> Options {
        let mut options = Options::default();
        for (source, key, value) in pairs {
            if !NAMES.contains(&key.as_str()) {
                continue; // the host page's own parameters
            }
            if let Err(warning) = allowed(&key, source) {
                options.warnings.push(warning);
                continue;
            }
            let longest = if key == "share" {
                MAX_ADDRESS
            } else {
                MAX_VALUE
            };
            if value.chars().count() > longest {
                options.warnings.push(format!(
                    "ignored {key}: value longer than {longest} characters"
                ));
                continue;
            }
            let result = match key.as_str() {
                "site" => options.set_site(&value),
                "share" => options.set_public_page(&value, parse_url),
                _ => options.set(&key, &value),
            };
            if let Err(warning) = result {
                options.warnings.push(warning);
            }
        }
        options
    }

    /// Sets the option `key` (neither site nor share) from `value`, or says why not.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let refuse = |expected: &str| Err(format!("ignored {key}=\"{value}\": {expected}"));
        match key {
            "lang" => match parse_lang(value) {
                Some(lang) => self.lang = Some(lang),
                None => return refuse("expected zh or en"),
            },
            "theme" => match parse_scheme(value) {
                Some(theme) => self.scheme = Some(theme),
                None => return refuse("expected light, dark or auto"),
            },
            "mode" => match keyword(value).as_str() {
                "full" => self.mode = Some(Mode::Full),
                "embed" => self.mode = Some(Mode::Embed),
                "kiosk" => self.mode = Some(Mode::Kiosk),
                _ => return refuse("expected full, embed or kiosk"),
            },
            "compact" | "stats" => {
                let on = match keyword(value).as_str() {
                    "" | "1" | "true" | "yes" => true,
                    "0" | "false" | "no" => false,
                    _ => return refuse("expected true or false"),
                };
                *if key == "stats" {
                    &mut self.stats
                } else {
                    &mut self.compact
                } = Some(on);
            }
            "id" if is_embed_id(value) => self.embed_id = Some(value.to_owned()),
            "id" => return refuse("expected letters, digits, - or _"),
            "content" if is_local_json_path(value) => self.content = Some(value.to_owned()),
            "content" => return refuse("expected a path to a .json file on this site"),
            "idle" | "reset" | "step" => match crate::decimal::parse(value.trim()) {
                Some(seconds) if (0.02..=86_400.0).contains(&seconds) => {
                    *match key {
                        "idle" => &mut self.idle_s,
                        "reset" => &mut self.reset_s,
                        _ => &mut self.step_s,
                    } = Some(seconds);
                }
                _ => return refuse("expected seconds between 0.02 and 86400"),
            },
            "reload" => match parse_clock(value) {
                Some(at) => self.reload_at = Some(at),
                None => return refuse("expected a time such as 04:30"),
            },
            _ => {}
        }
        Ok(())
    }

    fn set_site(&mut self, value: &str) -> Result<(), String> {
        let id = keyword(value);
        if id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.site = (!id.is_empty()).then_some(id);
            Ok(())
        } else {
            Err(unknown_site(value))
        }
    }

    /// The site asked for if `known_sites` has it; else none, and the warning to log.
    pub fn site_among(&self, known_sites: &[&str]) -> (Option<String>, Option<String>) {
        match &self.site {
            Some(id) if !known_sites.contains(&id.as_str()) => (None, Some(unknown_site(id))),
            site => (site.clone(), None),
        }
    }

    fn set_public_page(&mut self, value: &str, parse_url: Option<UrlParser>) -> Result<(), String> {
        let parse_url = parse_url.ok_or("ignored share: no URL parser here")?;
        match share::public_address(value, parse_url, share::LONGEST_SITE_ID) {
            Ok(address) => self.public_page = Some(address),
            Err(why) => return Err(format!("ignored share=\"{value}\": {why}")),
        }
        Ok(())
    }
}

fn unknown_site(value: &str) -> String {
    format!("unknown site \"{value}\": showing the overview")
}

/// Letters, digits, `-` and `_`: an embed's name in messages.
fn is_embed_id(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `HH:MM`, a time of day.
fn parse_clock(value: &str) -> Option<(u32, u32)> {
    let (h, m) = value.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// A path on this site to a `.json` file: no scheme, no other host, no `..`.
fn is_local_json_path(value: &str) -> bool {
    value.ends_with(".json")
        && !value.starts_with("//")
        && !value.split('/').any(|part| part == "..")
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
}

/// The fragment for a state: `#wuhai`, `#site=wuhai&lang=en`, or empty for the overview in the
/// default language.
pub fn fragment(site: Option<&str>, lang: Lang, default_lang: Lang) -> String {
    match (site, lang == default_lang) {
        (None, true) => String::new(),
        (Some(site), true) => format!("#{site}"),
        (None, false) => format!("#lang={}", lang.key()),
        (Some(site), false) => format!("#site={site}&lang={}", lang.key()),
    }
}

/// The starting language: the address, then the browser's preferences, then Chinese.
pub fn initial_lang(from_address: Option<Lang>, browser: &[String]) -> Lang {
    from_address
        .or_else(|| browser.iter().find_map(|tag| parse_lang(tag)))
        .unwrap_or(Lang::Zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITES: [&str; 3] = ["baotou", "wuhai", "baotou-steel"];

    /// The address's options with the site checked against `SITES`, as the widget does.
    fn parse(query: &str, fragment: &str) -> Options {
        let mut options = Options::from_address(query, fragment);
        let (site, warning) = options.site_among(&SITES);
        options.site = site;
        options.warnings.extend(warning);
        options
    }

    fn markup(pairs: &[(&str, &str)]) -> Options {
        let pairs = pairs
            .iter()
            .map(|(k, v)| (Source::Markup, (*k).to_owned(), (*v).to_owned()));
        Options::read(pairs, Some(crate::share::whatwg))
    }

    /// What `options` holds for `option`, written as `tests/fixtures/options.tsv` writes it.
    fn written(options: &Options, option: &str) -> Option<String> {
        let text = |s: &str| Some(s.to_owned());
        match option {
            "lang" => options.lang.map(|l| l.key().to_owned()),
            "theme" => options
                .scheme
                .map(|s| format!("{s:?}").to_ascii_lowercase()),
            "mode" => options.mode.map(|m| format!("{m:?}").to_ascii_lowercase()),
            "compact" => options.compact.map(|c| c.to_string()),
            "stats" => options.stats.map(|c| c.to_string()),
            "id" => options.embed_id.as_deref().and_then(text),
            "site" => options.site.as_deref().and_then(text),
            "share" => options.public_page.as_deref().and_then(text),
            "content" => options.content.as_deref().and_then(text),
            "idle" => options.idle_s.map(|s| s.to_string()),
            "reload" => options.reload_at.map(|(h, m)| format!("{h:02}:{m:02}")),
            other => panic!("the table checks an unknown option {other}"),
        }
    }

    #[test]
    fn every_row_of_the_shared_options_table() {
        let table = include_str!("../tests/fixtures/options.tsv");
        let rows: Vec<&str> = table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .collect();
        assert!(rows.len() >= 60, "{} rows", rows.len());
        for row in rows {
            let [source, input, option, expected, warning] =
                row.split('\t').collect::<Vec<_>>()[..]
            else {
                panic!("a row has five columns: {row:?}")
            };
            let options = match source {
                "query" => Options::from_address(input, ""),
                "fragment" => Options::from_address("", input),
                "markup" => {
                    let (key, value) = input.split_once('=').expect("name=value");
                    let pair = (Source::Markup, key.to_owned(), value.to_owned());
                    Options::read([pair], Some(crate::share::whatwg))
                }
                other => panic!("unknown source {other}"),
            };
            let expected = (expected != "-").then(|| expected.to_owned());
            assert_eq!(written(&options, option), expected, "{row}");
            let warnings: Vec<&str> = (warning != "-").then_some(warning).into_iter().collect();
            assert_eq!(options.warnings, warnings, "{row}");
        }
    }

    #[test]
    fn a_bare_fragment_names_a_site() {
        assert_eq!(parse("", "#wuhai").site.as_deref(), Some("wuhai"));
        assert_eq!(
            parse("", "Baotou-Steel").site.as_deref(),
            Some("baotou-steel")
        );
    }

    #[test]
    fn key_value_fragments_and_queries() {
        let options = parse("?theme=dark", "#site=baotou&lang=en");
        assert_eq!(options.site.as_deref(), Some("baotou"));
        assert_eq!(options.lang, Some(Lang::En));
        assert_eq!(options.scheme, Some(Scheme::Dark));
        assert!(options.warnings.is_empty());
        assert_eq!(parse("lang=zh-CN", "").lang, Some(Lang::Zh));
        assert_eq!(
            parse("lang=zh", "lang=en").lang,
            Some(Lang::En),
            "fragment wins"
        );
    }

    #[test]
    fn the_fragment_holds_only_what_a_reader_may_change() {
        let options = parse(
            "",
            "#mode=kiosk&share=https://evil.example/&site=wuhai&theme=dark",
        );
        assert_eq!(options.site.as_deref(), Some("wuhai"));
        assert_eq!((options.mode, options.scheme), (None, None));
        assert_eq!(options.public_page, None);
        assert_eq!(
            options.warnings,
            [
                "ignored mode in the fragment: only site and lang may be set there",
                "ignored share in the fragment: only site and lang may be set there",
                "ignored theme in the fragment: only site and lang may be set there",
            ]
        );
        assert!(
            parse("", "#utm_source=x&site=wuhai").warnings.is_empty(),
            "not ours"
        );
    }

    #[test]
    fn the_public_address_comes_only_from_markup() {
        let options = parse("?mode=kiosk&share=https%3A%2F%2Fevil.example%2F", "#yili");
        assert_eq!(options.mode, Some(Mode::Kiosk));
        assert_eq!(options.public_page, None);
        assert!(options.warnings[0].starts_with("ignored share in the address"));
        let options = markup(&[
            ("mode", "kiosk"),
            ("share", "https://Example.org/imreform/#x"),
        ]);
        assert_eq!(
            options.public_page.as_deref(),
            Some("https://example.org/imreform/")
        );
        assert!(options.warnings.is_empty());
        let options = markup(&[("share", "https://0x7f.1/")]);
        assert_eq!(options.public_page, None);
        assert_eq!(
            options.warnings,
            ["ignored share=\"https://0x7f.1/\": expected an absolute http(s) address such as https://example.org/story/ (its host is a number, not a name)"]
        );
    }

    #[test]
    fn unknown_or_hostile_values_fall_back_with_a_warning() {
        for (query, fragment) in [
            ("", "#nowhere"),
            ("", "#<script>alert(1)</script>"),
            ("lang=fr", ""),
            ("theme=%3Cimg%20src%3Dx%3E", ""),
            ("", "#site=../../etc/passwd"),
            ("lang=%E4%B8%AD", "#%ZZ"),
        ] {
            let options = parse(query, fragment);
            assert_eq!(
                (options.site, options.lang, options.scheme),
                (None, None, None),
                "{query} {fragment}"
            );
            assert!(!options.warnings.is_empty(), "{query} {fragment}");
        }
        let long = "x".repeat(10_000);
        assert_eq!(parse(&format!("lang={long}"), "").warnings.len(), 1);
    }

    #[test]
    fn embed_options_from_query_or_data_attributes() {
        let options = parse("?mode=embed&compact&id=story-7&lang=en", "");
        assert_eq!(options.mode, Some(Mode::Embed));
        assert_eq!(options.compact, Some(true));
        assert_eq!(options.embed_id.as_deref(), Some("story-7"));
        let options = markup(&[
            ("mode", "kiosk"),
            ("site", "wuhai"),
            ("compact", "false"),
            ("id", "a b"),
        ]);
        assert_eq!(
            (options.mode, options.compact),
            (Some(Mode::Kiosk), Some(false))
        );
        assert_eq!(options.site.as_deref(), Some("wuhai"));
        assert_eq!(options.embed_id, None);
        assert_eq!(options.warnings.len(), 1, "{:?}", options.warnings);
        assert_eq!(parse("mode=popup", "").warnings.len(), 1);
    }

    #[test]
    fn content_overrides_must_be_json_files_on_this_site() {
        assert_eq!(
            parse("?content=part2.json", "").content.as_deref(),
            Some("part2.json")
        );
        assert_eq!(
            parse("?content=/data/part-2.json", "").content.as_deref(),
            Some("/data/part-2.json")
        );
        for hostile in [
            "https://evil.example/x.json",
            "//evil.example/x.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            "../../secrets.json",
            "part2.txt",
        ] {
            let options = parse(&format!("?content={hostile}"), "");
            assert_eq!(options.content, None, "{hostile}");
            assert_eq!(options.warnings.len(), 1, "{hostile}");
        }
    }

    #[test]
    fn kiosk_timings_and_reload_time() {
        let options = parse("?mode=kiosk&idle=1.5&reset=3&step=0.2&reload=04:30", "");
        assert_eq!(
            (options.idle_s, options.reset_s, options.step_s),
            (Some(1.5), Some(3.0), Some(0.2))
        );
        assert_eq!(options.reload_at, Some((4, 30)));
        let bad = parse("?idle=-1&reset=NaN&step=1e9&reload=25:00", "");
        assert_eq!(
            (bad.idle_s, bad.reset_s, bad.step_s, bad.reload_at),
            (None, None, None, None)
        );
        assert_eq!(bad.warnings.len(), 4);
    }

    #[test]
    fn fragments_round_trip() {
        for (site, lang) in [
            (None, Lang::Zh),
            (Some("wuhai"), Lang::Zh),
            (Some("baotou"), Lang::En),
            (None, Lang::En),
        ] {
            let written = fragment(site, lang, Lang::Zh);
            let options = parse("", &written);
            assert_eq!(options.site.as_deref(), site, "{written}");
            assert_eq!(options.lang.unwrap_or(Lang::Zh), lang, "{written}");
            assert!(options.warnings.is_empty(), "{written}");
        }
        assert_eq!(fragment(Some("wuhai"), Lang::Zh, Lang::Zh), "#wuhai");
        assert_eq!(
            fragment(Some("wuhai"), Lang::En, Lang::Zh),
            "#site=wuhai&lang=en"
        );
    }

    #[test]
    fn the_language_follows_address_then_browser_then_chinese() {
        let browser = vec!["de-DE".to_owned(), "en-GB".to_owned()];
        assert_eq!(initial_lang(Some(Lang::Zh), &browser), Lang::Zh);
        assert_eq!(initial_lang(None, &browser), Lang::En);
        assert_eq!(initial_lang(None, &["fr".to_owned()]), Lang::Zh);
        assert_eq!(initial_lang(None, &[]), Lang::Zh);
    }
}
