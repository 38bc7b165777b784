//! The content file's shape: a parsed [`Json`] tree to typed [`Content`], or the first field
//! that does not fit, named by its path (`sites[2].number`) with what was expected and found.
//!
//! Written by hand rather than derived with serde: see `crate::json` for the measured reason.
//! The rules are serde's `deny_unknown_fields` ones: unknown or duplicate fields are errors,
//! optional fields may be absent (or `null`), lists may be absent where the format says so.

use crate::json::Json;

use super::model::{
    Article, ChartKind, ChartSpec, Content, Figure, Kind, Location, Overview, Practice, Role, Site,
    Theme, TimelineEvent,
};
use super::{Problem, Qualifier, Text, Unit};

type Read<T> = Result<T, Problem>;

/// `base.key`, or `key` at the top.
fn field_path(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

fn wrong_type(value: &Json, path: &str, expected: &str) -> Problem {
    Problem::new(
        path,
        format!("expected {expected}, found {}", value.describe()),
    )
}

/// An object's members, checked against the fields its type has.
struct Object<'a> {
    members: &'a [(String, Json)],
    path: &'a str,
}

impl<'a> Object<'a> {
    fn new(value: &'a Json, path: &'a str, fields: &[&str]) -> Read<Self> {
        let Json::Object(members) = value else {
            return Err(wrong_type(value, path, "an object"));
        };
        for (i, (key, _)) in members.iter().enumerate() {
            if !fields.contains(&key.as_str()) {
                let expected = fields.join("`, `");
                return Err(Problem::new(
                    field_path(path, key),
                    format!("unknown field `{key}`, expected one of `{expected}`"),
                ));
            }
            if members[..i].iter().any(|(earlier, _)| earlier == key) {
                return Err(Problem::new(
                    field_path(path, key),
                    format!("duplicate field `{key}`"),
                ));
            }
        }
        Ok(Self { members, path })
    }

    /// The field's value and path; absent and `null` are both `None`.
    fn optional(&self, key: &str) -> Option<(&'a Json, String)> {
        self.members
            .iter()
            .find(|(k, v)| k == key && *v != Json::Null)
            .map(|(_, v)| (v, field_path(self.path, key)))
    }

    fn required(&self, key: &str) -> Read<(&'a Json, String)> {
        match self.members.iter().find(|(k, _)| k == key) {
            Some((_, value)) => Ok((value, field_path(self.path, key))),
            None => Err(Problem::new(self.path, format!("missing field `{key}`"))),
        }
    }

    fn get<T>(&self, key: &str, read: impl Fn(&Json, &str) -> Read<T>) -> Read<T> {
        let (value, path) = self.required(key)?;
        read(value, &path)
    }

    fn get_or_default<T: Default>(
        &self,
        key: &str,
        read: impl Fn(&Json, &str) -> Read<T>,
    ) -> Read<T> {
        match self.optional(key) {
            Some((value, path)) => read(value, &path),
            None => Ok(T::default()),
        }
    }

    fn get_optional<T>(&self, key: &str, read: impl Fn(&Json, &str) -> Read<T>) -> Read<Option<T>> {
        self.optional(key)
            .map(|(value, path)| read(value, &path))
            .transpose()
    }
}

fn string(value: &Json, path: &str) -> Read<String> {
    match value {
        Json::String(text) => Ok(text.clone()),
        other => Err(wrong_type(other, path, "a string")),
    }
}

fn number(value: &Json, path: &str) -> Read<f64> {
    match value {
        Json::Number(n) => Ok(*n),
        other => Err(wrong_type(other, path, "a number")),
    }
}

fn whole(value: &Json, path: &str, min: i64, max: i64) -> Read<i64> {
    match value {
        Json::Number(n) if n.fract() == 0.0 && (min as f64..=max as f64).contains(n) => {
            Ok(*n as i64)
        }
        other => Err(wrong_type(
            other,
            path,
            &format!("a whole number from {min} to {max}"),
        )),
    }
}

fn unsigned(value: &Json, path: &str) -> Read<u32> {
    whole(value, path, 0, u32::MAX.into()).map(|n| n as u32)
}

fn signed(value: &Json, path: &str) -> Read<i32> {
    whole(value, path, i32::MIN.into(), i32::MAX.into()).map(|n| n as i32)
}

fn boolean(value: &Json, path: &str) -> Read<bool> {
    match value {
        Json::Bool(b) => Ok(*b),
        other => Err(wrong_type(other, path, "true or false")),
    }
}

