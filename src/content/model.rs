//! Types of the content file. The format is documented in `assets/README.md`.
//!
//! These serde derives are the one definition of the format: the widget, the tests, the tools
//! and the content checker all read through them. The rules are strict on purpose: an unknown
//! field is an error (a typo never goes unnoticed), optional fields may be absent or `null`.

use serde::{Deserialize, Serialize};

use super::quantity::{self, Quantity};
use super::{Lang, Qualifier, Text, Unit};

/// Everything the widget shows: one article of the series.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Version of the file format; this build reads format 1.
    pub format: u32,
    pub article: Article,
    /// The reform's themes, which sites' practices address.
    pub themes: Vec<Theme>,
    pub overview: Overview,
    pub sites: Vec<Site>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: Text,
    pub subtitle: Text,
    /// Which part of the series this is (1 for 上).
    pub series_part: u32,
    pub series_part_label: Text,
    pub subject: Text,
    pub credit: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: Text,
}

/// The introduction's facts, for the card shown when no site is selected.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    pub summary: Text,
    pub figures: Vec<Figure>,
    pub timeline: Vec<TimelineEvent>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub charts: Vec<ChartSpec>,
}

/// How a group of figures that belong together is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Horizontal bars on one axis from zero; the figures share a dimension.
    Bars,
    /// One bar split into its parts, with the derived total marked; the figures share a unit.
    Stacked,
    /// Small multiples of unit charts (one dot per person, one square per enterprise) for
    /// counts that belong together but have different units.
    Units,
}

/// An editorial decision: these figures are shown together, so.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChartSpec {
    pub id: String,
    pub kind: ChartKind,
    pub title: Text,
    /// Ids of the figures beside it, in drawing order.
    pub figures: Vec<String>,
    /// For `stacked`: the derived figure that sums the parts.
    #[serde(default)]
    pub total: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    pub id: String,
    pub year: i32,
    #[serde(default)]
    pub month: Option<u32>,
    /// True when the date is worked out from others (a one-year term after July 2021), not
    /// stated by the article.
    #[serde(default, deserialize_with = "null_as_default")]
    pub derived: bool,
    pub label: Text,
    /// The article's words this event rests on.
    pub source: String,
}

/// Whether a site is a place, a zone or a company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A city (市) or banner (旗).
    CityOrBanner,
    DevelopmentZone,
    Enterprise,
}

impl Kind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::CityOrBanner, Lang::Zh) => "旗县市",
            (Kind::CityOrBanner, Lang::En) => "City or banner",
            (Kind::DevelopmentZone, Lang::Zh) => "开发区",
            (Kind::DevelopmentZone, Lang::En) => "Development zone",
            (Kind::Enterprise, Lang::Zh) => "企业",
            (Kind::Enterprise, Lang::En) => "Enterprise",
        }
    }
}

/// One pilot site, numbered as in the article.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Stable slug used in links (`#baotou`); never shown.
    pub id: String,
    /// The article's own section number, 1-based.
    pub number: u32,
    pub kind: Kind,
    pub name: Text,
    /// The league or city (盟市) the site lies in.
    pub league: Text,
    pub location: Location,
    /// The section's headline, without the site's name.
    pub headline: Text,
    pub summary: Text,
    /// Named practices and models ("1335", "1+6+N", …).
    pub practices: Vec<Practice>,
    pub figures: Vec<Figure>,
    /// Figures shown together as charts; the others appear as figure tiles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub charts: Vec<ChartSpec>,
    /// The caption of the section's photo (the photo itself is not part of the widget).
    pub caption: Text,
    /// Ids of the themes its practices address.
    pub themes: Vec<String>,
}

/// A WGS84 point and what it stands for.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Degrees east.
    pub lon: f64,
    /// Degrees north.
    pub lat: f64,
    /// Which point this is (city seat, zone, headquarters) and how exact.
    pub note: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub name: Text,
    pub detail: Text,
}

/// Whether a figure reports an outcome or describes the frame around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Something done or reached (6000+ person-times trained): worth a chart.
    #[default]
    Result,
    /// A number that describes a plan or rule (five key tasks, the five-level cap): shown as
    /// text, not charted.
    Context,
}

/// One number from the article, typed.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Unique among the figures of its site (or of the overview).
    pub id: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub role: Role,
    /// In base units: 1328万元 is 13280000.
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// When or over what span ("3年", "2017年以来"), where the article says.
    #[serde(default)]
    pub period: Option<Text>,
    pub label: Text,
    /// The amount exactly as the article writes it ("6000余", "近5亿", "五"); absent for
    /// derived figures.
    #[serde(default)]
    pub stated: Option<String>,
    /// The few words of the article that state the figure; contains `stated`.
    #[serde(default)]
    pub source: Option<String>,
    /// For a derived figure, the ids of the figures it sums.
    #[serde(default, deserialize_with = "null_as_default")]
    pub derived_from: Vec<String>,
}

/// Reads `null` as the field's default, like an absent field (`"charts": null` is no charts).
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

impl Figure {
    pub fn quantity(&self) -> Quantity {
        Quantity {
            value: self.value,
            qualifier: self.qualifier,
        }
    }

    /// True when the widget worked this number out (a sum) rather than the article stating it.
    pub fn is_derived(&self) -> bool {
        !self.derived_from.is_empty()
    }

    /// The number with its qualifier and unit: "6000余人次" / "6,000+ person-times",
    /// "近5亿元" / "nearly 500 million yuan".
    pub fn display(&self, lang: Lang) -> String {
        let quantity = self.quantity();
        match lang {
            Lang::Zh => format!("{}{}", quantity::format_zh(quantity), self.unit.zh()),
            Lang::En => {
                let plural = !(self.value == 1.0 && self.qualifier == Qualifier::Exact);
                format!("{} {}", quantity::format_en(quantity), self.unit.en(plural))
            }
        }
    }
}

impl Content {
    /// Sites in the article's numbering order, whatever their order in the file.
    pub fn sites_in_order(&self) -> Vec<&Site> {
        let mut sites: Vec<&Site> = self.sites.iter().collect();
        crate::small_sort::sort_by_key(&mut sites, |site| site.number);
        sites
    }

    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|site| site.id == id)
    }
}
