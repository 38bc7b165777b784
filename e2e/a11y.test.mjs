// Language, links and accessibility: the widget operated with the keyboard alone, opened from
// shared links, announced to screen readers, and audited with axe-core in both languages and
// both colour schemes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { openWidget, startBrowser, untilAttribute } from "./browser.mjs";

// axe-core is served from the test server's own origin: the strict policy refuses inline
// scripts, so it cannot be injected as one.
const AXE_DIR = dirname(createRequire(import.meta.url).resolve("axe-core/axe.min.js"));
const AXE_BASE = "/vendor/axe-core/";

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset?.site ? `${el.dataset.testid}:${el.dataset.site}` : el?.textContent?.trim();
  });

async function axeViolations(page, origin) {
  await page.addScriptTag({ url: `${origin}${AXE_BASE}axe.min.js` });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/**
 * Every text drawn in the widget's SVGs (map names, marker numbers, the scale, chart labels),
 * with its contrast against what it is drawn on, in the page: axe's contrast rule does not
 * look at SVG text. The background is found under several points of the text's box, from the
 * painted shapes and boxes below it (their fills, opacities and the page's background),
 * and a halo (a stroke painted under the text) counts as one more background it must stand
 * out from. Large text (24 px, or 18.67 px bold) needs 3:1, the rest 4.5:1 (WCAG AA).
 */
function svgTextContrast() {
  // Computed colours: rgb()/rgba(), or color(srgb …) for color-mix(); anything else (none,
  // url(…)) paints no colour to measure.
  const parse = (value) => {
    let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value ?? "");
    if (m) return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
    m = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/.exec(value ?? "");
    if (m) return { r: 255 * m[1], g: 255 * m[2], b: 255 * m[3], a: m[4] === undefined ? 1 : +m[4] };
    if (value && value !== "none" && !value.startsWith("url(")) throw new Error(`unread colour ${value}`);
    return null;
  };
  const over = (top, below) => ({
    r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a),
    b: top.b * top.a + below.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const f = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = ({ r, g, b }) => "#" + [r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
  /** Opacity of `el` and its ancestors multiplied. */
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  const SHAPES = new Set(["path", "rect", "circle", "ellipse", "polygon", "polyline"]);
  /** The colour painted at (x, y) below `text`, composited from the page up. */
  const backgroundAt = (x, y, text) => {
    const layers = [];
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === text || text.contains(el)) continue;
      const style = getComputedStyle(el);
      let paint = null;
      if (el instanceof SVGElement && SHAPES.has(el.localName)) {
        paint = parse(style.fill);
        if (paint) paint.a *= parseFloat(style.fillOpacity) * opacity(el);
      } else if (!(el instanceof SVGElement)) {
        paint = parse(style.backgroundColor);
        if (paint) paint.a *= opacity(el);
      }
      if (paint && paint.a > 0) {
        layers.push(paint);
        if (paint.a >= 1) break;
      }
    }
    return layers.reduceRight((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const results = [];
  for (const text of document.querySelectorAll("[data-testid=widget] svg text")) {
    if (!text.textContent.trim() || text.getBoundingClientRect().width === 0) continue;
    // Only what is in the viewport can be hit-tested.
    text.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
    const box = text.getBoundingClientRect();
    const style = getComputedStyle(text);
    const size = parseFloat(style.fontSize) * text.getScreenCTM().a;
    const bold = parseInt(style.fontWeight, 10) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    const points = [
      [0.5, 0.5],
      [0.25, 0.35],
      [0.75, 0.35],
      [0.25, 0.65],
      [0.75, 0.65],
    ].map(([fx, fy]) => [box.left + fx * box.width, box.top + fy * box.height]);
    const fill = parse(style.fill);
    if (!fill) continue;
    fill.a *= parseFloat(style.fillOpacity) * opacity(text);
    const stroke = parse(style.stroke);
    const halo = stroke && style.paintOrder.startsWith("stroke") && parseFloat(style.strokeWidth) >= 2 ? stroke : null;
    let worst = { ratio: Infinity };
    for (const [x, y] of points) {
      let below = backgroundAt(x, y, text);
      const backgrounds = [below];
      if (halo) backgrounds.push(over({ ...halo, a: halo.a * opacity(text) }, below));
      for (const background of backgrounds) {
        const colour = over(fill, background);
        const r = ratio(colour, background);
        if (r < worst.ratio) worst = { ratio: r, colour: hex(colour), background: hex(background) };
      }
    }
    const where = text.closest("[data-testid=marker]")?.getAttribute("aria-label") ?? text.closest("[data-chart]")?.dataset.chart ?? "map";
    results.push({
      text: `${where}: "${text.textContent.trim().slice(0, 24)}"`,
      size: Math.round(size * 10) / 10,
      needed: large ? 3 : 4.5,
      ...worst,
      ratio: Math.round(worst.ratio * 100) / 100,
    });
  }
  return results;
}

describe("keyboard, links, screen readers", () => {
  let env;
  before(async () => {
    env = await startBrowser({ also: [{ base: AXE_BASE, dir: AXE_DIR }] });
  });
  after(() => env?.close());

  test("the keyboard alone opens every site, closes it, and switches language", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      // Tab into the page: the language switch, then the map's one tab stop.
      let presses = 0;
      while (!(await focused(page))?.startsWith?.("marker:") && presses < 10) {
        await page.keyboard.press("Tab");
        presses += 1;
      }
      assert.ok((await focused(page)).startsWith("marker:"), "the map is reachable by Tab");
      assert.equal(await page.locator('[data-testid=marker][tabindex="0"]').count(), 1, "one tab stop");
      // Home goes to the westernmost site; Right walks west to east through all seven.
      await page.keyboard.press("Home");
      const visited = [];
      for (let i = 0; i < 7; i++) {
        const site = (await focused(page)).split(":")[1];
        visited.push(site);
        await page.keyboard.press("Enter");
        await untilAttribute(page.getByTestId("card"), "data-site", site);
        await page.keyboard.press("Escape");
        await page.getByTestId("overview").waitFor();
        assert.equal(await focused(page), `marker:${site}`, "focus returns to the marker");
        await page.keyboard.press("ArrowRight");
      }
      assert.equal(new Set(visited).size, 7, visited.join(" "));
      assert.equal(visited[0], "alxa-hi-tech-zone", "west first");
      assert.equal(visited[6], "zalantun", "east last");
      // Shift+Tab back to the language switch and change language with the keyboard: Enter
      // on English, then Space on 中文.
      presses = 0;
      while ((await focused(page)) !== "English" && presses < 10) {
        await page.keyboard.press("Shift+Tab");
        presses += 1;
      }
      assert.equal(await focused(page), "English", "Shift+Tab reaches the language switch");
      await page.keyboard.press("Enter");
      await untilAttribute(page.getByTestId("widget"), "lang", "en");
      assert.equal(await page.locator("h1").textContent(), "Building a high-quality workforce for the new era");
      await page.keyboard.press("Shift+Tab");
      assert.equal(await focused(page), "中文");
      await page.keyboard.press(" ");
      await untilAttribute(page.getByTestId("widget"), "lang", "zh-Hans");
      assert.deepEqual(widget.errors, []);
    } finally {
      await widget.close();
    }
  });

  test("a shared link opens that site's card in a fresh browser", async () => {
    for (const [hash, site, h2] of [
      ["#wuhai", "wuhai", "乌海市"],
      ["#site=baotou&lang=en", "baotou", "Baotou"],
      ["#Baotou-Steel", "baotou-steel", "包钢集团"],
    ]) {
      const widget = await openWidget(env, { query: hash });
      try {
        const card = widget.page.getByTestId("card");
        await untilAttribute(card, "data-site", site);
        assert.equal(await card.locator("h2").textContent(), h2);
      } finally {
        await widget.close();
      }
    }
  });

  test("an unknown or hostile link falls back to the overview without an error", async () => {
    for (const query of ["#nowhere", "#%3Cimg%20src=x%20onerror=alert(1)%3E", "?lang=xx&theme=neon#site=", "#site=wuhai&lang=<b>"]) {
      const widget = await openWidget(env, { query });
      try {
        const { page } = widget;
        if (query.includes("wuhai")) {
          await untilAttribute(page.getByTestId("card"), "data-site", "wuhai");
        } else {
          await page.getByTestId("overview").waitFor();
        }
        assert.deepEqual(widget.errors, [], query);
        assert.equal(await page.locator("img").count(), 0, "nothing from the address became markup");
      } finally {
        await widget.close();
      }
    }
  });

  test("selecting updates the address without history entries; back and forward navigate", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      const length = await page.evaluate(() => history.length);
      await page.locator("[data-testid=marker][data-site=yili]").click();
      await page.waitForFunction(() => location.hash === "#yili");
      await page.locator("[data-testid=marker][data-site=wuhai]").click();
      await page.waitForFunction(() => location.hash === "#wuhai");
      assert.equal(await page.evaluate(() => history.length), length, "no entry per click");
      // The reader navigates: a link, then back and forward.
      await page.evaluate(() => (location.hash = "#zalantun"));
      await untilAttribute(page.getByTestId("card"), "data-site", "zalantun");
      await page.goBack();
      await untilAttribute(page.getByTestId("card"), "data-site", "wuhai");
      await page.goForward();
      await untilAttribute(page.getByTestId("card"), "data-site", "zalantun");
    } finally {
      await widget.close();
    }
  });

  test("selection is announced politely and the map is named and described", async () => {
    const widget = await openWidget(env);
    try {
      const { page } = widget;
      const announcer = page.getByTestId("announcer");
      assert.equal(await announcer.getAttribute("aria-live"), "polite");
      await page.locator("[data-testid=marker][data-site=yili]").click();
      await page.waitForFunction(() => document.querySelector("[data-testid=announcer]").textContent.includes("伊利集团"));
      const svg = page.locator(".map__svg");
      assert.match(await svg.getAttribute("aria-label"), /内蒙古/);
      const description = await page.locator(`#${await svg.getAttribute("aria-describedby")}`).textContent();
      assert.match(description, /方向键/);
      const levels = await page.locator("h1, h2, h3").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      assert.equal(levels[0], 1);
      levels.reduce((prev, level) => (assert.ok(level <= prev + 1, `heading jumps to h${level}`), level));
    } finally {
      await widget.close();
    }
  });

  test("the browser's language decides when the address does not", async () => {
    const widget = await openWidget(env, { locale: "en-GB" });
    try {
      await untilAttribute(widget.page.getByTestId("widget"), "lang", "en");
    } finally {
      await widget.close();
    }
  });

  test("theme: the system scheme, overridden by ?theme=; reduced motion removes transitions", async () => {
    const dark = await openWidget(env, { colorScheme: "dark" });
    const forcedLight = await openWidget(env, { colorScheme: "dark", query: "?theme=light" });
    const forcedDark = await openWidget(env, { query: "?theme=dark" });
    try {
      const paper = (w) => w.page.getByTestId("widget").evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(await paper(dark), "rgb(22, 25, 29)");
      assert.equal(await paper(forcedLight), "rgb(255, 255, 255)");
      assert.equal(await paper(forcedDark), "rgb(22, 25, 29)");
    } finally {
      await Promise.all([dark.close(), forcedLight.close(), forcedDark.close()]);
    }
    const context = await env.browser.newContext({ reducedMotion: "reduce", locale: "zh-CN" });
    try {
      const page = await context.newPage();
      await page.goto(env.url);
      // The live map's regions (the prerender's are shapes in <defs>, never drawn).
      const duration = await page
        .locator("[data-testid=widget] .map__region")
        .first()
        .evaluate((el) => getComputedStyle(el).transitionDuration);
      assert.equal(duration, "0s");
    } finally {
      await context.close();
    }
  });

  // axe's contrast rule skips SVG text: the map's names and scale, the white numbers on the
  // markers (also dimmed by a theme and selected), and the charts' labels and values.
  for (const colorScheme of ["light", "dark"]) {
    test(`SVG text keeps WCAG AA contrast and at least 11 px: ${colorScheme}`, async () => {
      for (const [width, height] of [[360, 740], [1280, 800]]) {
        const widget = await openWidget(env, { colorScheme, width, height });
        try {
          const { page } = widget;
          const states = [];
          await page.getByTestId("overview").locator(".chart__plot svg").first().waitFor();
          states.push(["overview", await page.evaluate(svgTextContrast)]);
          await page.getByTestId("overview").locator("[data-theme=status]").click();
          await page.locator(".marker--dim").first().waitFor();
          states.push(["a theme highlighted", await page.evaluate(svgTextContrast)]);
          for (const site of ["wuhai", "baotou-steel", "alxa-hi-tech-zone"]) {
            await page.locator(`[data-testid=marker][data-site=${site}]`).click();
            await page.locator(`[data-testid=card][data-site=${site}] .chart__plot svg`).first().waitFor();
            states.push([`${site} open`, await page.evaluate(svgTextContrast)]);
          }
          const low = [];
          const small = [];
          for (const [state, texts] of states) {
            assert.ok(texts.filter((t) => t.text.startsWith("map")).length >= 13, `${state}: the map's text was measured`);
            assert.ok(texts.some((t) => /^\d /.test(t.text)), `${state}: the markers' numbers were measured`);
            assert.ok(texts.some((t) => /^[a-z-]+: /.test(t.text) && !t.text.startsWith("map")), `${state}: chart text was measured`);
            for (const t of texts) {
              if (t.ratio < t.needed) low.push(`${state}, ${t.text} ${t.colour} on ${t.background}: ${t.ratio}:1, needs ${t.needed}:1`);
              if (t.size < 10.95) small.push(`${state}, ${t.text}: ${t.size} px`);
            }
          }
          assert.deepEqual(low, [], `${width} px ${colorScheme}`);
          assert.deepEqual(small, [], `${width} px ${colorScheme}`);
        } finally {
          await widget.close();
        }
      }
    });
  }

  for (const locale of ["zh-CN", "en-US"]) {
    for (const colorScheme of ["light", "dark"]) {
      for (const state of ["overview", "card"]) {
        test(`axe finds no violations: ${locale}, ${colorScheme}, ${state}`, async () => {
          const widget = await openWidget(env, { locale, colorScheme, query: state === "card" ? "#baotou-steel" : "" });
          try {
            await widget.page.getByTestId(state === "card" ? "card" : "overview").waitFor();
            await widget.page.locator(".chart__plot svg").first().waitFor();
            assert.deepEqual(await axeViolations(widget.page, env.origin), []);
          } finally {
            await widget.close();
          }
        });
      }
    }
  }
});
