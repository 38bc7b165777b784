//! "Take it home": the public address of the widget's page, the link to one site's story in
//! one language on it, and the QR code a kiosk card shows for that link (drawn as one SVG path
//! by the card). Pure: no `web-sys`, tested natively.
//!
//! The public address comes only from markup the page's owner controls (a script embed's
//! `data-share`, the page's `<link rel=canonical>`; see `options`), never from the address bar.
//! It is parsed by a WHATWG URL parser, never by hand: the browser's `URL` in the widget, the
//! `url` crate in the native tests (`UrlParts` carries what either gives). [`public_address`]
//! then keeps only an absolute `http:` or `https:` address with a host name (no IPv4 or IPv6
//! literal, which no reader's phone should be sent to, no user name or password), short enough
//! that every link made from it stays a QR code a phone reads from a screen.

use std::fmt;

use crate::content::{Content, Lang, Site};

/// The longest link a QR code carries, in bytes after escaping: version 10 at level M at most
/// (57 modules), so a 160 px code has modules over 2 px wide.
pub const MAX_LINK: usize = 200;

/// The longest site id a link is made for (the content's ids are far shorter slugs).
pub const LONGEST_SITE_ID: usize = 32;

/// Modules of light margin on every side of the code, as the QR standard asks for.
pub const QUIET_ZONE: usize = 4;

/// The smallest width, in millimetres, a code on the screen may have.
pub const MIN_QR_MM: f64 = 30.0;

/// An absolute URL as a WHATWG URL parser serialises it (the names of the browser's `URL`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// The whole address, escaped and normalised.
    pub href: String,
    /// `"https:"`, with the colon.
    pub protocol: String,
    pub username: String,
    pub password: String,
    /// Lower-case ASCII (punycode); `[…]` for IPv6, dotted decimal for IPv4.
    pub hostname: String,
    /// `""` or `"#…"`.
    pub hash: String,
}

/// A WHATWG URL parser: `None` when the text is not an absolute URL.
pub type UrlParser = fn(&str) -> Option<UrlParts>;

/// Why a public address was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The URL parser did not take it as an absolute URL.
    NotAUrl,
    NotHttp,
    Credentials,
    /// An IPv4 or IPv6 literal (`https://0x7f.1/` is parsed as 127.0.0.1).
    NumericHost,
    /// Empty labels (`example.org..`) or characters a host name may not have.
    InvalidHost,
    /// Links made from it would be longer than [`MAX_LINK`] bytes.
    TooLong,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an absolute http(s) address such as https://example.org/story/ (")?;
        f.write_str(match self {
            Refused::NotAUrl => "it is not an absolute address",
            Refused::NotHttp => "it is not an http:// or https:// address",
            Refused::Credentials => "it carries a user name or password",
            Refused::NumericHost => "its host is a number, not a name",
            Refused::InvalidHost => "its host is not a valid name",
            Refused::TooLong => "links to it would be over 200 bytes, too dense a QR code",
        })?;
        f.write_str(")")
    }
}

/// The public address `value` as `parse_url` reads it, without its fragment (the widget writes
/// its own), or why it was refused. `longest_site` is the longest site id a link will carry.
pub fn public_address(
    value: &str,
    parse_url: UrlParser,
    longest_site: usize,
) -> Result<String, Refused> {
    let url = parse_url(value.trim()).ok_or(Refused::NotAUrl)?;
    if url.protocol != "https:" && url.protocol != "http:" {
        return Err(Refused::NotHttp);
    }
    if !url.username.is_empty() || !url.password.is_empty() {
        return Err(Refused::Credentials);
    }
    check_host(&url.hostname)?;
    let base = url
        .href
        .strip_suffix(url.hash.as_str())
        .unwrap_or(&url.href)
        .trim_end_matches('#');
    if link_len(base, longest_site) > MAX_LINK {
        return Err(Refused::TooLong);
    }
    Ok(base.to_owned())
}

