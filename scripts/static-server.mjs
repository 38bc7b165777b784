// The static server for dist/: what `scripts/serve` runs on a kiosk, and what the end-to-end
// tests (e2e/browser.mjs) and the benchmark (bench/run.mjs) import. Dependency-free (Node
// built-ins only), listening on 127.0.0.1 only, mounted under an optional base path so the tests
// prove the build works from a news site's sub-path.
//
// It is hardened because a kiosk runs it unattended for days: nothing outside a mounted folder
// is ever served (`..` in any spelling, backslashes, NUL and control bytes are refused, and
// symlinks are resolved and checked again), dot-files are never served, directories are never
// listed, a malformed request gets a 4xx and no request can crash the process. Only GET and
// HEAD are answered; .wasm is sent as application/wasm; precompressed `file.br` / `file.gz`
// siblings are sent when they exist and the browser accepts them. Every response carries the
// strict Content-Security-Policy unless the caller turns it off; the pages of a folder whose
// build wrote content-security-policy.txt (the same policy with the hashes of its pages' inline
// stylesheet and scripts) get that one. Content-Length is always the
// number of bytes sent (exactly the opened file's stat'd length is streamed). Clients that stop
// reading or send their headers slowly are cut off, and connections are capped (LIMITS).
// Sockets, FIFOs and devices are 404 without being opened, and so is a path below a file
// (`index.html/`). Content-hashed files (Trunk's `name-<hash>.ext`) are cached for a year as
// immutable; every other file revalidates (no-cache, with ETag and Last-Modified, and 304).
// scripts/static-server.test.mjs tests all of this.
//
// Why our own server and not a maintained one such as `sirv-cli` 3.0.1 (with sirv 3.0.2)?
// Decided for issue 23 by reading sirv's source and probing it, not by taste:
// - it stats every file once at start-up and streams each to its end under that length, so a
//   file that grows corrupts the keep-alive stream (a probe: 1000 stray bytes where the next
//   status line belongs), and a rebuilt file keeps its stale length for the process's life;
// - a Unix socket in the folder makes its read stream throw ENXIO with no handler, which ends
//   sirv-cli's process;
// - `/index.html/` is answered with index.html;
// - sirv-cli sets no idle, header or request timeout of its own and no connection cap (Node's
//   defaults: no idle timeout at all);
// - it has no option for a Content-Security-Policy header;
// - its Cache-Control is one max-age for every file: hashed files cannot be immutable while
//   the entry points revalidate;
// - it honours If-None-Match only as an exact string and never If-Modified-Since;
// - when the port is taken, sirv-cli serves on another one (it prints which), where a kiosk's
//   browser does not look.
// Each would need a wrapper or a fork around it, so this file (under 450 lines, no dependencies,
// every behaviour tested) stays.
//
// Usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--base /] [--no-csp]
import { createServer } from "node:http";
import { constants, open, readFile, realpath, stat } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

// Precompressed siblings, in order of preference: `Accept-Encoding` token -> file suffix.
const ENCODINGS = [
  ["br", ".br"],
  ["gzip", ".gz"],
];

// fs error codes that mean "there is no such file to serve".
// (ENXIO: a socket swapped in between the stat and the open.)
const MISSING = new Set(["ENOENT", "ENOTDIR", "ELOOP", "ENAMETOOLONG", "EISDIR", "ENXIO"]);
const DENIED = new Set(["EACCES", "EPERM"]);

// Thrown to answer with a status; anything else thrown is a bug and becomes a logged 500.
class Reply extends Error {
  constructor(status, text, headers = {}) {
    super(text);
    this.status = status;
    this.headers = headers;
  }
}
const badRequest = () => new Reply(400, "bad request");
const forbidden = () => new Reply(403, "forbidden");
const notFound = () => new Reply(404, "not found");

