// The map as a reader uses it: twelve named regions, seven real marker buttons, selection by
// click, tap or keyboard, and nothing drawn over anything else at phone, desktop and kiosk size.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, openWidget, startBrowser, untilAttribute } from "./browser.mjs";

/**
 * Everything drawn over the map, as the browser laid it out (CSS px on screen): the markers,
 * the region names, the capital's star, the scale bar and its text; and the map's own box.
 */
async function drawnBoxes(page) {
  return page.evaluate(() => {
    const svg = document.querySelector("[data-testid=widget] .map__svg");
    const box = (el, name) => {
      const r = el.getBoundingClientRect();
      return { name, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const items = [
      ...[...svg.querySelectorAll("[data-testid=marker]")].map((el) => box(el, el.getAttribute("aria-label"))),
      ...[...svg.querySelectorAll("[data-region-label]")].map((el) => box(el, el.textContent)),
      box(svg.querySelector(".map__capital"), "capital star"),
      box(svg.querySelector(".map__scale text"), `scale text "${svg.querySelector(".map__scale text").textContent}"`),
      box(svg.querySelector(".map__scale path"), "scale bar"),
    ];
    return { map: box(svg, "map"), items };
  });
}

function overlaps(a, b) {
  // Half a pixel of anti-aliasing slack.
  return a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
}

/** Nothing drawn over the map overlaps anything else or reaches outside the map's box. */
async function assertNothingOverlapsOrLeaves(page, what) {
  const { map, items } = await drawnBoxes(page);
  // The scale bar and its text are one item, laid out as one box.
  const separate = (a, b) => !(a.name.startsWith("scale") && b.name.startsWith("scale"));
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    assert.ok(
      a.x0 >= map.x0 - 0.5 && a.y0 >= map.y0 - 0.5 && a.x1 <= map.x1 + 0.5 && a.y1 <= map.y1 + 0.5,
      `${what}: ${a.name} [${[a.x0, a.y0, a.x1, a.y1].map(Math.round)}] leaves the map [${[map.x0, map.y0, map.x1, map.y1].map(Math.round)}]`,
    );
    for (let j = i + 1; j < items.length; j++) {
      const b = items[j];
      assert.ok(!separate(a, b) || !overlaps(a, b), `${what}: ${a.name} overlaps ${b.name}`);
    }
  }
  return items.length;
}

/**
 * The live map as drawn: its layout width (the `width` attribute), its rendered width, and
 * the smallest text on it in CSS px on screen (font size times the SVG's scale on screen: a
 * map laid out for a wider screen and shrunk by CSS draws its 11 px text smaller).
 */
async function drawnMap(page) {
  return page.evaluate(() => {
    const svg = document.querySelector("[data-testid=widget] .map__svg");
    let smallest = Infinity;
    let smallestText = "";
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
      if (size < smallest) [smallest, smallestText] = [size, text.textContent];
    }
    return {
      layoutWidth: Number(svg.getAttribute("width")),
      renderedWidth: svg.getBoundingClientRect().width,
      figureWidth: svg.closest(".map").getBoundingClientRect().width,
      smallest,
      smallestText,
    };
  });
}

/** The width a map drawn `rendered` px wide is laid out for: a phone map (under 545 px) at the
 * prerender's widths (src/breakpoints.rs, the largest not wider), scaled up by at most 1.4;
 * wider maps at their own width. */
const PHONE_WIDTHS = [280, 390];
function expectedLayoutWidth(rendered, kiosk = false) {
  // A kiosk's map (touch targets, its own type) is laid out at its own width at any size.
  if (rendered >= 545 || kiosk) return rendered;
  return [...PHONE_WIDTHS].reverse().find((w) => w <= rendered + 0.5) ?? PHONE_WIDTHS[0];
}

/** The map is laid out for the width it is drawn at (a phone map for the prerender's width
 * just under it, never shrunk), fills its figure, and its text is legible. */
