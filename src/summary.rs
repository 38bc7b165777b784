//! A static summary of the story in plain HTML, built from the content at build time and
//! placed in `index.html`, for readers without JavaScript, feed readers and AMP. The widget
//! replaces it when it starts.

use std::fmt::Write as _;

use crate::content::{Content, Lang, Role};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The summary's HTML, indented to sit inside `<div id="imreform">`.
pub fn render(content: &Content) -> String {
    let zh = Lang::Zh;
    let article = &content.article;
    let mut html = String::new();
    let _ = writeln!(html, r#"<section class="static-summary" lang="zh-Hans">"#);
    let _ = writeln!(html, "  <h1>{}</h1>", escape(&article.title.zh));
    let _ = writeln!(
        html,
        r#"  <p lang="en">{}</p>"#,
        escape(&format!(
            "{}: {} ({})",
            article.title.en, article.subtitle.en, article.series_part_label.en
        ))
    );
    let _ = writeln!(html, "  <p>{}</p>", escape(&content.overview.summary.zh));
    let _ = writeln!(html, "  <ol>");
    for site in content.sites_in_order() {
        let figures: Vec<String> = site
            .figures
            .iter()
            .filter(|f| f.role == Role::Result && !f.is_derived())
            .take(3)
            .map(|f| format!("{}：{}", f.label.get(zh), f.display(zh)))
            .collect();
        let mut line = format!("{}：{}。", site.name.zh, site.headline.zh);
        if !figures.is_empty() {
            line.push_str(&figures.join("；"));
            line.push('。');
        }
        let _ = writeln!(
            html,
            r#"    <li>{} <span lang="en">({})</span></li>"#,
            escape(&line),
            escape(&site.name.en)
        );
    }
    let _ = writeln!(html, "  </ol>");
    let _ = writeln!(
        html,
        r#"  <p><a href="./index.html">打开互动地图 <span lang="en">· Open the interactive map</span></a></p>"#
    );
    let _ = writeln!(html, "  <p>{}</p>", escape(&article.credit.zh));
    let _ = write!(html, "</section>");
    html
}

/// `index.html` with the summary between its `<!-- summary:start -->` and
/// `<!-- summary:end -->` markers replaced; `None` if the markers are missing.
pub fn place(index_html: &str, summary: &str) -> Option<String> {
    const START: &str = "<!-- summary:start -->";
    const END: &str = "<!-- summary:end -->";
    let start = index_html.find(START)? + START.len();
    let end = index_html[start..].find(END)? + start;
    let indent = "      ";
    let body: String = summary
        .lines()
        .map(|line| format!("\n{indent}{line}"))
        .collect();
    Some(format!(
        "{}{body}\n{indent}{}",
        &index_html[..start],
        &index_html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_seven_sites_with_headlines_and_figures() {
        let content = crate::content::embedded().expect("content");
        let html = render(&content);
        assert_eq!(html.matches("<li>").count(), 7);
        assert!(html.contains("乌海市：构建产改工作大格局。"));
        assert!(html.contains("职业技能培训及技能鉴定：6000余人次"));
        assert!(html.contains("近5亿元") || html.contains("1328万元"));
        assert!(html.contains(r#"href="./index.html""#));
    }

    #[test]
    fn text_is_escaped() {
        let mut content = crate::content::embedded().expect("content");
        content.sites[0].headline.zh = "<script>alert(1)</script>".into();
        let html = render(&content);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn placing_twice_gives_the_same_page() {
        let page = "<div>\n      <!-- summary:start -->\n      <!-- summary:end -->\n</div>";
        let once = place(page, "<p>a</p>").unwrap();
        assert_eq!(place(&once, "<p>a</p>").unwrap(), once);
        assert!(once.contains("<p>a</p>"));
        assert_eq!(place("<div></div>", "x"), None);
    }
}
