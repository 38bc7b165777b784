// embed.js trusts only the widget: on a host page with the widget's iframe, a foreign-origin
// sibling iframe (an ad, from a second server on another port, so another origin) and an
// iframe of ours that was navigated away, only the widget's own window resizes only the
// widget's iframe, and never beyond 20,000 px. Issue 23, point 3.
//
// To prove a message was ignored, the host page records every message it hears (its listener
// runs after embed.js's, which was added first) and every change of the iframes' style: once
// the hostile message has been heard, embed.js has handled it, and the record must show no
// trace of it. A genuine message sent afterwards must still take effect.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../scripts/static-server.mjs";
import { BASE_PATH, STRICT_CSP, startBrowser } from "./browser.mjs";

const HOST = new URL("./host/", import.meta.url).pathname;
const WIDGET_ID = "trust-frame";
const CAP = 20_000;

/** The host page: embed.js, the widget's iframe, a blank iframe of ours and the foreign ad. */
function hostPage(foreignOrigin) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>An article with the widget beside an ad</title>
    <link rel="icon" href="favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="trust.css" />
    <script src="${BASE_PATH}embed.js" defer></script>
  </head>
  <body>
    <h1>Five years of reform</h1>
    <iframe id="frame" title="Inner Mongolia's reform pilots" width="100%" height="150" scrolling="no"
      src="${BASE_PATH}?mode=embed&amp;id=${WIDGET_ID}&amp;lang=en&amp;compact"></iframe>
    <iframe id="moved" title="A page of ours, later navigated away" width="300" height="120" src="blank.html"></iframe>
    <iframe id="foreign" title="An ad" width="300" height="90" src="${foreignOrigin}/ad/ad.html"></iframe>
  </body>
</html>
`;
}

const BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>blank</title></head><body><p>blank</p></body></html>\n`;

