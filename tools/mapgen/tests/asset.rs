//! The committed asset against the tool and against the rules a map must keep.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use imreform::geo::MapAsset;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn committed() -> MapAsset {
    MapAsset::embedded()
}

#[test]
fn the_committed_asset_is_what_the_tool_makes() {
    let input = root().join(mapgen::INPUT);
    let json = std::fs::read_to_string(&input).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `npm ci` (scripts/setup) first",
            input.display()
        )
    });
    let made = mapgen::to_json(&mapgen::generate(&json, mapgen::TOLERANCE_KM).expect("generates"));
    let on_disk = std::fs::read_to_string(root().join(mapgen::OUTPUT)).expect("asset on disk");
    assert!(
        made == on_disk,
        "assets/inner-mongolia.json is stale: run `cargo run -p mapgen` and commit the result"
    );
}

#[test]
fn has_the_twelve_leagues_and_cities_named_in_both_languages() {
    let asset = committed();
    let names: HashSet<&str> = asset.regions.iter().map(|r| r.zh.as_str()).collect();
    for name in [
        "呼和浩特市",
        "包头市",
        "乌海市",
        "赤峰市",
        "通辽市",
        "鄂尔多斯市",
        "呼伦贝尔市",
        "巴彦淖尔市",
        "乌兰察布市",
        "兴安盟",
        "锡林郭勒盟",
        "阿拉善盟",
    ] {
        assert!(names.contains(name), "{name} missing");
    }
    assert_eq!(asset.regions.len(), 12);
    assert!(asset.regions.iter().all(|r| !r.en.is_empty()));
}

/// Undirected boundary segments of each region, in map units.
type Segment = ((i32, i32), (i32, i32));

fn segments(asset: &MapAsset) -> HashMap<Segment, HashSet<String>> {
    let mut owners: HashMap<_, HashSet<String>> = HashMap::new();
    for region in &asset.regions {
        for ring in region.polygons.iter().flatten() {
            let mut points = Vec::new();
            for &arc in ring {
                let arc_points = asset.arc_points(arc);
                let skip = usize::from(!points.is_empty());
                points.extend(arc_points.into_iter().skip(skip));
            }
            for w in points.windows(2) {
                let key = if w[0] < w[1] {
                    (w[0], w[1])
                } else {
                    (w[1], w[0])
                };
                if w[0] != w[1] {
                    owners.entry(key).or_default().insert(region.code.clone());
                }
            }
        }
    }
    owners
}

#[test]
fn simplified_borders_are_identical_on_both_sides() {
    let asset = committed();
    let owners = segments(&asset);
    // No segment is claimed by three regions (an overlap), and neighbours share whole segments.
    assert!(owners.values().all(|o| o.len() <= 2));
    let mut neighbours: HashMap<String, HashSet<String>> = HashMap::new();
    for o in owners.values().filter(|o| o.len() == 2) {
        let pair: Vec<&String> = o.iter().collect();
        neighbours
            .entry(pair[0].clone())
            .or_default()
            .insert(pair[1].clone());
        neighbours
            .entry(pair[1].clone())
            .or_default()
            .insert(pair[0].clone());
    }
    // Known neighbours, all of them within the region: Wuhai lies between Alxa and Ordos;
    // Hohhot touches Baotou, Ulanqab and Ordos; Hinggan touches Hulunbuir, Tongliao and
    // Xilingol.
    for (region, expected) in [
        ("150300", &["150600", "152900"][..]),
        ("150100", &["150200", "150600", "150900"]),
        ("152200", &["150500", "150700", "152500"]),
    ] {
        let mut found: Vec<&str> = neighbours
            .get(region)
            .map(|n| n.iter().map(String::as_str).collect())
            .unwrap_or_default();
        found.sort_unstable();
        assert_eq!(found, expected, "{region}'s neighbours");
    }
    // Every arc is used by one ring (the outline) or by the two rings on either side.
    let mut uses = vec![0; asset.arcs.len()];
    for ring in asset
        .regions
        .iter()
        .flat_map(|r| r.polygons.iter().flatten())
    {
        for &arc in ring {
            uses[if arc < 0 { !arc } else { arc } as usize] += 1;
        }
    }
    let shared = uses.iter().filter(|&&u| u == 2).count();
    assert!(shared >= 20, "only {shared} shared arcs");
}

#[test]
fn labels_sit_inside_their_regions_and_the_capital_in_hohhot() {
    let asset = committed();
    let inside = |code: &str, (x, y): (f64, f64)| {
        let region = asset.regions.iter().find(|r| r.code == code).unwrap();
        let mut crossings = 0;
        for ring in region.polygons.iter().flatten() {
            let mut points = Vec::new();
            for &arc in ring {
                let skip = usize::from(!points.is_empty());
                points.extend(asset.arc_points(arc).into_iter().skip(skip));
            }
            for w in points.windows(2) {
                let ((ax, ay), (bx, by)) = (
                    (f64::from(w[0].0), f64::from(w[0].1)),
                    (f64::from(w[1].0), f64::from(w[1].1)),
                );
                if (ay > y) != (by > y) && x < (bx - ax) * (y - ay) / (by - ay) + ax {
                    crossings += 1;
                }
            }
        }
        crossings % 2 == 1
    };
    for region in &asset.regions {
        let [x, y] = region.label;
        assert!(
            inside(&region.code, (f64::from(x), f64::from(y))),
            "{} label",
            region.zh
        );
    }
    let [x, y] = asset.capital.at;
    assert!(inside("150100", (f64::from(x), f64::from(y))));
    // Projection and fit agree with the capital computed from its coordinates.
    let (cx, cy) = asset.locate(111.670801, 40.818311);
    assert!((cx - f64::from(x)).abs() <= 1.0 && (cy - f64::from(y)).abs() <= 1.0);
}
