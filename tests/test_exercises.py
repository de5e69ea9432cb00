"""The self-checking exercises (seqlab.exercises): each chapter's own solution passes its check in
both frameworks, and broken versions of it, made by editing the solution's text the way learners
get it wrong, fail with the hint meant for that mistake. Also: the framework references agree with
the NumPy references, every usual mistake is caught by some case, every text exists in every
language, and bad arguments are refused by name.
"""
import math
import re

import numpy as np
import pytest

from chapter_code import code_cells
from seqlab import FRAMEWORKS, LANGS
from seqlab import exercises as ex

CHAPTERS = {"01": "01-rnn.md", "02": "02-lstm-gru.md", "03": "03-seq2seq.md", "04": "04-attention.md",
            "05": "05-transformer.md"}

# (hint, [(old, new), ...]) per exercise and framework: each `old` must occur in the chapter's solution.
T, F = "pytorch", "tensorflow"
MUTATIONS = {
    "01/rnn-step": {
        T: [("no_bias", [(" + b_h)", ")")]), ("transposed", [("h_prev @ W_hh", "h_prev @ W_hh.T")]),
            ("no_state", [(" + h_prev @ W_hh", "")]), ("no_tanh", [("torch.tanh(", "(")]),
            ("sigmoid", [("torch.tanh(", "torch.sigmoid(")]),
            ("shapes", [("x_t @ W_xh", "x_t @ W_xh.T")])],
        F: [("no_bias", [(" + b_h)", ")")]), ("transposed", [("h_prev @ W_hh", "h_prev @ tf.transpose(W_hh)")]),
            ("no_state", [(" + h_prev @ W_hh", "")]), ("no_tanh", [("tf.tanh(", "(")]),
            ("sigmoid", [("tf.tanh(", "tf.sigmoid(")])],
    },
    "01/clip-norm": {
        T: [("per_tensor", [("[g * scale for g in grads]", "[g * min(1.0, max_norm / torch.sqrt((g ** 2).sum())) for g in grads]")]),
            ("always_scale", [("min(1.0, max_norm / norm)", "max_norm / norm")]),
            ("squared", [("torch.sqrt(sum((g ** 2).sum() for g in grads))", "sum((g ** 2).sum() for g in grads)")]),
            ("inverted", [("max_norm / norm", "norm / max_norm")]),
            ("l1", [("torch.sqrt(sum((g ** 2).sum() for g in grads))", "sum(g.abs().sum() for g in grads)")]),
            ("zero_norm", [("[g * scale for g in grads]", "[g / norm * min(norm, max_norm) for g in grads]")])],
        F: [("per_tensor", [("[g * scale for g in grads]", "[g * tf.minimum(1.0, max_norm / tf.norm(g)) for g in grads]")]),
            ("always_scale", [("tf.minimum(1.0, max_norm / norm)", "max_norm / norm")]),
            ("squared", [("tf.sqrt(sum(tf.reduce_sum(g ** 2) for g in grads))", "sum(tf.reduce_sum(g ** 2) for g in grads)")]),
            ("inverted", [("max_norm / norm", "norm / max_norm")]),
            ("l1", [("tf.sqrt(sum(tf.reduce_sum(g ** 2) for g in grads))", "sum(tf.reduce_sum(tf.abs(g)) for g in grads)")]),
            ("zero_norm", [("[g * scale for g in grads]", "[g / norm * tf.minimum(norm, max_norm) for g in grads]")])],
    },
    "02/lstm-step": {
        fw: [("gate_order", [(f"g_t = {m}.tanh(z[:, 2 * n:3 * n])", f"g_t = {m}.tanh(z[:, 3 * n:])"),
                             (f"o_t = {m}.sigmoid(z[:, 3 * n:])", f"o_t = {m}.sigmoid(z[:, 2 * n:3 * n])")]),
             ("no_tanh_c", [(f"h_t = o_t * {m}.tanh(c_t)", "h_t = o_t * c_t")]),
             ("gates_swapped", [("c_t = f_t * c_prev + i_t * g_t", "c_t = i_t * c_prev + f_t * g_t")]),
             ("old_c", [(f"{m}.tanh(c_t)", f"{m}.tanh(c_prev)")]),
             ("no_bias", [("h_prev @ W_h + b ", "h_prev @ W_h ")]),
             ("sigmoid_g", [(f"g_t = {m}.tanh", f"g_t = {m}.sigmoid")])]
        for fw, m in ((T, "torch"), (F, "tf"))
    },
    "02/gru-step": {
        fw: [("gate_order", [("a_x[:, :n] + a_h[:, :n]", "@@"), ("a_x[:, n:2 * n] + a_h[:, n:2 * n]", "a_x[:, :n] + a_h[:, :n]"),
                             ("@@", "a_x[:, n:2 * n] + a_h[:, n:2 * n]")]),
             ("update_side", [("(1 - z_t) * n_t + z_t * h_prev", "z_t * n_t + (1 - z_t) * h_prev")]),
             ("reset_before", [("r_t * a_h[:, 2 * n:]", "(r_t * h_prev) @ W_h[:, 2 * n:] + b_h[2 * n:]")]),
             ("no_reset", [("r_t * a_h[:, 2 * n:]", "a_h[:, 2 * n:]")]),
             ("reset_on_input", [("a_x[:, 2 * n:] + r_t * a_h[:, 2 * n:]", "r_t * a_x[:, 2 * n:] + a_h[:, 2 * n:]")]),
             ("no_bias", [("a_h = h_prev @ W_h + b_h", "a_h = h_prev @ W_h")])]
        for fw in (T, F)
    },
    "03/beam-step": {
        T: [("no_prev", [("total = scores[:, None] + log_probs", "total = log_probs")]),
            ("multiplied", [("scores[:, None] + log_probs", "scores[:, None] * log_probs")]),
            ("new_only", [("return best.values,", "return log_probs.flatten()[best.indices],")]),
            ("swapped_index", [("best.indices // V, best.indices % V", "best.indices % V, best.indices // V")]),
            ("divisor", [("V = log_probs.shape[1]", "V = log_probs.shape[0]")]),
            ("ascending", [("torch.topk(total.flatten(), width)", "torch.topk(total.flatten(), width, largest=False)")])],
        F: [("no_prev", [("total = scores[:, None] + log_probs", "total = log_probs")]),
            ("multiplied", [("scores[:, None] + log_probs", "scores[:, None] * log_probs")]),
            ("new_only", [("return best.values,", "return tf.gather(tf.reshape(log_probs, [-1]), best.indices),")]),
            ("swapped_index", [("best.indices // V, best.indices % V", "best.indices % V, best.indices // V")]),
            ("divisor", [("V = log_probs.shape[1]", "V = log_probs.shape[0]")])],
    },
    "03/sequence-loss": {
        T: [("pad_counted", [("(nll * mask).sum() / mask.sum()", "nll.mean()")]),
            ("inverted", [("targets != pad_id", "targets == pad_id")]),
            ("pad_zero", [("targets != pad_id", "targets != 0")]),
            ("per_sentence", [("(nll * mask).sum() / mask.sum()", "((nll * mask).sum(1) / mask.sum(1)).mean()")]),
            ("no_log", [("torch.log_softmax(logits, dim=-1)", "torch.softmax(logits, dim=-1)")]),
            ("sum", [(" / mask.sum()", "")]),
            ("wrong_axis", [("torch.log_softmax(logits, dim=-1)", "torch.log_softmax(logits, dim=1)")])],
        F: [("pad_counted", [("tf.reduce_sum(nll * mask) / tf.reduce_sum(mask)", "tf.reduce_mean(nll)")]),
            ("inverted", [("targets != pad_id", "targets == pad_id")]),
            ("pad_zero", [("targets != pad_id", "targets != 0")]),
            ("per_sentence", [("tf.reduce_sum(nll * mask) / tf.reduce_sum(mask)",
                               "tf.reduce_mean(tf.reduce_sum(nll * mask, 1) / tf.reduce_sum(mask, 1))")]),
            ("no_log", [("tf.nn.log_softmax(logits, axis=-1)", "tf.nn.softmax(logits, axis=-1)")]),
            ("sum", [(" / tf.reduce_sum(mask)", "")]),
            ("wrong_axis", [("tf.nn.log_softmax(logits, axis=-1)", "tf.nn.log_softmax(logits, axis=1)")])],
    },
    "04/masked-softmax": {
        T: [("after", [("return torch.softmax(E, dim=-1)", "return A * mask[:, None, :]"),
                       ("E = E.masked_fill(~mask[:, None, :], -1e9)", "A = torch.softmax(E, dim=-1)")]),
            ("zero_fill", [("-1e9", "0.0")]), ("inverted", [("~mask", "mask")]),
            ("wrong_axis", [("dim=-1", "dim=1")]), ("no_mask", [("E = E.masked_fill(~mask[:, None, :], -1e9)", "pass")]),
            ("small_fill", [("-1e9", "-1.0")]), ("shapes", [("mask[:, None, :]", "mask[:, :, None]")])],
        F: [("after", [("return tf.nn.softmax(E, axis=-1)", "return A * tf.cast(mask[:, None, :], A.dtype)"),
                       ("E = tf.where(mask[:, None, :], E, -1e9)", "A = tf.nn.softmax(E, axis=-1)")]),
            ("zero_fill", [("-1e9", "0.0")]), ("inverted", [("tf.where(mask[:, None, :], E, -1e9)", "tf.where(mask[:, None, :], -1e9, E)")]),
            ("wrong_axis", [("axis=-1", "axis=1")]), ("no_mask", [("E = tf.where(mask[:, None, :], E, -1e9)", "pass")]),
            ("small_fill", [("-1e9", "-1.0")])],
    },
    "04/attend": {
        T: [("transposed", [("s_t @ W", "s_t @ W.T")]),
            ("after", [("e = e.masked_fill(~mask, -1e9)", "pass"),
                       ("alpha = torch.softmax(e, dim=-1)", "alpha = torch.softmax(e, dim=-1) * mask")]),
            ("no_mask", [("e = e.masked_fill(~mask, -1e9)", "pass")]),
            ("batch_axis", [("torch.softmax(e, dim=-1)", "torch.softmax(e, dim=0)")]),
            ("plain_mean", [("c_t = (alpha[:, :, None] * H).sum(1)",
                             "c_t = (mask[:, :, None] * H).sum(1) / mask.sum(1, keepdim=True)")]),
            ("sum_states", [("c_t = (alpha[:, :, None] * H).sum(1)", "c_t = H.sum(1)")])],
        F: [("transposed", [("s_t @ W", "s_t @ tf.transpose(W)")]),
            ("after", [("e = tf.where(mask, e, -1e9)", "pass"),
                       ("alpha = tf.nn.softmax(e, axis=-1)", "alpha = tf.nn.softmax(e, axis=-1) * tf.cast(mask, e.dtype)")]),
            ("no_mask", [("e = tf.where(mask, e, -1e9)", "pass")]),
            ("batch_axis", [("tf.nn.softmax(e, axis=-1)", "tf.nn.softmax(e, axis=0)")]),
            ("plain_mean", [("c_t = tf.reduce_sum(alpha[:, :, None] * H, axis=1)",
                             "m = tf.cast(mask, H.dtype); c_t = tf.reduce_sum(m[:, :, None] * H, axis=1) / tf.reduce_sum(m, axis=1, keepdims=True)")]),
            ("sum_states", [("c_t = tf.reduce_sum(alpha[:, :, None] * H, axis=1)", "c_t = tf.reduce_sum(H, axis=1)")])],
    },
    "05/positional-encoding": {
        T: [("swapped", [("torch.sin(p * omega)", "@@"), ("torch.cos(p * omega)", "torch.sin(p * omega)"), ("@@", "torch.cos(p * omega)")]),
            ("halves", [("PE[:, 0::2]", "PE[:, :d_model // 2]"), ("PE[:, 1::2]", "PE[:, d_model // 2:]")]),
            ("exponent", [("torch.arange(0, d_model, 2, dtype=torch.float32)", "torch.arange(0, d_model // 2, dtype=torch.float32)")]),
            ("from_one", [("torch.arange(n_positions, dtype=torch.float32)", "torch.arange(1, n_positions + 1, dtype=torch.float32)")]),
            ("sign", [("10000.0 ** (-", "10000.0 ** (")])],
        F: [("swapped", [("tf.sin(p * omega), tf.cos(p * omega)", "tf.cos(p * omega), tf.sin(p * omega)")]),
            ("halves", [("tf.stack([tf.sin(p * omega), tf.cos(p * omega)], axis=-1)", "tf.concat([tf.sin(p * omega), tf.cos(p * omega)], axis=-1)")]),
            ("exponent", [("tf.range(0, d_model, 2, dtype=tf.float32)", "tf.range(0, d_model // 2, dtype=tf.float32)")]),
            ("from_one", [("tf.range(n_positions, dtype=tf.float32)", "tf.range(1, n_positions + 1, dtype=tf.float32)")]),
            ("sign", [("10000.0 ** (-", "10000.0 ** (")])],
    },
    "05/attention-head": {
        T: [("no_scale", [(" / math.sqrt(K.shape[-1])", "")]),
            ("scale_d_model", [("math.sqrt(K.shape[-1])", "math.sqrt(X_q.shape[-1])")]),
            ("scale_no_sqrt", [("math.sqrt(K.shape[-1])", "K.shape[-1]")]),
            ("after", [("E = E.masked_fill(~mask, -1e9)", "pass"),
                       ("A = torch.softmax(E, dim=-1)\n", "A = torch.softmax(E, dim=-1)\n    if mask is not None:\n        A = A * mask\n")]),
            ("wrong_axis", [("torch.softmax(E, dim=-1)", "torch.softmax(E, dim=-2)")]),
            ("inverted", [("~mask", "mask")])],
        F: [("no_scale", [(" / math.sqrt(K.shape[-1])", "")]),
            ("scale_d_model", [("math.sqrt(K.shape[-1])", "math.sqrt(X_q.shape[-1])")]),
            ("scale_no_sqrt", [("math.sqrt(K.shape[-1])", "K.shape[-1]")]),
            ("after", [("E = tf.where(mask, E, -1e9)", "pass"),
                       ("A = tf.nn.softmax(E, axis=-1)\n", "A = tf.nn.softmax(E, axis=-1)\n    if mask is not None:\n        A = A * tf.cast(mask, A.dtype)\n")]),
            ("wrong_axis", [("tf.nn.softmax(E, axis=-1)", "tf.nn.softmax(E, axis=-2)")]),
            ("inverted", [("tf.where(mask, E, -1e9)", "tf.where(mask, -1e9, E)")])],
    },
}