fn list<T>(value: &Json, path: &str, read: impl Fn(&Json, &str) -> Read<T>) -> Read<Vec<T>> {
    let Json::Array(items) = value else {
        return Err(wrong_type(value, path, "a list"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read(item, &format!("{path}[{i}]")))
        .collect()
}

fn strings(value: &Json, path: &str) -> Read<Vec<String>> {
    list(value, path, string)
}

/// One of a fixed set of names (an enum written in snake_case).
fn variant<T: Copy>(value: &Json, path: &str, names: &[(&str, T)]) -> Read<T> {
    let Json::String(name) = value else {
        return Err(wrong_type(value, path, "a name in quotes"));
    };
    names
        .iter()
        .find(|(n, _)| n == name)
        .map(|&(_, v)| v)
        .ok_or_else(|| {
            let expected: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
            Problem::new(
                path,
                format!(
                    "unknown variant `{name}`, expected one of `{}`",
                    expected.join("`, `")
                ),
            )
        })
}

pub(super) const QUALIFIERS: [(&str, Qualifier); 4] = [
    ("exact", Qualifier::Exact),
    ("more_than", Qualifier::MoreThan),
    ("nearly", Qualifier::Nearly),
    ("nearly_more_than", Qualifier::NearlyMoreThan),
];

const KINDS: [(&str, Kind); 3] = [
    ("city_or_banner", Kind::CityOrBanner),
    ("development_zone", Kind::DevelopmentZone),
    ("enterprise", Kind::Enterprise),
];

const CHART_KINDS: [(&str, ChartKind); 3] = [
    ("bars", ChartKind::Bars),
    ("stacked", ChartKind::Stacked),
    ("units", ChartKind::Units),
];

const ROLES: [(&str, Role); 2] = [("result", Role::Result), ("context", Role::Context)];

const UNITS: [(&str, Unit); 22] = [
    ("people", Unit::People),
    ("person_times", Unit::PersonTimes),
    ("trades", Unit::Trades),
    ("enterprises", Unit::Enterprises),
    ("organisations", Unit::Organisations),
    ("projects", Unit::Projects),
    ("yuan", Unit::Yuan),
    ("measures", Unit::Measures),
    ("items", Unit::Items),
    ("venues", Unit::Venues),
    ("studios", Unit::Studios),
    ("events", Unit::Events),
    ("tasks", Unit::Tasks),
    ("mechanisms", Unit::Mechanisms),
    ("levels", Unit::Levels),
    ("systems", Unit::Systems),
    ("focal_points", Unit::FocalPoints),
    ("features", Unit::Features),
    ("campaigns", Unit::Campaigns),
    ("bodies", Unit::Bodies),
    ("pilots", Unit::Pilots),
    ("years", Unit::Years),
];

fn text(value: &Json, path: &str) -> Read<Text> {
    let object = Object::new(value, path, &["zh", "en"])?;
    Ok(Text {
        zh: object.get("zh", string)?,
        en: object.get("en", string)?,
    })
}

/// Reads a whole content file's tree.
pub(super) fn content(value: &Json) -> Read<Content> {
    let object = Object::new(
        value,
        "",
        &["format", "article", "themes", "overview", "sites"],
    )?;
    Ok(Content {
        format: object.get("format", unsigned)?,
        article: object.get("article", article)?,
        themes: object.get("themes", |v, p| list(v, p, theme))?,
        overview: object.get("overview", overview)?,
        sites: object.get("sites", |v, p| list(v, p, site))?,
    })
}

fn article(value: &Json, path: &str) -> Read<Article> {
    let object = Object::new(
        value,
        path,
        &[
            "title",
            "subtitle",
            "series_part",
            "series_part_label",
            "subject",
            "credit",
        ],
    )?;
    Ok(Article {
        title: object.get("title", text)?,
        subtitle: object.get("subtitle", text)?,
        series_part: object.get("series_part", unsigned)?,
        series_part_label: object.get("series_part_label", text)?,
        subject: object.get("subject", text)?,
        credit: object.get("credit", text)?,
    })
}

fn theme(value: &Json, path: &str) -> Read<Theme> {
    let object = Object::new(value, path, &["id", "name"])?;
    Ok(Theme {
        id: object.get("id", string)?,
        name: object.get("name", text)?,
    })
}

fn overview(value: &Json, path: &str) -> Read<Overview> {
    let object = Object::new(value, path, &["summary", "figures", "timeline", "charts"])?;
    Ok(Overview {
        summary: object.get("summary", text)?,
        figures: object.get("figures", |v, p| list(v, p, figure))?,
        timeline: object.get("timeline", |v, p| list(v, p, timeline_event))?,
        charts: object.get_or_default("charts", |v, p| list(v, p, chart))?,
    })
}

fn chart(value: &Json, path: &str) -> Read<ChartSpec> {
    let object = Object::new(value, path, &["id", "kind", "title", "figures", "total"])?;
    Ok(ChartSpec {
        id: object.get("id", string)?,
        kind: object.get("kind", |v, p| variant(v, p, &CHART_KINDS))?,
        title: object.get("title", text)?,
        figures: object.get("figures", strings)?,
        total: object.get_optional("total", string)?,
    })
}

fn timeline_event(value: &Json, path: &str) -> Read<TimelineEvent> {
    let object = Object::new(
        value,
        path,
        &["id", "year", "month", "derived", "label", "source"],
    )?;
    Ok(TimelineEvent {
        id: object.get("id", string)?,
        year: object.get("year", signed)?,
        month: object.get_optional("month", unsigned)?,
        derived: object.get_or_default("derived", boolean)?,
        label: object.get("label", text)?,
        source: object.get("source", string)?,
    })
}

fn site(value: &Json, path: &str) -> Read<Site> {
    let object = Object::new(
        value,
        path,
        &[
            "id",
            "number",
            "kind",
            "name",
            "league",
            "location",
            "headline",
            "summary",
            "practices",
            "figures",
            "charts",
            "caption",
            "themes",
        ],
    )?;
    Ok(Site {
        id: object.get("id", string)?,
        number: object.get("number", unsigned)?,
        kind: object.get("kind", |v, p| variant(v, p, &KINDS))?,
        name: object.get("name", text)?,
        league: object.get("league", text)?,
        location: object.get("location", location)?,
        headline: object.get("headline", text)?,
        summary: object.get("summary", text)?,
        practices: object.get("practices", |v, p| list(v, p, practice))?,
        figures: object.get("figures", |v, p| list(v, p, figure))?,
        charts: object.get_or_default("charts", |v, p| list(v, p, chart))?,
        caption: object.get("caption", text)?,
        themes: object.get("themes", strings)?,
    })
}

fn location(value: &Json, path: &str) -> Read<Location> {
    let object = Object::new(value, path, &["lon", "lat", "note"])?;
    Ok(Location {
        lon: object.get("lon", number)?,
        lat: object.get("lat", number)?,
        note: object.get("note", text)?,
    })
}

fn practice(value: &Json, path: &str) -> Read<Practice> {
    let object = Object::new(value, path, &["name", "detail"])?;
    Ok(Practice {
        name: object.get("name", text)?,
        detail: object.get("detail", text)?,
    })
}

fn figure(value: &Json, path: &str) -> Read<Figure> {
    let object = Object::new(
        value,
        path,
        &[
            "id",
            "role",
            "value",
            "unit",
            "qualifier",
            "period",
            "label",
            "stated",
            "source",
            "derived_from",
        ],
    )?;
    Ok(Figure {
        id: object.get("id", string)?,
        role: object
            .get_optional("role", |v, p| variant(v, p, &ROLES))?
            .unwrap_or_default(),
        value: object.get("value", number)?,
        unit: object.get("unit", |v, p| variant(v, p, &UNITS))?,
        qualifier: object.get("qualifier", |v, p| variant(v, p, &QUALIFIERS))?,
        period: object.get_optional("period", text)?,
        label: object.get("label", text)?,
        stated: object.get_optional("stated", string)?,
        source: object.get_optional("source", string)?,
        derived_from: object.get_or_default("derived_from", strings)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Read<Content> {
        content(&crate::json::parse(text).expect("valid JSON"))
    }

    #[test]
    fn every_name_of_every_enum_is_distinct() {
        fn distinct<T>(names: &[(&str, T)]) -> bool {
            names
                .iter()
                .enumerate()
                .all(|(i, (n, _))| names[..i].iter().all(|(m, _)| m != n))
        }
        assert!(distinct(&UNITS) && distinct(&QUALIFIERS) && distinct(&KINDS));
        assert!(distinct(&CHART_KINDS) && distinct(&ROLES));
    }

    #[test]
    fn names_the_field_that_does_not_fit() {
        let cases = [
            ("[]", "", "expected an object, found an array"),
            ("{\"format\": 1}", "", "missing field `article`"),
            ("{\"format\": \"1\"}", "format", "expected a whole number from 0 to 4294967295, found the string \"1\""),
            ("{\"format\": 1.5}", "format", "expected a whole number from 0 to 4294967295, found the number 1.5"),
            ("{\"format\": -1}", "format", "expected a whole number from 0 to 4294967295, found the number -1"),
            ("{\"extra\": 1}", "extra", "unknown field `extra`, expected one of `format`, `article`, `themes`, `overview`, `sites`"),
            ("{\"format\": 1, \"format\": 1}", "format", "duplicate field `format`"),
        ];
        for (text, path, message) in cases {
            assert_eq!(read(text), Err(Problem::new(path, message)), "{text}");
        }
    }

    #[test]
    fn optional_fields_may_be_absent_or_null_and_enums_list_their_names() {
        let value = crate::json::parse(
            r#"{"id": "a", "value": 3, "unit": "people", "qualifier": "exact",
                "label": {"zh": "甲", "en": "A"}, "stated": null}"#,
        )
        .expect("JSON");
        let read = figure(&value, "f").expect("a figure");
        assert_eq!(
            (read.role, read.stated, read.derived_from.len()),
            (Role::Result, None, 0)
        );

        let value = crate::json::parse(r#""village""#).expect("JSON");
        let err = variant(&value, "sites[0].kind", &KINDS).expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "sites[0].kind: unknown variant `village`, expected one of `city_or_banner`, `development_zone`, `enterprise`"
        );
    }
}
