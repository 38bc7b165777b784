// A dependency-free static server for dist/, on loopback only, mounted under an optional base
// path so tests prove the build works from a news site's sub-path.
// Usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--base /]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Starts the server; resolves to { url, origin, close }. `also` mounts more folders
 * ([{ base, dir }], e.g. a test's host page); `csp` adds a Content-Security-Policy header.
 */
export async function serve({ dir = "dist", port = 0, base = "/", also = [], csp } = {}) {
  const mounts = [{ base, dir }, ...also].map((m) => ({
    root: resolve(m.dir),
    prefix: m.base.endsWith("/") ? m.base : `${m.base}/`,
  }));
  const prefix = mounts[0].prefix;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    // The longest matching prefix wins, so a folder can be mounted inside another.
    const mount = mounts
      .filter((m) => path.startsWith(m.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0];
    if (!mount) {
      res.writeHead(404).end("not found");
      return;
    }
    const root = mount.root;
    let file = normalize(join(root, path.slice(mount.prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        ...(csp ? { "content-security-policy": csp } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: `${origin}${prefix}`, origin, close: () => new Promise((ok) => server.close(ok)) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve({
    dir: arg("dir", "dist"),
    port: Number(arg("port", "8080")),
    base: arg("base", "/"),
  });
  console.log(`Serving the widget at ${url}  (Ctrl-C to stop)`);
}
