// Trunk post-build hook: the widget's public address, set once by the publisher when building
// (IMREFORM_PUBLIC_URL=https://example.org/graphics/imreform/ trunk build --release), becomes
// the page's <link rel="canonical">. The widget reads it as its owner's word: the base of the
// links readers share and of a kiosk's QR codes (src/options.rs; README, "Security"). Nothing
// in the page's address can set it. Without the variable the page has no canonical link, and
// links to share use the page's own address.
//
// Also usable on a built dist/: node scripts/public-url.mjs dist https://example.org/imreform/
import { readFileSync, writeFileSync } from "node:fs";
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

if (value) {
  const { href, error } = publicUrl(value);
  if (error) {
    console.error(`public-url: IMREFORM_PUBLIC_URL ${error}; expected e.g. https://example.org/graphics/imreform/`);
    process.exit(1);
  }
  const file = join(dir, "index.html");
  const html = readFileSync(file, "utf8").replace(/<link rel="?canonical"?[^>]*>/g, "");
  const attribute = href.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const link = `<link rel="canonical" href="${attribute}">`;
  if (!/<\/title>/.test(html)) throw new Error("public-url: index.html has no </title>");
  writeFileSync(file, html.replace(/<\/title>/, (end) => end + link));
  console.log(`public-url: canonical ${href}`);
}
