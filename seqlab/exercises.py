"""Exercises that check themselves: ``check("02/gru-step", gru_step, LANG, FRAMEWORK)``.

A chapter's coding exercise gives the learner a stub to fill in (a GRU step, a masked softmax, one
head of attention, ...). ``check`` runs the learner's function on several random cases (a batch
of one, length one, odd sizes among them) in the notebook's framework and compares it with the
framework's own layer where there is one (``torch.nn.GRUCell``, ``keras.layers.GRUCell``, ...),
otherwise with a float64 NumPy reference. It says, in the notebook's language:

- on a pass, which cases were checked and against what;
- on a failure, which case failed (its input shapes), expected against received shape, the
  largest difference and where it is, and a hint. The hint is targeted when the learner's output
  equals what a usual mistake gives (gates in the wrong order, a missing bias, the mask after the
  softmax, no square root of d_k, ...): every exercise lists its usual mistakes as NumPy
  variants, and the first one that reproduces the learner's output names the mistake without
  showing the solution;
- for a stub (it raises ``NotImplementedError``), that it is not written yet.

Everything ships in this module and ``exercises.yml`` (the texts, per language), so a check works
offline, in Colab, VS Code and JupyterLab alike. The result is shown as HTML and text and stored
under ``application/vnd.seqlab.exercise+json``; ``refresh`` re-renders stored results from the
current texts (``python -m seqlab.authoring notebooks --prose``). Tests: tests/test_exercises.py
runs each chapter's solution (it must pass) and broken versions of it (each must fail with its
hint).
"""
from __future__ import annotations

import html
import math
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from . import FRAMEWORKS, LANGS

EXERCISE_MIME = "application/vnd.seqlab.exercise+json"
TEXTS = Path(__file__).resolve().parent / "exercises.yml"
RTOL, ATOL = 1e-4, 1e-4       # float32 against float64
MATCH = 2e-3                   # a learner's output "is" a mistake's output within this (float32 sin of large angles)


class ExerciseError(ValueError):
    """A check that cannot run: unknown exercise, language or framework, or a function that is not one."""


@lru_cache(maxsize=1)
def texts() -> dict:
    """``exercises.yml``: ``messages`` (shared texts) and ``exercises`` (per key: hints), per language."""
    import yaml

    data = yaml.safe_load(TEXTS.read_text(encoding="utf-8")) or {}
    for section in ("messages", "exercises"):
        if not isinstance(data.get(section), dict):
            raise ExerciseError(f"{TEXTS}: needs a mapping '{section}'")
    return data


def _t(entry: dict, lang: str, where: str) -> str:
    if not isinstance(entry, dict) or "en" not in entry:
        raise ExerciseError(f"{TEXTS}: {where} needs at least its English text ('en')")
    return entry.get(lang) or entry["en"]


def message(name: str, lang: str) -> str:
    return _t(texts()["messages"].get(name), lang, f"message {name!r}")


def hint_text(key: str, hint: str, lang: str) -> str:
    entry = texts()["exercises"].get(key, {}).get("hints", {}).get(hint)
    return _t(entry, lang, f"exercise {key!r}, hint {hint!r}")


# --------------------------------------------------------------------------- the numpy side


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def softmax(E, axis=-1):
    E = np.exp(E - E.max(axis=axis, keepdims=True))
    return E / E.sum(axis=axis, keepdims=True)


def log_softmax(E, axis=-1):
    E = E - E.max(axis=axis, keepdims=True)
    return E - np.log(np.exp(E).sum(axis=axis, keepdims=True))


@dataclass
class Case:
    label: str                      # a message name: case_random, case_batch1, ...
    args: list                      # NumPy arrays (float64, bool, int64) or Python numbers/lists of arrays


@dataclass
class Exercise:
    key: str
    name: str                       # the function the learner writes
    params: list[str]               # its arguments, for the messages
    outputs: list[str]              # names of what it returns (one name: a single value)
    cases: Callable                 # rng -> list[Case]
    reference: Callable             # numpy: args -> tuple of outputs
    mistakes: dict = field(default_factory=dict)    # hint -> numpy variant (args -> outputs)
    framework_reference: dict = field(default_factory=dict)  # framework -> (description, fn(args) -> outputs)
    exact: tuple = ()               # indexes of integer outputs, compared exactly
    returns_list: bool = False      # returns a list as long as its first argument (clipping: one tensor per gradient)
    generic: str = "generic"        # the hint when no mistake matches


def _rng_f(rng, *shape, scale=1.0):
    return rng.normal(0, scale, shape)


# chapter 1 ------------------------------------------------------------------


def _rnn_cases(rng):
    out = []
    for label, (B, d, n) in (("case_random", (4, 3, 5)), ("case_batch1", (1, 3, 5)), ("case_odd", (3, 7, 2)),
                             ("case_random", (2, 6, 6))):
        out.append(Case(label, [_rng_f(rng, B, d), _rng_f(rng, B, n), _rng_f(rng, d, n, scale=0.6),
                                _rng_f(rng, n, n, scale=0.6), _rng_f(rng, n, scale=0.5)]))
    return out


def _rnn_ref(x, h, W_xh, W_hh, b):
    return (np.tanh(x @ W_xh + h @ W_hh + b),)