def solution(key: str, framework: str) -> str:
    """The chapter's solution of exercise ``key`` in ``framework``: the solution cell that defines
    the exercise's function, without its closing ``check(...)`` line."""
    name = ex.EXERCISES[key].name
    chapter = CHAPTERS[key[:2]]
    cells = [c for c in code_cells(chapter, framework) if re.search(rf"^def {name}\(", c, re.M)
             and "raise NotImplementedError" not in c]
    assert len(cells) == 1, f"{chapter} ({framework}): expected one solution defining {name}, found {len(cells)}"
    return "\n".join(line for line in cells[0].splitlines() if not line.startswith("check("))


def define(code: str, framework: str, name: str):
    ns = {"math": math, "np": np}
    if framework == "pytorch":
        import torch

        ns["torch"] = torch
    else:
        import tensorflow as tf

        ns["tf"] = tf
    exec(compile(code, f"<solution {name}>", "exec"), ns)
    return ns[name]


CASES = [(k, fw) for k in ex.EXERCISES for fw in FRAMEWORKS]


@pytest.mark.parametrize("key,framework", CASES)
def test_the_chapters_solution_passes(key, framework):
    fn = define(solution(key, framework), framework, ex.EXERCISES[key].name)
    result = ex.check(key, fn, "en", framework)
    assert result.passed, repr(result)
    assert "✓" in repr(result)


