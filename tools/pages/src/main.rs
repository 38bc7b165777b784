//! `pages DIST` (run by Trunk's post-build hook after `scripts/public-url.mjs`) writes into a
//! built `dist/`, beside the widget (see `imreform::share_page`; README, "A page per site"):
//!
//! - `<site>.html` and `<site>.en.html`, a page per site and language, and `index.en.html`, the
//!   English overview, beside `index.html`: the widget prerendered with that card open, with
//!   the tags that unfurl a link; and the overview's tags in `index.html`;
//! - `share/<site>-<lang>.png` and `share/overview-<lang>.png`, the share pictures, 1200x630,
//!   rasterised by resvg in the system's Noto Sans CJK SC (Debian's `fonts-noto-cjk`);
//! - `data/<site>-<lang>.csv` and `data/overview-<lang>.csv`, every figure as CSV.
//!
//! The pages' own addresses and their pictures' are relative; `scripts/public-url.mjs`, run
//! next, makes them absolute with the publisher's public address (`IMREFORM_PUBLIC_URL`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use imreform::content::{self, Content, Lang};
use imreform::export;
use imreform::geo::MapAsset;
use imreform::share_page::{self, Page, PICTURE_FONT, PICTURE_HEIGHT, PICTURE_WIDTH};
use imreform::web::prerender;
use resvg::{tiny_skia, usvg};

/// The most a share picture may weigh (issue 27).
const MAX_PICTURE_BYTES: usize = 150_000;
/// Names in the widget's folder that a site's id may not take.
const RESERVED: [&str; 3] = ["index", "data", "share"];

fn main() -> ExitCode {
    let Some(dist) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: pages DIST (a built dist/ folder)");
        return ExitCode::FAILURE;
    };
    match run(&dist) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pages: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(dist: &Path) -> Result<(), String> {
    let started = Instant::now();
    let index_path = dist.join("index.html");
    let index_html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let content = content::embedded().map_err(|e| e.to_string())?;
    let asset = MapAsset::embedded();
    if let Some(site) = content
        .sites
        .iter()
        .find(|s| RESERVED.contains(&s.id.as_str()))
    {
        return Err(format!(
            "a site's id \"{}\" is a folder of the build ({RESERVED:?})",
            site.id
        ));
    }
    let fonts = fonts()?;

    let mut sizes = Vec::new();
    let sites = content.sites_in_order();
    for site in sites.iter().copied().map(Some).chain([None]) {
        let id = site.map(|s| s.id.as_str());
        // Both languages' widgets: the address may ask for the other (`?lang=zh`).
        let widget = prerender::section_for(id);
        for lang in Lang::ALL {
            let page = Page { site, lang };
            if !(site.is_none() && lang == Lang::Zh) {
                let html = share_page::page_html(&index_html, &content, page, &widget)
                    .map_err(|e| e.to_string())?;
                write(&dist.join(page.file()), html.as_bytes())?;
            }
            let png = picture(&content, &asset, page, &fonts)?;
            if png.len() > MAX_PICTURE_BYTES {
                return Err(format!(
                    "{} is {} bytes, over {MAX_PICTURE_BYTES}",
                    page.picture_path(),
                    png.len()
                ));
            }
            sizes.push(png.len());
            write(&dist.join(page.picture_path()), &png)?;
            let csv = export::csv(&content, site, lang);
            write(
                &dist.join(imreform::share::data_path(id, lang)),
                csv.as_bytes(),
            )?;
        }
    }
    let index = share_page::index_with_tags(&index_html, &content).map_err(|e| e.to_string())?;
    write(&index_path, index.as_bytes())?;
    println!(
        "pages: {} pages, {} pictures ({}-{} bytes), {} CSV files in {:.1} s",
        sites.len() * 2 + 1,
        sizes.len(),
        sizes.iter().min().unwrap_or(&0),
        sizes.iter().max().unwrap_or(&0),
        sizes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The system's fonts, which must include the picture's.
fn fonts() -> Result<std::sync::Arc<usvg::fontdb::Database>, String> {
    let mut db = usvg::fontdb::Database::new();
    db.load_system_fonts();
    let found = db
        .faces()
        .any(|face| face.families.iter().any(|(name, _)| name == PICTURE_FONT));
    if !found {
        return Err(format!(
            "no \"{PICTURE_FONT}\" among the system's fonts: install Debian's fonts-noto-cjk (scripts/setup does)"
        ));
    }
    Ok(std::sync::Arc::new(db))
}

/// The share picture of `page` as PNG.
fn picture(
    content: &Content,
    asset: &MapAsset,
    page: Page<'_>,
    fonts: &std::sync::Arc<usvg::fontdb::Database>,
) -> Result<Vec<u8>, String> {
    let svg = share_page::picture_svg(content, asset, page);
    let options = usvg::Options {
        font_family: PICTURE_FONT.to_owned(),
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options)
        .map_err(|e| format!("{}: {e}", page.picture_path()))?;
    let mut pixmap = tiny_skia::Pixmap::new(PICTURE_WIDTH, PICTURE_HEIGHT).ok_or("no pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // Opaque (the background fills it): RGB, premultiplied alpha being 255 everywhere.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, PICTURE_WIDTH, PICTURE_HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let fail = |e: png::EncodingError| format!("{}: {e}", page.picture_path());
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(&rgb).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(bytes)
}
