"""Progress bars (tqdm) that leave a line of text behind when they finish.

tqdm's notebook bar is a widget: while training runs, that is what a learner wants to see, but a
stored notebook keeps only the text the bar had when it *appeared* ("0%| 0/12"), and the book
keeps an empty box where a hidden bar was. These bars are tqdm's own, with one change: when a bar
closes, its output is replaced by its final state as text ("100%|██████████| 12/12 [00:05<00:00,
loss=0.123]"), or by nothing when it was created with ``leave=False``, and its widgets are closed,
so a notebook stores no widget for it.

- ``trange(n, ...)`` and ``tqdm(iterable, ...)``: as in ``tqdm.auto``.
- ``TqdmCallback(...)``: ``tqdm.keras.TqdmCallback`` drawing these bars (imports Keras on first use).

Outside Jupyter they are tqdm's plain text bars.
"""
from __future__ import annotations

from tqdm import std


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is None or "IPKernelApp" not in shell.config:
            return False
        import ipywidgets  # noqa: F401  (the notebook bar needs it)
    except Exception:
        return False
    return True


def _close_widgets(widget) -> None:
    """Close a widget and every widget it holds (children, layout, style): none stays in the notebook."""
    from ipywidgets import Widget

    for child in getattr(widget, "children", ()):
        _close_widgets(child)
    for name in ("layout", "style"):
        part = getattr(widget, name, None)
        if isinstance(part, Widget):
            part.close()
    widget.close()


def _notebook_class():
    from IPython.display import display
    from tqdm.notebook import tqdm_notebook

    class tqdm_text_when_done(tqdm_notebook):
        """tqdm's notebook bar, shown through a display handle so that it can become text."""

        def __init__(self, *args, **kwargs):
            self._handle = None
            kwargs["display"] = False  # shown below, through a handle
            super().__init__(*args, **kwargs)
            if not self.disable and self.delay <= 0:
                self._show()

        def _show(self):
            self._handle = display(self.container, display_id=True)
            self.displayed = True

        def display(self, *args, check_delay=True, **kwargs):
            super().display(*args, check_delay=False, **kwargs)
            if check_delay and self.delay > 0 and not self.displayed:
                self._show()

        def close(self):
            if self.disable or getattr(self, "_text_left", False):
                return super().close()
            super().close()
            self._text_left = True
            if self._handle is None:
                return
            failed = bool(self.total) and self.n < self.total
            text = self.format_meter(**self.format_dict) if self.leave or failed else ""
            self._handle.update({"text/plain": text}, raw=True)
            _close_widgets(self.container)

    return tqdm_text_when_done


def _bar_class():
    return _notebook_class() if _in_notebook() else std.tqdm


def tqdm(*args, **kwargs):
    """A progress bar over an iterable, as ``tqdm.auto.tqdm`` (see the module docstring)."""
    return _bar_class()(*args, **kwargs)


def trange(*args, **kwargs):
    """``tqdm(range(*args), **kwargs)``."""
    return _bar_class()(range(*args), **kwargs)


def __getattr__(name):
    if name == "TqdmCallback":  # built on first use: tqdm.keras imports Keras
        from tqdm.keras import TqdmCallback as _KerasCallback

        class TqdmCallback(_KerasCallback):
            """``tqdm.keras.TqdmCallback`` drawing this module's bars."""

            def __init__(self, *args, tqdm_class=None, **kwargs):
                super().__init__(*args, tqdm_class=tqdm_class or _bar_class(), **kwargs)

        globals()["TqdmCallback"] = TqdmCallback
        return TqdmCallback
    raise AttributeError(f"module 'seqlab.progress' has no attribute {name!r}")
