// Draws the notebooks' stored widgets in the static book, with no kernel and no widget library.
//
// Every widget the course's notebooks show is an anywidget (the quiz, the attention browser):
// its front end is an ES module stored in the widget's own state (`_esm`, with its `_css`), so
// this script only has to give each one what anywidget gives it in Jupyter: a model with
// get/set/on/save_changes/send and an element to draw in. That replaces RequireJS and the
// ipywidgets HTML manager (4.4 MB that blocked the first paint). Progress bars are stored as
// text (seqlab.progress), so no other kind of widget reaches the book; should one appear, its
// place says that the notebook shows it.
(function () {
  "use strict";
  var STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  var VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function readState() {
    var tag = document.querySelector(STATE);
    if (!tag) return {};
    try { return JSON.parse(tag.textContent).state || {}; } catch (e) { return {}; }
  }

  function makeModel(state) {
    var values = Object.assign({}, state), handlers = {};
    function emit(name, value) {
      (handlers[name] || []).slice().forEach(function (cb) { try { cb(value); } catch (e) { console.error(e); } });
    }
    return {
      get: function (name) { return values[name]; },
      set: function (name, value) {
        if (JSON.stringify(values[name]) === JSON.stringify(value)) return;
        values[name] = value;
        emit("change:" + name, value);
        emit("change", value);
      },
      on: function (name, cb) { (handlers[name] = handlers[name] || []).push(cb); },
      off: function (name, cb) {
        if (!name) { handlers = {}; return; }
        handlers[name] = cb ? (handlers[name] || []).filter(function (h) { return h !== cb; }) : [];
      },
      save_changes: function () { /* no kernel to save to */ },
      send: function () { /* no kernel to send to */ },
      widget_manager: null
    };
  }

  var styles = {};
  function addStyle(css) {
    if (!css || styles[css]) return;
    styles[css] = true;
    var style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }

  var modules = {};
  function loadModule(code) {
    if (!modules[code]) {
      var url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
      modules[code] = import(url);
    }
    return modules[code];
  }

  function notice(place, text) {
    var p = document.createElement("p");
    p.className = "seqlab-widget-missing";
    p.textContent = text;
    place.appendChild(p);
  }

  function draw() {
    var models = readState();
    var cfg = window.SEQLAB_BOOK || {};
    var missing = (cfg.strings && cfg.strings.widget_missing) || "This widget appears when the notebook runs.";
    Array.prototype.forEach.call(document.querySelectorAll(VIEW), function (tag) {
      var view;
      try { view = JSON.parse(tag.textContent); } catch (e) { return; }
      var place = document.createElement("div");
      place.className = "seqlab-widget";
      tag.parentNode.insertBefore(place, tag.nextSibling);
      var m = models[view.model_id];
      if (!m || m.model_module !== "anywidget" || !m.state || !m.state._esm) { notice(place, missing); return; }
      addStyle(m.state._css);
      var model = makeModel(m.state);
      loadModule(m.state._esm).then(function (mod) {
        var widget = mod.default || mod;
        if (typeof widget === "function") widget = widget();
        return Promise.resolve(widget.initialize && widget.initialize({ model: model })).then(function () {
          return widget.render({ model: model, el: place });
        });
      }).catch(function (e) {
        console.error("seqlab: a widget could not be drawn", e);
        notice(place, missing);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
