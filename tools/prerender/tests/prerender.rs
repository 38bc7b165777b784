//! The prerendered first paint committed in index.html, and its container-query rules in
//! assets/style.css, match what the components and the content make today.

fn read(path: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn index_html_carries_the_current_prerender() {
    let page = read("index.html");
    let expected =
        imreform::web::prerender::page(&page).expect("index.html has the prerender markers");
    assert!(
        page == expected,
        "index.html's prerender is stale: run `cargo run -p prerender` and commit"
    );
}

#[test]
fn style_css_carries_the_current_breakpoints() {
    let css = read("assets/style.css");
    let expected = imreform::web::prerender::stylesheet(&css).expect("style.css has the markers");
    assert!(
        css == expected,
        "style.css's breakpoint rules are stale: run `cargo run -p prerender` and commit"
    );
}