/// A DNS name of letters, digits and hyphens (an international name arrives in punycode).
fn check_host(host: &str) -> Result<(), Refused> {
    let numeric = host.starts_with('[')
        || host
            .rsplit('.')
            .find(|label| !label.is_empty())
            .is_some_and(|last| last.bytes().all(|b| b.is_ascii_digit()));
    if numeric {
        return Err(Refused::NumericHost);
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if host.len() > 253 || !host.split('.').all(label_ok) {
        return Err(Refused::InvalidHost);
    }
    Ok(())
}

/// The longest `link(base, site, lang)` for a site id of `site_len` bytes (in English).
fn link_len(base: &str, site_len: usize) -> usize {
    folder(base).len() + site_len + ".en.html".len()
}

/// The link to `site` in `lang` beside the widget's page at `base` (an address
/// `public_address` returned, or the page's own): that site's own page, which the build writes
/// prerendered with its card open in that language (`page_file`; README, "A page per site").
/// Site ids are slugs (the content's validation), safe in a path as they are.
pub fn link(base: &str, site: &str, lang: Lang) -> String {
    format!("{}{site}{}.html", folder(base), suffix(lang))
}

/// The page of `site` (none: the overview) in `lang`, in the widget's folder: `wuhai.html` in
/// Chinese, `wuhai.en.html` in English (a site's id has no dot), `index.html` and
/// `index.en.html` for the overview. Beside `index.html`, so every relative link works alike
/// from each.
pub fn page_file(site: Option<&str>, lang: Lang) -> String {
    format!("{}{}.html", site.unwrap_or("index"), suffix(lang))
}

fn suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "",
        Lang::En => ".en",
    }
}

/// The title of the page of `site` (none: the overview) in `lang`: "Wuhai · Building a broad
/// framework for the reform · Building a high-quality workforce…". The built page carries it,
/// and the live widget on its own page shows it for what is shown.
pub fn page_title(content: &Content, site: Option<&Site>, lang: Lang) -> String {
    let article = content.article.title.get(lang);
    match site {
        Some(site) => format!(
            "{} · {} · {article}",
            site.name.get(lang),
            site.headline.get(lang)
        ),
        None => format!("{} · {article}", content.article.subject.get(lang)),
    }
}

/// The data of `site` (none: every figure) in `lang` as CSV, relative to the widget's folder.
pub fn data_path(site: Option<&str>, lang: Lang) -> String {
    data_link(None, site, lang)
}

/// [`data_path`] in the folder of the page at `base` (as a browser resolves a relative link);
/// relative without one.
pub fn data_link(base: Option<&str>, site: Option<&str>, lang: Lang) -> String {
    format!(
        "{}data/{}-{}.csv",
        base.map_or("", folder),
        site.unwrap_or("overview"),
        lang.key()
    )
}

/// The folder of the page at `base`: up to its last `/` before any query. (The addresses
/// given here have no fragment: `public_address` drops it, and a page's own is left out.)
fn folder(base: &str) -> &str {
    let base = base.split('?').next().unwrap_or(base);
    &base[..base.rfind('/').map_or(0, |slash| slash + 1)]
}

/// A QR code of a link, as `qrcodegen` made it (the kiosk build's: `kiosk` feature).
#[cfg(feature = "kiosk")]
pub struct Qr {
    code: qrcodegen::QrCode,
    /// Modules across, without the quiet zone.
    pub size: usize,
}

#[cfg(feature = "kiosk")]
impl Qr {
    /// The code for `text` (as bytes: a URL), at error-correction level M (15 % of it may be
    /// unreadable: a reflection on the glass, a smudge) or better where that fits the same
    /// size; `None` if the text is too long for any code.
    pub fn encode(text: &str) -> Option<Qr> {
        use qrcodegen::{QrCode, QrCodeEcc};
        let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
        let size = usize::try_from(code.size()).ok()?;
        Some(Qr { code, size })
    }

    /// Whether the module `x` across and `y` down is dark (outside the code: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.code.get_module(x as i32, y as i32)
    }

    /// Modules across with the quiet zone on both sides: the side of the SVG's viewBox.
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// The dark modules as one SVG path in module units, the quiet zone included (each row's
    /// runs of dark modules as rectangles: `M x y h n v1 h-n z`).
    pub fn path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            }
        }
        d
    }
}

