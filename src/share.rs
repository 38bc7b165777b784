//! "Take it home": the public link to one site's story in one language, read from the `share`
//! option, and the QR code a kiosk card shows for it (drawn as one SVG path by the card).
//! Pure: no `web-sys`, tested natively.
//!
//! The `share` option is the public address of the widget's page (or of a page that hands its
//! fragment on to the widget). It must be an absolute `http:` or `https:` address with a host
//! name (ASCII: an international name in punycode) and no user name or password; it is
//! normalised (scheme and host in lower case, an empty path written `/`, anything a URL may not
//! carry as it is percent-encoded as UTF-8) and its fragment is replaced by the widget's own,
//! `#site=ID&lang=LANG`, which `route::Route::parse` reads.

use crate::content::Lang;

/// The longest `share` value taken: a longer address makes a denser code, harder to scan
/// from a screen.
pub const MAX_LEN: usize = 200;

/// Modules of light margin on every side of the code, as the QR standard asks for.
pub const QUIET_ZONE: usize = 4;

/// The smallest width, in millimetres, a code on the screen may have.
pub const MIN_QR_MM: f64 = 30.0;

/// The `share` option as a normalised absolute address without a fragment, or why it was
/// refused (phrased for the console).
pub fn parse(value: &str) -> Result<String, String> {
    normalise(value.trim()).map_err(|why| {
        format!("expected an absolute http(s) address such as https://example.org/story/ ({why})")
    })
}

fn normalise(value: &str) -> Result<String, &'static str> {
    if value.len() > MAX_LEN {
        return Err("longer than 200 characters");
    }
    let lower = value.to_ascii_lowercase();
    let scheme = if lower.starts_with("https://") {
        "https"
    } else if lower.starts_with("http://") {
        "http"
    } else {
        return Err("it is not an http:// or https:// address");
    };
    let rest = &value[scheme.len() + 3..];
    let (authority, tail) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    if authority.contains('@') {
        return Err("it carries a user name or password");
    }
    let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
    let host_ok = host.trim_end_matches('.').split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !host_ok {
        return Err("no valid host name: letters, digits, hyphens and dots (an international name in punycode, xn--)");
    }
    let port_ok = port.is_empty()
        || (port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p)));
    if !port_ok {
        return Err("its port is not a number from 1 to 65535");
    }
    // The path and query, made safe to print (anything a URL may not carry as it is
    // percent-encoded); the fragment is the widget's.
    let path = escape(tail.split('#').next().unwrap_or_default());
    let slash = if path.starts_with('/') { "" } else { "/" };
    let colon = if port.is_empty() { "" } else { ":" };
    Ok(format!(
        "{scheme}://{}{colon}{port}{slash}{path}",
        host.to_ascii_lowercase()
    ))
}

/// `text` with every character a URL's path or query may not carry as it is percent-encoded
/// (as UTF-8), and a `%` that starts no escape written `%25`; escapes already there are kept.
fn escape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    for (i, &byte) in bytes.iter().enumerate() {
        let escape_follows = byte == b'%'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
        let keep = byte.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=:@/?".contains(&byte)
            || escape_follows;
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The link to `site` in `lang` on the page at `base` (a value `parse` returned): the widget
/// opens that site's card in that language (see `route::Route::parse`).
pub fn link(base: &str, site: &str, lang: Lang) -> String {
    format!(
        "{base}#site={}&lang={}",
        escape(site).replace('&', "%26"),
        lang.key()
    )
}

/// A QR code of a link, as `qrcodegen` made it.
pub struct Qr {
    code: qrcodegen::QrCode,
    /// Modules across, without the quiet zone.
    pub size: usize,
}

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
    diagonal_in * 25.4 / crate::fmath::hypot(f64::from(width), f64::from(height))
}

