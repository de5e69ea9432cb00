"""What the course's widgets share: a line of text for where a widget cannot be drawn.

A notebook that is not trusted (every notebook freshly opened or cloned), GitHub's and nbviewer's
renderings and ``print(widget)`` show a widget's ``text/plain``. ipywidgets makes that
``<seqlab.quiz.Quiz object at 0x…>``; ``TextFallback`` makes it a sentence in the notebook's
language that says what is there and how to get it ("Quiz: 19 questions. Run this cell …").
"""
from __future__ import annotations


class TextFallback:
    """Mix into an ipywidget (before it) and set ``self._plain`` in ``__init__``."""

    _plain = ""

    def __repr__(self) -> str:
        return self._plain or super().__repr__()

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):  # (data, metadata)
            bundle = bundle[0]
        return {**bundle, "text/plain": repr(self)}
