// The options' shared table (tests/fixtures/options.tsv) against assets/options.js, the grammar
// lang.js and boot.js read the options by; src/options.rs runs the same table natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import "../assets/options.js";

const READ = ["lang", "theme", "mode", "compact", "id"];
const table = readFileSync(new URL("./fixtures/options.tsv", import.meta.url), "utf8");
const rows = table
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .slice(1)
  .map((line) => line.split("\t"));

/** A script embed's element with `name=value` as its one data attribute. */
function element(input) {
  const at = input.indexOf("=");
  const [name, value] = [input.slice(0, at), input.slice(at + 1)];
  return { getAttribute: (attribute) => (attribute === `data-${name}` ? value : null) };
}

function read(source, input) {
  const { imreformOptions } = globalThis;
  if (source === "query") return imreformOptions.fromAddress(`?${input}`, "");
  if (source === "fragment") return imreformOptions.fromAddress("", `#${input}`);
  if (source === "markup") return imreformOptions.fromAttributes(element(input));
  throw new Error(`unknown source ${source}`);
}

test("options.js gives every row of the table for the options it reads", () => {
  const mine = rows.filter(([, , option]) => READ.includes(option));
  assert.ok(mine.length >= 40, `${mine.length} rows`);
  for (const [source, input, option, expected, warning] of mine) {
    assert.equal(rows.find((r) => r.length !== 5), undefined, "five columns");
    const options = read(source, input);
    const got = options[option] === null ? "-" : String(options[option]);
    assert.equal(got, expected, `${source} ${input}: ${option}`);
    assert.deepEqual(options.warnings, warning === "-" ? [] : [warning], `${source} ${input}`);
  }
});

test("rows of the options only the wasm reads leave options.js's values alone", () => {
  for (const [source, input, option, , warning] of rows.filter(([, , option]) => !READ.includes(option))) {
    const options = read(source, input);
    for (const key of READ) assert.equal(options[key], null, `${source} ${input} (${option})`);
    // Who may set what is both readers' to judge: the fragment's refusals warn from either.
    if (source === "fragment" && option !== "site") {
      assert.deepEqual(options.warnings, warning === "-" ? [] : [warning], `${source} ${input}`);
    }
  }
});
