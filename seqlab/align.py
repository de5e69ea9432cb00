"""Attention weights as heatmaps: a browser over many sentences that works without a kernel.

``AlignmentBrowser(examples, lang)`` is an anywidget: its drawing and its slider run in the
browser (``align.js``), so it works in JupyterLab, VS Code, Colab and in the static book, and a
weight can be read by tapping its cell or with the arrow keys, not only by hovering. Each
example is ``{"source": [tokens], "target": [tokens], "weights": rows}``, with one row of
``len(source)`` attention weights per target token. Text reaches the page only as text.
"""
from __future__ import annotations

import math
from pathlib import Path

import anywidget
import traitlets

from . import LANGS
from .i18n import t
from .widget import TextFallback

_HERE = Path(__file__).resolve().parent
UI_KEYS = ("sentence", "previous", "next", "attention_weight", "align_hint")


def check_example(i: int, example) -> dict:
    """One example, validated and with its weights rounded to 3 decimals (a smaller notebook)."""
    if not isinstance(example, dict) or not {"source", "target", "weights"} <= set(example):
        raise ValueError(f"example {i}: need a dict with 'source', 'target' and 'weights'")
    source, target = [str(s) for s in example["source"]], [str(s) for s in example["target"]]
    weights = [[float(w) for w in row] for row in example["weights"]]
    if not source or not target:
        raise ValueError(f"example {i}: source and target need at least one token each")
    if len(weights) != len(target):
        raise ValueError(f"example {i}: {len(weights)} rows of weights for {len(target)} target tokens")
    for j, row in enumerate(weights):
        if len(row) != len(source):
            raise ValueError(f"example {i}, target token {j} ({target[j]!r}): {len(row)} weights "
                             f"for {len(source)} source tokens")
        if not all(math.isfinite(w) and -1e-6 <= w <= 1 + 1e-6 for w in row):
            raise ValueError(f"example {i}, target token {j} ({target[j]!r}): weights must lie in [0, 1]")
    return {"source": source, "target": target,
            "weights": [[round(min(max(w, 0.0), 1.0), 3) for w in row] for row in weights]}


class AlignmentBrowser(TextFallback, anywidget.AnyWidget):
    """Browse the attention weights of several sentences with a slider; see the module docstring."""

    _esm = (_HERE / "align.js").read_text(encoding="utf-8")
    _css = (_HERE / "align.css").read_text(encoding="utf-8")

    examples = traitlets.List().tag(sync=True)
    index = traitlets.Int(0).tag(sync=True)
    ui = traitlets.Dict().tag(sync=True)

    def __init__(self, examples, lang: str = "en", **kwargs):
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        examples = [check_example(i, e) for i, e in enumerate(examples)]
        if not examples:
            raise ValueError("AlignmentBrowser needs at least one example")
        self._plain = t("align_plain", lang).format(n=len(examples))
        super().__init__(examples=examples, ui={k: t(k, lang) for k in UI_KEYS}, **kwargs)

