// Prints the gzipped size (level 9) of every file in dist/ and fails when the total exceeds
// the budget. Usage: node scripts/size-budget.mjs [budget-in-KB]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist";
const budgetKb = Number(process.argv[2] ?? 180);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = files(DIST)
  .map((path) => {
    const raw = readFileSync(path);
    return { file: relative(DIST, path), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);

console.log(`${"file".padEnd(44)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}`);
for (const row of rows) console.log(`${row.file.padEnd(44)}${kb(row.raw)} ${kb(row.gzip)}`);
console.log(`${"total".padEnd(44)}${" ".repeat(8)} ${kb(total)}   (budget ${budgetKb} KB)`);
if (total > budgetKb * 1000) {
  console.error(`size budget exceeded: ${(total / 1000).toFixed(1)} KB gzipped > ${budgetKb} KB`);
  process.exit(1);
}
