"""Every public generator of seqlab.data, seqlab.corpus and seqlab.ner checks its arguments:
a bad one raises a ValueError that names the function and the argument, and valid edge cases
(n=1, length 1, NumPy integers) work and give the data of the equal Python value."""
import datetime

import numpy as np
import pytest

from seqlab import LANGS, corpus, data, ner

NOT_INTS = [None, "abc", "3", 2.5, 0.0, 1.0, True, False, [1], np.float64(1.0)]


def raises(func, name, **kwargs):
    """``func(**kwargs)`` raises a ValueError naming the function and the argument ``name``."""
    with pytest.raises(ValueError) as info:
        func(**kwargs)
    message = str(info.value)
    assert f"{func.__module__.split('.')[-1]}.{func.__name__}: " in message, message
    assert name in message, message
    return message


# ---------------------------------------------------------------------------------------------
# Seeds: integers only (0, 0.0 and False used to give three different data sets)
# ---------------------------------------------------------------------------------------------

SEEDED = [
    (data.reviews, dict(n=3)),
    (data.remember, dict(n=3, length=4)),
    (corpus.parallel, dict(n=3)),
    (corpus.dates, dict(n=3)),
    (ner.sentences, dict(n=3)),
]


@pytest.mark.parametrize("func, kwargs", SEEDED, ids=lambda x: getattr(x, "__name__", ""))
@pytest.mark.parametrize("seed", NOT_INTS, ids=repr)
def test_seed_must_be_an_integer(func, kwargs, seed):
    message = raises(func, "seed", seed=seed, **kwargs)
    assert "integer" in message and type(seed).__name__ in message


def test_seed_message_shows_value_and_type():
    with pytest.raises(ValueError, match=r"^data\.reviews: seed must be an integer, got 2\.5 \(float\)$"):
        data.reviews(10, seed=2.5)