def _torch_cell(kind: str, W_x, W_h, b_x, b_h=None):
    """``torch.nn.<kind>`` in float64 holding our weights (PyTorch stores them transposed, with two biases)."""
    import torch

    cell = getattr(torch.nn, kind)(W_x.shape[0], W_h.shape[0]).double()
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor(W_x.T))
        cell.weight_hh.copy_(torch.tensor(W_h.T))
        cell.bias_ih.copy_(torch.tensor(b_x))
        cell.bias_hh.copy_(torch.tensor(b_h if b_h is not None else np.zeros_like(b_x)))
    return cell


def _torch_rnn(x, h, W_xh, W_hh, b):
    import torch

    with torch.no_grad():
        return (_torch_cell("RNNCell", W_xh, W_hh, b)(torch.tensor(x), torch.tensor(h)).numpy(),)


def _keras_rnn(x, h, W_xh, W_hh, b):
    import keras

    cell = keras.layers.SimpleRNNCell(W_xh.shape[1], dtype="float64")
    cell.build((None, W_xh.shape[0]))
    cell.set_weights([W_xh, W_hh, b])
    return (np.asarray(cell(x, [h])[0]),)


RNN_STEP = Exercise(
    "01/rnn-step", "rnn_step", ["x_t", "h_prev", "W_xh", "W_hh", "b_h"], ["h_t"], _rnn_cases, _rnn_ref,
    mistakes={
        "no_bias": lambda x, h, W, U, b: (np.tanh(x @ W + h @ U),),
        "transposed": lambda x, h, W, U, b: (np.tanh(x @ W + h @ U.T + b),),
        "no_state": lambda x, h, W, U, b: (np.tanh(x @ W + b),),
        "no_tanh": lambda x, h, W, U, b: (x @ W + h @ U + b,),
        "sigmoid": lambda x, h, W, U, b: (sigmoid(x @ W + h @ U + b),),
    },
    framework_reference={"pytorch": ("torch.nn.RNNCell", _torch_rnn),
                         "tensorflow": ("keras.layers.SimpleRNNCell", _keras_rnn)},
)


def _clip_cases(rng):
    def grads(*shapes, norm):
        g = [rng.normal(size=s) for s in shapes]
        total = math.sqrt(sum((a ** 2).sum() for a in g))
        return [a * norm / total for a in g]

    return [Case("case_above", [grads((3, 4), (4,), (2, 3), norm=5.0), 1.0]),
            Case("case_below", [grads((3, 4), (4,), norm=0.4), 1.0]),
            Case("case_one_tensor", [grads((1,), norm=3.0), 2.0]),
            Case("case_zero", [[np.zeros((2, 2)), np.zeros(3)], 1.0]),
            Case("case_odd", [grads((5, 1), (1, 7), (3,), norm=2.5), 0.5])]


def _norm(grads):
    return math.sqrt(sum((g ** 2).sum() for g in grads))


def _clip_ref(grads, max_norm):
    n = _norm(grads)
    return tuple(g * min(1.0, max_norm / n) if n > 0 else g for g in grads)


def _torch_clip(grads, max_norm):
    import torch

    params = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for p, g in zip(params, grads):
        p.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_norm_(params, max_norm)
    return tuple(p.grad.numpy() for p in params)


def _tf_clip(grads, max_norm):
    import tensorflow as tf

    clipped, _ = tf.clip_by_global_norm([tf.constant(g) for g in grads], max_norm)
    return tuple(c.numpy() for c in clipped)


def _with_nan_at_zero(grads, max_norm):
    n = _norm(grads)
    with np.errstate(divide="ignore", invalid="ignore"):
        return tuple(g / np.float64(n) * min(n, max_norm) for g in grads)   # 0 / 0 for zero gradients


CLIP_NORM = Exercise(
    "01/clip-norm", "clip_by_global_norm", ["grads", "max_norm"], ["grads"], _clip_cases, _clip_ref,
    returns_list=True,
    mistakes={
        "per_tensor": lambda grads, m: tuple(g * min(1.0, m / _norm([g])) if _norm([g]) > 0 else g for g in grads),
        "always_scale": lambda grads, m: tuple(g * m / _norm(grads) if _norm(grads) > 0 else g for g in grads),
        "squared": lambda grads, m: tuple(g * min(1.0, m / _norm(grads) ** 2) if _norm(grads) > 0 else g for g in grads),
        "inverted": lambda grads, m: tuple(g * min(1.0, _norm(grads) / m) for g in grads),
        "l1": lambda grads, m: tuple(g * min(1.0, m / sum(np.abs(a).sum() for a in grads))
                                     if _norm(grads) > 0 else g for g in grads),
        "zero_norm": _with_nan_at_zero,
    },
    framework_reference={"pytorch": ("torch.nn.utils.clip_grad_norm_", _torch_clip),
                         "tensorflow": ("tf.clip_by_global_norm", _tf_clip)},
)


# chapter 2 ------------------------------------------------------------------


