// The course's book pages: framework switch, language switch, launch buttons, the download of
// the chosen framework's notebook, and search results without raw TeX.
// Configuration comes from config.js, which the build writes per language (window.SEQLAB_BOOK).
(function () {
  "use strict";
  var cfg = window.SEQLAB_BOOK;
  var KEY = "seqlab-framework", HUB = "seqlab-jupyterhub";
  var FRAMEWORKS = { pytorch: "PyTorch", tensorflow: "TensorFlow" };

  function stored(key, fallback) {
    try { return localStorage.getItem(key) || fallback; } catch (e) { return fallback; }
  }
  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }
  var framework = stored(KEY, "pytorch");
  if (!FRAMEWORKS[framework]) framework = "pytorch";
  document.documentElement.setAttribute("data-framework", framework); // in <head>: before paint

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function notebookPath(chapter, fw) { return "notebooks/" + cfg.lang + "/" + chapter + "-" + fw + ".ipynb"; }

  function launchUrl(kind, chapter, fw) {
    var path = notebookPath(chapter, fw), repo = cfg.repository;
    if (kind === "colab") return "https://colab.research.google.com/github/" + repo.github + "/blob/" + repo.branch + "/" + path;
    if (kind === "binder") return cfg.binderhub_url.replace(/\/$/, "") + "/v2/gh/" + repo.github + "/" + repo.branch + "?labpath=" + encodeURIComponent(path);
    var hub = cfg.jupyterhub_url || stored(HUB, "");
    if (!hub) return null;
    return hub.replace(/\/$/, "") + "/hub/user-redirect/git-pull?repo=" + encodeURIComponent(repo.url) +
      "&branch=" + encodeURIComponent(repo.branch) +
      "&urlpath=" + encodeURIComponent("lab/tree/" + repo.name + "/" + path);
  }

  function build() {
    var article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
    var page = location.pathname.split("/").pop() || "index.html";
    var name = page.replace(/\.html$/, "");
    var isChapter = cfg.chapters.indexOf(name) >= 0;
    var bar = el("div", { "class": "seqlab-bar" });

    var langs = el("nav", { "class": "seqlab-langs", "aria-label": cfg.strings.language });
    cfg.langs.forEach(function (l) {
      var target = l.pages.indexOf(name) >= 0 ? page : "intro.html";
      var a = el("a", { href: "../" + l.code + "/" + target, hreflang: l.code, lang: l.code }, l.name);
      if (l.code === cfg.lang) a.setAttribute("aria-current", "page");
      else if (target === page) {
        // Translations have the same sections in the same order, but section ids follow the
        // headings' words: carry the section's position instead ("#seqlab-section-4").
        a.addEventListener("click", function () {
          var n = currentSection();  // 0: the page's own top section, nothing to carry
          a.setAttribute("href", "../" + l.code + "/" + target + (n > 0 ? "#seqlab-section-" + n : ""));
        });
      }
      langs.appendChild(a);
    });
    bar.appendChild(langs);

    if (isChapter) {
      var group = el("div", { "class": "seqlab-frameworks", role: "group", "aria-label": cfg.strings.framework });
      var launch = el("div", { "class": "seqlab-launch" });
      var links = {};
      ["colab", "binder", "jupyterhub"].forEach(function (kind) {
        links[kind] = el("a", { "class": "seqlab-launch-" + kind, target: "_blank", rel: "noopener" }, cfg.strings["open_" + kind]);
        launch.appendChild(links[kind]);
      });
      var askForHub = function (ev) {
        if (links.jupyterhub.getAttribute("href")) return;
        ev.preventDefault();
        var hub = window.prompt(cfg.strings.hub_prompt, "https://");
        if (hub && /^https?:\/\/./.test(hub)) { store(HUB, hub); apply(framework); window.open(links.jupyterhub.href, "_blank", "noopener"); }
      };
      links.jupyterhub.addEventListener("click", askForHub);
      links.jupyterhub.addEventListener("keydown", function (ev) {  // a link without href is a button
        if (!links.jupyterhub.getAttribute("href") && (ev.key === "Enter" || ev.key === " ")) askForHub(ev);
      });
      var buttons = {};
      Object.keys(FRAMEWORKS).forEach(function (fw) {
        var b = el("button", { type: "button", "data-framework": fw }, FRAMEWORKS[fw]);
        b.addEventListener("click", function () { store(KEY, fw); apply(fw); });
        buttons[fw] = b;
        group.appendChild(b);
      });
      var apply = function (fw) {
        framework = fw;
        document.documentElement.setAttribute("data-framework", fw);
        Object.keys(buttons).forEach(function (k) { buttons[k].setAttribute("aria-pressed", String(k === fw)); });
        Object.keys(links).forEach(function (kind) {
          var url = launchUrl(kind, name, fw);
          if (url) {
            links[kind].setAttribute("href", url);
            links[kind].removeAttribute("role");
            links[kind].removeAttribute("tabindex");
          } else {  // JupyterHub before the reader named one: a button that asks for it
            links[kind].removeAttribute("href");
            links[kind].setAttribute("role", "button");
            links[kind].setAttribute("tabindex", "0");
          }
          links[kind].setAttribute("title", notebookPath(name, fw));
        });
        offerNotebook(name, fw);
      };
      bar.appendChild(group);
      bar.appendChild(launch);
      apply(framework);
    }
    var h1 = article.querySelector("h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(bar, h1.nextSibling);
    else article.insertBefore(bar, article.firstChild);
  }

  // The position of the section the reader is in: the one named by the address, else the last
  // whose heading has scrolled past the top of the window.
  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll("article.bd-article section[id], main section[id]"));
  }
  function currentSection() {
    var all = sections(), hash = decodeURIComponent(location.hash.slice(1)), found = -1;
    if (hash) {
      var target = document.getElementById(hash);
      all.forEach(function (sec, i) { if (target && (sec === target || sec.contains(target))) found = i; });
      if (found >= 0) return found;
    }
    if (window.scrollY < 100) return -1;  // at the top of the page: nothing to carry
    all.forEach(function (sec, i) { if (sec.getBoundingClientRect().top <= 80) found = i; });
    return found;
  }
  function followSection() {  // arrived from another language: go to the same section here
    var m = /^#seqlab-section-(\d+)$/.exec(location.hash);
    if (!m) return;
    var sec = sections()[Number(m[1])];
    if (!sec) return;
    history.replaceState(null, "", "#" + sec.id);
    var go = function () { sec.scrollIntoView({ behavior: "instant", block: "start" }); };
    go();
    // images and formulas above it take their height later: scroll again once they have
    var again = go;
    if (document.readyState !== "complete") window.addEventListener("load", again, { once: true });
    whenTypeset(40, again);
  }

  // The download button offers the notebook of the chosen framework, not the merged page source.
  function offerNotebook(chapter, fw) {
    var link = document.querySelector(".dropdown-download-buttons a.btn-download-source-button");
    if (!link) return;
    var file = chapter + "-" + fw + ".ipynb";
    var label = cfg.strings.download_notebook.replace("{framework}", FRAMEWORKS[fw]);
    link.setAttribute("href", "_notebooks/" + file);
    link.setAttribute("download", file);
    link.removeAttribute("target");
    link.setAttribute("title", label);
    link.setAttribute("aria-label", label);
    link.setAttribute("data-bs-original-title", label);
    var text = link.querySelector(".btn__text-container");
    if (text) text.textContent = label;
  }

  // Search results: Sphinx cuts their snippets from the pages' HTML, where formulas are still
  // TeX ("\\(W_{hh}\\)"); leave the formulas out of the snippets.
  function cleanSnippets() {
    if (typeof Search === "undefined" || !Search.htmlToText || Search.htmlToText.seqlab) return;
    var original = Search.htmlToText;
    var cleaned = function (htmlString, anchor) {
      var doc = new DOMParser().parseFromString(htmlString, "text/html");
      doc.querySelectorAll(".math, mjx-container, script").forEach(function (e) { e.replaceWith("…"); });
      return original(doc.documentElement.outerHTML, anchor);
    };
    cleaned.seqlab = true;
    Search.htmlToText = cleaned;
  }

  // Another tab switched the framework: follow it.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY && FRAMEWORKS[e.newValue]) {
      var b = document.querySelector('.seqlab-frameworks button[data-framework="' + e.newValue + '"]');
      if (b) b.click();
    }
  });
  // Formulas are not tab stops (mathjax3_config in _config.yml), except a displayed formula too
  // wide for the column: it scrolls sideways, and a keyboard reader must be able to scroll it.
  function scrollableFormulas() {
    document.querySelectorAll('mjx-container[display="true"]').forEach(function (c) {
      if (c.scrollWidth > c.clientWidth + 1) c.setAttribute("tabindex", "0");
      else if (c.getAttribute("tabindex") === "0") c.removeAttribute("tabindex");
    });
  }
  function whenTypeset(tries, then) {
    var mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) mj.startup.promise.then(then);
    else if (tries > 0) setTimeout(function () { whenTypeset(tries - 1, then); }, 250);
  }
  var resizing = null;  // a narrower window makes more formulas scroll
  window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(scrollableFormulas, 300); });

  function start() {
    whenTypeset(40, scrollableFormulas);
    cleanSnippets();
    build();
    followSection();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
