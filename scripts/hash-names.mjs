// Trunk post-build hook, after minify-glue.mjs: every file of the build except the entry points
// (index.html, boot.js, embed.js) gets a content-hashed name, so hosts can serve those files as
// immutable and a returning reader fetches only the entry points again (README, "Embedding").
//
// Trunk (`filehash = true`) names its own outputs widget-<hash>.js, widget-<hash>_bg.wasm and
// style-<hash>.css, but its hash is a 64-bit number printed without leading zeros (16 hex
// digits, 15 once in 16 builds, fewer once in 256, now and then digits only), taken before
// esbuild minifies the glue. It copies `copy-file` assets (options.js, lang.js, favicon.svg) as
// they are. So this hook names all six files the same way, name-<hash>.ext from the final bytes,
// and writes the names where they are read: index.html's head (<script src>, the icon, the
// stylesheet and the preloads Trunk wrote) and boot.js (its imports of the glue and
// options.js, its wasm, and the stylesheet and lang.js it loads where a host's policy refuses
// them inline). inline-head.mjs then writes the stylesheet and the classic scripts into the
// pages. A reference it cannot find fails the build, so a
// renamed file or a rewritten loader is never shipped pointing at a name that is not there.
//
// <hash> is 16 lower-case hex digits with at least one letter: the names a server can tell by
// one rule (`-`, 15 or 16 hex digits with a letter, the extension: the rule of issue 23's
// scripts/static-server.mjs), where a name of digits only could be a date.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("hash-names: run by Trunk, which sets TRUNK_STAGING_DIR");

/** 16 hex digits of the SHA-256 of `bytes`: the first 16 in a row that hold a letter. */
function contentHash(bytes) {
  const hex = createHash("sha256").update(bytes).digest("hex");
  for (let i = 0; i + 16 <= hex.length; i++) {
    if (/[a-f]/.test(hex.slice(i, i + 16))) return hex.slice(i, i + 16);
  }
  throw new Error("hash-names: a SHA-256 of 64 digits and no letter");
}

/** The one file in the staging dir whose name matches `pattern` (Trunk's hashed outputs). */
function trunkOutput(pattern) {
  const found = readdirSync(staging).filter((name) => pattern.test(name));
  if (found.length !== 1) {
    throw new Error(`hash-names: expected one file like ${pattern} in ${staging}, found ${found.length} (is filehash on?)`);
  }
  return found[0];
}

/** Renames `file` to stem-<hash><suffix>; returns the new name. */
function hashName(file, stem, suffix) {
  const hashed = `${stem}-${contentHash(readFileSync(join(staging, file)))}${suffix}`;
  renameSync(join(staging, file), join(staging, hashed));
  return hashed;
}

/** `text` with every match of `pattern` replaced; fails unless it matched at least once. */
function rewrite(file, text, pattern, replacement) {
  let count = 0;
  const result = text.replace(pattern, (...match) => {
    count++;
    return replacement(...match);
  });
  if (!count) throw new Error(`hash-names: ${file} has no reference matching ${pattern}`);
  return result;
}

const escape = (name) => name.replace(/\./g, "\\.");

// Each file by its name in the sources: [its name in the staging dir now, stem, suffix].
const files = {
  "widget.js": [trunkOutput(/^widget-[0-9a-f]+\.js$/), "widget", ".js"],
  "widget_bg.wasm": [trunkOutput(/^widget-[0-9a-f]+_bg\.wasm$/), "widget", "_bg.wasm"],
  "style.css": [trunkOutput(/^style-[0-9a-f]+\.css$/), "style", ".css"],
  "options.js": ["options.js", "options", ".js"],
  "lang.js": ["lang.js", "lang", ".js"],
  "favicon.svg": ["favicon.svg", "favicon", ".svg"],
};
const names = {}; // name in the sources -> final name
const staged = {}; // final name -> the name index.html knows it by
for (const [source, [now, stem, suffix]] of Object.entries(files)) {
  names[source] = hashName(now, stem, suffix);
  staged[names[source]] = now;
}

// index.html: every file's link in <head>. Only the head: the prerendered widget below is text,
// not references. Trunk's minifier may have dropped the attribute's quotes.
const page = join(staging, "index.html");
const html = readFileSync(page, "utf8");
const bodyAt = html.search(/<body[\s>]/);
if (bodyAt < 0) throw new Error("hash-names: index.html has no <body>");
let head = html.slice(0, bodyAt);
for (const [hashed, now] of Object.entries(staged)) {
  const reference = new RegExp(`(\\s(?:src|href)=)(["']?)(\\./)?${escape(now)}\\2(?=[\\s/>])`, "g");
  head = rewrite("index.html", head, reference, (_, attr, quote, dot = "") => `${attr}${quote}${dot}${hashed}${quote}`);
}
writeFileSync(page, head + html.slice(bodyAt));

// boot.js: its module imports and the URLs it builds, all string literals.
const loader = join(staging, "boot.js");
let boot = readFileSync(loader, "utf8");
for (const source of ["widget.js", "options.js", "widget_bg.wasm", "style.css", "lang.js"]) {
  const literal = new RegExp(`(["'])(\\./)?${escape(source)}\\1`, "g");
  boot = rewrite("boot.js", boot, literal, (_, quote, dot = "") => `${quote}${dot}${names[source]}${quote}`);
}
writeFileSync(loader, boot);
console.log(`hash-names: ${Object.values(names).join(", ")}`);
