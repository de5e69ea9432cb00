// The course's book pages: framework switch, language switch, launch buttons.
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
      links.jupyterhub.addEventListener("click", function (ev) {
        if (links.jupyterhub.getAttribute("href")) return;
        ev.preventDefault();
        var hub = window.prompt(cfg.strings.hub_prompt, "https://");
        if (hub && /^https?:\/\/./.test(hub)) { store(HUB, hub); apply(framework); window.open(links.jupyterhub.href, "_blank", "noopener"); }
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
          if (url) links[kind].setAttribute("href", url); else links[kind].removeAttribute("href");
          links[kind].setAttribute("title", notebookPath(name, fw));
        });
      };
      bar.appendChild(group);
      bar.appendChild(launch);
      apply(framework);
    }
    var h1 = article.querySelector("h1");
    if (h1 && h1.parentNode) h1.parentNode.insertBefore(bar, h1.nextSibling);
    else article.insertBefore(bar, article.firstChild);
  }

  // Another tab switched the framework: follow it.
  window.addEventListener("storage", function (e) {
    if (e.key === KEY && FRAMEWORKS[e.newValue]) {
      var b = document.querySelector('.seqlab-frameworks button[data-framework="' + e.newValue + '"]');
      if (b) b.click();
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build); else build();
})();
