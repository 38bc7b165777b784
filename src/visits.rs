//! A kiosk's visit counts for its operator: sessions, and cards opened per site and language,
//! by local hour, for the last [`KEEP_DAYS`] days. Pure: the browser's storage and clock are
//! the hook's (`hooks::use_visit_counts`).
//!
//! The stored form and the operator's download are one text, CSV (`date,hour,kind,site,
//! language,count`, the download adding each site's `name`), read by [`Visits::from_csv`] and
//! written by [`Visits::to_csv`]. It is written here by hand rather than through serde: a
//! handful of integer fields needs no JSON reader in the wasm, and the download needs the CSV
//! writer anyway. Nothing here names a person or times one: each row is a count for an hour.

use std::fmt;

use crate::content::Lang;

/// How many days of rows are kept, today included; older ones are pruned as counts are added.
pub const KEEP_DAYS: i32 = 90;

/// The first line of the stored form (the download adds `,name`).
pub const HEADER: &str = "date,hour,kind,site,language,count";

/// Something the operator's counts record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Visit {
    /// A visitor's first touch, which ended the attract loop.
    Session,
    /// A visitor opened a site's card, in the language shown.
    Card { site: String, lang: Lang },
}

/// A local hour: days since 1970-01-01 and the hour of that day (0 to 23).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hour {
    pub day: i32,
    pub hour: u8,
}

impl Hour {
    /// The hour `hour` of the civil date `year`-`month`-`day` (month 1 to 12).
    pub fn at(year: i32, month: u32, day: u32, hour: u32) -> Hour {
        Hour {
            day: days_from_civil(year, month, day),
            hour: hour.min(23) as u8,
        }
    }
}

/// One count: the visits of one kind (and for cards, one site and language) in one hour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub at: Hour,
    pub visit: Visit,
    pub count: u32,
}

/// The counts, oldest hour first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visits {
    pub rows: Vec<Row>,
}

/// A stored text that is not the counts' CSV: which line, and what was wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitsError {
    /// 1-based, as an editor counts.
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for VisitsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for VisitsError {}

/// Cards opened at one site, in each language.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteTotal {
    pub site: String,
    pub zh: u64,
    pub en: u64,
}

impl Visits {
    /// Counts one `visit` in the hour `at`.
    pub fn add(&mut self, at: Hour, visit: &Visit) {
        self.add_count(at, visit, 1);
    }

    fn add_count(&mut self, at: Hour, visit: &Visit, count: u32) {
        // The newest rows are last, and a visit is almost always in the newest hour.
        match self
            .rows
            .iter_mut()
            .rev()
            .find(|row| row.at == at && row.visit == *visit)
        {
            Some(row) => row.count = row.count.saturating_add(count),
            None => {
                let after = self.rows.iter().rposition(|row| row.at <= at);
                let row = Row {
                    at,
                    visit: visit.clone(),
                    count,
                };
                self.rows.insert(after.map_or(0, |i| i + 1), row);
            }
        }
    }

    /// Adds every count of `other` to these.
    pub fn merge(&mut self, other: &Visits) {
        for row in &other.rows {
            self.add_count(row.at, &row.visit, row.count);
        }
    }

    /// Keeps only the last [`KEEP_DAYS`] days up to `today` (rows dated after it, from a clock
    /// that was wrong, go too: they would otherwise never be pruned).
    pub fn prune(&mut self, today: i32) {
        let first = today - (KEEP_DAYS - 1);
        self.rows
            .retain(|row| (first..=today).contains(&row.at.day));
    }

    /// Sessions counted in all.
    pub fn sessions(&self) -> u64 {
        self.rows
            .iter()
            .filter(|row| row.visit == Visit::Session)
            .map(|row| u64::from(row.count))
            .sum()
    }

    /// Cards opened, per site in the order of `sites` (sites not there follow, in the order
    /// first counted).
    pub fn cards_by_site(&self, sites: &[&str]) -> Vec<SiteTotal> {
        let mut totals: Vec<SiteTotal> = sites
            .iter()
            .map(|&site| SiteTotal {
                site: site.to_owned(),
                ..SiteTotal::default()
            })
            .collect();
        for row in &self.rows {
            let Visit::Card { site, lang } = &row.visit else {
                continue;
            };
            let i = match totals.iter().position(|t| t.site == *site) {
                Some(i) => i,
                None => {
                    totals.push(SiteTotal {
                        site: site.clone(),
                        ..SiteTotal::default()
                    });
                    totals.len() - 1
                }
            };
            *match lang {
                Lang::Zh => &mut totals[i].zh,
                Lang::En => &mut totals[i].en,
            } += u64::from(row.count);
        }
        totals
    }

    /// The first and last day counted, as `YYYY-MM-DD`.
    pub fn span(&self) -> Option<(String, String)> {
        let first = self.rows.first()?.at.day;
        let last = self.rows.last()?.at.day;
        Some((date(first), date(last)))
    }

