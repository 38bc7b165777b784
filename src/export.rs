//! "Get the data": every figure of a card (a site's, or the whole article's for the overview)
//! as a CSV file a spreadsheet opens as it is: RFC 4180 (commas, quotes doubled, CRLF), UTF-8
//! with a byte-order mark (without it Excel reads the Chinese as Latin-1), one row per figure
//! with its value exactly as the content file holds it (base units, never rounded), its
//! qualifier, and whether the article states it or the widget worked it out. Written at build
//! time by `tools/pages` (`data/<site>-<lang>.csv`, `share::data_path`). Pure; native only.

use crate::content::{Content, Figure, Lang, Qualifier, Site};

/// The byte-order mark a CSV file starts with.
pub const BOM: char = '\u{feff}';

/// The columns, in each language.
pub fn header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Zh => [
            "站点代码",
            "站点",
            "指标代码",
            "指标",
            "数值",
            "单位",
            "限定词",
            "写法",
            "原文数字",
            "时期",
            "来源",
            "合计自",
            "原文",
        ],
        Lang::En => [
            "site_id",
            "site",
            "figure_id",
            "label",
            "value",
            "unit",
            "qualifier",
            "as_shown",
            "as_written",
            "period",
            "stated_or_derived",
            "sum_of",
            "source",
        ],
    }
}

/// The qualifier in words (the content file's `more_than` is the article's 余 or 多).
pub fn qualifier(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (qualifier, lang) {
        (Qualifier::Exact, Lang::Zh) => "确数",
        (Qualifier::MoreThan, Lang::Zh) => "余/多",
        (Qualifier::Nearly, Lang::Zh) => "近",
        (Qualifier::NearlyMoreThan, Lang::Zh) => "近…余",
        (Qualifier::Exact, Lang::En) => "exact",
        (Qualifier::MoreThan, Lang::En) => "more than",
        (Qualifier::Nearly, Lang::En) => "nearly",
        (Qualifier::NearlyMoreThan, Lang::En) => "nearly (近…余)",
    }
}

/// The file for `site` (none: the overview's figures, then every site's) in `lang`.
pub fn csv(content: &Content, site: Option<&Site>, lang: Lang) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, header(lang).iter().map(|h| (*h).to_owned()));
    let overview = match lang {
        Lang::Zh => "总览",
        Lang::En => "Overview",
    };
    let rows = match site {
        Some(site) => vec![(site.id.as_str(), site.name.get(lang), &site.figures)],
        None => std::iter::once(("", overview, &content.overview.figures))
            .chain(
                content
                    .sites_in_order()
                    .into_iter()
                    .map(|s| (s.id.as_str(), s.name.get(lang), &s.figures)),
            )
            .collect(),
    };
    for (id, name, figures) in rows {
        for figure in figures {
            push_row(&mut out, row(id, name, figure, lang));
        }
    }
    out
}

fn row(site_id: &str, site: &str, figure: &Figure, lang: Lang) -> impl Iterator<Item = String> {
    let derived = figure.is_derived();
    let plural = !(figure.value == 1.0 && figure.qualifier == Qualifier::Exact);
    [
        site_id.to_owned(),
        site.to_owned(),
        figure.id.clone(),
        figure.label.get(lang).to_owned(),
        // Rust prints the shortest text that reads back as the same double: 13280000, 0.5.
        figure.value.to_string(),
        match lang {
            Lang::Zh => figure.unit.zh(),
            Lang::En => figure.unit.en(plural),
        }
        .to_owned(),
        qualifier(figure.qualifier, lang).to_owned(),
        figure.display(lang),
        figure.stated.clone().unwrap_or_default(),
        figure
            .period
            .as_ref()
            .map(|p| p.get(lang).to_owned())
            .unwrap_or_default(),
        match (derived, lang) {
            (false, Lang::Zh) => "原文所载",
            (true, Lang::Zh) => "推算",
            (false, Lang::En) => "stated",
            (true, Lang::En) => "derived",
        }
        .to_owned(),
        figure.derived_from.join(" + "),
        figure.source.clone().unwrap_or_default(),
    ]
    .into_iter()
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field_text(&field));
    }
    out.push_str("\r\n");
}

