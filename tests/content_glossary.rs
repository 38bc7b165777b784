//! The house glossary (`assets/glossary.tsv`) and the content held to it
//! (`content::Glossary`, enforced by `scripts/check-content`; the broken copies an editor
//! would make are in `tests/content_check.rs`).

#![cfg(not(target_arch = "wasm32"))]

use imreform::content::{self, Glossary, Text};
use proptest::prelude::*;

const GLOSSARY: &str = include_str!("../assets/glossary.tsv");

fn glossary() -> Glossary {
    Glossary::parse(GLOSSARY).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("assets/glossary.tsv:\n{}", lines.join("\n"))
    })
}

#[test]
fn the_content_keeps_to_its_glossary() {
    let content = content::embedded().unwrap_or_else(|err| panic!("{err}"));
    let problems: Vec<String> = glossary()
        .check(&content)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The terms issue 25 named, each with the English the widget uses and one it must not.
#[test]
fn the_glossary_holds_the_recurring_terms() {
    let glossary = glossary();
    for (zh, en, avoid) in [
        ("产改", "reform", Some("industrial-worker reform")),
        (
            "产业工人队伍建设改革",
            "reform of the industrial workforce",
            Some("industrial-worker reform"),
        ),
        ("企业", "enterprise", Some("company")),
        ("劳模", "model worker", Some("labour model")),
        ("工匠", "craftsman", Some("artisan")),
        (
            "五一劳动奖章",
            "May Day Labour Medal",
            Some("May Day Labor Medal"),
        ),
        ("班组", "work team", Some("team building")),
        ("盟", "League", Some("prefecture")),
        ("旗", "banner", Some("flag")),
        ("全市", "city", Some("municipality")),
        ("开发区", "Development Zone", Some("industrial park")),
        (
            "党建带工建",
            "Party building leading union building",
            Some("Party construction"),
        ),
        (
            "职工创新工作室",
            "worker innovation studio",
            Some("staff innovation studio"),
        ),
    ] {
        let term = glossary
            .terms
            .iter()
            .find(|t| t.zh.iter().any(|form| form == zh))
            .unwrap_or_else(|| panic!("{zh} is not in the glossary"));
        assert_eq!(term.en[0], en, "{zh}");
        if let Some(avoid) = avoid {
            assert!(term.avoid.iter().any(|v| v == avoid), "{zh} avoids {avoid}");
        }
    }
}

/// Punctuation and digits around a Chinese term: they can never make another term.
fn zh_filler() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec!["，", "。", "：", "（", "）", "1", "3"]),
        0..4,
    )
    .prop_map(|pieces| pieces.concat())
}

/// English words and punctuation around a form: none is, or joins a form into, a variant.
fn en_filler() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "the ", "and ", "of ", ", ", "; ", "(", ") ", "– ", "2021 ",
        ]),
        0..4,
    )
    .prop_map(|pieces| pieces.concat())
}

/// `text` with each letter upper- or lower-cased as `mask` says.
fn recase(text: &str, mask: u64) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if (mask >> (i % 64)) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

proptest! {
    /// Any of a term's English forms, capitalised or not, anywhere in a sentence, satisfies the
    /// term wherever its Chinese stands.
    #[test]
    fn a_terms_own_english_passes(
        index in any::<prop::sample::Index>(),
        form in any::<prop::sample::Index>(),
        capitalise in any::<bool>(),
        (zh_before, zh_after) in (zh_filler(), zh_filler()),
        (en_before, en_after) in (en_filler(), en_filler()),
    ) {
        let glossary = glossary();
        let term = index.get(&glossary.terms);
        let mut english = form.get(&term.en).clone();
        if capitalise {
            english = english[..1].to_uppercase() + &english[1..];
        }
        let text = Text {
            zh: format!("{zh_before}{}{zh_after}", term.zh[0]),
            en: format!("{en_before}{english} {en_after}"),
        };
        prop_assert_eq!(glossary.check_text(&text), Vec::<String>::new());
    }

    /// A variant to avoid, in any case, beside the right English, is named as the problem.
    #[test]
    fn an_avoided_variant_fails_in_any_case(
        index in any::<prop::sample::Index>(),
        variant in any::<prop::sample::Index>(),
        mask in any::<u64>(),
        en_before in en_filler(),
    ) {
        let glossary = glossary();
        let with_variants: Vec<_> = glossary.terms.iter().filter(|t| !t.avoid.is_empty()).collect();
        let term = index.get(&with_variants);
        let avoided = variant.get(&term.avoid);
        let text = Text {
            zh: term.zh[0].clone(),
            en: format!("{en_before}{} and {}.", term.en[0], recase(avoided, mask)),
        };
        let messages = glossary.check_text(&text);
        let expected = format!("not \"{avoided}\"");
        prop_assert!(
            messages.iter().any(|m| m.ends_with(&expected)),
            "{:?} for {:?}", messages, text
        );
    }
}
