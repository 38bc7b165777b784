//! The card of one pilot site: its story, figures, charts and practices.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use super::figure_tile::figure_tiles;
use super::strings::strings;
use super::{class_list, kind_class, use_surface};
use crate::by_identity::ByIdentity;
use crate::chart;
use crate::content::{Content, Figure, Lang, Role, Site};
use crate::gesture::Swipe;
use crate::share;
use crate::web::browser::ShareOutcome;
use crate::web::hooks::{use_share_link, use_swipe};

#[derive(Properties, PartialEq)]
pub struct SiteCardProps {
    pub content: ByIdentity<Content>,
    pub site_id: String,
    pub lang: Lang,
    #[prop_or_default]
    pub dark: bool,
    pub on_close: Callback<()>,
    /// Previous/next: the id of the site to show.
    pub on_select: Callback<String>,
    /// The widget's page (its public address where the owner gave one), for a link to this
    /// site that the reader can share; no share button without it.
    #[prop_or_default]
    pub share_page: Option<String>,
    /// Kiosk with a public address (`Options::public_page`, from the owner's markup): the
    /// card shows a QR code of the link to this site in this language on that page.
    #[prop_or_default]
    pub share: Option<String>,
}

#[component]
pub fn SiteCard(props: &SiteCardProps) -> Html {
    // In the print dossier: the story without the close, share and previous/next buttons. In
    // the prerender (a site's own page): links to the overview's page and the neighbours' pages
    // in their place, which a reader without JavaScript follows.
    let surface = use_surface();
    let (dossier, prerender) = (surface.is_dossier(), surface.is_prerender());
    let charts = use_memo(
        (props.content.clone(), props.site_id.clone(), props.lang),
        |(content, id, lang)| site_charts(content, id, *lang),
    );
    let lang = props.lang;
    let site = props.content.site(&props.site_id);
    let (previous, next) = neighbours(&props.content, &props.site_id);
    let swipe = {
        let (on_select, previous, next) = (props.on_select.clone(), previous.clone(), next.clone());
        use_swipe(Callback::from(move |swipe| {
            on_select.emit(match swipe {
                Swipe::Next => next.clone(),
                Swipe::Previous => previous.clone(),
            })
        }))
    };
    let (on_share, shared) = use_share_link(
        props
            .share_page
            .as_deref()
            .map(|page| share::link(page, &props.site_id, lang)),
        site.map(|site| {
            format!(
                "{} · {}",
                site.name.get(lang),
                props.content.article.title.get(lang)
            )
        })
        .unwrap_or_default(),
    );
    let Some(site) = site else {
        return Html::default();
    };
    // Encoded afresh when the card renders: its props change only with the site or language.
    let take_home = props
        .share
        .as_deref()
        .and_then(|base| take_home_code(&share::link(base, &site.id, lang), lang));
    let s = strings(lang);
    let (tiles, context) = figure_groups(site);
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let heading_id = format!("card-{}", site.id);
    let live = !dossier;
    html! {
        <article
            class={if take_home.is_some() { "card card--share" } else { "card" }}
            id={dossier.then(|| site.id.clone())}
            data-testid={if dossier { "dossier-card" } else { "card" }}
            data-site={site.id.clone()}
            aria-labelledby={heading_id.clone()}
            lang={lang.tag()}
            onpointerdown={live.then_some(swipe.down)}
            onpointerup={live.then_some(swipe.up)}
            onpointercancel={live.then_some(swipe.cancel)}
        >
            <header class="card__header">
                <span class={class_list(&[Some("card__number"), Some(kind_class(site.kind))])} aria-hidden="true">{ site.number }</span>
                <div class="card__heading">
                    <h2 id={heading_id} class="card__name">{ site.name.get(lang) }</h2>
                    <p class="card__meta">{ format!("{} · {}", site.kind.label(lang), site.league.get(lang)) }</p>
                </div>
                if live {
                    if let Some(on_share) = on_share {
                        <button type="button" class="card__share" onclick={on_share} data-testid="card-share">{ s.share }</button>
                    }
                    if prerender {
                        <a class="card__close" href={share::page_file(None, lang)} data-site="" aria-label={s.close} title={s.close} data-testid="card-close">{ "×" }</a>
                    } else {
                        <button type="button" class="card__close" aria-label={s.close} title={s.close} onclick={close} data-testid="card-close">{ "×" }</button>
                    }
                }
            </header>
            { share_status(shared.as_ref(), lang) }
            // A new site's story is a scroller of its own, so it starts at the top whatever the
            // last one was scrolled to (setting scrollTop instead forced a layout in every click).
            <div class="card__scroll" key={site.id.clone()}>
                <p class="card__headline">{ site.headline.get(lang) }</p>
                <p class="card__summary">{ site.summary.get(lang) }</p>
                if !tiles.is_empty() || !charts.is_empty() {
                    <section class="card__section">
                        <h3>{ s.key_figures }</h3>
                        <div class="tiles">
                            { figure_tiles(tiles.iter().copied(), lang) }
                        </div>
                        { for charts.iter().map(|c| html! { <ChartView chart={c.clone()} {lang} dark={props.dark} /> }) }
                    </section>
                }
                { super::data_link::data_link(props.share_page.as_deref(), Some(&site.id), lang) }
                { details(site, &context, props.content.article.credit.get(lang), lang) }
            </div>
            if prerender {
                { card_nav_links(&props.content, (&previous, &next), lang) }
            } else if live {
                { card_nav(&props.content, (&previous, &next), lang, &props.on_select) }
            }
            if let Some(code) = take_home.clone() {
                { code }
            }
        </article>
    }
}

