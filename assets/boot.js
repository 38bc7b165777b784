// Starts the widget without any inline script, so it runs under a strict content-security
// policy. On its own page it mounts into #imreform; on a host page into each
// <div data-imreform>, inside a shadow root so the page's styles and the widget's never meet.
import init from "./widget.js";

const base = new URL(".", import.meta.url);
for (const host of document.querySelectorAll("[data-imreform]")) {
  if (host.shadowRoot) continue;
  const shadow = host.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("style.css", base).href;
  const root = document.createElement("div");
  root.className = "imreform-root";
  shadow.append(style, root);
}
await init({ module_or_path: new URL("widget_bg.wasm", base) });
