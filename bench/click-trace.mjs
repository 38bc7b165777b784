// Where a marker click's time goes: clicks markers of the built widget (dist/) with real input at a
// 4x CPU slowdown, reads each click's Event Timing entry (input to next paint), counts the chart
// drawings in the page after each click, and records a Performance trace (CDP Tracing) of the
// clicks, summed by event name (top level, self time) over the clicks' windows.
// Run: `node bench/click-trace.mjs [clicks] [width] [height] [trace.json]` (default 21 1280 800).
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

const CLICKS = Number(process.argv[2] ?? 21);
const WIDTH = Number(process.argv[3] ?? 1280);
const HEIGHT = Number(process.argv[4] ?? 800);
const TRACE_FILE = process.argv[5];
const SITES = ["baotou", "wuhai", "ejin-horo", "zalantun", "alxa-hi-tech-zone", "baotou-steel", "yili"];

// DIST=dir serves another build (for example one whose wasm keeps its function names).
const server = await serve({ dir: process.env.DIST ?? "dist", base: "/widget/", csp: null });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const loadBefore = loadavg().map((l) => l.toFixed(2));
const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: "zh-CN" });
await context.addInitScript(() => {
  window.__clicks = [];
  // Every chart drawing put into the page, and every map drawing (the live map's svg, redrawn
  // whole when its layout changes size), counted as they are inserted: once each, however its
  // ancestors were inserted (the observer sees the finished subtree in every record of a card
  // built into the page piece by piece; e2e/click-cost.test.mjs counts alike).
  window.__inserted = { chartsInserted: 0, mapsInserted: 0 };
  const seen = new WeakSet();
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      for (const svg of [n, ...n.querySelectorAll(".chart__svg, .map__svg")]) {
        if (!svg.matches(".chart__svg, .map__svg") || seen.has(svg)) continue;
        seen.add(svg);
        window.__inserted[svg.matches(".chart__svg") ? "chartsInserted" : "mapsInserted"]++;
      }
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "click" || e.name === "pointerdown" || e.name === "pointerup") {
        window.__clicks.push({ name: e.name, start: e.startTime, duration: e.duration,
          processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
      }
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
});
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`${server.origin}/widget/?lang=zh`);
await page.locator("[data-testid=widget] [data-testid=marker]").first().waitFor();
await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const traced = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.start", {
  transferMode: "ReportEvents",
  traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "latencyInfo", ...(process.env.CATEGORIES ?? "").split(",").filter(Boolean)] },
});

await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
const counts = [];
for (let i = 0; i < CLICKS; i++) {
  const id = SITES[i % SITES.length];
  const marker = page.locator(`[data-testid=widget] [data-testid=marker][data-site="${id}"]`);
  const box = await marker.boundingBox();
  await page.evaluate(() => (window.__inserted = { chartsInserted: 0, mapsInserted: 0 }));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator(`[data-testid=card][data-site="${id}"]`).waitFor();
  // Let the measurement and any re-render after it finish: two frames with no change.
  const count = await page.evaluate(async () => {
    const snapshot = () => document.querySelectorAll("[data-testid=widget] svg").length + ":" +
      document.querySelectorAll("[data-testid=widget] .chart__svg").length;
    let last = snapshot(), same = 0;
    while (same < 10) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const now = snapshot();
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return { charts: document.querySelectorAll("[data-testid=widget] [data-testid=chart]").length,
      drawings: document.querySelectorAll("[data-testid=widget] .chart__svg").length, ...window.__inserted };
  });
  counts.push(count);
}
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
const clicks = (await page.evaluate(() => window.__clicks)).filter((c) => c.name === "click");
await browser.close();
await server.close();
if (TRACE_FILE) writeFileSync(TRACE_FILE, JSON.stringify({ traceEvents: events }));

