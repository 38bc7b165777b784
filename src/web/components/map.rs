//! The map: league and city boundaries drawn from the embedded asset, with the pilot sites as
//! numbered, selectable markers. Geometry and placement come from `geo`; this file only draws.

use yew::prelude::*;

use super::strings::strings;
use super::use_width::use_measured;
use super::{use_surface, WidthHints};
use crate::breakpoints;
use crate::by_identity::ByIdentity;
use crate::content::{Content, Kind, Lang};
use crate::geo::{self, layout_for, layout_with, Inset, Layout, MapAsset, PlacedMarker, SitePoint};
use crate::marker_navigation::{self, Step};
use crate::share;
use crate::web::browser;

/// A coordinate or length as an SVG attribute, to one decimal (one formatting routine for
/// the whole map keeps the wasm small).
#[inline(never)]
fn num(value: f64) -> String {
    crate::decimal::fixed(value, 1)
}

/// A number unique to each map on the page, for element ids (a page may embed several).
fn next_instance() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub content: ByIdentity<Content>,
    pub asset: ByIdentity<MapAsset>,
    pub lang: Lang,
    pub selected: Option<String>,
    /// A reform topic (a content theme) chosen in the overview: its sites stand out, the
    /// others fade.
    #[prop_or_default]
    pub topic: Option<String>,
    /// A marker was chosen (click, tap, Enter or Space).
    pub on_select: Callback<String>,
    /// Empty map was clicked.
    pub on_clear: Callback<()>,
}

/// Region fills and the two border meshes, in map units; computed once per asset.
/// (Shared strings: a render hands the same path data to the DOM diff without copying it.)
struct Shapes {
    regions: Vec<(AttrValue, String, AttrValue)>,
    borders: AttrValue,
    outline: AttrValue,
}

/// What every drawing of the map shares: the props, the surface, and the parts made once.
struct MapView<'a> {
    props: &'a MapProps,
    /// Prerender: the map at every width of `breakpoints::MAP` (CSS shows the one that fits),
    /// the regions drawn from the shared `MapDefs`, and the markers as links to their sites
    /// (`#baotou`) that work before the wasm runs.
    prerender: bool,
    node: NodeRef,
    shapes: &'a Shapes,
    /// The id of the region group the inset `<use>`s.
    regions_id: String,
    instance: usize,
    description_id: String,
    tab_stop: Option<String>,
    keys: MarkerKeys,
}

