"""Plots the chapters share, labelled in the notebook's language.

- ``training_curves``: loss per epoch next to test accuracy per epoch.
- ``gradient_norms``: gradient norm against distance in time, one line per setting (log scale).
- ``curves``: one line per model against a shared x axis (accuracy against lag, against length).
- ``alignment``: a heatmap of attention weights, output tokens down, source tokens across.
- ``heads``: one alignment heatmap per attention head, side by side.
- ``heatmap``: any matrix, with a colour bar (positional encodings).

Japanese and Chinese labels are drawn with the fonts that ship in the package (``seqlab.fonts``).
Every figure is shown with a text that says what it shows (``describe``), which the book uses
as the image's alt text, so a screen reader reads more than a file name.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from . import fonts
from .i18n import legend, t


def describe(fig, lang: str = "en") -> str:
    """What a figure shows, in words: per plot its title, its axes and its series or tokens."""
    parts = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        x, y = ax.get_xlabel() or "x", ax.get_ylabel() or "y"
        if ax.images:
            text = t("alt_heatmap", lang).format(x=x, y=y)
            ticks = [[tick.get_text() for tick in get() if tick.get_text()]
                     for get in (ax.get_yticklabels, ax.get_xticklabels)]
            if all(ticks) and len(ticks[0]) <= 40 and len(ticks[1]) <= 40:  # token labels, not numbers
                text += " " + t("alt_tokens", lang).format(rows=" ".join(ticks[0]), columns=" ".join(ticks[1]))
        else:
            text = t("alt_chart", lang).format(x=x, y=y)
            labels = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
            if labels:
                text += " " + t("alt_series", lang).format(labels=", ".join(labels))
        title = ax.get_title()
        parts.append(f"{title}: {text}" if title else text)
    return " ".join(parts)


def _show(fig, lang: str) -> None:
    """Show ``fig`` as the cell's output, with ``describe(fig)`` as its alt text, then close it."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        plt.show()
        return
    display(fig, metadata={"image/png": {"alt": describe(fig, lang)}})
    plt.close(fig)  # displayed once: the inline backend must not show it again


def training_curves(losses, accuracies, lang: str = "en"):
    """Plot the training loss and the test accuracy after each epoch; returns the figure."""
    if len(losses) != len(accuracies) or not losses:
        raise ValueError(
            f"need one loss and one accuracy per epoch, got {len(losses)} and {len(accuracies)}"
        )
    fonts.use(lang)
    epochs = range(1, len(losses) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.2))
    ax_loss.plot(epochs, losses, marker="o")
    ax_loss.set(xlabel=t("epoch", lang), ylabel=t("loss", lang))
    ax_acc.plot(epochs, accuracies, marker="o", color="tab:green")
    ax_acc.set(xlabel=t("epoch", lang), ylabel=t("accuracy", lang), ylim=(0.4, 1.01))
    for ax in (ax_loss, ax_acc):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    _show(fig, lang)
    return fig


def gradient_norms(norms_by_label: dict, lang: str = "en"):
    """Plot ``{label: norms}`` where ``norms[k]`` is the gradient norm k steps back."""
    if not norms_by_label:
        raise ValueError("norms_by_label is empty: pass {label: [norm at k=0, k=1, ...]}")
    fonts.use(lang)
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    for label, norms in norms_by_label.items():
        ax.semilogy(range(len(norms)), norms, label=legend(label, lang))
    ax.set(xlabel=t("steps_back", lang), ylabel=t("grad_norm", lang), title=t("grad_title", lang))
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()
    _show(fig, lang)
    return fig