/// One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break (or
/// white space at an end, which some readers trim), quotes doubled. A text that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@` first, OWASP's "CSV injection") gets a `'`
/// first; a number never does (`-1.5` is a number).
pub fn field_text(field: &str) -> String {
    let formula =
        field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.parse::<f64>().is_err();
    let field = if formula {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    let quote = field.contains([',', '"', '\r', '\n'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if quote {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Reads a CSV file `csv` wrote back into rows of fields (for the tests; RFC 4180).
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    mod field_text {
        use super::*;

        #[test]
        fn plain_text_and_numbers_stay_as_they_are() {
            assert_eq!(field_text("6000余"), "6000余");
            assert_eq!(field_text("13280000"), "13280000");
            assert_eq!(field_text("-1.5"), "-1.5");
            assert_eq!(field_text(""), "");
        }

        #[test]
        fn commas_quotes_and_line_breaks_are_quoted() {
            assert_eq!(field_text("a,b"), "\"a,b\"");
            assert_eq!(field_text("say \"hi\""), "\"say \"\"hi\"\"\"");
            assert_eq!(field_text("a\nb"), "\"a\nb\"");
            assert_eq!(field_text(" a"), "\" a\"");
        }

        #[test]
        fn a_formula_is_written_as_text() {
            assert_eq!(field_text("=1+1"), "'=1+1");
            assert_eq!(field_text("@SUM(A1)"), "'@SUM(A1)");
            assert_eq!(field_text("+a,b"), "\"'+a,b\"");
        }
    }

    proptest! {
        /// Any row reads back as written (a formula with its `'`).
        #[test]
        fn rows_read_back(fields in proptest::collection::vec("[a-z,\"\r\n =+@新 -]{0,8}", 1..6)) {
            let mut text = String::from(BOM);
            push_row(&mut text, fields.iter().cloned());
            let rows = parse(&text);
            prop_assert_eq!(rows.len(), 1);
            let expected: Vec<String> = fields
                .iter()
                .map(|f| {
                    let formula = f.starts_with(['=', '+', '-', '@', '\t', '\r']) && f.parse::<f64>().is_err();
                    if formula { format!("'{f}") } else { f.clone() }
                })
                .collect();
            prop_assert_eq!(&rows[0], &expected);
        }
    }

    #[test]
    fn every_figure_is_a_row_with_its_exact_value_in_both_languages() {
        let content = crate::content::embedded().expect("content");
        for lang in Lang::ALL {
            let all = csv(&content, None, lang);
            assert!(all.starts_with(BOM), "a BOM first");
            assert!(all.ends_with("\r\n"));
            let rows = parse(&all);
            assert_eq!(rows[0], header(lang));
            let figures: Vec<(&str, &Figure)> = content
                .overview
                .figures
                .iter()
                .map(|f| ("", f))
                .chain(
                    content
                        .sites
                        .iter()
                        .flat_map(|s| s.figures.iter().map(move |f| (s.id.as_str(), f))),
                )
                .collect();
            assert_eq!(rows.len() - 1, figures.len(), "one row per figure");
            for (site, figure) in figures {
                let row = rows
                    .iter()
                    .find(|r| r[0] == site && r[2] == figure.id)
                    .unwrap_or_else(|| panic!("{site} {}", figure.id));
                assert_eq!(row.len(), 13);
                assert_eq!(
                    row[4].parse::<f64>().ok(),
                    Some(figure.value),
                    "{}",
                    figure.id
                );
                assert_eq!(row[3], figure.label.get(lang));
                assert_eq!(row[6], qualifier(figure.qualifier, lang));
                assert_eq!(row[8], figure.stated.clone().unwrap_or_default());
                assert_eq!(row[12], figure.source.clone().unwrap_or_default());
            }
            for site in &content.sites {
                let rows = parse(&csv(&content, Some(site), lang));
                assert_eq!(rows.len() - 1, site.figures.len(), "{}", site.id);
                assert!(rows[1..].iter().all(|r| r[0] == site.id));
            }
        }
    }
}