#[component]
pub fn Map(props: &MapProps) -> Html {
    // The drawing itself is measured: on a kiosk it is as tall as its cell allows and narrower
    // than the figure, and its names are drawn at its font size (the kiosk's type).
    let node = use_node_ref();
    let surface = use_surface();
    let sites = use_memo(props.content.clone(), |content| {
        content
            .sites
            .iter()
            .map(SitePoint::from)
            .collect::<Vec<_>>()
    });
    let layout = use_live_layout(props, sites.clone(), node.clone(), surface.is_kiosk());
    let prerender = surface.is_prerender();
    let prerendered = use_memo(
        (props.asset.clone(), sites, props.lang, prerender),
        |(asset, sites, lang, prerender)| {
            let widths: &[u32] = if *prerender { &breakpoints::MAP } else { &[] };
            widths
                .iter()
                .map(|&w| layout_for(asset, sites, *lang, f64::from(w), false))
                .collect::<Vec<_>>()
        },
    );
    let shapes = use_memo(props.asset.clone(), |asset| Shapes {
        regions: asset
            .regions
            .iter()
            .map(|r| {
                (
                    r.code.clone().into(),
                    r.zh.clone(),
                    asset.region_path(r).into(),
                )
            })
            .collect(),
        borders: asset.mesh_path(2).into(),
        outline: asset.mesh_path(1).into(),
    });
    let instance = *use_state(next_instance);
    let (tab_stop, keys) = use_marker_keys(props, layout.clone(), node.clone());
    let view = MapView {
        props,
        prerender,
        node,
        shapes: &shapes,
        // The live map's regions carry an id of their own; the prerender's share one
        // geometry, `MapDefs`.
        regions_id: if prerender {
            "imreform-regions".to_owned()
        } else {
            format!("map-regions-{instance}")
        },
        instance,
        description_id: format!("map-description-{instance}"),
        tab_stop,
        keys,
    };
    let lang = props.lang;
    html! {
        <figure class="map" data-testid="map">
            if prerender {
                { for prerendered.iter().zip(breakpoints::MAP).map(|(layout, bp)| view.svg(layout, Some(bp))) }
            } else {
                { view.svg(&layout, None) }
            }
            <p id={view.description_id.clone()} class="visually-hidden">{ strings(lang).map_description }</p>
            // A new caption for each language (its words move as the language changes; the
            // old caption's do not shift, they go).
            <figcaption class="map__caption" key={lang.key()}>
                { legend(lang) }
                <span class="map__credit" data-testid="map-credit">{ strings(lang).map_credit }</span>
            </figcaption>
            // A kiosk's caption keeps the height of the taller of its two languages (the other
            // laid out unseen in the same place), so the drawing above it, as tall as what the
            // caption leaves, is the same size in both and no marker moves with the language.
            // In the prerender too (shown only when the page is a kiosk), so the kiosk's first
            // paint has the live map's size.
            if surface.keeps_both_languages() {
                <div class="kiosk-ghost map__caption" aria-hidden="true" lang={lang.other().tag()}>
                    { legend(lang.other()) }
                    <span class="map__credit">{ strings(lang.other()).map_credit }</span>
                </div>
            }
        </figure>
    }
}

/// The live map's layout, for its measured width (and, on a kiosk, its measured type size).
#[hook]
fn use_live_layout(
    props: &MapProps,
    sites: std::rc::Rc<Vec<SitePoint>>,
    node: NodeRef,
    kiosk: bool,
) -> std::rc::Rc<Layout> {
    // Until it has measured itself, the map takes the prerendered map's width (so the first
    // live frame is the prerender's picture), else a desktop guess.
    // (Not on a kiosk, whose drawing is narrower than the figure the prerender measured.)
    let hint = use_context::<WidthHints>()
        .and_then(|h| h.map)
        .filter(|_| !kiosk);
    let measured = use_measured(node);
    let width = measured.map(|(width, _)| width).or(hint).unwrap_or(640.0);
    let type_px = measured.filter(|_| kiosk).map_or(0.0, |(_, font)| font);
    // Whole pixels are enough; this keeps sub-pixel resizes from redoing the layout. A phone
    // map is laid out at the prerender's widths and scaled by CSS (its inset makes its height
    // depend on the width), so the prerendered and the live map are the same picture.
    let layout_width = if width < geo::PHONE_MAP_BELOW_PX && !kiosk {
        i64::from(breakpoints::snap(&breakpoints::MAP, width))
    } else {
        width.round() as i64
    };
    use_memo(
        (
            props.asset.clone(),
            sites,
            props.lang,
            layout_width,
            kiosk,
            (type_px * 10.0).round() as i64,
        ),
        |(asset, sites, lang, width, kiosk, type_px)| {
            layout_with(
                asset,
                sites,
                *lang,
                *width as f64,
                *kiosk,
                *type_px as f64 / 10.0,
            )
        },
    )
}

