//! Units of the article's figures, with the words each language puts after a number.

use super::Lang;

/// What a figure counts. Each figure has exactly one, so a chart never mixes two on an axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    People,
    PersonTimes,
    Trades,
    Enterprises,
    Organisations,
    Projects,
    Yuan,
    Measures,
    Items,
    Venues,
    Studios,
    Events,
    Tasks,
    Mechanisms,
    Levels,
    Systems,
    FocalPoints,
    Features,
    Campaigns,
    Bodies,
    Pilots,
    Years,
}

impl Unit {
    /// The measure word written straight after a Chinese number (6000余**人次**, 256**家**).
    pub fn zh(self) -> &'static str {
        match self {
            Unit::People => "名",
            Unit::PersonTimes => "人次",
            Unit::Trades => "个工种",
            Unit::Enterprises | Unit::Venues | Unit::Studios | Unit::Bodies => "家",
            Unit::Organisations | Unit::Projects | Unit::Features | Unit::Pilots => "个",
            Unit::Yuan => "元",
            Unit::Measures | Unit::Items | Unit::Tasks | Unit::Mechanisms | Unit::Campaigns => "项",
            Unit::Events => "场",
            Unit::Levels => "级",
            Unit::Systems => "套",
            Unit::FocalPoints => "点",
            Unit::Years => "年",
        }
    }

    /// The English noun, singular or plural.
    pub fn en(self, plural: bool) -> &'static str {
        let (one, many) = match self {
            Unit::People => ("person", "people"),
            Unit::PersonTimes => ("person-time", "person-times"),
            Unit::Trades => ("trade", "trades"),
            Unit::Enterprises => ("enterprise", "enterprises"),
            Unit::Organisations => ("organisation", "organisations"),
            Unit::Projects => ("project", "projects"),
            Unit::Yuan => ("yuan", "yuan"),
            Unit::Measures => ("measure", "measures"),
            Unit::Items => ("item", "items"),
            Unit::Venues => ("venue", "venues"),
            Unit::Studios => ("studio", "studios"),
            Unit::Events => ("event", "events"),
            Unit::Tasks => ("task", "tasks"),
            Unit::Mechanisms => ("mechanism", "mechanisms"),
            Unit::Levels => ("level", "levels"),
            Unit::Systems => ("system", "systems"),
            Unit::FocalPoints => ("focal point", "focal points"),
            Unit::Features => ("feature", "features"),
            Unit::Campaigns => ("campaign", "campaigns"),
            Unit::Bodies => ("body", "bodies"),
            Unit::Pilots => ("pilot", "pilots"),
            Unit::Years => ("year", "years"),
        };
        if plural {
            many
        } else {
            one
        }
    }

    /// What the unit counts, for deciding what may share an axis: enterprises are counted as
    /// organisations beside social organisations; every other unit is its own dimension.
    pub fn dimension(self) -> Unit {
        match self {
            Unit::Enterprises => Unit::Organisations,
            other => other,
        }
    }

    /// The label of an axis of this unit's dimension: "人次" / "person-times".
    pub fn axis_label(self, lang: Lang) -> &'static str {
        match (self.dimension(), lang) {
            (Unit::Organisations, Lang::Zh) => "个（家）组织",
            (unit, lang) => unit.label(lang),
        }
    }

    /// The unit as a column label: "人次" / "person-times".
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh if self == Unit::Trades => "工种",
            Lang::Zh => self.zh(),
            Lang::En => self.en(true),
        }
    }
}