@pytest.mark.parametrize("key,framework", CASES)
def test_broken_solutions_fail_with_their_hint(key, framework):
    exercise = ex.EXERCISES[key]
    broken = MUTATIONS[key][framework]
    assert len(broken) >= 5, f"{key} ({framework}): at least five broken versions"
    base = solution(key, framework)
    for hint, edits in broken:
        code = base
        for old, new in edits:
            assert old in code, f"{key} ({framework}), mutation {hint}: {old!r} is not in the solution any more"
            code = code.replace(old, new)
        assert code != base
        result = ex.run(key, define(code, framework, exercise.name), framework)
        assert result["status"] == "fail", f"{key} ({framework}): the broken version {hint!r} passes the check"
        assert result["hint"] == hint, f"{key} ({framework}), broken version {hint!r}: got hint {result['hint']!r}"
        text = ex.render(result, "en")[0]
        assert "✗" in text and "Hint:" in text


@pytest.mark.parametrize("key", list(ex.EXERCISES))
def test_every_mistake_hint_is_tested_or_caught(key):
    """Each mistake listed for an exercise differs from the reference on some case, so the check can
    catch it; and each is exercised by a broken version in at least one framework."""
    exercise = ex.EXERCISES[key]
    cases = exercise.cases(np.random.default_rng(0))
    for hint, variant in exercise.mistakes.items():
        with np.errstate(all="ignore"):
            differs = any(not ex._matches(tuple(np.asarray(v, dtype=float) for v in exercise.reference(*c.args)),
                                          variant(*c.args)) for c in cases)
        assert differs, f"{key}: the mistake {hint!r} gives the right answer on every case"
    tested = {h for fw in FRAMEWORKS for h, _ in MUTATIONS[key][fw]}
    assert set(exercise.mistakes) <= tested, f"{key}: no broken version for {set(exercise.mistakes) - tested}"


