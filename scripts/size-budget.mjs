// Prints the size of every file in dist/ as served: raw, gzip (level 9) and Brotli (quality 11),
// and fails when the Brotli total exceeds the budget. Bytes are counted as the reader's
// browser receives them from a server that compresses (or serves precompressed files).
// Usage: node scripts/size-budget.mjs [budget in KB, Brotli]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const DIST = "dist";
const budgetKb = Number(process.argv[2] ?? 175);

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

const rows = files(DIST)
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
const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(9);

console.log(`${"file".padEnd(40)}${"raw KB".padStart(9)}${"gzip KB".padStart(9)}${"br KB".padStart(9)}`);
for (const row of rows) console.log(`${row.file.padEnd(40)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
console.log(`${"total".padEnd(40)}${kb(sum("raw"))}${kb(sum("gzip"))}${kb(sum("brotli"))}   (budget ${budgetKb} KB Brotli)`);
if (sum("brotli") > budgetKb * 1000) {
  console.error(`size budget exceeded: ${(sum("brotli") / 1000).toFixed(1)} KB Brotli > ${budgetKb} KB`);
  process.exit(1);
}