/// The charts of site `id`, laid out from its figures.
fn site_charts(content: &Content, id: &str, lang: Lang) -> Vec<Rc<chart::Chart>> {
    let Some(site) = content.site(id) else {
        return Vec::new();
    };
    let section = (strings(lang).section)(site.number);
    site.charts
        .iter()
        .filter_map(|spec| chart::build(spec, &site.figures, &section, lang).map(Rc::new))
        .collect()
}

/// The ids of the sites before and after `id` in the article's order (round the end).
fn neighbours(content: &Content, id: &str) -> (String, String) {
    let ordered = content.sites_in_order();
    let position = ordered.iter().position(|o| o.id == id).unwrap_or(0);
    let neighbour = |offset: usize| ordered[(position + offset) % ordered.len()].id.clone();
    (neighbour(ordered.len() - 1), neighbour(1))
}

/// The figures shown as tiles (results no chart shows) and those that set the scene.
fn figure_groups(site: &Site) -> (Vec<&Figure>, Vec<&Figure>) {
    let charted: Vec<&str> = site
        .charts
        .iter()
        .flat_map(|c| c.figures.iter().chain(c.total.iter()))
        .map(String::as_str)
        .collect();
    let tiles = site
        .figures
        .iter()
        .filter(|f| f.role == Role::Result && !charted.contains(&f.id.as_str()))
        .collect();
    let context = site
        .figures
        .iter()
        .filter(|f| f.role == Role::Context)
        .collect();
    (tiles, context)
}

/// What became of the reader's share: copied, or the link to copy by hand.
fn share_status(shared: Option<&(String, ShareOutcome)>, lang: Lang) -> Html {
    let s = strings(lang);
    match shared {
        Some((link, ShareOutcome::Copied)) => html! {
            <p class="card__shared" role="status" data-testid="share-status">{ s.link_copied }<span class="card__link">{ link }</span></p>
        },
        Some((link, ShareOutcome::Unavailable)) => html! {
            <p class="card__shared" role="status" data-testid="share-status">
                { s.copy_link }
                <input class="card__link-input" type="text" readonly=true value={link.clone()} aria-label={s.copy_link} />
            </p>
        },
        _ => Html::default(),
    }
}

