//! Talking to a host page: the messages it may send (validated, anything else ignored) and the
//! messages the widget sends (its height in the formats CMS plugins listen for, and the
//! reader's selection). Pure: the browser glue is in `browser`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::Lang;
use crate::options::{parse_lang, parse_scheme, Scheme};

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

/// `{"type": "imreform:height", "id": …, "height": …}`: the height message `embed.js` listens for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeightMessage<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: &'a str,
    pub height: u32,
}

/// Datawrapper's `{"datawrapper-height": {id: px}}`, which many CMS plugins resize on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatawrapperHeight<'a> {
    #[serde(rename = "datawrapper-height")]
    pub heights: BTreeMap<&'a str, u32>,
}

/// The three height messages for a frame of `height_px`: Datawrapper's, ours, and pym.js's
/// plain string (`pymxPYMx<id>xPYMxheightxPYMx<px>`; pym's protocol is a string, not JSON).
pub fn height_messages(
    id: &str,
    height_px: u32,
) -> (DatawrapperHeight<'_>, HeightMessage<'_>, String) {
    (
        DatawrapperHeight {
            heights: BTreeMap::from([(id, height_px)]),
        },
        HeightMessage {
            kind: "imreform:height",
            id,
            height: height_px,
        },
        format!("pymxPYMx{id}xPYMxheightxPYMx{height_px}"),
    )
}

/// `{"type": "imreform:selected", "id", "site", "lang"}`, sent when the reader opens a site
/// (`site: null`: back to the overview).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelectedMessage<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: &'a str,
    pub site: Option<&'a str>,
    pub lang: Lang,
}

pub fn selected_message<'a>(id: &'a str, site: Option<&'a str>, lang: Lang) -> SelectedMessage<'a> {
    SelectedMessage {
        kind: "imreform:selected",
        id,
        site,
        lang,
    }
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

    fn json<T: Serialize>(message: &T) -> String {
        serde_json::to_string(message).expect("serialises")
    }

    #[test]
    fn height_messages_in_the_three_formats() {
        let (datawrapper, ours, pym) = height_messages("story-1", 812);
        assert_eq!(
            json(&datawrapper),
            r#"{"datawrapper-height":{"story-1":812}}"#
        );
        assert_eq!(
            json(&ours),
            r#"{"type":"imreform:height","id":"story-1","height":812}"#
        );
        assert_eq!(pym, "pymxPYMxstory-1xPYMxheightxPYMx812");
    }

    #[test]
    fn an_id_with_quotes_and_controls_stays_one_string() {
        let id = "a\"b\\c\u{1}</script>";
        let (datawrapper, ours, _) = height_messages(id, 5);
        let selected = selected_message(id, None, Lang::Zh);
        let read = |text: String| serde_json::from_str::<serde_json::Value>(&text).expect("JSON");
        assert_eq!(read(json(&ours))["id"], id);
        assert_eq!(read(json(&datawrapper))["datawrapper-height"][id], 5);
        assert_eq!(read(json(&selected))["id"], id);
    }

    #[test]
    fn selection_message() {
        assert_eq!(
            json(&selected_message("a", Some("wuhai"), Lang::En)),
            r#"{"type":"imreform:selected","id":"a","site":"wuhai","lang":"en"}"#
        );
        assert_eq!(
            json(&selected_message("a", None, Lang::Zh)),
            r#"{"type":"imreform:selected","id":"a","site":null,"lang":"zh"}"#
        );
    }
}
