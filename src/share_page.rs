//! A page per site and language for the newsroom (issue 27): the widget prerendered with that
//! site's card open, under its own address beside `index.html` (`share::page_file`:
//! `wuhai.html`, `wuhai.en.html`, and `index.en.html` for the English overview), with the tags
//! a chat app or a social network reads to unfurl a link (title, description, Open Graph,
//! Twitter card), and the share picture those tags name, as SVG for `tools/pages` to
//! rasterise. Pure text in, text out; native only (the wasm never carries it).

use std::fmt::Write as _;

use crate::content::{Content, Figure, Lang, Role, Site};
use crate::geo::MapAsset;
use crate::share;

/// The share picture's size, in pixels: what Facebook, X and LinkedIn ask for (1.91:1).
pub const PICTURE_WIDTH: u32 = 1200;
pub const PICTURE_HEIGHT: u32 = 630;
/// The font the picture is set in (Debian's `fonts-noto-cjk`); `crate::text` measures it.
pub const PICTURE_FONT: &str = "Noto Sans CJK SC";

/// One page: a site (none: the overview) in a language.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    pub site: Option<&'a Site>,
    pub lang: Lang,
}

impl Page<'_> {
    /// The page's file in the widget's folder (`wuhai.en.html`).
    pub fn file(&self) -> String {
        share::page_file(self.site.map(|s| s.id.as_str()), self.lang)
    }

    /// The share picture's path in the widget's folder.
    pub fn picture_path(&self) -> String {
        let name = self.site.map_or("overview", |s| s.id.as_str());
        format!("share/{name}-{}.png", self.lang.key())
    }

    /// The page's title (`share::page_title`).
    pub fn title(&self, content: &Content) -> String {
        share::page_title(content, self.site, self.lang)
    }

    /// The card's summary, cut at a sentence end ([`shorten`]).
    pub fn description(&self, content: &Content) -> String {
        let summary = match self.site {
            Some(site) => site.summary.get(self.lang),
            None => content.overview.summary.get(self.lang),
        };
        shorten(summary, description_chars(self.lang))
    }
}

/// How long a description may be: what search results and link previews show before cutting
/// (about 160 characters of English, half as many of Chinese, each twice as wide).
pub fn description_chars(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 80,
        Lang::En => 160,
    }
}

/// `text` cut to at most `max_chars` characters at the end of a sentence; if even the first
/// sentence is longer, at the last clause or word break that fits, with `…`.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let ends = sentence_ends(text);
    if let Some(&end) = ends
        .iter()
        .rev()
        .find(|&&end| text[..end].chars().count() <= max_chars)
    {
        return text[..end].trim_end().to_owned();
    }
    // Room for the ellipsis.
    let limit = text
        .char_indices()
        .nth(max_chars.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..limit];
    let cut = head
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '，' | '；' | '、' | ',' | ';'))
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    format!("{}…", head[..cut].trim_end())
}

/// Byte offsets just after each sentence's end: `。！？` (Chinese), or `.!?` followed by white
/// space and a capital or a digit (English: not "e.g. the"), each with its closing quotes.
fn sentence_ends(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let wide = matches!(c, '。' | '！' | '？');
        if wide || matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '”' | '’' | '」' | '）' | ')' | '"' | '\'')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(at, _)| at);
            let next = chars[j..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            let spaced = chars.get(j).is_none_or(|&(_, c)| c.is_whitespace());
            let starts_sentence = next
                .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || crate::text::is_cjk(c));
            if wide || (spaced && starts_sentence) {
                ends.push(end);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    ends
}