/// Previous and next, by name.
fn card_nav(
    content: &Content,
    (previous, next): (&str, &str),
    lang: Lang,
    on_select: &Callback<String>,
) -> Html {
    let go = |id: &str| {
        let (on_select, id) = (on_select.clone(), id.to_owned());
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    let [previous_text, next_text] = step_texts(content, (previous, next), lang);
    html! {
        <nav class="card__nav">
            <button type="button" class="card__step" onclick={go(previous)} data-testid="card-previous">{ previous_text }</button>
            <button type="button" class="card__step" onclick={go(next)} data-testid="card-next">{ next_text }</button>
        </nav>
    }
}

/// Previous and next as links to their sites' own pages (the prerender's).
fn card_nav_links(content: &Content, (previous, next): (&str, &str), lang: Lang) -> Html {
    let [previous_text, next_text] = step_texts(content, (previous, next), lang);
    let link = |id: &str, text: String, testid: &'static str| {
        html! {
            <a class="card__step" href={share::page_file(Some(id), lang)} data-site={id.to_owned()} data-testid={testid}>{ text }</a>
        }
    };
    html! {
        <nav class="card__nav">
            { link(previous, previous_text, "card-previous") }
            { link(next, next_text, "card-next") }
        </nav>
    }
}

/// "← 上一个 包头市" and "下一个 乌海市 →".
fn step_texts(content: &Content, (previous, next): (&str, &str), lang: Lang) -> [String; 2] {
    let s = strings(lang);
    let name = |id: &str| {
        content
            .site(id)
            .map(|site| site.name.get(lang).to_owned())
            .unwrap_or_default()
    };
    [
        format!("← {} {}", s.previous, name(previous)),
        format!("{} {} →", s.next, name(next)),
    ]
}

/// The QR code of `link` (its dark modules as one path, the quiet zone around them), dark on
/// light whatever the theme, and its caption in both languages.
/// (The kiosk build's: the reader's widget carries no QR encoder.)
#[cfg(feature = "kiosk")]
fn take_home_code(link: &str, lang: Lang) -> Option<Html> {
    let qr = share::Qr::encode(link)?;
    let side = qr.side().to_string();
    let label = strings(lang).qr_label;
    Some(html! {
        <figure class="card__take" data-testid="share" data-link={link.to_owned()}>
            <svg class="card__qr" viewBox={format!("0 0 {side} {side}")} role="img" aria-label={label} shape-rendering="crispEdges">
                <rect width={side.clone()} height={side} fill="#fff" />
                <path d={qr.path()} />
            </svg>
            <figcaption class="card__take-caption">{ super::strings::BILINGUAL.take_home }</figcaption>
        </figure>
    })
}

/// The reader's build has no QR codes to draw (a kiosk runs the kiosk build).
#[cfg(not(feature = "kiosk"))]
fn take_home_code(_link: &str, _lang: Lang) -> Option<Html> {
    None
}

/// Practices, figures that set the scene, the photo caption and the source.
fn details(site: &Site, context: &[&Figure], credit: &str, lang: Lang) -> Html {
    let s = strings(lang);
    html! {
        <>
            <section class="card__section">
                <h3>{ s.practices }</h3>
                <dl class="practices">
                    { for site.practices.iter().map(|practice| html! {
                        <>
                            <dt>{ practice.name.get(lang) }</dt>
                            <dd>{ practice.detail.get(lang) }</dd>
                        </>
                    }) }
                </dl>
            </section>
            if !context.is_empty() {
                <section class="card__section">
                    <h3>{ s.in_context }</h3>
                    <ul class="context">
                        { for context.iter().map(|f| html! {
                            <li><strong>{ f.display(lang) }</strong>{ " " }{ f.label.get(lang) }</li>
                        }) }
                    </ul>
                </section>
            }
            <p class="card__caption">
                <span class="card__caption-label">{ label_colon(s.photo, lang) }</span>
                { site.caption.get(lang) }
            </p>
            <p class="card__source">{ (s.source_line)(credit, site.number) }</p>
        </>
    }
}

/// "图片说明：" / "Photo caption: ".
fn label_colon(label: &str, lang: Lang) -> String {
    (strings(lang).label_colon)(label)
}
