// Tests for the static server a kiosk runs (scripts/static-server.mjs): nothing outside the
// mounted folder is ever served, a malformed request never crashes it, and the widget's files
// are sent with the right types. Requests go out with raw `http.request`, which sends the path
// exactly as written (fetch would normalise `..` away before the server saw it), and only to
// 127.0.0.1.
// Usage: node --test scripts/static-server.test.mjs
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { request } from "node:http";
import { connect, createServer as createSocketServer } from "node:net";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { IMMUTABLE, POLICY_FILE, STRICT_CSP, isContentHashed, serve } from "./static-server.mjs";

const SECRET = "the kiosk's private key";
const INDEX = "<!doctype html><title>widget</title>";
const SUB_INDEX = "<!doctype html><title>sub</title>";
const EXTRA = "<!doctype html><title>extra mount</title>";
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...Buffer.from("x".repeat(2000))]);
const CSP = "default-src 'self'";
// A name as Trunk 0.21 gives the wasm with filehash on.
const HASHED_WASM = "widget-1a2b3c4d5e6f7a8b_bg.wasm";

// Larger than everything the loopback socket buffers, the kernel's and Node's, can hold
// (tcp_rmem's maximum is 32 MB here), so the server cannot have read to the end of such a file
// before the client has seen the first bytes of its body.
const BIG = 40 << 20;

/**
 * GETs `path` on a raw keep-alive connection and calls `change()` as soon as the first bytes of
 * the answer arrive (the server has opened the file and sent its Content-Length by then). Once
 * the first response's body is complete by its Content-Length, asks for `next` on the same
 * connection. Resolves when the server closes the connection, to { length, bodyBytes, after }:
 * the Content-Length, the body bytes received (at most that), and what came after the body.
 */
function getWhileChanging(port, path, change, next) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks = [];
    let total = 0;
    let headEnd = -1;
    let length = -1;
    let asked = false;
    socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`);
    socket.on("data", (chunk) => {
      if (total === 0) change();
      chunks.push(chunk);
      total += chunk.length;
      if (headEnd < 0) {
        const soFar = Buffer.concat(chunks);
        headEnd = soFar.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
          headEnd += 4;
          length = Number(/^content-length: *(\d+)/im.exec(soFar.subarray(0, headEnd).toString())[1]);
        }
      }
      if (!asked && headEnd >= 0 && total >= headEnd + length) {
        asked = true;
        socket.write(`GET ${next} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`);
      }
    });
    socket.on("error", () => {}); // a reset is an answer too; 'close' follows
    socket.on("close", () => {
      const all = Buffer.concat(chunks);
      if (headEnd < 0) return reject(new Error(`no response head: ${all.subarray(0, 200)}`));
      const bodyEnd = Math.min(all.length, headEnd + length);
      resolve({ length, bodyBytes: bodyEnd - headEnd, after: all.subarray(bodyEnd).toString("latin1") });
    });
  });
}

/** One raw request to the server; resolves to { status, headers, body } (body a Buffer). */
function send(port, path, { method = "GET", headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method, headers, agent: false, timeout: 5000 },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer to ${method} ${path} in 5 s`)));
    req.on("error", reject);
    req.end();
  });
}

