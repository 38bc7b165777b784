// Only the page's owner steers the widget (issue 23). The address bar cannot put a QR code to
// another site on the genuine page, in its query, its fragment or both; the publisher's
// documented way (the public address written into the page by scripts/public-url.mjs) can.
// Another site's frame on the same page (an ad, a social widget) cannot steer a script embed or
// an iframe embed with messages. And every row of the options table lays out the same before
// the wasm (options.js) and after it (src/options.rs).
//
// The host pages here allow one foreign frame (frame-src http://localhost:*, another origin
// than the 127.0.0.1 they are served from); everything else runs under the strict policy.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ARTIFACTS, BASE_PATH, STRICT_CSP, startBrowser, pageOf } from "./browser.mjs";
import { decodeQr, publish } from "./published.mjs";

const HOST = new URL("./host/", import.meta.url).pathname;
const PUBLIC = "https://example.org/graphics/imreform/";
const EVIL = "https://evil.example/";
const CSP = `${STRICT_CSP}; frame-src 'self' http://localhost:*`;

/** The rows of tests/fixtures/options.tsv. */
function optionRows() {
  const table = readFileSync(new URL("../tests/fixtures/options.tsv", import.meta.url), "utf8");
  return table
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .slice(1)
    .map((line) => {
      const [source, input, option, expected, warning] = line.split("\t");
      return { source, input, option, expected, warning };
    });
}

/**
 * Runs in the page: the box of the widget shown (the prerender or the live one) and of its map,
 * its language and layout classes; in script embed `embedId`'s shadow root, or on the page. The
 * prerender's layout on its own page comes from lang.js's marks on <html>; the live widget's
 * from its own classes only.
 */
function widgetLayout(embedId) {
  const root = embedId ? document.getElementById(embedId).shadowRoot : document;
  const widget =
    root.querySelector("[data-testid=widget]") ??
    [...root.querySelectorAll(".prerender .widget")].find((w) => w.getBoundingClientRect().height > 0);
  if (!widget) return null;
  const live = widget.dataset.testid === "widget";
  const map = [...widget.querySelectorAll(".map__svg")].find((m) => m.getBoundingClientRect().width > 0);
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [r.left, r.top + scrollY, r.width, r.height].map((n) => Math.round(n * 10) / 10);
  };
  const marks = { "widget--compact": "[data-compact]", "widget--embed": "[data-mode=embed]", "widget--kiosk": "[data-mode=kiosk]" };
  return {
    live,
    widget: box(widget),
    map: map ? box(map) : null,
    lang: widget.getAttribute("lang"),
    classes: Object.keys(marks).filter(
      (c) => widget.classList.contains(c) || (!live && !embedId && document.documentElement.matches(marks[c])),
    ),
  };
}

/** Asserts two layouts alike: the same language and classes, every box edge within 1 px. */
function assertSameLayout(live, first, message) {
  assert.ok(!first.live && live.live, `${message}: measured before and after takeover`);
  assert.deepEqual([live.lang, live.classes], [first.lang, first.classes], message);
  for (const part of ["widget", "map"]) {
    const [a, b] = [first[part], live[part]];
    assert.ok(a && b && a.every((n, i) => Math.abs(n - b[i]) <= 1), `${message}: ${part} ${a} became ${b}`);
  }
}

