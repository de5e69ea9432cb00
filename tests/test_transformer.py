"""Chapter 5's attention code, as the learner sees it, on the edge cases a notebook run does not reach.

The functions are taken from the chapter source (book/en/05-transformer.md; the translations must
have the same code, which test_chapters checks) and executed here, once per framework. The
notebooks show one batch with an empty sentence; these tests add the cases around it: a sentence
whose valid length is 0 under the padding mask alone, under padding and causal masks together, in
every head of multi-head attention, and in the gradient.
"""
import numpy as np
import pytest

from seqlab import authoring

SOURCE = authoring.ROOT / "book" / "en" / "05-transformer.md"
# The cells that define what is tested, found by what they define; the import cell comes first.
DEFINES = ["PAD, UNK, BOS, EOS", "def scaled_dot_product_attention", "def padding_mask", "class MultiHeadAttention"]


def chapter_namespace(framework: str) -> dict:
    nb = authoring.split(SOURCE)[framework]
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    imports = next(c for c in code if c.startswith(("import torch", "import tensorflow")))
    ns = {"__name__": "chapter5"}
    exec("import math\nimport numpy as np\nimport seqlab\n" + imports, ns)
    for marker in DEFINES:
        cells = [c for c in code if marker in c]
        assert len(cells) == 1, f"{SOURCE.name} ({framework}): expected one code cell with {marker!r}, found {len(cells)}"
        exec(cells[0], ns)
    return ns


@pytest.fixture(scope="module", params=["pytorch", "tensorflow"])
def chapter(request):
    return request.param, chapter_namespace(request.param)


def run(framework, ns, Z, X, causal=False, heads=None):
    """Self-attention of Z (B, n, d) under the padding mask of ids X (B, n), optionally causal.
    -> outputs, weights and the gradient of sum(outputs) with respect to Z, all as NumPy arrays."""
    if framework == "pytorch":
        import torch

        Zt = torch.tensor(Z, requires_grad=True)
        mask = ns["padding_mask"](torch.tensor(X))
        if causal:
            mask = mask & ns["causal_mask"](X.shape[1])
        if heads:
            torch.manual_seed(0)
            out, A = ns["MultiHeadAttention"](Z.shape[-1], heads)(Zt, Zt, mask)
        else:
            out, A = ns["scaled_dot_product_attention"](Zt, Zt, Zt, mask)
        out.sum().backward()
        return out.detach().numpy(), A.detach().numpy(), Zt.grad.numpy()
    import tensorflow as tf

    Zt = tf.Variable(Z)
    mask = ns["padding_mask"](X)
    if causal:
        mask = mask & ns["causal_mask"](X.shape[1])
    layer = ns["MultiHeadAttention"](Z.shape[-1], heads) if heads else None
    with tf.GradientTape() as tape:
        out, A = layer(Zt, Zt, mask) if heads else ns["scaled_dot_product_attention"](Zt, Zt, Zt, mask)
        total = tf.reduce_sum(out)
    return out.numpy(), A.numpy(), tape.gradient(total, Zt).numpy()


X = np.array([[5, 6, 7, 8], [5, 6, 0, 0], [0, 0, 0, 0]])       # valid lengths 4, 2, 0
Z = np.random.default_rng(0).normal(size=(3, 4, 8)).astype("float32")


@pytest.mark.parametrize("causal", [False, True], ids=["padding", "padding+causal"])
@pytest.mark.parametrize("heads", [None, 2], ids=["one attention", "two heads"])
def test_a_sentence_of_valid_length_0_gives_zeros_and_no_nan(chapter, causal, heads):
    framework, ns = chapter
    out, A, grad = run(framework, ns, Z, X, causal=causal, heads=heads)
    assert np.isfinite(out).all() and np.isfinite(A).all() and np.isfinite(grad).all()
    A = A if heads else A[:, None]                                  # (B, h, T, S)
    np.testing.assert_array_equal(A[2], 0.0)                       # the empty sentence attends to nothing
    if not heads:
        np.testing.assert_array_equal(out[2], 0.0)                 # ... and reads nothing
        np.testing.assert_array_equal(grad[2], 0.0)
    np.testing.assert_allclose(A[:2].sum(-1), 1.0, atol=1e-6)      # the others: proper weights
    np.testing.assert_array_equal(A[1, :, :, 2:], 0.0)             # padding gets no weight


def test_the_causal_mask_hides_the_future(chapter):
    framework, ns = chapter
    _, A, _ = run(framework, ns, Z[:1], X[:1], causal=True)
    assert (np.triu(A[0], k=1) == 0).all() and (A[0][np.tril_indices(4)] > 0).all()


def test_multi_head_attention_rejects_a_width_it_cannot_split(chapter):
    framework, ns = chapter
    with pytest.raises(ValueError, match="d_model = 10 must be a multiple of the number of heads h = 4"):
        ns["MultiHeadAttention"](10, 4)
