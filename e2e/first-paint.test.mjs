// The first paint: the prerendered widget in index.html, before (and without) the wasm. It
// shows the map in the reader's language, works as links before the widget starts, hands over
// to the widget without moving anything (own page, iframe, script embed), and a script embed
// far down an article fetches no wasm until the reader comes near it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ARTIFACTS, BASE_PATH, STRICT_CSP, expectProblems, frames, pageOf, quiet, startBrowser } from "./browser.mjs";

const HOST = new URL("./host/", import.meta.url).pathname;
const OLD_POLICY = `${ARTIFACTS}old-policy/`;

/** Collects layout shifts (the Layout Instability API) from the start of the page. */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({ value: entry.value, at: entry.startTime, input: entry.hadRecentInput });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/** CLS of the shifts after `since` (ms on the page's clock), input-driven ones excluded. */
async function shiftsSince(frame, since) {
  const shifts = await frame.evaluate(() => window.__shifts ?? []);
  return shifts.filter((s) => !s.input && s.at >= since).reduce((sum, s) => sum + s.value, 0);
}

/** The smallest rendered size of the visible map text, in CSS px on screen. */
function smallestMapText(root) {
  let smallest = Infinity;
  for (const text of root.querySelectorAll(".map__svg text")) {
    const box = text.getBoundingClientRect();
    if (box.width === 0 || !text.textContent.trim()) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    smallest = Math.min(smallest, size);
  }
  return smallest;
}

/** Every SVG text a reader sees in `root`: its size on screen, and how many times its laid-out
 *  size that is (the SVG's scale; the laid-out size is the text's size in the SVG's units). */
function svgTextSizes(root) {
  const sizes = [];
  for (const text of root.querySelectorAll("svg text")) {
    const box = text.getBoundingClientRect();
    if (box.width === 0 || !text.textContent.trim()) continue;
    const scale = text.getScreenCTM().a;
    const laidOut = parseFloat(getComputedStyle(text).fontSize);
    sizes.push({ text: text.textContent.trim().slice(0, 20), where: text.closest("[data-chart], .map")?.className.baseVal ?? text.closest("[data-chart], .map")?.dataset.chart, px: laidOut * scale, scale });
  }
  return sizes;
}

