// The learner's progress, read from this browser only (seqlab.authoring.progress_page writes the
// page): the quiz widget (seqlab/quiz.js) keeps each chapter's answers in localStorage under
// "seqlab-quiz:<chapter>" as {questionId: {given, correct, tries}}. On the progress page this
// script counts them per chapter and in all and links to every unanswered and every wrongly
// answered question ("01-rnn.html#quiz-<id>"); on a chapter page it takes such an address to its
// question once the quiz has been drawn. It sends nothing anywhere, and text from the page's data
// is set as text, never as HTML.
(function () {
  "use strict";
  var STORE = "seqlab-quiz:";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }

  function readJson(tag) {
    try { return JSON.parse(tag.textContent); } catch (e) { return null; }
  }

  function stored(chapter) {
    var answers = null;
    try { answers = JSON.parse(localStorage.getItem(STORE + chapter) || "{}"); } catch (e) { /* private mode, bad data */ }
    return answers && typeof answers === "object" && !Array.isArray(answers) ? answers : {};
  }

  // ---- the progress page ----

  function count(data) {
    var answers = stored(data.chapter), wrong = [], open = [], correct = 0;
    data.questions.forEach(function (q) {
      var a = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : null;
      if (!a || typeof a !== "object") open.push(q);
      else if (a.correct === true) correct += 1;
      else wrong.push(q);
    });
    return { total: data.questions.length, answered: data.questions.length - open.length,
             correct: correct, wrong: wrong, open: open };
  }

  // A bar in three parts: right (solid), answered but not right (striped), not answered (empty).
  // The text beside it says the same in numbers, so the bar is hidden from screen readers.
  function bar(c) {
    var b = el("div", { "class": "seqlab-progress-bar", "aria-hidden": "true" });
    var pct = function (n) { return c.total ? (100 * n / c.total) + "%" : "0"; };
    var right = el("span", { "class": "sp-right" }), wrong = el("span", { "class": "sp-wrong" });
    right.style.width = pct(c.correct);
    wrong.style.width = pct(c.answered - c.correct);
    b.appendChild(right);
    b.appendChild(wrong);
    return b;
  }

  function links(data, questions) {
    var ul = el("ul", { "class": "seqlab-progress-links" });
    if (data.lang) ul.setAttribute("lang", data.lang);
    questions.forEach(function (q) {
      var li = el("li");
      li.appendChild(el("a", { href: data.href + "#quiz-" + encodeURIComponent(q.id) }, q.n + ". " + q.text));
      ul.appendChild(li);
    });
    return ul;
  }

  function drawChapter(box, data, s) {
    var c = count(data);
    var view = el("div", { "class": "seqlab-progress-view" });
    if (data.notice) view.appendChild(el("p", { "class": "seqlab-progress-notice" }, data.notice));
    view.appendChild(el("p", { "class": "seqlab-progress-count" },
                        fill(s.count, { answered: c.answered, total: c.total, correct: c.correct })));
    view.appendChild(bar(c));
    if (c.wrong.length) {
      view.appendChild(el("p", { "class": "seqlab-progress-label" }, fill(s.wrong, { n: c.wrong.length })));
      var w = links(data, c.wrong);
      w.classList.add("seqlab-progress-wrong");
      view.appendChild(w);
    }
    if (c.open.length) {
      // open once the chapter is started; a chapter not begun shows only how many questions wait
      var details = el("details", { "class": "seqlab-progress-open" });
      if (c.answered > 0) details.open = true;
      details.appendChild(el("summary", {}, fill(s.unanswered, { n: c.open.length })));
      details.appendChild(links(data, c.open));
      view.appendChild(details);
    }
    if (c.correct === c.total && c.total > 0) view.appendChild(el("p", { "class": "seqlab-progress-done" }, s.done));
    var old = box.querySelector(".seqlab-progress-view");
    if (old) box.replaceChild(view, old); else box.appendChild(view);
    return c;
  }

  function drawProgress() {
    var total = document.querySelector(".seqlab-progress-total");
    var stringsTag = total && total.querySelector("script.seqlab-progress-strings");
    var s = stringsTag && readJson(stringsTag);
    if (!s) return;
    var sum = { total: 0, answered: 0, correct: 0 };
    document.querySelectorAll(".seqlab-progress[data-chapter]").forEach(function (box) {
      var tag = box.querySelector("script.seqlab-progress-data"), data = tag && readJson(tag);
      if (!data || !Array.isArray(data.questions)) return;
      var c = drawChapter(box, data, s);
      sum.total += c.total; sum.answered += c.answered; sum.correct += c.correct;
    });
    var view = el("div", { "class": "seqlab-progress-view" });
    view.appendChild(el("p", { "class": "seqlab-progress-count" }, fill(s.total, sum)));
    view.appendChild(bar(sum));
    var old = total.querySelector(".seqlab-progress-view, .seqlab-progress-fallback");
    if (old) total.replaceChild(view, old); else total.appendChild(view);
  }

  // ---- deep links into a chapter's quiz: #quiz-<question id> ----

  function questionFor(hash) {
    var m = /^#quiz-(.+)$/.exec(hash || "");
    if (!m) return undefined;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (e) { return undefined; }
    var boxes = document.querySelectorAll(".seqlab-quiz fieldset.sq-question[data-qid]");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].getAttribute("data-qid") === id) return boxes[i];
    return null;
  }

  // What stays stuck to the top of the window over the question: the book's header, the quiz's score.
  function coveredTop(box) {
    var quiz = box.closest(".seqlab-quiz"), cover = 0;
    [document.querySelector(".bd-header-article"), quiz && quiz.querySelector(".sq-header")].forEach(function (e) {
      if (!e) return;
      var style = getComputedStyle(e);
      if (style.position !== "sticky" && style.position !== "fixed") return;
      cover = Math.max(cover, (parseFloat(style.top) || 0) + e.getBoundingClientRect().height);
    });
    return cover;
  }

  function land(box) {
    var place = function () {
      var top = box.getBoundingClientRect().top + window.scrollY - coveredTop(box) - 12;
      window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
    };
    if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "-1");
    box.classList.add("seqlab-question-target");
    place();
    box.focus({ preventScroll: true });
    // Images and formulas above the quiz take their height later: place the question again then,
    // unless the reader has begun to scroll or type.
    var moved = false, stop = function () { moved = true; };
    ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (ev) {
      window.addEventListener(ev, stop, { once: true, passive: true });
    });
    var again = function () { if (!moved) place(); };
    if (document.readyState !== "complete") window.addEventListener("load", again, { once: true });
    var mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) mj.startup.promise.then(again);
    [300, 1000, 2500].forEach(function (ms) { setTimeout(again, ms); });
  }

  // The quiz is drawn after the page has loaded (seqlab-widgets.js): wait for it, 30 s at most.
  function followQuizLink() {
    var found = questionFor(location.hash);
    if (found === undefined) return;
    if (found) { land(found); return; }
    var done = false;
    var observer = new MutationObserver(function () {
      var box = questionFor(location.hash);
      if (box && !done) { done = true; observer.disconnect(); land(box); }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    setTimeout(function () { done = true; observer.disconnect(); }, 30000);
  }

  function start() {
    drawProgress();
    followQuizLink();
  }
  window.addEventListener("hashchange", followQuizLink);
  // another tab answered a question: count again
  window.addEventListener("storage", function (e) {
    if (e.key === null || e.key.indexOf(STORE) === 0) drawProgress();
  });
  window.addEventListener("pageshow", function (e) { if (e.persisted) drawProgress(); });  // back, from the cache
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
