// Starts the widget without any inline script, so it runs under a strict content-security
// policy. On its own page it mounts into #imreform; on a host page into each
// <div data-imreform>, inside a shadow root so the page's styles and the widget's never meet.
// If it cannot start, the static summary stays and a note says why: never a blank space.
import init from "./widget.js";

const base = new URL(".", import.meta.url);
const hosts = [...document.querySelectorAll("[data-imreform]")];
for (const host of hosts) {
  if (host.shadowRoot) continue;
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("style.css", base).href;
  const root = document.createElement("div");
  root.className = "imreform-root";
  shadow.append(style, root);
}
try {
  const wasm = await init({ module_or_path: new URL("widget_bg.wasm", base) });
  // On its own page (not in a host's), operators and the soak test can read wasm memory.
  if (!hosts.length) globalThis.imreform = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
} catch (error) {
  console.error("[imreform] the interactive graphic could not start:", error);
  const targets = hosts.length ? hosts.map((h) => h.shadowRoot) : [document.getElementById("imreform")];
  for (const target of targets.filter(Boolean)) {
    const note = document.createElement("p");
    note.setAttribute("role", "alert");
    note.className = "imreform-failed";
    note.textContent = "互动图表未能载入。· The interactive graphic could not load.";
    target.prepend(note);
  }
}