def eq(a, b):
    if isinstance(a, tuple):  # remember's (X, y)
        return all(np.array_equal(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("func, kwargs", SEEDED, ids=lambda x: getattr(x, "__name__", ""))
def test_seed_determinism_and_numpy_seeds(func, kwargs):
    a = func(seed=0, **kwargs)
    assert eq(a, func(seed=0, **kwargs))
    assert not eq(a, func(seed=1, **kwargs))
    for np_int in (np.int64, np.int32, np.uint8):
        assert eq(func(seed=np_int(7), **kwargs), func(seed=7, **kwargs))


def test_remember_seed_must_be_non_negative():
    raises(data.remember, "seed", n=3, length=4, seed=-1)
    # the string-seeded generators take negative seeds, as they always did
    assert data.reviews(3, seed=-1) != data.reviews(3, seed=1)


# ---------------------------------------------------------------------------------------------
# Counts and lengths
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("func, kwargs", SEEDED, ids=lambda x: getattr(x, "__name__", ""))
@pytest.mark.parametrize("n", [0, -1, 2.5, 3.0, "3", None, True, np.float64(3)], ids=repr)
def test_n_must_be_a_positive_integer(func, kwargs, n):
    message = raises(func, "n", **{**kwargs, "n": n})
    assert "n must be a positive integer" in message


@pytest.mark.parametrize("func, kwargs", SEEDED, ids=lambda x: getattr(x, "__name__", ""))
def test_n_one_and_numpy_n(func, kwargs):
    one = func(**{**kwargs, "n": 1})
    assert len(one[0] if isinstance(one, tuple) else one) == 1
    assert eq(func(**{**kwargs, "n": np.int64(3)}), func(**kwargs))


@pytest.mark.parametrize("max_tails", [-1, 5, 2.0, True, None, "3"], ids=repr)
def test_reviews_max_tails(max_tails):
    raises(data.reviews, "max_tails", n=3, max_tails=max_tails)


def test_reviews_max_tails_numpy_and_bounds():
    assert data.reviews(3, max_tails=np.int64(2)) == data.reviews(3, max_tails=2)
    assert len(data.reviews(3, max_tails=0)) == len(data.reviews(3, max_tails=4)) == 3


@pytest.mark.parametrize("length", [1, 0, -5, 4.0, 4.5, "4", None, True], ids=repr)
def test_remember_length(length):
    raises(data.remember, "length", n=3, length=length)


@pytest.mark.parametrize("p_noise", [-0.1, 1.5, float("nan"), "0.5", None, True, [0.5]], ids=repr)
def test_remember_p_noise(p_noise):
    raises(data.remember, "p_noise", n=3, length=4, p_noise=p_noise)


def test_remember_edges():
    X, y = data.remember(1, 2)
    assert X.shape == (1, 2) and y.shape == (1,)
    assert np.array_equal(data.remember(5, np.int64(6), seed=1)[0], data.remember(5, 6, seed=1)[0])
    assert np.array_equal(data.remember(5, 6, p_noise=np.float64(0.25))[0], data.remember(5, 6, p_noise=0.25)[0])
    assert (data.remember(5, 6, p_noise=1)[0][:, 1:] > 4).all()


@pytest.mark.parametrize("name, value", [
    ("min_len", 0), ("min_len", 5.0), ("min_len", True), ("min_len", "5"),
    ("max_len", -1), ("max_len", 9.5), ("max_len", "9"),
    ("max_clauses", 0), ("max_clauses", 4), ("max_clauses", 2.0), ("max_clauses", True), ("max_clauses", None),
])
def test_parallel_lengths_and_clauses(name, value):
    raises(corpus.parallel, name, n=3, **{name: value})


def test_parallel_numpy_arguments_give_the_same_data():
    assert (corpus.parallel(5, min_len=np.int64(6), max_len=np.int32(8))
            == corpus.parallel(5, min_len=6, max_len=8))
    assert corpus.parallel(3, max_clauses=np.int64(2)) == corpus.parallel(3, max_clauses=2)


# ---------------------------------------------------------------------------------------------
# Languages
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("func, kwargs", [
    (data.reviews, dict(n=3)),
    (ner.sentences, dict(n=3)),
    (corpus.date_formats, dict(day=datetime.date(2026, 11, 22))),
    (corpus.vocabulary, dict()),
    (ner.vocabulary, dict()),
], ids=lambda x: getattr(x, "__name__", ""))
@pytest.mark.parametrize("lang", ["fr", "EN", "", None, 1, ["en"], ("en",)], ids=repr)
def test_lang_must_be_a_known_code(func, kwargs, lang):
    message = raises(func, "lang", lang=lang, **kwargs)
    assert "en, de, ja, zh" in message


@pytest.mark.parametrize("langs", [None, 1, {"en"}, "fr", "english"], ids=repr)
def test_dates_langs_type(langs):
    message = raises(corpus.dates, "langs", n=3, langs=langs)
    assert "['en']" in message  # says what to pass


@pytest.mark.parametrize("langs", [(), [], ["en", "fr"], ("en", None), [["en"]]], ids=repr)
def test_dates_langs_content(langs):
    raises(corpus.dates, "langs", n=3, langs=langs)


def test_dates_langs_accepted():
    assert {d.lang for d in corpus.dates(20, langs=["ja"])} == {"ja"}
    assert corpus.dates(20, langs=["ja"]) == corpus.dates(20, langs=("ja",)) == corpus.dates(20, langs="ja")
    assert corpus.dates(20) == corpus.dates(20, langs=list(LANGS))


@pytest.mark.parametrize("day", ["2026-11-22", None, 20261122, (2026, 11, 22)], ids=repr)
def test_date_formats_day(day):
    message = raises(corpus.date_formats, "day", day=day, lang="en")
    if isinstance(day, str):
        assert "fromisoformat" in message


def test_date_formats_takes_a_datetime_as_its_date():
    assert (corpus.date_formats(datetime.datetime(2020, 1, 1, 12, 30), "ja")
            == corpus.date_formats(datetime.date(2020, 1, 1), "ja"))


@pytest.mark.parametrize("ambiguous", [-0.1, 1.5, float("nan"), "0.5", None, True], ids=repr)
def test_sentences_ambiguous(ambiguous):
    raises(ner.sentences, "ambiguous", n=5, ambiguous=ambiguous)


# ---------------------------------------------------------------------------------------------
# pad
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, name", [
    (dict(sequences=[1, 2, 3]), "sequences"),  # a flat list: one level too few
    (dict(sequences=np.array([1, 2, 3])), "sequences"),
    (dict(sequences=5), "sequences"),
    (dict(sequences="abc"), "sequences"),
    (dict(sequences=["ab", "c"]), "sequences"),
    (dict(sequences=[[1, 2], 3]), "sequences"),
    (dict(sequences=[]), "sequences"),
    (dict(sequences=[[1, 2.7]]), "token ids"),  # used to be truncated to 2 silently
    (dict(sequences=[[1], np.array([1.0, 2.0])]), "token ids"),
    (dict(sequences=[[1, None]]), "token ids"),
    (dict(sequences=[[1, "2"]]), "token ids"),
    (dict(sequences=[[True, 2]]), "token ids"),
    (dict(sequences=[[1, 2]], length=2.0), "length"),
    (dict(sequences=[[1, 2]], length=3.5), "length"),
    (dict(sequences=[[1, 2]], length=-1), "length"),
    (dict(sequences=[[1, 2]], length="3"), "length"),
    (dict(sequences=[[1, 2, 3]], length=2), "length"),
    (dict(sequences=[[1, 2]], pad_id=0.5), "pad_id"),
    (dict(sequences=[[1, 2]], pad_id=None), "pad_id"),
    (dict(sequences=[[1, 2]], side="middle"), "side"),
    (dict(sequences=[[1, 2]], side=None), "side"),
])
def test_pad_bad_arguments(kwargs, name):
    raises(data.pad, name, **kwargs)


def test_pad_flat_list_says_how_to_pass_one_sequence():
    with pytest.raises(ValueError, match=r"sequences\[0\] is 1 \(int\); for a single sequence pass \[ids\]"):
        data.pad([1, 2, 3])


def test_pad_edges():
    assert data.pad([[7]]).tolist() == [[7]]
    assert data.pad([[7]], length=1).tolist() == [[7]]
    assert data.pad([[]]).shape == (1, 0)
    assert data.pad([[], [3]], length=np.int64(2), pad_id=np.int32(-1)).tolist() == [[-1, -1], [-1, 3]]
    ids = np.array([[1, 2, 3], [4, 5, 6]])
    assert data.pad(ids).tolist() == ids.tolist()  # rows of NumPy integers are sequences of ids
    assert data.pad((s for s in [[1], [2, 3]]), side="right").tolist() == [[1, 0], [2, 3]]
    assert data.pad([[1, 2]], length=np.int64(3)).dtype == np.int64
