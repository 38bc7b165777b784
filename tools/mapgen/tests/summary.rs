//! The no-JavaScript summary committed in index.html matches the content.

#[test]
fn index_html_carries_the_current_summary() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../index.html");
    let page = std::fs::read_to_string(&path).expect("index.html");
    let content = imreform::content::embedded().expect("content");
    let expected = imreform::summary::place(&page, &imreform::summary::render(&content))
        .expect("index.html has the summary markers");
    assert!(
        page == expected,
        "index.html's summary is stale: run `cargo run -p mapgen --bin summary` and commit"
    );
}
