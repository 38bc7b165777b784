//! "数据下载 / Get the data": a plain link to the CSV the build writes for a card (every figure of
//! the site, or of the whole article for the overview), so it works without JavaScript. It
//! follows the figures, never last in the card: a kiosk hides it, and there the story's last
//! element covers the "more below" cue (assets/style.css).

use yew::prelude::*;

use super::strings::strings;
use crate::content::Lang;
use crate::share;

/// The link to the data of `site` (none: the overview) in `lang`, beside the widget's page
/// `page` (none: relative to the page it is on, as the prerender writes it).
pub fn data_link(page: Option<&str>, site: Option<&str>, lang: Lang) -> Html {
    html! {
        <a class="card__data" href={share::data_link(page, site, lang)}>{ strings(lang).get_data }</a>
    }
}
