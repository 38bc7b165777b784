// For the newsroom (issue 27): a page per site and language that opens with its card, with and
// without JavaScript, and takes over without moving anything; the tags that unfurl a link,
// absolute once the publisher's address is set; a 1200x630 share picture per page; the share
// link and the kiosk's QR code on a site's page read back to that page's address; and the
// "Get the data" CSV files, which parse back to every figure of assets/content.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { ARTIFACTS, BASE_PATH, SITES, STRICT_CSP, pageOf, quiet, startBrowser } from "./browser.mjs";
import { decodeQr, publish } from "./published.mjs";

const CONTENT = JSON.parse(readFileSync(new URL("../assets/content.json", import.meta.url), "utf8"));
const PUBLIC = "https://example.org/graphics/imreform/";
const LANGS = ["zh", "en"];
const NAME = Object.fromEntries(CONTENT.sites.map((s) => [s.id, s.name]));
const HOST = new URL("./host/", import.meta.url).pathname;

/** Collects layout shifts from the start of the page (the Layout Instability API). */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, at: entry.startTime, input: entry.hadRecentInput });
  }).observe({ type: "layout-shift", buffered: true });
}

/** Holds the wasm back until the returned function is called: the prerender shows until then. */
async function holdWasm(context) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route("**/widget-*_bg.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** RFC 4180 as src/export.rs writes it: quoted fields, doubled quotes, CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") continue;
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** The tags of a page a crawler reads, from its HTML. */
function tags(html) {
  const meta = (attr, name) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
  return {
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    description: meta("name", "description"),
    ogTitle: meta("property", "og:title"),
    ogDescription: meta("property", "og:description"),
    ogImage: meta("property", "og:image"),
    ogUrl: meta("property", "og:url"),
    ogLocale: meta("property", "og:locale"),
    twitter: meta("name", "twitter:card"),
    canonical: /<link rel="?canonical"? href="([^"]*)"/.exec(html)?.[1],
  };
}

