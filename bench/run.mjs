// Benchmarks the widget against the ECharts peer page and two floor pages in one headless
// Chromium run, loading each page repeatedly, alternating, from a static server on loopback that
// sends Brotli (a temporary copy of the pages with `file.br` siblings at quality 11; dist/ is
// never written). The floors are what any page costs here: an empty page (one SVG circle), and a
// page holding one line of Chinese text in the widget's font stack (the first use of a CJK font
// is a cost every Chinese page pays). Two profiles:
//
// - desktop: 1280x800, no throttling; the figures of the README's table (bytes, paint, click,
//   memory) plus first paint, interactive and layout shift; and, at a 4x CPU slowdown, 21 real
//   clicks on the widget's markers, each timed by the browser's Event Timing (input to next
//   paint);
// - phone, like Lighthouse's: 390x844 at 3x, touch, 4x CPU slowdown, 1.6 Mbit/s down, 750 kbit/s
//   up, 150 ms round trip, cache disabled: first paint, map visible, interactive, CLS, and the
//   Brotli bytes before first paint and until interactive.
//
// Every time is taken inside the page (its time origin is the navigation's start), by an init
// script that watches each animation frame (see `probe`), never by a round trip from Node.
// Prints a table per profile, then the figures of issue 28's table against their floors, each
// with the load average of the machine while it was taken, and writes bench/results.json.
// Run: `scripts/bench` (or `node bench/run.mjs [desktop-rounds] [phone-rounds]`, default 5 and 3;
// 0 skips a profile, and the file keeps that profile's previous results).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { extname, join } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

