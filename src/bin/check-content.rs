//! `scripts/check-content FILE [ARTICLE.txt]`: the editors' fact-checker.
//!
//! Reads a content file through the widget's own types and validation and, given the article's
//! text, checks the file against it (`imreform::content::check_file`). Prints every problem,
//! one a line with its JSON path, then a one-line summary.
//!
//! Exit status: 0 when the file is clean, 1 when it has problems, 2 for a usage error (wrong
//! arguments, a file that cannot be read). Native only; it needs no `csr`.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use imreform::content::check_file;

const USAGE: &str = "\
usage: scripts/check-content FILE [ARTICLE.txt]

Checks a content file (such as part2/content.json) through the widget's own types and
validation; given the article's text (UTF-8, as extracted), also that every phrase the file
quotes is in the article, that every figure agrees with its phrase, and that every number of
the article is accounted for. Exit status: 0 clean, 1 problems, 2 usage error.";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let (file, article) = match args.as_slice() {
        [file] => (file, None),
        [file, article] => (file, Some(article)),
        _ => return usage_error("expected a content file and, optionally, the article's text"),
    };
    if let Some(option) = args.iter().find(|a| a.to_string_lossy().starts_with('-')) {
        return usage_error(&format!("unknown option {}", option.to_string_lossy()));
    }

    let json = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return unreadable(&format!("cannot read {}: {err}", show(file))),
    };
    let article_text = match article {
        None => None,
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(err) => {
                    return unreadable(&format!(
                        "{} is not UTF-8 text (invalid byte at {}): save the article as UTF-8",
                        show(path),
                        err.utf8_error().valid_up_to()
                    ))
                }
            },
            Err(err) => return unreadable(&format!("cannot read {}: {err}", show(path))),
        },
    };

    let mut out = std::io::stdout().lock();
    // A file that is not UTF-8 is the file's problem, not a usage error.
    let report = match std::str::from_utf8(&json) {
        Ok(json) => check_file(json, article_text.as_deref()),
        Err(err) => {
            let _ = writeln!(
                out,
                "content file is not UTF-8 text (invalid byte at {}): save it as UTF-8",
                err.valid_up_to()
            );
            let _ = writeln!(out, "1 problem");
            return ExitCode::from(1);
        }
    };
    // Printing stops quietly if the reader goes away (`| head`).
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    let summary = match (report.problems.len(), article) {
        (0, Some(article)) => format!(
            "ok: {} sites, {} figures checked against {}",
            report.sites,
            report.figures,
            show(article)
        ),
        (0, None) => format!(
            "ok: {} sites, {} figures (not checked against an article: give its text too)",
            report.sites, report.figures
        ),
        (1, _) => "1 problem".to_owned(),
        (n, _) => format!("{n} problems"),
    };
    let _ = writeln!(out, "{summary}");
    if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn show(path: &OsString) -> String {
    Path::new(path).display().to_string()
}

/// Wrong arguments: the message and how to call it.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("check-content: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// A file named on the command line that cannot be read: a usage error too, said in one line.
fn unreadable(message: &str) -> ExitCode {
    eprintln!("check-content: {message}");
    ExitCode::from(2)
}
