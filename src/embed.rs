//! Talking to a host page: the messages it may send (validated, anything else ignored) and the
//! messages the widget sends (its height in the formats CMS plugins listen for, and the
//! reader's selection). Pure: the browser glue is in `browser`.

use crate::content::Lang;
use crate::route::{parse_lang, parse_scheme, Scheme};

/// Every message type of ours starts with this.
pub const PREFIX: &str = "imreform:";

/// What a host page may ask of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    SetLang(Lang),
    /// `None` returns to the overview.
    SetSite(Option<String>),
    SetScheme(Scheme),
}

/// Reads a host message from its `type` and the value field that type needs. `Ok(None)`: not
/// a message for us (other scripts talk on the same channel); `Err`: ours, but malformed.
pub fn parse_host_message(
    kind: Option<&str>,
    value: impl Fn(&str) -> Option<String>,
    known_sites: &[&str],
) -> Result<Option<HostMessage>, String> {
    let Some(kind) = kind.and_then(|k| k.strip_prefix(PREFIX)) else {
        return Ok(None);
    };
    let message = match kind {
        "lang" => {
            let lang = value("lang").ok_or("imreform:lang needs a string `lang`")?;
            HostMessage::SetLang(
                parse_lang(&lang).ok_or(format!("unknown lang \"{lang}\": expected zh or en"))?,
            )
        }
        "theme" => {
            let theme = value("theme").ok_or("imreform:theme needs a string `theme`")?;
            HostMessage::SetScheme(parse_scheme(&theme).ok_or(format!(
                "unknown theme \"{theme}\": expected light, dark or auto"
            ))?)
        }
        "site" => match value("site") {
            None => HostMessage::SetSite(None),
            Some(site) if known_sites.contains(&site.as_str()) => HostMessage::SetSite(Some(site)),
            Some(site) => return Err(format!("unknown site \"{site}\"")),
        },
        // Our own outgoing messages echoed back, or a newer protocol: not an error.
        "height" | "selected" => return Ok(None),
        other => return Err(format!("unknown message type {PREFIX}{other}")),
    };
    Ok(Some(message))
}

/// A JSON string literal. (Written by hand: serde_json's `Value` serializer would add kilobytes
/// of wasm for three small messages.)
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The height messages, as JSON text: Datawrapper's `{"datawrapper-height": {id: px}}` and ours
/// `{"type": "imreform:height", "id", "height"}`; and pym.js's plain string.
pub fn height_messages(id: &str, height_px: u32) -> (String, String, String) {
    let id_json = quote(id);
    (
        format!(r#"{{"datawrapper-height":{{{id_json}:{height_px}}}}}"#),
        format!(r#"{{"height":{height_px},"id":{id_json},"type":"imreform:height"}}"#),
        format!("pymxPYMx{id}xPYMxheightxPYMx{height_px}"),
    )
}

/// Sent when the reader opens a site (`None`: back to the overview).
pub fn selected_message(id: &str, site: Option<&str>, lang: Lang) -> String {
    let site = site.map_or_else(|| "null".to_owned(), quote);
    format!(
        r#"{{"id":{},"lang":"{}","site":{site},"type":"imreform:selected"}}"#,
        quote(id),
        lang.key()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITES: [&str; 2] = ["wuhai", "yili"];

    fn parse(
        kind: Option<&str>,
        field: &str,
        value: Option<&str>,
    ) -> Result<Option<HostMessage>, String> {
        parse_host_message(
            kind,
            |f| (f == field).then(|| value.map(str::to_owned)).flatten(),
            &SITES,
        )
    }

    #[test]
    fn valid_messages() {
        assert_eq!(
            parse(Some("imreform:lang"), "lang", Some("en")),
            Ok(Some(HostMessage::SetLang(Lang::En)))
        );
        assert_eq!(
            parse(Some("imreform:theme"), "theme", Some("dark")),
            Ok(Some(HostMessage::SetScheme(Scheme::Dark)))
        );
        assert_eq!(
            parse(Some("imreform:site"), "site", Some("yili")),
            Ok(Some(HostMessage::SetSite(Some("yili".into()))))
        );
        assert_eq!(
            parse(Some("imreform:site"), "site", None),
            Ok(Some(HostMessage::SetSite(None)))
        );
    }

    #[test]
    fn other_scripts_messages_are_not_ours() {
        for kind in [
            None,
            Some("datawrapper-height"),
            Some("pym"),
            Some(""),
            Some("imreform:height"),
        ] {
            assert_eq!(parse(kind, "lang", Some("en")), Ok(None), "{kind:?}");
        }
    }

    #[test]
    fn malformed_messages_of_ours_are_refused_with_a_reason() {
        assert!(parse(Some("imreform:lang"), "lang", Some("fr")).is_err());
        assert!(parse(Some("imreform:lang"), "other", Some("en")).is_err());
        assert!(parse(
            Some("imreform:site"),
            "site",
            Some("<img src=x onerror=alert(1)>")
        )
        .is_err());
        assert!(parse(Some("imreform:theme"), "theme", Some("neon")).is_err());
        assert!(parse(Some("imreform:eval"), "code", Some("alert(1)")).is_err());
    }

    #[test]
    fn height_messages_in_the_three_formats() {
        let (datawrapper, ours, pym) = height_messages("story-1", 812);
        assert_eq!(datawrapper, r#"{"datawrapper-height":{"story-1":812}}"#);
        assert_eq!(
            ours,
            r#"{"height":812,"id":"story-1","type":"imreform:height"}"#
        );
        assert_eq!(pym, "pymxPYMxstory-1xPYMxheightxPYMx812");
    }

    #[test]
    fn messages_are_valid_json_whatever_the_id() {
        let (datawrapper, ours, _) = height_messages("a\"b\\c\u{1}", 5);
        for text in [datawrapper, ours, selected_message("x\"", None, Lang::Zh)] {
            assert!(
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn selection_message() {
        assert_eq!(
            selected_message("a", Some("wuhai"), Lang::En),
            r#"{"id":"a","lang":"en","site":"wuhai","type":"imreform:selected"}"#
        );
    }
}
