//! Minifies assets/content.json for embedding: the file stays readable for editors, the wasm
//! carries no indentation. A file that is not JSON is embedded as it is, so loading reports
//! the error (with its line and column) instead of the build failing here.

use std::path::PathBuf;

fn main() {
    let source = "assets/content.json";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("assets/content.json is readable");
    let compact = serde_json::from_str::<serde_json::Value>(&text)
        .map(|value| value.to_string())
        .unwrap_or(text);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("content.min.json"), compact).expect("OUT_DIR is writable");
}