def _cell_cases(rng, gates, with_c=False):
    out = []
    for label, (B, d, n) in (("case_random", (4, 3, 5)), ("case_batch1", (1, 3, 5)), ("case_odd", (3, 7, 1)),
                             ("case_random", (2, 4, 6))):
        args = [_rng_f(rng, B, d), _rng_f(rng, B, n)]
        if with_c:
            args.append(_rng_f(rng, B, n))
        args += [_rng_f(rng, d, gates * n, scale=0.7), _rng_f(rng, n, gates * n, scale=0.7),
                 _rng_f(rng, gates * n, scale=0.6)]
        if not with_c:
            args.append(_rng_f(rng, gates * n, scale=0.6))
        out.append(Case(label, args))
    return out


def _lstm(x, h, c, W_x, W_h, b, order="ifgo", f_on_old=True, tanh_c=True, new_c=True, g_act=np.tanh, bias=True):
    n = h.shape[-1]
    z = x @ W_x + h @ W_h + (b if bias else 0)
    part = {k: z[:, j * n:(j + 1) * n] for j, k in enumerate(order)}
    i, f, g, o = sigmoid(part["i"]), sigmoid(part["f"]), g_act(part["g"]), sigmoid(part["o"])
    c_t = f * c + i * g if f_on_old else i * c + f * g
    shown = c_t if new_c else c
    h_t = o * (np.tanh(shown) if tanh_c else shown)
    return h_t, c_t


def _torch_lstm(x, h, c, W_x, W_h, b):
    import torch

    with torch.no_grad():
        h_t, c_t = _torch_cell("LSTMCell", W_x, W_h, b)(torch.tensor(x), (torch.tensor(h), torch.tensor(c)))
    return h_t.numpy(), c_t.numpy()


def _keras_lstm(x, h, c, W_x, W_h, b):
    import keras

    cell = keras.layers.LSTMCell(h.shape[1], dtype="float64")
    cell.build((None, W_x.shape[0]))
    cell.set_weights([W_x, W_h, b])              # Keras stacks i, f, c (our g), o: our order
    h_t, (_, c_t) = cell(x, [h, c])
    return np.asarray(h_t), np.asarray(c_t)


LSTM_STEP = Exercise(
    "02/lstm-step", "lstm_step", ["x_t", "h_prev", "c_prev", "W_x", "W_h", "b"], ["h_t", "c_t"],
    lambda rng: _cell_cases(rng, 4, with_c=True), _lstm,
    mistakes={
        "gate_order": lambda *a: _lstm(*a, order="ifog"),
        "no_tanh_c": lambda *a: _lstm(*a, tanh_c=False),
        "gates_swapped": lambda *a: _lstm(*a, f_on_old=False),
        "old_c": lambda *a: _lstm(*a, new_c=False),
        "no_bias": lambda *a: _lstm(*a, bias=False),
        "sigmoid_g": lambda *a: _lstm(*a, g_act=sigmoid),
    },
    framework_reference={"pytorch": ("torch.nn.LSTMCell", _torch_lstm),
                         "tensorflow": ("keras.layers.LSTMCell", _keras_lstm)},
)


def _gru(x, h, W_x, W_h, b_x, b_h, order="rzn", chung=False, reset="after", bias_h=True):
    n = h.shape[-1]
    a_x = x @ W_x + b_x
    a_h = h @ W_h + (b_h if bias_h else 0)
    pos = {k: slice(j * n, (j + 1) * n) for j, k in enumerate(order)}
    r = sigmoid(a_x[:, pos["r"]] + a_h[:, pos["r"]])
    z = sigmoid(a_x[:, pos["z"]] + a_h[:, pos["z"]])
    if reset == "after":
        cand = np.tanh(a_x[:, pos["n"]] + r * a_h[:, pos["n"]])
    elif reset == "before":
        cand = np.tanh(a_x[:, pos["n"]] + (r * h) @ W_h[:, pos["n"]] + (b_h[pos["n"]] if bias_h else 0))
    elif reset == "none":
        cand = np.tanh(a_x[:, pos["n"]] + a_h[:, pos["n"]])
    else:                                           # on the input's part
        cand = np.tanh(r * a_x[:, pos["n"]] + a_h[:, pos["n"]])
    return ((z * cand + (1 - z) * h) if chung else ((1 - z) * cand + z * h),)


def _zrn(a, n):                                    # our r, z, n blocks -> Keras's z, r, n
    return np.concatenate([a[..., n:2 * n], a[..., :n], a[..., 2 * n:]], axis=-1)


def _torch_gru(x, h, W_x, W_h, b_x, b_h):
    import torch

    with torch.no_grad():
        return (_torch_cell("GRUCell", W_x, W_h, b_x, b_h)(torch.tensor(x), torch.tensor(h)).numpy(),)


def _keras_gru(x, h, W_x, W_h, b_x, b_h):
    import keras

    n = h.shape[1]
    cell = keras.layers.GRUCell(n, reset_after=True, dtype="float64")
    cell.build((None, W_x.shape[0]))
    cell.set_weights([_zrn(W_x, n), _zrn(W_h, n), np.stack([_zrn(b_x, n), _zrn(b_h, n)])])
    return (np.asarray(cell(x, [h])[0]),)


