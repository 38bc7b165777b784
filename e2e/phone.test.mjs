// Reading on a phone: every marker a 44 px target that overlaps no other (the crowded corridor
// enlarged in an inset), with the built-in sites and with 21; swipes that turn the card;
// sharing one site's link; printing a dossier of every site.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, BASE_PATH, STRICT_CSP, frames, startBrowser, pageOf } from "./browser.mjs";

/** The built-in content with 14 more sites (21, as part two may bring), several of them in
 * the crowded corridor between Wuhai and Hohhot, the rest across the leagues. */
function twentyOneSites() {
  const content = JSON.parse(readFileSync(new URL("../assets/content.json", import.meta.url), "utf8"));
  const template = content.sites.find((s) => s.id === "zalantun");
  const more = [
    [111.75, 40.85], [109.95, 40.6], [110.05, 39.65], [106.85, 39.6], [107.4, 40.75], [105.7, 38.85],
    [113.1, 41.05], [111.65, 40.8], [109.8, 39.8], [122.25, 43.65], [118.9, 42.3], [116.05, 43.95],
    [119.75, 49.2], [121.95, 46.1],
  ];
  more.forEach(([lon, lat], i) => {
    const number = i + 8;
    content.sites.push({
      ...structuredClone(template),
      id: `pilot-${number}`,
      number,
      name: { zh: `试点${number}`, en: `Pilot ${number}` },
      location: { ...template.location, lon, lat },
    });
  });
  return content;
}