/// Text for an attribute value in double quotes, or for element content.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The tags of `page`: title, description, Open Graph and Twitter card. Its own address
/// (`og:url`) and its picture's (`og:image`) are relative to the page here; the publisher's
/// public address, when set, makes them absolute and adds the canonical link
/// (`scripts/public-url.mjs`, run after the pages are written: README, "A page per site").
pub fn head_tags(content: &Content, page: Page<'_>) -> String {
    let (title, description) = (
        escape(&page.title(content)),
        escape(&page.description(content)),
    );
    let locale = match page.lang {
        Lang::Zh => "zh_CN",
        Lang::En => "en_GB",
    };
    let (image, url) = (escape(&page.picture_path()), escape(&page.file()));
    format!(
        "<title>{title}</title>\
         <meta name=\"description\" content=\"{description}\">\
         <meta property=\"og:type\" content=\"article\">\
         <meta property=\"og:title\" content=\"{title}\">\
         <meta property=\"og:description\" content=\"{description}\">\
         <meta property=\"og:image\" content=\"{image}\">\
         <meta property=\"og:image:width\" content=\"{PICTURE_WIDTH}\">\
         <meta property=\"og:image:height\" content=\"{PICTURE_HEIGHT}\">\
         <meta property=\"og:image:alt\" content=\"{title}\">\
         <meta property=\"og:url\" content=\"{url}\">\
         <meta property=\"og:locale\" content=\"{locale}\">\
         <meta name=\"twitter:card\" content=\"summary_large_image\">"
    )
}

/// Why a page could not be made from the built `index.html`.
#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    /// The built page has no `<body>` (or no `<title>`): not the widget's `index.html`.
    NotTheWidget(&'static str),
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NotTheWidget(what) => write!(f, "the built index.html has no {what}"),
        }
    }
}

/// The head of the built `index.html` (Trunk's, with the hashed names, which a page beside it
/// reaches alike), without its title and canonical link.
fn built_head(index_html: &str) -> Result<String, PageError> {
    let body = index_html
        .find("<body")
        .ok_or(PageError::NotTheWidget("<body>"))?;
    let head = &index_html[..body];
    let title_at = head
        .find("<title>")
        .ok_or(PageError::NotTheWidget("<title>"))?;
    let title_end = head[title_at..]
        .find("</title>")
        .ok_or(PageError::NotTheWidget("</title>"))?
        + title_at
        + "</title>".len();
    let mut head = format!("{}{}", &head[..title_at], &head[title_end..]);
    while let Some(at) = head
        .find("<link rel=canonical")
        .or_else(|| head.find("<link rel=\"canonical\""))
    {
        let end = head[at..].find('>').map_or(head.len(), |e| at + e + 1);
        head.replace_range(at..end, "");
    }
    Ok(head)
}

/// The page of `page`, made from the built `index.html` (its head names the hashed files) and
/// the prerendered widget `widget` (`prerender::section_for`) with that card open.
pub fn page_html(
    index_html: &str,
    content: &Content,
    page: Page<'_>,
    widget: &str,
) -> Result<String, PageError> {
    let head = built_head(index_html)?;
    // The built <html> start tag, whatever the minifier made of it, gives way to this page's.
    let head = match (
        head.find("<html"),
        head.find("<html")
            .and_then(|at| head[at..].find('>').map(|e| at + e + 1)),
    ) {
        (Some(at), Some(end)) => format!("{}{}", &head[..at], &head[end..]),
        _ => head,
    };
    let head = head.replace("</head>", "");
    let (doctype, head) = head.split_at(head.find('>').map_or(0, |i| i + 1));
    let (lang, tag) = (page.lang.key(), page.lang.tag());
    // The page's site and language as a fragment: assets/lang.js makes it the address's
    // when the address has none, and the widget opens what it says.
    let mark = match page.site {
        Some(site) => escape(&format!("#site={}&lang={lang}", site.id)),
        None => escape(&format!("#lang={lang}")),
    };
    Ok(format!(
        "{doctype}<html lang=\"{tag}\" data-lang=\"{lang}\" data-page=\"{mark}\">{head}{}</head><body><div id=\"imreform\">{widget}</div></body></html>\n",
        head_tags(content, page)
    ))
}

