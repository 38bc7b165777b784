// Prints the size of every file in dist/ as served: raw, gzip (level 9) and Brotli (quality 11),
// and holds two budgets, both in KB of Brotli:
// - the first paint: what the browser needs before it paints the prerendered widget, at most
//   25 KB: the page alone, which carries its stylesheet and its two blocking scripts inline
//   (scripts/inline-head.mjs);
// - the widget, every other file (the wasm, its glue, the loaders), at most 190 KB (README,
//   "Size", says what it holds and why the number moved from 175 KB). The wasm is fetched
//   after the first paint (or, in a script embed, only when the reader comes near).
// Bytes are counted as the reader's browser receives them from a server that compresses.
// dist/kiosk/, the kiosk build (scripts/build-kiosk: the widget with the operator's visit counts),
// is no reader's download: its files are listed and summed apart, held to no budget.
// The pages of one site, their share pictures and the data (tools/pages: every page but
// index.html, such as wuhai.en.html, and share/ and data/) are counted apart, in no budget: a
// reader's visit fetches none of them, and a reader on a site's page fetches that page instead
// of index.html, about the same size.
// Usage: node scripts/size-budget.mjs [widget budget] [first-paint budget]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const DIST = "dist";
const budgetKb = Number(process.argv[2] ?? 190);
const firstPaintKb = Number(process.argv[3] ?? 25);
// Render-blocking: the page itself, with its stylesheet and the classic scripts of <head>
// (options.js, lang.js) inline. Named as in assets/: the build adds a content hash (-<hex>) to
// all but the entry points.
const FIRST_PAINT = new Set(["index.html"]);
// Read by hosts and the bundled server, never by a reader's browser; and the files of what the
// page carries inline, which boot.js loads only where a host's policy refuses the inline head.
const METADATA = new Set(["content-security-policy.txt"]);
const FALLBACK = new Set(["style.css", "lang.js"]);
const unhashed = (file) => file.replace(/-[0-9a-f]{8,}(?=(_bg)?\.[^.]+$)/, "");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;

const KIOSK = join(DIST, "kiosk");
const measured = files(DIST)
  // Precompressed siblings are the same bytes again, not more of them.
  .filter((path) => !/\.(br|gz)$/.test(path))
  .map((path) => {
    const raw = readFileSync(path);
    return {
      file: relative(DIST, path),
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotli(raw),
    };
  })
  .sort((a, b) => b.brotli - a.brotli);
const kiosk = measured.filter((row) => row.file.startsWith(`kiosk/`));
const rows = measured.filter((row) => !kiosk.includes(row));
const sum = (key, which = () => true) => rows.filter(which).reduce((total, row) => total + row[key], 0);
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(9);
const extra = (row) =>
  row.file.includes("/") || (row.file.endsWith(".html") && row.file !== "index.html") || METADATA.has(row.file) || FALLBACK.has(unhashed(row.file));
const firstPaint = (row) => !extra(row) && FIRST_PAINT.has(unhashed(row.file));
const widget = (row) => !extra(row) && !firstPaint(row);
// A name the pattern above no longer recognises would silently move a file to the other budget.
for (const name of FIRST_PAINT) {
  if (!rows.some((row) => unhashed(row.file) === name)) throw new Error(`size-budget: dist/ has no ${name} (hashed or not)`);
}

console.log(`${"file".padEnd(40)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
for (const row of rows.filter((row) => !extra(row))) {
  const mark = firstPaint(row) ? "  (first paint)" : "";
  console.log(`${row.file.padEnd(40)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}${mark}`);
}
const line = (label, which, budget) =>
  console.log(`${label.padEnd(40)}${kb(sum("raw", which))}${kb(sum("gzip", which))}${kb(sum("brotli", which))}${budget ? `   (budget ${budget} KB Brotli)` : ""}`);
line("first paint (the page, CSS and scripts inline)", firstPaint, firstPaintKb);
line("the widget (everything else)", widget, budgetKb);
line(`pages, pictures, data, policy, fallbacks (${rows.filter(extra).length} files)`, extra);
for (const [label, pattern] of [["a page of one site, largest", /\.html$/], ["a share picture, largest", /\.png$/], ["a CSV file, largest", /\.csv$/]]) {
  const largest = rows.filter((row) => extra(row) && pattern.test(row.file))[0];
  if (largest) console.log(`  ${label.padEnd(38)}${kb(largest.raw)}${kb(largest.gzip)}${kb(largest.brotli)}  ${largest.file}`);
}
line("dist/ in all (the reader's)", () => true);
if (kiosk.length) {
  const total = (key) => kiosk.reduce((sum, row) => sum + row[key], 0);
  console.log(`${`kiosk build (${relative(DIST, KIOSK)}/, ${kiosk.length} files)`.padEnd(40)}${kb(total("raw"))}${kb(total("gzip"))}${kb(total("brotli"))}`);
}
let failed = false;
for (const [label, which, budget] of [["first paint", firstPaint, firstPaintKb], ["widget", widget, budgetKb]]) {
  const brotli = sum("brotli", which);
  if (brotli > budget * 1000) {
    console.error(`size budget exceeded: ${label} ${(brotli / 1000).toFixed(1)} KB Brotli > ${budget} KB`);
    failed = true;
  }
}
if (failed) process.exit(1);
