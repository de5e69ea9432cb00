"""Data sets of the course, generated on the spot from small grammars (no downloads).

Every generator takes a ``seed`` and returns the same data for the same arguments on every
machine. Sentences come already split into tokens (lists of strings).

- ``reviews``: short reviews with a polarity label, in en/de/ja/zh. The label depends on the
  adjective *and* on a negation that may stand several tokens before it, and a tail of filler
  words follows, so a model that reads left to right has to remember (chapter 1).
- ``remember``: a key symbol, then a long stream of filler and noise; the target at every step
  is the key, so the accuracy at step t measures a memory of t steps (chapter 2).
- ``pad``: pads lists of token ids into one rectangular NumPy array.

Every public generator here and in ``seqlab.corpus`` / ``seqlab.ner`` checks its arguments with
the helpers ``_check_int``, ``_check_seed``, ``_check_fraction`` and ``_check_lang`` below: a bad
argument raises a ValueError that names the function, the argument, what was expected and what
came ("data.reviews: seed must be an integer, got 2.5 (float)"). Integers may be Python or NumPy
integers (never bools) and are passed on as Python ints, so ``seed=np.int64(3)`` gives the data
of ``seed=3``.
"""
from __future__ import annotations

import math
import numbers
import random
from dataclasses import dataclass

import numpy as np

from . import LANGS

__all__ = ["Review", "reviews", "pad", "remember", "REMEMBER_VOCAB"]


# ---------------------------------------------------------------------------------------------
# Argument checks, shared with seqlab.corpus and seqlab.ner
# ---------------------------------------------------------------------------------------------

def _got(value) -> str:
    """How an error message shows a bad value: ``2.5 (float)``, ``'abc' (str)``."""
    text = repr(value)
    return f"{text[:60]}... ({type(value).__name__})" if len(text) > 60 else f"{text} ({type(value).__name__})"


def _is_int_type(t: type) -> bool:
    """A Python or NumPy integer type, not bool (``numbers.Integral`` covers ``np.int64``)."""
    return issubclass(t, numbers.Integral) and not issubclass(t, bool)


def _is_int(value) -> bool:
    return _is_int_type(type(value))


def _int_rule(minimum: int | None, maximum: int | None) -> str:
    if maximum is not None:
        return f"an integer from {minimum} to {maximum}"
    return {None: "an integer", 0: "a non-negative integer", 1: "a positive integer"}.get(
        minimum, f"an integer ≥ {minimum}")


def _check_int(func: str, name: str, value, minimum: int | None = None,
               maximum: int | None = None, optional: bool = False, rule: str | None = None):
    """``value`` as a Python int, or ValueError "func: name must be <rule>, got <value>".

    ``optional``: None passes (and is returned). ``rule`` replaces the generated description of
    what is expected ("1, 2 or 3", "an integer ≥ 2 (the key and at least one step)").
    """
    if optional and value is None:
        return None
    ok = _is_int(value) and (minimum is None or value >= minimum) and (maximum is None or value <= maximum)
    if not ok:
        rule = rule or _int_rule(minimum, maximum)
        raise ValueError(f"{func}: {name} must be {'None or ' if optional else ''}{rule}, got {_got(value)}")
    return int(value)


def _check_seed(func: str, seed, minimum: int | None = None) -> int:
    """A seed is an integer: 0, 0.0 and False must not give three different data sets."""
    return _check_int(func, "seed", seed, minimum)


def _check_fraction(func: str, name: str, value, note: str = ""):
    """A real number (not a bool) from 0 to 1; returned unchanged. ``note`` follows the rule."""
    if (not isinstance(value, numbers.Real) or isinstance(value, bool) or math.isnan(value)
            or not 0 <= value <= 1):
        raise ValueError(f"{func}: {name} must be a number from 0 to 1{note}, got {_got(value)}")
    return value


def _check_lang(func: str, name: str, value, langs=LANGS) -> str:
    """One language code of ``langs``."""
    if not isinstance(value, str) or value not in langs:
        raise ValueError(f"{func}: {name} must be one of {', '.join(langs)}, got {_got(value)}")
    return value


@dataclass(frozen=True)
class Review:
    """One generated review: its tokens and its label (1 = positive, 0 = negative)."""

    tokens: tuple[str, ...]
    label: int

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


