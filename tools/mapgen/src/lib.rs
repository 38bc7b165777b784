//! Builds the widget's boundary asset from ECharts 4.9.0's `neimenggu.json`: decode, cut shared
//! borders into arcs, project (Albers), simplify each arc once, quantize, place labels.

pub mod clean;
pub mod decode;
pub mod label;
pub mod simplify;
pub mod topology;

use imreform::geo::{Albers, Capital, Fit, MapAsset, Region, EARTH_RADIUS_KM, INNER_MONGOLIA};
use serde_json::Value;

use decode::{decode_ring, to_degrees, Point};
use simplify::XY;
use topology::{junctions, walk, ArcIndex, Topology};

/// Where `npm ci` puts the input, relative to the repository root.
pub const INPUT: &str = "node_modules/echarts/map/json/province/neimenggu.json";
/// The committed asset, relative to the repository root.
pub const OUTPUT: &str = "assets/inner-mongolia.json";
/// Width of the map in map units; fine enough for a 4K screen (0.4 px per unit).
pub const WIDTH: f64 = 5_000.0;
/// Margin around the region, in map units.
pub const PADDING: f64 = 75.0;
/// Douglas–Peucker tolerance. Chosen by eye at kiosk size: 1.5 km is about a pixel on a map
/// drawn 1920 px wide, with 42% of the points of 0.5 km. See the README's "Map data".
pub const TOLERANCE_KM: f64 = 1.5;

/// Vertices of neighbours this close (in ECharts units of 1/1024°, about 100 m) are one point.
pub const SNAP_UNITS: i64 = 3;

/// English names of the leagues and cities, by division code.
const ENGLISH_NAMES: [(&str, &str); 12] = [
    ("150100", "Hohhot"),
    ("150200", "Baotou"),
    ("150300", "Wuhai"),
    ("150400", "Chifeng"),
    ("150500", "Tongliao"),
    ("150600", "Ordos"),
    ("150700", "Hulunbuir"),
    ("150800", "Bayannur"),
    ("150900", "Ulanqab"),
    ("152200", "Hinggan League"),
    ("152500", "Xilingol League"),
    ("152900", "Alxa League"),
];
const CAPITAL_CODE: &str = "150100";

struct Feature {
    code: String,
    name: String,
    centre: (f64, f64),
    polygons: Vec<Vec<Vec<Point>>>,
}