describe("first paint", () => {
  let env;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The build as a host would serve it with the policy of before the inline head: without the
    // build's policy file, the server sends STRICT_CSP, which refuses the inline blocks.
    rmSync(OLD_POLICY, { recursive: true, force: true });
    cpSync("dist", OLD_POLICY, { recursive: true });
    rmSync(`${OLD_POLICY}content-security-policy.txt`);
    env = await startBrowser({ also: [{ base: "/news/", dir: HOST }, { base: "/old-policy/", dir: OLD_POLICY }], csp: STRICT_CSP });
  });
  after(() => env?.close());

  /** A page whose wasm is held back until `release()`: what a reader sees before it arrives. */
  async function held(url, { width = 360, height = 800, locale = "zh-CN", javaScript = true } = {}) {
    const context = await env.browser.newContext({
      viewport: { width, height },
      locale,
      javaScriptEnabled: javaScript,
      hasTouch: width < 500,
    });
    await context.addInitScript(recordShifts);
    const problems = [];
    const wasmRequests = [];
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    await context.route("**/widget-*_bg.wasm", async (route) => {
      wasmRequests.push(route.request().url());
      await gate;
      await route.continue();
    });
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(url);
    return { page, problems, wasmRequests, release, close: () => context.close() };
  }

  for (const width of [360, 1280]) {
    test(`without JavaScript at ${width} px: the map with its 12 regions and 7 markers, each leading to its site's story`, async () => {
      const { page, close } = await held(env.url, { width, javaScript: false });
      try {
        const map = page.locator(".prerender:visible .map__svg:visible");
        assert.equal(await map.count(), 1, "one map layout shows");
        assert.equal(await map.locator("[data-region-label]").count(), 12);
        assert.equal(await map.getByTestId("marker").count(), 7);
        const smallest = await page.evaluate(smallestMapText, await page.$("body"));
        assert.ok(smallest >= 11, `map text ${smallest.toFixed(1)} px`);
        // The rendered map fills its container: a layout for the wrong width would not.
        const [svg, figure] = await Promise.all([map.boundingBox(), page.locator(".prerender:visible .map").boundingBox()]);
        assert.ok(Math.abs(svg.width - figure.width) < 1, `${svg.width} in ${figure.width}`);
        // The page carries no story beyond the overview: a marker leads to its site's own page.
        assert.equal(await page.locator("noscript, [data-testid=dossier-card]").count(), 0);
        await map.locator('[data-site="wuhai"]').click();
        await page.waitForURL(pageOf(env.url, "wuhai", "zh"));
        const card = page.locator('.prerender:visible [data-testid=card][data-site="wuhai"]');
        assert.match(await card.textContent(), /6000余人次/);
        // From there, the list leads on to the next site's page.
        await page.locator('.prerender:visible .sites__item[data-site="zalantun"]').click();
        await page.waitForURL(pageOf(env.url, "zalantun", "zh"));
        const zalantun = page.locator('.prerender:visible [data-testid=card][data-site="zalantun"]');
        // The card's steps lead to the next site's page, and its close back to the overview.
        await zalantun.getByTestId("card-next").click();
        await page.waitForURL(pageOf(env.url, "alxa-hi-tech-zone", "zh"));
        const alxa = page.locator('.prerender:visible [data-testid=card][data-site="alxa-hi-tech-zone"]');
        await alxa.getByTestId("card-close").click();
        await page.waitForURL(pageOf(env.url, "index", "zh"));
        await page.locator(".prerender:visible [data-testid=overview]").waitFor();
        await page.screenshot({ path: `${ARTIFACTS}first-paint-nojs-${width}.png`, fullPage: false });
      } finally {
        await close();
      }
    });
  }

  test("the first paint waits for the page alone: its stylesheet and scripts are in it, allowed by their hashes", async () => {
    for (const url of [env.url, pageOf(env.url, "wuhai", "en")]) {
      const { page, problems, release, close } = await held(url, { width: 360 });
      try {
        await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
        // Nothing the browser had to fetch before painting (Resource Timing's render-blocking).
        const blocking = await page.evaluate(() =>
          performance.getEntriesByType("resource").filter((r) => r.renderBlockingStatus === "blocking").map((r) => r.name));
        assert.deepEqual(blocking, [], `render-blocking requests of ${url}`);
        assert.equal(await page.locator("head link[rel=stylesheet], head script[src]:not([type=module])").count(), 0);
        // Styled and in its language before the wasm: the inline stylesheet and lang.js ran.
        assert.equal(await page.evaluate(() => document.documentElement.classList.contains("js")), true);
        assert.equal(await page.locator(".prerender:visible").count(), 1, "one language shows");
        // The policy: the strict one, plus exactly the hashes of what the page carries inline.
        const built = readFileSync("dist/content-security-policy.txt", "utf8").trim();
        const header = (await page.request.get(url)).headers()["content-security-policy"];
        const meta = await page.locator("meta[http-equiv=Content-Security-Policy]").getAttribute("content");
        assert.equal(header, built, "the bundled server sends the build's policy");
        assert.equal(meta, built, "the page carries it too, for a host that sends none");
        assert.doesNotMatch(built, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
        const inline = await page.evaluate(async () => {
          const digest = async (text) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))));
          const of = async (selector) => Promise.all([...document.head.querySelectorAll(selector)].map((e) => digest(e.textContent)));
          return { script: await of("script:not([src])"), style: await of("style") };
        });
        const sources = (name) => built.split("; ").find((d) => d.startsWith(`${name} `)).split(" ").slice(1);
        assert.deepEqual(sources("script-src"), ["'self'", "'wasm-unsafe-eval'", ...inline.script.map((h) => `'sha256-${h}'`)]);
        assert.deepEqual(sources("style-src"), ["'self'", ...inline.style.map((h) => `'sha256-${h}'`)]);
        assert.equal(built.split("; ")[0], STRICT_CSP.split("; ")[0]);
        release();
        await page.getByTestId("widget").waitFor();
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    }
  });

  test("where a host sends the older policy, which refuses the inline head, the page loads the same files, says why once, and works", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    expectProblems(context, /violates the following Content Security Policy directive/, /CSP violation/, /\[imreform\] this page's Content-Security-Policy refused/);
    try {
      const page = await context.newPage();
      const told = [];
      page.on("console", (m) => /\[imreform\] this page's Content-Security-Policy refused/.test(m.text()) && told.push(m.text()));
      await page.goto(`${env.origin}/old-policy/`);
      await page.getByTestId("widget").waitFor();
      // lang.js ran from its file: the reader's language, the page marked as scripted.
      await page.waitForFunction(() => document.documentElement.getAttribute("data-lang") === "en");
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains("js")), true);
      // The stylesheet came as a file and styles the live widget: map and card side by side.
      await page.waitForFunction(() => [...document.styleSheets].some((s) => /\/style-\w+\.css$/.test(s.href ?? "")));
      const [map, card] = await Promise.all([page.getByTestId("map").boundingBox(), page.getByTestId("overview").boundingBox()]);
      assert.ok(card.x > map.x + map.width - 1, `card beside the map: map ${JSON.stringify(map)}, card ${JSON.stringify(card)}`);
      await page.locator('[data-testid=widget] [data-testid=marker][data-site="wuhai"]').click();
      await page.locator('[data-testid=card][data-site="wuhai"]').waitFor();
      assert.equal(told.length, 1, told.join("\n"));
      assert.match(told[0], /inline stylesheet and first-paint script/);
    } finally {
      await context.close();
    }
  });

  // The overview, and a site's own page in English (the longest labels), where a reader without
  // JavaScript reads its story.
  for (const width of [320, 360, 1280, 1920]) {
    test(`without JavaScript at ${width} px: every SVG text is at least 11 px and at most 1.5 times its laid-out size`, async () => {
      for (const [name, url] of [["overview", env.url], ["baotou-steel.en", pageOf(env.url, "baotou-steel", "en")]]) {
        const { page, close } = await held(url, { width, javaScript: false });
        try {
          const sizes = await page.evaluate(svgTextSizes, await page.$("body"));
          assert.ok(sizes.length > 30, `${sizes.length} texts (map and charts) on ${name}`);
          assert.ok(sizes.some((s) => s.where === undefined || s.where !== "map"), `charts are measured too on ${name}`);
          const wrong = sizes.filter((s) => s.px < 11 || s.scale > 1.5 + 1e-9);
          assert.deepEqual(wrong, [], `texts below 11 px or scaled past 1.5x at ${width} px on ${name}`);
          await page.screenshot({ path: `${ARTIFACTS}nojs-text-${name}-${width}.png`, fullPage: true });
        } finally {
          await close();
        }
      }
    });
  }

  test("the first paint is in the reader's language: the address, else the browser", async () => {
    for (const [query, locale, title] of [
      ["?lang=en", "zh-CN", /Building a high-quality workforce/],
      ["", "en-GB", /Building a high-quality workforce/],
      ["", "zh-CN", /建设新时代高素质劳动者大军/],
      ["#site=wuhai&lang=en", "zh-CN", /Building a high-quality workforce/],
    ]) {
      const { page, close } = await held(env.url + query, { locale });
      try {
        const heading = page.locator(".prerender:visible h1");
        assert.match(await heading.textContent(), title, `${query} ${locale}`);
        assert.equal(await page.getByTestId("widget").count(), 0, "the wasm has not run");
        // The first paint carries the overview, not every site's story.
        assert.equal(await page.locator("noscript, [data-testid=dossier-card]").count(), 0);
      } finally {
        await close();
      }
    }
  });

  for (const width of [360, 1280]) {
    for (const [name, path, frameOf] of [
      ["own page", null, null],
      ["iframe", "/news/first-paint-frame.html", "#frame"],
      ["script embed", "/news/first-paint-script.html", null],
    ]) {
      test(`${name} at ${width} px: the widget takes over without moving anything (CLS ≤ 0.01)`, async () => {
        const url = path ? env.origin + path : env.url;
        const { page, problems, release, close } = await held(url, { width, locale: "en-GB" });
        try {
          const frame = frameOf ? page.frameLocator(frameOf) : null;
          const scope = frame ?? (path ? page.locator("#embed") : page);
          // The prerender is up and sized (an iframe from the prerender's own height message).
          await scope.locator(".prerender .map__svg >> visible=true").first().waitFor();
          if (frameOf) {
            await page.waitForFunction(() => document.querySelector("#frame").getBoundingClientRect().height > 700);
          }
          const frames = [page.mainFrame(), ...page.frames().filter((f) => f !== page.mainFrame())];
          // The prerender done settling, in every frame: only the takeover's shifts count.
          await Promise.all(frames.map((f) => quiet(f)));
          const since = await Promise.all(frames.map((f) => f.evaluate(() => performance.now())));
          const below = path ? await page.locator("#below").boundingBox() : null;
          release();
          await scope.getByTestId("widget").waitFor();
          // The takeover done: the live widget measured, laid out and drawn, nothing changing.
          await Promise.all(frames.map((f) => quiet(f)));
          const cls = await Promise.all(frames.map((f, i) => shiftsSince(f, since[i])));
          for (const [i, value] of cls.entries()) {
            assert.ok(value <= 0.01, `CLS ${value.toFixed(4)} in ${i ? "the frame" : "the page"}`);
          }
          if (below) {
            const after = await page.locator("#below").boundingBox();
            assert.ok(Math.abs(after.y - below.y) < 1, `the host's text moved from ${below.y} to ${after.y}`);
          }
          assert.deepEqual(problems, []);
        } finally {
          await close();
        }
      });
    }
  }

  test("a tap on a marker before the wasm runs opens that site when the widget starts", async () => {
    const { page, release, close } = await held(env.url, { width: 360 });
    try {
      await page.locator('.prerender:visible .map__svg:visible [data-site="zalantun"]').tap();
      release();
      const card = page.getByTestId("card");
      await card.waitFor();
      assert.equal(await card.getAttribute("data-site"), "zalantun");
    } finally {
      await close();
    }
  });

  test("in a script embed, a tap before the wasm opens the site and leaves the host's address alone", async () => {
    const { page, release, close } = await held(`${env.origin}/news/first-paint-script.html`, { width: 360 });
    try {
      const embed = page.locator("#embed");
      await embed.locator('.prerender .sites__item[data-site="yili"]').tap();
      release();
      const card = embed.getByTestId("card");
      await card.waitFor();
      assert.equal(await card.getAttribute("data-site"), "yili");
      assert.equal(new URL(page.url()).hash, "", "the host page's address is unchanged");
    } finally {
      await close();
    }
  });

  test("a script embed three screens down fetches no wasm before the reader scrolls near it", async () => {
    const { page, wasmRequests, release, close } = await held(`${env.origin}/news/lazy.html`, { width: 360 });
    try {
      release();
      await page.waitForLoadState("load");
      // The loader's IntersectionObserver reports where the embed is after a rendering update:
      // ten frames on, it has, and asked for nothing.
      await frames(page, 10);
      assert.deepEqual(wasmRequests, [], "no wasm before scrolling");
      await page.locator("#embed").scrollIntoViewIfNeeded();
      await page.locator("#embed").getByTestId("widget").waitFor();
      assert.equal(wasmRequests.length, 1);
      assert.equal(await page.locator("#embed").locator("[data-region-label]").count(), 12);
    } finally {
      await close();
    }
  });

  test("the page's <html lang> follows the language shown, from the first paint on", async () => {
    const { page, release, close } = await held(`${env.url}?lang=en`, { width: 1280 });
    try {
      assert.equal(await page.locator("html").getAttribute("lang"), "en", "before the wasm");
      release();
      await page.getByTestId("widget").waitFor();
      assert.equal(await page.locator("html").getAttribute("lang"), "en");
      await page.getByRole("button", { name: "中文" }).click();
      await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    } finally {
      await close();
    }
  });

  test("the own page starts at once (the wasm is requested without any scrolling)", async () => {
    const { page, wasmRequests, release, close } = await held(`${env.url}`, { width: 360 });
    try {
      await page.waitForFunction(() => document.querySelector(".prerender"));
      // Asked for as the page starts (a frame at a time until it has been, for a minute at most).
      for (let frame = 0; !wasmRequests.length && frame < 3600; frame++) await frames(page, 1);
      assert.equal(wasmRequests.length, 1);
      assert.ok(wasmRequests[0].startsWith(`${env.origin}${BASE_PATH}`));
      release();
      await page.getByTestId("widget").waitFor();
    } finally {
      await close();
    }
  });
});
