// Site cards and the overview card: every marker opens the right story with its figures and
// charts; the overview's theme matrix lights up the sites on the map.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, openWidget, startBrowser } from "./browser.mjs";

const SITES = [
  ["baotou", "包头市", [], 0],
  ["wuhai", "乌海市", ["30余个工种", "793名"], 2],
  ["ejin-horo", "伊金霍洛旗", ["36项"], 0],
  ["zalantun", "扎兰屯市", [], 0],
  ["alxa-hi-tech-zone", "阿拉善高新技术产业开发区", ["30余家", "9家"], 1],
  ["baotou-steel", "包钢集团", ["336名", "1328万元", "32项", "3.9万个", "近5亿元"], 1],
  ["yili", "伊利集团", ["464名", "270余场"], 0],
];

describe("cards", () => {
  let env;
  before(async () => {
    env = await startBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  test("every marker opens its site's card with its figures and charts", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      for (const [id, name, figures, charts] of SITES) {
        await page.locator(`[data-testid=marker][data-site=${id}]`).click();
        const card = page.getByTestId("card");
        await card.and(page.locator(`[data-site=${id}]`)).waitFor();
        assert.equal(await card.locator("h2").textContent(), name);
        assert.deepEqual(await card.locator(".tile__value").allTextContents(), figures, id);
        assert.equal(await card.getByTestId("chart").count(), charts, id);
        for (const svg of await card.locator(".chart__plot svg").all()) {
          assert.ok((await svg.boundingBox()).width > 200, `${id}: chart drawn`);
        }
        assert.ok((await card.locator(".practices dt").count()) >= 4, id);
        assert.match(await card.locator(".card__source").textContent(), /第\d部分/);
      }
      assert.deepEqual(widget.errors, []);
    } finally {
      await widget.close();
    }
  });

  test("Wuhai's chart shows both party-organisation counts; 'show data' reveals its table", async () => {
    const widget = await openWidget(env, { width: 360, height: 740 });
    try {
      const { page } = widget;
      await page.locator("[data-testid=marker][data-site=wuhai]").click();
      const chart = page.locator("[data-chart=party-organisations]");
      const svgText = await chart.locator("svg").textContent();
      assert.ok(svgText.includes("256") && svgText.includes("46"), svgText);
      assert.equal(await chart.locator(".chart__plot").getAttribute("role"), "img");
      const data = chart.getByTestId("chart-data");
      assert.ok(await data.evaluate((el) => el.classList.contains("visually-hidden")));
      await chart.getByRole("button", { name: "显示数据" }).click();
      assert.ok(await data.isVisible());
      assert.deepEqual(await data.locator("tbody td:first-of-type").allTextContents(), ["256家", "46个"]);
      await page.screenshot({ path: `${ARTIFACTS}card-wuhai-360.png`, fullPage: true });
    } finally {
      await widget.close();
    }
  });

  test("close returns to the overview; previous and next step through the sites", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      await page.locator("[data-testid=marker][data-site=yili]").click();
      await page.getByTestId("card-next").click();
      assert.equal(await page.getByTestId("card").getAttribute("data-site"), "baotou");
      await page.getByTestId("card-previous").click();
      assert.equal(await page.getByTestId("card").getAttribute("data-site"), "yili");
      await page.getByTestId("card-close").click();
      await page.getByTestId("overview").waitFor();
    } finally {
      await widget.close();
    }
  });

  for (const width of [320, 360, 1000, 1280]) {
    test(`at ${width} px a step to the previous or next site never breaks its Chinese name across lines`, async () => {
      const widget = await openWidget(env, { width, height: 800 });
      try {
        const { page } = widget;
        // Every site is some card's previous and some card's next: the long names included.
        for (const [id] of SITES) {
          await page.locator(`[data-testid=marker][data-site=${id}]`).click();
          const card = page.locator(`[data-testid=card][data-site=${id}]`);
          await card.waitFor();
          for (const step of ["card-previous", "card-next"]) {
            const lines = await card.getByTestId(step).evaluate((button, names) => {
              const text = button.firstChild;
              const name = names.find((n) => text.data.includes(n));
              const range = document.createRange();
              range.setStart(text, text.data.indexOf(name));
              range.setEnd(text, text.data.indexOf(name) + name.length);
              const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              const box = button.getBoundingClientRect();
              const nav = button.parentElement.getBoundingClientRect();
              return { name, lines: tops.size, inside: box.left >= nav.left - 0.5 && box.right <= nav.right + 0.5 };
            }, SITES.map(([, name]) => name));
            assert.equal(lines.lines, 1, `${id}'s ${step}: ${lines.name} on ${lines.lines} lines`);
            assert.ok(lines.inside, `${id}'s ${step} stays inside the card`);
          }
        }
      } finally {
        await widget.close();
      }
    });
  }

  for (const [width, height, query] of [[360, 800, ""], [1280, 800, ""], [1920, 1080, "?mode=kiosk"]]) {
    test(`at ${width} px${query ? " (kiosk)" : ""} every key figure reads on one line, its unit beside its number`, async () => {
      const widget = await openWidget(env, { width, height, query, hasTouch: Boolean(query) });
      try {
        const { page } = widget;
        for (const [id, , figures] of SITES) {
          if (!figures.length) continue;
          await page.locator(`[data-testid=widget] [data-testid=marker][data-site=${id}]`).click();
          const card = page.locator(`[data-testid=card][data-site=${id}]`);
          await card.waitFor();
          const lines = await card.locator(".tile__value").evaluateAll((values) => values.map((value) => {
            const range = document.createRange();
            range.selectNodeContents(value);
            return [value.textContent, new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size];
          }));
          for (const [text, count] of lines) assert.equal(count, 1, `${id}: "${text}" on ${count} lines`);
        }
      } finally {
        await widget.close();
      }
    });
  }

  test("the card scrolls inside itself, never the page", async () => {
    const widget = await openWidget(env, { width: 1280, height: 700 });
    try {
      const { page } = widget;
      await page.locator("[data-testid=marker][data-site=baotou-steel]").click();
      const scroller = page.locator(".card__scroll");
      const { scrollHeight, clientHeight } = await scroller.evaluate((el) => ({
        scrollHeight: el.scrollHeight,
        clientHeight: el.clientHeight,
      }));
      assert.ok(scrollHeight > clientHeight, "a long card has its own scroll");
      assert.equal(
        await scroller.evaluate((el) => getComputedStyle(el).overscrollBehaviorY),
        "contain",
      );
      await scroller.hover();
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, 5000);
      await page.waitForFunction(() => document.querySelector(".card__scroll").scrollTop > 0);
      await page.mouse.wheel(0, 5000);
      // The second wheel handled: the card's scroll holding still for a few frames (any scroll
      // chaining to the page would have happened with it).
      await page.waitForFunction(() => {
        const el = document.querySelector(".card__scroll");
        window.endFrames = el.scrollTop === window.lastTop ? (window.endFrames ?? 0) + 1 : 0;
        window.lastTop = el.scrollTop;
        return window.endFrames >= 3;
      }, null, { polling: "raf" });
      assert.equal(await page.evaluate(() => window.scrollY), before, "the page did not move");
      await page.screenshot({ path: `${ARTIFACTS}card-baotou-steel-1280.png` });
      // The next site's story starts at its top, whatever the last one was scrolled to.
      const site = await page.getByTestId("card").getAttribute("data-site");
      await page.getByTestId("card-next").click();
      await page.locator(`[data-testid=card]:not([data-site="${site}"])`).waitFor();
      assert.equal(await page.locator(".card__scroll").evaluate((el) => el.scrollTop), 0, "the next story starts at the top");
    } finally {
      await widget.close();
    }
  });

  test("the overview's theme matrix highlights the sites that address a theme", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      const overview = page.getByTestId("overview");
      assert.equal(await overview.getByTestId("chart").count(), 2, "timeline and pilot make-up");
      assert.equal(await overview.locator(".matrix tbody tr").count(), 7);
      await overview.locator("[data-theme=status]").click();
      const hit = await page.locator(".marker--hit").evaluateAll((els) => els.map((e) => e.dataset.site));
      const dim = await page.locator(".marker--dim").evaluateAll((els) => els.map((e) => e.dataset.site));
      assert.deepEqual(hit.sort(), ["alxa-hi-tech-zone", "baotou", "baotou-steel", "ejin-horo", "yili"]);
      assert.deepEqual(dim.sort(), ["wuhai", "zalantun"]);
      await page.screenshot({ path: `${ARTIFACTS}overview-theme-1280.png`, fullPage: true });
      await overview.locator("[data-theme=status]").click();
      assert.equal(await page.locator(".marker--dim").count(), 0);
    } finally {
      await widget.close();
    }
  });

  // Charts are laid out at fixed widths (src/breakpoints.rs) and scaled by CSS to their box: a
  // chart laid out for the wrong width would be shrunk into illegible text or blown up, and
  // every other chart test would still pass.
  test("charts are laid out for the width they get: drawn at 1 to 1.4 times it, phone to desktop", async () => {
    for (const query of ["", "#wuhai"]) {
      const widget = await openWidget(env, { width: 320, height: 800, query });
      try {
        const { page } = widget;
        await page.locator(`[data-testid=${query ? "card" : "overview"}] .chart__plot svg`).first().waitFor();
        for (const width of [320, 360, 414, 600, 768, 1024, 1280, 1920, 360]) {
          await page.setViewportSize({ width, height: 800 });
          // Charts re-lay out 120 ms after a resize settles: wait until each is drawn at 1 to
          // 1.4 times the width it was laid out for (the assertions below say which is not).
          await page
            .waitForFunction(
              () =>
                [...document.querySelectorAll("[data-testid=widget] .chart__svg")]
                  .filter((svg) => svg.getBoundingClientRect().width > 0)
                  .every((svg) => {
                    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute("width"));
                    return scale >= 0.95 && scale <= 1.41;
                  }),
              null,
              { polling: "raf", timeout: 10_000 },
            )
            .catch(() => {});
          const drawn = await page.evaluate(() =>
            [...document.querySelectorAll("[data-testid=widget] .chart__svg")]
              .filter((svg) => svg.getBoundingClientRect().width > 0)
              .map((svg) => ({
                chart: svg.closest("[data-chart]").dataset.chart,
                laidOut: Number(svg.getAttribute("width")),
                scale: svg.getBoundingClientRect().width / Number(svg.getAttribute("width")),
              })),
          );
          assert.equal(drawn.length, 2, `${width} px ${query}: two charts drawn`);
          for (const { chart, laidOut, scale } of drawn) {
            // Below the smallest layout (260 px) a chart is shrunk a little, never more.
            const least = laidOut === 260 ? 0.95 : 0.995;
            assert.ok(scale >= least && scale <= 1.41, `${width} px ${query}: ${chart} laid out at ${laidOut} px, drawn at ${scale.toFixed(2)}x`);
          }
        }
      } finally {
        await widget.close();
      }
    }
  });

  test("English cards print figures with English qualifiers and units", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      await page.getByRole("button", { name: "English" }).click();
      await page.locator("[data-testid=marker][data-site=baotou-steel]").click();
      const tiles = await page.locator(".tile__value").allTextContents();
      assert.ok(tiles.includes("nearly 500 million yuan"), tiles.join(" | "));
      assert.ok(tiles.includes("13.28 million yuan"), tiles.join(" | "));
      const stacked = await page.locator("[data-chart=skill-leaders] svg").textContent();
      assert.ok(stacked.includes("224") && stacked.includes("derived"), stacked);
      await page.screenshot({ path: `${ARTIFACTS}card-baotou-steel-en-1280.png`, fullPage: true });
      // 近1万余: a news desk writes "nearly 10,000", never "close to 10,000+".
      await page.locator("[data-testid=marker][data-site=wuhai]").click();
      const wuhai = await page.getByTestId("card").textContent();
      assert.match(wuhai, /nearly 10,000/);
      assert.doesNotMatch(wuhai, /close to|10,000\+/);
    } finally {
      await widget.close();
    }
  });
});
