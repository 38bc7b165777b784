// The widget's frame, as a reader's browser loads it from a news site's sub-path.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, openWidget, startBrowser } from "./browser.mjs";

describe("widget frame", () => {
  let env;
  before(async () => {
    env = await startBrowser();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  test("shows the title, the map area and the seven pilot sites", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      assert.equal(await page.locator("h1").textContent(), "建设新时代高素质劳动者大军");
      assert.ok(await page.getByTestId("map").isVisible());
      assert.deepEqual(await widget.siteNames(), [
        "包头市",
        "乌海市",
        "伊金霍洛旗",
        "扎兰屯市",
        "阿拉善高新技术产业开发区",
        "包钢集团",
        "伊利集团",
      ]);
      assert.deepEqual(await widget.page.locator("[data-testid=site] [data-lang=en]").allTextContents(), [
        "Baotou",
        "Wuhai",
        "Ejin Horo Banner",
        "Zalantun",
        "Alxa High-tech Industrial Development Zone",
        "Baotou Steel (Baogang) Group",
        "Yili Group",
      ]);
      assert.match(await page.getByTestId("credit").textContent(), /资料来源/);
    } finally {
      await widget.close();
    }
  });

  test("logs no console error and requests nothing outside its own origin", async () => {
    const widget = await openWidget(env);
    try {
      await widget.page.waitForLoadState("networkidle");
      assert.deepEqual(widget.errors, []);
      const origin = new URL(env.url).origin;
      const foreign = widget.requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(foreign, []);
      // Everything comes from under the sub-path: no absolute `/` URLs in the build.
      const outside = widget.requests.filter((url) => !url.startsWith(env.url));
      assert.deepEqual(outside, []);
    } finally {
      await widget.close();
    }
  });

  test("with JavaScript, the widget replaces the prerendered first paint", async () => {
    const widget = await openWidget(env);
    try {
      assert.equal(await widget.page.locator(".prerender").count(), 0);
      assert.equal(await widget.page.getByTestId("widget").count(), 1);
    } finally {
      await widget.close();
    }
  });

  for (const [name, width, height] of [
    ["phone-360", 360, 740],
    ["desktop-1280", 1280, 800],
    ["kiosk-1920x1080", 1920, 1080],
  ]) {
    test(`fits a ${width} px viewport without horizontal scrolling (${name}.png)`, async () => {
      const widget = await openWidget(env, { width, height });
      try {
        const { page } = widget;
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `page is ${scrollWidth} px wide in a ${width} px viewport`);
        await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
      } finally {
        await widget.close();
      }
    });
  }
});
