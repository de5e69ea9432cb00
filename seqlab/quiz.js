// The quiz widget's front end (anywidget ESM). Everything a learner does is handled here, so the
// quiz works in JupyterLab, VS Code, Colab and in the static book alike. Text from the bank is
// only ever set with textContent, and formulas arrive as MathML trees that are built element by
// element from a fixed list of MathML elements: a bank cannot inject HTML or script, and math
// needs no MathJax or KaTeX from the page.
//
// State: answers = {questionId: {given, correct, tries}} lives in localStorage (key below) and,
// when a kernel is connected, in the model (quiz.answers in Python).

const STORE = (chapter) => `seqlab-quiz:${chapter}`;
const RESET = (chapter) => `seqlab-quiz-reset:${chapter}`;
const MATHML = "http://www.w3.org/1998/Math/MathML";
// Keep in step with seqlab/mathtext.py.
const ELEMENTS = new Set(`math mrow mi mn mo ms mtext mspace msub msup msubsup mfrac msqrt mroot mover
  munder munderover mstyle mtable mtr mtd mpadded mphantom menclose semantics annotation`.split(/\s+/));
const ATTRIBUTES = new Set(`display mathvariant stretchy fence separator lspace rspace width height depth
  accent accentunder movablelimits form linethickness displaystyle scriptlevel columnalign
  rowalign columnspacing rowspacing largeop symmetric minsize maxsize notation encoding`.split(/\s+/));

// A number as a reader of `lang` writes it, or null: the same rules as seqlab.quiz.parse_number
// (en, ja, zh: "6,208" and "0.25"; de: "6.208" and "0,25"; a mark followed by other than three
// digits is the decimal mark).
export function parseNumber(text, lang) {
  if (typeof text === "number") return Number.isFinite(text) ? text : null;
  if (typeof text !== "string") return null;
  const s = text.normalize("NFKC").trim().replace(/\u2212/g, "-").replace(/[\s']/g, "");
  const [group, point] = lang === "de" ? ["\\.", ","] : [",", "\\."];
  const exp = "(?:[eE]([+-]?[0-9]+))?";
  let m = s.match(new RegExp(`^([+-]?)([0-9]{1,3}(?:${group}[0-9]{3})+|[0-9]*)(?:${point}([0-9]*))?${exp}$`));
  let sign, whole, frac, e;
  if (m && (m[2] || m[3])) {
    [, sign, whole, frac, e] = m;
    whole = whole.replace(new RegExp(group, "g"), "");
  } else {
    m = s.match(new RegExp(`^([+-]?)([0-9]+)${group}([0-9]{1,2}|[0-9]{4,})${exp}$`));
    if (!m) return null;
    [, sign, whole, frac, e] = m;
  }
  return Number(`${sign}${whole || 0}.${frac || 0}e${e || 0}`);
}

function grade(q, given, lang) {
  if (q.type === "single") return given === q.answer;
  if (q.type === "multiple")
    return Array.isArray(given) && given.length === q.answer.length &&
      [...given].sort().join("\u0000") === [...q.answer].sort().join("\u0000");
  if (q.type === "order")
    return Array.isArray(given) && given.join("\u0000") === q.answer.join("\u0000");
  const x = parseNumber(given, lang);
  return x !== null && Math.abs(x - q.answer.value) <= q.answer.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer.value));
}

function load(chapter) {
  try { return JSON.parse(localStorage.getItem(STORE(chapter)) || "{}") || {}; }
  catch (e) { return {}; }
}

function save(chapter, answers) {
  try { localStorage.setItem(STORE(chapter), JSON.stringify(answers)); } catch (e) { /* private mode */ }
}

// A MathML tree [tag, {attributes}, ...children] from seqlab.mathtext, as elements.
function mathml(tree) {
  if (typeof tree === "string") return document.createTextNode(tree);
  if (!Array.isArray(tree) || !ELEMENTS.has(tree[0])) return document.createTextNode("");
  const el = document.createElementNS(MATHML, tree[0]);
  for (const [k, v] of Object.entries(tree[1] || {})) if (ATTRIBUTES.has(k)) el.setAttribute(k, String(v));
  for (const child of tree.slice(2)) el.append(mathml(child));
  return el;
}