// Self time by event name on the renderer's main thread (complete events, nested ones subtracted).
const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
// Each click's window: from its input (the click's dispatch less its delay) to its next paint.
const dispatches = events.filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "click").sort((a, b) => a.ts - b.ts);
const windows = dispatches.map((d, i) => clicks[i] && [d.ts - clicks[i].delay * 1000, d.ts - clicks[i].delay * 1000 + clicks[i].duration * 1000]);
const inWindow = (ts) => windows.some((w) => w && ts >= w[0] && ts < w[1]);
const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined && inWindow(e.ts))
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const self = new Map();
const stack = [];
for (const e of onMain) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur);
  self.set(e.name, (self.get(e.name) ?? 0) + e.dur);
  stack.push(e);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
// Thread time (CPU actually spent on the main thread, less what a busy machine adds to wall
// time): the top-level events' tdur, median over the clicks.
const cpuByClick = windows.map((w) => {
  if (!w) return 0;
  let end = -Infinity, sum = 0;
  for (const e of onMain) {
    if (e.ts < w[0] || e.ts >= w[1] || e.ts < end) continue; // nested in the last top-level event
    sum += e.tdur ?? e.dur;
    end = e.ts + e.dur;
  }
  return sum / 1000;
});
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const durations = sorted(clicks.map((c) => c.duration));
const med = durations.length ? durations[Math.floor((durations.length - 1) / 2)] : null;
console.log(`${WIDTH}x${HEIGHT}, 4x CPU, ${clicks.length} clicks (Event Timing, input to next paint): median ${med} ms, max ${durations.at(-1)} ms`);
console.log(`  each: ${clicks.map((c) => c.duration).join(" ")}`);
console.log(`  main-thread CPU time from input to next paint (throttled): median ${sorted(cpuByClick)[Math.floor((cpuByClick.length - 1) / 2)]?.toFixed(1)} ms, max ${Math.max(...cpuByClick).toFixed(1)} ms`);
console.log(`  processing (handlers) median ${sorted(clicks.map((c) => c.processing))[Math.floor((clicks.length - 1) / 2)]?.toFixed(1)} ms`);
console.log(`after each click, charts shown / chart drawings in the page / chart drawings inserted / map drawings inserted: ${counts.map((c) => `${c.charts}/${c.drawings}/${c.chartsInserted}/${c.mapsInserted}`).join(" ")}`);
console.log(`main thread self time between each click's input and its next paint, ${(total / 1000).toFixed(0)} ms in all (throttled), a click:`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`  ${name.padEnd(40)} ${(us / 1000 / CLICKS).toFixed(1).padStart(7)} ms  ${((100 * us) / total).toFixed(0).padStart(3)} %`);
}
// The CPU profile's samples in the same windows: self and inclusive time by function.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const fnSelf = new Map(), fnIncl = new Map();
let t = profile.startTime, sampled = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i];
  const dt = (profile.timeDeltas[i + 1] ?? 0);
  if (!inWindow(t)) return;
  sampled += dt;
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split("/").pop() || "anonymous"})`;
  fnSelf.set(name(nodes.get(id)), (fnSelf.get(name(nodes.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) seen.add(name(nodes.get(n)));
  for (const f of seen) fnIncl.set(f, (fnIncl.get(f) ?? 0) + dt);
});
const short = (f) => f.replace(/::h[0-9a-f]{16}$/, "").slice(0, 90);
console.log(`CPU profile, same windows, ${(sampled / 1000 / CLICKS).toFixed(1)} ms a click sampled; inclusive:`);
for (const [f, us] of [...fnIncl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) console.log(`  ${(us / 1000 / CLICKS).toFixed(1).padStart(6)} ms  ${short(f)}`);
console.log("self:");
for (const [f, us] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(us / 1000 / CLICKS).toFixed(1).padStart(6)} ms  ${short(f)}`);
console.log(`main thread self time over the ${CLICKS} clicks, ${(total / 1000).toFixed(0)} ms in all (throttled):`);
for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
  console.log(`  ${name.padEnd(40)} ${(us / 1000 / CLICKS).toFixed(1).padStart(7)} ms a click  ${((100 * us) / total).toFixed(0).padStart(3)} %`);
}
console.log(`load average ${loadBefore.join(", ")} before, ${loadavg().map((l) => l.toFixed(2)).join(", ")} after`);
