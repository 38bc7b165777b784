//! What the page's address says: which site (`#baotou`, `#site=baotou&lang=en`) and options in
//! the query (`?lang=en&theme=dark`). Pure parsing and formatting; unknown or malformed values
//! are reported as warnings and ignored, never errors.

use crate::content::Lang;

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

/// What an address (or a script embed's data attributes) asks for. `None` fields were not
/// given (or were invalid).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Route {
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
    /// Kiosk: the public address of the page, normalised (`share::parse`), for the QR code
    /// on each site's card.
    pub share: Option<String>,
    /// Things that were ignored, phrased for the console.
    pub warnings: Vec<String>,
}

pub fn parse_lang(value: &str) -> Option<Lang> {
    let tag = value.trim().to_ascii_lowercase();
    match tag.split(['-', '_']).next() {
        Some("zh") => Some(Lang::Zh),
        Some("en") => Some(Lang::En),
        _ => None,
    }
}

pub fn parse_scheme(value: &str) -> Option<Scheme> {
    match value.trim().to_ascii_lowercase().as_str() {
        "light" => Some(Scheme::Light),
        "dark" => Some(Scheme::Dark),
        "auto" => Some(Scheme::Auto),
        _ => None,
    }
}

/// Percent-decodes a URL component (malformed escapes are kept as written).
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

impl Route {
    /// Parses `?query` and `#fragment` (either may be empty; leading `?`/`#` optional).
    /// `known_sites` decides which site ids are real.
    pub fn parse(query: &str, fragment: &str, known_sites: &[&str]) -> Route {
        let mut route = Route::default();
        let query = query.trim_start_matches('?');
        let fragment = fragment.trim_start_matches('#');
        let pairs = query.split('&').chain(if fragment.contains('=') {
            fragment.split('&').collect::<Vec<_>>()
        } else {
            Vec::new()
        });
        let decoded: Vec<(String, String)> = pairs
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key), decode(value))
            })
            .collect();
        route.apply_pairs(decoded, known_sites);
        if !fragment.is_empty() && !fragment.contains('=') {
            route.set_site(&decode(fragment), known_sites);
        }
        route.finish()
    }

    /// Options as key/value pairs: a script embed's `data-lang="en"` and so on.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (String, String)>,
        known_sites: &[&str],
    ) -> Route {
        let mut route = Route::default();
        route.apply_pairs(pairs, known_sites);
        route.finish()
    }

    /// Options that only mean something together.
    fn finish(mut self) -> Route {
        if self.share.is_some() && self.mode != Some(Mode::Kiosk) {
            self.share = None;
            self.warnings
                .push("ignored share: only mode=kiosk shows QR codes".to_owned());
        }
        self
    }

    fn apply_pairs(
        &mut self,
        pairs: impl IntoIterator<Item = (String, String)>,
        known_sites: &[&str],
    ) {
        let route = self;
        for (key, value) in pairs {
            // An address is longer than the other values; `share::parse` holds it to its own
            // limit.
            let longest = if key == "share" {
                crate::share::MAX_LEN
            } else {
                MAX_VALUE
            };
            if value.chars().count() > longest {
                route.warnings.push(format!(
                    "ignored {key}: value longer than {longest} characters"
                ));
                continue;
            }
            match key.as_str() {
                "lang" => match parse_lang(&value) {
                    Some(lang) => route.lang = Some(lang),
                    None => route
                        .warnings
                        .push(format!("ignored lang=\"{value}\": expected zh or en")),
                },
                "theme" => match parse_scheme(&value) {
                    Some(theme) => route.scheme = Some(theme),
                    None => route.warnings.push(format!(
                        "ignored theme=\"{value}\": expected light, dark or auto"
                    )),
                },
                "site" => route.set_site(&value, known_sites),
                "mode" => match value.trim().to_ascii_lowercase().as_str() {
                    "full" => route.mode = Some(Mode::Full),
                    "embed" => route.mode = Some(Mode::Embed),
                    "kiosk" => route.mode = Some(Mode::Kiosk),
                    _ => route.warnings.push(format!(
                        "ignored mode=\"{value}\": expected full, embed or kiosk"
                    )),
                },
                "compact" => match value.trim() {
                    "" | "1" | "true" | "yes" => route.compact = Some(true),
                    "0" | "false" | "no" => route.compact = Some(false),
                    _ => route.warnings.push(format!(
                        "ignored compact=\"{value}\": expected true or false"
                    )),
                },
                "id" => {
                    let ok = !value.is_empty()
                        && value
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    if ok {
                        route.embed_id = Some(value);
                    } else {
                        route.warnings.push(format!(
                            "ignored id=\"{value}\": expected letters, digits, - or _"
                        ));
                    }
                }
                "content" => {
                    if is_local_json_path(&value) {
                        route.content = Some(value);
                    } else {
                        route.warnings.push(format!(
                            "ignored content=\"{value}\": expected a path to a .json file on this site"
                        ));
                    }
                }
                "idle" | "reset" | "step" => match crate::decimal::parse(value.trim()) {
                    Some(seconds) if (0.02..=86_400.0).contains(&seconds) => {
                        let slot = match key.as_str() {
                            "idle" => &mut route.idle_s,
                            "reset" => &mut route.reset_s,
                            _ => &mut route.step_s,
                        };
                        *slot = Some(seconds);
                    }
                    _ => route.warnings.push(format!(
                        "ignored {key}=\"{value}\": expected seconds between 0.02 and 86400"
                    )),
                },
                "reload" => match value.split_once(':').and_then(|(h, m)| {
                    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
                    (h < 24 && m < 60).then_some((h, m))
                }) {
                    Some(at) => route.reload_at = Some(at),
                    None => route.warnings.push(format!(
                        "ignored reload=\"{value}\": expected a time such as 04:30"
                    )),
                },
                "share" => match crate::share::parse(&value) {
                    Ok(base) => route.share = Some(base),
                    Err(why) => route
                        .warnings
                        .push(format!("ignored share=\"{value}\": {why}")),
                },
                // Other parameters belong to the host page or to other options.
                _ => {}
            }
        }
    }

    fn set_site(&mut self, value: &str, known_sites: &[&str]) {
        let id = value.trim().to_ascii_lowercase();
        if known_sites.contains(&id.as_str()) {
            self.site = Some(id);
        } else if !id.is_empty() {
            self.warnings
                .push(format!("unknown site \"{value}\": showing the overview"));
        }
    }
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