/// The marker that holds the map's one tab stop (roving tabindex: the last focused, else the
/// selected, else the first), and the keys that move it.
#[hook]
fn use_marker_keys(
    props: &MapProps,
    layout: std::rc::Rc<Layout>,
    node: NodeRef,
) -> (Option<String>, MarkerKeys) {
    let active = use_state(|| None::<String>);
    let points = |layout: &Layout| layout.markers.iter().map(|m| m.centre).collect::<Vec<_>>();
    let tab_stop = (*active)
        .clone()
        .or_else(|| props.selected.clone())
        .filter(|id| layout.markers.iter().any(|m| &m.id == id))
        .or_else(|| {
            let first = marker_navigation::step(&points(&layout), 0, Step::First);
            layout.markers.get(first).map(|m| m.id.clone())
        });
    let on_key = {
        let (active, on_select) = (active.clone(), props.on_select.clone());
        Callback::from(move |(id, event): (String, KeyboardEvent)| {
            let key = event.key();
            if key == "Enter" || key == " " {
                event.prevent_default();
                on_select.emit(id);
            } else if let Some(step) = Step::from_key(&key) {
                event.prevent_default();
                let from = layout.markers.iter().position(|m| m.id == id).unwrap_or(0);
                let to = &layout.markers[marker_navigation::step(&points(&layout), from, step)].id;
                if let Some(root) = node.cast::<web_sys::Element>() {
                    browser::focus(&root, &format!("[data-testid=marker][data-site=\"{to}\"]"));
                }
                active.set(Some(to.clone()));
            }
        })
    };
    let on_focus = Callback::from(move |id: String| active.set(Some(id)));
    (tab_stop, MarkerKeys { on_key, on_focus })
}

impl MapView<'_> {
    /// One drawing of the map, laid out by `layout`; `bp` names a prerendered width.
    fn svg(&self, layout: &Layout, bp: Option<u32>) -> Html {
        let (w, h, lang) = (layout.width, layout.height, self.props.lang);
        let clear = {
            let on_clear = self.props.on_clear.clone();
            Callback::from(move |_: MouseEvent| on_clear.emit(()))
        };
        let clip_id = format!("map-inset-{}-{}", self.instance, bp.unwrap_or(0));
        let inset = layout
            .inset
            .as_ref()
            .map(|inset| inset_view(inset, layout, &self.regions_id, &clip_id, lang));
        html! {
            <svg
                class="map__svg"
                ref={if bp.is_none() { self.node.clone() } else { NodeRef::default() }}
                data-bp={bp.map(|w| w.to_string())}
                width={num(w)}
                height={num(h)}
                viewBox={format!("0 0 {} {}", num(w), num(h))}
                role="group"
                aria-label={strings(lang).map_label}
                aria-describedby={self.description_id.clone()}
            >
                <rect class="map__background" width={num(w)} height={num(h)} onclick={clear.clone()} />
                <g transform={format!("scale({})", crate::decimal::fixed(layout.scale, 6))} onclick={clear} aria-hidden="true">
                    { self.regions() }
                </g>
                { overlay(layout, lang) }
                { inset }
                { marker_leaders(&layout.markers) }
                { for layout.markers.iter().map(|m| if self.prerender {
                    marker_link(self.props, m)
                } else {
                    marker(self.props, m, self.tab_stop.as_deref() == Some(m.id.as_str()), &self.keys)
                }) }
            </svg>
        }
    }

    /// The regions: the live map's own paths (the selected site's league highlighted), or a
    /// `<use>` of the prerender's shared geometry.
    fn regions(&self) -> Html {
        if self.prerender {
            return html! { <use href={format!("#{}", self.regions_id)} /> };
        }
        let props = self.props;
        let selected_league = props
            .selected
            .as_deref()
            .and_then(|id| props.content.site(id))
            .map(|site| site.league.zh.as_str());
        html! {
            <g id={self.regions_id.clone()}>
                { for self.shapes.regions.iter().map(|(code, zh, d)| {
                    let highlighted = selected_league == Some(zh.as_str());
                    html! {
                        <path
                            key={code.as_str()}
                            class={crate::web::components::class_list(&[Some("map__region"), highlighted.then_some("map__region--selected")])}
                            data-region={code.clone()}
                            d={d.clone()}
                            fill-rule="evenodd"
                        />
                    }
                }) }
                <path class="map__borders" d={self.shapes.borders.clone()} vector-effect="non-scaling-stroke" />
                <path class="map__outline" d={self.shapes.outline.clone()} vector-effect="non-scaling-stroke" />
            </g>
        }
    }
}

