import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
const N = Number(process.argv[2] ?? 8);
const server = await serve({ dir: "dist", base: "/widget/", also: [{ base: "/peer/", dir: "bench/dist/peer" }] });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const times = { widget: [], peer: [] };
for (let i = 0; i < N; i++) for (const name of i % 2 ? ["peer", "widget"] : ["widget", "peer"]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(name === "widget" ? `${server.origin}/widget/?lang=zh` : `${server.origin}/peer/`);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=marker]").length === 7 || window.mapPainted !== undefined, null, { polling: "raf" });
  times[name].push(await page.evaluate(() => performance.now()));
  await context.close();
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`paint median widget ${med(times.widget).toFixed(0)} ms, peer ${med(times.peer).toFixed(0)} ms, ratio ${(med(times.widget) / med(times.peer)).toFixed(2)}`);
await browser.close(); await server.close();
