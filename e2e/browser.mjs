// Shared set-up for the end-to-end specs: the served release build, the system Chromium, and a
// page object that records what a reader's browser would show and fetch.
//
// Every spec runs under the strict content-security policy (STRICT_CSP, on every response of
// the test server), and every browser context a spec opens (through `openWidget` or straight
// through `env.browser.newContext`) records its console errors, uncaught page errors and CSP
// violations, in the page and in every frame. After each test, any problem the test did not
// declare with `expectProblems` fails it: a reader's console must stay clean.
import { readFileSync } from "node:fs";
import { afterEach } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";

// Flags that keep Chromium quiet on a closed network and let it run as root.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Served from a sub-path, as a news site would, to prove the build uses relative URLs only.
export const BASE_PATH = "/graphics/2026/imreform/";
export const ARTIFACTS = new URL("./artifacts/", import.meta.url).pathname;

/** The built-in content's site ids in the article's order: the one list the specs use. */
export const SITES = JSON.parse(readFileSync(new URL("../assets/content.json", import.meta.url), "utf8"))
  .sites.toSorted((a, b) => a.number - b.number)
  .map((site) => site.id);

/** A site's own page in a language beside the widget's page in `folder` (src/share.rs page_file). */
export const pageOf = (folder, site, lang) => `${folder}${site}${lang === "en" ? ".en" : ""}.html`;

/** The policy a careful news site would set; the widget must run under it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Problems recorded since the last test ended: { context, text }. */
const problems = [];
/** Per context: the patterns of problems its test expects (and asserts itself). */
const expected = new WeakMap();

/**
 * Declares problems `context` (a BrowserContext, or a widget from `openWidget`) is expected to
 * log, e.g. the 404 of a missing file a test asks for. Anything else still fails the test.
 */
export function expectProblems(context, ...patterns) {
  const ctx = context.context ?? context;
  expected.set(ctx, [...(expected.get(ctx) ?? []), ...patterns]);
}

/** The problems recorded for `context` so far (expected or not). */
export function problemsOf(context) {
  const ctx = context.context ?? context;
  return problems.filter((p) => p.context === ctx).map((p) => p.text);
}

afterEach(() => {
  const unexpected = problems
    .filter((p) => !(expected.get(p.context) ?? []).some((pattern) => pattern.test(p.text)))
    .map((p) => p.text);
  problems.length = 0;
  if (unexpected.length) {
    throw new Error(`console errors, page errors or CSP violations:\n  ${unexpected.join("\n  ")}`);
  }
});

/** Runs in every frame before its own scripts: CSP violations become console errors. */
function reportCspViolations() {
  addEventListener("securitypolicyviolation", (e) =>
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
  );
}

/** Makes every context of `browser` record its problems. */
function recordProblems(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(reportCspViolations);
    context.on("console", (msg) => {
      if (msg.type() === "error") problems.push({ context, text: `console: ${msg.text()}` });
    });
    context.on("weberror", (err) => problems.push({ context, text: `page error: ${err.error()}` }));
    return context;
  };
  return browser;
}

/**
 * Serves `dir` (the reader's build, dist/, unless a spec asks for the kiosk build in
 * dist/kiosk/) and `also`'s folders under `csp` (the strict policy unless a spec says
 * otherwise) and launches Chromium.
 */
