// Kiosk on one screen (issue 17), under the strict content-security policy: at 1920x1080,
// 1080x1920, 1366x768 and 3840x2160 the page never scrolls, with the overview or any card open,
// in either language; map, the seven sites and the card are all on screen; type is measured as
// drawn (SVG text through its screen transform); in portrait every control but the markers and
// site entries is in the lower half; a long card scrolls inside itself with a cue; a screenshot's
// QR code decodes (Debian's zbarimg) to the site's link in the card's language; and the attract
// loop runs in both languages. The kiosk runs from a copy of dist/ published with its public
// address (e2e/published.mjs), as an operator sets it up. Screenshots go to
// e2e/artifacts/kiosk-screen-*.png.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ARTIFACTS, BASE_PATH, SITES, STRICT_CSP, frames, startBrowser, tapStill, untilStill, pageOf } from "./browser.mjs";
import { decodeQr as decode, publish, setPublicUrl } from "./published.mjs";

const SHARE = "https://example.org/graphics/imreform/";
const SIZES = [
  [1920, 1080],
  [1080, 1920],
  [1366, 768],
  [3840, 2160],
];
const LANGS = { zh: "zh-Hans", en: "en" };

/** 55-inch 16:9 screen: millimetres per CSS px at this resolution (src/share.rs mm_per_px). */
const mmPerPx = (width, height) => (55 * 25.4) / Math.hypot(width, height);

/** Body text 20 px and everything else 18 px at 1080 px (the screen's shorter side), scaling with it. */
function typeMinimum(width, height) {
  const scale = Math.min(width, height) / 1080;
  return { body: 20 * scale, other: 18 * scale };
}

/** Runs in the page: the document's scroll, and where the parts of the screen are. */
function screenState() {
  const doc = document.scrollingElement;
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height };
  };
  const one = (selector) => {
    const el = document.querySelector(selector);
    return el ? box(el) : null;
  };
  return {
    scroll: { height: doc.scrollHeight, clientHeight: doc.clientHeight, width: doc.scrollWidth, clientWidth: doc.clientWidth },
    viewport: { width: innerWidth, height: innerHeight },
    map: one("[data-testid=map] .map__svg"),
    sites: [...document.querySelectorAll("[data-testid=site]")].map(box),
    card: one("[data-testid=card], [data-testid=overview]"),
    lang: one("[data-testid=lang-switch]"),
    story: (() => {
      const s = document.querySelector(".card__scroll");
      return { scrollHeight: s.scrollHeight, clientHeight: s.clientHeight };
    })(),
  };
}

/** Runs in the page: every text inside `selector` with the size it is drawn at on screen. */
function drawnText(selector) {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || el.closest(".visually-hidden")) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.display === "none") continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    let px;
    if (el instanceof SVGElement) {
      // The font size in the SVG's user units, through the transform to the screen.
      const m = el.getScreenCTM();
      px = parseFloat(style.fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    } else {
      // The computed size through every transform on the way up.
      let scale = 1;
      for (let a = el; a; a = a.parentElement) {
        const t = getComputedStyle(a).transform;
        if (t && t !== "none") {
          const m = new DOMMatrix(t);
          scale *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
        }
      }
      px = parseFloat(style.fontSize) * scale;
    }
    const body = Boolean(el.closest(".card__summary, .practices dd, .context li, .card__headline"));
    out.push({ text: text.slice(0, 30), px: Math.round(px * 100) / 100, body, svg: el instanceof SVGElement, where: el.className?.baseVal ?? el.className });
  }
  return out;
}

/** Runs in the page: controls other than markers and site entries, with the part of each that
 * shows (clipped by any scrolling box around it). */
function controls() {
  const out = [];
  for (const el of document.querySelectorAll("button, a[href], [role=button], input, select, textarea")) {
    if (el.closest("[data-testid=marker], [data-testid=site], .visually-hidden")) continue;
    let r = el.getBoundingClientRect();
    let { top, bottom, left, right } = r;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowY !== "visible" || s.overflowX !== "visible") {
        const c = a.getBoundingClientRect();
        top = Math.max(top, c.top);
        bottom = Math.min(bottom, c.bottom);
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
      }
    }
    if (bottom - top <= 0 || right - left <= 0 || getComputedStyle(el).visibility !== "visible") continue;
    out.push({ name: (el.getAttribute("aria-label") ?? el.textContent).trim().slice(0, 30), top, bottom });
  }
  return out;
}