    /// The counts as CSV, lines ending in CRLF. With `name`, each row also gets its site's
    /// name (quoted where it needs to be), as the operator's download does.
    pub fn to_csv(&self, name: Option<&dyn Fn(&str) -> String>) -> String {
        let mut csv = String::from(HEADER);
        if name.is_some() {
            csv.push_str(",name");
        }
        csv.push_str("\r\n");
        for row in &self.rows {
            let (kind, site, lang) = match &row.visit {
                Visit::Session => ("session", "", ""),
                Visit::Card { site, lang } => ("card", site.as_str(), lang.key()),
            };
            let date = date(row.at.day);
            let (hour, count) = (row.at.hour, row.count);
            csv.push_str(&format!("{date},{hour},{kind},{site},{lang},{count}"));
            if let Some(name) = name {
                csv.push(',');
                csv.push_str(&quoted(&if site.is_empty() {
                    String::new()
                } else {
                    name(site)
                }));
            }
            csv.push_str("\r\n");
        }
        csv
    }

    /// Reads what [`Visits::to_csv`] wrote (with or without names, a byte-order mark, or CRLF).
    /// Rows of the same hour and visit are added together.
    pub fn from_csv(text: &str) -> Result<Visits, VisitsError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, header)) if header.starts_with(HEADER) => {}
            _ => return Err(problem(0, format!("expected the header {HEADER}"))),
        }
        let mut visits = Visits::default();
        for (i, line) in lines.filter(|(_, line)| !line.is_empty()) {
            let (at, visit, count) = read_row(line).map_err(|p| problem(i, p.to_owned()))?;
            visits.add_count(at, &visit, count);
        }
        Ok(visits)
    }
}

fn problem(index: usize, problem: String) -> VisitsError {
    VisitsError {
        line: index + 1,
        problem,
    }
}

/// One CSV row's hour, visit and count (a name after them is the download's, and not read),
/// or what was expected.
fn read_row(line: &str) -> Result<(Hour, Visit, u32), &'static str> {
    let fields: Vec<&str> = line.splitn(7, ',').collect();
    let [date, hour, kind, site, lang, count, ..] = fields[..] else {
        return Err("expected 6 fields: date,hour,kind,site,language,count");
    };
    let day = parse_date(date).ok_or("expected a date YYYY-MM-DD")?;
    let hour = hour
        .parse::<u8>()
        .ok()
        .filter(|h| *h < 24)
        .ok_or("expected an hour from 0 to 23")?;
    let count = count.parse::<u32>().map_err(|_| "expected a count")?;
    let visit = match (kind, site, lang) {
        ("session", "", "") => Visit::Session,
        ("card", site, "zh" | "en") if is_site_id(site) => Visit::Card {
            site: site.to_owned(),
            lang: if lang == "zh" { Lang::Zh } else { Lang::En },
        },
        _ => {
            return Err(
                "expected a session (no site or language) or a card (a site's id, zh or en)",
            )
        }
    };
    Ok((Hour { day, hour }, visit, count))
}

