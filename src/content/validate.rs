//! Content rules that serde's shape check cannot express.

use std::collections::HashSet;

use super::{Content, Problem, Text};

/// Every rule the content breaks, in file order.
pub(super) fn problems(content: &Content) -> Vec<Problem> {
    let mut found = Vec::new();
    check_text(&mut found, "article.title", &content.article.title);
    if content.sites.is_empty() {
        found.push(Problem::new("sites", "expected at least one site"));
    }
    let mut ids = HashSet::new();
    let mut numbers = HashSet::new();
    for (index, site) in content.sites.iter().enumerate() {
        let path = format!("sites[{index}]");
        if !is_slug(&site.id) {
            found.push(Problem::new(
                format!("{path}.id"),
                format!(
                    "expected a slug of lowercase ASCII letters, digits and single hyphens, found {:?}",
                    site.id
                ),
            ));
        }
        if !ids.insert(site.id.as_str()) {
            found.push(Problem::new(
                format!("{path}.id"),
                format!("duplicate id {:?}", site.id),
            ));
        }
        if site.number == 0 {
            found.push(Problem::new(
                format!("{path}.number"),
                "expected the article's section number, 1 or more",
            ));
        }
        if !numbers.insert(site.number) {
            found.push(Problem::new(
                format!("{path}.number"),
                format!("duplicate number {}", site.number),
            ));
        }
        check_text(&mut found, &format!("{path}.name"), &site.name);
    }
    found
}

fn check_text(found: &mut Vec<Problem>, path: &str, text: &Text) {
    for (lang, value) in [("zh", &text.zh), ("en", &text.en)] {
        if value.trim().is_empty() {
            found.push(Problem::new(
                format!("{path}.{lang}"),
                "missing translation: expected non-empty text",
            ));
        }
    }
}

/// A link-safe id: `a-z`, `0-9` and inner single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs() {
        assert!(is_slug("baotou-steel"));
        assert!(is_slug("yili"));
        for bad in ["", "Baotou", "-a", "a-", "a--b", "a b", "包头"] {
            assert!(!is_slug(bad), "{bad:?} accepted");
        }
    }
}
