//! The widget's first paint, rendered natively at build time with Yew's server renderer from
//! the same components the browser runs (`tools/prerender`, `cargo run -p prerender`, writes it into
//! `index.html`; a test fails when the page is stale).
//!
//! The page carries the widget in both languages (a tiny classic script, `assets/lang.js`,
//! shows the reader's before the first paint), the map at every width of `breakpoints::MAP`
//! (container queries show the one that fits), and links from each marker and list entry to
//! that site's own page, where a reader without JavaScript finds its story (`share::page_file`,
//! written by `tools/pages`). Native only: the wasm never carries the server renderer.

use yew::ServerRenderer;

use crate::by_identity::ByIdentity;
use crate::content::{self, Content, Lang};
use crate::geo::MapAsset;
use crate::web::components::{MapDefs, MapDefsProps};
use crate::{Prerendered, PrerenderedProps};

/// Marks the prerendered part of `index.html`.
pub const START: &str = "<!-- prerender:start -->";
pub const END: &str = "<!-- prerender:end -->";
/// Marks the container-query rules in `assets/style.css`.
pub const CSS_START: &str = "/* breakpoints:start */";
pub const CSS_END: &str = "/* breakpoints:end */";

/// The widget in `lang` as HTML: what the reader sees before the wasm runs.
///
/// # Panics
/// If the embedded content does not load (the content tests fail first).
pub fn widget_html(lang: Lang) -> String {
    widget_html_for(
        content::embedded().unwrap_or_else(|err| panic!("{err}")),
        lang,
    )
}

/// The widget drawn from `content` in `lang` (for tests of other content).
pub fn widget_html_for(content: Content, lang: Lang) -> String {
    site_html(content, lang, None)
}

/// The widget drawn from `content` in `lang` with the card of `site` open (none: the overview).
pub fn site_html(content: Content, lang: Lang, site: Option<String>) -> String {
    let renderer = ServerRenderer::<Prerendered>::with_props(move || PrerenderedProps {
        content: ByIdentity::new(content),
        asset: ByIdentity::new(MapAsset::embedded()),
        lang,
        site,
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// The map geometry the prerendered maps `<use>`, once per page.
pub fn defs_html() -> String {
    let renderer = ServerRenderer::<MapDefs>::with_props(|| MapDefsProps {
        asset: ByIdentity::new(MapAsset::embedded()),
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// Everything between the markers: the geometry, then the widget in each language.
pub fn section() -> String {
    section_for(None)
}

/// The geometry, then the widget in each language with the card of `site` open (none: the
/// overview; a page of one site, `crate::share_page`).
///
/// # Panics
/// If the embedded content does not load (the content tests fail first).
pub fn section_for(site: Option<&str>) -> String {
    let content = content::embedded().unwrap_or_else(|err| panic!("{err}"));
    let mut html = defs_html();
    for lang in Lang::ALL {
        html.push_str(&format!(
            "<div class=\"prerender\" data-lang=\"{}\" lang=\"{}\">{}</div>",
            lang.key(),
            lang.tag(),
            site_html(content.clone(), lang, site.map(str::to_owned))
        ));
    }
    html
}

/// `text` with what lies between `start` and `end` replaced by `inner`; `None` without the
/// markers.
pub fn place(text: &str, start: &str, end: &str, inner: &str) -> Option<String> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(format!("{}\n{inner}\n{}", &text[..from], &text[to..]))
}

/// `index.html` with the current prerender.
pub fn page(index_html: &str) -> Option<String> {
    place(index_html, START, END, &section())
}

/// `style.css` with the current generated rules: the container queries that pick a layout
/// width, and the chart colours of each scheme.
pub fn stylesheet(style_css: &str) -> Option<String> {
    let generated = format!(
        "{}{}",
        crate::breakpoints::css(),
        crate::chart::palette_css()
    );
    place(style_css, CSS_START, CSS_END, &generated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placing_twice_gives_the_same_text() {
        let page = "<div>\n<!-- prerender:start -->\n<!-- prerender:end -->\n</div>";
        let once = place(page, START, END, "<p>a</p>").expect("markers");
        assert_eq!(place(&once, START, END, "<p>a</p>").expect("markers"), once);
        assert!(once.contains("<p>a</p>"));
        assert_eq!(place("<div></div>", START, END, "x"), None);
    }

    #[test]
    fn the_widget_renders_natively_with_its_map_list_and_links() {
        let html = widget_html(Lang::Zh);
        assert_eq!(
            html.matches("class=\"map__svg\"").count(),
            crate::breakpoints::MAP.len(),
            "one map per width"
        );
        // A marker on each map width, and the list entry.
        let links = crate::breakpoints::MAP.len() + 1;
        for id in ["baotou", "wuhai", "yili"] {
            let link = format!("href=\"{id}.html\"");
            assert_eq!(
                html.matches(&link).count(),
                links,
                "{id}'s markers and list entry"
            );
        }
        let english = widget_html(Lang::En);
        assert_eq!(english.matches("href=\"wuhai.en.html\"").count(), links);
        assert!(
            !html.contains("dossier"),
            "no stories beyond the page's own card"
        );
        assert!(html.contains("乌海市"));
        assert!(
            !html.contains("<button type=\"button\" class=\"sites__item"),
            "links, not buttons"
        );
    }

    #[test]
    fn text_from_the_content_is_escaped() {
        let html = widget_html(Lang::En);
        assert!(!html.contains("<script"));
        assert!(html.contains("Wuhai"));
    }
}
