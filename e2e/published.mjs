// A copy of the built widget as a publisher would put it online (the kiosk build, which has the
// QR codes), with its public address
// written in by scripts/public-url.mjs (the documented way, `IMREFORM_PUBLIC_URL`), served by a
// spec beside the plain dist/ (startBrowser's `also`). And zbarimg, to read QR codes back.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { ARTIFACTS } from "./browser.mjs";

/** Where a spec mounts the published copy named `name`. */
export const publishedBase = (name) => `/published/${name}/imreform/`;

/**
 * Copies the kiosk build (dist/kiosk/, scripts/build-kiosk: the reader's widget and what only
 * a kiosk uses, its QR codes among it) to a folder of its own (`name`) and writes `publicUrl`
 * into its index.html.
 */
export function publish(name, publicUrl) {
  const dir = `${ARTIFACTS}published-${name}/`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  cpSync("dist/kiosk", dir, { recursive: true });
  // A precompressed page would be served without the canonical link.
  rmSync(`${dir}index.html.br`, { force: true });
  rmSync(`${dir}index.html.gz`, { force: true });
  if (publicUrl) setPublicUrl(dir, publicUrl);
  return { base: publishedBase(name), dir };
}

/** Writes (or rewrites) the public address of a published copy. */
export function setPublicUrl(dir, publicUrl) {
  execFileSync("node", ["scripts/public-url.mjs", dir, publicUrl], { stdio: "pipe" });
}

/** The QR codes zbarimg finds in a PNG, as text. */
export function decodeQr(png) {
  const run = spawnSync("zbarimg", ["--quiet", "--raw", png], { encoding: "utf8" });
  // Exit status 4: no symbol found. (Its stderr also complains about D-Bus: not ours to read.)
  if (run.status === 4) return [];
  if (run.status !== 0) throw new Error(`zbarimg ${png}: ${run.error ?? run.stderr}`);
  return run.stdout.trim().split("\n").filter(Boolean);
}