export async function startBrowser({ dir = "dist", also = [], csp = STRICT_CSP } = {}) {
  const server = await serve({ dir, base: BASE_PATH, also, csp });
  // Playwright gives every launch a fresh, empty profile of its own.
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    url: server.url,
    origin: server.origin,
    browser: recordProblems(browser),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page that remembers console errors and warnings, page errors and every request it made
 * (from before it navigates).
 */
export async function openWidget(
  env,
  { width = 1280, height = 800, query = "", locale = "zh-CN", colorScheme = "light", ...options } = {},
) {
  // A Chinese-language browser unless a test says otherwise: the widget follows the browser.
  const context = await env.browser.newContext({ viewport: { width, height }, locale, colorScheme, ...options });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
    if (msg.type() === "warning") warnings.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(env.url + query);
  await page.getByTestId("widget").waitFor();
  return {
    page,
    context,
    errors,
    warnings,
    requests,
    siteNames: () => page.locator("[data-testid=site] [data-lang=zh]").allTextContents(),
    close: () => context.close(),
  };
}

/** Waits until `locator`'s attribute `name` equals `value` (the widget renders asynchronously). */
export async function untilAttribute(locator, name, value, timeout = 5000) {
  const handle = await locator.elementHandle({ timeout });
  await locator.page().waitForFunction(
    ([element, n, v]) => element.getAttribute(n) === v,
    [handle, name, value],
    { timeout },
  );
  return value;
}

/** What a real panic logs (Yew's message, our hook's, and the trap that ends the module). */
export const CRASH_PROBLEMS = [
  /failed to insert node before next sibling/,
  /\[imreform\] crashed: panicked at .*failed to insert node before next sibling/s,
  /RuntimeError: unreachable/,
];

/**
 * Makes the widget panic for real, as a page-translation extension can: with Baotou's card
 * open, removes the card's previous/next steps behind Yew's back, then opens Wuhai, whose story
 * (a scroller of its own, keyed by site) Yew inserts before those steps. Yew panics ("failed
 * to insert node before next sibling"), so the panic hook runs in the release build.
 */
export async function crashWidget(page, select = (site) => page.locator(`[data-testid=marker][data-site=${site}]`).click()) {
  await page.locator("[data-testid=card][data-site=baotou] .card__nav").waitFor();
  await page.evaluate(() => document.querySelector("[data-testid=card] .card__nav").remove());
  await select("wuhai");
}

/** Resolves `promise`, or fails with `what` after `ms` (a bound for a failure to report, not a wait). */
export async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what}: not within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until `locator`'s element holds still and is what a finger at its centre would touch:
 * its box the same on `frames` consecutive animation frames (a map laid out again, a card
 * sliding in, a scroll, all move it) and nothing else at its centre. Returns that box. If the
 * element is replaced while it waits (a re-render), waits for the new one.
 */
export async function untilStill(locator, { frames = 3, timeout = 30_000 } = {}) {
  let given = false;
  const still = async () => {
    while (!given) {
      await locator.waitFor();
      // On screen first (inside any scrolling box), as a finger would find it.
      await locator.scrollIntoViewIfNeeded().catch(() => {});
      const box = await locator
        .evaluate(
          (el, frames) =>
            new Promise((resolve) => {
              let last = null;
              let same = 0;
              const check = () => {
                if (!el.isConnected) return resolve(null);
                const r = el.getBoundingClientRect();
                const box = { x: r.x, y: r.y, width: r.width, height: r.height };
                const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                const unchanged = last && Object.keys(box).every((k) => box[k] === last[k]);
                same = unchanged && r.width > 0 && hit && el.contains(hit) ? same + 1 : 0;
                last = box;
                if (same >= frames) resolve(box);
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
          frames,
        )
        .catch(() => null); // detached between waitFor and evaluate
      if (box) return box;
    }
    return null;
  };
  const waiting = still();
  waiting.catch(() => {}); // a page closed after the wait was given up
  try {
    return await within(waiting, timeout, `${locator} holding still and uncovered`);
  } finally {
    given = true;
  }
}

/**
 * A finger on the middle of `locator` once it holds still (see `untilStill`), as a touch screen
 * sends it. Returns the box it tapped.
 */
export async function tapStill(locator, options) {
  const box = await untilStill(locator, options);
  await locator.page().touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  return box;
}

/** Resolves after `n` animation frames in `page` (for a render to reach the screen). */
export async function frames(page, n = 2) {
  await page.evaluate(
    (n) =>
      new Promise((done) => {
        const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
        step(n);
      }),
    n,
  );
}

/**
 * Resolves once `frame`'s document has gone `n` animation frames without a DOM change or a
 * layout shift: whatever a render, a measurement or a re-layout was going to do is done.
 */
export async function quiet(frame, n = 10) {
  await frame.evaluate(
    (n) =>
      new Promise((done) => {
        let calm = 0;
        const changed = () => (calm = 0);
        const mutations = new MutationObserver(changed);
        mutations.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
        const shifts = new PerformanceObserver(changed);
        shifts.observe({ type: "layout-shift" });
        const tick = () => {
          if (++calm > n) {
            mutations.disconnect();
            shifts.disconnect();
            done();
          } else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    n,
  );
}
