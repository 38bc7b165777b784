// The map as a reader uses it: twelve named regions, seven real marker buttons, selection by
// click, tap or keyboard, and nothing drawn over anything else at phone, desktop and kiosk size.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, openWidget, startBrowser, untilAttribute } from "./browser.mjs";

/** Boxes of every marker and region name, as the browser laid them out. */
async function drawnBoxes(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=marker], [data-region-label]")].map((el) => {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute("aria-label") ?? el.textContent;
      return { name, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    }),
  );
}

function overlaps(a, b) {
  // Half a pixel of anti-aliasing slack.
  return a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
}

describe("map", () => {
  let env;
  before(async () => {
    env = await startBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  for (const [width, height] of [
    [320, 700],
    [360, 740],
    [1280, 800],
    [1920, 1080],
  ]) {
    test(`at ${width} px: twelve regions named, seven markers, no overlaps, legible`, async () => {
      const widget = await openWidget(env, { width, height });
      try {
        const { page } = widget;
        await page.getByTestId("marker").first().waitFor();
        assert.equal(await page.locator("[data-region-label]").count(), 12);
        assert.equal(await page.getByTestId("marker").count(), 7);
        const assertNoOverlaps = async (lang) => {
          const boxes = await drawnBoxes(page);
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              assert.ok(!overlaps(boxes[i], boxes[j]), `${lang}: ${boxes[i].name} overlaps ${boxes[j].name}`);
            }
          }
        };
        await assertNoOverlaps("zh");
        const smallest = await page.evaluate(() =>
          Math.min(
            ...[...document.querySelectorAll(".map text")].map((t) =>
              parseFloat(getComputedStyle(t).fontSize),
            ),
          ),
        );
        assert.ok(smallest >= 11, `smallest map text is ${smallest} px`);
        const svgWidth = await page.evaluate(
          () => document.querySelector(".map__svg").getBoundingClientRect().width,
        );
        const figureWidth = await page.evaluate(
          () => document.querySelector(".map").getBoundingClientRect().width,
        );
        assert.ok(Math.abs(svgWidth - figureWidth) <= 1, `map ${svgWidth} px in ${figureWidth} px`);
        await page.screenshot({ path: `${ARTIFACTS}map-${width}-zh.png` });
        await page.getByRole("button", { name: "English" }).click();
        await page.locator('[data-region-label="150700"]', { hasText: "Hulunbuir" }).waitFor();
        await assertNoOverlaps("en");
        await page.screenshot({ path: `${ARTIFACTS}map-${width}-en.png` });
      } finally {
        await widget.close();
      }
    });
  }

  test("markers are buttons named by number, site and kind", async () => {
    const widget = await openWidget(env);
    try {
      const names = await widget.page
        .getByTestId("marker")
        .evaluateAll((els) => els.map((el) => [el.getAttribute("role"), el.getAttribute("aria-label")]));
      assert.deepEqual(names[0], ["button", "1 包头市，旗县市"]);
      assert.deepEqual(names[4], ["button", "5 阿拉善高新技术产业开发区，开发区"]);
      assert.deepEqual(names[6], ["button", "7 伊利集团，企业"]);
      await widget.page.getByRole("button", { name: "English" }).click();
      assert.equal(
        await widget.page.getByTestId("marker").nth(5).getAttribute("aria-label"),
        "6 Baotou Steel (Baogang) Group, Enterprise",
      );
      assert.equal(await widget.page.locator('[data-region-label="150700"]').textContent(), "Hulunbuir");
      assert.equal(
        await widget.page.locator('[data-region-label="150100"]').textContent(),
        "Hohhot (capital)",
      );
    } finally {
      await widget.close();
    }
  });

  test("clicking a marker selects its site on the map and in the list; empty map clears", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      const wuhai = page.locator("[data-testid=marker][data-site=wuhai]");
      await wuhai.click();
      await untilAttribute(wuhai, "aria-pressed", "true");
      assert.equal(
        await page.locator("[data-testid=site][data-site=wuhai] button").getAttribute("aria-pressed"),
        "true",
      );
      assert.deepEqual(
        await page.locator(".map__region--selected").evaluateAll((els) => els.map((e) => e.dataset.region)),
        ["150300"],
      );
      // Baotou Steel lies in Baotou: its league lights up.
      await page.locator("[data-testid=marker][data-site=baotou-steel]").click();
      assert.deepEqual(
        await page.locator(".map__region--selected").evaluateAll((els) => els.map((e) => e.dataset.region)),
        ["150200"],
      );
      await page.locator(".map__background").click({ position: { x: 5, y: 200 } });
      assert.equal(await page.locator("[aria-pressed=true][data-testid=marker]").count(), 0);
      assert.equal(await page.locator(".map__region--selected").count(), 0);
    } finally {
      await widget.close();
    }
  });

  test("a marker is reachable and operable with the keyboard", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      const zalantun = page.locator("[data-testid=marker][data-site=zalantun]");
      await zalantun.focus();
      await page.keyboard.press("Enter");
      await untilAttribute(zalantun, "aria-pressed", "true");
      await page.keyboard.press(" ");
      await untilAttribute(zalantun, "aria-pressed", "false");
      assert.equal(await page.evaluate(() => window.scrollY), 0, "Space did not scroll the page");
    } finally {
      await widget.close();
    }
  });

  test("re-lays out when its container resizes", async () => {
    const widget = await openWidget(env, { width: 1280, height: 800 });
    try {
      const { page } = widget;
      await page.getByTestId("marker").first().waitFor();
      await page.setViewportSize({ width: 400, height: 800 });
      await page.waitForFunction(
        () => Math.abs(document.querySelector(".map__svg").getBoundingClientRect().width - 368) < 2,
      );
      const boxes = await drawnBoxes(page);
      assert.equal(boxes.length, 19);
    } finally {
      await widget.close();
    }
  });
});
