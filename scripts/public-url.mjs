// Trunk post-build hook: the widget's public address, set once by the publisher when building
// (IMREFORM_PUBLIC_URL=https://example.org/graphics/imreform/ trunk build --release), becomes
// the page's <link rel="canonical">. The widget reads it as its owner's word: the base of the
// links readers share and of a kiosk's QR codes (src/options.rs; README, "Security"). Nothing
// in the page's address can set it. Without the variable the page has no canonical link, and
// links to share use the page's own address.
//
// The pages of one site (tools/pages: wuhai.html, wuhai.en.html, index.en.html) get
// theirs too: each its own address as its canonical link and og:url, and the absolute address
// of its share picture as og:image, which a crawler needs (README, "A page per site").
//
// Also usable on a built dist/: node scripts/public-url.mjs dist https://example.org/imreform/
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir = process.env.TRUNK_STAGING_DIR, value = process.env.IMREFORM_PUBLIC_URL] = process.argv.slice(2);
if (!dir) throw new Error("public-url: run by Trunk (TRUNK_STAGING_DIR), or give a folder and an address");

/** The address as the browser will read it, or a sentence saying why not. */
export function publicUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return { error: `"${text}" is not an absolute address` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { error: `"${text}" is not http(s)` };
  if (url.username || url.password) return { error: `"${text}" carries a user name or password` };
  url.hash = "";
  return { href: url.href };
}

/**
 * `html` (a page at `address`, beside the widget's page at `root`) with its canonical link, and
 * its og:url and og:image (`share/…png`, in the widget's folder) made absolute.
 */
export function withAddress(html, address, root) {
  const attribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return outsideInline(html, (markup) => {
    const page = markup.replace(/<link rel="?canonical"?[^>]*>/g, "");
    if (!/<\/title>/.test(page)) throw new Error("public-url: a page has no </title>");
    return page
      .replace(/<\/title>/, (end) => `${end}<link rel="canonical" href="${attribute(address)}">`)
      .replace(/(<meta property="og:url" content=")[^"]*(")/, (_, start, end) => start + attribute(address) + end)
      .replace(/(<meta property="og:image" content=")[^"]*?(share\/[^"/]+\.png)(")/, (_, start, path, end) =>
        start + attribute(new URL(path, root).href) + end);
  });
}

/**
 * `html` with `edit` applied to its markup, not to the text of its inline <style> and <script>
 * elements: the build writes the stylesheet and scripts into every page (inline-head.mjs), and
 * their text must stay byte for byte what the policy's hashes allow (options.js, for one, names
 * "<link rel=canonical>" in a warning). Each is held out as a NUL-delimited token, which no page
 * holds.
 */
function outsideInline(html, edit) {
  const held = [];
  const markup = html.replace(/<(style|script)>[^]*?<\/\1>/g, (element) => `\0${held.push(element) - 1}\0`);
  return edit(markup).replace(/\0(\d+)\0/g, (_, i) => held[i]);
}

/** The pages of a built dist/: index.html, and beside it those tools/pages wrote (wuhai.html, wuhai.en.html, index.en.html). */
const pages = (folder) => readdirSync(folder).filter((name) => name.endsWith(".html"));

let href, error;
if (value) {
  ({ href, error } = publicUrl(value));
  if (error) {
    console.error(`public-url: IMREFORM_PUBLIC_URL ${error}; expected e.g. https://example.org/graphics/imreform/`);
    process.exit(1);
  }
  const written = pages(dir);
  for (const name of written) {
    const file = join(dir, name);
    writeFileSync(file, withAddress(readFileSync(file, "utf8"), name === "index.html" ? href : new URL(name, href).href, href));
    // A precompressed copy beside it would be served without the address.
    rmSync(`${file}.br`, { force: true });
    rmSync(`${file}.gz`, { force: true });
  }
  console.log(`public-url: canonical ${href} (${written.length} pages)`);
}