describe("only the page's owner steers the widget", () => {
  let env;
  let published;
  before(async () => {
    published = publish("trust", PUBLIC);
    mkdirSync(`${ARTIFACTS}options-host/`, { recursive: true });
    env = await startBrowser({
      also: [
        { base: "/news/", dir: HOST },
        { base: "/options/", dir: `${ARTIFACTS}options-host/` },
        published,
      ],
      csp: CSP,
    });
  });
  after(() => env?.close());

  async function open(url, { width = 1920, height = 1080, hold = false } = {}) {
    const context = await env.browser.newContext({ viewport: { width, height }, locale: "zh-CN", hasTouch: true });
    let release = () => {};
    if (hold) {
      const gate = new Promise((resolve) => (release = resolve));
      await context.route("**/widget-*_bg.wasm", async (route) => {
        await gate;
        await route.continue();
      });
    }
    const page = await context.newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(url);
    return { page, warnings, release, close: () => context.close() };
  }

  /** Every QR code on screen once the card for `site` is open and still. */
  async function codesOnScreen(page, site, name) {
    await page.locator(`[data-testid=card][data-site=${site}]`).waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const png = `${ARTIFACTS}trust-${name}.png`;
    await page.screenshot({ path: png });
    return decodeQr(png);
  }

  const hostile = [
    ["query", `?mode=kiosk&share=${encodeURIComponent(EVIL)}#yili`, /ignored share in the address/],
    ["fragment", `?mode=kiosk#mode=kiosk&share=${EVIL}&site=yili`, /ignored share in the fragment/],
    ["both", `?mode=kiosk&share=${encodeURIComponent(EVIL)}#share=${EVIL}&site=yili`, /ignored share in the (address|fragment)/],
  ];

  for (const [where, address, warning] of hostile) {
    test(`share=${EVIL} in the ${where} puts no code to it on screen; the owner's address stands`, async () => {
      // The genuine page as built without a public address: no QR code at all.
      const plain = await open(env.url + address);
      try {
        assert.deepEqual(await codesOnScreen(plain.page, "yili", `${where}-plain`), []);
        assert.equal(await plain.page.getByTestId("share").count(), 0);
        assert.ok(plain.warnings.some((w) => warning.test(w)), plain.warnings.join(" | "));
      } finally {
        await plain.close();
      }
      // The genuine page as published: the code is to the publisher's address, whatever the
      // address bar says.
      const real = await open(env.origin + published.base + address);
      try {
        const codes = await codesOnScreen(real.page, "yili", `${where}-published`);
        assert.deepEqual(codes, [pageOf(PUBLIC, "yili", "zh")]);
        assert.ok(real.warnings.some((w) => warning.test(w)), real.warnings.join(" | "));
      } finally {
        await real.close();
      }
    });
  }

  test("the operator's way: a kiosk on loopback shows codes to the public address in both languages", async () => {
    const kiosk = await open(`${env.origin}${published.base}?mode=kiosk&idle=600&reset=600#site=zalantun&lang=en`, {
      width: 1080,
      height: 1920,
    });
    try {
      assert.equal(await kiosk.page.locator("link[rel=canonical]").getAttribute("href"), PUBLIC);
      assert.deepEqual(await codesOnScreen(kiosk.page, "zalantun", "operator-en"), [pageOf(PUBLIC, "zalantun", "en")]);
      await kiosk.page.getByTestId("lang-switch").getByRole("button", { name: "中文" }).tap();
      await kiosk.page.locator("[data-testid=widget][lang=zh-Hans]").waitFor();
      await kiosk.page.locator(`[data-testid=share][data-link="${pageOf(PUBLIC, "zalantun", "zh")}"]`).waitFor();
      assert.deepEqual(await codesOnScreen(kiosk.page, "zalantun", "operator-zh"), [pageOf(PUBLIC, "zalantun", "zh")]);
      assert.deepEqual(kiosk.warnings, []);
    } finally {
      await kiosk.close();
    }
  });

  /** Adds a frame of another origin (localhost, not 127.0.0.1) to the page; resolves to it. */
  async function foreignFrame(page) {
    const src = `${env.origin.replace("127.0.0.1", "localhost")}/news/blank.html`;
    await page.evaluate((url) => {
      const frame = document.createElement("iframe");
      frame.src = url;
      frame.id = "foreign";
      document.body.append(frame);
    }, src);
    const handle = await page.locator("#foreign").elementHandle();
    const frame = await handle.contentFrame();
    await frame.waitForLoadState();
    assert.notEqual(await frame.evaluate(() => origin), env.origin, "another origin");
    return frame;
  }

  test("a script embed obeys its own page's messages, not another frame's", async () => {
    const { page, close } = await open(`${env.origin}/news/trust-script.html`, { width: 1280, height: 900 });
    try {
      const embed = page.locator("#embed");
      await embed.locator("[data-testid=widget]").waitFor();
      await page.evaluate(() => {
        window.__selected = [];
        window.__heard = [];
        document.querySelector("#embed").addEventListener("imreform:selected", (e) => window.__selected.push(e.detail.site));
        addEventListener("message", (e) => e.data?.type === "sentinel" && window.__heard.push(e.data.n));
      });
      const foreign = await foreignFrame(page);
      await foreign.evaluate(() => {
        parent.postMessage({ type: "imreform:site", site: "yili" }, "*");
        parent.postMessage({ type: "imreform:site", site: "yili", id: "reform-map" }, "*");
        parent.postMessage({ type: "imreform:lang", lang: "en" }, "*");
        parent.postMessage(JSON.stringify({ type: "imreform:theme", theme: "dark" }), "*");
        parent.postMessage({ type: "sentinel", n: 1 }, "*");
      });
      // The page heard the foreign frame's last message, so the widget heard them all.
      await page.waitForFunction(() => window.__heard.includes(1));
      await page.evaluate(() => postMessage({ type: "imreform:site", site: "wuhai" }, "*"));
      await embed.locator("[data-testid=card][data-site=wuhai]").waitFor();
      assert.deepEqual(await page.evaluate(() => window.__selected), ["wuhai"]);
      const widget = embed.locator("[data-testid=widget]");
      assert.equal(await widget.getAttribute("lang"), "zh-Hans");
      assert.notEqual(await widget.getAttribute("data-theme"), "dark");
    } finally {
      await close();
    }
  });

  test("an iframe embed obeys the page around it, not a sibling frame", async () => {
    const { page, close } = await open(`${env.origin}/news/trust-frame.html`, { width: 1280, height: 900 });
    try {
      const handle = await page.locator("#widget").elementHandle();
      const widgetFrame = await handle.contentFrame();
      await widgetFrame.getByTestId("widget").waitFor();
      await widgetFrame.evaluate(() => {
        window.__heard = [];
        addEventListener("message", (e) => e.data?.type === "sentinel" && window.__heard.push(e.data.n));
      });
      await page.evaluate(() => {
        window.__selected = [];
        const frame = document.querySelector("#widget");
        addEventListener("message", (e) => {
          if (e.source === frame.contentWindow && e.data?.type === "imreform:selected") window.__selected.push(e.data.site);
        });
      });
      const foreign = await foreignFrame(page);
      await foreign.evaluate(() => {
        const widget = parent.frames[0];
        widget.postMessage({ type: "imreform:site", site: "yili" }, "*");
        widget.postMessage({ type: "imreform:site", site: "yili", id: "reform-map" }, "*");
        widget.postMessage({ type: "imreform:lang", lang: "en" }, "*");
        widget.postMessage({ type: "sentinel", n: 1 }, "*");
      });
      await widgetFrame.waitForFunction(() => window.__heard.includes(1));
      await page.evaluate(() =>
        document.querySelector("#widget").contentWindow.postMessage({ type: "imreform:site", site: "wuhai" }, "*"),
      );
      await widgetFrame.locator("[data-testid=card][data-site=wuhai]").waitFor();
      await page.waitForFunction(() => window.__selected.length > 0);
      assert.deepEqual(await page.evaluate(() => window.__selected), ["wuhai"]);
      assert.equal(await widgetFrame.getByTestId("widget").getAttribute("lang"), "zh-Hans");
    } finally {
      await close();
    }
  });

  test("every address row of the options table lays out the same before and after takeover", async () => {
    const layoutOptions = ["lang", "theme", "mode", "compact"];
    const rows = optionRows().filter((r) => r.source !== "markup" && layoutOptions.includes(r.option));
    assert.ok(rows.length >= 25, `${rows.length} rows`);
    for (const row of rows) {
      const address = row.source === "query" ? `?${row.input}` : `#${row.input}`;
      const { page, release, close } = await open(env.url + address, { width: 1280, height: 800, hold: true });
      try {
        await page.locator(".prerender .widget:visible").first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        const first = await page.evaluate(widgetLayout);
        release();
        await page.getByTestId("widget").waitFor();
        await page.evaluate(() => document.fonts.ready);
        const live = await page.evaluate(widgetLayout);
        assertSameLayout(live, first, `${row.source} ${row.input}`);
      } finally {
        await close();
      }
    }
  });

  test("every markup row of the options table lays out the same before and after takeover", async () => {
    // Script embeds are embedded layouts; the kiosk is a screen of its own, not a script embed.
    const rows = optionRows().filter(
      (r) => r.source === "markup" && ["lang", "theme", "mode", "compact", "id"].includes(r.option) && r.input !== "mode=kiosk",
    );
    assert.ok(rows.length >= 8, `${rows.length} rows`);
    const attribute = (input) => {
      const at = input.indexOf("=");
      const value = input.slice(at + 1).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
      return `data-${input.slice(0, at)}="${value}"`;
    };
    const embeds = rows.map((r, i) => `<div data-imreform id="e${i}" ${attribute(r.input)}></div>`).join("\n");
    writeFileSync(
      `${ARTIFACTS}options-host/index.html`,
      `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>Options table</title>` +
        `<link rel="stylesheet" href="/news/plain.css"></head><body>${embeds}` +
        `<script type="module" src="${BASE_PATH}boot.js"></script></body></html>`,
    );
    const { page, release, close } = await open(`${env.origin}/options/`, { width: 1280, height: 800, hold: true });
    try {
      const layouts = () => Promise.all(rows.map((_, i) => page.evaluate(widgetLayout, `e${i}`)));
      await page.waitForFunction(
        (count) => Array.from({ length: count }, (_, i) => document.querySelector(`#e${i}`).shadowRoot?.querySelector(".prerender .widget")).every(Boolean),
        rows.length,
      );
      await page.evaluate(() => document.fonts.ready);
      const first = await layouts();
      release();
      await page.waitForFunction(
        (count) => Array.from({ length: count }, (_, i) => document.querySelector(`#e${i}`).shadowRoot.querySelector("[data-testid=widget]")).every(Boolean),
        rows.length,
      );
      await page.evaluate(() => document.fonts.ready);
      const live = await layouts();
      rows.forEach((row, i) => {
        assertSameLayout(live[i], first[i], `data-${row.input}`);
      });
    } finally {
      await close();
    }
  });
});
