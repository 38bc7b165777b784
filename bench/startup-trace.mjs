// Where the time to interactive goes once the page is painted (issue 28 point 3): the wasm's
// download, its compile (on every thread), and the first render (the task that mounts the live
// widget over the prerender). Loads the built widget (dist/) from loopback, with a CPU slowdown
// and no network throttling, and records a Performance trace (CDP Tracing) of each load.
// Run: `node bench/startup-trace.mjs [loads] [cpu-slowdown]` (default 5 loads at 4x).
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

const LOADS = Number(process.argv[2] ?? 5);
const SLOWDOWN = Number(process.argv[3] ?? 4);
const DIST = process.env.DIST ?? "dist";
const wasmFile = readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));
const wasm = readFileSync(`${DIST}/${wasmFile}`);
const br = brotliCompressSync(wasm, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: wasm.length } }).length;

const server = await serve({ dir: DIST, base: "/widget/", csp: null });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const loadBefore = loadavg().map((l) => l.toFixed(2));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = [];
for (let i = 0; i < LOADS; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("[data-testid=widget]")) {
        performance.mark("imreform-mounted");
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const traced = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", {
    transferMode: "ReportEvents",
    traceConfig: { includedCategories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.wasm", "v8.execute", "blink.user_timing"] },
  });
  await page.goto(`${server.origin}/widget/?lang=zh`);
  await page.locator("[data-testid=widget]").waitFor();
  const times = await page.evaluate((wasmFile) => {
    const mark = performance.getEntriesByName("imreform-mounted")[0];
    const res = performance.getEntriesByType("resource").find((r) => r.name.endsWith(wasmFile));
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return { mounted: mark?.startTime, wasmStart: res?.startTime, wasmEnd: res?.responseEnd, fcp: fcp?.startTime };
  }, wasmFile);
  await cdp.send("Tracing.end");
  await traced;
  await context.close();

  // Align performance.now() with the trace's clock through the mark.
  const markEvent = events.find((e) => e.name === "imreform-mounted");
  const offset = markEvent ? markEvent.ts / 1000 - times.mounted : 0;
  const toTrace = (ms) => (ms + offset) * 1000;
  const compile = events.filter((e) => e.ph === "X" && /wasm/i.test(e.name) && /compile|Compile/.test(e.name));
  const compileMs = compile.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000;
  // The first render: the main thread's top-level task that holds the mount.
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const mountTs = toTrace(times.mounted);
  const task = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "RunTask" && e.ts <= mountTs && e.ts + e.dur >= mountTs)
    .sort((a, b) => b.dur - a.dur)[0];
  // Main-thread time between the wasm's arrival and the mount (the instantiate and the start).
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.name === "RunTask" &&
    e.ts >= toTrace(times.wasmEnd) && e.ts < mountTs + 1000);
  // Inside that task: self time by event name (nested events subtracted).
  const inTask = task ? events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur) : [];
  const self = {};
  const stack = [];
  for (const e of inTask) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    if (stack.length) self[stack.at(-1).name] -= e.dur;
    self[e.name] = (self[e.name] ?? 0) + e.dur;
    stack.push(e);
  }
  rows.push({
    taskParts: self,
    fcp: times.fcp,
    wasmFetch: times.wasmEnd - times.wasmStart,
    wasmEnd: times.wasmEnd,
    mounted: times.mounted,
    arrivalToMount: times.mounted - times.wasmEnd,
    compileMs,
    firstRenderTask: task ? task.dur / 1000 : null,
    mainBusy: onMain.reduce((a, e) => a + e.dur, 0) / 1000,
    compileNames: [...new Set(compile.map((e) => e.name))].join(", "),
  });
}
await browser.close();
await server.close();
const f = (k) => median(rows.map((r) => r[k] ?? NaN)).toFixed(0);
console.log(`wasm ${wasmFile}: ${(wasm.length / 1000).toFixed(1)} KB raw, ${(br / 1000).toFixed(1)} KB Brotli q11`);
console.log(`1280x800, ${SLOWDOWN}x CPU, loopback, medians of ${LOADS} loads (ms from navigation):`);
console.log(`  first paint ${f("fcp")}; wasm fetched ${f("wasmEnd")} (fetch ${f("wasmFetch")}); live widget mounted ${f("mounted")}`);
console.log(`  wasm arrival -> mounted: ${f("arrivalToMount")} ms, of which main-thread tasks ${f("mainBusy")} ms`);
console.log(`  wasm compile events (all threads, summed): ${f("compileMs")} ms (${rows[0].compileNames})`);
console.log(`  the task that mounts the live widget (instantiate + first render): ${f("firstRenderTask")} ms`);
const parts = {};
for (const r of rows) for (const [k, v] of Object.entries(r.taskParts)) (parts[k] ??= []).push(v / 1000);
console.log(`  in it (self time, median): ${Object.entries(parts).map(([k, v]) => [k, median(v)]).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}`);
console.log(`load average ${loadBefore.join(", ")} before, ${loadavg().map((l) => l.toFixed(2)).join(", ")} after`);
