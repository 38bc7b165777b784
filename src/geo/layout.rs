//! Places everything drawn over the boundaries (site markers, region names, the capital, the
//! scale bar) in screen pixels for a given map width, so that nothing overlaps at any width.
//! Items that cannot sit at their true point move to the nearest free spot and get a leader
//! line back to it.

use super::MapAsset;
use crate::content::{Lang, Site};
pub use crate::text::text_width;

/// An axis-aligned box in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn centred((x, y): (f64, f64), width: f64, height: f64) -> Self {
        Self {
            x0: x - width / 2.0,
            y0: y - height / 2.0,
            x1: x + width / 2.0,
            y1: y + height / 2.0,
        }
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub fn within(&self, width: f64, height: f64) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= width && self.y1 <= height
    }

    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// The point of the box's edge nearest to `p` (where a leader line should end).
    pub fn nearest_point(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            crate::fmath::clamp(x, self.x0, self.x1),
            crate::fmath::clamp(y, self.y0, self.y1),
        )
    }
}

/// A site to mark: its article number and WGS84 position.
#[derive(Clone, Debug, PartialEq)]
pub struct SitePoint {
    pub id: String,
    pub number: u32,
    pub lon: f64,
    pub lat: f64,
}

impl From<&Site> for SitePoint {
    fn from(site: &Site) -> Self {
        Self {
            id: site.id.clone(),
            number: site.number,
            lon: site.location.lon,
            lat: site.location.lat,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMarker {
    pub id: String,
    pub number: u32,
    /// The site's true position (in the inset's pixels for a marker drawn there).
    pub anchor: (f64, f64),
    /// Where the marker is drawn; differs from `anchor` when it had to move.
    pub centre: (f64, f64),
    /// The drawn shape's radius.
    pub radius: f64,
    /// The side of the square that answers a touch: at least the shape, and at least
    /// `TOUCH_TARGET_PX` on a phone.
    pub target: f64,
    /// Drawn in the inset (the enlarged corridor) rather than on the main map.
    pub in_inset: bool,
}

impl PlacedMarker {
    pub fn displaced(&self) -> bool {
        self.anchor != self.centre
    }

    /// The touch target, which is what may not overlap anything.
    pub fn rect(&self) -> Rect {
        Rect::centred(self.centre, self.target, self.target)
    }
}

/// An enlarged view of the one stretch of the map where sites crowd (on a phone, six of the
/// seven sit within 90x60 px around Baotou, Hohhot, Ordos and Wuhai): drawn below the map,
/// with the stretch outlined on the map itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Inset {
    /// The panel, in the map's pixels.
    pub rect: Rect,
    /// The part of the main map it enlarges, in the main map's pixels.
    pub source: Rect,
    /// Inset pixels per main-map pixel.
    pub zoom: f64,
    /// The sites' true points on the main map (drawn as dots inside `source`).
    pub dots: Vec<(f64, f64)>,
    /// Region names that fall inside the panel.
    pub labels: Vec<PlacedLabel>,
    /// The capital's star, when it falls inside the panel.
    pub capital: Option<Rect>,
}

impl Inset {
    /// A main-map point in the inset's pixels.
    pub fn map(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            self.rect.x0 + (x - self.source.x0) * self.zoom,
            self.rect.y0 + (y - self.source.y0) * self.zoom,
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The region's division code.
    pub code: String,
    pub text: String,
    /// The spot inside the region the name belongs to.
    pub anchor: (f64, f64),
    pub rect: Rect,
}

impl PlacedLabel {
    /// True when the name moved far enough from its spot to need a leader line: more than its
    /// own height away (a name nudged a little still reads as its region's).
    pub fn displaced(&self) -> bool {
        let (x, y) = self.anchor;
        let (nx, ny) = self.rect.nearest_point(self.anchor);
        (x - nx).hypot(y - ny) > self.rect.y1 - self.rect.y0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScaleBar {
    pub km: f64,
    pub length_px: f64,
    /// Bar's left end, on its baseline.
    pub origin: (f64, f64),
    pub rect: Rect,
}

/// Everything placed, in pixels, for one map width.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Pixels per map unit of the boundary asset.
    pub scale: f64,
    pub font_px: f64,
    pub markers: Vec<PlacedMarker>,
    pub labels: Vec<PlacedLabel>,
    pub capital: Rect,
    pub scale_bar: ScaleBar,
    /// On narrow maps where sites crowd: the enlarged corridor below the map.
    pub inset: Option<Inset>,
}

/// Smallest text on the map, in CSS pixels, at any width.
pub const MIN_FONT_PX: f64 = 11.0;

/// A thumb's target on a phone (Apple's and WCAG's 44 px).
pub const TOUCH_TARGET_PX: f64 = 44.0;

/// Maps narrower than this are phone maps: 44 px targets, and an inset where sites crowd. One
/// of the prerender's widths (`breakpoints::MAP`), so the prerender and the live map agree on
/// which maps have one; the live map lays a phone map out at the same widths.
pub const PHONE_MAP_BELOW_PX: f64 = 545.0;

/// Type size for a map `width` px wide: 11 px on a phone, up to 26 px on a 4K kiosk.
pub fn font_px(width: f64) -> f64 {
    crate::fmath::clamp(8.0 + 0.0075 * width, MIN_FONT_PX, 26.0)
}

/// Marker radius: a 24 px target at least (48 px on a touch kiosk), up to 68 px across on a
/// 4K screen.
pub fn marker_radius(width: f64, touch: bool) -> f64 {
    // A hair over 24 so rounding never leaves a kiosk target under 48 px.
    let min = if touch { 24.5 } else { 12.0 };
    crate::fmath::clamp(6.0 + 0.012 * width, min, 34.0)
}

/// The region name as the map prints it (Hohhot is marked as the capital).
pub fn region_label(asset: &MapAsset, code: &str, lang: Lang) -> Option<String> {
    let region = asset.regions.iter().find(|r| r.code == code)?;
    let capital = region.code == asset.capital.region;
    Some(match (lang, capital) {
        (Lang::Zh, true) => format!("{}（首府）", region.zh),
        (Lang::Zh, false) => region.zh.clone(),
        (Lang::En, true) => format!("{} (capital)", region.en),
        (Lang::En, false) => region.en.clone(),
    })
}

struct Placer {
    bounds: Rect,
    taken: Vec<Rect>,
}

impl Placer {
    fn free(&self, rect: &Rect) -> bool {
        let b = &self.bounds;
        let inside = rect.x0 >= b.x0 && rect.y0 >= b.y0 && rect.x1 <= b.x1 && rect.y1 <= b.y1;
        inside && !self.taken.iter().any(|t| t.overlaps(rect))
    }

    /// The free box nearest to `anchor`, searching rings of growing radius in 16 directions.
    fn place(&mut self, anchor: (f64, f64), w: f64, h: f64) -> Option<Rect> {
        let step = w.min(h).max(4.0) / 2.0;
        let size = (self.bounds.x1 - self.bounds.x0).max(self.bounds.y1 - self.bounds.y0);
        let max_rings = (size / step).ceil() as usize;
        for ring in 0..=max_rings {
            let distance = ring as f64 * step;
            let directions = if ring == 0 { 1 } else { 16 };
            for k in 0..directions {
                // Start straight up, then alternate either side, so moves stay predictable.
                let turn = if k % 2 == 0 { k / 2 } else { 16 - (k + 1) / 2 };
                let angle = turn as f64 / 16.0 * std::f64::consts::TAU;
                let centre = (
                    anchor.0 + distance * crate::fmath::sin(angle),
                    anchor.1 - distance * crate::fmath::cos(angle),
                );
                let rect = Rect::centred(centre, w, h);
                if self.free(&rect) {
                    self.taken.push(rect);
                    return Some(rect);
                }
            }
        }
        None
    }
}

/// A round scale-bar length (1, 2 or 5 × 10ⁿ km) close to `target` km.
fn nice_km(target: f64) -> f64 {
    // The largest power of ten not above the target.
    let magnitude = if target > 0.0 && target.is_finite() {
        10f64.powi(target.log10().floor() as i32)
    } else {
        1.0
    };
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .rfind(|&km| km <= target)
        .unwrap_or(magnitude)
}

/// Lays out the map for a width in CSS pixels.
pub fn layout(asset: &MapAsset, sites: &[SitePoint], lang: Lang, width: f64) -> Layout {
    layout_for(asset, sites, lang, width, false)
}

/// Lays out the map; `touch` makes every marker at least a 48 px touch target (kiosks).
pub fn layout_for(
    asset: &MapAsset,
    sites: &[SitePoint],
    lang: Lang,
    width: f64,
    touch: bool,
) -> Layout {
    layout_with(asset, sites, lang, width, touch, 0.0)
}

/// Lays out the map with its names at least `font_px` (a kiosk's type, which follows the
/// screen rather than the map's width), else at the size for its width.
pub fn layout_with(
    asset: &MapAsset,
    sites: &[SitePoint],
    lang: Lang,
    width: f64,
    touch: bool,
    font_px: f64,
) -> Layout {
    let sizes = Sizes::new(asset, sites, lang, width, touch, font_px);
    let mut placer = Placer {
        bounds: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: sizes.width,
            y1: sizes.map_height,
        },
        taken: Vec::new(),
    };
    let scale_bar = sizes.scale_bar();
    placer.taken.push(scale_bar.rect);
    let capital = Rect::centred(sizes.capital_at, sizes.font, sizes.font);
    placer.taken.push(capital);
    // On a phone, the largest group of sites whose targets would overlap goes to the inset.
    let crowded = if sizes.phone {
        largest_crowd(&sizes.anchors, sizes.target)
    } else {
        Vec::new()
    };
    let mut markers: Vec<PlacedMarker> = (0..sizes.sites.len())
        .filter(|i| !crowded.contains(i))
        .filter_map(|i| sizes.place_marker(&mut placer, i, sizes.anchors[i], false))
        .collect();
    // The inset first: its outline on the map is kept clear, and the leagues it shows are
    // named in it rather than on the map.
    let inset = (crowded.len() >= 2)
        .then(|| sizes.inset(&crowded))
        .map(|(inset, placed)| {
            markers.extend(placed);
            crate::small_sort::sort_by_key(&mut markers, |m| m.number);
            placer.taken.push(inset.source);
            inset
        });
    let labels = sizes.map_labels(&mut placer, inset.as_ref());
    Layout {
        width: sizes.width,
        height: inset.as_ref().map_or(sizes.map_height, |i| i.rect.y1),
        scale: sizes.scale,
        font_px: sizes.font,
        markers,
        labels,
        capital,
        scale_bar,
        inset,
    }
}

/// What one layout of the map is measured by: its scale and type, its marker sizes, and the
/// sites and regions in the order they are placed.
struct Sizes<'a> {
    asset: &'a MapAsset,
    lang: Lang,
    width: f64,
    map_height: f64,
    /// CSS px per map unit.
    scale: f64,
    font: f64,
    radius: f64,
    /// A marker's touch target's side.
    target: f64,
    phone: bool,
    capital_at: (f64, f64),
    /// The sites in the article's order, and their true positions in px.
    sites: Vec<&'a SitePoint>,
    anchors: Vec<(f64, f64)>,
    /// Largest first: the largest regions are named first.
    regions: Vec<&'a super::Region>,
}

impl<'a> Sizes<'a> {
    fn new(
        asset: &'a MapAsset,
        sites: &'a [SitePoint],
        lang: Lang,
        width: f64,
        touch: bool,
        font_px: f64,
    ) -> Self {
        let width = width.max(1.0);
        let scale = width / f64::from(asset.width);
        let font = self::font_px(width).max(if font_px.is_finite() { font_px } else { 0.0 });
        // On a kiosk a marker's number is type too: it grows with the screen's type, not only
        // with the map (a marker as wide as 2.8 of the names' em; its number 1.47 em).
        let radius = if touch {
            marker_radius(width, true).max(1.4 * font)
        } else {
            marker_radius(width, false)
        };
        let phone = width < PHONE_MAP_BELOW_PX && !touch;
        let mut ordered: Vec<&SitePoint> = sites.iter().collect();
        crate::small_sort::sort_by_key(&mut ordered, |s| s.number);
        let mut regions: Vec<_> = asset.regions.iter().collect();
        crate::small_sort::sort_by(&mut regions, |a, b| b.area_km2.total_cmp(&a.area_km2));
        let to_px = |(x, y): (f64, f64)| (x * scale, y * scale);
        Sizes {
            asset,
            lang,
            width,
            map_height: f64::from(asset.height) * scale,
            scale,
            font,
            radius,
            target: if phone {
                TOUCH_TARGET_PX.max(2.0 * radius)
            } else {
                2.0 * radius
            },
            phone,
            capital_at: to_px((
                f64::from(asset.capital.at[0]),
                f64::from(asset.capital.at[1]),
            )),
            anchors: ordered
                .iter()
                .map(|site| to_px(asset.locate(site.lon, site.lat)))
                .collect(),
            sites: ordered,
            regions,
        }
    }

    fn to_px(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (x * self.scale, y * self.scale)
    }

    /// The scale bar sits top left, over Mongolia, where the map has no land of its own.
    fn scale_bar(&self) -> ScaleBar {
        let km_per_unit = self.asset.km_per_unit();
        let km = nice_km(self.width * 0.22 / self.scale * km_per_unit);
        let length_px = km / km_per_unit * self.scale;
        let (font, pad) = (self.font, self.font * 0.6);
        let rect = Rect {
            x0: pad,
            y0: pad,
            x1: pad + length_px.max(text_width("0000 km", font)),
            y1: pad + font * 1.9,
        };
        ScaleBar {
            km,
            length_px,
            origin: (pad, rect.y1 - font * 0.3),
            rect,
        }
    }

    /// Site `i`'s marker, placed by `placer` at or near `anchor`, if it finds room.
    fn place_marker(
        &self,
        placer: &mut Placer,
        i: usize,
        anchor: (f64, f64),
        in_inset: bool,
    ) -> Option<PlacedMarker> {
        let site = self.sites[i];
        let rect = placer.place(anchor, self.target, self.target)?;
        let centre = rect.centre();
        // Within half a pixel counts as in place.
        let centre = if (centre.0 - anchor.0).hypot(centre.1 - anchor.1) < 0.5 {
            anchor
        } else {
            centre
        };
        Some(PlacedMarker {
            id: site.id.clone(),
            number: site.number,
            anchor,
            centre,
            radius: self.radius,
            target: self.target,
            in_inset,
        })
    }

    /// Where a region's name belongs, in px.
    fn label_anchor(&self, region: &super::Region) -> (f64, f64) {
        self.to_px((f64::from(region.label[0]), f64::from(region.label[1])))
    }

    /// A region's name placed near `anchor` by `place`, if it finds room.
    fn place_label(
        &self,
        region: &super::Region,
        anchor: (f64, f64),
        place: &mut dyn FnMut((f64, f64), f64, f64) -> Option<Rect>,
    ) -> Option<PlacedLabel> {
        let text = region_label(self.asset, &region.code, self.lang)?;
        // Noto Sans CJK's glyph box is about 1.45 em tall around the central baseline.
        let (w, h) = (
            text_width(&text, self.font) + 0.3 * self.font,
            self.font * 1.6,
        );
        let rect = place(anchor, w, h)?;
        Some(PlacedLabel {
            code: region.code.clone(),
            text,
            anchor,
            rect,
        })
    }

    /// The phone's inset for the `crowded` sites, and their markers in it: a taller panel
    /// until every crowded site has its own target in it and every league it shows its name.
    fn inset(&self, crowded: &[usize]) -> (Inset, Vec<PlacedMarker>) {
        let points: Vec<(f64, f64)> = crowded.iter().map(|&i| self.anchors[i]).collect();
        let top = self.map_height + self.font;
        let mut extra = 0;
        loop {
            let panel = inset_panel(&points, self.width, top, self.target, extra);
            let (placed, labels, capital) = self.fill_inset(&panel, crowded);
            let complete = placed.len() == crowded.len() && labels.len() == self.shown_in(&panel);
            if complete || extra == 5 {
                let inset = Inset {
                    dots: points,
                    labels,
                    capital,
                    ..panel
                };
                return (inset, placed);
            }
            extra += 1;
        }
    }

    /// How many regions' names belong in `panel`.
    fn shown_in(&self, panel: &Inset) -> usize {
        self.regions
            .iter()
            .filter(|region| panel.source_contains(self.label_anchor(region)))
            .count()
    }

    /// The crowded sites' markers, the names of the leagues it shows, and the capital, placed
    /// in `panel` around its caption (bottom left).
    fn fill_inset(
        &self,
        panel: &Inset,
        crowded: &[usize],
    ) -> (Vec<PlacedMarker>, Vec<PlacedLabel>, Option<Rect>) {
        let mut placer = Placer {
            bounds: panel.rect,
            taken: Vec::new(),
        };
        let star = Rect::centred(panel.map(self.capital_at), self.font, self.font);
        let capital = panel.rect_contains(&star).then_some(star);
        placer.taken.extend(capital);
        placer.taken.push(Rect {
            x0: panel.rect.x0,
            y0: panel.rect.y1 - self.font * 1.6,
            x1: panel.rect.x0 + text_width("Enlarged", self.font) + self.font,
            y1: panel.rect.y1,
        });
        let placed: Vec<PlacedMarker> = crowded
            .iter()
            .filter_map(|&i| self.place_marker(&mut placer, i, panel.map(self.anchors[i]), true))
            .collect();
        let labels = self
            .regions
            .iter()
            .filter(|region| panel.source_contains(self.label_anchor(region)))
            .filter_map(|region| {
                self.place_label(
                    region,
                    panel.map(self.label_anchor(region)),
                    &mut |a, w, h| placer.place(a, w, h),
                )
            })
            .collect();
        (placed, labels, capital)
    }

    /// The names of the regions outside the inset, kept off its outline where there is room
    /// (over it rather than unnamed).
    fn map_labels(&self, placer: &mut Placer, inset: Option<&Inset>) -> Vec<PlacedLabel> {
        let outline = inset.map(|i| i.source);
        self.regions
            .iter()
            .filter(|region| !inset.is_some_and(|i| i.source_contains(self.label_anchor(region))))
            .filter_map(|region| {
                self.place_label(region, self.label_anchor(region), &mut |anchor, w, h| {
                    placer.place(anchor, w, h).or_else(|| {
                        let outline = outline?;
                        placer.taken.retain(|r| *r != outline);
                        let rect = placer.place(anchor, w, h);
                        placer.taken.push(outline);
                        rect
                    })
                })
            })
            .collect()
    }
}

/// The indices of the sites that crowd: the largest group whose `target`-sized squares overlap,
/// directly or through each other, and the sites within 1.6 targets of one of those (so the
/// whole corridor goes to the inset, not just the two that touch; not a chain across the map);
/// empty when no two squares overlap.
fn largest_crowd(points: &[(f64, f64)], target: f64) -> Vec<usize> {
    let within =
        |a: (f64, f64), b: (f64, f64), d: f64| (a.0 - b.0).abs() < d && (a.1 - b.1).abs() < d;
    let mut group_of: Vec<usize> = (0..points.len()).collect();
    // Few points: merging groups pairwise is plenty.
    for i in 0..points.len() {
        for j in i + 1..points.len() {
            if within(points[i], points[j], target) {
                let (from, to) = (group_of[j], group_of[i]);
                for g in group_of.iter_mut() {
                    if *g == from {
                        *g = to;
                    }
                }
            }
        }
    }
    let size = |g: usize| group_of.iter().filter(|&&h| h == g).count();
    let Some(core) = (0..points.len()).max_by_key(|&g| (size(g), std::cmp::Reverse(g))) else {
        return Vec::new();
    };
    if size(core) < 2 {
        return Vec::new();
    }
    (0..points.len())
        .filter(|&i| {
            group_of[i] == core
                || (0..points.len())
                    .any(|j| group_of[j] == core && within(points[i], points[j], 1.6 * target))
        })
        .collect()
}

/// The inset panel for crowded `points` (main-map pixels): as wide as the map, starting at
/// `top`, enlarged until the closest two points are a target apart (at most 12 times, and no
/// more than the width allows), `extra` targets taller than the points need.
fn inset_panel(points: &[(f64, f64)], width: f64, top: f64, target: f64, extra: usize) -> Inset {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let mut closest = f64::MAX;
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            closest = closest.min((a.0 - b.0).abs().max((a.1 - b.1).abs()));
        }
    }
    let wanted = 1.15 * target / closest.max(0.5);
    let fits = (width - 2.0 * target) / (x1 - x0).max(1.0);
    // No taller than three quarters of the width, before any extra room.
    let short = (0.75 * width - 2.0 * target) / (y1 - y0).max(1.0);
    let zoom = crate::fmath::clamp(wanted.min(fits).min(short), 1.5, 12.0);
    let panel_height = (y1 - y0) * zoom + 2.0 * target + extra as f64 * target;
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let (half_w, half_h) = (width / 2.0 / zoom, panel_height / 2.0 / zoom);
    Inset {
        rect: Rect {
            x0: 0.0,
            y0: top,
            x1: width,
            y1: top + panel_height,
        },
        source: Rect {
            x0: cx - half_w,
            y0: cy - half_h,
            x1: cx + half_w,
            y1: cy + half_h,
        },
        zoom,
        dots: Vec::new(),
        labels: Vec::new(),
        capital: None,
    }
}

