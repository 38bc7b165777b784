import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
const server = await serve({ dir: "dist", base: "/widget/" });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
await page.goto(`${server.origin}/widget/?lang=zh`);
await page.waitForSelector("[data-testid=marker]");
console.log(await page.evaluate(() => {
  const count = (sel) => document.querySelectorAll(sel).length;
  const all = document.querySelectorAll("#imreform *").length;
  const parts = {};
  for (const s of [".widget__map", ".widget__card", ".widget__list", ".widget__header"]) parts[s] = document.querySelector(s)?.querySelectorAll("*").length;
  const charts = [...document.querySelectorAll(".chart__plot")].map(c => c.querySelectorAll("*").length);
  return { all, parts, charts, listeners: count("[data-testid=marker]") };
}));
await browser.close(); await server.close();
