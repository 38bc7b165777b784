//! `cargo run -p prerender` writes the widget's first paint into index.html and
//! the container-query rules that go with it into assets/style.css (see imreform::web::prerender).

use std::process::ExitCode;

fn rewrite(path: &str, update: impl Fn(&str) -> Option<String>) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let updated = update(&text).ok_or(format!("{path}: the prerender markers are missing"))?;
    std::fs::write(path, updated).map_err(|e| format!("{path}: {e}"))
}

fn main() -> ExitCode {
    let result = rewrite("index.html", imreform::web::prerender::page)
        .and_then(|()| rewrite("assets/style.css", imreform::web::prerender::stylesheet));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