/// The region shapes and border meshes, once per page, for the prerendered maps to `<use>`
/// (a dozen copies of the same geometry would be most of the page's bytes).
#[derive(Properties, PartialEq)]
pub struct MapDefsProps {
    pub asset: ByIdentity<MapAsset>,
}

#[component]
pub fn MapDefs(props: &MapDefsProps) -> Html {
    let asset = &props.asset;
    html! {
        <svg class="map__defs" width="0" height="0" aria-hidden="true" focusable="false">
            <defs>
                <g id="imreform-regions">
                    { for asset.regions.iter().map(|r| html! {
                        <path class="map__region" data-region={r.code.clone()} d={asset.region_path(r)} fill-rule="evenodd" />
                    }) }
                    <path class="map__borders" d={asset.mesh_path(2)} vector-effect="non-scaling-stroke" />
                    <path class="map__outline" d={asset.mesh_path(1)} vector-effect="non-scaling-stroke" />
                </g>
            </defs>
        </svg>
    }
}

// Sizes go in SVG presentation attributes, never `style="…"`, which a strict content-security
// policy refuses.

/// Region names, leader lines, the capital and the scale bar: decoration for sighted readers.
fn overlay(layout: &Layout, lang: Lang) -> Html {
    let font = layout.font_px;
    let bar = &layout.scale_bar;
    let (bx, by) = bar.origin;
    let tick = font * 0.35;
    let km = crate::decimal::fixed(bar.km, 6);
    let scale_text = (strings(lang).kilometres)(&km);
    html! {
        <g class="map__overlay" aria-hidden="true" font-size={num(font)}>
            { for layout.labels.iter().map(|label| {
                let (x, y) = label.rect.centre();
                html! {
                    <>
                        if label.displaced() {
                            { line("map__leader map__leader--label", label.anchor, label.rect.nearest_point(label.anchor)) }
                        }
                        <text class="map__label" x={num(x)} y={num(y)} data-region-label={label.code.clone()}>{ &label.text }</text>
                    </>
                }
            }) }
            <polygon class="map__capital" points={star(layout.capital.centre(), font * 0.5)} />
            <g class="map__scale">
                <path d={format!("M{} {} V{} H{} V{}", num(bx), num(by - tick), num(by), num(bx + bar.length_px), num(by - tick))} />
                <text x={num(bx)} y={num(by - tick - font * 0.3)}>{ scale_text }</text>
            </g>
        </g>
    }
}

