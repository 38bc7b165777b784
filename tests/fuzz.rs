//! Bounded-time mutation fuzzing of every parser that reads outside input: the content loader
//! (with its JSON path scanner and validation), the quantity parser, the address parser and the
//! host-message parser. None may panic. A crashing input is saved under
//! `tests/fixtures/fuzz-crashes/` (to become a corpus case) and fails the run.
//!
//! Run by `scripts/test` as `cargo test --test fuzz -- --ignored --nocapture`;
//! `FUZZ_SECONDS` (default 6) sets the time per parser.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use imreform::content::{self, parse_amount};
use imreform::embed::parse_host_message;
use imreform::route::Route;

/// xorshift64*: fast, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes worth splicing in: JSON punctuation, the article's markers, odd characters.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "true",
    "-1",
    "1e999",
    "NaN",
    "0.5",
    "余",
    "多",
    "近",
    "万",
    "亿",
    "十",
    "\u{202e}",
    "\u{200b}",
    "\u{0}",
    "<script>",
    "\"sites\"",
    "\"figures\"",
    "\"value\"",
    "\"derived_from\"",
    "\"charts\"",
    "9999999999999999999",
    "\u{feff}",
    "\n",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            2 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = rng.next() as u8;
            }
            3 => bytes.truncate(at),
            _ => {
                // Duplicate a slice: repeated keys, repeated array items.
                let end = (at + rng.below(200)).min(bytes.len());
                let copy = bytes[at.min(end)..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn save_crash(name: &str, input: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-crashes");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!(
        "{name}-{:016x}.txt",
        input.len() as u64 ^ input.bytes().map(u64::from).sum::<u64>()
    ));
    let _ = std::fs::write(&path, input);
    path.display().to_string()
}

/// Runs `target` on mutations of the seeds for the time budget; returns (inputs, crashes).
fn fuzz(
    name: &str,
    seeds: &[String],
    budget: Duration,
    target: impl Fn(&str),
) -> (u64, Vec<String>) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
    let started = Instant::now();
    let mut inputs = 0u64;
    let mut crashes = Vec::new();
    while started.elapsed() < budget {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        inputs += 1;
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
            crashes.push(save_crash(name, &input));
        }
    }
    println!(
        "fuzz: {name:<14} {inputs:>8} inputs in {:.1} s, {} crashes",
        started.elapsed().as_secs_f64(),
        crashes.len()
    );
    (inputs, crashes)
}

#[test]
#[ignore = "bounded-time fuzzing: run by scripts/test with --ignored --nocapture"]
fn no_parser_panics_on_mutated_input() {
    let seconds: f64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6.0);
    let budget = Duration::from_secs_f64(seconds);
    // Quiet the default hook: caught panics are reported as crashes, not as noise.
    std::panic::set_hook(Box::new(|_| {}));

    let pretty = include_str!("../assets/content.json").to_owned();
    let content_seeds = vec![pretty, content::EMBEDDED_JSON.to_owned()];
    let amounts: Vec<String> = [
        "6000余",
        "近1万余",
        "3.9万",
        "1328万",
        "近5亿",
        "二十三",
        "30多",
        "1,000",
    ]
    .map(String::from)
    .to_vec();
    let addresses: Vec<String> = [
        "?lang=en&theme=dark&mode=embed&compact&id=a#site=wuhai&lang=zh",
        "#baotou-steel",
        "?site=%E4%B8%AD",
    ]
    .map(String::from)
    .to_vec();
    let sites = ["baotou", "wuhai", "yili"];

    let mut total = 0;
    let mut crashes = Vec::new();
    for (inputs, found) in [
        fuzz("content", &content_seeds, budget, |input| {
            if let Err(err) = content::load(input) {
                assert!(!err.lines().is_empty() && err.lines().iter().all(|l| !l.is_empty()));
            }
        }),
        fuzz("quantity", &amounts, budget / 3, |input| {
            if let Ok(q) = parse_amount(input) {
                assert!(q.value.is_finite() || input.contains("e"));
            }
        }),
        fuzz("address", &addresses, budget / 3, |input| {
            let (query, fragment) = input.split_once('#').unwrap_or((input, ""));
            let route = Route::parse(query, fragment, &sites);
            assert!(route.site.as_deref().is_none_or(|s| sites.contains(&s)));
        }),
        fuzz("host message", &addresses, budget / 3, |input| {
            let _ = parse_host_message(
                Some(&format!("imreform:{input}")),
                |_| Some(input.to_owned()),
                &sites,
            );
        }),
    ] {
        total += inputs;
        crashes.extend(found);
    }
    let _ = std::panic::take_hook();
    println!("fuzz: {total} inputs in all, {} crashes", crashes.len());
    assert!(crashes.is_empty(), "crashing inputs saved: {crashes:#?}");
}