describe("static server", () => {
  let tmp, server, port, hasFifo, unixSocket;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), "static-server-test-"));
    const dist = join(tmp, "dist");
    mkdirSync(join(dist, "sub"), { recursive: true });
    mkdirSync(join(dist, "empty"));
    mkdirSync(join(tmp, "dist-secret"));
    mkdirSync(join(tmp, "extra"));
    mkdirSync(join(tmp, "extra-private"));
    writeFileSync(join(dist, "index.html"), INDEX);
    writeFileSync(join(dist, "widget_bg.wasm"), WASM);
    writeFileSync(join(dist, "widget_bg.wasm.br"), brotliCompressSync(WASM));
    writeFileSync(join(dist, "widget_bg.wasm.gz"), gzipSync(WASM));
    writeFileSync(join(dist, HASHED_WASM), WASM);
    writeFileSync(join(dist, `${HASHED_WASM}.br`), brotliCompressSync(WASM));
    writeFileSync(join(dist, "sub", "index.html"), SUB_INDEX);
    writeFileSync(join(dist, ".hidden"), SECRET);
    writeFileSync(join(tmp, "dist-secret", "key.txt"), SECRET);
    writeFileSync(join(tmp, "extra", "index.html"), EXTRA);
    writeFileSync(join(tmp, "extra-private", "key.txt"), SECRET);
    symlinkSync("../dist-secret/key.txt", join(dist, "link"));
    symlinkSync("../dist-secret", join(dist, "linkdir"));
    symlinkSync(".hidden", join(dist, "alias"));
    try {
      execFileSync("mkfifo", [join(dist, "fifo")]);
      hasFifo = true;
    } catch {
      hasFifo = false; // no mkfifo here; that test is skipped
    }
    // A listening Unix socket in the folder (the old server answered it with a 500).
    unixSocket = createSocketServer();
    await new Promise((ok) => unixSocket.listen(join(dist, "socket"), ok));
    server = await serve({
      dir: join(tmp, "dist"),
      port: 0,
      base: "/graphics/",
      also: [{ base: "/graphics/extra/", dir: join(tmp, "extra") }],
      csp: CSP,
    });
    port = Number(new URL(server.origin).port);
  });

  after(async () => {
    await server?.close();
    await new Promise((ok) => (unixSocket ? unixSocket.close(ok) : ok()));
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const get = (path, options) => send(port, path, options);

  /** The request is refused with `status`, and the secret is nowhere in the answer. */
  async function refused(path, status) {
    const res = await get(path);
    assert.ok(!res.body.toString().includes(SECRET), `${path} leaked the secret`);
    assert.equal(res.status, status, `${path}: status`);
  }

  test("serves only loopback, at the base path", () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(server.url, `${server.origin}/graphics/`);
  });

  describe("never serves anything outside the mounted folder", () => {
    test("an encoded slash after .. (..%2f)", () =>
      refused("/graphics/..%2fdist-secret%2fkey.txt", 403));
    test("an encoded .. segment (%2e%2e)", () =>
      refused("/graphics/%2e%2e/dist-secret/key.txt", 403));
    test("a plain .. segment, sent raw", () => refused("/graphics/../dist-secret/key.txt", 403));
    test("an encoded backslash (..%5c)", () =>
      refused("/graphics/..%5cdist-secret%5ckey.txt", 400));
    test("from a second mount, into its own sibling", () =>
      refused("/graphics/extra/..%2fextra-private%2fkey.txt", 403));
    test("from a second mount, two levels up", () =>
      refused("/graphics/extra/..%2f..%2fdist-secret%2fkey.txt", 403));
    test("a symlink to a file outside", () => refused("/graphics/link", 403));
    test("a file below a symlinked folder outside", () =>
      refused("/graphics/linkdir/key.txt", 403));
    test("a NUL byte (%00)", () => refused("/graphics/%00", 400));
    test("a NUL byte before an extension", () => refused("/graphics/link%00.html", 400));
    test("an absolute-form target", () =>
      refused(`http://127.0.0.1:${port}/graphics/..%2fdist-secret%2fkey.txt`, 400));
  });

  test("a malformed escape is a 400, and the server answers the next request", async () => {
    await refused("/graphics/%E0%A4%A", 400);
    await refused("/graphics/%zz", 400);
    const next = await get("/graphics/");
    assert.equal(next.status, 200);
    assert.equal(next.body.toString(), INDEX);
  });

  test("dot-files are 404, also through a symlink", async () => {
    await refused("/graphics/.hidden", 404);
    await refused("/graphics/%2ehidden", 404);
    await refused("/graphics/alias", 404);
  });

  test("the wasm module is served as application/wasm, with nosniff", async () => {
    const res = await get("/graphics/widget_bg.wasm");
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/wasm");
    assert.equal(res.headers["x-content-type-options"], "nosniff");
    assert.equal(res.headers["cache-control"], "no-cache");
    assert.equal(res.headers["content-security-policy"], CSP);
    assert.equal(res.headers["content-encoding"], undefined);
    assert.equal(Number(res.headers["content-length"]), WASM.length);
    assert.deepEqual(res.body, WASM);
  });

  test("a directory serves its index.html; one without is 404, never a listing", async () => {
    const root = await get("/graphics/");
    assert.equal(root.status, 200);
    assert.equal(root.headers["content-type"], "text/html; charset=utf-8");
    assert.equal(root.body.toString(), INDEX);
    const sub = await get("/graphics/sub/");
    assert.equal(sub.status, 200);
    assert.equal(sub.body.toString(), SUB_INDEX);
    await refused("/graphics/empty/", 404);
  });

  test("a FIFO is 404, and does not hang the server", async (t) => {
    if (!hasFifo) return t.skip("mkfifo is not available");
    await refused("/graphics/fifo", 404);
  });

  test("a Unix socket is 404, and the server answers the next request", async () => {
    await refused("/graphics/socket", 404);
    await refused("/graphics/socket/", 404);
    assert.equal((await get("/graphics/")).body.toString(), INDEX);
  });

  test("a path below a file is 404, not the file", async () => {
    await refused("/graphics/index.html/", 404);
    await refused("/graphics/index.html/x", 404);
    await refused("/graphics/widget_bg.wasm/", 404);
    await refused("/graphics/sub/index.html/", 404);
    await refused("/graphics/extra/index.html/", 404);
    // Folders with their slash still serve their index.html.
    assert.equal((await get("/graphics/sub/")).body.toString(), SUB_INDEX);
    assert.equal((await get("/graphics/index.html")).body.toString(), INDEX);
  });

  test("a directory without its slash is redirected, so relative URLs resolve in it", async () => {
    const sub = await get("/graphics/sub?lang=zh");
    assert.equal(sub.status, 301);
    assert.equal(sub.headers.location, "/graphics/sub/?lang=zh");
    const mount = await get("/graphics?mode=kiosk");
    assert.equal(mount.status, 301);
    assert.equal(mount.headers.location, "/graphics/?mode=kiosk");
  });

  test("the longest matching mount wins; outside every mount is 404", async () => {
    const extra = await get("/graphics/extra/");
    assert.equal(extra.status, 200);
    assert.equal(extra.body.toString(), EXTRA);
    await refused("/elsewhere/", 404);
    await refused("/graphics/missing.js", 404);
  });

  test("only GET and HEAD are answered", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) {
      const res = await get("/graphics/", { method });
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.allow, "GET, HEAD", method);
      assert.ok(!res.body.toString().includes("widget"), method);
    }
  });

  test("HEAD sends the headers of GET and no body", async () => {
    const res = await get("/graphics/widget_bg.wasm", { method: "HEAD" });
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/wasm");
    assert.equal(Number(res.headers["content-length"]), WASM.length);
    assert.equal(res.body.length, 0);
  });

  test("a precompressed sibling is sent when the browser accepts it", async () => {
    const br = await get("/graphics/widget_bg.wasm", { headers: { "accept-encoding": "gzip, deflate, br" } });
    assert.equal(br.status, 200);
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(br.headers["content-type"], "application/wasm");
    assert.match(br.headers.vary, /accept-encoding/i);
    assert.deepEqual(brotliDecompressSync(br.body), WASM);

    const gz = await get("/graphics/widget_bg.wasm", { headers: { "accept-encoding": "gzip, br;q=0" } });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.deepEqual(gunzipSync(gz.body), WASM);

    const plain = await get("/graphics/widget_bg.wasm", { headers: { "accept-encoding": "identity" } });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.match(plain.headers.vary, /accept-encoding/i);
    assert.deepEqual(plain.body, WASM);

    // No sibling, no encoding: index.html has no .br next to it.
    const index = await get("/graphics/", { headers: { "accept-encoding": "br" } });
    assert.equal(index.headers["content-encoding"], undefined);
    assert.equal(index.body.toString(), INDEX);
  });

  describe("cache headers: hashed files are immutable, everything else revalidates", () => {
    test("isContentHashed follows Trunk 0.21's names and nothing else", () => {
      for (const name of [
        HASHED_WASM,
        "widget-1a2b3c4d5e6f7a8b.js", // wasm-bindgen's glue
        "style-0123456789abcdef.css", // CSS and copied files: <stem>-<hash>.<ext>
        "favicon-a2b3c4d5e6f7a8b9.svg",
        "boot-a2b3c4d5e6f7a8b.js", // 15 digits: Trunk prints the hash without leading zeros
        "/graphics/2026/imreform/widget-ffffffffffffffff_bg.wasm",
      ]) {
        assert.equal(isContentHashed(name), true, name);
      }
      for (const name of [
        "index.html", // the entry points
        "boot.js",
        "embed.js",
        "lang.js",
        "widget.js", // today's unhashed names (filehash = false)
        "widget_bg.wasm",
        "style.css",
        "inner-mongolia.json",
        "",
        "/graphics/",
        "photo-2026120702395512.jpg", // 16 digits, but a number, not a hash
        "widget-1A2B3C4D5E6F7A8B.js", // Trunk's hex is lower-case
        "widget-1a2b3c4d5e6f7a8b9.js", // 17 digits
        "widget-a2b3c4d5e6f7a8.js", // 14 digits
        "widget-1a2b3c4d5e6f7a8b.js.map/",
        "snippets/widget-0123456789abcdef/inline0.js", // a folder's hash, not the file's
        "widget-1a2b3c4d5e6f7a8b_bg.wasm.br", // never asked for by name
      ]) {
        assert.equal(isContentHashed(name), false, name);
      }
    });

    test("a content-hashed file is cached for a year as immutable, in every encoding", async () => {
      const plain = await get(`/graphics/${HASHED_WASM}`);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers["cache-control"], IMMUTABLE);
      assert.equal(IMMUTABLE, "public, max-age=31536000, immutable");
      assert.deepEqual(plain.body, WASM);
      const br = await get(`/graphics/${HASHED_WASM}`, { headers: { "accept-encoding": "br" } });
      assert.equal(br.headers["content-encoding"], "br");
      assert.equal(br.headers["cache-control"], IMMUTABLE);
    });

    test("entry points and unhashed files revalidate: no-cache, ETag, Last-Modified, 304", async () => {
      for (const path of ["/graphics/", "/graphics/index.html", "/graphics/widget_bg.wasm"]) {
        const first = await get(path);
        assert.equal(first.status, 200, path);
        assert.equal(first.headers["cache-control"], "no-cache", path);
        const { etag, "last-modified": lastModified } = first.headers;
        assert.match(etag ?? "", /^(W\/)?"[^"]+"$/, path);
        assert.ok(Date.parse(lastModified) > 0, path);

        const byTag = await get(path, { headers: { "if-none-match": etag } });
        assert.equal(byTag.status, 304, `${path}: If-None-Match`);
        assert.equal(byTag.body.length, 0);
        assert.equal(byTag.headers.etag, etag);
        assert.equal(byTag.headers["cache-control"], "no-cache");
        assert.match(byTag.headers.vary, /accept-encoding/i);
        const inList = await get(path, { headers: { "if-none-match": `"other", ${etag}` } });
        assert.equal(inList.status, 304, `${path}: a list of tags`);
        const head = await get(path, { method: "HEAD", headers: { "if-none-match": etag } });
        assert.equal(head.status, 304, `${path}: HEAD`);

        const byDate = await get(path, { headers: { "if-modified-since": lastModified } });
        assert.equal(byDate.status, 304, `${path}: If-Modified-Since`);
        assert.equal(byDate.body.length, 0);

        const older = new Date(Date.parse(lastModified) - 3600_000).toUTCString();
        const changed = await get(path, { headers: { "if-modified-since": older } });
        assert.equal(changed.status, 200, `${path}: modified since an hour before`);
        assert.ok(changed.body.length > 0);
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
        const otherTag = await get(path, { headers: { "if-none-match": '"other"', "if-modified-since": lastModified } });
        assert.equal(otherTag.status, 200, `${path}: another tag`);
        const garbage = await get(path, { headers: { "if-modified-since": "yesterday" } });
        assert.equal(garbage.status, 200, `${path}: an invalid date is ignored`);
      }
    });

    test("each encoding has its own ETag, so a cached identity copy is not revalidated as Brotli", async () => {
      const plain = await get("/graphics/widget_bg.wasm");
      const br = await get("/graphics/widget_bg.wasm", { headers: { "accept-encoding": "br" } });
      assert.equal(br.headers["content-encoding"], "br");
      assert.notEqual(br.headers.etag, plain.headers.etag);
      const mixed = await get("/graphics/widget_bg.wasm", {
        headers: { "accept-encoding": "br", "if-none-match": plain.headers.etag },
      });
      assert.equal(mixed.status, 200);
      assert.deepEqual(brotliDecompressSync(mixed.body), WASM);
    });

    test("errors are not cached and carry no validators", async () => {
      const missing = await get("/graphics/missing.js");
      assert.equal(missing.status, 404);
      assert.equal(missing.headers["cache-control"], "no-cache");
      assert.equal(missing.headers.etag, undefined);
    });
  });

  describe("the strict CSP is the default", () => {
    test("serve() sends STRICT_CSP unless told otherwise, and none with csp: null", async (t) => {
      assert.equal(STRICT_CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
      const strict = await serve({ dir: join(tmp, "dist") });
      t.after(() => strict.close());
      const res = await send(Number(new URL(strict.origin).port), "/");
      assert.equal(res.status, 200);
      assert.equal(res.headers["content-security-policy"], STRICT_CSP);
      const refusedToo = await send(Number(new URL(strict.origin).port), "/missing");
      assert.equal(refusedToo.headers["content-security-policy"], STRICT_CSP, "on errors too");
      const none = await serve({ dir: join(tmp, "dist"), csp: null });
      t.after(() => none.close());
      const bare = await send(Number(new URL(none.origin).port), "/");
      assert.equal(bare.headers["content-security-policy"], undefined);
    });

    test("a folder's built policy (content-security-policy.txt) replaces it for that folder's pages", async (t) => {
      const built = join(tmp, "built-policy");
      mkdirSync(built, { recursive: true });
      writeFileSync(join(built, "index.html"), INDEX);
      const own = `${STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'sha256-abc='")}`;
      writeFileSync(join(built, POLICY_FILE), `${own}\n`);
      const host = join(tmp, "dist");
      const server = await serve({ dir: built, base: "/w/", also: [{ base: "/news/", dir: host }] });
      t.after(() => server.close());
      const port = Number(new URL(server.origin).port);
      assert.equal((await send(port, "/w/")).headers["content-security-policy"], own);
      assert.equal((await send(port, "/w/index.html")).headers["content-security-policy"], own);
      assert.equal((await send(port, `/w/${POLICY_FILE}`)).headers["content-security-policy"], STRICT_CSP, "a file that is not a page keeps the strict one");
      assert.equal((await send(port, "/news/")).headers["content-security-policy"], STRICT_CSP, "another folder keeps its own");
      // A rebuild's new policy is sent at once.
      const next = own.replace("abc=", "def=");
      writeFileSync(join(built, POLICY_FILE), next);
      assert.equal((await send(port, "/w/")).headers["content-security-policy"], next);
      // A file that would split the header is refused: the strict policy goes out instead.
      writeFileSync(join(built, POLICY_FILE), `${own}\r\nset-cookie: a=b\n`);
      const logged = [];
      const error = console.error;
      console.error = (line) => logged.push(line);
      t.after(() => (console.error = error));
      const broken = await send(port, "/w/");
      assert.equal(broken.headers["content-security-policy"], STRICT_CSP);
      assert.equal(broken.headers["set-cookie"], undefined);
      assert.match(logged.join("\n"), /content-security-policy\.txt is not one line/);
      const none = await serve({ dir: built, csp: null });
      t.after(() => none.close());
      assert.equal((await send(Number(new URL(none.origin).port), "/")).headers["content-security-policy"], undefined, "csp: null sends none");
    });

    /** Starts the command line scripts/serve runs; resolves to { port, stop }. */
    function cli(t, ...args) {
      const script = new URL("./static-server.mjs", import.meta.url).pathname;
      const child = spawn(process.execPath, [script, "--dir", join(tmp, "dist"), "--port", "0", ...args], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      t.after(() => child.kill());
      return new Promise((ok, fail) => {
        let out = "";
        child.stdout.on("data", (c) => {
          out += c;
          const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (m) ok(Number(m[1]));
        });
        child.on("exit", (code) => fail(new Error(`static-server exited with ${code}: ${out}`)));
      });
    }

    test("the command scripts/serve runs sends it; --no-csp turns it off", { timeout: 20_000 }, async (t) => {
      const res = await send(await cli(t), "/");
      assert.equal(res.status, 200);
      assert.equal(res.body.toString(), INDEX);
      assert.equal(res.headers["content-security-policy"], STRICT_CSP);
      const off = await send(await cli(t, "--no-csp"), "/");
      assert.equal(off.headers["content-security-policy"], undefined);
    });
  });

  describe("Content-Length is the number of bytes sent", () => {
    test("a file that grows while it is sent: exactly the stat'd length, then the next response", { timeout: 30_000 }, async () => {
      const file = join(tmp, "dist", "grows.bin");
      writeFileSync(file, Buffer.alloc(BIG, 0x61));
      const res = await getWhileChanging(port, "/graphics/grows.bin", () => appendFileSync(file, "b".repeat(1000)), "/graphics/");
      assert.equal(res.length, BIG);
      assert.equal(res.bodyBytes, BIG);
      // The old server streamed to the end of the file: 1000 stray "b"s where the browser
      // expects the next response's status line.
      assert.match(res.after, /^HTTP\/1\.1 200 OK\r\n/, `after the body: ${JSON.stringify(res.after.slice(0, 40))}`);
      assert.ok(res.after.endsWith(INDEX), "the next response is index.html");
    });

    test("a file that shrinks while it is sent: the connection is cut, never left waiting", { timeout: 30_000 }, async () => {
      const file = join(tmp, "dist", "shrinks.bin");
      writeFileSync(file, Buffer.alloc(BIG, 0x61));
      const res = await getWhileChanging(port, "/graphics/shrinks.bin", () => truncateSync(file, 1000), "/graphics/");
      assert.equal(res.length, BIG);
      assert.ok(res.bodyBytes < BIG, "a truncated body");
      assert.equal(res.after, "", "nothing after it on that connection");
      const next = await get("/graphics/");
      assert.equal(next.body.toString(), INDEX, "and the server answers the next request");
    });
  });

  describe("limits: stuck and slow clients are cut off, connections are capped", () => {
    /** A second server on the same folder with `limits`; closed when `t` ends. */
    async function limited(t, limits) {
      const other = await serve({ dir: join(tmp, "dist"), base: "/graphics/", limits });
      t.after(() => {
        other.server.closeAllConnections();
        return other.close();
      });
      return { ...other, port: Number(new URL(other.origin).port) };
    }

    /** Resolves to the server's side of the next connection it accepts. */
    const nextConnection = (server) => new Promise((ok) => server.once("connection", ok));
    const closed = (socket) => new Promise((ok) => socket.once("close", ok));

    /** A raw connection that has received one complete keep-alive answer for /graphics/. */
    function keptAlive(port) {
      return new Promise((ok, fail) => {
        const socket = connect(port, "127.0.0.1");
        let text = "";
        socket.on("error", fail);
        socket.on("data", (c) => {
          text += c.toString("latin1");
          if (text.endsWith(INDEX)) ok(socket);
        });
        socket.write("GET /graphics/ HTTP/1.1\r\nHost: test\r\n\r\n");
      });
    }

    test("a client that stops reading is disconnected within the idle timeout", { timeout: 20_000 }, async (t) => {
      const idleTimeout = 300;
      const other = await limited(t, { idleTimeout });
      writeFileSync(join(tmp, "dist", "big.bin"), Buffer.alloc(BIG, 0x61));
      const serverSide = nextConnection(other.server);
      const client = connect(other.port, "127.0.0.1");
      t.after(() => client.destroy());
      client.write("GET /graphics/big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
      // The first bytes arrive, then the client reads no more: the server's writes stall.
      await new Promise((ok) => client.once("data", ok));
      client.pause();
      const stoppedAt = Date.now();
      await closed(await serverSide);
      const took = Date.now() - stoppedAt;
      assert.ok(took < idleTimeout + 3000, `closed ${took} ms after the client stopped reading`);
      // The server still answers others.
      const res = await send(other.port, "/graphics/");
      assert.equal(res.body.toString(), INDEX);
    });

    test("a client that sends its headers too slowly gets a 408 and is disconnected", { timeout: 20_000 }, async (t) => {
      // The idle timeout is long, and the client is never idle: only the header timeout applies.
      const headersTimeout = 300;
      const other = await limited(t, { headersTimeout, requestTimeout: 600, idleTimeout: 60_000 });
      const client = connect(other.port, "127.0.0.1");
      let answer = "";
      client.on("data", (c) => (answer += c));
      client.on("error", () => {}); // writes after the server closed
      client.write("GET /graphics/ HTTP/1.1\r\nHost: test\r\n");
      const startedAt = Date.now();
      const drip = setInterval(() => client.writable && client.write("X-Slow: 1\r\n"), 50);
      t.after(() => clearInterval(drip));
      await closed(client);
      clearInterval(drip);
      const took = Date.now() - startedAt;
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.ok(took < headersTimeout + 3000, `closed after ${took} ms`);
    });

    test("connections beyond the cap are closed unanswered; a freed slot is usable again", { timeout: 20_000 }, async (t) => {
      const other = await limited(t, { maxConnections: 2 });
      const firstServerSide = nextConnection(other.server);
      const first = await keptAlive(other.port);
      const second = await keptAlive(other.port);
      t.after(() => second.destroy());
      // The third is accepted by the kernel and closed at once by the server.
      const third = connect(other.port, "127.0.0.1");
      let thirdGot = "";
      third.on("data", (c) => (thirdGot += c));
      third.on("error", () => {});
      third.write("GET /graphics/ HTTP/1.1\r\nHost: test\r\n\r\n");
      await closed(third);
      assert.equal(thirdGot, "", "the connection over the cap got no answer");
      first.destroy();
      await closed(await firstServerSide);
      const res = await send(other.port, "/graphics/");
      assert.equal(res.body.toString(), INDEX);
    });
  });

  test("a port already in use rejects, instead of crashing the process", async () => {
    await assert.rejects(serve({ dir: join(tmp, "dist"), port }), { code: "EADDRINUSE" });
  });
});
