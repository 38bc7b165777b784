// Starts the widget without any inline script, so it runs under a strict content-security
// policy. On its own page it mounts into #imreform at once, over the prerendered first paint.
// On a host page, each <div data-imreform> gets a shadow root (so the page's styles and the
// widget's never meet) showing the same prerendered widget, taken from index.html; the wasm is
// fetched only when an embed comes within about a screen of the viewport, or the reader touches
// one (a tap on a marker or a list entry then opens that site when the widget starts).
// If it cannot start, the prerendered widget stays and a note says why: never a blank space.
import init from "./widget.js";
import "./options.js"; // globalThis.imreformOptions: the options' grammar, shared with lang.js

const base = new URL(".", import.meta.url);
const hosts = [...document.querySelectorAll("[data-imreform]")];

let started;
function start() {
  started ??= init({ module_or_path: new URL("widget_bg.wasm", base) }).then(
    (wasm) => {
      // On its own page (not in a host's), operators and the soak test can read wasm memory.
      if (!hosts.length) globalThis.imreform = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
    },
    (error) => {
      console.error("[imreform] the interactive graphic could not start:", error);
      // As without JavaScript: the prerendered markers and list lead to each site's own page.
      document.documentElement.classList.remove("js");
      const targets = hosts.length ? hosts.map((h) => h.shadowRoot) : [document.getElementById("imreform")];
      for (const target of targets.filter(Boolean)) {
        const note = document.createElement("p");
        note.setAttribute("role", "alert");
        note.className = "imreform-failed";
        note.textContent = "互动图表未能载入。· The interactive graphic could not load.";
        target.prepend(note);
      }
    },
  );
  return started;
}

/**
 * index.html, parsed once: its prerendered widget (built from the same components) and its
 * stylesheet, which the page carries inline (scripts/inline-head.mjs). A shadow root adopts it
 * as a constructed sheet, which the host's style-src does not govern (an inline <style> would
 * need the host to allow its hash). Null if the page cannot be had: reported, and the widget
 * then starts unstyled rather than not at all.
 */
let page;
function widgetPage() {
  page ??= fetch(new URL("index.html", base))
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then((html) => {
      // Taken out as text: a <style> parsed by DOMParser would be an inline style under the
      // host's policy, refused and reported. inline-head.mjs writes it so, and nothing in it
      // can close it early.
      const css = /<style>([^]*?)<\/style>/.exec(html);
      if (!css) throw new Error("it has no inline stylesheet");
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css[1]);
      const doc = new DOMParser().parseFromString(html.slice(0, css.index) + html.slice(css.index + css[0].length), "text/html");
      return { prerender: doc.getElementById("imreform"), sheet };
    })
    .catch((error) => {
      console.error(`[imreform] the widget's page (index.html) could not be read, so its styles and first paint are missing: ${error.message ?? error}`);
      return null;
    });
  return page;
}

/** Shows the prerender in an embed's shadow root, in its language and mode. */
async function showPrerender(host, root) {
  const source = (await widgetPage())?.prerender;
  const options = imreformOptions.fromAttributes(host);
  const lang = options.lang ?? [...(navigator.languages ?? [])].map(imreformOptions.lang).find(Boolean) ?? "zh";
  const widget = source?.querySelector(`.prerender[data-lang="${lang}"]`);
  if (!widget || root.querySelector(".widget")) return; // no prerender, or the widget came first
  const clone = document.importNode(widget, true);
  // The sites' pages and "Get the data" lie beside the widget's page, not the host's.
  for (const link of clone.querySelectorAll("a[href]:not([href^='#'])")) {
    link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
  }
  // The other language's unseen texts keep a kiosk's map still; any other embed drops them (the
  // page's rule that hides them cannot reach into a shadow root).
  if (options.mode !== "kiosk") for (const ghost of clone.querySelectorAll(".kiosk-ghost")) ghost.remove();
  const frame = clone.querySelector(".widget");
  if (options.mode === "embed") frame?.classList.add("widget--embed");
  if (options.mode === "kiosk") frame?.classList.add("widget--kiosk");
  const dark = options.theme === "dark" || (options.theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  frame?.setAttribute("data-theme", dark ? "dark" : "light");
  if (options.compact) frame?.classList.add("widget--compact");
  root.append(document.importNode(source.querySelector(".map__defs"), true), clone);
}

for (const host of hosts) {
  if (host.shadowRoot) continue;
  const shadow = host.attachShadow({ mode: "open" });
  widgetPage().then((parts) => {
    if (parts) shadow.adoptedStyleSheets = [parts.sheet];
  });
  const root = document.createElement("div");
  root.className = "imreform-root";
  // The widget's own page, for the links to one site that readers share.
  host.setAttribute("data-widget-page", new URL("index.html", base).href);
  shadow.append(root);
  showPrerender(host, root);
  // A tap before the wasm runs: remember the site for the widget (it reads data-site when it
  // starts), keep the host page's address as it is, and start now.
  shadow.addEventListener("click", (event) => {
    const site = imreformOptions.tappedSite(event);
    if (site === null) return;
    event.preventDefault();
    if (site) host.dataset.site = site;
    else delete host.dataset.site;
    start();
  });
  for (const name of ["pointerdown", "focusin", "keydown"]) host.addEventListener(name, start, { once: true });
}

/**
 * The widget's own page carries its stylesheet and lang.js inline (scripts/inline-head.mjs),
 * allowed by the hashes of dist/content-security-policy.txt. A host that sends an older policy
 * refuses them: the page then loads the same files instead, and the console says why.
 */
function recoverRefusedHead() {
  const refused = [];
  const style = document.head.querySelector("style");
  if (style && !style.sheet) {
    refused.push("stylesheet");
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("style.css", base).href;
    document.head.append(link);
  }
  if (!document.documentElement.hasAttribute("data-lang")) {
    refused.push("first-paint script");
    const script = document.createElement("script");
    script.src = new URL("lang.js", base).href;
    document.head.append(script);
  }
  if (refused.length) {
    console.error(
      `[imreform] this page's Content-Security-Policy refused its inline ${refused.join(" and ")}, so they load as files (later). ` +
        "Send the policy in content-security-policy.txt, beside index.html, with the widget's files (README, Security).",
    );
  }
}

if (!hosts.length) {
  recoverRefusedHead();
  start();
} else if ("IntersectionObserver" in window) {
  // Within about a screen of the viewport.
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        start();
      }
    },
    { rootMargin: "100% 0px" },
  );
  for (const host of hosts) observer.observe(host);
} else {
  start();
}