// Bank text: a plain string, or a list of strings and {math, tex} items (seqlab.mathtext.segments).
function text(value) {
  const frag = document.createDocumentFragment();
  for (const part of Array.isArray(value) ? value : [value ?? ""]) {
    if (part && typeof part === "object" && part.math) {
      const m = mathml(part.math);
      if (m.setAttribute && part.tex) m.setAttribute("alttext", String(part.tex));
      frag.append(m);
    } else frag.append(document.createTextNode(String(part ?? "")));
  }
  return frag;
}

function node(tag, attrs = {}, ...content) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of content) el.append(c instanceof Node ? c : text(c));
  return el;
}

// Keys pressed in the widget are the widget's when its focused control uses them: the arrows of
// a radio group or a slider, Space on a button, what is typed into a text field. JupyterLab's
// notebook shortcuts (arrows move to another cell, digits turn a cell into a heading) must not
// see those; JupyterLab listens in the bubbling phase, so stopping the event at the widget's root
// is enough. Every other key (B, A, Shift+Enter, Escape, …) still reaches the notebook.
export function keepKeys(root) {
  const arrows = (k) => k.startsWith("Arrow");
  const uses = (el, k) => {
    const type = el.tagName === "INPUT" ? (el.type || "text") : el.tagName;
    if (type === "text" || type === "number" || type === "TEXTAREA")
      return k.length === 1 || arrows(k) || ["Home", "End", "Backspace", "Delete", "Enter"].includes(k);
    if (type === "range") return arrows(k) || ["Home", "End", "PageUp", "PageDown"].includes(k);
    if (type === "radio" || type === "checkbox") return arrows(k) || k === " ";
    if (type === "BUTTON") return k === " " || k === "Enter";
    return el.hasAttribute("tabindex") && arrows(k);  // a table that moves a cursor with the arrows
  };
  root.addEventListener("keydown", (e) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey && e.target instanceof Element && uses(e.target, e.key)) e.stopPropagation();
  });
}

let counter = 0;

