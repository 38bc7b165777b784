import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
const server = await serve({ dir: "/work/main/dist", base: "/widget/", also: [{ base: "/peer/", dir: "/work/main/bench/dist/peer" }] });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-dev-shm-usage"] });
for (const url of [`${server.origin}/widget/?lang=zh`, `${server.origin}/peer/`, `${server.origin}/widget/?lang=zh`, `${server.origin}/peer/`]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.addInitScript(() => { const seen = {}; new MutationObserver(() => {
      for (const [k, sel] of [["widget", ".widget"], ["svg", "svg"], ["marker", "[data-testid=marker]"], ["card", "[data-testid=card], .card"]])
        if (!seen[k] && document.querySelector(sel)) { seen[k] = 1; performance.mark("dom:" + k); }
    }).observe(document, { subtree: true, childList: true }); });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=marker]").length === 7 || window.mapPainted !== undefined, null, { polling: "raf" });
  await page.waitForTimeout(300); if (url.includes("widget")) console.log("  compile ms", await page.evaluate(async () => { const t0 = performance.now(); await WebAssembly.compileStreaming(fetch("widget_bg.wasm")); return performance.now() - t0; })); const t = await page.evaluate(() => ({ now: performance.now(), nav: performance.getEntriesByType("navigation")[0].toJSON(),
     res: performance.getEntriesByType("resource").map(r => [r.name.split("/").pop(), Math.round(r.startTime), Math.round(r.responseEnd)]),
     marks: performance.getEntriesByType("mark").map(m => [m.name, Math.round(m.startTime)]),
     paint: performance.getEntriesByType("paint").map(m => [m.name, Math.round(m.startTime)]) }));
  console.log(url.split("/")[3], Math.round(t.now), "domInteractive", Math.round(t.nav.domInteractive), "domContentLoaded", Math.round(t.nav.domContentLoadedEventEnd), "load", Math.round(t.nav.loadEventEnd));
  console.log("  res", JSON.stringify(t.res), "paint", JSON.stringify(t.paint), JSON.stringify(t.marks));
  await context.close();
}
await browser.close(); await server.close();
