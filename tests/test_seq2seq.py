"""Chapter 3's BLEU by hand, as the learner sees it, on the sentences the notebook does not score.

`bleu_by_hand` follows the chapter's formula: BP times the geometric mean of p_1 ... p_4, so it is
0 as soon as one p_n is 0 (no n-gram of that order matches, or the hypothesis has none, being
shorter than n tokens, or empty). That is sacrebleu's BLEU without smoothing and without
"effective order": `corpus_bleu(..., smooth_method="none")` on one sentence, or `sentence_bleu(...,
smooth_method="none", use_effective_order=False)`. The chapter compares with `sentence_bleu(...,
tokenize="none", smooth_method="none")`, whose default `use_effective_order=True` drops the orders
a hypothesis shorter than 4 tokens has no n-gram of; on hypotheses of 4 tokens or more the two
agree, and the test checks that too.
"""
import pytest
import sacrebleu

from chapter_code import namespace

REF = "the cat sat on the mat near the red door".split()

CASES = {
    "identical": (REF, REF),
    "one wrong word": (REF[:2] + ["<unk>"] + REF[3:], REF),           # the chapter's example
    "first five words (brevity penalty)": (REF[:5], REF),             # exercise 3
    "longer than the reference": (REF + ["again"], REF),
    "repeated word (clipped counts)": ("the the the the the the".split(), REF),
    "no common 4-gram": ("the cat sat by the mat".split(), "the cat sat on the mat".split()),
    "no match at all": ("a b c d".split(), REF),
    "3 tokens, all in the reference": (REF[:3], REF),
    "2 tokens, the whole reference": (["good", "morning"], ["good", "morning"]),
    "1 token": (["cat"], REF),
    "empty hypothesis": ([], REF),
    "empty reference": (REF, []),
    "both empty": ([], []),
}


@pytest.fixture(scope="module", params=["pytorch", "tensorflow"])
def bleu_by_hand(request):
    return namespace("03-seq2seq.md", request.param, ["def bleu_by_hand"])["bleu_by_hand"]


def sacrebleu_without_smoothing(hyp, ref):
    return sacrebleu.corpus_bleu([" ".join(hyp)], [[" ".join(ref)]], tokenize="none",
                                 smooth_method="none", force=True).score


@pytest.mark.parametrize("case", CASES)
def test_bleu_by_hand_agrees_with_sacrebleu(bleu_by_hand, case):
    hyp, ref = CASES[case]
    ours = bleu_by_hand(hyp, ref)
    assert ours == pytest.approx(sacrebleu_without_smoothing(hyp, ref), abs=1e-6)
    if len(hyp) >= 4:                                  # the chapter's own call agrees as well
        chapter = sacrebleu.sentence_bleu(" ".join(hyp), [" ".join(ref)], tokenize="none",
                                          smooth_method="none").score
        assert ours == pytest.approx(chapter, abs=1e-6)


def test_the_cases_cover_zero_and_nonzero_scores(bleu_by_hand):
    scores = {case: bleu_by_hand(*CASES[case]) for case in CASES}
    assert scores["identical"] == pytest.approx(100)
    assert 0 < scores["one wrong word"] < 100 and 0 < scores["first five words (brevity penalty)"] < 100
    for case in ["no common 4-gram", "3 tokens, all in the reference", "empty hypothesis", "both empty"]:
        assert scores[case] == 0.0