function assertOneScreen(state, label) {
  const { scroll, viewport } = state;
  assert.ok(scroll.height <= scroll.clientHeight, `${label}: the page scrolls (${scroll.height} > ${scroll.clientHeight} px)`);
  assert.ok(scroll.width <= scroll.clientWidth, `${label}: the page scrolls sideways (${scroll.width} px)`);
  const inside = (b, name) => {
    assert.ok(b, `${label}: no ${name}`);
    assert.ok(
      b.top >= -0.5 && b.left >= -0.5 && b.bottom <= viewport.height + 0.5 && b.right <= viewport.width + 0.5 && b.height > 0,
      `${label}: ${name} is not on screen (${JSON.stringify(b)})`,
    );
  };
  inside(state.map, "map");
  assert.equal(state.sites.length, 7, `${label}: seven site entries`);
  state.sites.forEach((b, i) => inside(b, `site entry ${i + 1}`));
  inside(state.card, "card");
  inside(state.lang, "language switch");
  // The map is a map, not a thumbnail: at least a third of the screen's shorter side.
  assert.ok(state.map.height >= Math.min(viewport.width, viewport.height) / 3, `${label}: map ${state.map.height} px tall`);
}

function assertType(texts, { body, other }, label) {
  assert.ok(texts.length > 20, `${label}: found the text`);
  const tooSmall = texts.filter((t) => t.px < (t.body ? body : other) - 0.05);
  assert.deepEqual(tooSmall, [], `${label}: text below ${body.toFixed(1)} px (body) / ${other.toFixed(1)} px (other)`);
  assert.ok(texts.some((t) => t.body), `${label}: body text measured`);
}

/** Runs in the page: how much of the "more below" cue shows, 0 to 1. The cue (the story's ::after)
 * is pinned to the story's foot; the story's last paragraph, opaque, covers it as it comes up. */
function cueShown() {
  const story = document.querySelector(".card__scroll");
  const after = getComputedStyle(story, "::after");
  if (after.display !== "block" || after.content !== '"▼"' || after.visibility !== "visible") return 0;
  const height = parseFloat(after.height);
  const cover = story.lastElementChild.getBoundingClientRect();
  const box = story.getBoundingClientRect();
  const foot = box.top + story.clientTop + story.clientHeight;
  // Sticky: at its place after the last paragraph, or pinned to the foot when that is below it.
  const top = Math.min(cover.bottom - height, foot - height);
  return Math.round((100 * Math.max(0, Math.min(top + height, cover.top) - top)) / height) / 100;
}

/** Waits until no animation or transition is under way (the card fades in as it opens). */
async function settled(page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
}