const rounds = (arg, fallback) => {
  const n = Number(arg ?? fallback);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`usage: node bench/run.mjs [desktop-rounds] [phone-rounds]   (got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  return n;
};
const DESKTOP_ROUNDS = rounds(process.argv[2], 5);
const PHONE_ROUNDS = rounds(process.argv[3], 3);
const CLICKS = 50;
const PAINT_CLICKS = 21; // real marker clicks at EVENT_CPU_SLOWDOWN, timed by Event Timing
const EVENT_CPU_SLOWDOWN = 4;
const SITE_IDS = ["baotou", "wuhai", "ejin-horo", "zalantun", "alxa-hi-tech-zone", "baotou-steel", "yili"];
const SELECTIONS = 1000;
const CLS_AFTER_MS = 1000; // layout shifts are summed up to this long after interactive
const TAP_SITE = "wuhai"; // the marker tapped for "interactive"; number 2, the peer's index 1

// The phone profile. Network.emulateNetworkConditions takes bytes per second.
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  cpuSlowdown: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};
const TARGETS = {
  phoneMapMs: 700, cls: 0.01, phoneInteractiveMs: 2000, bytesBeforePaint: 30_000, desktopMapOverFloor: 1.2,
  // Issue 28's targets.
  phoneMapOverChinese: 1.15, phoneTapToCardMs: 1800, clickPaintMedianMs: 50, clickPaintMaxMs: 100, otherFilesBytes: 190_000,
};

if (!existsSync("dist/index.html")) throw new Error("dist/index.html is missing: build the widget first (trunk build --release)");
if (!existsSync("bench/dist/peer/peer.js")) throw new Error("bench/dist/peer is missing: run node bench/build.mjs first");

// A temporary copy of the three pages, every text and wasm file with a Brotli sibling, which the
// static server sends with `Content-Encoding: br` to a browser that accepts it (as a CDN would).
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt", ".xml", ".webmanifest", ".map"]);
const staging = mkdtempSync(join(tmpdir(), "imreform-bench-"));
process.on("exit", () => rmSync(staging, { recursive: true, force: true })); // also after an error
function stage(from, name) {
  const to = join(staging, name);
  cpSync(from, to, { recursive: true });
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (COMPRESSIBLE.has(extname(entry.name).toLowerCase())) {
        const body = readFileSync(path);
        const br = brotliCompressSync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 11,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
            [zlib.BROTLI_PARAM_MODE]: extname(path) === ".wasm" ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
          },
        });
        writeFileSync(`${path}.br`, br);
      }
    }
  };
  walk(to);
  return to;
}
const brotliSizes = {}; // what the server will send, for the check below
const dirs = { widget: stage("dist", "widget"), peer: stage("bench/dist/peer", "peer"), floor: stage("bench/floor", "floor") };
// The widget's files other than the first paint's (scripts/size-budget.mjs counts them alike):
// not the pages of one site (wuhai.en.html, which a reader fetches instead of index.html), nor
// the kiosk build, the share pictures and the data in their folders.
// The page (the first paint) carries its stylesheet and blocking scripts inline; their files are
// fetched only where a host's policy refuses them (boot.js), so they are not counted either.
const NOT_OTHER_FILES = new Set(["index.html", "style.css", "lang.js"]);
const otherFilesBrotli = readdirSync(dirs.widget)
  .filter((f) => f.endsWith(".br") && !f.endsWith(".html.br"))
  .filter((f) => !NOT_OTHER_FILES.has(f.slice(0, -3).replace(/-[0-9a-f]{16}(?=\.)/, "")))
  .reduce((a, f) => a + readFileSync(join(dirs.widget, f)).length, 0);
// The wasm's name carries its content hash (widget-<hash>_bg.wasm).
const WASM = readdirSync(dirs.widget).find((f) => /^widget-[0-9a-f]+_bg\.wasm$/.test(f));
if (!WASM) throw new Error("dist/ has no widget-<hash>_bg.wasm");
for (const f of ["index.html", WASM]) brotliSizes[f] = readFileSync(join(dirs.widget, `${f}.br`)).length;

// No CSP: the ECharts peer page has an inline <style> (the server's default policy would block it).
const server = await serve({ dir: dirs.widget, base: "/widget/", also: [{ base: "/peer/", dir: dirs.peer }, { base: "/floor/", dir: dirs.floor }], csp: null });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const PAGES = {
  widget: {
    url: `${server.origin}/widget/?lang=zh`,
    // A real click on a live marker; done when its card and (if any) its chart are in the page.
    select: async (i) => {
      const ids = ["baotou", "wuhai", "ejin-horo", "zalantun", "alxa-hi-tech-zone", "baotou-steel", "yili"];
      // A page-wide counter, so consecutive selections never repeat (which would close the card).
      window.benchStep = (window.benchStep ?? -1) + 1;
      const id = ids[window.benchStep % 7];
      document.querySelector(`[data-testid=widget] [data-testid=marker][data-site="${id}"]`).dispatchEvent(new MouseEvent("click", { bubbles: true }));
      // Usually the card is there after one frame; now and then (a few in a thousand) a frame later.
      const t0 = performance.now();
      do {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        if (document.querySelector(`[data-testid=card][data-site="${id}"]`)) return;
      } while (performance.now() - t0 < 2000);
      const cards = [...document.querySelectorAll("[data-testid=card]")].map((c) => c.dataset.site);
      throw new Error(`no card for ${id} at step ${window.benchStep} (cards: ${cards.join(", ") || "none"})`);
    },
    memory: () => (globalThis.imreform?.wasmMemoryBytes() ?? 0),
  },
  peer: {
    url: `${server.origin}/peer/`,
    select: async (i) => {
      window.bench.select(i % window.bench.count);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    },
    memory: () => 0,
  },
  // Paint time only: what navigation and a first frame cost any page here.
  floor: { url: `${server.origin}/floor/` },
  // The same with one line of Chinese text in the widget's font stack: the floor of a Chinese page.
  floorZh: { url: `${server.origin}/floor/zh.html` },
};

/**
 * The init script (runs at document creation, before any of the page's own scripts): records
 * first-contentful-paint and every layout shift (PerformanceObserver, buffered), and watches
 * each animation frame for
 * - the map: the first frame in which the page's map and its 7 markers are visible (widget: a
 *   visible `.map__svg` holding 7 visible markers, which the prerender already is; peer: its
 *   `window.mapPainted`, set by ECharts' `finished` event, taken as is; floor: its circle);
 * - ready: the first frame in which a tap can work (widget: the live widget is mounted, not the
 *   prerender; peer: its `window.bench` API exists), where it taps at once (a click on the live
 *   marker; the peer's own select, the handler of its map's click);
 * - interactive: the first frame after the tap in which that site's card is in the page.
 * `window.__bench.done` resolves when all of them have been seen.
 */
function probe({ name, site, siteIndex }) {
  const t = (window.__bench = { fcp: null, mapFrame: null, readyFrame: null, tapAt: null, interactiveFrame: null, shifts: [], clicks: [] });
  let finish;
  t.done = new Promise((resolve) => (finish = resolve));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") t.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // What moved (the first few nodes), for whoever has to find the shift.
      const sources = (e.sources ?? []).slice(0, 3).map((s) => {
        const n = s.node;
        const classes = (typeof n?.className === "string" ? n.className : n?.className?.baseVal ?? "").trim();
        const what = n?.nodeType === 1 ? n.localName + (classes ? `.${classes.split(/\s+/).join(".")}` : "") : n?.nodeName;
        return `${what ?? "(removed)"} ${s.previousRect.y}→${s.currentRect.y}`;
      });
      t.shifts.push({ at: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput, sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
  // Event Timing: each click's input to the next paint (16 ms is the least the browser reports).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === "click") t.clicks.push({ start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });

  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const signals = {
    widget: {
      map: () => [...document.querySelectorAll(".map__svg")].some(
        (svg) => visible(svg) && [...svg.querySelectorAll("[data-testid=marker]")].filter(visible).length === 7),
      ready: () => document.querySelector(`[data-testid=widget] [data-testid=marker][data-site="${site}"]`),
      tap: (marker) => marker.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window })),
      opened: () => document.querySelector(`[data-testid=card][data-site="${site}"]`) !== null,
    },
    peer: {
      map: () => window.mapPainted !== undefined,
      mapAt: () => window.mapPainted,
      ready: () => window.bench,
      tap: (bench) => bench.select(siteIndex),
      opened: () => (document.getElementById("card-title")?.textContent ?? "").startsWith(`${siteIndex + 1} `),
    },
    floor: { map: () => document.querySelector("[data-floor]") !== null },
  }[name === "floorZh" ? "floor" : name];

  const frame = () => {
    const now = performance.now();
    try {
      if (t.mapFrame === null && signals.map()) t.mapFrame = signals.mapAt?.() ?? now;
      if (signals.ready && t.tapAt === null) {
        const target = signals.ready();
        if (target) {
          t.readyFrame = now;
          t.tapAt = performance.now();
          signals.tap(target);
        }
      } else if (signals.ready && t.interactiveFrame === null && signals.opened()) {
        t.interactiveFrame = now;
      }
    } catch (error) {
      t.error = String(error?.stack ?? error);
    }
    if (t.mapFrame !== null && (!signals.ready || t.interactiveFrame !== null)) finish();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * One load of `name` in a fresh context (so nothing is cached): the load metrics of the probe,
 * CLS up to CLS_AFTER_MS after interactive (after the map, for the floor), and every response's
 * Resource Timing. `beforeNavigation(page)` can listen to the page before it loads. Returns
 * { metrics, context, page, cdp } with the page still open.
 */
async function load(name, profile, beforeNavigation = () => {}) {
  const phone = profile === "phone";
  const context = await browser.newContext({
    viewport: phone ? PHONE.viewport : { width: 1280, height: 800 },
    ...(phone ? { deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: PHONE.isMobile, hasTouch: PHONE.hasTouch } : {}),
    locale: "zh-CN",
  });
  await context.addInitScript(probe, { name, site: TAP_SITE, siteIndex: 1 });
  const page = await context.newPage();
  beforeNavigation(page);
  const cdp = await context.newCDPSession(page);
  if (phone) {
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", PHONE.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: PHONE.cpuSlowdown });
  }
  await page.goto(PAGES[name].url, { waitUntil: "commit" });
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${profile} ${name}: no map or no card within 60 s`)), 60_000);
  });
  await Promise.race([page.evaluate(() => window.__bench.done), timeout]).finally(() => clearTimeout(timer));
  const raw = await page.evaluate(async (after) => {
    const t = window.__bench;
    const end = (t.interactiveFrame ?? t.mapFrame) + after;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - performance.now())));
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return {
      ...t,
      done: undefined,
      clsEnd: end,
      resources: entries.map((e) => ({
        url: e.name,
        type: e.initiatorType,
        startTime: e.startTime,
        responseEnd: e.responseEnd,
        transferSize: e.transferSize,
        encodedBodySize: e.encodedBodySize,
        decodedBodySize: e.decodedBodySize,
        renderBlocking: e.renderBlockingStatus === "blocking" || e.entryType === "navigation",
      })),
    };
  }, CLS_AFTER_MS);
  if (raw.error) throw new Error(`${profile} ${name}: ${raw.error}`);
  if (phone) await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  // The times are those of the frame that first has the map (or the card), taken when the frame
  // starts; first-contentful-paint is when the first frame is presented, which here can be 10 to
  // 300 ms later (the raster of a large SVG). Nothing is seen before the first paint, so a map in
  // the first painted frame counts from that paint (the prerender's case; a map drawn later, as
  // ECharts' or the wasm's was, is unaffected). The raw frame times stay in the results.
  const fcp = raw.fcp;
  const mapVisible = Math.max(raw.mapFrame, fcp ?? 0);
  const interactive = raw.interactiveFrame === null ? null : Math.max(raw.interactiveFrame, fcp ?? 0);
  // A real tap is input: shifts in the 500 ms after it have hadRecentInput set. The bench's
  // dispatched click is not, so the shifts it causes (a card opening) are left out the same way.
  const byInput = (s) => raw.tapAt !== null && s.at >= raw.tapAt && s.at < raw.tapAt + 500;
  const cls = raw.shifts.filter((s) => !s.hadRecentInput && !byInput(s) && s.at <= raw.clsEnd).reduce((a, s) => a + s.value, 0);
  const clsAll = raw.shifts.filter((s) => !s.hadRecentInput && s.at <= raw.clsEnd).reduce((a, s) => a + s.value, 0);
  // Bytes on the wire (the Brotli bodies) of the responses complete by a time.
  const bytesBy = (time, only = () => true) =>
    time === null ? null : raw.resources.filter((r) => r.responseEnd <= time && only(r)).reduce((a, r) => a + r.encodedBodySize, 0);
  const metrics = {
    fcpMs: fcp,
    mapVisibleMs: mapVisible,
    interactiveMs: interactive,
    cls,
    clsWithCardOpening: clsAll,
    bytesBeforePaint: bytesBy(fcp),
    blockingBytesBeforePaint: bytesBy(fcp, (r) => r.renderBlocking),
    bytesUntilInteractive: bytesBy(interactive),
    mapFrameMs: raw.mapFrame,
    mapInFirstPaint: fcp !== null && raw.mapFrame <= fcp,
    readyFrameMs: raw.readyFrame,
    tapAtMs: raw.tapAt,
    interactiveFrameMs: raw.interactiveFrame,
    shifts: raw.shifts,
    resources: raw.resources.map((r) => ({ ...r, url: r.url.replace(server.origin, "") })),
  };
  return { metrics, context, page, cdp };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One desktop load: the load metrics, then the README's bytes (gzip), clicks and memory. */