# Each grammar: subjects (already with article / measure word), the copula, negation,
# intensifiers that may follow a negation, adjectives by polarity, and tails (filler after the
# clause). German: predicate adjectives are not inflected, "nicht" stands before the adjective.
# Japanese: the negation is a suffix (良く + ない), so it follows the adjective. Chinese: 不 stands
# before the adjective, with measure words on the subjects (这部电影, 这本书, ...).
_EN = dict(
    subjects=[["The", "film"], ["The", "book"], ["The", "meal"], ["The", "song"],
              ["The", "hotel"], ["The", "game"], ["The", "show"], ["The", "concert"]],
    copula=[["was"], ["is"]],
    negation=["not"],
    intensifiers=[[], ["very"], ["really"], ["quite"], ["truly"]],
    neg_intensifiers=[[], ["very"], ["really"], ["that"]],
    positive=["good", "great", "excellent", "lovely", "wonderful", "fun"],
    negative=["bad", "awful", "boring", "terrible", "dull", "poor"],
    tails=[[",", "to", "be", "honest"], [",", "in", "my", "opinion"],
           [",", "at", "least", "for", "me"], [",", "if", "you", "ask", "me"],
           [",", "all", "things", "considered"], [",", "this", "time"], [",", "overall"]],
    end=["."],
)
_DE = dict(
    subjects=[["Der", "Film"], ["Das", "Buch"], ["Das", "Essen"], ["Das", "Lied"],
              ["Das", "Hotel"], ["Das", "Spiel"], ["Die", "Show"], ["Das", "Konzert"]],
    copula=[["war"], ["ist"]],
    negation=["nicht"],
    intensifiers=[[], ["sehr"], ["wirklich"], ["ziemlich"], ["richtig"]],
    neg_intensifiers=[[], ["sehr"], ["wirklich"], ["besonders"]],
    positive=["gut", "großartig", "hervorragend", "schön", "wunderbar", "unterhaltsam"],
    negative=["schlecht", "furchtbar", "langweilig", "schrecklich", "öde", "mäßig"],
    tails=[[",", "ehrlich", "gesagt"], [",", "meiner", "Meinung", "nach"],
           [",", "zumindest", "für", "mich"], [",", "wenn", "du", "mich", "fragst"],
           [",", "alles", "in", "allem"], [",", "dieses", "Mal"], [",", "insgesamt"]],
    end=["."],
)
_JA = dict(
    subjects=[["映画", "は"], ["本", "は"], ["料理", "は"], ["歌", "は"],
              ["ホテル", "は"], ["ゲーム", "は"], ["番組", "は"], ["コンサート", "は"]],
    # (plain form, adverbial form + ない for the negation)
    adjectives_pos=[("良い", "良く"), ("面白い", "面白く"), ("素晴らしい", "素晴らしく"),
                    ("楽しい", "楽しく"), ("美しい", "美しく"), ("すごい", "すごく")],
    adjectives_neg=[("悪い", "悪く"), ("つまらない", "つまらなく"), ("ひどい", "ひどく"),
                    ("退屈", None), ("物足りない", "物足りなく"), ("残念", None)],
    # the same intensifiers with and without the negation (あまり, それほど occur only with a negation
    # and would announce it before the adjective)
    intensifiers=[[], ["とても"], ["本当に"], ["かなり"]],
    neg_intensifiers=[[], ["とても"], ["本当に"], ["かなり"]],
    # the verdict after 形容詞 + と: three tokens either way (see _review_ja)
    negation=["は", "言え", "ない"],
    affirmation=["言って", "も", "いい"],
    tails=[["と", "思う"], ["と", "思います"], ["ね"], ["よ"]],
    # what a Japanese reviewer puts first; they carry no sentiment
    openers=[[], ["正直", "に", "言う", "と", "、"], ["今回", "の"]],
    # afterthoughts after the verdict (倒置, as in 良くないね、個人的には): like the English tails, they
    # put distance between the evidence and the end of the review, where the model must answer
    afterthoughts=[["、", "個人", "的", "に", "は"], ["、", "全体", "として", "は"], ["、", "私", "に", "とって", "は"],
                   ["、", "正直", "な", "ところ"], ["、", "今回", "は"]],
    end=["。"],
)
_ZH = dict(
    subjects=[["这", "部", "电影"], ["这", "本", "书"], ["这", "顿", "饭"], ["这", "首", "歌"],
              ["这", "家", "酒店"], ["这", "个", "游戏"], ["这", "场", "演出"], ["这", "场", "音乐会"]],
    intensifiers=[["很"], ["非常"], ["真"], ["特别"]],
    neg_intensifiers=[[], ["太"], ["怎么"]],
    positive=["好", "精彩", "有趣", "出色", "好看", "感人"],
    negative=["差", "糟糕", "无聊", "难看", "乏味", "一般"],
    tails=[["，", "说实话"], ["，", "在", "我", "看来"], ["，", "总的来说"],
           ["，", "至少", "对", "我", "来说"], ["，", "这", "次"]],
    end=["。"],
)


