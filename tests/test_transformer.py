"""Chapter 5's attention code, as the learner sees it, on the edge cases a notebook run does not reach.

The functions are taken from the chapter source (book/en/05-transformer.md; the translations must
have the same code, which test_chapters checks) and executed here, once per framework. The
notebooks show one batch with an empty sentence; these tests add the cases around it: a sentence
whose valid length is 0 under the padding mask alone, under padding and causal masks together, in
every head of multi-head attention, and in the gradient. Then the shapes around the notebook's: a
2-D causal mask given to multi-head attention (with as many heads as positions, where a mask row
could pass for a head), masks it cannot read, widths and lengths the model cannot take (clear
errors, not broadcast errors), and batches and sequences of length 1.
"""
import re

import numpy as np
import pytest

from chapter_code import namespace

# The cells that define what is tested, found by what they define (after the import cells).
DEFINES = ["PAD, UNK, BOS, EOS", "def scaled_dot_product_attention", "def padding_mask", "class MultiHeadAttention",
           "def positional_encoding", "class EncoderBlock", "class Transformer("]


@pytest.fixture(scope="module", params=["pytorch", "tensorflow"])
def chapter(request):
    return request.param, namespace("05-transformer.md", request.param, DEFINES)


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


def tensor(framework, x):
    if framework == "pytorch":
        import torch

        return torch.tensor(x)
    return x                                                        # Keras layers take NumPy arrays


def broadcast(framework, mask, shape):
    if framework == "pytorch":
        return mask.expand(*shape)
    import tensorflow as tf

    return tf.broadcast_to(mask, shape)


def attend(framework, mha, Z, mask):
    """Self-attention mha(Z, Z, mask) of NumPy Z (B, T, d_model). -> outputs, weights as NumPy arrays."""
    if framework == "pytorch":
        import torch

        with torch.no_grad():
            out, A = mha(tensor(framework, Z), tensor(framework, Z), mask)
    else:
        out, A = mha(Z, Z, mask)
    return np.asarray(out), np.asarray(A)


def heads_by_hand(framework, ns, mha, Z, mask):
    """What mha(Z, Z, mask) computes, written out with the layer's own weights, for a mask that
    already has one (T, S) matrix per sentence and head: (B, h, T, S)."""
    B, T, _ = Z.shape
    attention = ns["scaled_dot_product_attention"]
    if framework == "pytorch":
        import torch

        with torch.no_grad():
            Zt = torch.tensor(Z)
            Q, K, V = (W(Zt).view(B, T, mha.h, mha.d_k).transpose(1, 2) for W in (mha.W_q, mha.W_k, mha.W_v))
            C, A = attention(Q, K, V, mask)
            return mha.W_o(C.transpose(1, 2).reshape(B, T, -1)).numpy(), A.numpy()
    import tensorflow as tf

    Q, K, V = (tf.transpose(tf.reshape(W(Z), (B, T, mha.h, mha.d_k)), (0, 2, 1, 3)) for W in (mha.W_q, mha.W_k, mha.W_v))
    C, A = attention(Q, K, V, mask)
    return mha.W_o(tf.reshape(tf.transpose(C, (0, 2, 1, 3)), (B, T, -1))).numpy(), A.numpy()


@pytest.mark.parametrize("B, T, h", [(2, 4, 4), (1, 3, 3), (1, 1, 1), (3, 5, 2)],
                         ids=["B=2 T=h=4", "B=1 T=h=3", "B=T=h=1", "B=3 T=5 h=2"])
def test_a_2d_causal_mask_hides_the_future_in_every_head(chapter, B, T, h):
    framework, ns = chapter
    rng = np.random.default_rng(1)
    mha = ns["MultiHeadAttention"](2 * h, h)
    Z = rng.normal(size=(B, T, 2 * h)).astype("float32")
    mask = ns["causal_mask"](T)                                     # (T, T), the same for every sentence
    out, A = attend(framework, mha, Z, mask)
    assert A.shape == (B, h, T, T)
    assert (np.triu(A, k=1) == 0).all()                             # no head of any sentence looks ahead
    for t in range(T - 1):                                          # change the tokens after t ...
        Z_later = Z.copy()
        Z_later[:, t + 1:] = rng.normal(size=Z_later[:, t + 1:].shape)
        out_later, _ = attend(framework, mha, Z_later, mask)
        np.testing.assert_allclose(out_later[:, : t + 1], out[:, : t + 1], atol=1e-6)   # ... up to t: unchanged
        assert not np.allclose(out_later[:, t + 1:], out[:, t + 1:])                   # after t: they do change
    by_hand, A_by_hand = heads_by_hand(framework, ns, mha, Z, broadcast(framework, mask, (B, h, T, T)))
    np.testing.assert_allclose(out, by_hand, atol=1e-6)
    np.testing.assert_allclose(A, A_by_hand, atol=1e-6)
    out_3d, A_3d = attend(framework, mha, Z, broadcast(framework, mask, (B, T, T)))     # one mask per sentence
    np.testing.assert_allclose(out_3d, out, atol=1e-6)
    np.testing.assert_allclose(A_3d, A, atol=1e-6)