/// The built `index.html` (the Chinese overview) with the overview's tags added to its head.
pub fn index_with_tags(index_html: &str, content: &Content) -> Result<String, PageError> {
    let page = Page {
        site: None,
        lang: Lang::Zh,
    };
    let title_at = index_html
        .find("<title>")
        .ok_or(PageError::NotTheWidget("<title>"))?;
    let title_end = index_html[title_at..]
        .find("</title>")
        .ok_or(PageError::NotTheWidget("</title>"))?
        + title_at
        + "</title>".len();
    // The title stays: it names the widget in both languages.
    let tags = head_tags(content, page);
    let tags = tags
        .split_once("</title>")
        .map_or(tags.as_str(), |(_, rest)| rest);
    Ok(format!(
        "{}{tags}{}",
        &index_html[..title_end],
        &index_html[title_end..]
    ))
}

/// The figure a picture shows: the site's first result (its first figure if it has none).
pub fn key_figure(figures: &[Figure]) -> Option<&Figure> {
    figures
        .iter()
        .find(|f| f.role == Role::Result)
        .or(figures.first())
}

/// The share picture of `page` as SVG, `PICTURE_WIDTH` by `PICTURE_HEIGHT`: the map of the
/// region drawn from the widget's own boundary asset with every site's point and this one's
/// marked, its name, headline and most important figure, and the source; text set in
/// `PICTURE_FONT` and wrapped by `crate::text` (which measures that font).
pub fn picture_svg(content: &Content, asset: &MapAsset, page: Page<'_>) -> String {
    let lang = page.lang;
    let (w, h) = (f64::from(PICTURE_WIDTH), f64::from(PICTURE_HEIGHT));
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{PICTURE_FONT}\">\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#f6f3ec\"/>\
         <rect width=\"{w}\" height=\"12\" fill=\"#b3261e\"/>"
    );
    // The map on the right, fitted into its box.
    let (bx, by, bw, bh) = (600.0, 50.0, 560.0, 500.0);
    let scale = (bw / f64::from(asset.width)).min(bh / f64::from(asset.height));
    let (ox, oy) = (
        bx + (bw - f64::from(asset.width) * scale) / 2.0,
        by + (bh - f64::from(asset.height) * scale) / 2.0,
    );
    let _ = write!(svg, "<g transform=\"translate({ox:.1} {oy:.1}) scale({scale:.6})\" fill=\"#e2dccd\" stroke=\"#ffffff\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\">", 1.5 / scale);
    for region in &asset.regions {
        let _ = write!(svg, "<path d=\"{}\"/>", asset.region_path(region));
    }
    svg.push_str("</g>");
    let point = |site: &Site| {
        let (x, y) = asset.locate(site.location.lon, site.location.lat);
        (ox + x * scale, oy + y * scale)
    };
    for site in content.sites_in_order() {
        let (x, y) = point(site);
        let chosen = page.site.is_some_and(|s| s.id == site.id);
        if !chosen {
            let r = if page.site.is_some() { 6.0 } else { 14.0 };
            let _ = write!(svg, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"#5b5b5b\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
            if page.site.is_none() {
                let _ = write!(svg, "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"16\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">{}</text>", y + 5.5, site.number);
            }
        }
    }
    if let Some(site) = page.site {
        let (x, y) = point(site);
        let _ = write!(
            svg,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"24\" fill=\"#b3261e\" stroke=\"#ffffff\" stroke-width=\"4\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"26\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">{}</text>",
            y + 9.0,
            site.number
        );
    }
    // The words on the left.
    let mut y = 90.0;
    let kicker = content.article.subject.get(lang);
    text_block(&mut svg, &mut y, kicker, 20.0, 400, "#6b6258", 2, 1.35);
    y += 40.0;
    let (name, headline, figures, name_px) = match page.site {
        Some(site) => (
            site.name.get(lang),
            site.headline.get(lang),
            &site.figures,
            54.0,
        ),
        None => (
            content.article.title.get(lang),
            "",
            &content.overview.figures,
            40.0,
        ),
    };
    text_block(&mut svg, &mut y, name, name_px, 700, "#1f1b16", 3, 1.2);
    if !headline.is_empty() {
        y += 4.0;
        text_block(&mut svg, &mut y, headline, 30.0, 400, "#1f1b16", 3, 1.3);
    }
    if let Some(figure) = key_figure(figures) {
        y = y.max(360.0) + 40.0;
        text_block(
            &mut svg,
            &mut y,
            &figure.display(lang),
            60.0,
            700,
            "#b3261e",
            1,
            1.15,
        );
        text_block(
            &mut svg,
            &mut y,
            figure.label.get(lang),
            26.0,
            400,
            "#1f1b16",
            2,
            1.3,
        );
    }
    let title = content.article.title.get(lang);
    let credit = match lang {
        Lang::Zh => format!("来源：《{title}》"),
        Lang::En => format!("Source: \"{title}\""),
    };
    let _ = write!(
        svg,
        "<text x=\"{TEXT_LEFT}\" y=\"{:.1}\" font-size=\"18\" fill=\"#6b6258\">{}</text>",
        h - 36.0,
        escape(&credit)
    );
    svg.push_str("</svg>");
    svg
}