async function measureDesktop(name) {
  const spec = PAGES[name];
  const bodies = [];
  const { metrics, context, page, cdp } = await load(name, "desktop", (page) =>
    page.on("response", (response) => {
      const url = response.url();
      bodies.push(response.body().then((body) => [url, gzipSync(body, { level: 9 }).length], () => [url, 0]));
    }),
  );
  const gz = new Map(await Promise.all(bodies));
  const until = metrics.interactiveMs ?? metrics.mapVisibleMs;
  const bytes = metrics.resources
    .filter((r) => r.responseEnd <= until)
    .reduce((a, r) => a + (gz.get(server.origin + r.url) ?? 0), 0);
  const paintMs = metrics.mapVisibleMs;
  const { resources, ...loadMetrics } = metrics;
  if (!spec.select) {
    await context.close();
    return { paintMs, ...loadMetrics };
  }
  // Real clicks (mouse input, so Event Timing times them) on markers, at a 4x CPU slowdown:
  // each waits for its card and then for the browser's entry. The load's tap opened Wuhai; the
  // sites go round from the next one, so no click repeats the site open (which would close it).
  const paintClicks = [];
  if (name === "widget") {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: EVENT_CPU_SLOWDOWN });
    for (let i = 0; i < PAINT_CLICKS; i++) {
      const id = SITE_IDS[(SITE_IDS.indexOf(TAP_SITE) + 1 + i) % SITE_IDS.length];
      const box = await page.locator(`[data-testid=widget] [data-testid=marker][data-site="${id}"]`).boundingBox();
      const before = await page.evaluate(() => window.__bench.clicks.length);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator(`[data-testid=card][data-site="${id}"]`).waitFor();
      // The entry comes after the paint; none comes for a click under 16 ms (counted as 16).
      const entry = await page
        .waitForFunction((n) => window.__bench.clicks[n], before, { timeout: 2000 })
        .then((h) => h.jsonValue(), () => ({ duration: 16, processing: null, under16: true }));
      paintClicks.push(entry);
    }
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
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
  return {
    bytes, paintMs, clickMs: median(clicks), memoryGrowth: after1000 - after10, ...loadMetrics,
    paintClicks: paintClicks.map((c) => c.duration),
    clickPaintMedianMs: median(paintClicks.map((c) => c.duration)),
    clickPaintMaxMs: paintClicks.length ? Math.max(...paintClicks.map((c) => c.duration)) : null,
  };
}

