//! The charts built from the article's content: structure, qualifiers, units and drawing.

use imreform::chart::{self, Body, Chart, Shape};
use imreform::content::{self, Content, Lang};

fn content() -> Content {
    content::embedded().unwrap_or_else(|e| panic!("{e}"))
}

fn site_charts(content: &Content, id: &str, lang: Lang) -> Vec<Chart> {
    let site = content.site(id).expect("site");
    site.charts
        .iter()
        .map(|spec| chart::build(spec, &site.figures, "第2部分", lang).expect("chart builds"))
        .collect()
}

fn displays(chart: &Chart) -> Vec<String> {
    match &chart.body {
        Body::Bars(d) | Body::Units(d) => d.iter().map(|d| d.display.clone()).collect(),
        Body::Stacked { parts, total } => parts
            .iter()
            .chain([total])
            .map(|d| d.display.clone())
            .collect(),
        Body::Timeline { events, .. } => events.iter().map(|e| e.date.clone()).collect(),
    }
}

#[test]
fn wuhai_shows_its_party_organisations_together_and_its_training_with_qualifiers() {
    let content = content();
    let zh = site_charts(&content, "wuhai", Lang::Zh);
    assert_eq!(zh.len(), 2);
    assert_eq!(zh[0].title, "新建党组织的非公企业和社会组织");
    assert!(matches!(&zh[0].body, Body::Bars(bars) if bars.len() == 2));
    assert_eq!(displays(&zh[0]), ["256", "46"]);
    assert_eq!(zh[0].unit, "单位：个（家）组织");
    assert_eq!(displays(&zh[1]), ["6000余", "近1万余"]);
    assert_eq!(zh[1].unit, "单位：人次");
    let en = site_charts(&content, "wuhai", Lang::En);
    assert_eq!(displays(&en[1]), ["6,000+", "nearly 10,000"]);
    assert_eq!(en[1].unit, "Unit: person-times");
    let Body::Bars(bars) = &en[1].body else {
        panic!()
    };
    assert_eq!(
        bars[0].label,
        "Vocational training and skills certification (over 3 years)"
    );
}

#[test]
fn baotou_steels_skill_leaders_stack_to_a_marked_derived_total() {
    let content = content();
    for lang in Lang::ALL {
        let charts = site_charts(&content, "baotou-steel", lang);
        let Body::Stacked { parts, total } = &charts[0].body else {
            panic!("stacked")
        };
        assert_eq!(
            parts.iter().map(|p| p.value).collect::<Vec<_>>(),
            [143.0, 81.0]
        );
        assert!(!parts.iter().any(|p| p.derived));
        assert_eq!((total.value, total.derived), (224.0, true));
        let table = charts[0].table(lang);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(
            table.rows[2][2],
            if lang == Lang::Zh {
                "推算"
            } else {
                "derived"
            }
        );
        assert!(charts[0].note.contains(if lang == Lang::Zh {
            "推算"
        } else {
            "derived"
        }));
    }
}

#[test]
fn alxas_instructors_and_enterprises_are_small_multiples_not_one_axis() {
    let content = content();
    let charts = site_charts(&content, "alxa-hi-tech-zone", Lang::En);
    let Body::Units(panels) = &charts[0].body else {
        panic!("units")
    };
    assert_eq!(
        panels.iter().map(|p| p.value).collect::<Vec<_>>(),
        [108.0, 102.0]
    );
    assert!(charts[0].unit.is_empty(), "no shared axis");
    let drawing = chart::render(&charts[0], 560).unwrap();
    let circles = drawing
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle { .. }));
    let squares = drawing
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Rect { .. }));
    assert_eq!(circles.count(), 108, "a dot per instructor");
    assert_eq!(squares.count(), 102, "a square per enterprise");
}

#[test]
fn no_chart_mixes_units_and_every_chart_is_labelled() {
    let content = content();
    for site in &content.sites {
        for lang in Lang::ALL {
            for chart in site_charts(&content, &site.id, lang) {
                assert!(
                    !chart.title.is_empty() && !chart.note.is_empty(),
                    "{}",
                    chart.id
                );
                if let Body::Bars(bars) | Body::Stacked { parts: bars, .. } = &chart.body {
                    assert!(!chart.unit.is_empty(), "{}: bars need a unit", chart.id);
                    let dimension = bars[0].unit.dimension();
                    assert!(
                        bars.iter().all(|b| b.unit.dimension() == dimension),
                        "{}",
                        chart.id
                    );
                }
            }
        }
    }
}

#[test]
fn bars_start_at_a_zero_baseline_and_print_every_value() {
    let content = content();
    let chart = &site_charts(&content, "wuhai", Lang::Zh)[1];
    for width in [240, 360, 640] {
        let drawing = chart::render(chart, width).unwrap();
        assert_eq!(drawing.width, width);
        let bars: Vec<(i32, i32)> = drawing
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { x, width, .. } => Some((*x, *width)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2, "one bar per figure");
        let texts: Vec<&str> = drawing.texts().collect();
        for value in ["6000余", "近1万余"] {
            assert!(texts.contains(&value), "{value} at {width} px");
        }
        // Both bars start on the zero baseline at x = 1, and their lengths keep the data's
        // ratio (6,000 : 10,000 = 0.6): a truncated axis would start them elsewhere or
        // exaggerate the difference. Tolerance: a pixel of rounding at each end.
        assert!(bars.iter().all(|(x, _)| *x == 1), "{bars:?}");
        let ratio = f64::from(bars[0].1) / f64::from(bars[1].1);
        let slack = 2.0 / f64::from(bars[1].1);
        assert!((ratio - 0.6).abs() <= slack, "{ratio} at {width} px");
        assert!(texts.contains(&"单位：人次"));
    }
}

#[test]
fn the_timeline_marks_stated_and_derived_dates() {
    let content = content();
    let chart = chart::timeline(&content.overview.timeline, Lang::En);
    let Body::Timeline { events, span } = &chart.body else {
        panic!()
    };
    assert_eq!(
        events
            .iter()
            .map(|e| (e.date.as_str(), e.derived))
            .collect::<Vec<_>>(),
        [
            ("2017", false),
            ("July 2021", false),
            ("2022", true),
            ("July 2022", true)
        ]
    );
    assert!(span.is_some(), "the one-year term is drawn");
    let drawing = chart::render(&chart, 360).unwrap();
    let texts: Vec<&str> = drawing.texts().collect();
    let drawn = |label: &str| texts.iter().any(|t| t.starts_with(label));
    assert!(drawn("July 2021") && drawn("2017"), "{texts:?}");
}

#[test]
fn the_overviews_pilot_composition_is_7_plus_14() {
    let content = content();
    let spec = &content.overview.charts[0];
    let chart = chart::build(spec, &content.overview.figures, "导语", Lang::Zh).unwrap();
    assert_eq!(displays(&chart), ["7", "14", "21"]);
}

#[test]
fn text_from_the_content_stays_one_text_shape() {
    let content = content();
    let mut chart = site_charts(&content, "wuhai", Lang::En).remove(0);
    chart.title = "x".into();
    let hostile = "<script>alert(1)</script>";
    if let Body::Bars(bars) = &mut chart.body {
        bars[0].label = hostile.into();
    }
    let drawing = chart::render(&chart, 400).unwrap();
    // Kept as text for the DOM builder (which escapes it), never turned into shapes.
    assert!(drawing.texts().any(|t| t.contains(hostile)));
}
