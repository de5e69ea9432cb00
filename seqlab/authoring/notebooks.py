"""Executing notebooks: ``execute`` runs one with nbclient (full mode unless asked for quick),
``make_notebooks`` splits, executes and writes the notebooks of chapter sources."""
from __future__ import annotations

import ast
import json
import os
import re
import time
from pathlib import Path

from .checks import strip_comments
from .sources import _rel, notebook_path, split
from .. import claims, exercises

def execute(nb, cwd: Path, quick: bool = False, timeout: int = 900):
    """Execute a notebook in place with nbclient, in full mode unless ``quick``."""
    from nbclient import NotebookClient

    env_before = os.environ.get("SEQLAB_QUICK")
    os.environ["SEQLAB_QUICK"] = "1" if quick else "0"
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop("SEQLAB_QUICK", None)
        else:
            os.environ["SEQLAB_QUICK"] = env_before
    nb.metadata["seqlab"]["mode"] = "quick" if quick else "full"
    drop_empty_outputs(nb)
    prune_widget_state(nb)
    as_jupyterlab_writes(nb)
    return nb


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def drop_empty_outputs(nb) -> None:
    """Remove displays left empty (a finished ``leave=False`` progress bar, ``seqlab.progress``)."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs
                            if not (o.get("output_type") == "display_data" and dict(o.get("data", {})) == {"text/plain": ""})]


def _ints(value):
    """JSON as JavaScript writes it: a whole-number float (12.0) is a number like any other (12)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, list):
        return [_ints(v) for v in value]
    if isinstance(value, dict):
        return {k: _ints(v) for k, v in value.items()}
    return value


def as_jupyterlab_writes(nb) -> None:
    """Store the JSON of widget states and outputs as JupyterLab saves it, so that opening and
    saving an unchanged notebook in JupyterLab changes nothing (it would write 12.0 as 12)."""
    if "widgets" in nb.metadata:
        nb.metadata["widgets"] = _ints(nb.metadata["widgets"])
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for key in ("data", "metadata"):
                if key in out:
                    out[key] = _ints(out[key])


def prune_widget_state(nb) -> None:
    """Keep only the widget models that an output shows, and the models they refer to.

    nbclient stores every widget the kernel ever created, closed ones too (the progress bars
    that became text): the notebook, and the book page made from it, would carry them all.
    """
    widgets = nb.metadata.get("widgets", {})
    state = widgets.get(WIDGET_STATE, {}).get("state", {})
    todo = [o["data"][WIDGET_VIEW]["model_id"] for c in nb.cells if c.cell_type == "code"
            for o in c.outputs if WIDGET_VIEW in o.get("data", {})]
    keep = set()
    while todo:
        model_id = todo.pop()
        if model_id in keep or model_id not in state:
            continue
        keep.add(model_id)
        todo += re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(state[model_id].get("state", {})))
    if keep:
        widgets[WIDGET_STATE]["state"] = {k: v for k, v in state.items() if k in keep}
    else:
        nb.metadata.pop("widgets", None)


class ProseOnlyError(ValueError):
    """``--prose`` was asked for, but code changed: the notebook must be executed."""


class _QuickValues(ast.NodeTransformer):
    """``pick(full, quick)`` -> ``pick(full)``: in full mode the quick value is never used."""

    def visit_Call(self, node):
        self.generic_visit(node)
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        if name == "pick" and len(node.args) == 2 and not node.keywords:
            node.args = node.args[:1]
        return node


def full_mode_code(code: str) -> str:
    """What a code cell does in full mode: no comments, and ``pick``'s quick values left out."""
    try:
        return ast.unparse(_QuickValues().visit(ast.parse(code)))
    except SyntaxError:                                # IPython syntax (magics): compare it as text
        return strip_comments(code)


def reuse_outputs(nb, old, path: Path) -> None:
    """Give ``nb`` (fresh from its source) the outputs of ``old``, the committed notebook, when
    only the prose changed: every code cell the same apart from its comments, in the same order.
    A full-mode notebook also keeps them when only quick values changed (``pick(full, quick)``),
    since a full run never reads them. Raises ProseOnlyError naming the first code cell that differs."""
    new_code = [c for c in nb.cells if c.cell_type == "code"]
    old_code = [c for c in old.cells if c.cell_type == "code"]
    same = full_mode_code if old.metadata.get("seqlab", {}).get("mode") == "full" else strip_comments
    for i, (a, b) in enumerate(zip(new_code, old_code), 1):
        if same(a.source) != same(b.source):
            raise ProseOnlyError(f"{_rel(path)}: code cell {i} changed beyond its comments ({a.source.splitlines()[:1]}): "
                                 "execute it (without --prose)")
    if len(new_code) != len(old_code):
        raise ProseOnlyError(f"{_rel(path)}: {len(old_code)} code cells before, {len(new_code)} now: "
                             "execute it (without --prose)")
    for a, b in zip(new_code, old_code):
        a.outputs = b.outputs
        a.execution_count = b.get("execution_count")
    nb.metadata["seqlab"]["mode"] = old.metadata["seqlab"]["mode"]
    for key in ("widgets", "language_info"):            # what executing wrote, kept with the outputs
        if key in old.metadata:
            nb.metadata[key] = old.metadata[key]
    refresh_quizzes(nb, path.parent.name)
    claims.refresh(nb)
    exercises.refresh(nb)


def refresh_quizzes(nb, lang: str) -> None:
    """Bring the quizzes a notebook stores up to date with their banks and front end, executing
    nothing. A quiz cell reads its bank and ``quiz.js`` when it runs, so this is what a fresh run
    would store; it lets a changed question reach the notebooks (and the book) with ``--prose``."""
    from ..quiz import Quiz

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model_id, model in state.items():
        stored = model.get("state", {})
        if "questions" not in stored or "_esm" not in stored:
            continue
        quiz = Quiz(stored["chapter"], lang=lang)
        stored.update(questions=quiz.questions, lang=quiz.lang, ui=quiz.ui, _esm=Quiz._esm, _css=Quiz._css)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if data.get(WIDGET_VIEW, {}).get("model_id") == model_id and "text/plain" in data:
                    data["text/plain"] = quiz._plain


def make_notebooks(sources: list[Path], quick: bool = False, prose: bool = False,
                   changed: bool = False) -> list[tuple[Path, float]]:
    """Split, execute and write the notebooks of ``sources``; returns (path, seconds) pairs.
    With ``prose``, nothing is executed: the committed outputs are kept, which is only allowed
    when no code cell changed (``reuse_outputs``). With ``changed``, the notebooks that ``prose``
    could keep are kept and only the others are executed."""
    import nbformat

    done = []
    for src in sources:
        for fw, nb in split(src).items():
            path = notebook_path(src, fw)
            path.parent.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            if prose or (changed and not quick):
                try:
                    reuse_outputs(nb, nbformat.read(path, as_version=4), path)
                except (ProseOnlyError, FileNotFoundError):
                    if prose:
                        raise
                else:
                    nbformat.write(nb, path)
                    print(f"  wrote {_rel(path)} (code unchanged, outputs kept)", flush=True)
                    done.append((path, 0.0))
                    continue
            print(f"executing {_rel(path)} ...", flush=True)
            execute(nb, path.parent, quick=quick)
            seconds = time.perf_counter() - start
            nbformat.write(nb, path)
            print(f"  wrote {_rel(path)} ({seconds:.1f} s)", flush=True)
            done.append((path, seconds))
    return done