async function assertLaidOutForItsWidth(page, what, { fillsFigure = true, kiosk = false } = {}) {
  const map = await drawnMap(page);
  const expected = expectedLayoutWidth(map.renderedWidth, kiosk);
  assert.ok(
    Math.abs(map.layoutWidth - expected) <= 1 && map.layoutWidth <= map.renderedWidth + 1,
    `${what}: laid out for ${map.layoutWidth} px, drawn ${map.renderedWidth.toFixed(1)} px wide (expected ${expected})`,
  );
  // (A kiosk's drawing is as tall as its cell allows, so it may be narrower than its figure.)
  if (fillsFigure) {
    assert.ok(Math.abs(map.renderedWidth - map.figureWidth) <= 1, `${what}: map ${map.renderedWidth} px in ${map.figureWidth} px`);
  } else {
    assert.ok(map.renderedWidth <= map.figureWidth + 1, `${what}: map ${map.renderedWidth} px overflows ${map.figureWidth} px`);
  }
  // To a tenth of a pixel: the layout width is written with one decimal.
  assert.ok(map.smallest >= 10.95, `${what}: "${map.smallestText}" is drawn at ${map.smallest.toFixed(2)} px`);
  return map;
}

/** Waits until the map has been laid out again for the width it is drawn at (after a resize). */
async function untilLaidOut(page) {
  await page.waitForFunction(() => {
    const svg = document.querySelector("[data-testid=widget] .map__svg");
    const rendered = svg?.getBoundingClientRect().width ?? 0;
    const kiosk = document.documentElement.classList.contains("kiosk");
    const expected = rendered >= 545 || kiosk ? rendered : [390, 280].find((w) => w <= rendered + 0.5) ?? 280;
    return svg && Math.abs(Number(svg.getAttribute("width")) - expected) <= 1;
  }, null, { timeout: 5000 }).catch(() => {}); // the assertions that follow say what is wrong
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
        const assertNoOverlaps = (lang) => assertNothingOverlapsOrLeaves(page, `${width} px, ${lang}`);
        await assertNoOverlaps("zh");
        await assertLaidOutForItsWidth(page, `${width} px`);
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

  test("re-lays out for the new width when its container resizes, both ways", async () => {
    const widget = await openWidget(env, { width: 1280, height: 800 });
    try {
      const { page } = widget;
      await page.getByTestId("marker").first().waitFor();
      for (const width of [400, 1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await untilLaidOut(page);
        const map = await assertLaidOutForItsWidth(page, `resized to ${width} px`);
        assert.ok(map.renderedWidth < width, `the map fits the ${width} px viewport`);
        assert.equal(await assertNothingOverlapsOrLeaves(page, `resized to ${width} px`), 22);
      }
    } finally {
      await widget.close();
    }
  });

  // The placement estimates text widths (src/geo/layout.rs) and only the browser knows the
  // real ones: every width from a small phone to a 4K kiosk, in both languages, with the
  // kiosk's larger markers, drawn and measured.
  for (const [mode, query, viewports] of [
    // Map widths 288-868 px (the page's column stops growing at 1200 px).
    ["page", "", [320, 360, 414, 480, 540, 600, 700, 768, 820, 900, 1024, 1100, 1280].map((w) => [w, 900])],
    // An embed takes the host's width: a compact one draws the map as wide as the screen.
    ["compact embed", "?mode=embed&compact", [1280, 1600, 2000, 2560, 3200, 3840].map((w) => [w, 1200])],
    // Touch targets of 48 px and larger type: map widths 781-2266 px.
    ["kiosk", "?mode=kiosk&idle=600", [[1080, 1920], [1366, 768], [1920, 1080], [2160, 3840], [2560, 1440], [3840, 2160]]],
  ]) {
    test(`${mode}: at every width in both languages nothing overlaps, leaves the map or shrinks below 11 px`, async () => {
      const widget = await openWidget(env, { query, hasTouch: mode === "kiosk" });
      try {
        const { page } = widget;
        for (const lang of ["zh", "en"]) {
          if (lang === "en") {
            await page.getByRole("button", { name: "English" }).click();
            await page.locator('[data-region-label="150700"]', { hasText: "Hulunbuir" }).waitFor();
          }
          for (const [width, height] of viewports) {
            await page.setViewportSize({ width, height });
            await untilLaidOut(page);
            const what = `${mode} ${width}x${height} ${lang}`;
            const kiosk = mode === "kiosk";
            const map = await assertLaidOutForItsWidth(page, what, { fillsFigure: !kiosk, kiosk });
            assert.equal(await assertNothingOverlapsOrLeaves(page, `${what} (map ${map.layoutWidth} px)`), 22);
            if (mode === "kiosk") {
              const small = await page.getByTestId("marker").evaluateAll((els) =>
                els.map((el) => el.getBoundingClientRect()).filter((r) => Math.min(r.width, r.height) < 48),
              );
              assert.deepEqual(small, [], `${what}: markers are 48 px touch targets`);
            }
          }
        }
      } finally {
        await widget.close();
      }
    });
  }
});