impl Inset {
    /// Whether a main-map point is inside the enlarged stretch.
    pub fn source_contains(&self, (x, y): (f64, f64)) -> bool {
        let s = &self.source;
        x >= s.x0 && x <= s.x1 && y >= s.y0 && y <= s.y1
    }

    fn rect_contains(&self, r: &Rect) -> bool {
        r.x0 >= self.rect.x0 && r.y0 >= self.rect.y0 && r.x1 <= self.rect.x1 && r.y1 <= self.rect.y1
    }
}

impl Layout {
    /// How many regions are named, on the map or in the inset (each once).
    pub fn named_regions(&self) -> usize {
        self.labels.len() + self.inset.as_ref().map_or(0, |i| i.labels.len())
    }

    /// Every box drawn over the map, named, for overlap checks.
    pub fn rects(&self) -> Vec<(String, Rect)> {
        let mut rects = vec![
            ("scale bar".to_owned(), self.scale_bar.rect),
            ("capital".to_owned(), self.capital),
        ];
        rects.extend(
            self.markers
                .iter()
                .map(|m| (format!("marker {}", m.number), m.rect())),
        );
        rects.extend(self.labels.iter().map(|l| (l.text.clone(), l.rect)));
        if let Some(inset) = &self.inset {
            rects.extend(
                inset
                    .labels
                    .iter()
                    .map(|l| (format!("inset {}", l.text), l.rect)),
            );
            rects.extend(inset.capital.map(|c| ("inset capital".to_owned(), c)));
        }
        rects
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;

    fn sites() -> Vec<SitePoint> {
        content::embedded()
            .expect("content")
            .sites
            .iter()
            .map(SitePoint::from)
            .collect()
    }

    const WIDTHS: [f64; 10] = [
        320.0, 360.0, 414.0, 600.0, 768.0, 1024.0, 1280.0, 1920.0, 2560.0, 3840.0,
    ];

    /// Written out here rather than with `Rect::overlaps` and `Rect::within`, which the placer
    /// itself uses: a mistake in those would otherwise pass both the placer and this check.
    fn assert_apart_and_inside(layout: &Layout, what: &str) {
        let rects = layout.rects();
        for (i, (name_a, a)) in rects.iter().enumerate() {
            assert!(
                a.x0 >= 0.0 && a.y0 >= 0.0 && a.x1 <= layout.width && a.y1 <= layout.height,
                "{what}: {name_a} leaves the map: {a:?}"
            );
            for (name_b, b) in &rects[i + 1..] {
                let apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
                assert!(apart, "{what}: {name_a} {a:?} overlaps {name_b} {b:?}");
            }
        }
    }

    /// Every marker and region name finds room at every width, in boxes apart from each other
    /// and inside the map. These are the boxes the placement reserves, with text widths
    /// estimated by `text_width`; whether the text the browser draws stays inside them (fonts
    /// differ) is checked on the drawn map, at every width and in kiosk mode, by
    /// e2e/map.test.mjs.
    #[test]
    fn every_marker_and_name_finds_room_at_any_width_in_either_language() {
        let asset = MapAsset::embedded();
        let sites = sites();
        for lang in Lang::ALL {
            for width in WIDTHS {
                let layout = layout(&asset, &sites, lang, width);
                assert_eq!(
                    layout.markers.len(),
                    7,
                    "{width} px: a marker found no room"
                );
                assert_eq!(
                    layout.named_regions(),
                    12,
                    "{width} px: a name found no room"
                );
                assert_apart_and_inside(&layout, &format!("{width} px {lang:?}"));
            }
        }
    }

    #[test]
    fn kiosk_markers_are_48_px_targets_and_still_find_room() {
        let asset = MapAsset::embedded();
        let sites = sites();
        for lang in Lang::ALL {
            for width in [1000.0, 1080.0, 1150.0, 1920.0, 2560.0, 3840.0] {
                let layout = layout_for(&asset, &sites, lang, width, true);
                assert_eq!(layout.markers.len(), 7, "{width} px");
                assert_eq!(layout.labels.len(), 12, "{width} px");
                assert!(layout.markers.iter().all(|m| m.radius * 2.0 >= 48.0));
                assert_apart_and_inside(&layout, &format!("kiosk {width} px {lang:?}"));
            }
        }
    }

    #[test]
    fn kiosk_names_at_the_screens_type_size_all_find_room_without_overlaps() {
        // (map width, type size) as the kiosk shows them: 1366x768, 1920x1080 and 3840x2160 in
        // landscape, 1080x1920 in portrait (from the e2e screenshots), and sizes between.
        let asset = MapAsset::embedded();
        let sites = sites();
        for (width, font) in [
            (600.0, 14.4),
            (700.0, 16.2),
            (760.0, 18.0),
            (800.0, 18.0),
            (900.0, 18.0),
            (1000.0, 20.0),
            (1400.0, 27.0),
            (1520.0, 36.0),
            (1700.0, 36.0),
        ] {
            for lang in Lang::ALL {
                let layout = layout_with(&asset, &sites, lang, width, true, font);
                assert_eq!(layout.font_px, font.max(font_px(width)));
                // The markers' numbers (1.05 of the radius) are never smaller than the names.
                assert!(layout
                    .markers
                    .iter()
                    .all(|m| m.radius * 1.05 >= layout.font_px));
                assert_eq!(layout.markers.len(), 7, "{width} px {lang:?}");
                assert_eq!(
                    layout.labels.len(),
                    12,
                    "{width} px {lang:?}: a name found no room"
                );
                let rects = layout.rects();
                for (i, (a, ra)) in rects.iter().enumerate() {
                    assert!(
                        ra.within(layout.width, layout.height),
                        "{width} px {lang:?}: {a} leaves the map"
                    );
                    for (b, rb) in &rects[i + 1..] {
                        assert!(!ra.overlaps(rb), "{width} px {lang:?}: {a} overlaps {b}");
                    }
                }
            }
        }
        assert_eq!(
            layout_with(&asset, &sites, Lang::Zh, 800.0, true, f64::NAN).font_px,
            font_px(800.0)
        );
    }

    /// What a tap can hit and what the page lays out around: the map's box, its type size and
    /// every marker, compared between the two languages.
    fn tap_targets(layout: &Layout) -> (f64, f64, f64, f64, Vec<PlacedMarker>) {
        (
            layout.width,
            layout.height,
            layout.scale,
            layout.font_px,
            layout.markers.clone(),
        )
    }

    /// A kiosk's attract loop switches the language every round. Markers are placed before any
    /// name, so at a given size and type they sit where they sit in either language: the
    /// switch moves none (a tap landing as it happens still hits the marker it aimed at).
    #[test]
    fn a_kiosk_maps_box_and_markers_are_the_same_in_both_languages() {
        let asset = MapAsset::embedded();
        let sites = sites();
        for (width, font) in [
            (600.0, 14.4),
            (708.0, 18.0),
            (771.0, 18.0),
            (1000.0, 20.0),
            (1520.0, 36.0),
            (1700.0, 36.0),
        ] {
            let zh = layout_with(&asset, &sites, Lang::Zh, width, true, font);
            let en = layout_with(&asset, &sites, Lang::En, width, true, font);
            assert_eq!(
                tap_targets(&zh),
                tap_targets(&en),
                "{width} px, {font} px type"
            );
            assert_ne!(zh.labels, en.labels, "the names do differ");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

            /// At any size and type a kiosk shows (and on desktop maps), the map's box and its
            /// markers do not depend on the language.
            #[test]
            fn the_language_never_moves_a_marker(
                width in 545.0..3840.0f64,
                font in prop_oneof![Just(0.0), 14.4..40.0f64],
                touch in any::<bool>(),
            ) {
                let asset = MapAsset::embedded();
                let sites = sites();
                let zh = layout_with(&asset, &sites, Lang::Zh, width, touch, font);
                let en = layout_with(&asset, &sites, Lang::En, width, touch, font);
                prop_assert_eq!(tap_targets(&zh), tap_targets(&en));
            }
        }
    }

    #[test]
    fn text_stays_legible_and_markers_tappable() {
        for width in WIDTHS {
            assert!(font_px(width) >= MIN_FONT_PX);
            assert!(marker_radius(width, false) * 2.0 >= 24.0);
            assert!(marker_radius(width, true) * 2.0 >= 48.0);
        }
    }

    #[test]
    fn markers_stay_close_to_their_true_position() {
        let asset = MapAsset::embedded();
        let sites = sites();
        for width in WIDTHS {
            let layout = layout(&asset, &sites, Lang::Zh, width);
            for marker in &layout.markers {
                let (dx, dy) = (
                    marker.centre.0 - marker.anchor.0,
                    marker.centre.1 - marker.anchor.1,
                );
                assert!(
                    dx.hypot(dy) <= 2.5 * marker.target,
                    "{width} px: marker {} moved {:.0} px",
                    marker.number,
                    dx.hypot(dy)
                );
            }
            // Sites far from any other stay exactly where they are.
            let zalantun = layout.markers.iter().find(|m| m.id == "zalantun").unwrap();
            assert!(!zalantun.displaced(), "{width} px");
        }
    }

    #[test]
    fn close_neighbours_are_pulled_apart_with_a_leader() {
        let asset = MapAsset::embedded();
        let layout = layout(&asset, &sites(), Lang::Zh, 360.0);
        let steel = layout
            .markers
            .iter()
            .find(|m| m.id == "baotou-steel")
            .unwrap();
        assert!(
            steel.displaced(),
            "Baotou Steel sits on Baotou at phone width"
        );
    }

    /// The built-in sites and 14 more (21, as part two may bring), spread over the leagues
    /// with several in the crowded corridor.
    fn twenty_one_sites() -> Vec<SitePoint> {
        let mut sites = sites();
        let more = [
            (111.75, 40.85),
            (109.95, 40.60),
            (110.05, 39.65),
            (106.85, 39.60),
            (107.40, 40.75),
            (105.70, 38.85),
            (113.10, 41.05),
            (111.65, 40.80),
            (109.80, 39.80),
            (122.25, 43.65),
            (118.90, 42.30),
            (116.05, 43.95),
            (119.75, 49.20),
            (121.95, 46.10),
        ];
        for (i, (lon, lat)) in more.into_iter().enumerate() {
            sites.push(SitePoint {
                id: format!("site-{}", i + 8),
                number: i as u32 + 8,
                lon,
                lat,
            });
        }
        sites
    }

    #[test]
    fn on_a_phone_every_site_is_a_44_px_target_none_overlapping_with_7_or_21_sites() {
        let asset = MapAsset::embedded();
        for sites in [sites(), twenty_one_sites()] {
            for lang in Lang::ALL {
                for width in [280.0, 320.0, 360.0, 390.0, 414.0, 544.0] {
                    let layout = layout(&asset, &sites, lang, width);
                    assert_eq!(
                        layout.markers.len(),
                        sites.len(),
                        "{width} px: a site found no room"
                    );
                    assert_eq!(
                        layout.named_regions(),
                        12,
                        "{width} px {lang:?}: a name found no room"
                    );
                    assert!(layout.markers.iter().all(|m| m.target >= TOUCH_TARGET_PX));
                    let inset = layout
                        .inset
                        .as_ref()
                        .expect("the crowded corridor is enlarged");
                    assert!(layout.markers.iter().filter(|m| m.in_inset).count() >= 2);
                    for m in layout.markers.iter().filter(|m| m.in_inset) {
                        assert!(
                            inset.rect_contains(&m.rect()),
                            "{width} px: {} leaves the inset",
                            m.id
                        );
                    }
                    let rects = layout.rects();
                    for (i, (a, ra)) in rects.iter().enumerate() {
                        assert!(
                            ra.within(layout.width, layout.height),
                            "{width} px: {a} leaves the map"
                        );
                        for (b, rb) in &rects[i + 1..] {
                            assert!(!ra.overlaps(rb), "{width} px {lang:?}: {a} overlaps {b}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn wider_maps_have_no_inset_and_the_phone_maps_keep_one_shape() {
        let asset = MapAsset::embedded();
        for width in [545.0, 768.0, 1280.0] {
            assert!(
                layout(&asset, &sites(), Lang::Zh, width).inset.is_none(),
                "{width} px"
            );
        }
        // The phone widths of the prerender: the live map lays out at exactly these.
        assert!(crate::breakpoints::MAP.contains(&(PHONE_MAP_BELOW_PX as u32)));
    }

    #[test]
    fn in_the_inset_sites_sit_at_their_true_point_or_have_a_leader_to_it() {
        let asset = MapAsset::embedded();
        let layout = layout(&asset, &sites(), Lang::Zh, 360.0);
        let inset = layout.inset.as_ref().expect("an inset at 360 px");
        let in_inset: Vec<&str> = layout
            .markers
            .iter()
            .filter(|m| m.in_inset)
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(
            in_inset,
            [
                "baotou",
                "wuhai",
                "ejin-horo",
                "alxa-hi-tech-zone",
                "baotou-steel",
                "yili"
            ]
        );
        assert!(
            !layout
                .markers
                .iter()
                .find(|m| m.id == "zalantun")
                .unwrap()
                .in_inset
        );
        // A marker's anchor is its site's point in the inset, inside the inset's view.
        for m in layout.markers.iter().filter(|m| m.in_inset) {
            assert!(
                inset.rect_contains(&Rect::centred(m.anchor, 1.0, 1.0)),
                "{}",
                m.id
            );
        }
        assert_eq!(inset.dots.len(), 6);
        let named: Vec<&str> = inset.labels.iter().map(|l| l.code.as_str()).collect();
        assert!(
            named.len() >= 2,
            "the inset names the leagues it shows: {named:?}"
        );
    }

    #[test]
    fn the_scale_bar_is_a_round_number_of_km_drawn_to_scale() {
        let asset = MapAsset::embedded();
        for width in WIDTHS {
            let layout = layout(&asset, &[], Lang::En, width);
            let bar = &layout.scale_bar;
            assert!([100.0, 200.0, 500.0].contains(&bar.km), "{}", bar.km);
            let km_per_px = asset.km_per_unit() / layout.scale;
            assert!((bar.length_px * km_per_px - bar.km).abs() < 1e-6);
        }
    }

    #[test]
    fn hohhot_is_labelled_as_the_capital() {
        let asset = MapAsset::embedded();
        assert_eq!(
            region_label(&asset, "150100", Lang::Zh).unwrap(),
            "呼和浩特市（首府）"
        );
        assert_eq!(
            region_label(&asset, "150100", Lang::En).unwrap(),
            "Hohhot (capital)"
        );
        assert_eq!(region_label(&asset, "150200", Lang::En).unwrap(), "Baotou");
    }
}
