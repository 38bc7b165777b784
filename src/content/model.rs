//! Serde types of the content file. The file's format is documented in `assets/README.md`.

use serde::Deserialize;

/// A text a person reads, in both of the widget's languages.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub title: Text,
}

/// One pilot site, numbered as in the article.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Stable slug used in links (`#baotou`); never shown.
    pub id: String,
    /// The article's own section number, 1-based.
    pub number: u32,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub article: Article,
    pub sites: Vec<Site>,
}

impl Content {
    /// Sites in the article's numbering order, whatever their order in the file.
    pub fn sites_in_order(&self) -> Vec<&Site> {
        let mut sites: Vec<&Site> = self.sites.iter().collect();
        sites.sort_by_key(|site| site.number);
        sites
    }
}