describe("embed.js trusts only the widget's own window", () => {
  let env, foreign, fixtures;
  before(async () => {
    fixtures = mkdtempSync(join(tmpdir(), "imreform-embed-trust-"));
    mkdirSync(join(fixtures, "host"));
    mkdirSync(join(fixtures, "ad"));
    writeFileSync(join(fixtures, "ad", "ad.html"), BLANK.replaceAll("blank", "ad"));
    // The ad's server: same loopback address, another port, so another origin (same site).
    foreign = await serve({ dir: join(fixtures, "ad"), base: "/ad/" });
    writeFileSync(join(fixtures, "host", "trust.html"), hostPage(foreign.origin));
    writeFileSync(join(fixtures, "host", "blank.html"), BLANK);
    // Frames without borders, as the README's embed code has them: an iframe's height is its box's.
    writeFileSync(join(fixtures, "host", "trust.css"), "iframe { border: 0; display: block; }\n");
    copyFileSync(join(HOST, "favicon.svg"), join(fixtures, "host", "favicon.svg"));
    // The strict policy, plus the one thing a host with ads must allow: frames from the ad's origin.
    env = await startBrowser({
      also: [{ base: "/trust/", dir: join(fixtures, "host") }],
      csp: `${STRICT_CSP}; frame-src 'self' ${foreign.origin}`,
    });
  });
  after(async () => {
    await env?.close();
    await foreign?.close();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  /** The host page with the widget settled at its own height, and the records installed. */
  async function openHost() {
    const context = await env.browser.newContext({ viewport: { width: 720, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.origin}/trust/trust.html`);
    // The live widget has taken over from the prerender and sized its iframe to its content.
    const frame = page.frameLocator("#frame");
    await frame.getByTestId("overview").waitFor();
    await frame.locator(".prerender").first().waitFor({ state: "detached" });
    await page.waitForFunction(fitsContent);
    await page.evaluate(() => {
      // Every tagged message heard, and every height set on an iframe, in order.
      window.heard = [];
      addEventListener("message", (e) => e.data?.tag && window.heard.push(e.data.tag));
      window.trace = [];
      const observer = new MutationObserver((records) => {
        for (const r of records) window.trace.push(`${r.target.id}:${r.target.style.height}`);
      });
      for (const f of document.querySelectorAll("iframe")) {
        observer.observe(f, { attributes: true, attributeFilter: ["style", "height"] });
      }
    });
    const frameOf = async (id) => (await page.locator(`#${id}`).elementHandle()).contentFrame();
    const heights = () =>
      page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll("iframe")].map((f) => [f.id, f.getBoundingClientRect().height])),
      );
    /** Resolves once the host has heard every message tagged with one of `tags`. */
    const heard = (tags) => page.waitForFunction((t) => t.every((tag) => window.heard.includes(tag)), tags);
    const trace = () => page.evaluate(() => window.trace);
    return { page, context, frameOf, heights, heard, trace, close: () => context.close() };
  }

  /** In the host page: the widget's iframe is as tall as the widget in it (and under the cap). */
function fitsContent() {
  const frame = document.querySelector("#frame");
  const widget = frame.contentDocument?.querySelector("[data-testid=widget]");
  const height = frame.getBoundingClientRect().height;
  return !!widget && height < 20_000 && Math.abs(height - Math.ceil(widget.getBoundingClientRect().height)) <= 1;
}

/** The heights (px) the trace records for iframe `id`; CSS writes 1e7 px as "1e+07px". */
const heightsOf = (trace, id) =>
  trace.filter((t) => t.startsWith(`${id}:`)).map((t) => Number(t.slice(id.length + 1).replace(/px$/, "")));

/** Posts `messages` to the host page from inside `frame` (so event.source is its window). */
  const postFrom = (frame, messages) =>
    frame.evaluate((list) => list.forEach((m) => parent.postMessage(m, "*")), messages);

  test("a foreign sibling iframe's height messages, with and without the id, resize nothing", async () => {
    const host = await openHost();
    try {
      const before = await host.heights();
      const ad = await host.frameOf("foreign");
      assert.ok(ad.url().startsWith(foreign.origin), "the ad is on the other origin");
      await postFrom(ad, [
        { type: "imreform:height", height: 1e7, tag: "no-id" },
        { type: "imreform:height", id: WIDGET_ID, height: 1e7, tag: "with-id" },
        { type: "imreform:height", id: WIDGET_ID, height: "1e7", tag: "string" },
        { type: "imreform:height", id: WIDGET_ID, height: 4321, tag: "plausible" },
      ]);
      await host.heard(["no-id", "with-id", "string", "plausible"]);
      const trace = await host.trace();
      assert.deepEqual(trace.filter((t) => !t.startsWith("frame:")), [], "the ad's own iframe did not grow");
      assert.ok(!heightsOf(trace, "frame").some((h) => h === 1e7 || h === 4321), `the widget's iframe was not resized: ${trace.join(" ")}`);
      const now = await host.heights();
      assert.equal(now.foreign, before.foreign);
      assert.equal(now.moved, before.moved);
      assert.ok(now.frame < 5000, `the widget's iframe is ${now.frame} px`);

      // The genuine widget's window is still obeyed, after the hostile messages.
      const widget = await host.frameOf("frame");
      await postFrom(widget, [{ type: "imreform:height", id: WIDGET_ID, height: 777, tag: "genuine" }]);
      await host.page.waitForFunction(() => window.trace.includes("frame:777px"));
      const after = await host.trace();
      assert.deepEqual(after.filter((t) => !t.startsWith("frame:")), [], "only the widget's iframe changed");
      assert.ok(!heightsOf(after, "frame").some((h) => h === 1e7 || h === 4321), after.join(" "));
      assert.equal((await host.heights()).foreign, before.foreign);
    } finally {
      await host.close();
    }
  });

  test("an iframe of ours navigated to another origin is not obeyed", async () => {
    const host = await openHost();
    try {
      const before = await host.heights();
      // Its src still names our origin, and event.source is still its window, but the page in
      // it, which sends the message, is the ad's.
      await host.page.locator("#moved").evaluate((f, url) => (f.contentWindow.location.href = url), `${foreign.origin}/ad/ad.html`);
      const moved = await host.frameOf("moved");
      await moved.waitForURL(`${foreign.origin}/ad/ad.html`);
      assert.equal(await host.page.locator("#moved").getAttribute("src"), "blank.html");
      await postFrom(moved, [{ type: "imreform:height", height: 1e7, tag: "moved" }]);
      await host.heard(["moved"]);
      const widget = await host.frameOf("frame");
      await postFrom(widget, [{ type: "imreform:height", id: WIDGET_ID, height: 777, tag: "genuine" }]);
      await host.page.waitForFunction(() => window.trace.includes("frame:777px"));
      assert.deepEqual((await host.trace()).filter((t) => !t.startsWith("frame:")), []);
      assert.equal((await host.heights()).moved, before.moved);
    } finally {
      await host.close();
    }
  });

  test("the widget's own window: capped at 20,000 px, non-finite, negative and non-numeric heights refused", async () => {
    const host = await openHost();
    try {
      const widget = await host.frameOf("frame");
      const bad = [-5, 0, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, "900", null, [900]];
      await postFrom(widget, [
        ...bad.map((height, i) => ({ type: "imreform:height", id: WIDGET_ID, height, tag: `bad-${i}` })),
        { type: "imreform:height", id: WIDGET_ID, height: 1e7, tag: "huge" },
      ]);
      await host.heard([...bad.map((_, i) => `bad-${i}`), "huge"]);
      const trace = await host.trace();
      assert.ok(trace.includes(`frame:${CAP}px`), `1e7 is capped at ${CAP} px: ${trace.join(" ")}`);
      assert.ok(heightsOf(trace, "frame").every((h) => h > 0 && h <= CAP && h !== 900), trace.join(" "));
      assert.ok(!trace.some((t) => !t.startsWith("frame:")), trace.join(" "));

      // And the widget's own messages still size the frame to its content: open a card.
      const frame = host.page.frameLocator("#frame");
      await frame.locator("[data-testid=marker][data-site=zalantun]").click();
      await frame.getByTestId("card").waitFor();
      await host.page.waitForFunction(fitsContent);
    } finally {
      await host.close();
    }
  });
});