@pytest.mark.parametrize("shape", [(4,), (2, 2, 4, 4)])
def test_multi_head_attention_rejects_a_mask_it_cannot_read(chapter, shape):
    framework, ns = chapter
    Z = np.zeros((2, 4, 8), "float32")
    mask = tensor(framework, np.ones(shape, bool))
    with pytest.raises(ValueError, match=re.escape(f"mask must have shape (T, S) or (B, T or 1, S), not {shape}")):
        attend(framework, ns["MultiHeadAttention"](8, 2), Z, mask)


def test_positional_encoding_needs_an_even_width(chapter):
    _, ns = chapter
    with pytest.raises(ValueError, match=r"d_model = 7 must be even"):
        ns["positional_encoding"](10, 7)


@pytest.mark.parametrize("n_positions, d_model", [(1, 2), (5, 6), (3, 64)])
def test_positional_encoding_on_small_sizes(chapter, n_positions, d_model):
    _, ns = chapter
    PE = ns["positional_encoding"](n_positions, d_model)
    p, i = np.arange(n_positions)[:, None], np.arange(0, d_model, 2)
    assert PE.shape == (n_positions, d_model)
    np.testing.assert_allclose(PE[:, 0::2], np.sin(p / 10000 ** (i / d_model)))
    np.testing.assert_allclose(PE[:, 1::2], np.cos(p / 10000 ** (i / d_model)))


def test_blocks_and_the_transformer_reject_a_width_they_cannot_split(chapter):
    _, ns = chapter
    for make in (lambda: ns["EncoderBlock"](10, 4, 16, 0.0), lambda: ns["DecoderBlock"](10, 4, 16, 0.0),
                 lambda: ns["Transformer"](20, 20, d_model=10, h=4)):
        with pytest.raises(ValueError, match="d_model = 10 must be a multiple of the number of heads h = 4"):
            make()
    with pytest.raises(ValueError, match="d_model = 9 must be even"):
        ns["Transformer"](20, 20, d_model=9, h=3)


def small_transformer(framework, ns, max_len=5):
    if framework == "pytorch":
        import torch

        torch.manual_seed(0)
    return ns["Transformer"](12, 12, d_model=8, h=2, d_ff=16, N=1, dropout=0.0, max_len=max_len)


def logits(framework, model, X, Y_in):
    if framework == "pytorch":
        import torch

        model.eval()
        with torch.no_grad():
            return model(torch.tensor(X), torch.tensor(Y_in)).numpy()
    return np.asarray(model([X, Y_in], training=False))


@pytest.mark.filterwarnings("ignore:.*(unbuilt state|build\\(\\)):UserWarning")   # Keras, on the first call failing
@pytest.mark.parametrize("S, T", [(7, 3), (3, 7)], ids=["source", "target"])
def test_the_transformer_rejects_a_sequence_longer_than_max_len(chapter, S, T):
    framework, ns = chapter
    X, Y_in = np.full((2, S), 5), np.full((2, T), 5)
    with pytest.raises(ValueError, match="a sequence of length 7 is longer than max_len = 5"):
        logits(framework, small_transformer(framework, ns), X, Y_in)


@pytest.mark.parametrize("B, S, T", [(1, 1, 1), (1, 5, 5), (3, 2, 4)])
def test_the_transformer_on_small_batches_and_lengths(chapter, B, S, T):
    framework, ns = chapter
    rng = np.random.default_rng(2)
    model = small_transformer(framework, ns)
    X, Y_in = rng.integers(4, 12, size=(B, S)), rng.integers(4, 12, size=(B, T))
    out = logits(framework, model, X, Y_in)
    assert out.shape == (B, T, 12) and np.isfinite(out).all()
    for t in range(T - 1):                                          # the decoder does not read ahead either
        Y_later = Y_in.copy()
        Y_later[:, t + 1:] = (Y_later[:, t + 1:] - 3) % 8 + 4       # other tokens, still in 4..11
        np.testing.assert_allclose(logits(framework, model, X, Y_later)[:, : t + 1], out[:, : t + 1], atol=1e-5)
