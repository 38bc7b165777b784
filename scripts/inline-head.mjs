// Trunk post-build hook, the last step: every page's render-blocking files (the stylesheet, and
// options.js and lang.js, the classic scripts that pick the prerender's language and mode) are
// written into the page itself, so the first paint waits for one request, not two. On the
// phone profile of scripts/bench (150 ms a request) that is the largest cost over the floor
// (README, "Benchmark"): map visible 0.70 s -> 0.52 s against the Chinese line's 0.34 s.
//
// The page still runs under a strict policy: not 'unsafe-inline', but the SHA-256 of each
// inline block (CSP Level 2 hash sources), added to STRICT_CSP's script-src and style-src. The
// policy is written twice: as each page's first <meta http-equiv="Content-Security-Policy">
// (so a host that sends no policy still gets this one) and as content-security-policy.txt, the
// header a host sends with the widget's files (README, "Security"); the bundled server sends
// that file's policy. The hashes change only when the stylesheet or the scripts change.
//
// The files stay: boot.js imports options.js, and loads the stylesheet and lang.js where a host
// sends an older policy that refuses them inline (and says so). A script embed's shadow root
// adopts the stylesheet from the index.html it fetches for the prerender.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { STRICT_CSP } from "./static-server.mjs";

/** The file of `dir` that `href` names (./style-<hash>.css or options-<hash>.js). */
const fileOf = (href) => href.replace(/^\.\//, "");
const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** `text`, failing if it could close the element it is written into. */
function insertable(text, element, file) {
  if (new RegExp(`</${element}`, "i").test(text)) throw new Error(`inline-head: ${file} holds "</${element}", which would end the inline <${element}>`);
  return text;
}

/** The page with its stylesheet and classic scripts inline; the hashes of what it inlined. */
export function inlineHead(html, read) {
  const hashes = { script: [], style: [] };
  const bodyAt = html.search(/<body[\s>]/);
  if (bodyAt < 0) throw new Error("inline-head: a page has no <body>");
  let head = html.slice(0, bodyAt);
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=(["']?)([^"'\\s>]+)\\1`))?.[2];
  head = head.replace(/<link\b[^>]*>/g, (tag) => {
    if (attr(tag, "rel") !== "stylesheet") return tag;
    const file = fileOf(attr(tag, "href"));
    const css = insertable(read(file), "style", file);
    hashes.style.push(sha256(css));
    return `<style>${css}</style>`;
  });
  head = head.replace(/<script\b([^>]*)><\/script>/g, (tag, attrs) => {
    if (/\stype=/.test(attrs) || /\s(async|defer)\b/.test(attrs)) return tag; // the module loader stays a file
    const file = fileOf(attr(tag, "src"));
    const js = insertable(read(file), "script", file);
    hashes.script.push(sha256(js));
    return `<script>${js}</script>`;
  });
  if (hashes.style.length !== 1 || hashes.script.length !== 2) {
    throw new Error(`inline-head: expected one stylesheet and two classic scripts, found ${hashes.style.length} and ${hashes.script.length}`);
  }
  return { html: head + html.slice(bodyAt), hashes };
}

/** STRICT_CSP with the hashes added to script-src and style-src. */
export function policyWith(hashes) {
  return STRICT_CSP.split("; ")
    .map((directive) => {
      const [name] = directive.split(" ");
      const extra = name === "script-src" ? hashes.script : name === "style-src" ? hashes.style : [];
      return [directive, ...extra].join(" ");
    })
    .join("; ");
}

/** The policy as the page's first element after <meta charset>. */
function withPolicyMeta(html, policy) {
  const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
  if (!charset) throw new Error("inline-head: a page has no <meta charset=utf-8>");
  const at = charset.index + charset[0].length;
  return `${html.slice(0, at)}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(at)}`;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("inline-head: run by Trunk (TRUNK_STAGING_DIR), or give a folder");
  const read = (file) => readFileSync(join(dir, file), "utf8");
  const pages = readdirSync(dir).filter((name) => name.endsWith(".html"));
  let policy = null;
  for (const name of pages) {
    const { html, hashes } = inlineHead(read(name), read);
    const own = policyWith(hashes);
    // Every page inlines the same files: one policy serves them all.
    if (policy !== null && own !== policy) throw new Error(`inline-head: ${name} needs another policy than the pages before it`);
    policy = own;
    writeFileSync(join(dir, name), withPolicyMeta(html, policy));
  }
  if (policy === null) throw new Error(`inline-head: no page in ${dir}`);
  writeFileSync(join(dir, "content-security-policy.txt"), `${policy}\n`);
  console.log(`inline-head: ${pages.length} pages; ${policy}`);
}
