// A click costs one card: after a marker click the page holds one chart drawing per chart shown,
// no chart was drawn more than once on the way (the prerender's every-width drawings are for the
// first paint only), and the map was not laid out again. Counted in the DOM, never timed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { SITES, openWidget, quiet, startBrowser } from "./browser.mjs";

/**
 * Counts, from now on, the chart and map drawings put into the page: each `.chart__svg` or
 * `.map__svg` element inserted (once, however its ancestors were inserted), and each drawing
 * laid out again in place (its `width`, `height` or `viewBox` changed).
 */
function countDrawings() {
  const seen = new WeakSet();
  const counts = (window.__drawings = { chartsInserted: 0, chartRelayouts: 0, mapsInserted: 0, mapRelayouts: 0 });
  const inserted = (node) => {
    if (node.nodeType !== 1) return;
    const found = [...(node.matches(".chart__svg, .map__svg") ? [node] : []), ...node.querySelectorAll(".chart__svg, .map__svg")];
    for (const svg of found) {
      if (seen.has(svg)) continue;
      seen.add(svg);
      if (svg.matches(".chart__svg")) counts.chartsInserted++;
      else counts.mapsInserted++;
    }
  };
  window.__drawingsObserver?.disconnect();
  window.__drawingsObserver = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "childList") r.addedNodes.forEach(inserted);
      else if (r.target.matches?.(".chart__svg") && r.attributeName === "width") counts.chartRelayouts++;
      else if (r.target.matches?.(".map__svg")) counts.mapRelayouts++;
    }
  });
  window.__drawingsObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["width", "height", "viewBox"] });
}

describe("a click costs one card", () => {
  let env;
  before(async () => {
    env = await startBrowser();
  });
  after(() => env?.close());

  for (const [width, height] of [[390, 844], [800, 900], [1280, 800]]) {
    test(`${width}x${height}: one chart drawing per chart shown, and the map left alone`, async () => {
      const widget = await openWidget(env, { width, height });
      try {
        const { page } = widget;
        await quiet(page);
        // Every site, then the first again (a card replacing a card, and the overview's too).
        const ids = [...SITES, SITES[0]];
        for (const id of ids) {
          await page.evaluate(countDrawings);
          await page.locator(`[data-testid=widget] [data-testid=marker][data-site="${id}"]`).click();
          await page.locator(`[data-testid=widget] [data-testid=card][data-site="${id}"]`).waitFor();
          // Whatever the click set going (a measurement, a redraw) has finished.
          await quiet(page);
          const state = await page.evaluate(() => {
            const widget = document.querySelector("[data-testid=widget]");
            const charts = [...widget.querySelectorAll("[data-testid=chart]")];
            return {
              charts: charts.length,
              drawingsPerChart: charts.map((c) => c.querySelectorAll(".chart__svg").length),
              drawingsInWidget: widget.querySelectorAll(".chart__svg").length,
              ...window.__drawings,
            };
          });
          const what = `${width}px, ${id}: ${JSON.stringify(state)}`;
          assert.deepEqual(state.drawingsPerChart, Array(state.charts).fill(1), `one drawing in each chart (${what})`);
          assert.equal(state.drawingsInWidget, state.charts, `no drawing outside a chart (${what})`);
          // Each chart drawn once on the way: a new drawing per chart at most (a chart the card
          // kept is drawn in place, not inserted), none laid out again at another width.
          assert.ok(state.chartsInserted <= state.charts, `no chart drawn twice (${what})`);
          assert.equal(state.chartRelayouts, 0, `no chart laid out again in place (${what})`);
          assert.equal(state.mapsInserted, 0, `no map drawn anew (${what})`);
          assert.equal(state.mapRelayouts, 0, `the map not laid out again (${what})`);
        }
      } finally {
        await widget.close();
      }
    });
  }
});