/// A site's id as the options allow it: lower-case letters, digits and `-`.
fn is_site_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A CSV field, in double quotes if it holds a comma, a quote or a line break.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = month as i32;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day as i32 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of `days` since 1970-01-01: year, month (1 to 12), day.
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// `YYYY-MM-DD` of `days` since 1970-01-01.
pub fn date(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` that names a real date.
fn parse_date(text: &str) -> Option<i32> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn card(site: &str, lang: Lang) -> Visit {
        Visit::Card {
            site: site.to_owned(),
            lang,
        }
    }

    fn total(visits: &Visits, at: Hour, visit: &Visit) -> u64 {
        visits
            .rows
            .iter()
            .filter(|row| row.at == at && row.visit == *visit)
            .map(|row| u64::from(row.count))
            .sum()
    }

    fn any_visit() -> impl Strategy<Value = Visit> {
        prop_oneof![
            Just(Visit::Session),
            ("[a-z][a-z0-9-]{0,12}", any::<bool>())
                .prop_map(|(site, zh)| card(&site, if zh { Lang::Zh } else { Lang::En })),
        ]
    }

    fn any_hour() -> impl Strategy<Value = Hour> {
        (19_000..20_500i32, 0..24u8).prop_map(|(day, hour)| Hour { day, hour })
    }

    fn any_visits() -> impl Strategy<Value = Visits> {
        prop::collection::vec((any_hour(), any_visit(), 1..1000u32), 0..40).prop_map(|adds| {
            let mut visits = Visits::default();
            for (at, visit, count) in adds {
                visits.add_count(at, &visit, count);
            }
            visits
        })
    }

    #[test]
    fn dates_are_the_calendars() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(date(days_from_civil(2026, 12, 7)), "2026-12-07");
        assert_eq!(date(days_from_civil(2024, 2, 29)), "2024-02-29");
        assert_eq!(parse_date("2025-02-29"), None, "not a leap year");
        assert_eq!(parse_date("2026-1-07"), None);
        assert_eq!(Hour::at(2026, 12, 7, 13).hour, 13);
    }

    #[test]
    fn a_csv_reads_back_and_says_where_it_is_wrong() {
        let mut visits = Visits::default();
        let at = Hour::at(2026, 12, 7, 9);
        visits.add(at, &Visit::Session);
        visits.add(at, &card("wuhai", Lang::En));
        visits.add(at, &card("wuhai", Lang::En));
        let csv = visits.to_csv(None);
        assert_eq!(
            csv,
            "date,hour,kind,site,language,count\r\n2026-12-07,9,session,,,1\r\n2026-12-07,9,card,wuhai,en,2\r\n"
        );
        let named = visits.to_csv(Some(&|site: &str| format!("{site}, \"the\" site")));
        assert!(
            named.ends_with(",2,\"wuhai, \"\"the\"\" site\"\r\n"),
            "{named}"
        );
        assert_eq!(Visits::from_csv(&format!("\u{feff}{named}")), Ok(visits));
        for (bad, line) in [
            ("", 1),
            ("{\"rows\":[]}", 1),
            (
                "date,hour,kind,site,language,count\n2026-12-07,24,session,,,1",
                2,
            ),
            (
                "date,hour,kind,site,language,count\n\n2026-13-01,1,session,,,1",
                3,
            ),
            (
                "date,hour,kind,site,language,count\n2026-12-07,1,card,wuhai,fr,1",
                2,
            ),
            (
                "date,hour,kind,site,language,count\n2026-12-07,1,card,<b>,zh,1",
                2,
            ),
            (
                "date,hour,kind,site,language,count\n2026-12-07,1,session,,,-1",
                2,
            ),
            (
                "date,hour,kind,site,language,count\n2026-12-07,1,session",
                2,
            ),
        ] {
            let error = Visits::from_csv(bad).expect_err(bad);
            assert_eq!(error.line, line, "{bad}: {error}");
        }
    }

    #[test]
    fn totals_per_site_follow_the_articles_order() {
        let mut visits = Visits::default();
        let at = Hour::at(2026, 12, 7, 9);
        visits.add(at, &card("yili", Lang::Zh));
        visits.add(at, &card("gone", Lang::En));
        visits.add(Hour::at(2026, 12, 8, 0), &card("yili", Lang::En));
        let totals = visits.cards_by_site(&["wuhai", "yili"]);
        let row = |site: &str, zh, en| SiteTotal {
            site: site.to_owned(),
            zh,
            en,
        };
        assert_eq!(
            totals,
            [row("wuhai", 0, 0), row("yili", 1, 1), row("gone", 0, 1)]
        );
        assert_eq!(
            visits.span(),
            Some(("2026-12-07".to_owned(), "2026-12-08".to_owned()))
        );
        assert_eq!(Visits::default().span(), None);
    }

    proptest! {
        #[test]
        fn adding_raises_its_own_count_by_one_and_lowers_none(
            visits in any_visits(), at in any_hour(), visit in any_visit()
        ) {
            let mut after = visits.clone();
            after.add(at, &visit);
            prop_assert_eq!(total(&after, at, &visit), total(&visits, at, &visit) + 1);
            for row in &visits.rows {
                prop_assert!(total(&after, row.at, &row.visit) >= u64::from(row.count));
            }
            prop_assert!(after.sessions() >= visits.sessions());
            prop_assert!(after.rows.windows(2).all(|w| w[0].at <= w[1].at), "oldest first");
        }

        #[test]
        fn pruning_keeps_exactly_the_last_90_days(visits in any_visits(), today in 19_000..20_500i32) {
            let mut pruned = visits.clone();
            pruned.prune(today);
            let kept = |row: &Row| row.at.day <= today && row.at.day > today - 90;
            let expected: Vec<Row> = visits.rows.iter().filter(|row| kept(row)).cloned().collect();
            prop_assert_eq!(pruned.rows, expected);
        }

        #[test]
        fn merging_adds_every_count(a in any_visits(), b in any_visits()) {
            let mut merged = a.clone();
            merged.merge(&b);
            for row in a.rows.iter().chain(&b.rows) {
                prop_assert_eq!(
                    total(&merged, row.at, &row.visit),
                    total(&a, row.at, &row.visit) + total(&b, row.at, &row.visit)
                );
            }
            prop_assert_eq!(merged.sessions(), a.sessions() + b.sessions());
        }

        #[test]
        fn the_csv_round_trips(visits in any_visits(), with_names in any::<bool>()) {
            let name = |site: &str| format!("{site}, 站点 \"{site}\"");
            let csv = visits.to_csv(with_names.then_some(&name as &dyn Fn(&str) -> String));
            prop_assert_eq!(Visits::from_csv(&csv), Ok(visits));
        }

        #[test]
        fn any_text_is_read_or_refused_never_a_panic(text in "\\PC{0,200}") {
            let _ = Visits::from_csv(&format!("{HEADER}\n{text}"));
            let _ = Visits::from_csv(&text);
        }

        #[test]
        fn days_and_dates_agree(days in -800_000..800_000i32) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
            if (0..=9999).contains(&y) {
                prop_assert_eq!(parse_date(&date(days)), Some(days));
            }
        }
    }
}
