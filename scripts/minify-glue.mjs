// Trunk post-build hook: minifies wasm-bindgen's JS glue (widget-<hash>.js) in release builds.
// Trunk's own JS minifier gives up on this file ("Failed to minify JS"), which left 47 KB of
// unminified glue in every release; esbuild (pinned in package.json) does it safely: an ES
// module in, an ES module out, export and import names kept. The loader Trunk copies as it
// is, boot.js (a module too), is minified the same way: its comments are for its readers in
// assets/, not for every reader of an article.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
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
  // The classic scripts of <head>, before the first paint: minified as scripts, not modules.
  for (const name of ["options.js", "lang.js"]) {
    const file = join(staging, name);
    const source = readFileSync(file, "utf8");
    const { code } = transformSync(source, { minify: true, target: "es2020" });
    writeFileSync(file, code);
    console.log(`minify-glue: ${name} ${source.length} → ${code.length} bytes`);
  }
}
