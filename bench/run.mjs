// Benchmarks the widget against the ECharts peer page in one headless Chromium run, loading
// each page repeatedly, alternating, on loopback. Prints a table of medians with ratios and
// writes bench/results.json. Run: `scripts/bench` (or `node bench/run.mjs [rounds]`).
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

const ROUNDS = Number(process.argv[2] ?? 5);
const CLICKS = 50;
const SELECTIONS = 1000;

const server = await serve({ dir: "dist", base: "/widget/", also: [{ base: "/peer/", dir: "bench/dist/peer" }, { base: "/floor/", dir: "bench/floor" }] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const PAGES = {
  widget: {
    url: `${server.origin}/widget/?lang=zh`,
    painted: () => document.querySelectorAll("[data-testid=marker]").length === 7,
    // A real click on a marker; done when its card and (if any) its chart are in the page.
    select: async (i) => {
      const ids = ["baotou", "wuhai", "ejin-horo", "zalantun", "alxa-hi-tech-zone", "baotou-steel", "yili"];
      // A page-wide counter, so consecutive selections never repeat (which would close the card).
      window.benchStep = (window.benchStep ?? -1) + 1;
      const id = ids[window.benchStep % 7];
      document.querySelector(`[data-testid=marker][data-site="${id}"]`).dispatchEvent(new MouseEvent("click", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      if (!document.querySelector(`[data-testid=card][data-site="${id}"]`)) throw new Error(`no card for ${id}`);
    },
    memory: () => (globalThis.imreform?.wasmMemoryBytes() ?? 0),
  },
  peer: {
    url: `${server.origin}/peer/`,
    painted: () => window.mapPainted !== undefined,
    select: async (i) => {
      window.bench.select(i % window.bench.count);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    },
    memory: () => 0,
  },
  // Paint time only: what navigation and a first frame cost any page here.
  floor: {
    url: `${server.origin}/floor/`,
    painted: () => document.querySelector("[data-floor]") !== null,
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(name) {
  const spec = PAGES[name];
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  const bodies = [];
  let painted = false;
  page.on("response", async (response) => {
    const at = painted;
    try {
      const body = await response.body();
      if (!at) bodies.push(gzipSync(body, { level: 9 }).length);
    } catch {}
  });
  await page.goto(spec.url);
  // The time is taken inside the page, in the animation frame that first sees the map: reading
  // performance.now() afterwards would add Playwright's round trip to both pages' figures.
  await page.waitForFunction(
    `(${spec.painted})() && (window.benchPaintedAt ??= performance.now(), true)`,
    null,
    { polling: "raf", timeout: 30000 },
  );
  const paintMs = await page.evaluate(() => window.benchPaintedAt);
  painted = true;
  await page.waitForTimeout(200); // let the last bodies of the first view be counted
  const bytes = bodies.reduce((a, b) => a + b, 0);
  if (!spec.select) {
    await context.close();
    return { paintMs };
  }
  const clicks = [];
  for (let i = 0; i < CLICKS; i++) {
    clicks.push(
      await page.evaluate(
        async ([select, i]) => {
          const run = new Function(`return (${select})`)();
          const t0 = performance.now();
          await run(i);
          return performance.now() - t0;
        },
        [spec.select.toString(), i],
      ),
    );
  }
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize + (await page.evaluate(spec.memory));
  };
  const selectMany = (n) =>
    page.evaluate(
      async ([select, n]) => {
        const run = new Function(`return (${select})`)();
        for (let i = 0; i < n; i++) await run(i);
      },
      [spec.select.toString(), n],
    );
  await selectMany(10);
  const after10 = await heap();
  await selectMany(SELECTIONS);
  const after1000 = await heap();
  await context.close();
  return { bytes, paintMs, clickMs: median(clicks), memoryGrowth: after1000 - after10 };
}

// The machine's state belongs with the figures: timings on 2 busy cores are not timings on 8 idle ones.
const machine = () => ({ cores: cpus().length, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) });
const before = machine();
const runs = { widget: [], peer: [], floor: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? ["peer", "widget", "floor"] : ["floor", "widget", "peer"]) {
    runs[name].push(await measure(name));
  }
}
await browser.close();
await server.close();

const metrics = [
  ["bytes transferred (gzip) until map interactive", "bytes", (v) => `${(v / 1000).toFixed(1)} KB`],
  ["navigation to map and markers painted", "paintMs", (v) => `${v.toFixed(0)} ms`],
  [`click to card and chart painted (median of ${CLICKS})`, "clickMs", (v) => `${v.toFixed(1)} ms`],
  [`JS heap + wasm memory, ${SELECTIONS} selections minus 10`, "memoryGrowth", (v) => `${(v / 1e6).toFixed(2)} MB`],
];
// What each page itself adds to the paint time, over the floor page's.
const floorMs = median(runs.floor.map((r) => r.paintMs));
const own = (name) => median(runs[name].map((r) => r.paintMs)) - floorMs;
const results = {};
console.log(`\n${"metric".padEnd(58)}${"widget".padStart(12)}${"ECharts".padStart(12)}${"ratio".padStart(8)}`);
for (const [label, key, fmt] of metrics) {
  const w = median(runs.widget.map((r) => r[key]));
  const p = median(runs.peer.map((r) => r[key]));
  results[key] = { widget: w, echarts: p, ratio: p ? w / p : null };
  console.log(`${label.padEnd(58)}${fmt(w).padStart(12)}${fmt(p).padStart(12)}${(p ? (w / p).toFixed(2) : "-").padStart(8)}`);
  if (key === "paintMs") {
    const [ow, op] = [own("widget"), own("peer")];
    results.paintOverFloorMs = { floor: floorMs, widget: ow, echarts: op, ratio: ow / op };
    const label = `  of which more than an empty page's ${floorMs.toFixed(0)} ms`;
    console.log(`${label.padEnd(58)}${fmt(ow).padStart(12)}${fmt(op).padStart(12)}${(ow / op).toFixed(2).padStart(8)}`);
  }
}
const after = machine();
console.log(`(medians of ${ROUNDS} alternating loads each; ratio = widget / ECharts, lower is better for the widget)`);
console.log(`machine: ${before.cores} cores; load average (1, 5, 15 min) ${before.loadAverage.join(", ")} before, ${after.loadAverage.join(", ")} after`);
writeFileSync(
  "bench/results.json",
  JSON.stringify({ rounds: ROUNDS, date: new Date().toISOString(), machine: { before, after }, results, runs }, null, 2),
);
