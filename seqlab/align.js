// The attention browser's front end (anywidget ESM): a heatmap of one sentence's attention
// weights, a slider and two buttons to move between sentences. Runs without a kernel, so it
// works in the static book. Tokens are set with textContent only.

function node(tag, cls, text) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text !== undefined) el.textContent = text;
  return el;
}

function render({ model, el }) {
  const examples = model.get("examples");
  const ui = model.get("ui");
  const root = node("div", "seqlab-align");
  const bar = node("div", "seqlab-align-bar");
  const prev = node("button", "", "◀"), next = node("button", "", "▶");
  prev.setAttribute("aria-label", ui.previous);
  next.setAttribute("aria-label", ui.next);
  const slider = node("input");
  Object.assign(slider, { type: "range", min: 0, max: examples.length - 1, step: 1 });
  slider.setAttribute("aria-label", ui.sentence);
  const label = node("span", "seqlab-align-label");
  bar.append(prev, slider, next, label);
  const grid = node("div", "seqlab-align-grid");
  root.append(bar, grid);
  el.append(root);

  function show(i) {
    i = Math.max(0, Math.min(examples.length - 1, i));
    const ex = examples[i];
    slider.value = String(i);
    label.textContent = `${ui.sentence} ${i + 1} / ${examples.length}`;
    grid.replaceChildren();
    grid.style.gridTemplateColumns = `auto repeat(${ex.source.length}, minmax(1.6em, auto))`;
    grid.append(node("div", "corner"));
    for (const tok of ex.source) grid.append(node("div", "src", tok));
    ex.target.forEach((tok, r) => {
      grid.append(node("div", "tgt", tok));
      ex.weights[r].forEach((w, c) => {
        const cell = node("div", "w");
        cell.style.background = `rgba(31, 119, 180, ${w})`;
        cell.title = `${ex.target[r]} ← ${ex.source[c]}: ${ui.attention_weight} ${w.toFixed(3)}`;
        cell.dataset.weight = String(w);
        grid.append(cell);
      });
    });
    if (model.get("index") !== i) { model.set("index", i); model.save_changes(); }
  }

  prev.addEventListener("click", () => show(Number(slider.value) - 1));
  next.addEventListener("click", () => show(Number(slider.value) + 1));
  slider.addEventListener("input", () => show(Number(slider.value)));
  model.on("change:index", () => show(model.get("index")));
  show(model.get("index"));
}

export default { render };