def curves(x, ys_by_label: dict, xlabel: str, ylabel: str, title: str | None = None,
           lang: str = "en", ylim=(0, 1.02), chance: float | None = None, log: bool | str = False,
           bands: dict | None = None):
    """Plot ``{label: ys}`` against ``x``, one line each; axis texts are ``seqlab.i18n`` keys.

    ``log=True`` makes both axes logarithmic, ``log="x"`` only the x axis (with a tick at every x).
    ``bands={label: (lows, highs)}`` shades the spread around a line (e.g. the lowest and highest
    of several seeds), in the line's colour.
    """
    if not ys_by_label:
        raise ValueError("ys_by_label is empty: pass {label: [y for each x]}")
    for label, ys in ys_by_label.items():
        if len(ys) != len(x):
            raise ValueError(f"{label!r} has {len(ys)} values for {len(x)} x positions")
    for label, band in (bands or {}).items():
        if label not in ys_by_label:
            raise ValueError(f"bands has {label!r}, which is not one of the lines {list(ys_by_label)}")
        if len(band) != 2 or any(len(edge) != len(x) for edge in band):
            raise ValueError(f"bands[{label!r}] must be (lows, highs), each with {len(x)} values")
    fonts.use(lang)
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    for label, ys in ys_by_label.items():
        (line,) = ax.plot(x, ys, marker="o", markersize=3, label=legend(label, lang))
        if bands and label in bands:
            ax.fill_between(x, *bands[label], color=line.get_color(), alpha=0.2, linewidth=0)
    if log is True:
        ax.set(xscale="log", yscale="log")
    elif log == "x":
        ax.set_xscale("log")
        ax.set_xticks(list(x), [str(v) for v in x])
        ax.minorticks_off()
    elif log:
        raise ValueError(f"log must be True, False or 'x', got {log!r}")
    if chance is not None:
        ax.axhline(chance, color="grey", linestyle=":", linewidth=1)
    ax.set(xlabel=t(xlabel, lang), ylabel=t(ylabel, lang), ylim=ylim)
    if title:
        ax.set_title(t(title, lang))
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    _show(fig, lang)
    return fig


def alignment(source, target, weights, lang: str = "en", ax=None, text_lang: str | None = None):
    """Heatmap of ``weights`` (one row per target token, one column per source token).

    ``lang`` is the notebook's language (axis titles, alt text); ``text_lang`` the language of the
    tokens shown, whose font comes first (default ``lang``): an English notebook that draws Japanese
    tokens passes ``lang=LANG, text_lang="ja"``.
    """
    weights = np.asarray(weights, dtype=float)
    if weights.shape != (len(target), len(source)):
        raise ValueError(f"weights have shape {weights.shape}, expected (len(target), len(source)) "
                         f"= ({len(target)}, {len(source)})")
    fonts.use(text_lang or lang)
    own = ax is None
    if own:
        fig, ax = plt.subplots(figsize=(0.45 * len(source) + 1.5, 0.4 * len(target) + 1.2))
    ax.imshow(weights, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(source)), source, rotation=90)
    ax.set_yticks(range(len(target)), target)
    ax.set(xlabel=t("source_tokens", lang), ylabel=t("output_tokens", lang))
    if own:
        fig.tight_layout()
        _show(fig, lang)
    return ax.figure


def heads(source, target, weights, lang: str = "en"):
    """One alignment heatmap per head: ``weights`` has shape (heads, len(target), len(source))."""
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 3 or weights.shape[1:] != (len(target), len(source)):
        raise ValueError(f"weights have shape {weights.shape}, expected (heads, len(target), len(source)) "
                         f"= ({len(weights)}, {len(target)}, {len(source)})")
    n_heads = len(weights)
    n_cols = min(n_heads, 2)                    # two heads a row: each map stays large enough to read
    n_rows = -(-n_heads // n_cols)
    fonts.use(lang)
    fig, axes = plt.subplots(n_rows, n_cols, squeeze=False,
                             figsize=(n_cols * (0.4 * len(source) + 1.4), n_rows * (0.36 * len(target) + 1.6)))
    for i, ax in enumerate(axes.flat):
        if i >= n_heads:
            ax.remove()
            continue
        alignment(source, target, weights[i], lang=lang, ax=ax)
        ax.set_title(t("head", lang).format(i=i + 1))
        if i % n_cols:
            ax.set(ylabel=None, yticklabels=[])
        if i < n_heads - n_cols:
            ax.set(xlabel=None)
    fig.tight_layout()
    _show(fig, lang)
    return fig


def heatmap(matrix, xlabel: str, ylabel: str, lang: str = "en", cmap: str = "RdBu"):
    """Draw ``matrix`` (rows down, columns across) with a colour bar; axis texts are i18n keys."""
    matrix = np.asarray(matrix, dtype=float)
    if matrix.ndim != 2:
        raise ValueError(f"heatmap needs a 2-D matrix, got shape {matrix.shape}")
    fonts.use(lang)
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    image = ax.imshow(matrix, cmap=cmap, aspect="auto", interpolation="nearest")
    ax.set(xlabel=t(xlabel, lang), ylabel=t(ylabel, lang))
    fig.colorbar(image, ax=ax)
    fig.tight_layout()
    _show(fig, lang)
    return fig
