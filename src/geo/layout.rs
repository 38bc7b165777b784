//! Places everything drawn over the boundaries (site markers, region names, the capital, the
//! scale bar) in screen pixels for a given map width, so that nothing overlaps at any width.
//! Items that cannot sit at their true point move to the nearest free spot and get a leader
//! line back to it.

use super::MapAsset;
use crate::content::{Lang, Site};

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
    /// The site's true position.
    pub anchor: (f64, f64),
    /// Where the marker is drawn; differs from `anchor` when it had to move.
    pub centre: (f64, f64),
    pub radius: f64,
}

impl PlacedMarker {
    pub fn displaced(&self) -> bool {
        self.anchor != self.centre
    }

    pub fn rect(&self) -> Rect {
        Rect::centred(self.centre, 2.0 * self.radius, 2.0 * self.radius)
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
        crate::fmath::hypot(x - nx, y - ny) > self.rect.y1 - self.rect.y0
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
}

/// Smallest text on the map, in CSS pixels, at any width.
pub const MIN_FONT_PX: f64 = 11.0;

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

/// Estimated width of a line of text: CJK characters are one em, others about 0.56 em.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * font_px
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
    width: f64,
    height: f64,
    taken: Vec<Rect>,
}

impl Placer {
    fn free(&self, rect: &Rect) -> bool {
        rect.within(self.width, self.height) && !self.taken.iter().any(|t| t.overlaps(rect))
    }

    /// The free box nearest to `anchor`, searching rings of growing radius in 16 directions.
    fn place(&mut self, anchor: (f64, f64), w: f64, h: f64) -> Option<Rect> {
        let step = w.min(h).max(4.0) / 2.0;
        let max_rings = ((self.width.max(self.height)) / step).ceil() as usize;
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
    let magnitude = crate::fmath::floor_power_of_ten(target);
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
    let width = width.max(1.0);
    let scale = width / f64::from(asset.width);
    let height = f64::from(asset.height) * scale;
    let font = self::font_px(width).max(if font_px.is_finite() { font_px } else { 0.0 });
    // On a kiosk a marker's number is type too: it grows with the screen's type, not only with
    // the map (a marker as wide as 2.8 of the names' em; its number 1.47 em).
    let radius = if touch {
        marker_radius(width, true).max(1.4 * font)
    } else {
        marker_radius(width, false)
    };
    let to_px = |(x, y): (f64, f64)| (x * scale, y * scale);
    let mut placer = Placer {
        width,
        height,
        taken: Vec::new(),
    };

    // The scale bar sits top left, over Mongolia, where the map has no land of its own.
    let km = nice_km(width * 0.22 / scale * asset.km_per_unit());
    let length_px = km / asset.km_per_unit() * scale;
    let pad = font * 0.6;
    let bar_rect = Rect {
        x0: pad,
        y0: pad,
        x1: pad + length_px.max(text_width("0000 km", font)),
        y1: pad + font * 1.9,
    };
    placer.taken.push(bar_rect);
    let scale_bar = ScaleBar {
        km,
        length_px,
        origin: (pad, bar_rect.y1 - font * 0.3),
        rect: bar_rect,
    };

    let capital_at = to_px((
        f64::from(asset.capital.at[0]),
        f64::from(asset.capital.at[1]),
    ));
    let capital = Rect::centred(capital_at, font, font);
    placer.taken.push(capital);

    let mut ordered: Vec<&SitePoint> = sites.iter().collect();
    crate::small_sort::sort_by_key(&mut ordered, |s| s.number);
    let markers = ordered
        .into_iter()
        .filter_map(|site| {
            let anchor = to_px(asset.locate(site.lon, site.lat));
            let rect = placer.place(anchor, 2.0 * radius, 2.0 * radius)?;
            let centre = rect.centre();
            // Within half a pixel counts as in place.
            let centre = if crate::fmath::hypot(centre.0 - anchor.0, centre.1 - anchor.1) < 0.5 {
                anchor
            } else {
                centre
            };
            Some(PlacedMarker {
                id: site.id.clone(),
                number: site.number,
                anchor,
                centre,
                radius,
            })
        })
        .collect();

    let mut regions: Vec<_> = asset.regions.iter().collect();
    crate::small_sort::sort_by(&mut regions, |a, b| b.area_km2.total_cmp(&a.area_km2));
    let labels = regions
        .into_iter()
        .filter_map(|region| {
            let text = region_label(asset, &region.code, lang)?;
            let anchor = to_px((f64::from(region.label[0]), f64::from(region.label[1])));
            // Noto Sans CJK's glyph box is about 1.45 em tall around the central baseline.
            let w = text_width(&text, font) + 0.3 * font;
            let h = font * 1.6;
            let rect = placer.place(anchor, w, h)?;
            Some(PlacedLabel {
                code: region.code.clone(),
                text,
                anchor,
                rect,
            })
        })
        .collect();

    Layout {
        width,
        height,
        scale,
        font_px: font,
        markers,
        labels,
        capital,
        scale_bar,
    }
}

impl Layout {
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

    #[test]
    fn nothing_overlaps_at_any_width_in_either_language() {
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
                assert_eq!(layout.labels.len(), 12, "{width} px: a name found no room");
                let rects = layout.rects();
                for (i, (name_a, a)) in rects.iter().enumerate() {
                    assert!(
                        a.within(layout.width, layout.height),
                        "{width} px {lang:?}: {name_a} leaves the map"
                    );
                    for (name_b, b) in &rects[i + 1..] {
                        assert!(
                            !a.overlaps(b),
                            "{width} px {lang:?}: {name_a} overlaps {name_b}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn kiosk_markers_are_48_px_targets_and_still_never_overlap() {
        let asset = MapAsset::embedded();
        let sites = sites();
        for width in [1000.0, 1080.0, 1150.0, 1920.0, 3840.0] {
            let layout = layout_for(&asset, &sites, Lang::Zh, width, true);
            assert_eq!(layout.markers.len(), 7);
            assert!(layout.markers.iter().all(|m| m.radius * 2.0 >= 48.0));
            let rects = layout.rects();
            for (i, (a, ra)) in rects.iter().enumerate() {
                for (b, rb) in &rects[i + 1..] {
                    assert!(!ra.overlaps(rb), "{width} px: {a} overlaps {b}");
                }
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
                    dx.hypot(dy) <= 5.0 * marker.radius,
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