@pytest.mark.parametrize("key,framework", [(k, fw) for k in ex.EXERCISES for fw in FRAMEWORKS
                                           if fw in ex.EXERCISES[k].framework_reference])
def test_framework_reference_agrees_with_numpy(key, framework):
    exercise = ex.EXERCISES[key]
    _, ref = exercise.framework_reference[framework]
    for case in exercise.cases(np.random.default_rng(1)):
        for got, want in zip(ref(*case.args), exercise.reference(*case.args)):
            np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)   # torch clips by max_norm / (norm + 1e-6)


def test_cases_include_a_batch_of_one_or_length_one_and_odd_sizes():
    for key, exercise in ex.EXERCISES.items():
        labels = {c.label for c in exercise.cases(np.random.default_rng(0))}
        assert len(labels) >= 3, key
        if key != "01/clip-norm":
            assert labels & {"case_batch1", "case_length1", "case_one_beam", "case_width1"}, key


def test_a_stub_is_not_written_yet_in_every_language():
    def stub(*args):
        raise NotImplementedError

    for lang in LANGS:
        result = ex.check("02/gru-step", stub, lang, "pytorch")
        assert result.data["status"] == "todo" and not result
        text = repr(result)
        assert "gru_step" in text and text == ex.render(result.data, lang)[0]
    assert ex.render(result.data, "en")[0] != ex.render(result.data, "de")[0]


