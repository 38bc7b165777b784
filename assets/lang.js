// Runs in <head>, before the body is parsed (a classic script: the page has no inline script),
// so the prerendered widget paints in the reader's language and mode at once. The options are
// read by options.js (loaded just before), the grammar the wasm reads them by: lang= in the
// address, else the browser's preferred language, else Chinese; the colour scheme (theme=,
// else the system's); mode=embed, mode=kiosk and compact. Its warnings are the wasm's to log.
// It marks the page as scripted (which hides what only works without it) and, in a frame, tells
// the host page the prerender's height until the widget takes over and reports its own.
(function () {
  var root = document.documentElement;
  var options = imreformOptions.fromAddress(location.search, location.hash);
  // A page of one site (wuhai.en.html, src/share_page.rs) names its site and language as a
  // fragment, <html data-page="#site=wuhai&lang=en">: the address's, unless it has its own.
  var page = root.getAttribute("data-page");
  if (page && location.hash.length < 2) {
    history.replaceState(history.state, "", page);
    options = imreformOptions.fromAddress(location.search, page);
  }
  var lang = options.lang;
  var preferred = navigator.languages || [navigator.language];
  for (var i = 0; !lang && i < preferred.length; i++) lang = imreformOptions.lang(preferred[i]);
  lang = lang || "zh";
  root.className += " js";
  root.setAttribute("data-lang", lang);
  root.lang = lang === "en" ? "en" : "zh-Hans";
  var mode = options.mode;
  if (mode === "embed") root.setAttribute("data-mode", "embed");
  // A kiosk's first paint is already the kiosk's one screen (assets/style.css).
  if (mode === "kiosk") {
    root.setAttribute("data-mode", "kiosk");
    root.className += " kiosk";
  }
  var theme = options.theme;
  var dark = theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  root.setAttribute("data-scheme", dark ? "dark" : "light");
  if (options.compact) root.setAttribute("data-compact", "");

  // The prerendered markers, list entries and a card's steps link to each site's own page (and
  // its close to the overview's), for readers without JavaScript. Before the wasm runs, a tap
  // opens the site in the widget instead (it reads the address when it starts). If the wasm
  // cannot start, boot.js drops the "js" class and the links lead to the pages again.
  addEventListener("click", function (event) {
    var site = imreformOptions.tappedSite(event);
    if (site === null || event.defaultPrevented || !root.classList.contains("js")) return;
    event.preventDefault();
    var shown = event.target.closest(".prerender").getAttribute("data-lang") || lang;
    location.hash = (site ? "site=" + site + "&" : "") + "lang=" + shown;
  });

  // In a frame: the host's embed.js sizes the frame from this until the widget reports.
  if (window.parent === window || !window.ResizeObserver) return;
  var id = options.id || "imreform";
  addEventListener("DOMContentLoaded", function () {
    var widget = document.getElementById("imreform");
    if (!widget) return;
    var last = 0;
    var observer = new ResizeObserver(function () {
      var prerender = widget.querySelector(".prerender[data-lang='" + lang + "']");
      if (!prerender) return observer.disconnect(); // the widget has taken over
      var height = Math.ceil(prerender.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: "imreform:height", id: id, height: height }, "*");
    });
    observer.observe(widget);
  });
})();