async function measurePhone(name) {
  const { metrics, context } = await load(name, "phone");
  await context.close();
  return metrics;
}

/** Runs `measure` for the four pages, `n` rounds, alternating the order. */
async function alternate(n, measure) {
  const runs = { widget: [], peer: [], floor: [], floorZh: [] };
  for (let round = 0; round < n; round++) {
    for (const name of round % 2 ? ["peer", "widget", "floorZh", "floor"] : ["floor", "floorZh", "widget", "peer"]) {
      runs[name].push(await measure(name));
    }
  }
  return runs;
}

// The machine's state belongs with the figures: timings on 2 busy cores are not timings on 8 idle ones.
const load1 = () => loadavg().map((l) => Number(l.toFixed(2)));
const machine = { cores: cpus().length, cpu: cpus()[0]?.model, chromium: browser.version(), node: process.version, loadAverageBefore: load1() };

// The load average before and after each profile, printed beside its figures.
const loads = {};
loads.desktop = [load1()];
const desktopRuns = DESKTOP_ROUNDS ? await alternate(DESKTOP_ROUNDS, measureDesktop) : null;
loads.desktop.push(load1());
loads.phone = [load1()];
const phoneRuns = PHONE_ROUNDS ? await alternate(PHONE_ROUNDS, measurePhone) : null;
loads.phone.push(load1());
await browser.close();
await server.close();
machine.loadAverageAfter = load1();

