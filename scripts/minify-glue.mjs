// Trunk post-build hook: minifies wasm-bindgen's JS glue (widget-<hash>.js) in release builds.
// Trunk's own JS minifier gives up on this file ("Failed to minify JS"), which left 47 KB of
// unminified glue in every release; esbuild (pinned in package.json) does it safely: an ES
// module in, an ES module out, export and import names kept. The loader Trunk copies as it
// is, boot.js (a module too), is minified the same way: its comments are for its readers in
// assets/, not for every reader of an article.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";

const staging = process.env.TRUNK_STAGING_DIR;
const CSS_TARGETS = ["chrome105", "safari16", "firefox110"];
if (!staging) throw new Error("minify-glue: run by Trunk, which sets TRUNK_STAGING_DIR");
if (process.env.TRUNK_PROFILE === "release") {
  // Imported here, so a debug build (`trunk serve`) works without node_modules.
  const { transformSync } = await import("esbuild");
  // Trunk names the glue widget-<hash>.js (filehash); scripts/hash-names.mjs runs after this.
  const glue = readdirSync(staging).filter((name) => /^widget(-[0-9a-f]+)?\.js$/.test(name));
  if (glue.length !== 1) throw new Error(`minify-glue: expected one widget-<hash>.js in ${staging}, found ${glue.join(", ") || "none"}`);
  for (const name of [...glue, "boot.js"]) {
    const file = join(staging, name);
    const source = readFileSync(file, "utf8");
    const { code } = transformSync(source, { minify: true, format: "esm", target: "es2020" });
    writeFileSync(file, code);
    console.log(`minify-glue: ${name} ${source.length} → ${code.length} bytes`);
  }
  // The stylesheet is written with CSS nesting (the kiosk's rules under one selector); it is
  // lowered to plain rules for the browsers the widget already needs for container queries
  // (Chrome 105, Safari 16, Firefox 110), which nesting itself would raise to 112/16.5/117.
  const sheets = readdirSync(staging).filter((name) => /^style(-[0-9a-f]+)?\.css$/.test(name));
  if (sheets.length !== 1) throw new Error(`minify-glue: expected one style-<hash>.css in ${staging}, found ${sheets.join(", ") || "none"}`);
  for (const name of sheets) {
    const file = join(staging, name);
    const source = readFileSync(file, "utf8");
    const { code } = transformSync(source, { loader: "css", minify: true, target: CSS_TARGETS });
    if (code.includes("&")) throw new Error(`minify-glue: ${name} still has a nested rule after lowering`);
    writeFileSync(file, code);
    // Trunk's subresource-integrity hash in index.html is of the bytes it wrote: it follows.
    const page = join(staging, "index.html");
    const html = readFileSync(page, "utf8");
    const [before, after] = [source, code].map((text) => `sha384-${createHash("sha384").update(text).digest("base64")}`);
    if (!html.includes(before)) throw new Error(`minify-glue: index.html has no integrity ${before} for ${name}`);
    writeFileSync(page, html.replaceAll(before, after));
    console.log(`minify-glue: ${name} ${source.length} → ${code.length} bytes (nesting lowered)`);
  }
  // The classic scripts of <head>, before the first paint: minified as scripts, not modules.
  for (const name of ["options.js", "lang.js"]) {
    const file = join(staging, name);
    const source = readFileSync(file, "utf8");
    const { code } = transformSync(source, { minify: true, target: "es2020" });
    writeFileSync(file, code);
    console.log(`minify-glue: ${name} ${source.length} → ${code.length} bytes`);
  }
}
