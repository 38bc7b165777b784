// Builds the ECharts peer page into bench/dist/peer/: one minified, tree-shaken bundle, plus the
// same boundary data and content file the widget uses.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

const out = "bench/dist/peer";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["bench/peer/main.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  outfile: `${out}/peer.js`,
  logLevel: "warning",
});
copyFileSync("bench/peer/index.html", `${out}/index.html`);
copyFileSync("node_modules/echarts/map/json/province/neimenggu.json", `${out}/neimenggu.json`);
copyFileSync("assets/content.json", `${out}/content.json`);
console.log(`built ${out}`);