GRU_STEP = Exercise(
    "02/gru-step", "gru_step", ["x_t", "h_prev", "W_x", "W_h", "b_x", "b_h"], ["h_t"],
    lambda rng: _cell_cases(rng, 3), _gru,
    mistakes={
        "gate_order": lambda *a: _gru(*a, order="zrn"),
        "update_side": lambda *a: _gru(*a, chung=True),
        "reset_before": lambda *a: _gru(*a, reset="before"),
        "no_reset": lambda *a: _gru(*a, reset="none"),
        "reset_on_input": lambda *a: _gru(*a, reset="input"),
        "no_bias": lambda *a: _gru(*a, bias_h=False),
    },
    framework_reference={"pytorch": ("torch.nn.GRUCell", _torch_gru),
                         "tensorflow": ("keras.layers.GRUCell (reset_after=True)", _keras_gru)},
)


# chapter 3 ------------------------------------------------------------------


def _beam_cases(rng):
    out = []
    for label, (k, V, width) in (("case_random", (3, 7, 3)), ("case_one_beam", (1, 5, 2)), ("case_width1", (4, 11, 1)),
                                 ("case_odd", (2, 3, 5))):
        scores = -np.sort(rng.uniform(0.5, 4.0, k))            # the beams' scores so far, best first
        log_probs = log_softmax(rng.normal(0, 2.0, (k, V)))
        out.append(Case(label, [scores, log_probs, width]))
    return out


def _beam(scores, log_probs, width, total=None, divisor=None, swap=False, ascending=False, new_only=False):
    k, V = log_probs.shape
    total = scores[:, None] + log_probs if total is None else total
    flat = total.reshape(-1)
    idx = np.argsort(flat, kind="stable")
    idx = idx[:width] if ascending else idx[::-1][:width]
    d = V if divisor is None else divisor
    beams, tokens = idx // d, idx % d
    if swap:
        beams, tokens = tokens, beams
    values = log_probs.reshape(-1)[idx] if new_only else flat[idx]
    return values, beams, tokens


BEAM_STEP = Exercise(
    "03/beam-step", "beam_step", ["scores", "log_probs", "width"], ["scores", "beams", "tokens"], _beam_cases, _beam,
    mistakes={
        "no_prev": lambda s, lp, w: _beam(s, lp, w, total=lp + 0 * s[:, None]),
        "multiplied": lambda s, lp, w: _beam(s, lp, w, total=s[:, None] * lp),
        "new_only": lambda s, lp, w: _beam(s, lp, w, new_only=True),
        "swapped_index": lambda s, lp, w: _beam(s, lp, w, swap=True),
        "divisor": lambda s, lp, w: _beam(s, lp, w, divisor=lp.shape[0]),
        "ascending": lambda s, lp, w: _beam(s, lp, w, ascending=True),
    },
    exact=(1, 2),
)


def _loss_cases(rng):
    def targets(B, T, V, pad, lengths):
        Y = rng.integers(0, V, (B, T))
        Y[Y == pad] = (pad + 1) % V
        Y[0, 0] = 0 if pad != 0 else Y[0, 0]       # a real token with id 0, where 0 is not the padding
        for b, n in enumerate(lengths):
            Y[b, n:] = pad
        return Y

    out = []
    for label, (B, T, V, pad, lengths) in (("case_random", (3, 5, 7, 0, (5, 2, 4))), ("case_batch1", (1, 1, 4, 0, (1,))),
                                           ("case_pad_id", (2, 4, 6, 3, (1, 4))), ("case_odd", (4, 3, 3, 0, (3, 1, 2, 3)))):
        out.append(Case(label, [rng.normal(0, 2.0, (B, T, V)), targets(B, T, V, pad, lengths), pad]))
    return out


def _loss(logits, Y, pad, axis=-1, mask=None, per_sentence=False, probs=False, reduce="mean"):
    lp = log_softmax(logits, axis=axis)
    if probs:
        lp = np.exp(lp)
    nll = -np.take_along_axis(lp, Y[..., None], axis=-1)[..., 0]
    m = (Y != pad) if mask is None else mask
    m = m.astype(float)
    if per_sentence:
        return ((nll * m).sum(1) / np.maximum(m.sum(1), 1)).mean(),
    if reduce == "sum":
        return (nll * m).sum(),
    return (nll * m).sum() / m.sum(),


def _torch_loss(logits, Y, pad):
    import torch

    return (torch.nn.functional.cross_entropy(torch.tensor(logits).flatten(0, 1), torch.tensor(Y).flatten(),
                                              ignore_index=pad).numpy(),)


def _keras_loss(logits, Y, pad):
    import keras

    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=pad, dtype="float64")
    return (np.asarray(loss(Y, logits)),)


SEQUENCE_LOSS = Exercise(
    "03/sequence-loss", "sequence_loss", ["logits", "targets", "pad_id"], ["loss"], _loss_cases, _loss,
    mistakes={
        "pad_counted": lambda L, Y, p: _loss(L, Y, p, mask=np.ones_like(Y, dtype=bool)),
        "inverted": lambda L, Y, p: _loss(L, Y, p, mask=(Y == p)),
        "pad_zero": lambda L, Y, p: _loss(L, Y, p, mask=(Y != 0)),
        "per_sentence": lambda L, Y, p: _loss(L, Y, p, per_sentence=True),
        "no_log": lambda L, Y, p: _loss(L, Y, p, probs=True),
        "sum": lambda L, Y, p: _loss(L, Y, p, reduce="sum"),
        "wrong_axis": lambda L, Y, p: _loss(L, Y, p, axis=1),
    },
    framework_reference={"pytorch": ("torch.nn.functional.cross_entropy (ignore_index)", _torch_loss),
                         "tensorflow": ("keras.losses.SparseCategoricalCrossentropy (ignore_class)", _keras_loss)},
)


