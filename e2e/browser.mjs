// Shared set-up for the end-to-end specs: the served release build, the system Chromium, and a
// page object that records what a reader's browser would show and fetch.
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

/** The policy a careful news site would set; the widget must run under it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export async function startBrowser({ also = [], csp } = {}) {
  const server = await serve({ dir: "dist", base: BASE_PATH, also, csp });
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
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A page that remembers console errors, page errors and every request it made. */
export async function openWidget(
  env,
  { width = 1280, height = 800, query = "", locale = "zh-CN", colorScheme = "light" } = {},
) {
  // A Chinese-language browser unless a test says otherwise: the widget follows the browser.
  const context = await env.browser.newContext({ viewport: { width, height }, locale, colorScheme });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(env.url + query);
  await page.getByTestId("widget").waitFor();
  return {
    page,
    errors,
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