/** True if `file` is `root` or below it (both absolute, normalised). */
function inside(root, file) {
  const rel = relative(root, file);
  return rel === "" || (!isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${sep}`));
}

/** True if any segment of the path below `root` is a dot-file or dot-folder. */
function hidden(root, file) {
  return relative(root, file)
    .split(sep)
    .some((segment) => segment.startsWith("."));
}

/**
 * The real path of `file` (symlinks resolved), which must lie inside `realRoot` and not be
 * hidden; throws 404 if it does not exist, 403 if it resolves outside.
 */
async function realInside(realRoot, file) {
  let real;
  try {
    real = await realpath(file);
  } catch (err) {
    if (MISSING.has(err.code)) throw notFound();
    if (DENIED.has(err.code)) throw forbidden();
    throw err;
  }
  if (!inside(realRoot, real)) throw forbidden();
  if (hidden(realRoot, real)) throw notFound();
  return real;
}

/**
 * Opens `file`, a regular file or a folder; resolves to { handle, stats } (the stats of what
 * was opened), or throws (404 for anything else: a socket, a FIFO, a device).
 */
async function openStat(file) {
  let handle;
  try {
    // Never opened at all if it is not a file or a folder: opening a FIFO or a device can have
    // effects (a writer waiting on the FIFO is released), and a socket cannot be opened (ENXIO).
    const kind = await stat(file);
    if (!kind.isFile() && !kind.isDirectory()) throw notFound();
    // Non-blocking, so a FIFO swapped in since the stat cannot hold a thread waiting for a writer.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    return { handle, stats: await handle.stat() };
  } catch (err) {
    await handle?.close();
    if (err instanceof Reply) throw err;
    if (MISSING.has(err.code)) throw notFound();
    if (DENIED.has(err.code)) throw forbidden();
    throw err;
  }
}

/** Content codings the request accepts (q > 0), lower-cased. */
function acceptedEncodings(header = "") {
  const accepted = new Set();
  for (const part of String(header).split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (name && !(q && !(Number(q.slice(2)) > 0))) accepted.add(name);
  }
  return accepted;
}

/** A precompressed sibling of `real` the request accepts, opened, or null. */
async function precompressed(realRoot, real, acceptEncoding) {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const [coding, suffix] of ENCODINGS) {
    if (!accepted.has(coding)) continue;
    try {
      const opened = await openStat(await realInside(realRoot, real + suffix));
      if (opened.stats.isFile()) return { coding, ...opened };
      await opened.handle.close();
    } catch (err) {
      if (!(err instanceof Reply)) throw err;
    }
  }
  return null;
}

/**
 * The policy every response carries unless the caller passes another (or null for none): the
 * widget needs no inline script or style, and its wasm needs only 'wasm-unsafe-eval'.
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Where a build writes the policy its pages need (scripts/inline-head.mjs). */
export const POLICY_FILE = "content-security-policy.txt";

/**
 * The policy the build in `root` wrote for its pages: STRICT_CSP with the hashes of the
 * stylesheet and scripts each page carries inline. Read for every page it is sent with, as a
 * rebuild changes it. Null when there is none, or when it is not one line of printable ASCII (which
 * would break the header; the file is then reported and STRICT_CSP sent).
 */
export async function builtPolicy(root) {
  let text;
  try {
    text = await readFile(join(root, POLICY_FILE), "utf8");
  } catch {
    return null;
  }
  const policy = text.replace(/\n$/, "");
  if (/^[\u0020-\u007e]+$/.test(policy)) return policy;
  console.error(`static-server: ${join(root, POLICY_FILE)} is not one line of printable ASCII; sending the strict policy`);
  return null;
}

/** Cache-Control of a content-hashed file: its name changes whenever its bytes do. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Cache-Control of every other file: the entry points and anything unhashed revalidate. */
export const REVALIDATE = "no-cache";

/**
 * True if the last segment of `path` carries Trunk's content hash. Trunk 0.21 names a hashed
 * file `<stem>-<hash>.<ext>` (CSS, copied files) and the wasm-bindgen output `<name>-<hash>.js`
 * and `<name>-<hash>_bg.wasm`, where <hash> is a 64-bit seahash printed with `{:x}`: lower-case
 * hex without leading zeros, so 16 digits, 15 once in 16 builds, fewer once in 256. Accepted:
 * 15 or 16 digits with at least one letter, so that a date or a number in a name
 * (`photo-2026120702395512.jpg`) is never taken for a hash. A hashed name this misses is only
 * revalidated; an unhashed name taken for hashed would be stale for a year, so the rule errs
 * on the first side. wasm-bindgen's `snippets/<crate>-<hash>/` folders are not content hashes
 * and do not count: only the file's own name does.
 */
export function isContentHashed(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const hash = /-([0-9a-f]{15,16})(?:_bg)?\.[A-Za-z0-9]+$/.exec(name)?.[1];
  return hash !== undefined && /[a-f]/.test(hash);
}

/**
 * True if the request's validators match: If-None-Match (weak comparison, `*` for any) when the
 * request has one, else If-Modified-Since against the file's time to the second.
 */
function notModified(req, etag, mtime) {
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    const weak = (tag) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => weak(tag) === weak(etag));
  }
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

/**
 * Time limits (ms) and the connection cap. A kiosk's browser keeps a handful of connections and
 * sends a request's head in one packet; anything slower or more is a stuck or hostile client.
 */
export const LIMITS = {
  // The whole request head must arrive within this (slow-header clients get a 408). Node counts
  // it from the connection, so a connection that has sent nothing yet gets the 408 too: longer
  // than the 10 s for which Chromium keeps an unused preconnected socket, so that Chromium
  // drops its spare sockets before the server answers them with a 408.
  headersTimeout: 20_000,
  // The whole request (a GET has no body) must arrive within this.
  requestTimeout: 30_000,
  // An idle keep-alive connection is closed after this.
  keepAliveTimeout: 5_000,
  // A connection on which nothing moves for this long is closed: a client that stops reading
  // a response (its socket buffers full) is cut off instead of holding a descriptor forever.
  idleTimeout: 30_000,
  // Connections beyond this are closed as soon as they are accepted.
  maxConnections: 256,
};

/**
 * Starts the server; resolves to { url, origin, server, close } (`server` is the http.Server).
 * `also` mounts more folders ([{ base, dir }], e.g. a test's host page; the longest matching
 * base wins, so a folder can be mounted inside another); `csp` is the Content-Security-Policy
 * header, STRICT_CSP unless given (null or "" sends none), replaced for a folder's files by the
 * policy its build wrote (builtPolicy); `limits` overrides some of LIMITS
 * (the tests make them short). Rejects if it cannot listen (e.g. the port is taken).
 */
export async function serve({
  dir = "dist",
  port = 0,
  base = "/",
  also = [],
  csp = STRICT_CSP,
  limits = {},
} = {}) {
  const { headersTimeout, requestTimeout, keepAliveTimeout, idleTimeout, maxConnections } = {
    ...LIMITS,
    ...limits,
  };
  const mounts = [{ base, dir }, ...also].map((m) => {
    let prefix = m.base.startsWith("/") ? m.base : `/${m.base}`;
    if (!prefix.endsWith("/")) prefix += "/";
    return { root: resolve(m.dir), prefix };
  });
  const prefix = mounts[0].prefix;
  mounts.sort((a, b) => b.prefix.length - a.prefix.length); // stable: on a tie, the first wins
  // On every response; a file's own Cache-Control replaces this one.
  const common = {
    "cache-control": REVALIDATE,
    "x-content-type-options": "nosniff",
    ...(csp ? { "content-security-policy": csp } : {}),
  };
  /**
   * The headers of `file` of `mount`: a page gets its build's own policy (see builtPolicy) over
   * `csp`. Only pages: a policy governs the document it comes with, so the policy file is read
   * once a page, not once a file.
   */
  async function commonOf(mount, file) {
    if (!csp || extname(file).toLowerCase() !== ".html") return common;
    const policy = await builtPolicy(mount.root);
    return policy ? { ...common, "content-security-policy": policy } : common;
  }

  async function handle(req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") {
      throw new Reply(405, "method not allowed", { allow: "GET, HEAD" });
    }
    // The raw request target, not a URL parser's normalised one: `..` must be seen to be refused.
    const target = req.url ?? "";
    if (!target.startsWith("/")) throw badRequest();
    const queryAt = target.search(/[?#]/);
    const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
    const query = queryAt < 0 ? "" : target.slice(queryAt).replace(/#.*/, "");
    let path;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      throw badRequest(); // a malformed percent escape
    }
    // NUL, control bytes and backslashes (a path separator elsewhere) have no place in a path.
    if (/[\u0000-\u001f\u007f\\]/.test(path)) throw badRequest();

    // A mount point without its slash: send the browser to the slashed address, so the page's
    // relative URLs resolve inside the mount.
    if (mounts.some((m) => `${path}/` === m.prefix)) throw redirect(`${path}/`, query);
    const mount = mounts.find((m) => path.startsWith(m.prefix));
    if (!mount) throw notFound();
    const segments = path.slice(mount.prefix.length).split("/").filter(Boolean);
    if (segments.includes("..")) throw forbidden();
    if (segments.some((s) => s.startsWith("."))) throw notFound();

    let realRoot;
    try {
      realRoot = await realpath(mount.root);
    } catch {
      throw notFound(); // the folder is missing, e.g. while the widget is being rebuilt
    }
    const file = join(mount.root, ...segments);
    if (!inside(mount.root, file)) throw forbidden();
    let real = await realInside(realRoot, file);
    let opened = await openStat(real);
    // A path below a file (`index.html/`, `index.html/x`) names nothing.
    if (opened.stats.isFile() && path.endsWith("/")) {
      await opened.handle.close();
      throw notFound();
    }
    if (opened.stats.isDirectory()) {
      await opened.handle.close();
      if (!path.endsWith("/")) {
        throw redirect(`${mount.prefix}${segments.join("/")}/`, query);
      }
      real = await realInside(realRoot, join(real, "index.html")); // never a listing
      opened = await openStat(real);
    }
    if (!opened.stats.isFile()) {
      await opened.handle.close();
      throw notFound(); // a folder named index.html, or a FIFO swapped in since the stat
    }

    let encoded = null;
    try {
      encoded = await precompressed(realRoot, real, req.headers["accept-encoding"]);
      const { handle: fd, stats } = encoded ?? opened;
      // Validators of the bytes sent: each encoding is a representation with a tag of its own.
      const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoded ? `-${encoded.coding}` : ""}"`;
      const validators = {
        ...(await commonOf(mount, real)),
        "cache-control": isContentHashed(path) ? IMMUTABLE : REVALIDATE,
        etag,
        "last-modified": stats.mtime.toUTCString(),
        vary: "Accept-Encoding",
      };
      if (notModified(req, etag, stats.mtime)) {
        res.writeHead(304, validators);
        res.end();
        return;
      }
      res.writeHead(200, {
        ...validators,
        "content-type": TYPES[extname(real).toLowerCase()] ?? "application/octet-stream",
        "content-length": stats.size,
        ...(encoded ? { "content-encoding": encoded.coding } : {}),
      });
      if (req.method === "HEAD" || stats.size === 0) {
        res.end();
        return;
      }
      // Exactly the stat'd length, which is the Content-Length just sent: a file that grows
      // while it is sent must not push stray bytes into the keep-alive stream, where the browser
      // would read them as the next response. Streamed rather than read into memory, so a large
      // file costs 64 KB per connection, not its size.
      const body = fd.createReadStream({ autoClose: false, start: 0, end: stats.size - 1 });
      await pipeline(body, res, { end: false });
      // A file that shrank ended early: cut the connection, so the browser sees a truncated
      // response instead of waiting for bytes that never come.
      if (body.bytesRead === stats.size) res.end();
      else res.destroy();
    } catch (err) {
      // The browser went away mid-file (a reload, a cancelled fetch): nothing to report.
      if (err.code !== "ERR_STREAM_PREMATURE_CLOSE") throw err;
    } finally {
      await opened.handle.close();
      await encoded?.handle.close();
    }
  }

  function redirect(path, query) {
    // `path` is decoded, starts with a mount's prefix and has no empty segment, so the address
    // stays on this server; only a query of plain printable ASCII is carried over.
    const location = path.split("/").map(encodeURIComponent).join("/");
    const safeQuery = /^[\u0021-\u007e]*$/.test(query) ? query : "";
    return new Reply(301, "moved", { location: location + safeQuery });
  }

  function reply(req, res, { status, message, headers }) {
    const body = `${message}\n`;
    res.writeHead(status, {
      ...common,
      ...headers,
      "content-type": "text/plain; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  function onRequest(req, res) {
    handle(req, res).catch((err) => {
      try {
        if (err instanceof Reply) {
          reply(req, res, err);
          return;
        }
        // A bug or an unexpected fs error: one line to the log, a 500 to the browser, and the
        // server keeps running. (JSON.stringify keeps control bytes in the address off the log.)
        console.error(
          `static-server: ${req.method} ${JSON.stringify(req.url)}: ${err?.stack?.split("\n")[0] ?? err}`,
        );
        if (res.headersSent) res.destroy();
        else reply(req, res, { status: 500, message: "internal server error", headers: {} });
      } catch {
        res.destroy();
      }
    });
  }

  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout,
      // How often Node checks the header and request timeouts (its default, 30 s, would let a
      // slow client hold on for half a minute past its limit).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, headersTimeout / 4)),
    },
    onRequest,
  );
  server.keepAliveTimeout = keepAliveTimeout;
  // No 'timeout' listener, so Node destroys a socket that stays idle this long.
  server.setTimeout(idleTimeout);
  server.maxConnections = maxConnections;
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      ok();
    });
  });
  // A later error on the listening socket is logged, never an uncaught exception.
  server.on("error", (err) => console.error(`static-server: ${err.message}`));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}${prefix}`, origin, server, close: () => new Promise((ok) => server.close(ok)) };
}

/** True when this file is the program node was started with (not imported). */
function isMain() {
  if (!process.argv[1]) return false; // node -e, node --test's own runner
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  try {
    const { url } = await serve({
      dir: arg("dir", "dist"),
      port: Number(arg("port", "8080")),
      base: arg("base", "/"),
      // The strict policy unless the operator says otherwise.
      ...(process.argv.includes("--no-csp") ? { csp: null } : {}),
    });
    console.log(`Serving the widget at ${url}  (Ctrl-C to stop)`);
  } catch (err) {
    console.error(`static-server: cannot serve: ${err.message}`);
    process.exit(1);
  }
}