def test_failure_report_names_case_shapes_and_difference():
    import torch

    def wrong(x_t, h_prev, W_xh, W_hh, b_h):
        return torch.tanh(x_t @ W_xh + h_prev @ W_hh)               # no bias

    data = ex.run("01/rnn-step", wrong, "pytorch")
    text, markup = ex.render(data, "en")
    assert "case 1 of 4" in text and "x_t (4, 3)" in text and "b_h (5,)" in text
    assert "largest difference" in text and "without its bias" in text
    assert "<li>" in markup and "&lt;" not in text
    de = ex.render(data, "de")[0]
    assert f"{data['diff']:.2g}".replace(".", ",") in de and f"{data['diff']:.2g}" not in de   # 0,37 in German

    def flat(x_t, h_prev, W_xh, W_hh, b_h):
        return torch.tanh(x_t @ W_xh + h_prev @ W_hh + b_h).flatten()
    data = ex.run("01/rnn-step", flat, "pytorch")
    assert data["kind"] == "shape" and "expected shape (4, 5), got (20,)" in ex.render(data, "en")[0]

    def none(*args):
        return None
    assert ex.run("01/rnn-step", none, "pytorch")["hint"] == "none"

    def one(x_t, h_prev, c_prev, W_x, W_h, b):
        return h_prev
    data = ex.run("02/lstm-step", one, "pytorch")
    assert data["kind"] == "count" and "Expected 2 results, got 1" in ex.render(data, "en")[0]