function render({ model, el }) {
  const chapter = model.get("chapter");
  const ui = model.get("ui");
  const numberLang = ui.number_lang || model.get("lang");
  const questions = model.get("questions");
  const uid = `seqlab-quiz-${++counter}`;

  // quiz.reset() in Python sets a new token; answers saved before it are forgotten here too.
  function honourReset() {
    const token = model.get("reset_token") || "";
    let seen = null;
    try { seen = localStorage.getItem(RESET(chapter)); } catch (e) { /* private mode */ }
    if (!token || token === seen) return false;
    try { localStorage.setItem(RESET(chapter), token); } catch (e) { /* private mode */ }
    save(chapter, {});
    return true;
  }
  honourReset();
  let answers = { ...model.get("answers"), ...load(chapter) };

  const root = node("section", { class: "seqlab-quiz", lang: model.get("lang"), "aria-label": ui.quiz_title });
  keepKeys(root);
  const header = node("div", { class: "sq-header" });
  const scoreEl = node("p", { class: "sq-score", role: "status", "aria-live": "polite" });
  const resetBtn = node("button", { type: "button", class: "sq-reset" }, ui.reset);
  const confirmBox = node("div", { class: "sq-confirm", role: "group", "aria-label": ui.reset });
  const confirmYes = node("button", { type: "button", class: "sq-reset-yes" }, ui.reset_yes);
  const confirmNo = node("button", { type: "button", class: "sq-reset-no" }, ui.reset_no);
  confirmBox.append(node("span", {}, ui.reset_confirm), confirmYes, confirmNo);
  confirmBox.hidden = true;
  header.append(scoreEl, resetBtn, confirmBox);
  root.append(header);
  if (ui.notice) root.append(node("p", { class: "sq-notice" }, ui.notice));

  const scoreText = () => ui.score
    .replace("{score}", questions.filter((q) => answers[q.id] && grade(q, answers[q.id].given, numberLang)).length)
    .replace("{total}", questions.length);

  function publish() {
    save(chapter, answers);
    scoreEl.textContent = scoreText();
    try {
      model.set("answers", answers);
      model.save_changes();
    } catch (e) { /* static page: no kernel to sync with */ }
  }

  const views = questions.map((q, n) => questionView(q, n));
  for (const v of views) root.append(v.el);

  function clearAll() {
    answers = {};
    for (const v of views) v.clear();
    publish();
  }
  // Reset asks first, in the page (a dialog would be blocked in VS Code's and Colab's frames).
  resetBtn.addEventListener("click", () => { resetBtn.hidden = true; confirmBox.hidden = false; confirmNo.focus(); });
  confirmNo.addEventListener("click", () => { confirmBox.hidden = true; resetBtn.hidden = false; resetBtn.focus(); });
  confirmYes.addEventListener("click", () => {
    clearAll();
    confirmBox.hidden = true;
    resetBtn.hidden = false;
    resetBtn.focus();
  });
  model.on("change:reset_token", () => { if (honourReset()) clearAll(); });

  function questionView(q, n) {
    const qid = `${uid}-${n}`;
    const box = node("fieldset", { class: "sq-question", "data-qid": q.id });
    box.append(node("legend", {}, `${n + 1}. `, text(q.question)));
    const body = node("div", { class: "sq-body" });
    box.append(body);
    let read; // () => current answer
    let setGiven; // (given) => show a stored answer
    let inputs = [];

    if (q.type === "single" || q.type === "multiple") {
      const kind = q.type === "single" ? "radio" : "checkbox";
      for (const opt of q.options) {
        const id = `${qid}-${opt.id}`;
        const input = node("input", { type: kind, name: qid, id, value: opt.id });
        const label = node("label", { for: id }, text(opt.text));
        const row = node("div", { class: "sq-option" });
        row.append(input, label);
        body.append(row);
        inputs.push(input);
      }
      read = () => q.type === "single"
        ? (inputs.find((i) => i.checked) || {}).value
        : inputs.filter((i) => i.checked).map((i) => i.value);
      setGiven = (given) => {
        for (const i of inputs) i.checked = Array.isArray(given) ? given.includes(i.value) : i.value === given;
      };
    } else if (q.type === "numeric") {
      const id = `${qid}-n`;
      const label = node("label", { for: id, class: "sq-numlabel" }, ui.your_number);
      const input = node("input", { type: "text", inputmode: "decimal", id, class: "sq-number", autocomplete: "off",
                                    "aria-describedby": `${id}-hint` });
      const hint = node("span", { class: "sq-hint", id: `${id}-hint` }, ui.number_hint);
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); check(); } });
      body.append(label, input, hint);
      inputs = [input];
      read = () => input.value;
      setGiven = (given) => { input.value = given ?? ""; };
    } else {
      const list = node("ol", { class: "sq-order" });
      body.append(list);
      let order = q.options.map((o) => o.id);
      const byId = Object.fromEntries(q.options.map((o) => [o.id, o]));
      const plain = (oid) => node("span", {}, text(byId[oid].text)).textContent;
      const draw = (focusId, focusDir) => {
        list.replaceChildren();
        inputs = [];
        order.forEach((oid, i) => {
          const li = node("li", { "data-option": oid });
          li.append(node("span", { class: "sq-item" }, text(byId[oid].text)));
          const moves = node("span", { class: "sq-moves" });
          const up = node("button", { type: "button", class: "sq-move", "aria-label": `${ui.move_up}: ${plain(oid)}` }, "↑");
          const down = node("button", { type: "button", class: "sq-move", "aria-label": `${ui.move_down}: ${plain(oid)}` }, "↓");
          up.disabled = i === 0;
          down.disabled = i === order.length - 1;
          up.addEventListener("click", () => move(i, -1));
          down.addEventListener("click", () => move(i, +1));
          moves.append(up, down);
          li.append(moves);
          list.append(li);
          inputs.push(up, down);
          if (oid === focusId) (focusDir < 0 && !up.disabled ? up : !down.disabled ? down : up).focus();
        });
      };
      const move = (i, d) => {
        const j = i + d;
        if (j < 0 || j >= order.length) return;
        [order[i], order[j]] = [order[j], order[i]];
        draw(order[j], d);
      };
      read = () => [...order];
      setGiven = (given) => {
        if (Array.isArray(given) && given.length === order.length) order = [...given];
        else order = q.options.map((o) => o.id);
        draw();
      };
      draw();
    }

    const actions = node("div", { class: "sq-actions" });
    const checkBtn = node("button", { type: "button", class: "sq-check" }, ui.check);
    const retryBtn = node("button", { type: "button", class: "sq-retry" }, ui.try_again);
    retryBtn.hidden = true;
    actions.append(checkBtn, retryBtn);
    // The verdict is announced (aria-live) and can take focus when the inputs lock.
    const feedback = node("div", { class: "sq-feedback", role: "status", "aria-live": "polite", tabindex: "-1" });
    box.append(actions, feedback);

    function explain(given, correct, tries) {
      feedback.replaceChildren();
      feedback.className = `sq-feedback ${correct ? "sq-right" : "sq-wrong"}`;
      feedback.append(node("strong", {}, correct ? ui.correct : ui.not_quite));
      if (q.type === "numeric" && !correct) {
        const x = parseNumber(given, numberLang);
        if (x !== null) feedback.append(node("span", {}, ` ${x > q.answer.value ? ui.too_high : ui.too_low}`));
      }
      if (q.type === "single" || q.type === "multiple") {
        const chosen = Array.isArray(given) ? given : [given];
        const list = node("ul", { class: "sq-why" });
        for (const opt of q.options.filter((o) => chosen.includes(o.id))) {
          list.append(node("li", {}, node("em", {}, text(opt.text)), " — ", text(opt.why)));
        }
        feedback.append(list);
      } else if (correct || tries >= 2) {
        feedback.append(node("p", {}, `${ui.explanation} `, text(q.why)));
      }
      // the score where the learner is reading, not only at the top of a long quiz
      feedback.append(node("p", { class: "sq-score-here" }, scoreText()));
    }

    function lock(done) {
      if (q.type === "order" && !done) setGiven(read()); // redrawing restores the ↑/↓ states
      else for (const i of inputs) i.disabled = done;
      checkBtn.hidden = done;
      retryBtn.hidden = !done;
    }

    function check() {
      const given = read();
      if (given === undefined || (Array.isArray(given) && given.length === 0 && q.type !== "order") || given === "") return;
      if (q.type === "numeric" && parseNumber(given, numberLang) === null) {
        feedback.replaceChildren(node("strong", {}, ui.not_a_number));
        feedback.className = "sq-feedback sq-wrong";
        return; // not a try: nothing was answered
      }
      const correct = grade(q, given, numberLang);
      const tries = ((answers[q.id] || {}).tries || 0) + 1;
      answers = { ...answers, [q.id]: { given, correct, tries } };
      publish();
      explain(given, correct, tries);
      checkBtn.textContent = ui.check_again;
      lock(correct);
      if (correct) feedback.focus(); // the focused Check button is gone: keep focus in the question
    }

    checkBtn.addEventListener("click", check);
    retryBtn.addEventListener("click", () => {
      lock(false);
      feedback.replaceChildren();
      feedback.className = "sq-feedback";
      checkBtn.textContent = ui.check;
      (inputs[0] || checkBtn).focus();
    });

    function clear() {
      setGiven(q.type === "multiple" ? [] : q.type === "order" ? null : "");
      feedback.replaceChildren();
      feedback.className = "sq-feedback";
      checkBtn.textContent = ui.check;
      lock(false);
    }

    const saved = answers[q.id];
    if (saved) {
      setGiven(saved.given);
      explain(saved.given, saved.correct, saved.tries || 1);
      checkBtn.textContent = ui.check_again;
      lock(Boolean(saved.correct));
    }
    return { el: box, clear };
  }

  el.replaceChildren(root);
  publish();
}

export default { render };
