//! `cargo run -p mapgen --bin summary` rewrites the no-JavaScript summary in index.html from
//! assets/content.json.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "index.html".into());
    let result = std::fs::read_to_string(&path)
        .map_err(|e| format!("{path}: {e}"))
        .and_then(|page| {
            let content = imreform::content::embedded().map_err(|e| e.to_string())?;
            let summary = imreform::summary::render(&content);
            let page = imreform::summary::place(&page, &summary).ok_or(format!(
                "{path}: no <!-- summary:start --> … <!-- summary:end --> markers"
            ))?;
            std::fs::write(&path, page).map_err(|e| format!("{path}: {e}"))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("summary: {e}");
            ExitCode::FAILURE
        }
    }
}