# chapter 4 ------------------------------------------------------------------


def _lengths_mask(S, lengths):
    return np.arange(S)[None, :] < np.asarray(lengths)[:, None]


def _softmax_cases(rng):
    out = []
    for label, (B, T, S, lengths) in (("case_random", (2, 3, 5, (5, 3))), ("case_batch1", (1, 1, 1, (1,))),
                                      ("case_odd", (3, 2, 4, (1, 4, 2))), ("case_large", (2, 4, 3, (2, 3)))):
        scale = 30.0 if label == "case_large" else 1.5
        out.append(Case(label, [rng.normal(0, scale, (B, T, S)), _lengths_mask(S, lengths)]))
    return out


def _masked_softmax(E, mask, fill=-1e9, when="before", axis=-1, keep=None):
    m = mask[:, None, :] if keep is None else keep
    if when == "before":
        return (softmax(np.where(m, E, fill), axis=axis),)
    if when == "after":
        return (softmax(E, axis=axis) * m,)
    return (softmax(E, axis=axis),)


MASKED_SOFTMAX = Exercise(
    "04/masked-softmax", "masked_softmax", ["E", "mask"], ["A"], _softmax_cases, _masked_softmax,
    mistakes={
        "after": lambda E, m: _masked_softmax(E, m, when="after"),
        "zero_fill": lambda E, m: _masked_softmax(E, m, fill=0.0),
        "inverted": lambda E, m: _masked_softmax(E, m, keep=~m[:, None, :]),
        "wrong_axis": lambda E, m: _masked_softmax(E, m, axis=1),
        "no_mask": lambda E, m: _masked_softmax(E, m, when="never"),
        "small_fill": lambda E, m: _masked_softmax(E, m, fill=-1.0),
    },
)


def _attend_cases(rng):
    out = []
    for label, (B, S, n, lengths) in (("case_random", (3, 5, 4, (5, 2, 4))), ("case_batch1", (1, 1, 3, (1,))),
                                      ("case_odd", (2, 7, 5, (7, 3))), ("case_random", (4, 3, 6, (3, 3, 1, 2)))):
        out.append(Case(label, [_rng_f(rng, B, n), _rng_f(rng, B, S, n), _lengths_mask(S, lengths),
                                _rng_f(rng, n, n, scale=0.8)]))
    return out


def _attend(s, H, mask, W, transposed=False, axis=-1, when="before", values=None):
    e = np.einsum("bn,nm,bsm->bs", s, W.T if transposed else W, H)       # (B, S)
    if when == "before":
        a = softmax(np.where(mask, e, -1e9), axis=axis)
    elif when == "after":
        a = softmax(e, axis=axis) * mask
    else:
        a = softmax(e, axis=axis)
    c = np.einsum("bs,bsn->bn", a, H) if values is None else values(a, H, mask)
    return c, a


ATTEND = Exercise(
    "04/attend", "attend", ["s_t", "H", "mask", "W"], ["c_t", "alpha"], _attend_cases, _attend,
    mistakes={
        "transposed": lambda s, H, m, W: _attend(s, H, m, W, transposed=True),
        "after": lambda s, H, m, W: _attend(s, H, m, W, when="after"),
        "no_mask": lambda s, H, m, W: _attend(s, H, m, W, when="never"),
        "batch_axis": lambda s, H, m, W: _attend(s, H, m, W, axis=0),
        "plain_mean": lambda s, H, m, W: _attend(s, H, m, W, values=lambda a, H, m: (H * m[..., None]).sum(1)
                                                  / m.sum(1, keepdims=True)),
        "sum_states": lambda s, H, m, W: _attend(s, H, m, W, values=lambda a, H, m: H.sum(1)),
    },
)


# chapter 5 ------------------------------------------------------------------


def _pe_cases(rng):
    return [Case("case_random", [6, 8]), Case("case_length1", [1, 2]), Case("case_odd", [5, 10]),
            Case("case_long", [50, 4])]


