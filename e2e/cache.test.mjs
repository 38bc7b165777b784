// Repeat readers fetch nothing again (issue 28, point 4). Every file of the build but the entry
// points (index.html, boot.js, embed.js) has a content-hashed name, so a host can serve it as
// immutable for a year (README, "Embedding"); the entry points revalidate. A second visit in the
// same browser then fetches from the network only the revalidated entry points.
//
// The second visit's cache assertions need a server that sends those headers. The bundled one
// (scripts/static-server.mjs) does once it exports `isContentHashed` (issue 23's server work);
// until then it sends `no-cache` without validators for everything, a second visit fetches
// everything again, and the test says so and checks only what holds on any server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import * as server from "../scripts/static-server.mjs";
import { ARTIFACTS, startBrowser } from "./browser.mjs";

const ENTRY_POINTS = new Set(["index.html", "boot.js", "embed.js"]);
/**
 * What tools/pages writes beside them, each at an address linked from outside (a shared link,
 * a crawler's og:image, a "Get the data" link), so unhashed too: the pages of one site
 * (wuhai.html, wuhai.en.html, index.en.html), share/*.png and data/*.csv.
 */
const isPublished = (file) => /^[a-z0-9-]+(\.en)?\.html$/.test(file) || /^share\/[a-z0-9-]+-(zh|en)\.png$/.test(file) || /^data\/[a-z0-9-]+-(zh|en)\.csv$/.test(file);
/** What the build writes for hosts and the bundled server, never fetched by a page: the policy its pages need. */
const isMetadata = (file) => file === "content-security-policy.txt";
const isEntry = (file) => ENTRY_POINTS.has(file) || isPublished(file) || isMetadata(file);

/**
 * The bundled server's rule for a content-hashed name when it has one; until then the same
 * rule written here: `-` and 15 or 16 lower-case hex digits, at least one a letter, before
 * the extension (or before `_bg.wasm`).
 */
const isContentHashed =
  server.isContentHashed ??
  ((path) => {
    const hash = /-([0-9a-f]{15,16})(?:_bg)?\.[A-Za-z0-9]+$/.exec(path)?.[1];
    return hash !== undefined && /[a-f]/.test(hash);
  });
/** True once the bundled server sends immutable for hashed names and validators for the rest. */
const SERVER_CACHES = typeof server.isContentHashed === "function";

/** Every file below `dir`, relative to it, without precompressed siblings. */
function files(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path)];
  }).filter((file) => !/\.(br|gz)$/.test(file));
}