const pad = (s, n) => String(s).padStart(n);
const ms = (v) => (v === null ? "n/a" : `${v.toFixed(0)} ms`);
const sec = (v) => (v === null ? "n/a" : `${(v / 1000).toFixed(2)} s`);
const kb = (v) => (v === null ? "n/a" : `${(v / 1000).toFixed(1)} KB`);
const clsFmt = (v) => (v === null ? "n/a" : v.toFixed(3));
const output = {};

if (desktopRuns) {
  const runs = desktopRuns;
  const m = (name, key) => median(runs[name].map((r) => r[key]));
  const results = {};
  const metrics = [
    ["bytes transferred (gzip) until map interactive", "bytes", kb],
    ["navigation to map and markers painted", "paintMs", ms],
    [`click to card and chart painted (median of ${CLICKS})`, "clickMs", (v) => (v === null ? "n/a" : `${v.toFixed(1)} ms`)],
    [`JS heap + wasm memory, ${SELECTIONS} selections minus 10`, "memoryGrowth", (v) => (v === null ? "n/a" : `${(v / 1e6).toFixed(2)} MB`)],
    ["first paint (first-contentful-paint)", "fcpMs", ms],
    ["navigation to interactive (a tap opens its card)", "interactiveMs", ms],
    [`CLS (to ${CLS_AFTER_MS / 1000} s after interactive)`, "cls", clsFmt],
    [`click to next paint, ${EVENT_CPU_SLOWDOWN}x CPU: median of a load's ${PAINT_CLICKS}`, "clickPaintMedianMs", ms],
    [`click to next paint, ${EVENT_CPU_SLOWDOWN}x CPU: max of a load's ${PAINT_CLICKS}`, "clickPaintMaxMs", ms],
  ];
  // What each page itself adds to the paint time, over the floor page's.
  const floorMs = m("floor", "paintMs");
  console.log(`\ndesktop: 1280x800, no throttling, loopback; medians of ${DESKTOP_ROUNDS} alternating loads`);
  console.log(`${"metric".padEnd(58)}${pad("widget", 12)}${pad("ECharts", 12)}${pad("ratio", 8)}`);
  for (const [label, key, fmt] of metrics) {
    const w = m("widget", key);
    const p = m("peer", key);
    const ratio = w !== null && p ? w / p : null;
    results[key] = { widget: w, echarts: p, ratio, ...(key === "fcpMs" || key === "cls" ? { floor: m("floor", key) } : {}) };
    console.log(`${label.padEnd(58)}${pad(fmt(w), 12)}${pad(fmt(p), 12)}${pad(ratio === null ? "-" : ratio.toFixed(2), 8)}`);
    if (key === "paintMs") {
      const [ow, op] = [w - floorMs, p - floorMs];
      results.paintOverFloorMs = { floor: floorMs, widget: ow, echarts: op, ratio: ow / op };
      const label = `  of which more than an empty page's ${floorMs.toFixed(0)} ms`;
      console.log(`${label.padEnd(58)}${pad(fmt(ow), 12)}${pad(fmt(op), 12)}${pad((ow / op).toFixed(2), 8)}`);
      results.paintOverFloorRatio = { widget: w / floorMs, echarts: p / floorMs, target: TARGETS.desktopMapOverFloor };
      const label2 = `  map painted / empty page's paint (target ≤ ${TARGETS.desktopMapOverFloor})`;
      console.log(`${label2.padEnd(58)}${pad(`${(w / floorMs).toFixed(2)}x`, 12)}${pad(`${(p / floorMs).toFixed(2)}x`, 12)}${pad("", 8)}`);
    }
  }
  console.log(`(ratio = widget / ECharts, lower is better for the widget; the floor's first paint ${ms(m("floor", "fcpMs"))})`);
  output.desktop = { date: new Date().toISOString(), rounds: DESKTOP_ROUNDS, machine, results, runs };
}