def _review_european(g: dict, rng: random.Random, max_tails: int) -> tuple[list[str], int]:
    positive = rng.random() < 0.5
    negated = rng.random() < 0.5
    adjective = rng.choice(g["positive"] if positive else g["negative"])
    tokens = rng.choice(g["subjects"]) + rng.choice(g["copula"])
    if negated:
        tokens += [rng.choice(g["negation"])] + rng.choice(g["neg_intensifiers"])
    else:
        tokens += rng.choice(g["intensifiers"])
    tokens += [adjective]
    for tail in rng.sample(g["tails"], rng.randint(0, max_tails)):
        tokens += tail
    return tokens + g["end"], int(positive != negated)


def _review_ja(g: dict, rng: random.Random, max_tails: int) -> tuple[list[str], int]:
    positive = rng.random() < 0.5
    negated = rng.random() < 0.5
    plain, adverbial = rng.choice(g["adjectives_pos"] if positive else g["adjectives_neg"])
    tokens = list(rng.choice(g["openers"])) + list(rng.choice(g["subjects"]))
    tokens += rng.choice(g["neg_intensifiers"] if negated else g["intensifiers"])
    # 良い と は 言え ない ("it cannot be called good") against 良い と 言って も いい ("one may
    # well call it good"): the adjective keeps its plain form and the verdict follows it, so polarity and
    # negation must be combined (良く ない would give the label away in one token). Both verdicts
    # are three tokens long after と: were the negated one longer (良い わけ では ない against 良い),
    # the adjective's distance from the end alone would tell a negated review from an affirmed one,
    # and the loss would fall at once instead of first sitting at ln 2, as it does in English.
    tokens += [plain] + ([] if adverbial else ["だ"]) + ["と"]
    tokens += g["negation"] if negated else g["affirmation"]
    for tail in rng.sample(g["tails"], min(rng.randint(0, max_tails), 1)):
        tokens += tail
    # no afterthought repeats the review's opener (正直に言うと…、正直なところ; 今回の…、今回は)
    afterthoughts = [a for a in g["afterthoughts"] if a[1] not in tokens]
    for afterthought in rng.sample(afterthoughts, rng.randint(0, min(max_tails - 1, len(afterthoughts))) if max_tails else 0):
        tokens += afterthought
    return tokens + g["end"], int(positive != negated)


def _review_zh(g: dict, rng: random.Random, max_tails: int) -> tuple[list[str], int]:
    positive = rng.random() < 0.5
    negated = rng.random() < 0.5
    adjective = rng.choice(g["positive"] if positive else g["negative"])
    tokens = list(rng.choice(g["subjects"]))
    tokens += (["不"] + rng.choice(g["neg_intensifiers"])) if negated else rng.choice(g["intensifiers"])
    tokens += [adjective]
    for tail in rng.sample(g["tails"], rng.randint(0, max_tails)):
        tokens += tail
    return tokens + g["end"], int(positive != negated)


_GRAMMARS = {
    "en": (_EN, _review_european),
    "de": (_DE, _review_european),
    "ja": (_JA, _review_ja),
    "zh": (_ZH, _review_zh),
}


def reviews(n: int, lang: str = "en", seed: int = 0, max_tails: int = 3) -> list[Review]:
    """``n`` distinct generated reviews in ``lang``, each labelled 1 (positive) or 0 (negative).

    A negation flips the polarity of the adjective ("not good" is negative, "not bad"
    positive). Up to ``max_tails`` filler phrases follow the adjective, so the words that decide
    the label can lie a dozen tokens before the end of the sentence.
    """
    n = _check_int("data.reviews", "n", n, minimum=1)
    lang = _check_lang("data.reviews", "lang", lang)
    seed = _check_seed("data.reviews", seed)
    max_tails = _check_int("data.reviews", "max_tails", max_tails, minimum=0, maximum=4)
    grammar, make = _GRAMMARS[lang]
    rng = random.Random(f"reviews/{lang}/{seed}/{max_tails}")
    seen: dict[tuple[str, ...], int] = {}
    for _ in range(50 * n):
        tokens, label = make(grammar, rng, max_tails)
        seen.setdefault(tuple(tokens), label)
        if len(seen) == n:
            return [Review(tokens, label) for tokens, label in seen.items()]
    raise ValueError(
        f"the {lang} grammar has fewer than n={n} distinct reviews with max_tails={max_tails}; "
        f"ask for fewer (found {len(seen)})"
    )


