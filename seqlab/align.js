// The attention browser's front end (anywidget ESM): one sentence's attention weights as a table
// (a row per output token, a column per source token, the weight as the cell's colour and, for
// screen readers, as its text), a slider and two buttons to move between sentences. Runs without
// a kernel, so it works in the static book. Tokens are set with textContent only.
//
// Reading a weight needs no hover: tap or click a cell, or move through the table with the arrow
// keys, and the line under it says "output ← source: weight". JupyterLab's own arrow-key
// shortcuts stay out of the widget (keepKeys).

function node(tag, cls, text) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

// Keys that the focused control uses stay in the widget (see keepKeys in quiz.js, the same code):
// JupyterLab's arrow-key shortcuts would otherwise move to another cell or fold a section.
function keepKeys(root) {
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

function render({ model, el }) {
  const examples = model.get("examples");
  const ui = model.get("ui");
  const root = node("div", "seqlab-align");
  keepKeys(root);
  const bar = node("div", "seqlab-align-bar");
  const prev = node("button", "", "◀"), next = node("button", "", "▶");
  prev.type = next.type = "button";
  prev.setAttribute("aria-label", ui.previous);
  next.setAttribute("aria-label", ui.next);
  const slider = node("input");
  Object.assign(slider, { type: "range", min: 0, max: examples.length - 1, step: 1 });
  slider.setAttribute("aria-label", ui.sentence);
  const label = node("span", "seqlab-align-label");
  label.setAttribute("aria-live", "polite");
  bar.append(prev, slider, next, label);
  const scroll = node("div", "seqlab-align-scroll");
  const table = node("table", "seqlab-align-grid");
  table.tabIndex = 0; // one tab stop; the arrow keys move inside
  scroll.append(table);
  const readout = node("p", "seqlab-align-readout", ui.align_hint);
  readout.setAttribute("aria-live", "polite");
  root.append(bar, scroll, readout);
  el.append(root);

  let current = 0, cells = [], active = [0, 0];

  function say(r, c) {
    const ex = examples[current];
    if (!cells[r] || !cells[r][c]) return;
    cells.flat().forEach((td) => td.classList.remove("active"));
    cells[r][c].classList.add("active");
    active = [r, c];
    readout.textContent = `${ex.target[r]} ← ${ex.source[c]}: ${ui.attention_weight} ${ex.weights[r][c].toFixed(3)}`;
  }

  function show(i) {
    i = Math.max(0, Math.min(examples.length - 1, i));
    current = i;
    active = [0, 0];
    const ex = examples[i];
    slider.value = String(i);
    label.textContent = `${ui.sentence} ${i + 1} / ${examples.length}`;
    table.setAttribute("aria-label", `${ui.sentence} ${i + 1}: ${ui.attention_weight}`);
    table.replaceChildren();
    const head = node("tr");
    head.append(node("td", "corner"));
    for (const tok of ex.source) {
      const th = node("th", "src", tok);
      th.scope = "col";
      head.append(th);
    }
    table.append(head);
    cells = ex.target.map((tok, r) => {
      const tr = node("tr");
      const th = node("th", "tgt", tok);
      th.scope = "row";
      tr.append(th);
      const row = ex.weights[r].map((w, c) => {
        const td = node("td", "w");
        td.style.background = `rgba(31, 119, 180, ${w})`;
        td.dataset.weight = String(w);
        td.append(node("span", "sr-only", w.toFixed(2)));
        td.addEventListener("click", () => say(r, c));
        tr.append(td);
        return td;
      });
      table.append(tr);
      return row;
    });
    readout.textContent = ui.align_hint;
    if (model.get("index") !== i) { model.set("index", i); model.save_changes(); }
  }

  table.addEventListener("keydown", (e) => {
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (!moves[e.key]) return;
    e.preventDefault();
    const [dr, dc] = moves[e.key];
    const r = Math.max(0, Math.min(cells.length - 1, active[0] + dr));
    const c = Math.max(0, Math.min(cells[0].length - 1, active[1] + dc));
    say(r, c);
  });
  table.addEventListener("focus", () => say(...active));
  prev.addEventListener("click", () => show(current - 1));
  next.addEventListener("click", () => show(current + 1));
  slider.addEventListener("input", () => show(Number(slider.value)));
  model.on("change:index", () => show(model.get("index")));
  show(model.get("index"));
}

export default { render };