/// Millimetres per CSS pixel on a screen `diagonal_in` inches across showing `width` by
/// `height` pixels (square pixels; a 55-inch 1920x1080 screen: 0.63 mm).
pub fn mm_per_px(diagonal_in: f64, width: u32, height: u32) -> f64 {
    diagonal_in * 25.4 / f64::from(width).hypot(f64::from(height))
}

/// The fewest whole CSS pixels that are at least `mm` millimetres on such a screen.
pub fn px_for_mm(mm: f64, diagonal_in: f64, width: u32, height: u32) -> u32 {
    (mm / mm_per_px(diagonal_in, width, height)).ceil() as u32
}

/// The WHATWG parser of the `url` crate, as the browser's `URL` would read `value` (tests).
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn whatwg(value: &str) -> Option<UrlParts> {
    let url = url::Url::parse(value).ok()?;
    Some(UrlParts {
        href: url.as_str().to_owned(),
        protocol: format!("{}:", url.scheme()),
        username: url.username().to_owned(),
        password: url.password().unwrap_or_default().to_owned(),
        hostname: url.host_str().unwrap_or_default().to_owned(),
        hash: url.fragment().map(|f| format!("#{f}")).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SITES: [&str; 3] = ["baotou", "wuhai", "alxa-hi-tech-zone"];
    const LONGEST: usize = LONGEST_SITE_ID;

    fn parse(value: &str) -> Result<String, Refused> {
        public_address(value, whatwg, LONGEST)
    }

    #[test]
    fn an_http_address_with_a_host_name_is_taken_as_the_whatwg_parser_writes_it() {
        for (given, kept) in [
            (
                "https://example.org/graphics/imreform/",
                "https://example.org/graphics/imreform/",
            ),
            ("HTTPS://Example.ORG", "https://example.org/"),
            ("http://example.org:80/a", "http://example.org/a"),
            (
                "https://example.org:8443/a?x=1",
                "https://example.org:8443/a?x=1",
            ),
            ("https://example.org/story#old", "https://example.org/story"),
            ("https://example.org/story#", "https://example.org/story"),
            (
                "https://example.org?ref=kiosk",
                "https://example.org/?ref=kiosk",
            ),
            ("  https://example.org/a  ", "https://example.org/a"),
            (
                "https://example.org/新闻/a",
                "https://example.org/%E6%96%B0%E9%97%BB/a",
            ),
            ("https://example.org/?q=a+b", "https://example.org/?q=a+b"),
            ("https://例子.中国/", "https://xn--fsqu00a.xn--fiqs8s/"),
            (
                "http://localhost:8080/imreform/",
                "http://localhost:8080/imreform/",
            ),
        ] {
            assert_eq!(parse(given).as_deref(), Ok(kept), "{given}");
        }
    }

    #[test]
    fn numeric_invalid_and_foreign_addresses_are_refused_with_the_reason() {
        for (given, reason) in [
            ("", Refused::NotAUrl),
            ("example.org/story", Refused::NotAUrl),
            ("/graphics/imreform/", Refused::NotAUrl),
            ("//example.org/", Refused::NotAUrl),
            ("https://256.256.256.256/", Refused::NotAUrl),
            ("https://exa mple.org/", Refused::NotAUrl),
            ("https://[::1/", Refused::NotAUrl),
            ("javascript:alert(1)", Refused::NotHttp),
            ("javascript://example.org/%0Aalert(1)", Refused::NotHttp),
            ("data:text/html,x", Refused::NotHttp),
            ("ftp://example.org/", Refused::NotHttp),
            ("https://user:pw@example.org/", Refused::Credentials),
            ("https://example.org@evil.example/", Refused::Credentials),
            ("https://0x7f.1/", Refused::NumericHost),
            ("https://2130706433/", Refused::NumericHost),
            ("https://127.0.0.1:8080/", Refused::NumericHost),
            ("https://192.168.0.10/imreform/", Refused::NumericHost),
            ("https://[::1]/", Refused::NumericHost),
            ("https://[2001:db8::1]:8443/x", Refused::NumericHost),
            ("https://example.org.../", Refused::InvalidHost),
            ("https://example..org/", Refused::InvalidHost),
            ("https://exa_mple.org/", Refused::InvalidHost),
            ("https://-example.org/", Refused::InvalidHost),
        ] {
            assert_eq!(parse(given), Err(reason), "{given}");
            assert!(reason
                .to_string()
                .starts_with("expected an absolute http(s) address"));
        }
    }

    #[test]
    fn the_refusal_names_the_limit_in_force() {
        assert!(Refused::TooLong
            .to_string()
            .contains(&format!("over {MAX_LINK} bytes")));
    }

    #[test]
    fn the_length_limit_holds_for_the_escaped_link() {
        // 60 CJK characters are 60 characters but 540 bytes once escaped.
        let cjk = format!("https://example.org/{}/", "新".repeat(60));
        assert!(cjk.chars().count() < MAX_LINK);
        assert_eq!(parse(&cjk), Err(Refused::TooLong));
        let room = MAX_LINK - link_len("https://example.org/", LONGEST);
        let longest = format!("https://example.org/{}/", "x".repeat(room - 1));
        let base = parse(&longest).expect("just fits");
        let longest_id = "x".repeat(LONGEST_SITE_ID);
        assert_eq!(link(&base, &longest_id, Lang::En).len(), MAX_LINK);
        let over = format!("https://example.org/{}/", "x".repeat(room));
        assert_eq!(parse(&over), Err(Refused::TooLong));
    }

    proptest! {
        /// Whatever the text, an accepted address is the WHATWG parser's own serialisation
        /// (without its fragment) of an http(s) URL with a named host, and its links fit.
        #[test]
        fn accepted_addresses_are_the_parsers_own(text in "(https?://)?[a-zA-Z0-9.:@\\[\\]/%?#_新 -]{0,80}") {
            if let Ok(base) = parse(&text) {
                let url = url::Url::parse(text.trim()).expect("the parser took it");
                prop_assert!(matches!(url.scheme(), "http" | "https"));
                prop_assert!(matches!(url.host(), Some(url::Host::Domain(_))));
                prop_assert_eq!(url.username(), "");
                let mut unfragmented = url.clone();
                unfragmented.set_fragment(None);
                prop_assert_eq!(base.as_str(), unfragmented.as_str());
                prop_assert!(link(&base, SITES[2], Lang::En).len() <= MAX_LINK);
            }
        }
    }

    #[test]
    fn the_link_is_the_sites_own_page_in_the_language_beside_the_widgets() {
        let base = parse("https://example.org/graphics/imreform/?ref=kiosk#top").expect("valid");
        for site in SITES {
            for lang in Lang::ALL {
                let link = link(&base, site, lang);
                let suffix = match lang {
                    Lang::Zh => "",
                    Lang::En => ".en",
                };
                assert_eq!(
                    link,
                    format!("https://example.org/graphics/imreform/{site}{suffix}.html")
                );
            }
        }
        // The content's own site ids go in as they are: each is a slug, safe in a fragment.
        let content = crate::content::embedded().expect("content");
        for site in &content.sites {
            assert!(site.id.len() <= LONGEST_SITE_ID, "{}", site.id);
            assert!(
                site.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                site.id
            );
        }
    }

    #[test]
    fn paths_resolve_in_the_folder_of_the_page_as_a_browser_does() {
        for (base, expected) in [
            (
                "https://example.org/imreform/",
                "https://example.org/imreform/data/x.csv",
            ),
            (
                "https://example.org/imreform/index.html",
                "https://example.org/imreform/data/x.csv",
            ),
            (
                "https://example.org/imreform/?a=b",
                "https://example.org/imreform/data/x.csv",
            ),
            (
                "http://127.0.0.1:8080/sub/",
                "http://127.0.0.1:8080/sub/data/x.csv",
            ),
        ] {
            assert_eq!(
                data_link(Some(base), Some("x"), Lang::Zh),
                expected.replace("x.csv", "x-zh.csv"),
                "{base}"
            );
            let joined = url::Url::parse(base).unwrap().join("data/x.csv").unwrap();
            assert_eq!(joined.as_str(), expected, "as the url crate resolves it");
        }
        assert_eq!(page_file(Some("wuhai"), Lang::Zh), "wuhai.html");
        assert_eq!(page_file(Some("wuhai"), Lang::En), "wuhai.en.html");
        assert_eq!(page_file(None, Lang::Zh), "index.html");
        assert_eq!(page_file(None, Lang::En), "index.en.html");
        assert_eq!(data_path(None, Lang::Zh), "data/overview-zh.csv");
        assert_eq!(data_path(Some("yili"), Lang::En), "data/yili-en.csv");
    }

    /// The path read back into modules: which (x, y) of the quiet-zoned square it paints.
    fn painted(path: &str, side: usize) -> Vec<bool> {
        let mut grid = vec![false; side * side];
        for run in path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.split_once('h').expect("h");
            let (x, y) = xy.split_once(' ').expect("x y");
            let (n, rest) = rest.split_once('v').expect("v");
            let (x, y, n): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), n.parse().unwrap());
            assert_eq!(rest, format!("1h-{n}z"));
            for i in x..x + n {
                assert!(!grid[y * side + i], "painted twice");
                grid[y * side + i] = true;
            }
        }
        grid
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules_inside_a_four_module_quiet_zone() {
        let room = MAX_LINK - link_len("https://example.org/", LONGEST);
        let long = link(
            &parse(&format!("https://example.org/{}/", "x".repeat(room - 1))).unwrap(),
            "alxa-hi-tech-zone",
            Lang::En,
        );
        for text in [
            "https://example.org/graphics/imreform/baotou.html",
            long.as_str(),
        ] {
            let qr = Qr::encode(text).expect("fits");
            assert_eq!(qr.size % 4, 1, "a QR code is 17 + 4n modules across");
            assert_eq!(qr.side(), qr.size + 8);
            let grid = painted(&qr.path(), qr.side());
            for y in 0..qr.side() {
                for x in 0..qr.side() {
                    let inside = (QUIET_ZONE..QUIET_ZONE + qr.size).contains(&x)
                        && (QUIET_ZONE..QUIET_ZONE + qr.size).contains(&y);
                    let expected = inside && qr.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                    assert_eq!(grid[y * qr.side() + x], expected, "({x}, {y})");
                }
            }
            // The three finder patterns, where a scanner looks for them (not mirrored).
            for (fx, fy) in [(0, 0), (qr.size - 7, 0), (0, qr.size - 7)] {
                for i in 0..7 {
                    assert!(
                        qr.is_dark(fx + i, fy) && qr.is_dark(fx, fy + i),
                        "finder at {fx},{fy}"
                    );
                }
                assert!(!qr.is_dark(fx + 1, fy + 1) && qr.is_dark(fx + 3, fy + 3));
            }
        }
    }

    #[test]
    fn every_link_the_longest_share_address_allows_fits_a_code_scannable_from_a_screen() {
        let room = MAX_LINK - link_len("https://example.org/", LONGEST);
        let base = parse(&format!(
            "https://example.org/{}/",
            "新".repeat((room - 1) / 9)
        ))
        .unwrap();
        let qr = Qr::encode(&link(&base, "alxa-hi-tech-zone", Lang::En)).expect("fits");
        // Version 10 or lower: at 160 px the modules are still more than 2 px wide.
        assert!(qr.side() <= 57 + 8, "{} modules", qr.side());
        assert!(160.0 / qr.side() as f64 > 2.0);
        let short = Qr::encode("https://example.org/imreform/wuhai.html").unwrap();
        assert!(
            short.size <= 33,
            "a typical link is a version 4 code or smaller"
        );
    }

    #[test]
    fn a_code_at_least_3_cm_wide_on_a_55_inch_1080p_screen() {
        let mm = mm_per_px(55.0, 1920, 1080);
        assert!((mm - 0.634).abs() < 0.001, "{mm}");
        assert_eq!(px_for_mm(MIN_QR_MM, 55.0, 1920, 1080), 48);
        assert_eq!(px_for_mm(MIN_QR_MM, 55.0, 1080, 1920), 48, "portrait alike");
        // On a 55-inch 4K screen pixels are half as wide.
        assert_eq!(px_for_mm(MIN_QR_MM, 55.0, 3840, 2160), 95);
    }
}