if (phoneRuns) {
  const runs = phoneRuns;
  const m = (name, key) => median(runs[name].map((r) => r[key]));
  const rows = [
    ["first paint (first-contentful-paint)", "fcpMs", sec, null],
    ["map and 7 markers visible", "mapVisibleMs", sec, `≤ ${sec(TARGETS.phoneMapMs)}`],
    ["interactive (a tap on a marker opens its card)", "interactiveMs", sec, `≤ ${sec(TARGETS.phoneInteractiveMs)}`],
    [`CLS (to ${CLS_AFTER_MS / 1000} s after interactive)`, "cls", clsFmt, `≤ ${TARGETS.cls}`],
    ["bytes before first paint (Brotli)", "bytesBeforePaint", kb, `≤ ${kb(TARGETS.bytesBeforePaint)}`],
    ["  of which render-blocking: HTML, CSS, classic script", "blockingBytesBeforePaint", kb, null],
    ["bytes until interactive (Brotli)", "bytesUntilInteractive", kb, null],
  ];
  const p = PHONE;
  console.log(
    `\nphone: ${p.viewport.width}x${p.viewport.height} at ${p.deviceScaleFactor}x, touch, ${p.cpuSlowdown}x CPU slowdown, ` +
      `${(p.network.downloadThroughput * 8) / 1e6} Mbit/s down, ${(p.network.uploadThroughput * 8) / 1e3} kbit/s up, ` +
      `${p.network.latency} ms round trip, Brotli, no cache; medians of ${PHONE_ROUNDS} alternating loads`,
  );
  console.log(`${"metric".padEnd(52)}${pad("widget", 10)}${pad("ECharts", 10)}${pad("floor", 10)}${pad("zh line", 10)}${pad("target", 12)}`);
  const results = {};
  for (const [label, key, fmt, target] of rows) {
    const [w, e, f, z] = ["widget", "peer", "floor", "floorZh"].map((name) => m(name, key));
    results[key] = { widget: w, echarts: e, floor: f, floorZh: z };
    console.log(`${label.padEnd(52)}${pad(fmt(w), 10)}${pad(fmt(e), 10)}${pad(fmt(f), 10)}${pad(fmt(z), 10)}${pad(target ?? "", 12)}`);
  }
  const wasm = runs.widget[0]?.resources.find((r) => r.url.endsWith(WASM));
  const inFirst = runs.widget.filter((r) => r.mapInFirstPaint).length;
  console.log(
    `(the widget's map was in its first painted frame in ${inFirst} of ${runs.widget.length} loads; that frame started at ` +
      `${sec(m("widget", "mapFrameMs"))} (median). CLS leaves out shifts in the 500 ms after the bench's tap, as a ` +
      `real tap's hadRecentInput does; with them the widget's is ${clsFmt(m("widget", "clsWithCardOpening"))}. ` +
      `the wasm came as ${kb(wasm?.encodedBodySize ?? null)} on the wire, ${kb(wasm?.decodedBodySize ?? null)} decoded.)`,
  );
  const each = (key) =>
    ["widget", "peer", "floor", "floorZh"].map((name) => runs[name].map((r) => (r[key] === null ? "n/a" : (r[key] / 1000).toFixed(2))).join(" ")).join(" | ");
  console.log(`each load, widget | ECharts | floor | zh line (s): map visible ${each("mapVisibleMs")}; interactive ${each("interactiveMs")}`);
  output.phone = { date: new Date().toISOString(), rounds: PHONE_ROUNDS, machine, profile: PHONE, targets: TARGETS, results, runs };
  // The server must have sent Brotli, or every byte figure above is wrong.
  for (const [file, size] of Object.entries(brotliSizes)) {
    const sent = runs.widget[0]?.resources.find((r) => new URL(r.url, server.origin).pathname === `/widget/${file === "index.html" ? "" : file}`);
    if (sent && Math.abs(sent.encodedBodySize - size) > 16) {
      console.error(`warning: ${file} came as ${sent.encodedBodySize} bytes on the wire, but its Brotli file has ${size}: not Brotli?`);
    }
  }
}

