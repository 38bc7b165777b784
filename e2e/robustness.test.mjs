// Hostile and broken input at run time: content override files (good, broken, missing,
// elsewhere), hostile addresses, and a widget that cannot start. Never a blank screen, never
// a script run, always a clear message.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { BASE_PATH, CRASH_PROBLEMS, crashWidget, expectProblems, pageOf, problemsOf, startBrowser } from "./browser.mjs";

const FIXTURES = new URL("../tests/fixtures/content/", import.meta.url).pathname;
// The live widget's overview: the prerendered first paint has one too (in each language) until
// the wasm replaces it, and a wait for that one would pass before the widget ran at all.
const LIVE_OVERVIEW = "[data-testid=widget] [data-testid=overview]";
const BUILT_IN = readFileSync(new URL("../assets/content.json", import.meta.url), "utf8");

describe("robustness", () => {
  let env;
  before(async () => {
    env = await startBrowser({ also: [{ base: `${BASE_PATH}fixtures/`, dir: FIXTURES }] });
  });
  after(() => env?.close());

  /**
   * A fresh page at `query`; `expect` lists the console errors it should log (anything else
   * fails the test). Requests and warnings are recorded from before it navigates.
   */
  async function open(query, { expect = [], route, ...options } = {}) {
    const context = await env.browser.newContext({ locale: "zh-CN", ...options });
    expectProblems(context, ...expect);
    if (route) await context.route(...route);
    const page = await context.newPage();
    const errors = [];
    const dialogs = [];
    const warnings = [];
    const requests = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(env.url + query);
    return { page, context, errors, dialogs, warnings, requests, close: () => context.close() };
  }

  test("an override file is loaded, and HTML in its text stays text", async () => {
    const { page, errors, dialogs, close } = await open("?content=fixtures/23-html-in-every-text.json");
    try {
      const title = page.locator("h1");
      await page.getByTestId("widget").waitFor();
      assert.match(await title.textContent(), /^<img src=x onerror=alert\(1\)><script>alert\("x"\)<\/script>建设/);
      await page.locator("[data-testid=marker][data-site=wuhai]").click();
      await page.getByTestId("card").waitFor();
      assert.equal(await page.locator("#imreform img, #imreform script").count(), 0, "no element from the text");
      assert.deepEqual([errors, dialogs], [[], []]);
    } finally {
      await close();
    }
  });

  test("a broken override file shows its problems and a retry button", async () => {
    const { page, context, close } = await open("?content=fixtures/17-qualifier-contradicts.json", {
      expect: [/\[imreform\] content fixtures\/17-qualifier-contradicts\.json: content file has 1 problem/],
    });
    try {
      const panel = page.getByTestId("error-panel");
      await panel.waitFor();
      assert.match(await panel.getByTestId("problems").textContent(), /sites\[1\]\.figures\[1\]\.qualifier: qualifier exact contradicts/);
      assert.equal(await panel.getByTestId("retry").count(), 1);
      assert.equal(problemsOf(context).length, 1, "the problem is logged once");
    } finally {
      await close();
    }
  });

  test("retry fetches the file again: once it arrives whole, the widget shows it", async () => {
    let served = 0;
    const { page, context, close } = await open("?content=fixtures/part-2.json", {
      // The first answer is a server error; the second, the file.
      route: [
        "**/fixtures/part-2.json",
        (route) =>
          (served += 1) === 1
            ? route.fulfill({ status: 503, body: "busy" })
            : route.fulfill({ status: 200, contentType: "application/json", body: BUILT_IN }),
      ],
      expect: [/status of 503/, /\[imreform\] content fixtures\/part-2\.json: .*503/s],
    });
    try {
      const panel = page.getByTestId("error-panel");
      await panel.waitFor();
      assert.match(await panel.getByTestId("problems").textContent(), /503/);
      await panel.getByTestId("retry").click();
      await page.locator(LIVE_OVERVIEW).waitFor({ timeout: 5000 });
      assert.equal(await page.getByTestId("error-panel").count(), 0);
      assert.equal(await page.getByTestId("marker").count(), 7);
      assert.equal(served, 2, "fetched once more");
      assert.equal(problemsOf(context).length, 2, "the 503 and the content error, from the first try only");
    } finally {
      await close();
    }
  });

  test("a missing override file says so; a kiosk falls back to the built-in content", async () => {
    const notFound = [/status of 404/, /\[imreform\] content fixtures\/part-9\.json: .*404/s];
    const missing = await open("?content=fixtures/part-9.json", { expect: notFound });
    try {
      await missing.page.getByTestId("error-panel").waitFor();
      assert.match(await missing.page.getByTestId("problems").textContent(), /answered 404/);
    } finally {
      await missing.close();
    }
    const kiosk = await open("?content=fixtures/part-9.json&mode=kiosk", { expect: notFound });
    try {
      await kiosk.page.locator(LIVE_OVERVIEW).waitFor();
      assert.equal(await kiosk.page.getByTestId("error-panel").count(), 0);
    } finally {
      await kiosk.close();
    }
  });

  test("an override from another server or a script URL is ignored with a warning", async () => {
    for (const hostile of ["https://evil.example/x.json", "javascript:alert(1)", "//evil.example/a.json", "/\\evil.example/a.json"]) {
      const { page, errors, dialogs, warnings, requests, close } = await open(`?content=${encodeURIComponent(hostile)}`);
      try {
        await page.locator(LIVE_OVERVIEW).waitFor();
        await page.waitForLoadState("networkidle");
        assert.deepEqual([errors, dialogs], [[], []]);
        assert.deepEqual(requests.filter((url) => !url.startsWith(env.origin)), [], hostile);
        // Nothing but the page asked for the file, here or elsewhere.
        const fetched = requests.slice(1);
        assert.ok(fetched.every((url) => !/evil|\.json/.test(url)), fetched.join(" "));
        assert.ok(
          warnings.some((w) => w.startsWith("[imreform] ignored content=") && w.includes(hostile)),
          `${hostile}: warned ${JSON.stringify(warnings)}`,
        );
      } finally {
        await close();
      }
    }
  });

  test("hostile addresses never run script or break the widget", async () => {
    for (const query of [
      "?lang=%3Cscript%3Ealert(1)%3C/script%3E&theme=%22%3E%3Cimg%20src=x%3E",
      `#${"x".repeat(5000)}`,
      "?mode=embed&mode=kiosk&compact=maybe&id=%00%01",
      "#site=yili&site=wuhai&lang=en&lang=zh",
    ]) {
      const { page, errors, dialogs, close } = await open(query);
      try {
        await page.getByTestId("widget").waitFor();
        assert.deepEqual([errors, dialogs], [[], []], query.slice(0, 80));
        assert.equal(await page.locator("#imreform img").count(), 0);
      } finally {
        await close();
      }
    }
  });

  test("a crash shows a notice with a reload button, and the reload brings the widget back", async () => {
    const { page, context, close } = await open("#baotou", { expect: CRASH_PROBLEMS });
    try {
      await page.getByTestId("widget").waitFor();
      await crashWidget(page);
      const notice = page.locator("#imreform-crash");
      await notice.waitFor();
      assert.equal(await notice.getAttribute("role"), "alert");
      assert.match(await notice.textContent(), /出错了.*Something went wrong/);
      // Styled through the CSSOM, which the strict policy allows: fixed at the bottom, readable.
      const style = await notice.evaluate((el) => {
        const s = getComputedStyle(el);
        return { position: s.position, color: s.color, background: s.backgroundColor };
      });
      assert.deepEqual(style, { position: "fixed", color: "rgb(255, 255, 255)", background: "rgb(29, 35, 41)" });
      assert.ok(await notice.isVisible());
      for (const pattern of CRASH_PROBLEMS) {
        assert.ok(problemsOf(context).some((p) => pattern.test(p)), `logged: ${pattern}`);
      }
      // Not a kiosk: it waits for the reader, past the time a kiosk would have reloaded (8 s
      // after its notice, src/crash.rs), on the page's own clock.
      const shownAt = await page.evaluate(() => performance.now());
      await page.waitForFunction((since) => performance.now() - since > 8500, shownAt, { polling: 250 });
      assert.equal(await notice.count(), 1);
      await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: /Reload/ }).click()]);
      await page.getByTestId("marker").first().waitFor();
      assert.equal(await page.getByTestId("marker").count(), 7);
      assert.equal(await page.locator("#imreform-crash").count(), 0);
    } finally {
      await close();
    }
  });

  test("if the widget cannot start, the prerendered map stays, with a note, and its markers lead to the sites' pages", async () => {
    const context = await env.browser.newContext({ locale: "zh-CN" });
    expectProblems(context, /Failed to load resource: net::ERR_FAILED/, /\[imreform\] the interactive graphic could not start/);
    try {
      const page = await context.newPage();
      await page.route("**/widget-*_bg.wasm", (route) => route.abort());
      await page.goto(env.url);
      await page.locator(".imreform-failed").waitFor();
      const map = page.locator(".prerender:visible .map__svg:visible");
      assert.equal(await map.getByTestId("marker").count(), 7);
      assert.equal(await page.locator(".prerender:visible [data-testid=site]").count(), 7);
      assert.equal(await page.locator(".imreform-failed").getAttribute("role"), "alert");
      // As without JavaScript: a marker leads to its site's own page, with its story.
      await map.locator('[data-site="wuhai"]').click();
      // The page then names its site in its fragment (lang.js, inline: before the load event).
      await page.waitForURL((url) => url.href.replace(/#.*/, "") === pageOf(env.url, "wuhai", "zh"));
      const card = page.locator('.prerender:visible [data-testid=card][data-site="wuhai"]');
      assert.match(await card.textContent(), /6000余人次/);
    } finally {
      await context.close();
    }
  });
});
