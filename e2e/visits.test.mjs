// A kiosk's visit counts for its operator (issue 24 point 3): sessions and cards opened are
// counted on a kiosk only, kept in the browser's storage across reloads, shown at
// ?mode=kiosk&stats or on Ctrl+Alt+S, downloaded as CSV and reset after a confirmation, all
// without a network. Every wait is for a state.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { startBrowser, tapStill } from "./browser.mjs";

const KEY = "imreform.visits";
const marker = (page, site) => page.locator(`[data-testid=marker][data-site=${site}]`);

describe("visit counts", () => {
  let env;
  before(async () => {
    // The kiosk build (scripts/build-kiosk): the only one that counts.
    if (!existsSync("dist/kiosk/index.html")) throw new Error("dist/kiosk/ is missing: run scripts/build-kiosk after trunk build --release");
    // The reader's build beside it, at /reader/: it counts nothing whatever it is asked.
    env = await startBrowser({ dir: "dist/kiosk", also: [{ base: "/reader/", dir: "dist" }] });
  });
  after(() => env?.close());

  /** A kiosk on a touch screen: a Chinese browser, short idle time, slow attract slides. */
  async function kiosk(query = "", { init } = {}) {
    const context = await env.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: "zh-CN",
      hasTouch: true,
    });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${env.url}?mode=kiosk&idle=0.5&step=4${query}`);
    await live(page);
    return { page, context, warnings, close: () => context.close() };
  }

  /** Waits for the live widget (not the prerendered first paint): its kiosk hook is listening. */
  async function live(page) {
    await page.locator("[data-testid=widget] [data-testid=marker]").first().waitFor();
  }

  /**
   * A visitor's session: the touch that ends the attract loop, while it shows its first card
   * (so the kiosk is not left untouched, and the loop does not start again under the next
   * taps). The touch only stops the loop.
   */
  async function startSession(page) {
    await page.waitForFunction(
      () => document.querySelector("[data-testid=attract-prompt]") && document.querySelector("[data-testid=card]"),
      null,
      { timeout: 15_000 },
    );
    await tapStill(page.locator("[data-testid=widget] .widget__titles > .widget__title"));
    await page.getByTestId("attract-prompt").waitFor({ state: "detached" });
  }

  /** Opens `site`'s card with a tap on its marker, and waits for it. */
  async function open(page, site) {
    await tapStill(marker(page, site));
    await page.locator(`[data-testid=card][data-site=${site}]`).waitFor();
  }

  async function switchTo(page, name, tag) {
    await tapStill(page.getByRole("button", { name }));
    await page.locator(`[data-testid=widget][lang=${tag}]`).waitFor();
  }

  /** The sites the scripted visits open, by the names the operator's table gives them. */
  const SITES = { 乌海市: "wuhai", Wuhai: "wuhai", 伊利集团: "yili", "Yili Group": "yili" };

  /** What the operator's table shows: sessions, and per site [zh, en] where any are counted. */
  async function shown(page) {
    await page.getByTestId("stats").waitFor();
    const sessions = Number(await page.getByTestId("stats-sessions").getAttribute("data-count"));
    const rows = await page.locator("[data-testid=stats-table] tbody tr").evaluateAll((rows) =>
      rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
    );
    assert.equal(rows.length, 7, "every site, in the article's order");
    const cards = {};
    for (const [name, zh, en, total] of rows.filter(([, , , total]) => total !== "0")) {
      assert.equal(Number(zh) + Number(en), Number(total), name);
      cards[SITES[name] ?? name] = [Number(zh), Number(en)];
    }
    return { sessions, cards };
  }

  /**
   * The `nth` scripted visit: a session, Wuhai in Chinese, then Yili and Wuhai in English;
   * done when the counts are stored (they are written as the cards open; 0: not waited for).
   */
  async function visit(page, nth = 1) {
    await startSession(page);
    await open(page, "wuhai");
    await switchTo(page, "English", "en");
    await open(page, "yili");
    await open(page, "wuhai");
    if (nth) await stored(page, `wuhai,en,${nth}`);
  }

  /** Waits until the stored counts hold the card row `row` (site, language, count). */
  async function stored(page, row) {
    await page.waitForFunction(([key, row]) => (localStorage.getItem(key) ?? "").includes(`,card,${row}\r\n`), [KEY, row]);
  }

  const AFTER_ONE_VISIT = { sessions: 1, cards: { wuhai: [1, 1], yili: [0, 1] } };

  test("a visitor's session and cards are counted and survive a reload", async () => {
    const k = await kiosk();
    try {
      const { page } = k;
      await visit(page);
      // A reload (daily, or after a crash) keeps the address, and with it the visitor's English.
      await page.reload();
      await page.locator("[data-testid=widget][lang=en]").waitFor();
      // The operator's key, on a keyboard plugged into the kiosk: not a visitor's session.
      await page.keyboard.press("Control+Alt+KeyS");
      assert.deepEqual(await shown(page), AFTER_ONE_VISIT);
      assert.match(await page.getByTestId("stats-table").textContent(), /Wuhai/, "in the interface's language");
      // Closed, the kiosk runs on; the next visit adds to the counts.
      await page.getByTestId("stats-close").tap();
      await page.getByTestId("stats").waitFor({ state: "detached" });
      // The next visitor, after the kiosk's reset (the same address without the fragment).
      await page.goto(`${env.url}?mode=kiosk&idle=0.5&step=4`);
      await live(page);
      await visit(page, 2);
      await page.goto(`${env.url}?mode=kiosk&stats&lang=zh`);
      assert.deepEqual(await shown(page), { sessions: 2, cards: { wuhai: [2, 2], yili: [0, 2] } });
      assert.match(await page.getByTestId("stats-table").textContent(), /乌海/);
      assert.ok((await page.locator("[data-testid=stats-chart] svg rect").count()) > 0, "a bar chart");
    } finally {
      await k.close();
    }
  });

  test("the CSV download, offline: a byte-order mark, then every count as a row", async () => {
    const k = await kiosk();
    try {
      const { page, context } = k;
      await visit(page);
      // The operator's view in Chinese: the names in the download are too.
      await switchTo(page, "中文", "zh-Hans");
      await page.keyboard.press("Control+Alt+KeyS");
      await page.getByTestId("stats").waitFor();
      await context.setOffline(true);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("stats-download").tap()]);
      const bytes = await readFile(await download.path());
      const today = await page.evaluate(() => {
        const d = new Date();
        const two = (n) => String(n).padStart(2, "0");
        return { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, hour: d.getHours() };
      });
      assert.equal(download.suggestedFilename(), `imreform-visits-${today.date}.csv`);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte-order mark");
      const [header, ...lines] = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
      assert.equal(header, "date,hour,kind,site,language,count,name");
      const rows = lines.map((line) => line.split(","));
      // One hour's rows, unless the visit crossed an hour: then add them up.
      const total = (kind, site, language) =>
        rows.filter((r) => r[2] === kind && r[3] === site && r[4] === language).reduce((n, r) => n + Number(r[5]), 0);
      assert.equal(total("session", "", ""), 1);
      assert.equal(total("card", "wuhai", "zh"), 1);
      assert.equal(total("card", "wuhai", "en"), 1);
      assert.equal(total("card", "yili", "en"), 1);
      for (const row of rows) {
        assert.equal(row.length, 7, row.join(","));
        assert.equal(row[0], today.date);
        assert.ok(Number(row[1]) === today.hour || Number(row[1]) === (today.hour + 23) % 24, row.join(","));
      }
      const wuhai = rows.find((r) => r[3] === "wuhai");
      assert.match(wuhai[6], /乌海/, "the site's name, in Chinese, read back right");
    } finally {
      await k.close();
    }
  });

  test("reset asks first, and clears the counts (offline)", async () => {
    const k = await kiosk();
    try {
      const { page, context } = k;
      await visit(page);
      await page.keyboard.press("Control+Alt+KeyS");
      await context.setOffline(true);
      assert.deepEqual(await shown(page), AFTER_ONE_VISIT);
      await page.getByTestId("stats-reset").tap();
      await page.getByTestId("stats-confirm").waitFor();
      assert.deepEqual(await shown(page), AFTER_ONE_VISIT, "nothing cleared before the answer");
      await page.getByTestId("stats-cancel").tap();
      await page.getByTestId("stats-confirm").waitFor({ state: "detached" });
      assert.deepEqual(await shown(page), AFTER_ONE_VISIT, "cancelled");
      await page.getByTestId("stats-reset").tap();
      await page.getByTestId("stats-clear").tap();
      await page.locator("[data-testid=stats-sessions][data-count='0']").waitFor();
      assert.deepEqual(await shown(page), { sessions: 0, cards: {} });
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null);
      await context.setOffline(false);
      await page.reload();
      await live(page);
      await page.keyboard.press("Control+Alt+KeyS");
      assert.deepEqual(await shown(page), { sessions: 0, cards: {} }, "still clear after a reload");
    } finally {
      await k.close();
    }
  });

  test("nothing is counted outside kiosk mode, and no operator view is there", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    try {
      const page = await context.newPage();
      await page.goto(`${env.url}?stats`);
      await live(page);
      for (const site of ["wuhai", "yili", "baotou"]) {
        await marker(page, site).click();
        await page.locator(`[data-testid=card][data-site=${site}]`).waitFor();
      }
      await page.keyboard.press("Control+Alt+KeyS");
      await page.getByRole("button", { name: "English" }).click();
      await page.locator("[data-testid=widget][lang=en]").waitFor();
      assert.equal(await page.getByTestId("stats").count(), 0);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    } finally {
      await context.close();
    }
  });

  test("the reader's build counts nothing, and tells an operator who asks where the counts are", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "en-GB", hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${env.origin}/reader/?mode=kiosk&stats`);
      await live(page);
      const notice = page.getByTestId("no-counts");
      await notice.waitFor();
      assert.match(await notice.textContent(), /kiosk build \(kiosk\/\)/);
      assert.equal(await notice.getAttribute("role"), "alert");
      await page.keyboard.press("Control+Alt+KeyS");
      for (const site of ["wuhai", "yili"]) {
        await marker(page, site).click();
        await page.locator(`[data-testid=card][data-site=${site}]`).waitFor();
      }
      assert.equal(await page.getByTestId("stats").count(), 0, "no operator's view");
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], "nothing stored");
    } finally {
      await context.close();
    }
  });

  for (const [storage, why, init] of [
    [
      "refused",
      /the browser's storage is refused \(SecurityError/,
      () =>
        Object.defineProperty(window, "localStorage", {
          get() {
            throw new DOMException("The operation is insecure.", "SecurityError");
          },
        }),
    ],
    [
      "full",
      /the browser's storage is full or refused \(QuotaExceededError/,
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      },
    ],
  ]) {
    test(`storage ${storage}: reported once, and the kiosk works on without counting`, async () => {
      const k = await kiosk("", { init });
      try {
        const { page, warnings } = k;
        await visit(page, 0); // nothing to wait for: nothing can be stored
        await page.keyboard.press("Control+Alt+KeyS");
        assert.deepEqual(await shown(page), { sessions: 0, cards: {} });
        const reports = warnings.filter((w) => w.includes("visit counts are not kept"));
        assert.equal(reports.length, 1, warnings.join("\n"));
        assert.match(reports[0], why);
      } finally {
        await k.close();
      }
    });
  }

  test("unreadable stored counts are reported and replaced", async () => {
    const k = await kiosk();
    try {
      const { page, warnings } = k;
      await page.evaluate((key) => localStorage.setItem(key, '{"rows": "not ours"}'), KEY);
      await page.keyboard.press("Control+Alt+KeyS");
      assert.deepEqual(await shown(page), { sessions: 0, cards: {} });
      assert.ok(warnings.some((w) => /stored visit counts .* were not readable \(line 1: expected the header/.test(w)), warnings.join("\n"));
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), null, "replaced");
      await page.getByTestId("stats-close").tap();
      await visit(page);
    } finally {
      await k.close();
    }
  });
});
