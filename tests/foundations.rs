//! The foundations a reviewer should be able to trust at a glance, checked on the source tree:
//! the standard allocator, no raw HTML, no hand-written JSON parser; and the defects that the
//! hand-written code had, as regression cases through the public loader.

use imreform::content::{self, LoadError};

fn source_files() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("readable folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("readable file");
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "found the sources");
    files
}

#[test]
fn the_widget_uses_the_standard_allocator_and_no_unsafe_code() {
    for (path, text) in source_files() {
        assert!(
            !text.contains("#[global_allocator]"),
            "{path} swaps the allocator"
        );
        assert!(
            !text.contains("GlobalAlloc"),
            "{path} implements an allocator"
        );
    }
    let lib = include_str!("../src/lib.rs");
    assert!(lib.contains("#![forbid(unsafe_code)]"));
}

#[test]
fn no_text_reaches_the_dom_as_raw_html() {
    for (path, text) in source_files() {
        for raw in [
            "from_html_unchecked",
            "set_inner_html",
            "inner_html",
            "VRaw",
        ] {
            assert!(!text.contains(raw), "{path} uses {raw}");
        }
    }
}

#[test]
fn content_is_read_by_serde_not_a_parser_of_our_own() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!root.join("src/json.rs").exists());
    assert!(!root.join("src/content/read.rs").exists());
    let model = include_str!("../src/content/model.rs");
    assert!(model.contains("Deserialize"));
}

/// The embedded content with one site's latitude replaced by `latitude` as written.
fn with_latitude(latitude: &str) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(content::EMBEDDED_JSON).expect("JSON");
    doc["sites"][0]["location"]["lat"] = serde_json::Value::Null;
    doc.to_string()
        .replacen("\"lat\":null", &format!("\"lat\":{latitude}"), 1)
}

#[test]
fn seventeen_digit_numbers_read_to_the_nearest_double() {
    // What JavaScript and Python write for 122/3; the hand-written reader was one unit in the
    // last place off on this and on about a quarter of random doubles.
    let content =
        content::load(&with_latitude("40.666666666666664")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.sites[0].location.lat, 40.666666666666664);
    assert_eq!(
        content.sites[0].location.lat.to_bits(),
        (122.0f64 / 3.0).to_bits()
    );
    // A long fraction is still one number, not refused.
    let long = format!("40.1{}1", "0".repeat(400));
    let content = content::load(&with_latitude(&long)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(content.sites[0].location.lat, 40.1);
}

#[test]
fn the_largest_double_is_read_and_then_judged_by_the_rules() {
    let mut doc: serde_json::Value = serde_json::from_str(content::EMBEDDED_JSON).expect("JSON");
    doc["sites"][1]["figures"][0]["value"] = serde_json::Value::Null;
    let text = doc
        .to_string()
        .replacen("\"value\":null", "\"value\":1.7976931348623157e308", 1);
    let Err(LoadError::Invalid(problems)) = content::load(&text) else {
        panic!("a valid number, refused by the content rules")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.path == "sites[1].figures[0].value" && p.message.contains("absurd value")),
        "{problems:?}"
    );
}

/// Interface text lives in `components/strings.rs`: a Chinese literal anywhere else in the web
/// layer (`src/web/`: components, hooks, the app, mounting, the browser glue, the crash
/// notice) fails.
#[test]
fn interface_text_lives_in_the_strings_module() {
    let web_layer = |path: &str| path.contains("/src/web/");
    let cjk = |c: char| matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}');
    let mut found = Vec::new();
    let files = source_files();
    assert!(
        files.iter().filter(|(path, _)| web_layer(path)).count() > 20,
        "found the web layer"
    );
    for (path, text) in files {
        if !web_layer(&path) || path.ends_with("strings.rs") {
            continue;
        }
        // A module's tests may quote what the reader sees.
        let lines = text
            .lines()
            .take_while(|line| line.trim() != "#[cfg(test)]");
        for (n, line) in lines.enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let mut quoted = code.split('"').skip(1).step_by(2);
            if quoted.any(|literal| literal.chars().any(cjk)) {
                found.push(format!("{path}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "interface text outside strings.rs:\n{}",
        found.join("\n")
    );
}

/// The lengths of the functions in `text` outside its tests, by brace matching from each `fn`
/// line (braces in strings and comments are rare enough in this tree to be counted as code).
fn function_lengths(text: &str) -> Vec<(usize, usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let tests_from = lines
        .iter()
        .position(|l| l.trim() == "#[cfg(test)]")
        .unwrap_or(lines.len());
    let mut found = Vec::new();
    for (start, line) in lines[..tests_from].iter().enumerate() {
        let Some(name) = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("const ")
            .strip_prefix("fn ")
        else {
            continue;
        };
        let (mut depth, mut opened) = (0i32, false);
        for (end, body) in lines[start..tests_from].iter().enumerate() {
            let code = body.split("//").next().unwrap_or_default();
            depth += code.matches('{').count() as i32 - code.matches('}').count() as i32;
            opened |= code.contains('{');
            if (opened && depth <= 0) || (!opened && code.trim_end().ends_with(';')) {
                let name = name.split(['(', '<']).next().unwrap_or(name).to_owned();
                found.push((start + 1, end + 1, name));
                break;
            }
        }
    }
    found
}

/// No function of the widget is longer than a screen: about 120 lines, so each can be read
/// whole (components included: a long `html!` is split into the parts it draws).
#[test]
fn no_function_is_longer_than_120_lines() {
    let long: Vec<String> = source_files()
        .iter()
        .flat_map(|(path, text)| {
            function_lengths(text)
                .into_iter()
                .filter(|(_, lines, _)| *lines > 120)
                .map(move |(line, lines, name)| format!("{path}:{line}: {name}, {lines} lines"))
        })
        .collect();
    assert!(long.is_empty(), "too long:\n{}", long.join("\n"));
    let lengths = function_lengths("fn a() {\n    if x {\n    }\n}\nfn b();\n");
    assert_eq!(lengths, vec![(1, 4, "a".into()), (5, 1, "b".into())]);
}

/// The kiosk's rules are scoped once: one selector (the live kiosk, and the prerendered page a
/// kiosk starts on) with its rules nested under it, lowered at build time for older browsers.
#[test]
fn the_kiosk_selector_is_written_once() {
    let css = include_str!("../assets/style.css");
    let prefix = ":is(.widget--kiosk, html[data-mode=\"kiosk\"] .prerender .widget)";
    assert_eq!(css.matches(prefix).count(), 1, "one kiosk block");
    assert!(
        !css.contains(&format!("{prefix}, html")),
        "the self-nested rule is gone"
    );
}