describe("on a phone", () => {
  let env;
  before(async () => {
    const fixtures = mkdtempSync(join(tmpdir(), "imreform-phone-"));
    writeFileSync(join(fixtures, "sites-21.json"), JSON.stringify(twentyOneSites()));
    env = await startBrowser({ also: [{ base: `${BASE_PATH}phone-fixtures/`, dir: fixtures }], csp: STRICT_CSP });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  async function phone(width, query = "", { locale = "zh-CN", permissions = [] } = {}) {
    const context = await env.browser.newContext({
      viewport: { width, height: 800 },
      locale,
      hasTouch: true,
      isMobile: true,
      permissions,
    });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(env.url + query);
    await page.getByTestId("widget").waitFor();
    return { page, context, errors, close: () => context.close() };
  }

  /** Each marker's touch target as drawn on screen. */
  const targets = (page) =>
    page.$$eval("[data-testid=widget] [data-testid=marker]", (markers) =>
      markers.map((m) => {
        const box = m.querySelector(".marker__hit").getBoundingClientRect();
        return { site: m.dataset.site, x: box.x, y: box.y, w: box.width, h: box.height };
      }),
    );

  for (const [name, query, count] of [
    ["the built-in sites", "", 7],
    ["21 sites", "?content=phone-fixtures/sites-21.json", 21],
  ]) {
    for (const width of [320, 360, 390]) {
      test(`${name} at ${width} px: every marker a 44 px target, none overlapping`, async () => {
        const { page, errors, close } = await phone(width, query);
        try {
          await page.locator("[data-testid=widget] [data-testid=marker]").nth(count - 1).waitFor();
          const boxes = await targets(page);
          assert.equal(boxes.length, count);
          for (const b of boxes) {
            assert.ok(b.w >= 43.5 && b.h >= 43.5, `${b.site}: ${b.w.toFixed(1)}x${b.h.toFixed(1)} px`);
          }
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i], boxes[j]];
              const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5
                && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;
              assert.ok(!overlap, `${a.site} overlaps ${b.site}`);
            }
          }
          // Every one of the 12 leagues and cities is named, on the map or in the inset.
          const named = await page.$$eval("[data-testid=widget] [data-region-label]", (ls) => new Set(ls.map((l) => l.dataset.regionLabel)).size);
          assert.equal(named, 12);
          assert.equal(await page.locator(".map__inset").count(), 1, "the corridor is enlarged");
          if (width === 360) await page.screenshot({ path: `${ARTIFACTS}phone-${count}-sites-360.png`, fullPage: false });
          assert.deepEqual(errors, []);
        } finally {
          await close();
        }
      });
    }
  }

  /** A touch drag from one point to another, as a finger would make it (CDP touch events). */
  async function drag(page, from, to, steps = 6) {
    const client = await page.context().newCDPSession(page);
    await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= steps; i++) {
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
    }
    await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await client.detach();
  }

  test("a sideways swipe turns the card; the address follows and the change is announced", async () => {
    const { page, close } = await phone(360, "#wuhai");
    try {
      const card = page.getByTestId("card");
      await card.waitFor();
      await page.locator("[data-testid=card] .card__summary").scrollIntoViewIfNeeded();
      const box = await card.boundingBox();
      // A point on the card, on screen.
      const y = Math.min(Math.max(box.y, 0) + 200, 600);
      await drag(page, { x: box.x + box.width - 40, y }, { x: box.x + 40, y });
      await page.waitForFunction(() => document.querySelector("[data-testid=card]")?.dataset.site === "ejin-horo");
      // The address follows after the frame that shows the card.
      await page.waitForFunction(() => location.hash === "#ejin-horo");
      assert.match(await page.getByTestId("announcer").textContent(), /伊金霍洛旗/);
      await drag(page, { x: box.x + 40, y }, { x: box.x + box.width - 40, y });
      await page.waitForFunction(() => document.querySelector("[data-testid=card]")?.dataset.site === "wuhai");
      // A vertical scroll of the card is never a swipe.
      await drag(page, { x: box.x + box.width / 2, y: y + 100 }, { x: box.x + box.width / 2 + 30, y: y - 150 });
      // The drag's events handled and any render they caused on screen.
      await frames(page, 3);
      assert.equal(await card.getAttribute("data-site"), "wuhai");
    } finally {
      await close();
    }
  });

  test("share copies the site's link in the reader's language, with a confirmation", async () => {
    const { page, close } = await phone(360, "?lang=en#site=baotou-steel&lang=en", {
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      await page.getByTestId("card").waitFor();
      await page.getByTestId("card-share").click();
      const status = page.getByTestId("share-status");
      await status.waitFor();
      const expected = pageOf(`${env.origin}${BASE_PATH}`, "baotou-steel", "en");
      assert.match(await status.textContent(), /Link copied/);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
      // The link opens that site in that language, whatever the browser speaks.
      const { page: other, close: closeOther } = await phone(360, "", { locale: "zh-CN" });
      try {
        await other.goto(expected);
        await other.getByTestId("widget").waitFor();
        assert.equal(await other.getByTestId("card").getAttribute("data-site"), "baotou-steel");
        assert.equal(await other.getByTestId("widget").getAttribute("lang"), "en");
      } finally {
        await closeOther();
      }
    } finally {
      await close();
    }
  });

  test("where the browser has the Web Share API, share hands it the link", async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 800 }, locale: "zh-CN", hasTouch: true });
    await context.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(navigator, "share", {
        value: (data) => {
          window.__shared.push(data);
          return Promise.resolve();
        },
      });
    });
    try {
      const page = await context.newPage();
      await page.goto(`${env.url}#yili`);
      await page.getByTestId("card").waitFor();
      await page.getByTestId("card-share").click();
      await page.waitForFunction(() => window.__shared.length === 1);
      const [data] = await page.evaluate(() => window.__shared);
      assert.equal(data.url, pageOf(`${env.origin}${BASE_PATH}`, "yili", "zh"));
      assert.match(data.title, /伊利集团/);
    } finally {
      await context.close();
    }
  });

  test("printing gives a dossier of every site with its tables, and no buttons", async () => {
    const { page, close } = await phone(390, "?lang=en");
    try {
      await page.emulateMedia({ media: "print" });
      const dossier = page.getByTestId("print-dossier");
      await dossier.waitFor();
      const cards = dossier.getByTestId("dossier-card");
      assert.equal(await cards.count(), 7);
      assert.match(await cards.nth(1).textContent(), /nearly 10,000/, "in the language shown");
      // Every chart's data table is on paper.
      const charts = dossier.locator("[data-testid=chart]");
      assert.ok((await charts.count()) >= 4);
      for (const table of await dossier.getByTestId("chart-table").all()) {
        assert.ok(await table.isVisible(), "a chart's table is printed");
      }
      assert.equal(await page.locator("button:visible").count(), 0, "no buttons on paper");
      assert.equal(await page.locator(".map__svg:visible").count(), 1, "the map leads");
      await page.pdf?.({ path: `${ARTIFACTS}print-dossier-en.pdf` }).catch(() => {});
    } finally {
      await close();
    }
  });
});
