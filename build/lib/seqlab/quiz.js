// The quiz widget's front end (anywidget ESM). Everything a learner does is handled here, so the
// quiz works in JupyterLab, VS Code, Colab and in the static book alike. Text from the bank is
// only ever set with textContent: a bank cannot inject HTML or script.
//
// State: answers = {questionId: {given, correct, tries}} lives in localStorage (key below) and,
// when a kernel is connected, in the model (quiz.answers in Python).

const STORE = (chapter) => `seqlab-quiz:${chapter}`;

function grade(q, given) {
  if (q.type === "single") return given === q.answer;
  if (q.type === "multiple")
    return Array.isArray(given) && given.length === q.answer.length &&
      [...given].sort().join("\u0000") === [...q.answer].sort().join("\u0000");
  if (q.type === "order")
    return Array.isArray(given) && given.join("\u0000") === q.answer.join("\u0000");
  const x = Number(String(given).replace(",", ".").trim());
  return String(given).trim() !== "" && Number.isFinite(x) &&
    Math.abs(x - q.answer.value) <= q.answer.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer.value));
}

function load(chapter) {
  try { return JSON.parse(localStorage.getItem(STORE(chapter)) || "{}") || {}; }
  catch (e) { return {}; }
}

function save(chapter, answers) {
  try { localStorage.setItem(STORE(chapter), JSON.stringify(answers)); } catch (e) { /* private mode */ }
}

// "$x$" -> "\(x\)" so that MathJax (configured for \( \) in the book) typesets it. Still text.
const mathText = (s) => String(s).replace(/\$([^$]+)\$/g, (_, m) => `\\(${m}\\)`);

function node(tag, attrs = {}, text) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") el.className = v;
    else el.setAttribute(k, v);
  }
  if (text !== undefined) el.textContent = mathText(text);
  return el;
}

function typeset(el) {
  const mj = globalThis.MathJax;
  if (mj && typeof mj.typesetPromise === "function") mj.typesetPromise([el]).catch(() => {});
}

let counter = 0;

function render({ model, el }) {
  const chapter = model.get("chapter");
  const ui = model.get("ui");
  const questions = model.get("questions");
  const uid = `seqlab-quiz-${++counter}`;
  let answers = { ...model.get("answers"), ...load(chapter) };

  const root = node("section", { class: "seqlab-quiz", lang: model.get("lang"), "aria-label": ui.quiz_title });
  const header = node("div", { class: "sq-header" });
  const scoreEl = node("p", { class: "sq-score", role: "status", "aria-live": "polite" });
  const resetBtn = node("button", { type: "button", class: "sq-reset" }, ui.reset);
  header.append(scoreEl, resetBtn);
  root.append(header);
  if (ui.notice) root.append(node("p", { class: "sq-notice" }, ui.notice));

  function publish() {
    save(chapter, answers);
    const score = questions.filter((q) => answers[q.id] && grade(q, answers[q.id].given)).length;
    scoreEl.textContent = ui.score.replace("{score}", score).replace("{total}", questions.length);
    try {
      model.set("answers", answers);
      model.save_changes();
    } catch (e) { /* static page: no kernel to sync with */ }
  }

  const views = questions.map((q, n) => questionView(q, n));
  for (const v of views) root.append(v.el);

  resetBtn.addEventListener("click", () => {
    answers = {};
    for (const v of views) v.clear();
    publish();
  });

  function questionView(q, n) {
    const qid = `${uid}-${n}`;
    const box = node("fieldset", { class: "sq-question", "data-qid": q.id });
    box.append(node("legend", {}, `${n + 1}. ${q.question}`));
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
        const label = node("label", { for: id }, opt.text);
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
      const input = node("input", { type: "text", inputmode: "decimal", id, class: "sq-number", autocomplete: "off" });
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); check(); } });
      body.append(label, input);
      inputs = [input];
      read = () => input.value;
      setGiven = (given) => { input.value = given ?? ""; };
    } else {
      const list = node("ol", { class: "sq-order" });
      body.append(list);
      let order = q.options.map((o) => o.id);
      const byId = Object.fromEntries(q.options.map((o) => [o.id, o]));
      const draw = (focusId, focusDir) => {
        list.replaceChildren();
        inputs = [];
        order.forEach((oid, i) => {
          const li = node("li", { "data-option": oid });
          li.append(node("span", { class: "sq-item" }, byId[oid].text));
          const up = node("button", { type: "button", class: "sq-move", "aria-label": `${ui.move_up}: ${byId[oid].text}` }, "↑");
          const down = node("button", { type: "button", class: "sq-move", "aria-label": `${ui.move_down}: ${byId[oid].text}` }, "↓");
          up.disabled = i === 0;
          down.disabled = i === order.length - 1;
          up.addEventListener("click", () => move(i, -1));
          down.addEventListener("click", () => move(i, +1));
          li.append(up, down);
          list.append(li);
          inputs.push(up, down);
          if (oid === focusId) (focusDir < 0 && !up.disabled ? up : !down.disabled ? down : up).focus();
        });
        typeset(list);
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
    const feedback = node("div", { class: "sq-feedback", role: "status", "aria-live": "polite" });
    box.append(actions, feedback);

    function explain(given, correct, tries) {
      feedback.replaceChildren();
      feedback.className = `sq-feedback ${correct ? "sq-right" : "sq-wrong"}`;
      feedback.append(node("strong", {}, correct ? ui.correct : ui.not_quite));
      if (q.type === "numeric" && !correct) {
        const x = Number(String(given).replace(",", "."));
        if (Number.isFinite(x)) feedback.append(node("span", {}, ` ${x > q.answer.value ? ui.too_high : ui.too_low}`));
      }
      if (q.type === "single" || q.type === "multiple") {
        const chosen = Array.isArray(given) ? given : [given];
        const list = node("ul", { class: "sq-why" });
        for (const opt of q.options.filter((o) => chosen.includes(o.id))) {
          const li = node("li");
          li.append(node("em", {}, opt.text), node("span", {}, ` — ${opt.why}`));
          list.append(li);
        }
        feedback.append(list);
      } else if (correct || tries >= 2) {
        feedback.append(node("p", {}, `${ui.explanation} ${q.why}`));
      }
      typeset(feedback);
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
      const correct = grade(q, given);
      const tries = ((answers[q.id] || {}).tries || 0) + 1;
      answers = { ...answers, [q.id]: { given, correct, tries } };
      explain(given, correct, tries);
      checkBtn.textContent = ui.check_again;
      lock(correct);
      publish();
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
  typeset(root);
}

export default { render };