def test_an_error_in_the_learners_code_names_its_line():
    def broken(x_t, h_prev, W_xh, W_hh, b_h):
        h = x_t @ W_hh                                               # shapes do not fit
        return h

    data = ex.run("01/rnn-step", broken, "pytorch")
    assert data["kind"] == "raised" and data["hint"] == "shapes"
    assert data["line"]["code"] == "h = x_t @ W_hh                                               # shapes do not fit"
    for lang in LANGS:
        assert str(data["line"]["lineno"]) in ex.render(data, lang)[0]


def test_every_text_exists_in_every_language():
    texts = ex.texts()
    for name, entry in texts["messages"].items():
        assert set(entry) == set(LANGS), f"message {name}: {set(LANGS) - set(entry)} missing"
    for key, exercise in ex.EXERCISES.items():
        hints = texts["exercises"][key]["hints"]
        assert set(hints) == set(exercise.mistakes) | {exercise.generic}, key
        for hint, entry in hints.items():
            assert set(entry) == set(LANGS), f"{key}, hint {hint}: {set(LANGS) - set(entry)} missing"


def test_bad_arguments_are_refused_by_name():
    with pytest.raises(ex.ExerciseError, match="no exercise '02/gru'.*02/gru-step"):
        ex.check("02/gru", print)
    with pytest.raises(ex.ExerciseError, match="lang must be one of"):
        ex.check("02/gru-step", print, "fr")
    with pytest.raises(ex.ExerciseError, match="framework must be one of"):
        ex.check("02/gru-step", print, "en", "jax")
    with pytest.raises(ex.ExerciseError, match="your function gru_step, got int"):
        ex.check("02/gru-step", 5)


def test_refresh_renders_stored_results_from_the_current_texts():
    import nbformat

    data = {**ex.run("04/masked-softmax", lambda E, m: E, "pytorch"), "lang": "ja"}
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("check(...)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": "old", "text/html": "old",
                                                                 ex.EXERCISE_MIME: data})]
    nb.cells.append(cell)
    ex.refresh(nb)
    assert cell.outputs[0]["data"]["text/plain"] == ex.render(data, "ja")[0]
    assert "ヒント" in cell.outputs[0]["data"]["text/plain"]