/** The relative references of index.html's head: every src= and href= of its tags. */
function pageReferences(html) {
  const head = html.slice(0, html.search(/<body[\s>]/));
  return [...head.matchAll(/\s(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((url) => !/^([a-z]+:|#|\/)/i.test(url));
}

/** The files a module names in string literals: its imports and the URLs it builds. */
function moduleReferences(js) {
  return [...js.matchAll(/["']((?:\.\/)?[\w.-]+\.(?:js|wasm|css|html|svg|json))["']/g)].map((m) => m[1]);
}

const fileOf = (url) => url.replace(/^\.\//, "");

describe("cache", () => {
  test("every file but the entry points has a content-hashed name, and the entry points name only such files", () => {
    const built = files("dist");
    for (const entry of ENTRY_POINTS) assert.ok(built.includes(entry), `dist/${entry} is there, unhashed`);
    // The kiosk build (dist/kiosk/, scripts/build-kiosk) has entry points of its own.
    const entryPoint = (file) => isEntry(file) || (file.startsWith("kiosk/") && isEntry(file.slice("kiosk/".length)));
    const unhashed = built.filter((file) => !entryPoint(file) && !isContentHashed(basename(file)));
    assert.deepEqual(unhashed, [], "files in dist/ without a content-hashed name");

    const html = readFileSync("dist/index.html", "utf8");
    const boot = readFileSync("dist/boot.js", "utf8");
    const referenced = new Map([
      ["index.html", pageReferences(html).map(fileOf)],
      ["boot.js", moduleReferences(boot).map(fileOf)],
    ]);
    // (The glue, widget-<hash>.js, is not read: its default "widget_bg.wasm" is never used, as
    // boot.js gives init() the wasm's address, and its "./widget_bg.js" names the wasm's imports.)
    for (const [from, names] of referenced) {
      for (const name of names) {
        assert.ok(built.includes(name), `${from} names ${name}, which dist/ does not have`);
        assert.ok(ENTRY_POINTS.has(name) || isContentHashed(name), `${from} names ${name}, neither an entry point nor hashed`);
      }
    }
    // What the page and its loader need, by their hashed names (a stale unhashed name would
    // be caught above; this catches a reference that went missing).
    const all = [...referenced.values()].flat();
    // (The stylesheet and lang.js are written into the page, scripts/inline-head.mjs; boot.js
    // names their files for a host whose policy refuses them inline.)
    for (const stem of [/^widget-\w+\.js$/, /^widget-\w+_bg\.wasm$/, /^style-\w+\.css$/, /^options-\w+\.js$/, /^lang-\w+\.js$/, /^favicon-\w+\.svg$/]) {
      assert.ok(all.some((name) => stem.test(name)), `nothing names a file like ${stem}`);
    }
    assert.ok(pageReferences(html).map(fileOf).includes("boot.js"), "index.html loads boot.js");
    // scripts/hash-names.mjs names every one with all 16 digits (Trunk's own names may have 15).
    for (const name of built.filter((f) => !entryPoint(f)).map((f) => basename(f))) {
      assert.match(name, /^[a-z]+-[0-9a-f]{16}(_bg)?\.[a-z]+$/);
    }
  });

  describe("a second visit", () => {
    let env;
    const base = "/cdn/imreform/";
    before(async () => {
      // dist/ as a CDN would serve it: a Brotli sibling beside every text and wasm file.
      const dir = join(ARTIFACTS, "cache-dist");
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(ARTIFACTS, { recursive: true });
      cpSync("dist", dir, { recursive: true });
      for (const file of files(dir)) {
        if (!/\.(html|js|css|wasm|svg)$/.test(file) || isPublished(file.replace(/^kiosk\//, ""))) continue;
        const bytes = readFileSync(join(dir, file));
        writeFileSync(
          join(dir, `${file}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        );
      }
      env = await startBrowser({ also: [{ base, dir }] });
    });
    after(() => env?.close());

    /**
     * Opens the widget in a new tab of `context` and waits until it is live and the network is
     * quiet; resolves to what the tab asked for: per request its file, whether it went to the
     * network, the status that came over the wire, and the bytes that came (headers included).
     * A request went to the network if Chromium reports the raw response headers
     * (`responseReceivedExtraInfo`, only sent for responses that came over the wire, a 304
     * included); answers from the memory or disk cache, and a second request joined to one in
     * flight, have none.
     */
    async function visit(context) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const requests = new Map();
      // The status as it came over the wire: a revalidated response is reported elsewhere as
      // the cached 200 it refreshed, and here as the server's 304. Chromium may send this event
      // before the request's own `requestWillBeSent` (its "ExtraInfo" events come from the
      // network service, the others from the renderer), so it is kept apart and joined after.
      const overTheWire = new Map();
      cdp.on("Network.responseReceivedExtraInfo", ({ requestId, statusCode }) => overTheWire.set(requestId, statusCode));
      cdp.on("Network.requestWillBeSent", ({ requestId, request }) => {
        if (request.url.startsWith("http")) requests.set(requestId, { url: request.url, network: false, bytes: 0 });
      });
      const fromCache = new Set();
      cdp.on("Network.responseReceived", ({ requestId, response }) => {
        const r = requests.get(requestId);
        if (!r) return;
        r.cacheControl = response.headers["cache-control"] ?? response.headers["Cache-Control"];
        if (response.fromDiskCache || response.fromPrefetchCache || response.fromServiceWorker) fromCache.add(requestId);
      });
      cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
        if (requests.has(requestId)) requests.get(requestId).bytes = encodedDataLength;
      });
      await page.goto(`${env.origin}${base}`);
      await page.getByTestId("widget").waitFor();
      await page.waitForLoadState("networkidle");
      await cdp.detach();
      await page.close();
      for (const [requestId, r] of requests) {
        if (overTheWire.has(requestId) && !fromCache.has(requestId)) Object.assign(r, { network: true, status: overTheWire.get(requestId) });
      }
      return [...requests.values()].map((r) => ({ ...r, file: fileOf(new URL(r.url).pathname.slice(base.length)) || "index.html" }));
    }

    const summary = (requests) => {
      const network = requests.filter((r) => r.network);
      const bytes = network.reduce((sum, r) => sum + r.bytes, 0);
      return `${network.length} of ${requests.length} requests over the network, ${(bytes / 1000).toFixed(1)} KB: ` +
        requests.map((r) => `${r.file} ${r.network ? `${r.status} ${(r.bytes / 1000).toFixed(1)} KB` : "cache"}`).join(", ");
    };

    test("fetches from the network only the entry points, revalidated", async (t) => {
      // Playwright's contexts keep an HTTP cache across the tabs and navigations of one context.
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
      try {
        const first = await visit(context);
        const second = await visit(context);
        t.diagnostic(`first visit: ${summary(first)}`);
        t.diagnostic(`second visit: ${summary(second)}`);

        // On any server: the page loads only entry points and hashed files, all of them there.
        for (const r of [...first, ...second]) {
          assert.ok(r.status === undefined || r.status < 400, `${r.file}: ${r.status}`);
          assert.ok(ENTRY_POINTS.has(r.file) || isContentHashed(r.file), `${r.file} is neither an entry point nor hashed`);
        }
        for (const file of ["index.html", "boot.js"]) assert.ok(first.some((r) => r.file === file), `the first visit loads ${file}`);
        assert.ok(first.some((r) => /^widget-\w+_bg\.wasm$/.test(r.file)), "the first visit loads the wasm");
        // A new context has nothing in its cache.
        for (const file of new Set(first.map((r) => r.file))) {
          assert.ok(first.some((r) => r.file === file && r.network), `${file} came from the network on the first visit`);
        }

        if (!SERVER_CACHES) {
          t.diagnostic("the bundled server sends no-cache for every file, so the second visit's cache is not checked (issue 23's server change)");
          return;
        }
        // With the server's headers: hashed files come from the cache without asking ...
        for (const r of first.filter((r) => isContentHashed(r.file))) {
          assert.equal(r.cacheControl, "public, max-age=31536000, immutable", `${r.file}'s Cache-Control`);
        }
        const network = second.filter((r) => r.network);
        assert.deepEqual(
          network.filter((r) => !ENTRY_POINTS.has(r.file)).map((r) => r.file),
          [],
          `the second visit fetched hashed files again: ${summary(second)}`,
        );
        // ... and the entry points are revalidated: a 304, no body.
        for (const r of network) assert.equal(r.status, 304, `${r.file} revalidated: ${summary(second)}`);
        // The page itself is always asked again. boot.js is asked again or, when the browser
        // still holds the first tab's copy in memory (which it may, depending on timing), not
        // at all: either way no entry point's body comes again.
        assert.ok(network.some((r) => r.file === "index.html"), summary(second));
        assert.ok(network.every((r) => ["boot.js", "index.html"].includes(r.file)), summary(second));
      } finally {
        await context.close();
      }
    });
  });
});