// Issue 28's table: each figure against its floor or target, with the machine's load average
// (1 min) before and after the profile it comes from.
{
  const mOf = (runs, name, key) => (runs ? median(runs[name].map((r) => r[key])) : null);
  const maxOf = (runs, name, key) => (runs ? Math.max(...runs[name].map((r) => r[key] ?? 0)) : null);
  const loadOf = (profile) => (loads[profile] ? `load ${loads[profile][0][0]}→${loads[profile][1][0]}` : "");
  const rows = [];
  const row = (label, value, target, ok, profile) => rows.push({ label, value, target, ok, load: loadOf(profile) });
  if (phoneRuns) {
    const [w, z] = [mOf(phoneRuns, "widget", "mapVisibleMs"), mOf(phoneRuns, "floorZh", "mapVisibleMs")];
    row("phone: map visible / one-line Chinese page", `${ms(w)} / ${ms(z)} = ${(w / z).toFixed(2)}x`, `≤ ${TARGETS.phoneMapOverChinese}x`, w / z <= TARGETS.phoneMapOverChinese, "phone");
    const tap = mOf(phoneRuns, "widget", "interactiveMs");
    row("phone: tap on a marker to its card", sec(tap), `≤ ${sec(TARGETS.phoneTapToCardMs)}`, tap <= TARGETS.phoneTapToCardMs, "phone");
  }
  if (desktopRuns) {
    const [w, f] = [mOf(desktopRuns, "widget", "paintMs"), mOf(desktopRuns, "floor", "paintMs")];
    row("desktop 1280x800: map painted / empty page", `${ms(w)} / ${ms(f)} = ${(w / f).toFixed(2)}x`, `≤ ${TARGETS.desktopMapOverFloor}x`, w / f <= TARGETS.desktopMapOverFloor, "desktop");
    const all = desktopRuns.widget.flatMap((r) => r.paintClicks ?? []);
    const [med, max] = [median(all), all.length ? Math.max(...all) : null];
    row(`click to next paint (Event Timing, ${EVENT_CPU_SLOWDOWN}x CPU, ${all.length} clicks): median / max`, `${ms(med)} / ${ms(max)}`,
      `≤ ${TARGETS.clickPaintMedianMs} / ≤ ${TARGETS.clickPaintMaxMs} ms`, med <= TARGETS.clickPaintMedianMs && max <= TARGETS.clickPaintMaxMs, "desktop");
  }
  const clsMax = Math.max(maxOf(phoneRuns, "widget", "cls") ?? 0, maxOf(desktopRuns, "widget", "cls") ?? 0);
  row("CLS at takeover (own page; worst load of both profiles)", clsFmt(clsMax), "0", clsMax === 0, phoneRuns ? "phone" : "desktop");
  if (phoneRuns) {
    const b = mOf(phoneRuns, "widget", "blockingBytesBeforePaint");
    row("bytes before first paint (Brotli, render-blocking)", kb(b), `≤ ${kb(TARGETS.bytesBeforePaint)}`, b <= TARGETS.bytesBeforePaint, "phone");
  }
  row("the widget's other files (Brotli, as staged)", kb(otherFilesBrotli), `≤ ${kb(TARGETS.otherFilesBytes)}`, otherFilesBrotli <= TARGETS.otherFilesBytes, null);
  console.log(`\nissue 28's figures (medians; the machine's 1-minute load average before→after each profile)`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(62)}${pad(r.value, 26)}${pad(r.target, 20)}${pad(r.ok ? "met" : "NOT MET", 9)}  ${r.load}`);
  }
  output.issue28 = rows;
}

console.log(
  `machine: ${machine.cores} cores (${machine.cpu}), Chromium ${machine.chromium}, Node ${machine.node}; load average (1, 5, 15 min) ` +
    `${machine.loadAverageBefore.join(", ")} before, ${machine.loadAverageAfter.join(", ")} after`,
);

// A profile not run this time keeps its last results.
let previous = {};
try {
  previous = JSON.parse(readFileSync("bench/results.json", "utf8"));
} catch {}
writeFileSync(
  "bench/results.json",
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      desktop: output.desktop ?? previous.desktop ?? null,
      phone: output.phone ?? previous.phone ?? null,
      issue28: output.issue28 ?? null,
    },
    null,
    2,
  ),
);