/// The enlarged corridor: its outline and the sites' dots on the map, a connector, and the
/// panel below with the same regions (clipped), the names of the leagues it shows, and the
/// capital; its markers are drawn with the others.
fn inset_view(inset: &Inset, layout: &Layout, regions_id: &str, clip_id: &str, lang: Lang) -> Html {
    let (source, panel) = (&inset.source, &inset.rect);
    let zoom = layout.scale * inset.zoom;
    let (tx, ty) = (
        panel.x0 - source.x0 * inset.zoom,
        panel.y0 - source.y0 * inset.zoom,
    );
    let font = layout.font_px;
    let caption = strings(lang).enlarged;
    html! {
        <g class="map__inset" aria-hidden="true">
            <rect class="map__inset-source" x={num(source.x0)} y={num(source.y0)}
                width={num(source.x1 - source.x0)} height={num(source.y1 - source.y0)} />
            { for inset.dots.iter().map(|&(x, y)| html! {
                <circle class="map__inset-dot" cx={num(x)} cy={num(y)} r="2" />
            }) }
            { line("map__inset-connector", ((source.x0 + source.x1) / 2.0, source.y1), ((source.x0 + source.x1) / 2.0, panel.y0)) }
            <clipPath id={clip_id.to_owned()}>
                <rect x={num(panel.x0)} y={num(panel.y0)} width={num(panel.x1 - panel.x0)} height={num(panel.y1 - panel.y0)} />
            </clipPath>
            <rect class="map__background" x={num(panel.x0)} y={num(panel.y0)} width={num(panel.x1 - panel.x0)} height={num(panel.y1 - panel.y0)} />
            <g clip-path={format!("url(#{clip_id})")}>
                <g transform={format!("translate({} {}) scale({})", num(tx), num(ty), crate::decimal::fixed(zoom, 6))}>
                    <use href={format!("#{regions_id}")} />
                </g>
            </g>
            <rect class="map__inset-frame" x={num(panel.x0)} y={num(panel.y0)} width={num(panel.x1 - panel.x0)} height={num(panel.y1 - panel.y0)} />
            <g class="map__overlay" font-size={num(font)}>
                { for inset.labels.iter().map(|label| {
                    let (x, y) = label.rect.centre();
                    html! { <text class="map__label" x={num(x)} y={num(y)} data-region-label={label.code.clone()} data-inset="true">{ &label.text }</text> }
                }) }
                <text class="map__inset-caption" x={num(panel.x0 + font * 0.5)} y={num(panel.y1 - font * 0.6)}>{ caption }</text>
            </g>
            if let Some(star_box) = inset.capital {
                <polygon class="map__capital" points={star(star_box.centre(), font * 0.5)} />
            }
        </g>
    }
}

/// `<line class=… x1=… y1=… x2=… y2=…/>`
fn line(class: &'static str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Html {
    html! { <line {class} x1={num(x1)} y1={num(y1)} x2={num(x2)} y2={num(y2)} /> }
}

