// The widget's options as the page's own scripts read them, before the wasm: lang.js (the
// widget's page, in <head>) and boot.js (script embeds, which import this file). The same
// grammar as src/options.rs, for the options these scripts need (lang, theme, mode, compact,
// id); tests/fixtures/options.tsv holds both readers to the same results and warnings.
// Classic script and module alike: no import or export, one global.
(function (global) {
  "use strict";

  var READ = ["lang", "theme", "mode", "compact", "id"];
  var ALL = READ.concat(["site", "content", "idle", "reset", "step", "reload", "share", "stats"]);
  var MAX_VALUE = 64;

  /** ASCII white space trimmed and ASCII letters lowered, as Rust's to_ascii_lowercase. */
  function keyword(value) {
    return value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").replace(/[A-Z]/g, function (c) {
      return c.toLowerCase();
    });
  }

  /** "zh" or "en" from a tag such as zh-CN; null for anything else. */
  function lang(value) {
    var tag = keyword(String(value == null ? "" : value)).split(/[-_]/)[0];
    return tag === "zh" || tag === "en" ? tag : null;
  }

  var WORDS = {
    theme: [["light", "dark", "auto"], "expected light, dark or auto"],
    mode: [["full", "embed", "kiosk"], "expected full, embed or kiosk"],
  };
  var COMPACT = { "": true, 1: true, true: true, yes: true, 0: false, false: false, no: false };

  /** Who may set what (src/options.rs `allowed`): a warning, or null. */
  function refusal(source, key) {
    if (source === "markup" || key === "site" || key === "lang") return null;
    if (source === "query") {
      return key === "share"
        ? "ignored share in the address: the public address comes only from the page's markup (data-share or <link rel=canonical>)"
        : null;
    }
    return "ignored " + key + " in the fragment: only site and lang may be set there";
  }

  /** The value of `key` (one of READ), or a warning. */
  function value(key, text) {
    var word = keyword(text);
    var refuse = function (expected) {
      return { warning: "ignored " + key + '="' + text + '": ' + expected };
    };
    if (key === "lang") return lang(text) ? { value: lang(text) } : refuse("expected zh or en");
    if (key === "compact") return word in COMPACT ? { value: COMPACT[word] } : refuse("expected true or false");
    if (key === "id") return /^[A-Za-z0-9_-]+$/.test(text) ? { value: text } : refuse("expected letters, digits, - or _");
    return WORDS[key][0].indexOf(word) >= 0 ? { value: word } : refuse(WORDS[key][1]);
  }

  /** Reads [source, key, value] triples in order (a later value wins). */
  function read(pairs) {
    var options = { lang: null, theme: null, mode: null, compact: null, id: null, warnings: [] };
    pairs.forEach(function (pair) {
      var source = pair[0], key = pair[1], text = pair[2];
      if (ALL.indexOf(key) < 0) return;
      var warning = refusal(source, key);
      if (!warning && READ.indexOf(key) < 0) return; // the wasm's to read
      if (!warning && Array.from(text).length > MAX_VALUE) {
        warning = "ignored " + key + ": value longer than " + MAX_VALUE + " characters";
      }
      var result = warning ? { warning: warning } : value(key, text);
      if (result.warning) options.warnings.push(result.warning);
      else options[key] = result.value;
    });
    return options;
  }

  /** The [source, key, value] triples of `?query` and `#fragment` (a bare fragment: a site). */
  function addressPairs(search, hash) {
    var pairs = [];
    var add = function (text, source) {
      new URLSearchParams(text).forEach(function (v, k) {
        pairs.push([source, k, v]);
      });
    };
    var fragment = String(hash || "").replace(/^#/, "");
    add(String(search || "").replace(/^\?/, ""), "query");
    if (fragment.indexOf("=") >= 0) add(fragment, "fragment");
    return pairs;
  }

  global.imreformOptions = {
    lang: lang,
    read: read,
    fromAddress: function (search, hash) {
      return read(addressPairs(search, hash));
    },
    /**
     * The site a click on a prerendered link asks the widget to open: a marker's, a list
     * entry's or a card step's id, "" for a card's close (the overview); null for any other
     * click, and for one the reader means to open elsewhere (a modifier key, another button).
     */
    tappedSite: function (event) {
      var link = event.target.closest && event.target.closest(".prerender a[data-site]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return null;
      return link.getAttribute("data-site");
    },
    /** A script embed's data-* attributes: its host page's markup. */
    fromAttributes: function (element) {
      var pairs = [];
      READ.forEach(function (key) {
        var text = element.getAttribute("data-" + key);
        if (text !== null) pairs.push(["markup", key, text]);
      });
      return read(pairs);
    },
  };
})(globalThis);
