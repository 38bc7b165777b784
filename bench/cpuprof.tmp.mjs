import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
const server = await serve({ dir: "/tmp/pdist", base: "/widget/" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
await page.goto(`${server.origin}/widget/?lang=zh`);
await page.waitForFunction(() => document.querySelectorAll("[data-testid=marker]").length === 7, null, { polling: "raf" });
await page.waitForTimeout(100);
const { profile } = await cdp.send("Profiler.stop");
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || n.callFrame.url.split("/").pop() || "(anon)"; self.set(k, (self.get(k) ?? 0) + t); }
// inclusive
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const n = byId.get(cur); const k = n.callFrame.functionName || "(anon)"; if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + t); seen.add(k); } cur = parent.get(cur); } }
console.log("SELF"); [...self].sort((a,b)=>b[1]-a[1]).slice(0,25).forEach(([k,t]) => console.log((t/1000).toFixed(1).padStart(7), k.slice(0,120)));
console.log("INCLUSIVE"); [...incl].sort((a,b)=>b[1]-a[1]).slice(0,45).forEach(([k,t]) => console.log((t/1000).toFixed(1).padStart(7), k.slice(0,140)));
await browser.close(); await server.close();