const unescape = (text) => text?.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("a page per site", () => {
  let env;
  let published;
  before(async () => {
    published = publish("pages", PUBLIC);
    env = await startBrowser({ also: [{ base: published.base, dir: published.dir }, { base: "/news/", dir: HOST }], csp: STRICT_CSP });
  });
  after(() => env?.close());

  test("without JavaScript each site's page shows its card in its language, and its data link works", async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 }, locale: "en-GB" });
    try {
      const page = await context.newPage();
      for (const site of SITES) {
        for (const lang of LANGS) {
          const address = pageOf(env.url, site, lang);
          const response = await page.goto(address);
          assert.equal(response.status(), 200, address);
          const card = page.locator(`.prerender:visible [data-testid=card][data-site="${site}"]`);
          await card.waitFor();
          assert.equal((await card.locator(".card__name").textContent()).trim(), NAME[site][lang], address);
          assert.equal(await page.locator(".prerender:visible").getAttribute("data-lang"), lang);
          const data = card.locator("a.card__data");
          const href = await data.getAttribute("href");
          assert.equal(href, `data/${site}-${lang}.csv`);
          const csv = await page.request.get(new URL(href, address).href);
          assert.equal(csv.status(), 200);
          assert.match(csv.headers()["content-type"], /^text\/csv/);
          if (site === SITES[1]) await page.screenshot({ path: `${ARTIFACTS}pages-nojs-${site}-${lang}-360.png`, fullPage: false });
        }
      }
    } finally {
      await context.close();
    }
  });

  // Alternately at 360 and 1280 px, in a browser speaking the other language (the page's wins).
  for (const [i, site] of SITES.entries()) {
    for (const [j, lang] of LANGS.entries()) {
      const width = (i + j) % 2 ? 1280 : 360;
      test(`${site} in ${lang} at ${width} px: the widget takes over with the card open (CLS ≤ 0.01) and shares this page`, async () => {
        const context = await env.browser.newContext({
          viewport: { width, height: 800 },
          locale: lang === "en" ? "zh-CN" : "en-GB",
          permissions: ["clipboard-read", "clipboard-write"],
        });
        try {
          await context.addInitScript(recordShifts);
          const release = await holdWasm(context);
          const page = await context.newPage();
          const address = pageOf(env.url, site, lang);
          await page.goto(address);
          await page.locator(`.prerender:visible [data-testid=card][data-site="${site}"]`).waitFor();
          await quiet(page.mainFrame());
          const since = await page.evaluate(() => performance.now());
          release();
          const card = page.locator(`[data-testid=widget] [data-testid=card][data-site="${site}"]`);
          await card.waitFor();
          await quiet(page.mainFrame());
          const cls = await page.evaluate(
            (since) => window.__shifts.filter((s) => !s.input && s.at >= since).reduce((sum, s) => sum + s.value, 0),
            since,
          );
          assert.ok(cls <= 0.01, `CLS ${cls.toFixed(4)}`);
          assert.equal(await page.getByTestId("widget").getAttribute("lang"), lang === "en" ? "en" : "zh-Hans");
          if (width === 1280 && lang === "zh") await page.screenshot({ path: `${ARTIFACTS}pages-${site}-${lang}-1280.png` });
          // The link the card shares is this page's own address.
          await card.getByTestId("card-share").click();
          await page.getByTestId("share-status").waitFor();
          assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
          // Its data link, live, still leads to the CSV beside the page.
          const data = await card.locator("a.card__data").getAttribute("href");
          assert.equal(data, new URL(`data/${site}-${lang}.csv`, address).href);
        } finally {
          await context.close();
        }
      });
    }
  }

  test("before the wasm runs, a site's card steps and closes in place, and the widget then shows where the reader went", async () => {
    for (const [control, expected] of [["card-next", "ejin-horo"], ["card-close", null]]) {
      const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, locale: "zh-CN" });
      try {
        const release = await holdWasm(context);
        const page = await context.newPage();
        const address = pageOf(env.url, "wuhai", "en");
        await page.goto(address);
        await page.locator('.prerender:visible [data-testid=card][data-site="wuhai"]').getByTestId(control).click();
        assert.equal(page.url().split("#")[0], address, "the reader stays on the page");
        release();
        const widget = page.getByTestId("widget");
        if (expected) await widget.locator(`[data-testid=card][data-site="${expected}"]`).waitFor();
        else await widget.getByTestId("overview").waitFor();
        assert.equal(await widget.getAttribute("lang"), "en", "in the page's language");
      } finally {
        await context.close();
      }
    }
  });

  test("an old #site= link still opens the site in its language", async () => {
    const context = await env.browser.newContext({ locale: "zh-CN" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.url}#site=yili&lang=en`);
      await page.locator("[data-testid=widget] [data-testid=card][data-site=yili]").waitFor();
      assert.equal(await page.getByTestId("widget").getAttribute("lang"), "en");
    } finally {
      await context.close();
    }
  });

  test("on its own page the tab's title names what is shown: the title of that site's page, or the overview's", async () => {
    const titleOf = async (site, lang) => {
      const html = await (await fetch(pageOf(env.url, site ?? "index", lang))).text();
      return unescape(tags(html).title);
    };
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    try {
      const page = await context.newPage();
      await page.goto(pageOf(env.url, "wuhai", "en"));
      const widget = page.getByTestId("widget");
      await widget.locator("[data-testid=card][data-site=wuhai]").waitFor();
      assert.equal(await page.title(), await titleOf("wuhai", "en"), "the page's own title stays");
      await widget.getByTestId("card-close").click();
      await widget.getByTestId("overview").waitFor();
      await page.waitForFunction((title) => document.title === title, await titleOf(null, "en"));
      await widget.locator('[data-testid=marker][data-site="yili"]').click();
      await widget.locator("[data-testid=card][data-site=yili]").waitFor();
      await page.waitForFunction((title) => document.title === title, await titleOf("yili", "en"));
      await widget.getByRole("button", { name: "中文" }).click();
      await page.waitForFunction((title) => document.title === title, await titleOf("yili", "zh"));
    } finally {
      await context.close();
    }
  });

  test("in a script embed the data link leads beside the widget's page, before the wasm and after", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    try {
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      await context.route("**/widget-*_bg.wasm", async (route) => {
        await gate;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${env.origin}/news/first-paint-script.html`);
      const expected = `${env.url}data/overview-en.csv`;
      const link = page.locator("#embed .prerender a.card__data");
      await link.waitFor();
      assert.equal(await link.evaluate((a) => a.href), expected, "the prerender's");
      release();
      const live = page.locator("#embed [data-testid=widget] a.card__data");
      await live.waitFor();
      assert.equal(await live.getAttribute("href"), expected, "the live widget's");
      assert.equal((await page.request.get(expected)).status(), 200);
    } finally {
      await context.close();
    }
  });

  test("each page has its own tags; relative without a public address, absolute with it", () => {
    const pages = [[null, "zh"], [null, "en"], ...SITES.flatMap((site) => LANGS.map((lang) => [site, lang]))];
    for (const [site, lang] of pages) {
      const file = site ? pageOf("", site, lang) : lang === "en" ? "index.en.html" : "index.html";
      const picture = `share/${site ?? "overview"}-${lang}.png`;
      const local = tags(readFileSync(`dist/${file}`, "utf8"));
      const live = tags(readFileSync(`${published.dir}${file}`, "utf8"));
      const summary = site ? CONTENT.sites.find((s) => s.id === site).summary[lang] : CONTENT.overview.summary[lang];
      for (const t of [local, live]) {
        assert.ok(t.title, `${file}: title`);
        if (site) assert.ok(unescape(t.title).startsWith(NAME[site][lang]), `${file}: ${t.title}`);
        const description = unescape(t.description);
        assert.ok(description && summary.startsWith(description.replace(/…$/, "")), `${file}: ${description}`);
        assert.ok(description.length <= (lang === "zh" ? 80 : 160));
        // (index.html keeps its title, in both languages, whichever the reader's.)
        if (file !== "index.html") assert.equal(t.ogTitle, t.title);
        assert.equal(t.ogDescription, t.description);
        assert.equal(t.ogLocale, lang === "zh" ? "zh_CN" : "en_GB");
        assert.equal(t.twitter, "summary_large_image");
      }
      // Without the address: relative to the page, no canonical link (README says what is lost).
      assert.equal(local.ogImage, picture);
      assert.equal(local.ogUrl, file);
      assert.equal(local.canonical, undefined);
      // With it: absolute, the page's own address.
      const address = file === "index.html" ? PUBLIC : PUBLIC + file;
      assert.equal(live.canonical, address, file);
      assert.equal(live.ogUrl, address, file);
      assert.equal(live.ogImage, PUBLIC + picture, file);
    }
  });

  test("every share picture decodes as a 1200x630 PNG of at most 150 KB", async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(env.url);
      for (const name of [...SITES, "overview"]) {
        for (const lang of LANGS) {
          const file = `share/${name}-${lang}.png`;
          const bytes = readFileSync(`dist/${file}`);
          assert.ok(bytes.length <= 150_000, `${file}: ${bytes.length} bytes`);
          assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file}: a PNG`);
          const size = await page.evaluate(async (src) => {
            const img = new Image();
            img.src = src;
            await img.decode();
            return [img.naturalWidth, img.naturalHeight];
          }, file);
          assert.deepEqual(size, [1200, 630], file);
        }
      }
    } finally {
      await context.close();
    }
  });

  for (const [site, lang] of [["wuhai", "zh"], ["alxa-hi-tech-zone", "en"]]) {
    test(`on ${site}'s ${lang} page, a kiosk's QR code reads back to that page's public address`, async () => {
      const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-GB" });
      try {
        const page = await context.newPage();
        await page.goto(`${env.origin}${published.base}${pageOf("", site, lang)}?mode=kiosk&idle=600&reset=600`);
        const card = page.locator(`[data-testid=widget] [data-testid=card][data-site="${site}"]`);
        await card.waitFor();
        const take = card.getByTestId("share");
        assert.equal(await take.getAttribute("data-link"), pageOf(PUBLIC, site, lang));
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
        const png = `${ARTIFACTS}pages-qr-${site}-${lang}.png`;
        await take.screenshot({ path: png });
        assert.deepEqual(decodeQr(png), [pageOf(PUBLIC, site, lang)]);
        // No "Get the data" on a kiosk.
        assert.equal(await card.locator("a.card__data").isVisible(), false);
      } finally {
        await context.close();
      }
    });
  }

  test("the CSV files parse back to every figure of assets/content.json, in both languages", async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const QUALIFIERS = {
        zh: { exact: "确数", more_than: "余/多", nearly: "近", nearly_more_than: "近…余" },
        en: { exact: "exact", more_than: "more than", nearly: "nearly", nearly_more_than: "nearly (近…余)" },
      };
      const figures = [
        ...CONTENT.overview.figures.map((f) => ["", f]),
        ...CONTENT.sites.flatMap((s) => s.figures.map((f) => [s.id, f])),
      ];
      for (const lang of LANGS) {
        const fetchCsv = async (name) => {
          const response = await page.request.get(`${env.url}data/${name}-${lang}.csv`);
          assert.equal(response.status(), 200, name);
          const bytes = await response.body();
          assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name}: UTF-8 with a BOM`);
          return parseCsv(bytes.subarray(3).toString("utf8"));
        };
        const [header, ...rows] = await fetchCsv("overview");
        assert.equal(header.length, 13);
        assert.equal(rows.length, figures.length, "one row per figure");
        for (const [site, figure] of figures) {
          const row = rows.find((r) => r[0] === site && r[2] === figure.id);
          assert.ok(row, `${site} ${figure.id}`);
          assert.equal(Number(row[4]), figure.value, `${figure.id}: the value, exact`);
          assert.equal(row[3], figure.label[lang]);
          assert.equal(row[6], QUALIFIERS[lang][figure.qualifier]);
          assert.equal(row[8], figure.stated ?? "");
          assert.equal(row[9], figure.period?.[lang] ?? "");
          assert.equal(row[10], (figure.derived_from ?? []).length ? (lang === "zh" ? "推算" : "derived") : lang === "zh" ? "原文所载" : "stated");
          assert.equal(row[12], figure.source ?? "");
        }
        for (const site of CONTENT.sites) {
          const [siteHeader, ...siteRows] = await fetchCsv(site.id);
          assert.deepEqual(siteHeader, header);
          assert.deepEqual(siteRows.map((r) => r[2]), site.figures.map((f) => f.id), site.id);
          assert.ok(siteRows.every((r) => r[0] === site.id && r[1] === site.name[lang]));
        }
      }
    } finally {
      await context.close();
    }
  });
});