def pad(sequences, pad_id: int = 0, side: str = "left", length: int | None = None) -> np.ndarray:
    """Pad lists of token ids to one ``(len(sequences), length)`` int64 array.

    ``side="left"`` puts the padding first, so the last column holds every sequence's last
    token: what a many-to-one RNN needs when it reads its answer off the final step.

    ``sequences``: a list (or other iterable) of sequences of integer ids, e.g. ``[[5, 6], [7]]``;
    a flat list of ids is one sequence too few levels deep: pass ``[ids]``. Float ids are refused
    rather than truncated.
    """
    if side not in ("left", "right"):
        raise ValueError(f"data.pad: side must be 'left' or 'right', got {_got(side)}")
    pad_id = _check_int("data.pad", "pad_id", pad_id)
    length = _check_int("data.pad", "length", length, minimum=0, optional=True)
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__iter__"):
        raise ValueError(f"data.pad: sequences must be a list of sequences of token ids, got {_got(sequences)}")
    sequences = list(sequences)
    if not sequences:
        raise ValueError("data.pad: sequences is empty; pad needs at least one sequence")
    for i, s in enumerate(sequences):
        if isinstance(s, (str, bytes)) or not hasattr(s, "__iter__"):
            hint = "; for a single sequence pass [ids]" if isinstance(s, numbers.Number) else ""
            raise ValueError(f"data.pad: sequences must be a list of sequences of token ids, but "
                             f"sequences[{i}] is {_got(s)}{hint}")
        sequences[i] = s = list(s)
        if not all(t is int or _is_int_type(t) for t in set(map(type, s))):  # fast: one test per type
            j, x = next((j, x) for j, x in enumerate(s) if not _is_int(x))
            raise ValueError(f"data.pad: token ids must be integers, but sequences[{i}][{j}] "
                             f"is {_got(x)}")
    longest = max(len(s) for s in sequences)
    length = longest if length is None else length
    if length < longest:
        raise ValueError(f"data.pad: length={length} is shorter than the longest sequence ({longest})")
    out = np.full((len(sequences), length), pad_id, dtype=np.int64)
    for i, s in enumerate(sequences):
        if s:
            if side == "left":
                out[i, length - len(s):] = s
            else:
                out[i, : len(s)] = s
    return out


# ``remember``: ids 0..3 are the keys, 4 is the filler ("blank"), 5..12 are noise symbols.
REMEMBER_KEYS, REMEMBER_BLANK, REMEMBER_VOCAB = 4, 4, 13


def remember(n: int, length: int, p_noise: float = 0.5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` sequences of ``length`` ids: a key (0-3) first, then blanks (4) and noise (5-12).

    Returns ``X`` of shape ``(n, length)`` and the keys ``y`` of shape ``(n,)``. A model asked for
    the key after every step must hold it for ``t`` steps to answer at step ``t``, while each
    noise symbol (a fraction ``p_noise`` of the steps after the key) jostles its state.
    """
    n = _check_int("data.remember", "n", n, minimum=1)
    length = _check_int("data.remember", "length", length, minimum=2,
                        rule="an integer ≥ 2 (the key and at least one step)")
    p_noise = _check_fraction("data.remember", "p_noise", p_noise)
    seed = _check_seed("data.remember", seed, minimum=0)  # NumPy's SeedSequence takes no negatives
    rng = np.random.default_rng([seed, n, length])
    y = rng.integers(0, REMEMBER_KEYS, n)
    noise = rng.integers(REMEMBER_BLANK + 1, REMEMBER_VOCAB, (n, length))
    X = np.where(rng.random((n, length)) < p_noise, noise, REMEMBER_BLANK)
    X[:, 0] = y
    return X.astype(np.int64), y.astype(np.int64)