/// A five-pointed star's polygon points.
fn star((cx, cy): (f64, f64), radius: f64) -> String {
    (0..10)
        .map(|i| {
            let r = if i % 2 == 0 { radius } else { radius * 0.45 };
            let angle = std::f64::consts::PI * f64::from(i) / 5.0;
            format!(
                "{},{}",
                num(cx + r * crate::fmath::sin(angle)),
                num(cy - r * crate::fmath::cos(angle))
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a marker reports to the map: keys pressed on it, and that it got focus.
struct MarkerKeys {
    on_key: Callback<(String, KeyboardEvent)>,
    on_focus: Callback<String>,
}

/// One site marker: a real button in the SVG, shaped by the site's kind. Only `tab_stop` is
/// in the tab order; arrows move between the others.
fn marker(props: &MapProps, placed: &PlacedMarker, tab_stop: bool, keys: &MarkerKeys) -> Html {
    let Some(site) = props.content.site(&placed.id) else {
        return Html::default();
    };
    let lang = props.lang;
    let selected = props.selected.as_deref() == Some(site.id.as_str());
    let topic_class = props.topic.as_ref().map(|topic| {
        if site.themes.contains(topic) {
            "marker--hit"
        } else {
            "marker--dim"
        }
    });
    let name = marker_name(site, lang);
    let select = {
        let on_select = props.on_select.clone();
        let id = site.id.clone();
        Callback::from(move |_: MouseEvent| on_select.emit(id.clone()))
    };
    let keydown = {
        let on_key = keys.on_key.clone();
        let id = site.id.clone();
        Callback::from(move |event: KeyboardEvent| on_key.emit((id.clone(), event)))
    };
    let focus = {
        let on_focus = keys.on_focus.clone();
        let id = site.id.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(id.clone()))
    };
    let kind_class = super::kind_class(site.kind);
    html! {
        <g
                class={crate::web::components::class_list(&[Some("marker"), Some(kind_class), selected.then_some("marker--selected"), topic_class])}
                role="button"
                tabindex={if tab_stop { "0" } else { "-1" }}
                aria-label={name}
                aria-pressed={selected.to_string()}
                data-testid="marker"
                data-site={site.id.clone()}
                onclick={select}
                onkeydown={keydown}
                onfocus={focus}
            >
                { marker_inside(site, placed) }
        </g>
    }
}

/// A marker before the wasm runs: a link to its site's own page (`baotou.html`), which a reader
/// without JavaScript follows; with it, the page's scripts open the site in the widget instead
/// (`assets/lang.js`, `assets/boot.js`). The same shape and number as the live marker.
fn marker_link(props: &MapProps, placed: &PlacedMarker) -> Html {
    let Some(site) = props.content.site(&placed.id) else {
        return Html::default();
    };
    html! {
        <a
            href={share::page_file(Some(&site.id), props.lang)}
            class={format!("marker {}", super::kind_class(site.kind))}
            aria-label={marker_name(site, props.lang)}
            data-testid="marker"
            data-site={site.id.clone()}
        >
            { marker_inside(site, placed) }
        </a>
    }
}

/// "1 包头市，旗县市" / "1 Baotou, City or banner": a marker's accessible name.
fn marker_name(site: &crate::content::Site, lang: Lang) -> String {
    (strings(lang).marker_name)(site.number, site.name.get(lang), site.kind.label(lang))
}

/// The shape, the number, and a box that answers touches whatever the shape.
fn marker_inside(site: &crate::content::Site, placed: &PlacedMarker) -> Html {
    let (x, y) = placed.centre;
    let r = placed.radius;
    let shape = match site.kind {
        Kind::CityOrBanner => html! { <circle cx={num(x)} cy={num(y)} r={num(r * 0.92)} /> },
        Kind::DevelopmentZone => {
            let s = r * 0.82;
            html! { <rect x={num(x - s)} y={num(y - s)} width={num(2.0 * s)} height={num(2.0 * s)} rx={num(s * 0.3)} /> }
        }
        Kind::Enterprise => html! {
            <polygon points={format!(
                "{0},{1} {2},{3} {0},{4} {5},{3}",
                num(x), num(y - r), num(x + r), num(y), num(y + r), num(x - r)
            )} />
        },
    };
    html! {
        <>
            { shape }
            <text x={num(x)} y={num(y)} font-size={num(r * 1.05)}>{ site.number }</text>
            // The touch target: 44 px on a phone, whatever the shape's size.
            <rect class="marker__hit" x={num(x - placed.target / 2.0)} y={num(y - placed.target / 2.0)} width={num(placed.target)} height={num(placed.target)} />
        </>
    }
}

/// The lines from moved markers back to their sites' true positions, all drawn before any
/// marker so no line crosses one.
fn marker_leaders(markers: &[PlacedMarker]) -> Html {
    html! {
        <g aria-hidden="true">
            { for markers.iter().filter(|m| m.displaced()).map(|placed| {
                let (ax, ay) = placed.anchor;
                html! {
                    <>
                        { line("map__leader", placed.anchor, placed.centre) }
                        <circle class="map__leader-dot" cx={num(ax)} cy={num(ay)} r="2.5" />
                    </>
                }
            }) }
        </g>
    }
}

/// What the marker shapes mean.
fn legend(lang: Lang) -> Html {
    let item = |kind: Kind, shape: Html| {
        html! {
            <span class={format!("map__legend-item {}", super::kind_class(kind))}>
                <svg class="map__legend-shape" viewBox="0 0 20 20" aria-hidden="true">{ shape }</svg>
                { kind.label(lang) }
            </span>
        }
    };
    html! {
        <span class="map__legend">
            { item(Kind::CityOrBanner, html! { <circle cx="10" cy="10" r="8" /> }) }
            { item(Kind::DevelopmentZone, html! { <rect x="3" y="3" width="14" height="14" rx="4" /> }) }
            { item(Kind::Enterprise, html! { <polygon points="10,1 19,10 10,19 1,10" /> }) }
            <span class="map__legend-item">{ strings(lang).capital }</span>
        </span>
    }
}
