"""seqlab — the helpers of the course "Sequence Models: from RNNs to Transformers".

A map of the package (each module imports torch or TensorFlow only inside the functions that
need it, so `import seqlab` is cheap and a TensorFlow reader never needs torch):

- ``seqlab`` (this file): the quick-mode switch (``QUICK``, ``pick``), ``set_seed``,
  ``headline`` (a notebook's headline result, which ``make bench`` collects) and ``claim`` (a
  result the prose relies on, checked on the stored run; ``seqlab.claims``).
- ``seqlab.data``: deterministic, seeded data sets generated on the spot (no downloads).
- ``seqlab.corpus``: a parallel corpus in en/de/ja/zh from one grammar, and dates to ISO
  (chapters 2-5).
- ``seqlab.ner``: sentences with BIO entity tags (PER, LOC, ORG) in four languages, and
  entity-level F1 (chapter 2).
- ``seqlab.plot``: the plots the chapters share (training curves, gradient norms).
- ``seqlab.i18n``: the user-interface strings of the course in en, de, ja and zh.
- ``seqlab.quiz`` / ``seqlab.quizbank``: the end-of-chapter quiz widget and its question banks.
- ``seqlab.fonts``: the CJK fonts that plots use (shipped with the package).
- ``seqlab.glossary``, ``seqlab.bench``, ``seqlab.sphinx_ext``: the book's glossary, benchmark
  page and a Sphinx fix.
- ``seqlab.terminology``: one name per idea and language; finds the variants the glossary says
  to avoid, and decimal points in German prose (``make test`` runs it).
- ``seqlab.authoring``: the tooling that turns chapter sources into notebooks and books.

Quick mode
----------
Set the environment variable ``SEQLAB_QUICK=1`` before starting Jupyter (or before ``import
seqlab``) and every notebook trains on less data for fewer epochs, so the whole course runs in
seconds. CI uses it; learners normally leave it off (full mode).
"""
from __future__ import annotations

import os
import random
import sys

__version__ = "0.1.0"

# TensorFlow reads these when it is first imported: keep its start-up log quiet and its
# CPU kernels deterministic. Importing seqlab before TensorFlow is enough.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

LANGS = ("en", "de", "ja", "zh")
FRAMEWORKS = ("pytorch", "tensorflow")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


def quick_mode(environ: dict | None = None) -> bool:
    """Whether quick mode is on, read from ``SEQLAB_QUICK`` (1/true/yes/on or 0/false/no/off)."""
    value = (os.environ if environ is None else environ).get("SEQLAB_QUICK", "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(
        f"SEQLAB_QUICK={value!r} is not understood: use 1 (quick mode) or 0 (full mode)"
    )


QUICK = quick_mode()


def pick(full, quick):
    """Return ``quick`` in quick mode and ``full`` otherwise, e.g. ``epochs = pick(12, 2)``."""
    return quick if QUICK else full


def set_seed(seed: int) -> None:
    """Seed Python, NumPy and whichever of torch / TensorFlow is already imported."""
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative int, got {seed!r}")
    import numpy as np

    random.seed(seed)
    np.random.seed(seed)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(seed)
    if "tensorflow" in sys.modules:
        sys.modules["tensorflow"].random.set_seed(seed)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(seed)


HEADLINE_MIME = "application/vnd.seqlab.headline+json"


def headline(name: str, value: float, target: float | None = None, percent: bool = True) -> None:
    """Show a notebook's headline result, e.g. ``headline("test accuracy", 0.97, target=0.95)``.

    The reader sees one line; ``make bench`` reads the same result from the notebook's outputs.
    The target is what full mode reaches; quick mode trains too little to reach it.
    """
    if not isinstance(name, str) or not name:
        raise ValueError(f"name must be a non-empty string, got {name!r}")
    value = float(value)
    fmt = (lambda x: f"{x:.1%}") if percent else (lambda x: f"{x:.4g}")
    text = f"{name}: {fmt(value)}"
    if target is not None:
        reached = value >= target
        text += f"  (target in full mode: ≥ {fmt(target)}: {'reached' if reached else 'not reached'})"
    data = {"name": name, "value": value, "target": target, "mode": "quick" if QUICK else "full"}
    show(text, HEADLINE_MIME, data)


def show(text: str, mime: str, data: dict) -> None:
    """One line for the reader with ``data`` under ``mime`` for the tools; plain print outside IPython."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(text)
    else:
        display({"text/plain": text, mime: data}, raw=True)


def claim(key: str, holds, value=None, lang: str = "en"):
    """State a result the chapter's text relies on, e.g.
    ``seqlab.claim("02/rnn-forgets", acc_rnn[50] < 0.4, value=acc_rnn[50], lang=LANG)``.

    Shows "✓ …" or "✗ …" in the notebook's language and stores the verdict, which ``make test``
    checks on the committed full-mode run; in quick mode nothing is checked. See ``seqlab.claims``.
    """
    from .claims import claim as _claim

    return _claim(key, holds, value=value, lang=lang)
