"""Chapter 1's gradient clipping, as the learner sees it, on the gradients the notebook does not clip.

The notebook checks `clip_by_norm` on two large gradients. Here: gradients that are all zero (the
norm is 0, and c / norm would be 0/0), a norm below the threshold (nothing changes), one above it,
and odd shapes, each against the framework's own clipping.
"""
import numpy as np
import pytest

from chapter_code import namespace

rng = np.random.default_rng(0)
CASES = {
    "all zero": [np.zeros((3, 5), "float32"), np.zeros(5, "float32")],
    "below the threshold": [0.01 * rng.normal(size=(3, 5)).astype("float32"), 0.01 * rng.normal(size=5).astype("float32")],
    "above the threshold": [50 * rng.normal(size=(3, 5)).astype("float32"), 50 * rng.normal(size=5).astype("float32")],
    "one number": [np.array([7.0], "float32")],
    "odd shapes, one part zero": [rng.normal(size=(7, 3)).astype("float32"), np.zeros((1, 1), "float32"),
                                  rng.normal(size=(2, 3, 5)).astype("float32")],
}


@pytest.fixture(scope="module", params=["pytorch", "tensorflow"])
def chapter(request):
    return request.param, namespace("01-rnn.md", request.param, ["def clip_by_norm"])


def library_clip(framework, ns, grads, c):
    """-> the framework's clipped gradients and the norm it measured."""
    if framework == "pytorch":
        torch, nn = ns["torch"], ns["nn"]
        params = [nn.Parameter(torch.zeros(g.shape)) for g in grads]
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g)
        norm = nn.utils.clip_grad_norm_(params, max_norm=c)
        return [p.grad.numpy() for p in params], float(norm)
    tf = ns["tf"]
    clipped, norm = tf.clip_by_global_norm([tf.constant(g) for g in grads], clip_norm=c)
    return [g.numpy() for g in clipped], float(norm)


@pytest.mark.parametrize("case", CASES)
def test_clip_by_norm_agrees_with_the_library(chapter, case):
    framework, ns = chapter
    grads = CASES[case]
    ours, norm = ns["clip_by_norm"](grads, c=1.0)
    library, library_norm = library_clip(framework, ns, grads, c=1.0)
    assert all(np.isfinite(g).all() for g in ours)
    assert [g.shape for g in ours] == [g.shape for g in grads]
    assert norm == pytest.approx(library_norm, rel=1e-5, abs=1e-7)
    for g, lib in zip(ours, library):
        np.testing.assert_allclose(g, lib, rtol=1e-5, atol=1e-7)


def test_zeros_stay_zeros_and_small_gradients_unchanged(chapter):
    _, ns = chapter
    clipped, norm = ns["clip_by_norm"](CASES["all zero"], c=1.0)
    assert norm == 0.0 and all((g == 0).all() for g in clipped)
    small = CASES["below the threshold"]
    for g, ours in zip(small, ns["clip_by_norm"](small, c=1.0)[0]):
        np.testing.assert_array_equal(ours, g)
    clipped, norm = ns["clip_by_norm"](CASES["above the threshold"], c=1.0)
    assert norm > 1 and np.sqrt(sum((g.astype("float64") ** 2).sum() for g in clipped)) == pytest.approx(1.0, rel=1e-5)
