//! Hostile addresses and host messages from `tests/fixtures/`: each is either obeyed exactly
//! or ignored with a warning; nothing else happens.

use imreform::content::Lang;
use imreform::embed::{parse_host_message, HostMessage};
use imreform::options::{Options, Scheme};
use serde_json::Value;

mod common;

#[test]
fn hostile_addresses() {
    let sites = common::site_ids();
    let table = include_str!("fixtures/hostile-addresses.tsv");
    let mut cases = 0;
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [query, fragment, site, lang, warnings] = cols[..] else {
            panic!("bad line {line:?}")
        };
        let mut route = Options::from_address(query, fragment);
        let (known, warning) = route.site_among(&sites);
        route.site = known;
        route.warnings.extend(warning);
        assert_eq!(route.public_page, None, "{line}");
        let expected_site = (site != "-").then_some(site);
        assert_eq!(route.site.as_deref(), expected_site, "{line}");
        let expected_lang = match lang {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        };
        assert_eq!(route.lang, expected_lang, "{line}");
        assert_eq!(
            route.warnings.len(),
            warnings.parse::<usize>().unwrap(),
            "{line}: {:?}",
            route.warnings
        );
        assert_eq!(route.content, None, "{line}");
        cases += 1;
    }
    assert!(cases >= 14);
}

#[test]
fn hostile_host_messages() {
    let sites = common::site_ids();
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("fixtures/hostile-messages.json")).unwrap();
    assert!(cases.len() >= 14);
    for case in cases {
        let message = &case["message"];
        let field = |name: &str| message.get(name).and_then(Value::as_str).map(str::to_owned);
        let outcome = parse_host_message(message["type"].as_str(), field, &sites);
        let got = match outcome {
            Ok(Some(HostMessage::SetLang(Lang::En))) => "lang en".to_owned(),
            Ok(Some(HostMessage::SetLang(Lang::Zh))) => "lang zh".to_owned(),
            Ok(Some(HostMessage::SetScheme(Scheme::Dark))) => "theme dark".to_owned(),
            Ok(Some(HostMessage::SetScheme(_))) => "theme other".to_owned(),
            Ok(Some(HostMessage::SetSite(Some(site)))) => format!("site {site}"),
            Ok(Some(HostMessage::SetSite(None))) => "site none".to_owned(),
            Ok(None) => "ignored".to_owned(),
            Err(_) => "error".to_owned(),
        };
        assert_eq!(got, case["expect"].as_str().unwrap(), "{message}");
    }
}