/// A link to one site in one language, for sharing: the widget's page (`page`, any query or
/// fragment of it dropped, so an embed's `mode` or `id` does not travel) with
/// `#site=…&lang=…`, which opens that site in that language whatever the recipient's browser
/// speaks.
pub fn share_link(page: &str, site: &str, lang: Lang) -> String {
    let end = page.find(['?', '#']).unwrap_or(page.len());
    crate::share::link(&page[..end], site, lang)
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

    fn parse(query: &str, fragment: &str) -> Route {
        Route::parse(query, fragment, &SITES)
    }

    #[test]
    fn a_shared_link_opens_its_site_in_its_language() {
        let link = share_link(
            "https://example.org/graphics/imreform/index.html?mode=embed&id=x#wuhai",
            "baotou-steel",
            Lang::En,
        );
        assert_eq!(
            link,
            "https://example.org/graphics/imreform/index.html#site=baotou-steel&lang=en"
        );
        let (_, fragment) = link.split_once('#').expect("a fragment");
        let route = parse("", fragment);
        assert_eq!(route.site.as_deref(), Some("baotou-steel"));
        assert_eq!(route.lang, Some(Lang::En));
        assert_eq!(
            share_link("https://example.org/g/", "wuhai", Lang::Zh),
            "https://example.org/g/#site=wuhai&lang=zh"
        );
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
        let route = parse("?theme=dark", "#site=baotou&lang=en");
        assert_eq!(route.site.as_deref(), Some("baotou"));
        assert_eq!(route.lang, Some(Lang::En));
        assert_eq!(route.scheme, Some(Scheme::Dark));
        assert!(route.warnings.is_empty());
        assert_eq!(parse("lang=zh-CN", "").lang, Some(Lang::Zh));
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
            let route = parse(query, fragment);
            assert_eq!(
                (route.site, route.lang, route.scheme),
                (None, None, None),
                "{query} {fragment}"
            );
            assert!(!route.warnings.is_empty(), "{query} {fragment}");
        }
        let long = "x".repeat(10_000);
        assert_eq!(parse(&format!("lang={long}"), "").warnings.len(), 1);
    }

    #[test]
    fn embed_options_from_query_or_data_attributes() {
        let route = parse("?mode=embed&compact&id=story-7&lang=en", "");
        assert_eq!(route.mode, Some(Mode::Embed));
        assert_eq!(route.compact, Some(true));
        assert_eq!(route.embed_id.as_deref(), Some("story-7"));
        let attrs = [
            ("mode", "kiosk"),
            ("site", "wuhai"),
            ("compact", "false"),
            ("id", "a b"),
        ];
        let route = Route::from_pairs(attrs.map(|(k, v)| (k.to_owned(), v.to_owned())), &SITES);
        assert_eq!(
            (route.mode, route.compact),
            (Some(Mode::Kiosk), Some(false))
        );
        assert_eq!(route.site.as_deref(), Some("wuhai"));
        assert_eq!(route.embed_id, None);
        assert_eq!(route.warnings.len(), 1, "{:?}", route.warnings);
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
            let route = parse(&format!("?content={hostile}"), "");
            assert_eq!(route.content, None, "{hostile}");
            assert_eq!(route.warnings.len(), 1, "{hostile}");
        }
    }

    #[test]
    fn kiosk_timings_and_reload_time() {
        let route = parse("?mode=kiosk&idle=1.5&reset=3&step=0.2&reload=04:30", "");
        assert_eq!(
            (route.idle_s, route.reset_s, route.step_s),
            (Some(1.5), Some(3.0), Some(0.2))
        );
        assert_eq!(route.reload_at, Some((4, 30)));
        let bad = parse("?idle=-1&reset=NaN&step=1e9&reload=25:00", "");
        assert_eq!(
            (bad.idle_s, bad.reset_s, bad.step_s, bad.reload_at),
            (None, None, None, None)
        );
        assert_eq!(bad.warnings.len(), 4);
    }

    #[test]
    fn the_share_address_is_an_absolute_http_address_or_ignored_with_a_warning() {
        let route = parse(
            "?mode=kiosk&share=https%3A%2F%2FExample.org%2Fgraphics%2Fimreform%2F%3Fref%3Dkiosk",
            "",
        );
        assert_eq!(
            route.share.as_deref(),
            Some("https://example.org/graphics/imreform/?ref=kiosk")
        );
        assert!(route.warnings.is_empty());
        // Unencoded, as an operator may type it (a query of its own must be encoded).
        let route = parse("?share=https://example.org/imreform/&mode=kiosk", "");
        assert_eq!(
            route.share.as_deref(),
            Some("https://example.org/imreform/")
        );
        assert_eq!(route.mode, Some(Mode::Kiosk));
        let long = format!("https://example.org/{}", "a".repeat(150));
        assert_eq!(
            parse(&format!("?mode=kiosk&share={long}"), "")
                .share
                .as_deref(),
            Some(long.as_str()),
            "longer than other values"
        );
        for hostile in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "/graphics/imreform/",
            "https://user@example.org/",
            "https://exa mple.org/",
        ] {
            let route = Route::from_pairs([("share".to_owned(), hostile.to_owned())], &SITES);
            assert_eq!(route.share, None, "{hostile}");
            assert_eq!(route.warnings.len(), 1, "{hostile}");
            assert!(
                route.warnings[0].starts_with("ignored share=")
                    && route.warnings[0].contains("expected an absolute http(s) address"),
                "{:?}",
                route.warnings
            );
        }
        let too_long = format!("https://example.org/{}", "a".repeat(300));
        let route = parse(&format!("?share={too_long}&lang=en"), "");
        assert_eq!((route.share, route.lang), (None, Some(Lang::En)));
        assert_eq!(
            route.warnings,
            ["ignored share: value longer than 200 characters"]
        );
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
            let route = parse("", &written);
            assert_eq!(route.site.as_deref(), site, "{written}");
            assert_eq!(route.lang.unwrap_or(Lang::Zh), lang, "{written}");
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