def _pe(n, d, swap=False, halves=False, exponent="2i", start=0, sign=-1):
    p = np.arange(start, start + n)[:, None]
    i = np.arange(d // 2)
    power = {"2i": 2 * i / d, "i": i / d}[exponent]
    omega = 10000.0 ** (sign * power)
    a, b = np.sin(p * omega), np.cos(p * omega)
    if swap:
        a, b = b, a
    if halves:
        return (np.concatenate([a, b], axis=1),)
    PE = np.zeros((n, d))
    PE[:, 0::2], PE[:, 1::2] = a, b
    return (PE,)


POSITIONAL = Exercise(
    "05/positional-encoding", "sinusoidal_encoding", ["n_positions", "d_model"], ["PE"], _pe_cases, _pe,
    mistakes={
        "swapped": lambda n, d: _pe(n, d, swap=True),
        "halves": lambda n, d: _pe(n, d, halves=True),
        "exponent": lambda n, d: _pe(n, d, exponent="i"),
        "from_one": lambda n, d: _pe(n, d, start=1),
        "sign": lambda n, d: _pe(n, d, sign=1),
    },
)


def _head_cases(rng):
    out = []
    for label, (B, T, S, d, d_k, d_v, mask) in (("case_causal", (2, 4, 4, 6, 3, 5, "causal")),
                                                 ("case_padding", (3, 2, 5, 4, 4, 2, "padding")),
                                                 ("case_batch1", (1, 1, 1, 3, 2, 3, None)),
                                                 ("case_odd", (3, 2, 5, 7, 3, 1, None))):
        X_q = _rng_f(rng, B, T, d)
        X_kv = X_q if mask == "causal" else _rng_f(rng, B, S, d)
        M = None
        if mask == "causal":
            M = np.tril(np.ones((T, T), dtype=bool))[None]
        elif mask == "padding":
            M = _lengths_mask(S, rng.integers(1, S + 1, B))[:, None, :]
        out.append(Case(label, [X_q, X_kv, _rng_f(rng, d, d_k, scale=1.2), _rng_f(rng, d, d_k, scale=1.2),
                                _rng_f(rng, d, d_v), M]))
    return out


def _head(X_q, X_kv, W_q, W_k, W_v, mask=None, scale="sqrt_dk", when="before", axis=-1, invert=False):
    Q, K, V = X_q @ W_q, X_kv @ W_k, X_kv @ W_v
    d_k = K.shape[-1]
    div = {"sqrt_dk": math.sqrt(d_k), "none": 1.0, "dk": d_k, "sqrt_d": math.sqrt(X_q.shape[-1])}[scale]
    E = Q @ np.swapaxes(K, -1, -2) / div
    keep = None if mask is None else (~mask if invert else mask)
    if keep is not None and when == "before":
        E = np.where(keep, E, -1e9)
    A = softmax(E, axis=axis)
    if keep is not None and when == "after":
        A = A * keep
    return A @ V, A


ATTENTION_HEAD = Exercise(
    "05/attention-head", "attention_head", ["X_q", "X_kv", "W_q", "W_k", "W_v", "mask"], ["out", "A"],
    _head_cases, _head,
    mistakes={
        "no_scale": lambda *a: _head(*a, scale="none"),
        "scale_d_model": lambda *a: _head(*a, scale="sqrt_d"),
        "scale_no_sqrt": lambda *a: _head(*a, scale="dk"),
        "after": lambda *a: _head(*a, when="after"),
        "wrong_axis": lambda *a: _head(*a, axis=-2),
        "inverted": lambda *a: _head(*a, invert=True),
    },
)


EXERCISES = {e.key: e for e in (RNN_STEP, CLIP_NORM, LSTM_STEP, GRU_STEP, BEAM_STEP, SEQUENCE_LOSS,
                                MASKED_SOFTMAX, ATTEND, POSITIONAL, ATTENTION_HEAD)}


# --------------------------------------------------------------------------- the framework side


def to_framework(value, framework: str):
    """A case's argument as the notebook's framework holds it: float32 tensors, bool masks,
    int64 (PyTorch) / int32 (TensorFlow) ids; lists element by element; numbers stay numbers."""
    if isinstance(value, list):
        return [to_framework(v, framework) for v in value]
    if not isinstance(value, np.ndarray):
        return value
    if framework == "pytorch":
        import torch

        if value.dtype == bool:
            return torch.tensor(value)
        return torch.tensor(value, dtype=torch.int64 if value.dtype.kind in "iu" else torch.float32)
    import tensorflow as tf

    if value.dtype == bool:
        return tf.constant(value)
    return tf.constant(value, dtype=tf.int32 if value.dtype.kind in "iu" else tf.float32)


def to_numpy(value):
    """The learner's output as NumPy (tensors of either framework, lists, numbers), or raise TypeError."""
    if hasattr(value, "detach"):                                 # torch
        value = value.detach().cpu().numpy()
    elif hasattr(value, "numpy") and not isinstance(value, np.ndarray):   # TensorFlow
        value = value.numpy()
    arr = np.asarray(value)
    if arr.dtype == object:
        raise TypeError(type(value).__name__)
    return arr


def _shape(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shape(v) for v in value) + "]"
    if isinstance(value, np.ndarray):
        return "(" + ", ".join(map(str, value.shape)) + ("," if value.ndim == 1 else "") + ")"
    return repr(value)


def _outputs(result, exercise: Exercise, case: Case) -> tuple:
    """The learner's result as a tuple of NumPy arrays, matching the exercise's outputs."""
    expected = len(case.args[0]) if exercise.returns_list else len(exercise.outputs)
    if exercise.returns_list or expected > 1:
        got = len(result) if isinstance(result, (list, tuple)) else 1
        if not isinstance(result, (list, tuple)) or got != expected:
            raise _Mismatch("count", expected=expected, got=got)
        result = tuple(result)
    else:
        result = (result,)
    try:
        return tuple(to_numpy(r) for r in result)
    except TypeError as e:
        raise _Mismatch("type", got=str(e)) from None


class _Mismatch(Exception):
    def __init__(self, kind, **info):
        super().__init__(kind)
        self.kind, self.info = kind, info


def _output_names(exercise, n):
    if exercise.returns_list:
        return [f"grads[{i}]" for i in range(n)]
    return exercise.outputs


def _index(k: int, shape) -> list[int]:
    return [int(i) for i in np.unravel_index(k, shape)] if len(shape) else []


def _compare(got: tuple, expected: tuple, exercise: Exercise) -> dict | None:
    """None if ``got`` matches, else what differs first: {output, kind, ...}."""
    names = _output_names(exercise, len(expected))
    for j, (g, e) in enumerate(zip(got, expected)):
        e = np.asarray(e)
        if g.shape != e.shape:
            return {"output": names[j], "kind": "shape", "expected": list(e.shape), "got": list(g.shape)}
        if j in exercise.exact:
            if not np.array_equal(g.astype(np.int64), e.astype(np.int64)):
                k = int(np.argmax(g.reshape(-1).astype(np.int64) != e.reshape(-1).astype(np.int64)))
                return {"output": names[j], "kind": "values", "index": _index(k, e.shape),
                        "expected_value": float(e.reshape(-1)[k]), "got_value": float(g.reshape(-1)[k]), "diff": None}
            continue
        g64 = g.astype(np.float64)
        if not np.all(np.isfinite(g64)):
            k = int(np.argmax(~np.isfinite(g64.reshape(-1))))
            return {"output": names[j], "kind": "nonfinite", "index": _index(k, e.shape),
                    "got_value": str(g64.reshape(-1)[k])}
        if not np.allclose(g64, e, rtol=RTOL, atol=ATOL):
            d = np.abs(g64 - e)
            k = int(np.argmax(d.reshape(-1)))
            return {"output": names[j], "kind": "values", "index": _index(k, e.shape),
                    "expected_value": float(e.reshape(-1)[k]), "got_value": float(g64.reshape(-1)[k]),
                    "diff": float(d.reshape(-1)[k])}
    return None


def _matches(got: tuple, variant: tuple) -> bool:
    if len(got) != len(variant):
        return False
    for j, (g, v) in enumerate(zip(got, variant)):
        v = np.asarray(v, dtype=np.float64)
        if g.shape != v.shape:
            return False
        if not np.allclose(g.astype(np.float64), v, rtol=MATCH, atol=MATCH, equal_nan=True):
            return False
    return True


def _diagnose(exercise: Exercise, case: Case, got: tuple, fallback: str) -> str:
    """The first usual mistake whose output equals the learner's, else ``fallback``."""
    for hint, variant in exercise.mistakes.items():
        with np.errstate(all="ignore"):
            if _matches(got, variant(*case.args)):
                return hint
    return fallback


def _where(exc: BaseException) -> str | None:
    """The learner's line where ``exc`` was raised (the last frame outside libraries), or None."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if "site-packages" not in f.filename and f.filename != __file__
              and "/lib/python" not in f.filename]
    if not frames or not frames[-1].line:
        return None
    return {"lineno": frames[-1].lineno, "code": frames[-1].line.strip()}


def _is_shape_error(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc}".lower()
    return any(s in text for s in ("shape", "size", "dimension", "incompatible", "broadcast", "mat1", "matrix"))


def run(key: str, fn, framework: str, seed: int = 0) -> dict:
    """Run exercise ``key`` on ``fn`` in ``framework``; returns the result as stored (see ``render``)."""
    exercise = EXERCISES[key]
    cases = exercise.cases(np.random.default_rng(seed))
    ref_name, ref = exercise.framework_reference.get(framework, (None, None))
    labels = [c.label for c in cases]
    base = {"key": key, "name": exercise.name, "framework": framework, "cases": labels,
            "reference": ref_name or "numpy", "params": exercise.params}
    for i, case in enumerate(cases):
        expected = ref(*case.args) if ref is not None else exercise.reference(*case.args)
        shapes = {p: _shape(a) for p, a in zip(exercise.params, case.args)}
        failure = {"case": i, "shapes": shapes}
        try:
            result = fn(*to_framework(case.args, framework))
        except NotImplementedError:
            return {**base, "status": "todo"}
        except Exception as e:  # the learner's code: anything can happen, and is reported
            return {**base, "status": "fail", **failure, "kind": "raised", "error": f"{type(e).__name__}: {e}"[:300],
                    "line": _where(e), "hint": "shapes" if _is_shape_error(e) else "raised"}
        if result is None:
            return {**base, "status": "fail", **failure, "kind": "none", "hint": "none"}
        try:
            got = _outputs(result, exercise, case)
        except _Mismatch as m:
            return {**base, "status": "fail", **failure, "kind": m.kind, **{f"m_{k}": v for k, v in m.info.items()},
                    "hint": "outputs"}
        diff = _compare(got, expected, exercise)
        if diff is not None:
            hint = _diagnose(exercise, case, got, "shape" if diff["kind"] == "shape" else exercise.generic)
            return {**base, "status": "fail", **failure, **diff, "hint": hint}
    return {**base, "status": "pass"}


# --------------------------------------------------------------------------- showing a result


def _fmt(x, lang: str = "en", spec: str = ".4g") -> str:
    """A number as the reader's language writes it (German: decimal comma)."""
    if x is None:
        return "–"
    text = format(x, spec) if isinstance(x, float) else str(x)
    return text.replace(".", ",") if lang == "de" else text


def render(data: dict, lang: str) -> tuple[str, str]:
    """(text, html) of a stored result, from the current texts."""
    m = lambda name: message(name, lang)  # noqa: E731
    name = data["name"]
    lines = []
    if data["status"] == "todo":
        lines.append(m("todo").format(name=name))
        head, css = lines[0], "todo"
        body = []
    elif data["status"] == "pass":
        cases = ("、" if lang in ("ja", "zh") else ", ").join(m(c) for c in dict.fromkeys(data["cases"]))
        head, css = m("passed").format(name=name, n=len(data["cases"])), "pass"
        ref = data["reference"] if data["reference"] != "numpy" else m("numpy_reference")
        body = [m("checked").format(cases=cases, reference=ref)]
    else:
        css = "fail"
        head = m("failed").format(name=name, i=data["case"] + 1, n=len(data["cases"]), case=m(data["cases"][data["case"]]))
        body = [m("inputs").format(shapes=", ".join(f"{k} {v}" for k, v in data["shapes"].items()))]
        kind = data["kind"]
        if kind == "raised":
            body.append(m("raised").format(error=data["error"]))
            if data.get("line"):
                body.append(m("raised_at").format(**data["line"]))
        elif kind == "none":
            body.append(m("returned_none"))
        elif kind == "count":
            body.append(m("count").format(expected=data["m_expected"], got=data["m_got"]))
        elif kind == "type":
            body.append(m("not_tensor").format(got=data["m_got"]))
        elif kind == "shape":
            body.append(m("shape").format(output=data["output"], expected=tuple(data["expected"]), got=tuple(data["got"])))
        elif kind == "nonfinite":
            body.append(m("nonfinite").format(output=data["output"], index=tuple(data["index"]), got=data["got_value"]))
        else:
            if data.get("diff") is None:
                body.append(m("wrong_value").format(output=data["output"], index=tuple(data["index"]),
                                                    expected=_fmt(data["expected_value"], lang), got=_fmt(data["got_value"], lang)))
            else:
                body.append(m("difference").format(output=data["output"], diff=_fmt(data["diff"], lang, ".2g"),
                                                   index=tuple(data["index"]), expected=_fmt(data["expected_value"], lang),
                                                   got=_fmt(data["got_value"], lang)))
        hint = data["hint"]
        general = texts()["messages"].get(f"hint_{hint}")
        text = _t(general, lang, f"hint_{hint}") if general else hint_text(data["key"], hint, lang)
        body.append(m("hint").format(hint=text))
    text = "\n".join([head] + ["  " + b for b in body])
    items = "".join(f"<li>{html.escape(b)}</li>" for b in body)
    markup = (f'<div class="seqlab-check seqlab-check-{css}" lang="{lang}" role="status">'
              f"<strong>{html.escape(head)}</strong>" + (f"<ul>{items}</ul>" if items else "") + "</div>"
              f"<style>{CSS}</style>")
    return text, markup


CSS = (".seqlab-check{border-left:4px solid #888;padding:.4em .8em;margin:.3em 0;line-height:1.45}"
       ".seqlab-check ul{margin:.3em 0 0;padding-left:1.2em}"
       ".seqlab-check-pass{border-color:#1a7f37}.seqlab-check-fail{border-color:#b3261e}"
       ".seqlab-check-todo{border-color:#6e7781}")


class Result:
    """What ``check`` returns: shown as HTML in Jupyter, as text elsewhere; ``passed`` is a bool."""

    def __init__(self, data: dict, lang: str):
        self.data, self.lang = data, lang
        self.passed = data["status"] == "pass"

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return render(self.data, self.lang)[0]

    def _repr_mimebundle_(self, include=None, exclude=None):
        text, markup = render(self.data, self.lang)
        return {"text/plain": text, "text/html": markup, EXERCISE_MIME: {**self.data, "lang": self.lang}}


def check(key: str, fn, lang: str = "en", framework: str = "pytorch", seed: int = 0) -> Result:
    """Check the learner's ``fn`` for exercise ``key`` (``"NN/name"``) in ``framework``."""
    if key not in EXERCISES:
        raise ExerciseError(f"no exercise {key!r}; the exercises are: {', '.join(EXERCISES)}")
    if lang not in LANGS:
        raise ExerciseError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if framework not in FRAMEWORKS:
        raise ExerciseError(f"framework must be one of {', '.join(FRAMEWORKS)}, got {framework!r}")
    if not callable(fn):
        raise ExerciseError(f"check({key!r}, ...): the second argument must be your function "
                            f"{EXERCISES[key].name}, got {type(fn).__name__}")
    return Result(run(key, fn, framework, seed), lang)


def refresh(nb) -> None:
    """Re-render the check results an executed notebook stores from the current ``exercises.yml``."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if EXERCISE_MIME in data:
                stored = data[EXERCISE_MIME]
                data["text/plain"], data["text/html"] = render(stored, stored["lang"])