/// The fewest whole CSS pixels that are at least `mm` millimetres on such a screen.
pub fn px_for_mm(mm: f64, diagonal_in: f64, width: u32, height: u32) -> u32 {
    (mm / mm_per_px(diagonal_in, width, height)).ceil() as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::Route;

    const SITES: [&str; 3] = ["baotou", "wuhai", "alxa-hi-tech-zone"];

    #[test]
    fn absolute_http_addresses_are_taken_and_normalised() {
        for (given, kept) in [
            (
                "https://example.org/graphics/imreform/",
                "https://example.org/graphics/imreform/",
            ),
            ("HTTPS://Example.ORG", "https://example.org/"),
            ("http://example.org:80/a", "http://example.org:80/a"),
            (
                "https://example.org:8443/a?x=1",
                "https://example.org:8443/a?x=1",
            ),
            ("https://example.org/story#old", "https://example.org/story"),
            (
                "https://example.org?ref=kiosk",
                "https://example.org/?ref=kiosk",
            ),
            ("  https://example.org/a  ", "https://example.org/a"),
            (
                "https://example.org/新闻/a",
                "https://example.org/%E6%96%B0%E9%97%BB/a",
            ),
            (
                "https://example.org/a%20b/100%",
                "https://example.org/a%20b/100%25",
            ),
            (
                "https://example.org/\"<x>\"",
                "https://example.org/%22%3Cx%3E%22",
            ),
            (
                "https://example.org/a b\\c\nd",
                "https://example.org/a%20b%5Cc%0Ad",
            ),
            ("https://example.org.:8080", "https://example.org.:8080/"),
            ("https://xn--fiqs8s.example/", "https://xn--fiqs8s.example/"),
            (
                "https://192.168.0.10/imreform/",
                "https://192.168.0.10/imreform/",
            ),
        ] {
            assert_eq!(parse(given).as_deref(), Ok(kept), "{given}");
        }
    }

    #[test]
    fn anything_else_is_refused_with_the_reason() {
        for (given, reason) in [
            ("", "not an http:// or https://"),
            ("example.org/story", "not an http:// or https://"),
            ("/graphics/imreform/", "not an http:// or https://"),
            ("//example.org/", "not an http:// or https://"),
            ("javascript:alert(1)", "not an http:// or https://"),
            (
                "javascript://example.org/%0Aalert(1)",
                "not an http:// or https://",
            ),
            ("data://text/html,x", "not an http:// or https://"),
            ("ftp://example.org/", "not an http:// or https://"),
            ("https:example.org/", "not an http:// or https://"),
            ("https:\\\\example.org\\", "not an http:// or https://"),
            ("https://", "no valid host"),
            ("https:///path", "no valid host"),
            ("https://user:pw@example.org/", "user name or password"),
            ("https://example.org@evil.example/", "user name or password"),
            ("https://example.org%2F@x/", "user name or password"),
            ("https://exa mple.org/", "no valid host"),
            ("https://例子.中国/", "punycode"),
            ("https://exa_mple.org/", "no valid host"),
            ("https://-example.org/", "no valid host"),
            ("https://example..org/", "no valid host"),
            ("https://exa%6Dple.org/", "no valid host"),
            ("https://[::1]/", "no valid host"),
            ("https://example.org:0/", "port"),
            ("https://example.org:99999/", "port"),
            ("https://example.org:+80/", "port"),
            ("https://example.org:80:80/", "port"),
        ] {
            let refused = parse(given).expect_err(given);
            assert!(refused.contains(reason), "{given}: {refused}");
            assert!(
                refused.starts_with("expected an absolute http(s) address"),
                "{refused}"
            );
        }
        let long = format!("https://example.org/{}", "a".repeat(MAX_LEN));
        assert!(parse(&long).expect_err("long").contains("longer than 200"));
    }

    #[test]
    fn the_link_opens_the_site_in_the_language_through_the_widgets_own_router() {
        let base = parse("https://example.org/graphics/imreform/?ref=kiosk#top").expect("valid");
        for site in SITES {
            for lang in Lang::ALL {
                let link = link(&base, site, lang);
                assert_eq!(
                    link,
                    format!(
                        "https://example.org/graphics/imreform/?ref=kiosk#site={site}&lang={}",
                        lang.key()
                    )
                );
                let (address, fragment) = link.split_once('#').expect("fragment");
                let query = address.split_once('?').map_or("", |(_, q)| q);
                let route = Route::parse(query, fragment, &SITES);
                assert_eq!(route.site.as_deref(), Some(site), "{link}");
                assert_eq!(route.lang, Some(lang), "{link}");
                assert!(route.warnings.is_empty(), "{:?}", route.warnings);
            }
        }
        // The content's own site ids go in as they are: each is a slug, safe in a fragment.
        let content = crate::content::embedded().expect("content");
        for site in &content.sites {
            assert!(
                site.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                site.id
            );
        }
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
        let long = link(
            &parse(&format!("https://example.org/{}", "x".repeat(170))).unwrap(),
            "alxa-hi-tech-zone",
            Lang::En,
        );
        for text in [
            "https://example.org/graphics/imreform/#site=baotou&lang=zh",
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
        let base = parse(&format!("https://example.org/{}", "x".repeat(MAX_LEN - 20))).unwrap();
        let qr = Qr::encode(&link(&base, "alxa-hi-tech-zone", Lang::En)).expect("fits");
        // Version 11 or lower: at 160 px the modules are still more than 2 px wide.
        assert!(qr.side() <= 61 + 8, "{} modules", qr.side());
        assert!(160.0 / qr.side() as f64 > 2.0);
        let short = Qr::encode("https://example.org/imreform/#site=wuhai&lang=zh").unwrap();
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