fn parse_features(json: &str) -> Result<Vec<Feature>, String> {
    let doc: Value = serde_json::from_str(json).map_err(|e| format!("input is not JSON: {e}"))?;
    if doc["UTF8Encoding"] != Value::Bool(true) {
        return Err("expected ECharts' UTF8Encoding: true".into());
    }
    let features = doc["features"].as_array().ok_or("expected features")?;
    features
        .iter()
        .map(|f| {
            let code = f["id"].as_str().ok_or("feature without id")?.to_owned();
            let name = f["properties"]["name"]
                .as_str()
                .ok_or("feature without name")?
                .to_owned();
            let cp = &f["properties"]["cp"];
            let centre = (
                cp[0].as_f64().ok_or("feature without cp")?,
                cp[1].as_f64().ok_or("feature without cp")?,
            );
            let geometry = &f["geometry"];
            let (coordinates, offsets) = match geometry["type"].as_str() {
                Some("Polygon") => (
                    vec![geometry["coordinates"].clone()],
                    vec![geometry["encodeOffsets"].clone()],
                ),
                Some("MultiPolygon") => (
                    geometry["coordinates"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default(),
                    geometry["encodeOffsets"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default(),
                ),
                other => return Err(format!("{code}: unexpected geometry {other:?}")),
            };
            let polygons = coordinates
                .iter()
                .zip(&offsets)
                .map(|(rings, offsets)| {
                    let rings = rings.as_array().ok_or("polygon is not a list")?;
                    rings
                        .iter()
                        .enumerate()
                        .map(|(i, ring)| {
                            let offset = &offsets[i];
                            let offset = [
                                offset[0].as_i64().ok_or("bad offset")?,
                                offset[1].as_i64().ok_or("bad offset")?,
                            ];
                            decode_ring(ring.as_str().ok_or("ring is not a string")?, offset)
                        })
                        .collect::<Result<Vec<_>, String>>()
                })
                .collect::<Result<Vec<_>, String>>()?;
            Ok(Feature {
                code,
                name,
                centre,
                polygons,
            })
        })
        .collect()
}

fn ring_area(ring: &[XY]) -> f64 {
    ring.iter()
        .zip(ring.iter().skip(1))
        .map(|(a, b)| a.0 * b.1 - b.0 * a.1)
        .sum::<f64>()
        / 2.0
}

/// Runs the whole pipeline on the text of `neimenggu.json`.
pub fn generate(json: &str, tolerance_km: f64) -> Result<MapAsset, String> {
    let features = parse_features(json)?;
    let albers = Albers::new(INNER_MONGOLIA, EARTH_RADIUS_KM);
    let project = |p: Point| {
        let (lon, lat) = to_degrees(p);
        albers.project(lon, lat)
    };

    // Make neighbours agree vertex for vertex, then put the rings back in place.
    let mut owned: Vec<(usize, Vec<Point>)> = features
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f.polygons
                .iter()
                .flatten()
                .map(move |ring| (i, ring.clone()))
        })
        .collect();
    clean::conform(&mut owned, SNAP_UNITS);
    let mut cleaned = owned.into_iter().map(|(_, ring)| ring);
    let mut features = features;
    for ring in features
        .iter_mut()
        .flat_map(|f| f.polygons.iter_mut().flatten())
    {
        *ring = cleaned.next().ok_or("ring count changed while cleaning")?;
    }
    let all_rings: Vec<Vec<Point>> = features
        .iter()
        .flat_map(|f| f.polygons.iter().flatten().cloned())
        .collect();
    let junctions = junctions(&all_rings);
    let mut topology = Topology::default();
    let mut index = ArcIndex::default();
    let arc_polygons: Vec<Vec<Vec<Vec<i32>>>> = features
        .iter()
        .map(|f| {
            f.polygons
                .iter()
                .map(|rings| {
                    rings
                        .iter()
                        .map(|ring| topology.add_ring(ring, &junctions, &mut index))
                        .collect()
                })
                .collect()
        })
        .collect();

    // Each arc is simplified once, in projected km, whoever uses it.
    let simplified: Vec<Vec<XY>> = topology
        .arcs
        .iter()
        .map(|arc| {
            let km: Vec<XY> = arc.iter().map(|&p| project(p)).collect();
            if arc.first() == arc.last() {
                simplify::simplify_closed(&km, tolerance_km)
            } else {
                simplify::douglas_peucker(&km, tolerance_km)
            }
        })
        .collect();

    let (mut min, mut max) = ((f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
    for &(x, y) in simplified.iter().flatten() {
        min = (min.0.min(x), min.1.min(y));
        max = (max.0.max(x), max.1.max(y));
    }
    let scale = (WIDTH - 2.0 * PADDING) / (max.0 - min.0);
    let fit = Fit {
        scale,
        left: min.0 - PADDING / scale,
        top: max.1 + PADDING / scale,
    };
    let height = ((max.1 - min.1) * scale + 2.0 * PADDING).ceil();

    let quantized: Vec<Vec<[i32; 2]>> = simplified
        .iter()
        .map(|arc| {
            let mut points: Vec<[i32; 2]> = Vec::with_capacity(arc.len());
            for (i, &p) in arc.iter().enumerate() {
                let (x, y) = fit.apply(p);
                let q = [x.round() as i32, y.round() as i32];
                let last = i == arc.len() - 1;
                if points.last() == Some(&q) {
                    if last && points.len() > 1 {
                        // Keep the endpoint (a junction); drop the interior point it landed on.
                        points.pop();
                    } else {
                        continue;
                    }
                }
                points.push(q);
            }
            points
        })
        .collect();
    let arcs: Vec<Vec<i32>> = quantized
        .iter()
        .map(|points| {
            let mut previous = [0, 0];
            let mut encoded = Vec::with_capacity(points.len() * 2);
            for p in points {
                encoded.push(p[0] - previous[0]);
                encoded.push(p[1] - previous[1]);
                previous = *p;
            }
            encoded
        })
        .collect();

    let quantized_wide: Vec<Vec<Point>> = quantized
        .iter()
        .map(|arc| {
            arc.iter()
                .map(|p| [i64::from(p[0]), i64::from(p[1])])
                .collect()
        })
        .collect();
    let ring_points = |refs: &[i32]| -> Vec<XY> {
        let mut points: Vec<XY> = Vec::new();
        for &r in refs {
            let arc = walk(&quantized_wide, r);
            let skip = usize::from(!points.is_empty());
            points.extend(
                arc.into_iter()
                    .skip(skip)
                    .map(|p| (p[0] as f64, p[1] as f64)),
            );
        }
        points
    };

    let regions = features
        .iter()
        .zip(&arc_polygons)
        .map(|(feature, polygons)| {
            let area_km2: f64 = feature
                .polygons
                .iter()
                .flatten()
                .map(|ring| {
                    let km: Vec<XY> = ring.iter().map(|&p| project(p)).collect();
                    ring_area(&km)
                })
                .sum::<f64>()
                .abs();
            let largest = polygons
                .iter()
                .map(|rings| rings.iter().map(|r| ring_points(r)).collect::<Vec<_>>())
                .max_by(|a, b| ring_area(&a[0]).abs().total_cmp(&ring_area(&b[0]).abs()))
                .ok_or(format!("{}: no polygon", feature.code))?;
            let (lx, ly) = label::pole_of_inaccessibility(&largest);
            let en = ENGLISH_NAMES
                .iter()
                .find(|(code, _)| *code == feature.code)
                .map(|(_, en)| (*en).to_owned())
                .ok_or(format!("{}: no English name", feature.code))?;
            Ok(Region {
                code: feature.code.clone(),
                zh: feature.name.clone(),
                en,
                polygons: polygons.clone(),
                label: [lx.round() as i32, ly.round() as i32],
                area_km2: area_km2.round(),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;

    let capital = features
        .iter()
        .find(|f| f.code == CAPITAL_CODE)
        .ok_or("no Hohhot in the input")?;
    let (cx, cy) = fit.apply(albers.project(capital.centre.0, capital.centre.1));
    Ok(MapAsset {
        source: "Apache ECharts 4.9.0, map/json/province/neimenggu.json (npm package echarts)"
            .into(),
        licence: "Apache-2.0".into(),
        width: WIDTH as u32,
        height: height as u32,
        projection: INNER_MONGOLIA,
        fit,
        arcs,
        regions,
        capital: Capital {
            region: CAPITAL_CODE.into(),
            zh: "呼和浩特".into(),
            en: "Hohhot".into(),
            at: [cx.round() as i32, cy.round() as i32],
        },
    })
}

/// The asset as committed: compact JSON and a final newline.
pub fn to_json(asset: &MapAsset) -> String {
    let mut json = serde_json::to_string(asset).expect("the asset serialises");
    json.push('\n');
    json
}