describe("kiosk on one screen", () => {
  let env;
  // dist/ published at SHARE; at this server's own address (as localhost: the widget takes
  // no numeric host); at a numeric address it refuses; and dist/ as built, with none.
  const published = publish("kiosk", SHARE);
  const local = publish("kiosk-local");
  const numeric = publish("kiosk-numeric", "http://127.0.0.1:8080/imreform/");
  before(async () => {
    env = await startBrowser({ csp: STRICT_CSP, also: [published, local, numeric] });
    setPublicUrl(local.dir, `${env.origin.replace("127.0.0.1", "localhost")}${local.base}`);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(() => env?.close());

  async function kiosk([width, height], query = "", base = published.base) {
    const context = await env.browser.newContext({ viewport: { width, height }, locale: "zh-CN", hasTouch: true });
    const page = await context.newPage();
    const errors = [];
    const warnings = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
      if (m.type() === "warning") warnings.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    // Long idle and reset times: nothing moves while the test measures.
    await page.goto(`${env.origin}${base}?mode=kiosk&idle=600&reset=600${query}`);
    await page.getByTestId("widget").waitFor();
    await page.getByTestId("marker").first().waitFor();
    return { page, errors, warnings, close: () => context.close() };
  }

  /** Shows `site` (or the overview) in `lang` the way a visitor would, and waits for its charts. */
  async function show(page, site, lang) {
    const widget = page.getByTestId("widget");
    if ((await widget.getAttribute("lang")) !== LANGS[lang]) {
      await tapStill(page.getByTestId("lang-switch").getByRole("button", { name: lang === "zh" ? "中文" : "English" }));
      await page.locator(`[data-testid=widget][lang=${LANGS[lang]}]`).waitFor();
    }
    if (site) {
      if ((await page.locator(`[data-testid=card][data-site=${site}]`).count()) === 0) {
        await tapStill(page.locator(`[data-testid=site][data-site=${site}] button`));
        await page.locator(`[data-testid=card][data-site=${site}]`).waitFor();
      }
    } else if ((await page.getByTestId("overview").count()) === 0) {
      await tapStill(page.getByTestId("card-close"));
      await page.getByTestId("overview").waitFor();
    }
    // Charts are drawn once their box is measured, at its width and font size.
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".chart__plot")].every((plot) => {
        const svg = plot.querySelector("svg");
        return svg && Math.abs(svg.getBoundingClientRect().width - plot.clientWidth) < 1;
      }),
    );
    await frames(page, 2);
  }

  for (const size of SIZES) {
    const [width, height] = size;
    const name = `${width}x${height}`;
    test(`${name}: one screen with the overview and every card, type as large as asked for, in both languages`, async () => {
      const k = await kiosk(size);
      try {
        const { page } = k;
        const minimum = typeMinimum(width, height);
        const longest = {};
        for (const lang of ["zh", "en"]) {
          for (const site of [null, ...SITES]) {
            await show(page, site, lang);
            const label = `${name} ${lang} ${site ?? "overview"}`;
            const state = await page.evaluate(screenState);
            assertOneScreen(state, label);
            // Everything on the screen, the card's charts included, at the size asked for.
            assertType(await page.evaluate(drawnText, "[data-testid=widget]"), minimum, label);
            // Charts are laid out at the width they are shown at: their text is drawn, not scaled.
            const scaled = await page.evaluate(() =>
              [...document.querySelectorAll(".chart__svg")]
                .map((svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)
                .filter((s) => Math.abs(s - 1) > 0.01),
            );
            assert.deepEqual(scaled, [], `${label}: charts scaled by CSS`);
            if (site && state.story.scrollHeight > (longest[lang]?.scrollHeight ?? 0)) {
              longest[lang] = { site, scrollHeight: state.story.scrollHeight };
            }
          }
          // The longest story, for the screenshots and the cue at its foot.
          const { site } = longest[lang];
          await show(page, site, lang);
          // A cue shows there is more below.
          assert.equal(await page.evaluate(cueShown), 1, `${name} ${lang} ${site}: no cue at the story's foot`);
          await settled(page);
          await page.screenshot({ path: `${ARTIFACTS}kiosk-screen-${name}-${lang}-${site}.png` });
          await page.evaluate(() => {
            const story = document.querySelector(".card__scroll");
            story.scrollTop = story.scrollHeight;
          });
          await frames(page, 2);
          assert.equal(await page.evaluate(cueShown), 0, `${name} ${lang} ${site}: the cue stays at the story's end`);
          assertOneScreen(await page.evaluate(screenState), `${name} ${lang} ${site} scrolled to its end`);
          await page.evaluate(() => {
            document.querySelector(".card__scroll").scrollTop = 0;
          });
        }
        await show(page, null, "zh");
        await settled(page);
        await page.screenshot({ path: `${ARTIFACTS}kiosk-screen-${name}-zh-overview.png` });
        console.log(`${name}: longest stories ${JSON.stringify(longest)}`);
        assert.deepEqual(k.errors, []);
      } finally {
        await k.close();
      }
    });
  }

  for (const size of SIZES) {
    const [width, height] = size;
    test(`${width}x${height}: the language switch is within reach, in the lower half of the screen`, async () => {
      const k = await kiosk(size);
      try {
        const lang = await k.page.getByTestId("lang-switch").boundingBox();
        assert.ok(lang.y >= height / 2, `the language switch starts at ${lang.y} px of ${height}`);
        for (const button of await k.page.getByTestId("lang-switch").getByRole("button").all()) {
          const b = await button.boundingBox();
          assert.ok(Math.min(b.width, b.height) >= 48, `language button ${b.width}x${b.height}`);
        }
      } finally {
        await k.close();
      }
    });
  }

  for (const size of [
    [1080, 1920],
    [768, 1366],
    [2160, 3840],
  ]) {
    const [width, height] = size;
    test(`portrait ${width}x${height}: every control but the markers and site entries is in the lower half`, async () => {
      const k = await kiosk(size);
      try {
        const { page } = k;
        const middle = height / 2;
        const check = async (label) => {
          const above = (await page.evaluate(controls)).filter((c) => c.top < middle);
          assert.deepEqual(above, [], `${label}: controls above the middle (${middle} px)`);
        };
        for (const lang of ["zh", "en"]) {
          for (const site of [null, "baotou-steel", "alxa-hi-tech-zone"]) {
            await show(page, site, lang);
            await check(`${lang} ${site ?? "overview"}`);
            // Scrolled down, what scrolls out of the story stays out of sight and out of reach.
            await page.evaluate(() => {
              const story = document.querySelector(".card__scroll");
              story.scrollTop = story.scrollHeight / 2;
            });
            await check(`${lang} ${site ?? "overview"}, story scrolled`);
            await page.evaluate(() => {
              document.querySelector(".card__scroll").scrollTop = 0;
            });
          }
        }
        assert.deepEqual(k.errors, []);
      } finally {
        await k.close();
      }
    });
  }

  test("portrait: the countdown's 'stay' is in the lower half too", async () => {
    // The countdown shows from the touch on and resets the card 4 s later.
    const k = await kiosk([1080, 1920], "&reset=4");
    try {
      const { page } = k;
      // Measured while the countdown shows: if the reset came first (a slow machine), the
      // measurement is taken again, from a new touch.
      let measured = null;
      for (let attempt = 1; !measured; attempt++) {
        if ((await page.locator("[data-testid=card][data-site=yili]").count()) === 0) {
          await tapStill(page.locator("[data-testid=site][data-site=yili] button"));
        }
        const handle = await page.getByTestId("stay").elementHandle({ timeout: 10_000 }).catch(() => null);
        const box = await handle?.boundingBox();
        const above = (await page.evaluate(controls)).filter((c) => c.top < 960);
        if (box && (await handle.evaluate((el) => el.isConnected))) measured = { box, above };
        else assert.ok(attempt < 5, "the countdown never stayed long enough to be measured");
      }
      assert.ok(measured.box.y >= 960, `'stay' at ${measured.box.y} px`);
      assert.deepEqual(measured.above, []);
    } finally {
      await k.close();
    }
  });

  for (const size of [
    [1920, 1080],
    [1080, 1920],
  ]) {
    const [width, height] = size;
    for (const theme of ["light", "dark"]) {
      test(`${width}x${height} ${theme}: a screenshot's QR code opens the site in the card's language`, async () => {
        const k = await kiosk(size, `&theme=${theme}`);
        try {
          const { page } = k;
          for (const [site, lang] of [
            ["baotou-steel", "zh"],
            ["alxa-hi-tech-zone", "en"],
            ["wuhai", "en"],
            ["yili", "zh"],
          ]) {
            await show(page, site, lang);
            const qr = page.getByTestId("share");
            const box = await page.locator(".card__qr").boundingBox();
            // At least 3 cm on a 55-inch screen, and large enough to scan from a step away.
            const mm = box.width * mmPerPx(width, height);
            assert.ok(box.width >= 160 && mm >= 30, `QR code ${box.width} px = ${mm.toFixed(0)} mm`);
            assert.ok(box.y >= 0 && box.y + box.height <= height && box.x + box.width <= width, "on screen");
            assert.equal(
              (await qr.locator("figcaption").textContent()).trim(),
              "扫码带走这个故事 · Scan to take this story with you",
            );
            const png = `${ARTIFACTS}kiosk-screen-qr-${width}x${height}-${theme}-${lang}-${site}.png`;
            await settled(page);
            await page.screenshot({ path: png });
            assert.deepEqual(decode(png), [pageOf(SHARE, site, lang)], `${site} ${lang}`);
          }
          assert.deepEqual(k.errors, []);
        } finally {
          await k.close();
        }
      });
    }
  }

  test("the link the code carries opens that site in that language", async () => {
    const k = await kiosk([1920, 1080], "", local.base);
    try {
      const { page } = k;
      await show(page, "zalantun", "en");
      const png = `${ARTIFACTS}kiosk-screen-qr-own-page.png`;
      await settled(page);
      await page.locator(".card__take").screenshot({ path: png });
      const [link] = decode(png);
      assert.ok(link.endsWith(`${local.base}zalantun.en.html`), link);
      const visitor = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
      try {
        const phone = await visitor.newPage();
        await phone.goto(link);
        await phone.locator("[data-testid=card][data-site=zalantun]").waitFor();
        assert.equal(await phone.getByTestId("widget").getAttribute("lang"), "en");
      } finally {
        await visitor.close();
      }
    } finally {
      await k.close();
    }
  });

  test("without a public address, or with one that is not one, no QR code; the rest works", async () => {
    for (const [base, query, warning] of [
      [BASE_PATH, "", null],
      [BASE_PATH, `&share=${encodeURIComponent(SHARE)}`, /ignored share in the address/],
      [numeric.base, "", /ignored share="http:\/\/127\.0\.0\.1:8080\/imreform\/": expected an absolute http\(s\) address .*its host is a number/],
    ]) {
      const k = await kiosk([1920, 1080], query, base);
      try {
        const { page } = k;
        await show(page, "wuhai", "zh");
        assert.equal(await page.getByTestId("share").count(), 0, query);
        assert.ok(await page.getByTestId("card-next").isVisible());
        assertOneScreen(await page.evaluate(screenState), query || "no share");
        if (warning) assert.ok(k.warnings.some((w) => warning.test(w)), `${query}: ${k.warnings.join(" | ")}`);
        assert.deepEqual(k.errors, []);
      } finally {
        await k.close();
      }
    }
  });

  test("a story that fits shows no cue", async () => {
    const k = await kiosk([1920, 1080]);
    try {
      const { page } = k;
      await show(page, "wuhai", "zh");
      assert.equal(await page.evaluate(cueShown), 1, "a long story has its cue");
      const fits = await page.evaluate(async () => {
        const story = document.querySelector(".card__scroll");
        // Only the headline and the source line left: nothing to scroll.
        for (const child of [...story.children].slice(1, -1)) child.remove();
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return story.scrollHeight <= story.clientHeight;
      });
      assert.ok(fits, "the story fits");
      assert.equal(await page.evaluate(cueShown), 0);
    } finally {
      await k.close();
    }
  });

  for (const size of [
    [1920, 1080],
    [1080, 1920],
  ]) {
    const [width, height] = size;
    test(`${width}x${height}: before the wasm runs, the prerendered first paint is already the one screen`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height }, locale: "zh-CN", hasTouch: true });
      const page = await context.newPage();
      const errors = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      // The wasm arrives late, as on a slow start-up.
      let release;
      const held = new Promise((done) => (release = done));
      await page.route("**/widget-*_bg.wasm", async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(`${env.url}?mode=kiosk&lang=en`);
        await page.locator(".prerender[data-lang=en] [data-testid=site]").first().waitFor();
        const state = await page.evaluate(() => {
          const doc = document.scrollingElement;
          const shown = (selector) => {
            const el = [...document.querySelectorAll(selector)].find((e) => e.getBoundingClientRect().width > 0);
            const r = el.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
          };
          return {
            scroll: [doc.scrollHeight, doc.clientHeight],
            live: document.querySelectorAll("[data-testid=widget]").length,
            lang: shown(".prerender[data-lang=en] .lang"),
            card: shown(".prerender[data-lang=en] .card"),
            sites: [...document.querySelectorAll(".prerender[data-lang=en] [data-testid=site]")].map((e) => e.getBoundingClientRect().bottom),
          };
        });
        assert.equal(state.live, 0, "still the prerender");
        assert.ok(state.scroll[0] <= state.scroll[1], `the first paint scrolls: ${state.scroll}`);
        assert.ok(state.lang.top >= height / 2 && state.lang.bottom <= height, `language switch ${JSON.stringify(state.lang)}`);
        assert.ok(state.card.bottom <= height && state.card.right <= width, `card ${JSON.stringify(state.card)}`);
        assert.ok(state.sites.length === 7 && state.sites.every((b) => b <= height), `sites ${state.sites}`);
        release();
        await page.getByTestId("widget").waitFor();
        await page.getByTestId("marker").first().waitFor();
        assertOneScreen(await page.evaluate(screenState), "after the takeover");
        assert.deepEqual(errors, []);
      } finally {
        release();
        await context.close();
      }
    });
  }

  /** Runs in the page: the map's box and every marker's touch target, on screen. */
  function mapBoxes() {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const svg = document.querySelector("[data-testid=widget] .map__svg");
    return {
      map: box(svg),
      laidOutFor: Number(svg.getAttribute("width")),
      markers: Object.fromEntries([...svg.querySelectorAll("[data-testid=marker]")].map((m) => [m.dataset.site, box(m.querySelector(".marker__hit"))])),
    };
  }

  /** The boxes of `b` that differ from `a`'s by more than 1 px, named. */
  function moved(a, b) {
    const off = (p, q) => ["x", "y", "width", "height"].some((k) => Math.abs(p[k] - q[k]) > 1);
    return [
      ...(off(a.map, b.map) ? [`map ${JSON.stringify(a.map)} -> ${JSON.stringify(b.map)}`] : []),
      ...Object.keys(a.markers)
        .filter((site) => !b.markers[site] || off(a.markers[site], b.markers[site]))
        .map((site) => `${site} ${JSON.stringify(a.markers[site])} -> ${JSON.stringify(b.markers[site])}`),
    ];
  }

  for (const size of SIZES) {
    const [width, height] = size;
    test(`${width}x${height}: the map and every marker are where they are in either language`, async () => {
      const k = await kiosk(size);
      try {
        const { page } = k;
        let first = null;
        for (const site of [null, "alxa-hi-tech-zone"]) {
          for (const lang of ["zh", "en", "zh"]) {
            await show(page, site, lang);
            // Laid out for the width it is drawn at, and holding still.
            await page.waitForFunction(() => {
              const svg = document.querySelector("[data-testid=widget] .map__svg");
              return Math.abs(svg.getBoundingClientRect().width - Number(svg.getAttribute("width"))) <= 1;
            });
            await untilStill(page.locator("[data-testid=widget] .map__svg"));
            const now = await page.evaluate(mapBoxes);
            assert.equal(Object.keys(now.markers).length, 7, "seven markers");
            first ??= { ...now, what: `${lang} ${site ?? "overview"}` };
            assert.deepEqual(moved(first, now), [], `${width}x${height}: from ${first.what} to ${lang} ${site ?? "overview"}`);
          }
        }
        assert.deepEqual(k.errors, []);
      } finally {
        await k.close();
      }
    });
  }

  for (const size of [
    [1920, 1080],
    [1080, 1920],
  ]) {
    const [width, height] = size;
    test(`${width}x${height}: a whole attract loop, both languages, shifts no layout and moves no marker`, async () => {
      const k = await kiosk(size, "&idle=0.5&step=0.3");
      try {
        const { page } = k;
        // From the loop's first slide on: every layout shift the browser reports, and the map
        // and markers at each slide.
        await page.getByTestId("attract-prompt").waitFor();
        // (Defined through DevTools, which the page's CSP does not apply to; the page itself may not eval.)
        await page.evaluate(`window.mapBoxes = ${mapBoxes}`);
        await page.evaluate(() => {
          window.shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              window.shifts.push({
                value: entry.value,
                at: entry.startTime,
                moved: entry.sources.map((s) => `${s.node?.nodeName}.${s.node?.className?.baseVal ?? s.node?.className ?? ""}`),
              });
            }
          }).observe({ type: "layout-shift" });
          const widget = document.querySelector("[data-testid=widget]");
          const seen = () => `${widget.lang} ${widget.querySelector("[data-testid=card]")?.dataset.site ?? "overview"}`;
          window.slides = [];
          window.boxes = [];
          new MutationObserver(() => {
            const now = seen();
            if (window.slides.at(-1) !== now) {
              window.slides.push(now);
              window.boxes.push([now, window.mapBoxes()]);
            }
          }).observe(widget, { subtree: true, childList: true, attributes: true });
        });
        // Round both languages and back to the first (a busy machine may skip a slide whose
        // time passed: a whole loop is a Chinese slide, English ones, then Chinese again).
        await page.waitForFunction(
          () => {
            const en = window.slides.findIndex((s) => s.startsWith("en"));
            return en > 0 && window.slides.slice(en).some((s) => s.startsWith("zh-Hans")) && new Set(window.slides).size >= 12;
          },
          null,
          { timeout: 120_000 },
        );
        // The last slide's layout done (a shift is reported after the frame it happens in).
        await frames(page, 3);
        const { shifts, boxes, slides } = await page.evaluate(() => ({ shifts: window.shifts, boxes: window.boxes, slides: window.slides }));
        const cls = shifts.reduce((sum, s) => sum + s.value, 0);
        assert.equal(cls, 0, `layout shift ${cls.toFixed(4)} over ${slides.length} slides: ${JSON.stringify(shifts).slice(0, 600)}`);
        const [firstSlide, first] = boxes[0];
        for (const [slide, now] of boxes) {
          assert.deepEqual(moved(first, now), [], `from ${firstSlide} to ${slide}`);
        }
        assert.deepEqual(k.errors, []);
      } finally {
        await k.close();
      }
    });
  }

  test("the attract loop runs in both languages in turn", async () => {
    const k = await kiosk([1920, 1080], "&idle=0.5&step=0.25");
    try {
      const { page } = k;
      // Every slide as it shows (which card, in which language), with the time on the page's clock.
      await page.evaluate(() => {
        window.slides = [];
        const widget = document.querySelector("[data-testid=widget]");
        const seen = () => `${widget.lang} ${document.querySelector("[data-testid=card]")?.dataset.site ?? "overview"}`;
        new MutationObserver(() => {
          const now = seen();
          if (window.slides.at(-1)?.[0] !== now) window.slides.push([now, performance.now()]);
        }).observe(widget, { subtree: true, childList: true, attributes: true });
      });
      // The loop's sixteen steps: the overview and the seven sites in Chinese, then in English.
      const cycle = ["zh-Hans", "en"].flatMap((lang) => ["overview", ...SITES].map((site) => `${lang} ${site}`));
      // Until every one of them has shown. A busy machine that renders late skips the slides whose
      // time passed meanwhile (another round shows them), so this waits for slides, not seconds.
      await page
        .waitForFunction((cycle) => cycle.every((slide) => window.slides.some(([shown]) => shown === slide)), cycle, { timeout: 120_000 })
        .catch(() => {}); // the assertions below say which never showed
      const slides = await page.evaluate(() => window.slides);
      const names = slides.map(([slide]) => slide).join(", ");
      for (const slide of cycle) assert.ok(slides.some(([shown]) => shown === slide), `${slide} never showed: ${names}`);
      // In the loop's order: the Chinese round, then the English one, and round again; each change
      // forward by at most the steps its time allows (0.25 s each), never back.
      for (let i = 1; i < slides.length; i++) {
        const [[before, then], [after, now]] = [slides[i - 1], slides[i]];
        const forward = (cycle.indexOf(after) - cycle.indexOf(before) + 16) % 16;
        const allowed = Math.floor((now - then) / 250) + 2;
        assert.ok(cycle.includes(after) && forward >= 1 && forward <= allowed, `${before} then ${after} after ${(now - then).toFixed(0)} ms: ${names}`);
      }
      assert.deepEqual(k.errors, []);
    } finally {
      await k.close();
    }
  });
});
