// The widget embedded in a realistic article page served under a strict CSP: one iframe embed
// that sizes itself, two independent script embeds in shadow roots, host styles untouched,
// host messages obeyed, no CSP violation and no request to another origin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, STRICT_CSP, startBrowser } from "./browser.mjs";

const HOST = new URL("./host/", import.meta.url).pathname;

describe("embeds", () => {
  let env;
  before(async () => {
    env = await startBrowser({ also: [{ base: "/news/", dir: HOST }], csp: STRICT_CSP });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  async function openStory(width = 720) {
    const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const problems = [];
    const requests = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("request", (r) => requests.push(r.url()));
    // CSP violations in the page and in every frame.
    await page.addInitScript(() => {
      addEventListener("securitypolicyviolation", (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${env.origin}/news/story.html`);
    const shadow = (id) => page.locator(`#${id}`);
    // Script embeds start when the reader comes near them (the iframe above may have grown
    // past a screen before that was checked).
    for (const id of ["first", "second"]) {
      await shadow(id).scrollIntoViewIfNeeded();
      await shadow(id).locator("[data-testid=widget]").waitFor();
    }
    await page.evaluate(() => scrollTo(0, 0));
    return { page, problems, requests, shadow, close: () => context.close() };
  }

  test("the iframe reports its height and the host script resizes it as cards open and close", async () => {
    const story = await openStory();
    try {
      const { page } = story;
      const frame = page.frameLocator("#frame");
      await frame.getByTestId("overview").waitFor();
      const iframeHeight = () => page.locator("#frame").evaluate((f) => f.getBoundingClientRect().height);
      const contentHeight = () =>
        frame.getByTestId("widget").evaluate((w) => Math.ceil(w.getBoundingClientRect().height));
      await page.waitForFunction(() => document.querySelector("#frame").getBoundingClientRect().height > 300);
      assert.ok(Math.abs((await iframeHeight()) - (await contentHeight())) <= 1);
      const overviewHeight = await iframeHeight();
      await frame.locator("[data-testid=marker][data-site=zalantun]").click();
      await frame.getByTestId("card").waitFor();
      await page.waitForFunction((h) => document.querySelector("#frame").getBoundingClientRect().height !== h, overviewHeight);
      assert.ok(Math.abs((await iframeHeight()) - (await contentHeight())) <= 1, "fits the card");
      await frame.getByTestId("card-close").click();
      await page.waitForFunction((h) => Math.abs(document.querySelector("#frame").getBoundingClientRect().height - h) <= 1, overviewHeight);
      await page.screenshot({ path: `${ARTIFACTS}embed-story.png`, fullPage: true });
      assert.deepEqual(story.problems, []);
    } finally {
      await story.close();
    }
  });

  test("the iframe speaks Datawrapper's and pym.js's height formats too", async () => {
    const story = await openStory();
    try {
      const { page } = story;
      await page.evaluate(() => {
        window.heard = [];
        addEventListener("message", (e) => window.heard.push(e.data));
      });
      await page.frameLocator("#frame").locator("[data-testid=marker][data-site=wuhai]").click();
      await page.waitForFunction(() => window.heard.some((d) => typeof d === "string"));
      const heard = await page.evaluate(() => window.heard);
      assert.ok(heard.some((d) => d?.["datawrapper-height"]?.["story-frame"] > 0), JSON.stringify(heard));
      assert.ok(heard.some((d) => typeof d === "string" && /^pymxPYMxstory-framexPYMxheightxPYMx\d+$/.test(d)));
      assert.ok(heard.some((d) => d?.type === "imreform:selected" && d.site === "wuhai" && d.id === "story-frame"));
    } finally {
      await story.close();
    }
  });

  test("two script embeds work independently with their own options", async () => {
    const story = await openStory();
    try {
      const { shadow } = story;
      const first = shadow("first");
      const second = shadow("second");
      assert.equal(await first.getByTestId("widget").getAttribute("lang"), "zh-Hans");
      assert.equal(await second.getByTestId("widget").getAttribute("lang"), "en");
      assert.equal(await second.getByTestId("card").getAttribute("data-site"), "yili", "data-site opens a card");
      assert.equal(await second.getByTestId("widget").getAttribute("data-theme"), "dark");
      await first.locator("[data-testid=marker][data-site=wuhai]").click();
      await first.getByTestId("card").waitFor();
      assert.equal(await second.getByTestId("card").getAttribute("data-site"), "yili", "the other is untouched");
      const events = await story.page.evaluate(
        () =>
          new Promise((resolve) => {
            document.querySelector("#second").addEventListener("imreform:selected", (e) => resolve(e.detail), { once: true });
            document.querySelector("#second").shadowRoot.querySelector("[data-testid=marker][data-site=baotou]").dispatchEvent(new MouseEvent("click", { bubbles: true, composed: true }));
          }),
      );
      assert.deepEqual(events, { id: "second", lang: "en", site: "baotou", type: "imreform:selected" });
      assert.equal(await story.page.evaluate(() => location.hash), "", "script embeds leave the address alone");
      assert.deepEqual(story.problems, []);
    } finally {
      await story.close();
    }
  });

  test("host styles stay out of the widget and the widget's stay out of the host", async () => {
    const story = await openStory();
    try {
      const { page, shadow } = story;
      const hostCard = await page.locator("#host-card").evaluate((el) => getComputedStyle(el).borderTopWidth);
      assert.equal(hostCard, "7px", "the host's .card keeps the host's style");
      const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert.match(bodyFont, /Georgia/);
      await shadow("first").locator("[data-testid=marker][data-site=wuhai]").click();
      const card = shadow("first").getByTestId("card");
      const style = await card.evaluate((el) => {
        const s = getComputedStyle(el);
        return { border: s.borderTopWidth, letterSpacing: s.letterSpacing, font: s.fontFamily };
      });
      assert.equal(style.border, "1px", "the widget's .card is not the host's");
      assert.equal(style.letterSpacing, "normal", "inherited host styles are reset");
      assert.match(style.font, /Noto Sans CJK/);
      const outline = await shadow("first").getByTestId("widget").evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, "none");
    } finally {
      await story.close();
    }
  });

  test("host messages switch language, site and theme; malformed ones are ignored", async () => {
    const story = await openStory();
    try {
      const { page, shadow } = story;
      const first = shadow("first").getByTestId("widget");
      const second = shadow("second").getByTestId("widget");
      // They start apart: first Chinese, light, overview; second English, dark, Yili.
      assert.deepEqual(
        [await first.getAttribute("lang"), await first.getAttribute("data-theme")],
        ["zh-Hans", "light"],
      );
      assert.deepEqual(
        [await second.getAttribute("lang"), await second.getAttribute("data-theme")],
        ["en", "dark"],
      );
      const state = async (widget) => [
        await widget.getAttribute("lang"),
        await widget.getAttribute("data-theme"),
        (await widget.locator("[data-testid=card]").count()) ? await widget.locator("[data-testid=card]").getAttribute("data-site") : null,
      ];
      await page.evaluate(() => {
        // Addressed: each would visibly change the other embed if it reached it.
        postMessage({ type: "imreform:lang", lang: "en", id: "first" }, "*");
        postMessage({ type: "imreform:lang", lang: "zh", id: "second" }, "*");
        postMessage({ type: "imreform:theme", theme: "dark", id: "first" }, "*");
        postMessage({ type: "imreform:theme", theme: "light", id: "second" }, "*");
        postMessage(JSON.stringify({ type: "imreform:site", site: "wuhai", id: "first" }), "*");
        // Addressed to nobody here: no embed moves.
        postMessage({ type: "imreform:site", site: "baotou", id: "third" }, "*");
        // Malformed, or not ours: ignored.
        postMessage({ type: "imreform:site", site: "<img src=x onerror=alert(1)>" }, "*");
        postMessage({ type: "imreform:lang", lang: { toString: null } }, "*");
        postMessage("not json", "*");
      });
      // Messages are handled in order: once the second shows the last of them, all have been.
      await shadow("first").getByTestId("card").waitFor();
      await shadow("second").locator("[data-testid=widget][lang=zh-Hans][data-theme=light]").waitFor();
      assert.deepEqual(await state(first), ["en", "dark", "wuhai"]);
      assert.deepEqual(await state(second), ["zh-Hans", "light", "yili"], "the second obeyed only its own messages");
      // Not addressed: every embed obeys.
      await page.evaluate(() => postMessage({ type: "imreform:site", site: "zalantun" }, "*"));
      await shadow("first").locator("[data-testid=card][data-site=zalantun]").waitFor();
      await shadow("second").locator("[data-testid=card][data-site=zalantun]").waitFor();
      assert.equal(await page.locator("img").count(), 0);
      // The iframe obeys its parent the same way, and only messages for it.
      const frame = page.frameLocator("#frame");
      await frame.locator("[data-testid=widget][lang=en]").waitFor();
      await page.locator("#frame").evaluate((f) => {
        f.contentWindow.postMessage({ type: "imreform:lang", lang: "zh", id: "first" }, "*");
        f.contentWindow.postMessage({ type: "imreform:theme", theme: "dark", id: "story-frame" }, "*");
      });
      await frame.locator("[data-testid=widget][data-theme=dark]").waitFor();
      assert.equal(await frame.getByTestId("widget").getAttribute("lang"), "en", "a message for another id");
      await page.locator("#frame").evaluate((f) => f.contentWindow.postMessage({ type: "imreform:lang", lang: "zh" }, "*"));
      await frame.locator("[data-testid=widget][lang=zh-Hans]").waitFor();
      assert.deepEqual(story.problems, []);
    } finally {
      await story.close();
    }
  });

  test("no CSP violation and no request to another origin, under the strict policy", async () => {
    const story = await openStory(1280);
    try {
      const { page } = story;
      await page.frameLocator("#frame").locator("[data-testid=marker][data-site=baotou-steel]").click();
      await page.frameLocator("#frame").locator(".chart__plot svg").first().waitFor();
      await story.shadow("first").locator("[data-testid=marker][data-site=baotou-steel]").click();
      await story.shadow("first").locator(".chart__plot svg").first().waitFor();
      await page.waitForLoadState("networkidle");
      assert.deepEqual(story.problems.filter((p) => /Content Security Policy|CSP/.test(p)), []);
      assert.deepEqual(story.requests.filter((url) => !url.startsWith(env.origin)), []);
      // Charts still lay out under the policy: their bars have width.
      const bars = await story.shadow("first").locator(".chart__plot svg rect").count();
      assert.ok(bars >= 2);
    } finally {
      await story.close();
    }
  });
});
