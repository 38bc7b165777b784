//! `cargo run -p mapgen` rewrites `assets/inner-mongolia.json` from the installed echarts.
//! Usage: mapgen [INPUT] [OUTPUT] [TOLERANCE_KM]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let input = args.next().unwrap_or_else(|| mapgen::INPUT.into());
    let output = args.next().unwrap_or_else(|| mapgen::OUTPUT.into());
    let tolerance = args
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or(mapgen::TOLERANCE_KM);
    let result = std::fs::read_to_string(&input)
        .map_err(|e| format!("{input}: {e} (run `npm ci` first)"))
        .and_then(|json| mapgen::generate(&json, tolerance))
        .and_then(|asset| {
            let json = mapgen::to_json(&asset);
            let points: usize = asset.arcs.iter().map(|a| a.len() / 2).sum();
            std::fs::write(&output, &json).map_err(|e| format!("{output}: {e}"))?;
            println!(
                "{output}: {} regions, {} arcs, {points} points, {} bytes (tolerance {tolerance} km)",
                asset.regions.len(),
                asset.arcs.len(),
                json.len()
            );
            Ok(())
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mapgen: {e}");
            ExitCode::FAILURE
        }
    }
}
