//! `scripts/check-content FILE [ARTICLE.txt] [--glossary GLOSSARY.tsv]`: the editors'
//! fact-checker.
//!
//! Reads a content file through the widget's own types and validation and, given the article's
//! text, checks the file against it; holds every text to the glossary
//! (`imreform::content::check_file`). Prints every problem, one a line with its JSON path, then
//! a one-line summary.
//!
//! The glossary is the one given with `--glossary`, else `glossary.tsv` beside the content
//! file, else the widget's own (`assets/glossary.tsv`, built in); the summary says which.
//!
//! Exit status: 0 when the file is clean, 1 when it has problems, 2 for a usage error (wrong
//! arguments, a file that cannot be read). Native only; it needs no `csr`.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use imreform::content::{check_file, Glossary};

/// The widget's own glossary, for a content file with none beside it.
const BUILT_IN_GLOSSARY: &str = include_str!("../../assets/glossary.tsv");

const USAGE: &str = "\
usage: scripts/check-content FILE [ARTICLE.txt] [--glossary GLOSSARY.tsv]

Checks a content file (such as part2/content.json) through the widget's own types and
validation; given the article's text (UTF-8, as extracted), also that every phrase the file
quotes is in the article, that every figure agrees with its phrase, and that every number of
the article is accounted for. Every text is held to the glossary: the one given with
--glossary, else glossary.tsv beside FILE, else the widget's own (assets/glossary.tsv).
Exit status: 0 clean, 1 problems, 2 usage error.";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut positional: Vec<&OsString> = Vec::new();
    let mut glossary_path: Option<&OsString> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--glossary" {
            match rest.next() {
                Some(path) if glossary_path.is_none() => glossary_path = Some(path),
                Some(_) => return usage_error("--glossary given twice"),
                None => return usage_error("--glossary needs a file"),
            }
        } else if arg.to_string_lossy().starts_with('-') {
            return usage_error(&format!("unknown option {}", arg.to_string_lossy()));
        } else {
            positional.push(arg);
        }
    }
    let (file, article) = match positional.as_slice() {
        [file] => (*file, None),
        [file, article] => (*file, Some(*article)),
        _ => return usage_error("expected a content file and, optionally, the article's text"),
    };

    let json = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return unreadable(&format!("cannot read {}: {err}", show(file))),
    };
    let article_text = match article
        .map(|path| read_text(path, "the article"))
        .transpose()
    {
        Ok(text) => text,
        Err(code) => return code,
    };
    // The glossary given, else the one beside the content file, else the built-in one.
    let beside = Path::new(file).with_file_name("glossary.tsv");
    let (glossary_name, glossary_text) = match glossary_path {
        Some(path) => match read_text(path, "the glossary") {
            Ok(text) => (show(path), text),
            Err(code) => return code,
        },
        None if beside.is_file() => match read_text(beside.as_os_str(), "the glossary") {
            Ok(text) => (beside.display().to_string(), text),
            Err(code) => return code,
        },
        None => (
            "built in (assets/glossary.tsv)".to_owned(),
            BUILT_IN_GLOSSARY.to_owned(),
        ),
    };

    let mut out = std::io::stdout().lock();
    // A glossary that cannot be read is listed, line by line; the file is still checked.
    let (glossary, glossary_problems) = match Glossary::parse(&glossary_text) {
        Ok(glossary) => (Some(glossary), Vec::new()),
        Err(problems) => (None, problems),
    };
    for problem in &glossary_problems {
        let _ = writeln!(out, "{glossary_name} {problem}");
    }
    // A file that is not UTF-8 is the file's problem, not a usage error.
    let report = match std::str::from_utf8(&json) {
        Ok(json) => check_file(json, article_text.as_deref(), glossary.as_ref()),
        Err(err) => {
            let _ = writeln!(
                out,
                "content file is not UTF-8 text (invalid byte at {}): save it as UTF-8",
                err.valid_up_to()
            );
            let _ = writeln!(out, "{}", count(glossary_problems.len() + 1));
            return ExitCode::from(1);
        }
    };
    // Printing stops quietly if the reader goes away (`| head`).
    for problem in &report.problems {
        let _ = writeln!(out, "{problem}");
    }
    let problems = glossary_problems.len() + report.problems.len();
    let terms = glossary.as_ref().map_or(0, |g| g.terms.len());
    let summary = match (problems, article) {
        (0, Some(article)) => format!(
            "ok: {} sites, {} figures checked against {}; glossary {glossary_name}, {terms} terms",
            report.sites,
            report.figures,
            show(article)
        ),
        (0, None) => format!(
            "ok: {} sites, {} figures; glossary {glossary_name}, {terms} terms \
             (not checked against an article: give its text too)",
            report.sites, report.figures
        ),
        (n, _) => count(n),
    };
    let _ = writeln!(out, "{summary}");
    if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn show(path: &OsString) -> String {
    Path::new(path).display().to_string()
}

/// "1 problem", "3 problems".
fn count(problems: usize) -> String {
    if problems == 1 {
        "1 problem".to_owned()
    } else {
        format!("{problems} problems")
    }
}

/// A text file named on the command line (`what` says which, in the message), or the exit
/// status of a usage error when it cannot be read or is not UTF-8.
fn read_text(path: &std::ffi::OsStr, what: &str) -> Result<String, ExitCode> {
    let shown = PathBuf::from(path).display().to_string();
    let bytes =
        std::fs::read(path).map_err(|err| unreadable(&format!("cannot read {shown}: {err}")))?;
    String::from_utf8(bytes).map_err(|err| {
        unreadable(&format!(
            "{shown} is not UTF-8 text (invalid byte at {}): save {what} as UTF-8",
            err.utf8_error().valid_up_to()
        ))
    })
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