/// Where the picture's words start, and how wide they may run, in pixels.
const TEXT_LEFT: f64 = 60.0;
const TEXT_WIDTH: f64 = 520.0;

/// `words` in lines of at most `TEXT_WIDTH` from `y` down (which it moves past them): at most
/// `max_lines`, the last with `…` when more would follow.
#[allow(clippy::too_many_arguments)]
fn text_block(
    svg: &mut String,
    y: &mut f64,
    words: &str,
    px: f64,
    weight: u32,
    fill: &str,
    max_lines: usize,
    leading: f64,
) {
    // crate::text measures the regular weight; the bold is about 6 % wider.
    let width = if weight >= 700 {
        TEXT_WIDTH * 0.94
    } else {
        TEXT_WIDTH
    };
    let lines = crate::text::wrap(words, px, width);
    let shown = lines.len().min(max_lines);
    for (i, line) in lines.iter().take(shown).enumerate() {
        let line = if i + 1 == shown && lines.len() > shown {
            format!("{}…", line.trim_end_matches(['，', ',', '。']))
        } else {
            line.clone()
        };
        let _ = write!(svg, "<text x=\"{TEXT_LEFT}\" y=\"{:.1}\" font-size=\"{px}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>", *y, escape(&line));
        *y += px * leading;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    mod shorten {
        use super::*;

        #[test]
        fn a_short_text_stays_whole() {
            assert_eq!(shorten("One. Two.", 160), "One. Two.");
        }

        #[test]
        fn it_cuts_after_the_last_sentence_that_fits() {
            let text = "Wuhai pools strength. It trains workers, certifies their skills and builds studios.";
            assert_eq!(shorten(text, 40), "Wuhai pools strength.");
            let zh = "乌海市总工会坚持工作模式。乌海市实行包联，推广校企合作。强化党建。";
            assert_eq!(shorten(zh, 20), "乌海市总工会坚持工作模式。");
            assert_eq!(
                shorten("他说：“好。”然后走了。再见。", 12),
                "他说：“好。”然后走了。"
            );
        }

        #[test]
        fn abbreviations_and_decimals_are_not_sentence_ends() {
            let text = "It paid 13.28 million yuan, e.g. for aid to workers in need. More followed later on.";
            assert_eq!(
                shorten(text, 70),
                "It paid 13.28 million yuan, e.g. for aid to workers in need."
            );
        }

        #[test]
        fn a_first_sentence_too_long_is_cut_at_a_word_with_an_ellipsis() {
            let text = "The Wuhai Federation of Trade Unions follows a way of working that pools strength.";
            let short = shorten(text, 30);
            assert_eq!(short, "The Wuhai Federation of…");
            assert!(short.chars().count() <= 30);
        }
    }

    proptest! {
        /// Whatever the text: never longer than asked, never empty for a non-empty text, and
        /// either a whole prefix of sentences or a prefix with an ellipsis.
        #[test]
        fn shortening_keeps_a_prefix_within_the_limit(text in "[a-zA-Z新。，. ]{1,200}", max in 2usize..120) {
            let short = shorten(&text, max);
            prop_assert!(short.chars().count() <= max, "{short:?}");
            let trimmed = text.trim();
            if !trimmed.is_empty() {
                prop_assert!(!short.is_empty());
            }
            let stem = short.strip_suffix('…').unwrap_or(&short);
            prop_assert!(trimmed.starts_with(stem), "{short:?} of {trimmed:?}");
        }
    }

    #[test]
    fn every_description_is_a_whole_sentence_of_the_summary() {
        let content = crate::content::embedded().expect("content");
        for lang in Lang::ALL {
            for site in content.sites.iter().map(Some).chain([None]) {
                let page = Page { site, lang };
                let description = page.description(&content);
                assert!(description.chars().count() <= description_chars(lang));
                // A whole sentence, unless the first is longer than a description may be.
                let summary = match site {
                    Some(site) => site.summary.get(lang),
                    None => content.overview.summary.get(lang),
                };
                let first = sentence_ends(summary)[0];
                if summary[..first].chars().count() <= description_chars(lang) {
                    assert!(
                        description.ends_with(['。', '.', '”', '"', '！', '？']),
                        "{description}"
                    );
                } else {
                    assert!(description.ends_with('…'), "{description}");
                }
            }
        }
    }

    const BUILT: &str = "<!doctype html><html lang=zh-Hans><meta charset=utf-8><title>Widget</title><link rel=\"canonical\" href=\"https://example.org/im/\"><script src=./boot.js type=module></script><link href=./style-0123456789abcdef.css rel=stylesheet></head><body><div id=imreform>…</div></body></html>";

    #[test]
    fn a_page_has_its_own_tags_and_reaches_the_built_files_from_its_folder() {
        let content = crate::content::embedded().expect("content");
        let site = content.site("wuhai").expect("wuhai");
        let page = Page {
            site: Some(site),
            lang: Lang::En,
        };
        let html =
            page_html(BUILT, &content, page, "<a href=\"data/wuhai-en.csv\">").expect("page");
        assert!(html.starts_with("<!doctype html><html lang=\"en\" data-lang=\"en\" data-page=\"#site=wuhai&amp;lang=en\"><meta charset=utf-8>"), "{html}");
        assert!(html.contains("<script src=./boot.js type=module>"));
        assert!(html.contains("href=./style-0123456789abcdef.css"));
        assert!(!html.contains("canonical"), "public-url.mjs writes it");
        assert!(html.contains("<meta property=\"og:image\" content=\"share/wuhai-en.png\">"));
        assert!(html.contains("<meta property=\"og:url\" content=\"wuhai.en.html\">"));
        assert!(html.contains("<meta property=\"og:locale\" content=\"en_GB\">"));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(html.contains("<title>Wuhai · "));
        assert!(html.contains("href=\"data/wuhai-en.csv\""));
        assert_eq!(html.matches("<title>").count(), 1);
        let zh = Page {
            site: Some(site),
            lang: Lang::Zh,
        };
        let html = page_html(BUILT, &content, zh, "").expect("page");
        assert!(html.contains("<meta property=\"og:image\" content=\"share/wuhai-zh.png\">"));
        assert!(html.contains("data-page=\"#site=wuhai&amp;lang=zh\""));
    }

    #[test]
    fn the_index_gains_the_overviews_tags_and_keeps_its_title() {
        let content = crate::content::embedded().expect("content");
        let html = index_with_tags(BUILT, &content).expect("index");
        assert!(html.contains("<title>Widget</title><meta name=\"description\""));
        assert!(html.contains("content=\"share/overview-zh.png\""));
        assert_eq!(html.matches("<title>").count(), 1);
    }

    #[test]
    fn the_picture_names_the_site_and_its_key_figure() {
        let content = crate::content::embedded().expect("content");
        let asset = MapAsset::embedded();
        let site = content.site("baotou-steel").expect("site");
        let svg = picture_svg(
            &content,
            &asset,
            Page {
                site: Some(site),
                lang: Lang::Zh,
            },
        );
        assert!(svg.contains("width=\"1200\" height=\"630\""));
        assert!(svg.contains("包钢集团"));
        assert!(svg.contains("336名"), "the first result");
        assert_eq!(svg.matches("<path").count(), asset.regions.len());
    }
}
