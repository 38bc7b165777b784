//! A kiosk operator's visit counts (`?mode=kiosk&stats`, or Ctrl+Alt+S): the sessions, a table
//! and a bar chart of the cards opened per site and language, a CSV download and a reset that
//! asks first. Drawn over the widget, in the interface's language; everything is read from
//! and written to the kiosk's own storage, so it works without a network.

use yew::prelude::*;

use super::chart_view::{drawing_svg, table_view};
use super::strings::{count_strings, strings, CountStrings};
use crate::by_identity::ByIdentity;
use crate::chart::{render_at, Body, Chart, Datum, Table, TextSize, DARK, LIGHT};
use crate::content::{Content, Lang, Unit};
use crate::visits::{self, Visits};
use crate::web::hooks::{download, local_hour, use_stored_visits};

#[derive(Properties, PartialEq)]
pub struct VisitStatsProps {
    pub content: ByIdentity<Content>,
    pub lang: Lang,
    #[prop_or_default]
    pub dark: bool,
    pub on_close: Callback<()>,
}

#[component]
pub fn VisitStats(props: &VisitStatsProps) -> Html {
    let (visits, clear) = use_stored_visits();
    let confirming = use_state_eq(|| false);
    let s = count_strings(props.lang);
    let content = &props.content;
    let ids: Vec<&str> = content
        .sites_in_order()
        .into_iter()
        .map(|site| site.id.as_str())
        .collect();
    let name = {
        let (content, lang) = (content.clone(), props.lang);
        move |id: &str| {
            content
                .site(id)
                .map_or(id, |site| site.name.get(lang))
                .to_owned()
        }
    };
    let totals: Vec<(String, [u64; 3])> = visits
        .cards_by_site(&ids)
        .into_iter()
        .map(|t| (name(&t.site), [t.zh, t.en, t.zh + t.en]))
        .collect();
    let on_download = {
        let visits = visits.clone();
        Callback::from(move |_: MouseEvent| {
            let csv = format!("\u{feff}{}", visits.to_csv(Some(&name)));
            let file = format!("imreform-visits-{}.csv", visits::date(local_hour().day));
            if let Err(error) = download(&file, &csv) {
                crate::web::browser::warn(&format!("the CSV download failed: {error:?}"));
            }
        })
    };
    let ask = |answer: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(answer))
    };
    let on_clear = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| {
            clear.emit(());
            confirming.set(false);
        })
    };
    html! {
        <section class="stats" role="dialog" aria-modal="true" aria-labelledby="stats-title" data-testid="stats">
            <h2 id="stats-title">{ s.visit_counts }</h2>
            <p class="stats__note">{ s.counts_note }</p>
            <p data-testid="stats-sessions" data-count={visits.sessions().to_string()}>
                { summary(&visits, s) }
            </p>
            { table_view(&table(&totals, props.lang), s.cards_opened, "stats-table") }
            { bar_chart(&totals, s.cards_opened, props.dark) }
            // The confirmation takes the buttons' place, where the operator's finger is.
            if *confirming {
                <div class="stats__actions stats__confirm" role="alertdialog" aria-labelledby="stats-confirm" data-testid="stats-confirm">
                    <p id="stats-confirm">{ s.confirm_reset }</p>
                    { button("stats-clear", s.clear_counts, on_clear) }
                    { button("stats-cancel", s.cancel, ask(false)) }
                </div>
            } else {
                <div class="stats__actions">
                    { button("stats-download", s.download_csv, on_download) }
                    { button("stats-reset", s.reset_counts, ask(true)) }
                    { button("stats-close", strings(props.lang).close, props.on_close.reform(|_| ())) }
                </div>
            }
        </section>
    }
}

/// One of the view's buttons (48 px high at least, as every kiosk control).
fn button(testid: &'static str, label: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="stats__button" data-testid={testid} {onclick}>{ label }</button>
    }
}

/// The sessions and the days they were counted on.
fn summary(visits: &Visits, s: &CountStrings) -> String {
    let span = visits.span();
    (s.sessions_counted)(
        visits.sessions(),
        span.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
    )
}

/// Cards opened per site: in Chinese, in English, in all.
fn table(totals: &[(String, [u64; 3])], lang: Lang) -> Table {
    let s = count_strings(lang);
    Table {
        headers: [
            strings(lang).site,
            strings(Lang::Zh).language_name,
            strings(Lang::En).language_name,
            s.total,
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: totals
            .iter()
            .map(|(name, counts)| {
                let mut row = vec![name.clone()];
                row.extend(counts.iter().map(u64::to_string));
                row
            })
            .collect(),
    }
}

/// The layout width of the cards-opened chart, in CSS px; CSS scales it to its box.
const CHART_WIDTH: u32 = crate::breakpoints::CHART[3];

/// The cards opened per site (`totals`: name and counts in Chinese, English and all) as the
/// article's bar charts are drawn (`chart::render_at`), laid out at one width and scaled to its
/// box as the article's are. The table above is its text.
fn bar_chart(totals: &[(String, [u64; 3])], title: &str, dark: bool) -> Html {
    let palette = if dark { &DARK } else { &LIGHT };
    let chart = Chart {
        id: "visits".to_owned(),
        title: title.to_owned(),
        unit: String::new(),
        body: Body::Bars(
            totals
                .iter()
                .map(|(label, [.., count])| Datum {
                    label: label.clone(),
                    value: *count as f64,
                    display: count.to_string(),
                    // Only a chart's own table says a unit, and this chart has none.
                    unit: Unit::Items,
                    derived: false,
                })
                .collect(),
        ),
        note: String::new(),
    };
    html! {
        <figure class="stats__chart" data-testid="stats-chart" aria-hidden="true">
            <figcaption>{ title }</figcaption>
            <div class="chart__plot">
                if let Ok(drawing) = render_at(&chart, CHART_WIDTH, TextSize::STANDARD) {
                    { drawing_svg(&drawing, None, palette) }
                }
            </div>
        </figure>
    }
}
