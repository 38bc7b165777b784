//! What the integration tests share: the one list of the sites, read from the built-in content
//! (e2e/browser.mjs reads the same file for the end-to-end specs).

/// The built-in content's site ids, in the article's order.
pub fn site_ids() -> Vec<&'static str> {
    let content = imreform::content::embedded().expect("the built-in content loads");
    content
        .sites_in_order()
        .iter()
        .map(|site| &*site.id.clone().leak())
        .collect()
}
