"""Tests of seqlab.ner: gold sentences in four languages, the generator's promises, and the
entity-level scores (checked by hand and against an independent conlleval-style count)."""
import random
from collections import defaultdict

import pytest

from seqlab import ner
from seqlab.ner import TAGS, entities, entity_f1, sentences, vocabulary

LANGS = ("en", "de", "ja", "zh")

# (lang, template, fillers, tokens, tags): what the grammar must say for fixed choices.
GOLD = [
    # "Ford" the person and "Ford" the company; "Paris" the city.
    ("en", 0, dict(per="Henry Ford", org="Ford", city="Paris"),
     "Henry Ford works for Ford in Paris .",
     "B-PER I-PER O O B-ORG O B-LOC O"),
    # "Paris" the person and the city; a two-token city.
    ("en", 6, dict(per="Paris Smith", per2="Anna", city="New York"),
     "Paris Smith met Anna in New York .",
     "B-PER I-PER O B-PER O B-LOC I-LOC O"),
    # A three-token organisation whose article opens the sentence (tagged O); Japan inside it.
    ("en", 3, dict(org="Bank of Japan", city="Tokyo"),
     "The Bank of Japan opened a new office in Tokyo .",
     "O B-ORG I-ORG I-ORG O O O O O B-LOC O"),
    # Dative after "bei": der Deutschen Bank; a three-token city with "am".
    ("de", 0, dict(per="Anna Schmidt", org="Deutsche Bank", city="Frankfurt am Main"),
     "Anna Schmidt arbeitet bei der Deutschen Bank in Frankfurt am Main .",
     "B-PER I-PER O O O B-ORG I-ORG O B-LOC I-LOC I-LOC O"),
    # "Main" the river (am Main, "am" tagged O), "Porsche" the person.
    ("de", 5, dict(per="Ferdinand Porsche", river="Main"),
     "Ferdinand Porsche macht Urlaub am Main .",
     "B-PER I-PER O O O B-LOC O"),
    # "Porsche" the company; verb second after a fronted place; lowercase I-PER "von".
    ("de", 7, dict(per="Werner von Siemens", org="Porsche"),
     "Werner von Siemens hat letztes Jahr Porsche verlassen .",
     "B-PER I-PER I-PER O O O B-ORG O O"),
    ("de", 2, dict(per="Lena", uni="Technische Universität München"),
     "Lena studiert an der Technischen Universität München .",
     "B-PER O O O B-ORG I-ORG I-ORG O"),
    ("de", 3, dict(org="Deutsche Bahn", city="Berlin"),
     "Die Deutsche Bahn eröffnet ein neues Büro in Berlin .",
     "O B-ORG I-ORG O O O O O B-LOC O"),
    ("ja", 0, dict(per="アンナ さん", city="東京", org="トヨタ"),
     "アンナ さん は 東京 の トヨタ で 働いて います 。",
     "B-PER O O B-LOC O B-ORG O O O O"),
    # 豊田 the surname and 豊田 the city.
    ("ja", 1, dict(per="豊田 さん", city="豊田"),
     "豊田 さん は 豊田 出身 です 。",
     "B-PER O O B-LOC O O O"),
    # 日本 inside the Bank of Japan; a two-token person.
    ("ja", 7, dict(per="山田 太郎", org="日本 銀行"),
     "山田 太郎 は 去年 日本 銀行 を 辞めました 。",
     "B-PER I-PER O O B-ORG I-ORG O O O"),
    ("ja", 5, dict(per="田中 さん", river="信濃 川"),
     "田中 さん は 去年 の 夏 信濃 川 で 泳ぎました 。",
     "B-PER O O O O O B-LOC I-LOC O O O"),
    ("zh", 0, dict(per="张伟", city="北京", org="华为"),
     "张伟 在 北京 的 华为 工作 。",
     "B-PER O B-LOC O B-ORG O O"),
    # 李宁 the person and 李宁 the company.
    ("zh", 7, dict(per="李宁", org="李宁"),
     "李宁 去年 离开 了 李宁 。",
     "B-PER O O O B-ORG O"),
    ("zh", 2, dict(per="王 女士", uni="北京 大学"),
     "王 女士 在 北京 大学 读书 。",
     "B-PER O O B-ORG I-ORG O O"),
    ("zh", 6, dict(per="安娜 · 施密特", per2="周杰", city="柏林"),
     "安娜 · 施密特 在 柏林 见到 了 周杰 。",
     "B-PER I-PER I-PER O B-LOC O O B-PER O"),
]


@pytest.mark.parametrize("lang,template,fillers,text,tags", GOLD)
def test_gold_sentences(lang, template, fillers, text, tags):
    s = ner._realise(lang, template, **fillers)
    assert s.tokens == tuple(text.split())
    assert s.tags == tuple(tags.split())
    assert s.text == text
    assert set(s.tokens) <= set(vocabulary(lang))


def test_gold_covers_every_language():
    for lang in LANGS:
        assert sum(g[0] == lang for g in GOLD) >= 2


@pytest.mark.parametrize("bad", [
    dict(per="Henry Ford", org="Fnord", city="Paris"),    # not an organisation
    dict(per="Henry Ford", org="Ford"),                   # a filler missing
    dict(per="Henry Ford", org="Ford", city="Paris", river="Nile"),  # one too many
])
def test_realise_rejects_bad_fillers(bad):
    with pytest.raises(ValueError):
        ner._realise("en", 0, **bad)


def test_realise_rejects_bad_template_and_lang():
    with pytest.raises(ValueError, match="template"):
        ner._realise("en", 99, per="Anna")
    with pytest.raises(ValueError, match="lang"):
        ner._realise("fr", 0, per="Anna")


def _valid_bio(tags):
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            return False
        prev = tag
    return True


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_promises(lang):
    data = sentences(600, lang, seed=3)
    assert len(data) == 600
    assert len({s.tokens for s in data}) == 600  # distinct
    vocab = set(vocabulary(lang))
    types = set()
    for s in data:
        assert isinstance(s, ner.Tagged)
        assert isinstance(s.tokens, tuple) and isinstance(s.tags, tuple)
        assert len(s.tokens) == len(s.tags)
        assert set(s.tags) <= set(TAGS)
        assert _valid_bio(s.tags), s
        assert set(s.tokens) <= vocab, set(s.tokens) - vocab
        types |= {t for t, _, _ in entities(s.tags)}
    assert any(t.startswith("I-") for s in data for t in s.tags)  # multi-token entities
    assert types == {"PER", "LOC", "ORG"}


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_are_deterministic(lang):
    assert sentences(50, lang, seed=7) == sentences(50, lang, seed=7)
    assert sentences(50, lang, seed=7) != sentences(50, lang, seed=8)


@pytest.mark.parametrize("lang", LANGS)
def test_tags_depend_on_context(lang):
    """Some token is an entity of one type in one sentence and of another type (or O) in another,
    and the same token sequence never comes with two different tag sequences."""
    rng = random.Random(f"test/{lang}")
    seen, tags_of = {}, defaultdict(set)
    for _ in range(5000):
        s = ner._sample(lang, rng)
        assert seen.setdefault(s.tokens, s.tags) == s.tags
        for w, t in zip(s.tokens, s.tags):
            tags_of[w].add(t)
    two_types = {w for w, ts in tags_of.items() if len({t[2:] for t in ts if t != "O"}) >= 2}
    two_tags = {w for w, ts in tags_of.items() if len(ts) >= 2}
    # e.g. Ford: B-PER/I-PER/B-ORG; Main: B-LOC (am Main) and I-LOC (Frankfurt am Main);
    # 日本/中国: B-LOC and B-ORG (日本 銀行, 中国 银行)
    assert {"en": {"Ford", "Paris"}, "de": {"Porsche", "Bosch"}, "ja": {"豊田", "日本"},
            "zh": {"李宁", "中国"}}[lang] <= two_types
    assert {"en": {"Japan", "London"}, "de": {"Main", "Berlin"}, "ja": {"東京", "三井"},
            "zh": {"北京", "福特"}}[lang] <= two_tags


def test_names_are_shared_across_languages():
    for word in ("Berlin", "ベルリン", "柏林"):
        lang = {"B": "en", "ベ": "ja", "柏": "zh"}[word[0]]
        assert word in vocabulary(lang)
    assert "Berlin" in vocabulary("de") and "Tokio" in vocabulary("de") and "Tokyo" in vocabulary("en")
    assert "東京" in vocabulary("ja") and "东京" in vocabulary("zh")


def test_lexicons_are_big_enough():
    for lang, lex in ner._LEX.items():
        for kind in ("first", "city", "country", "river", "org", "uni"):
            assert len(lex[kind]) >= 15, (lang, kind)
        assert any(len(name) > 1 for name in lex["org"] + lex["uni"]), lang
        assert 6 <= len(ner._TEMPLATES[lang]) <= 10


def test_sentences_bad_arguments():
    with pytest.raises(ValueError, match="lang"):
        sentences(5, "fr")
    for n in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="n must"):
            sentences(n)
    with pytest.raises(ValueError, match="seed"):
        sentences(5, seed="x")
    with pytest.raises(ValueError, match="lang"):
        vocabulary("fr")


def test_sentences_says_when_the_grammar_is_too_small(monkeypatch):
    monkeypatch.setitem(ner._TEMPLATES, "en", ("{per} lives in {country} .",))
    monkeypatch.setitem(ner._LEX, "en", {**ner._LEX["en"], "first": ("Anna",), "last": ("Ford",)})
    assert len(sentences(32, "en")) == 32  # 2 people x 16 countries
    with pytest.raises(ValueError, match="fewer than n=33"):
        sentences(33, "en")
    with pytest.raises(ValueError, match="lang"):
        vocabulary("fr")


# ---------------------------------------------------------------------------------------------
# entities and entity_f1
# ---------------------------------------------------------------------------------------------

def test_entities():
    tags = "B-PER I-PER O O B-ORG O B-LOC O".split()
    assert entities(tags) == {("PER", 0, 2), ("ORG", 4, 5), ("LOC", 6, 7)}
    assert entities([]) == set()
    assert entities(["O", "O"]) == set()
    # B after B: two entities; entity running to the end of the sentence.
    assert entities(["B-PER", "B-PER", "I-PER"]) == {("PER", 0, 1), ("PER", 1, 3)}
    # Stray I-: opens a new entity (at the start, after O, after another type).
    assert entities(["I-ORG", "I-ORG"]) == {("ORG", 0, 2)}
    assert entities(["O", "I-LOC", "O"]) == {("LOC", 1, 2)}
    assert entities(["B-PER", "I-LOC", "I-LOC"]) == {("PER", 0, 1), ("LOC", 1, 3)}
    for bad in (["X"], ["B-"], ["B_PER"], [None], "B-PER"):
        with pytest.raises(ValueError):
            entities(bad)


def test_f1_perfect():
    true = [s.tags for s in sentences(20, "de")]
    assert entity_f1(true, true) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_f1_wrong_type():
    true = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "I-PER", "O", "B-ORG"]]
    assert entity_f1(true, pred) == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})


def test_f1_partial_span_is_wrong():
    true = [["B-ORG", "I-ORG", "I-ORG", "O"], ["B-PER", "O"]]
    pred = [["B-ORG", "I-ORG", "O", "O"], ["B-PER", "O"]]
    # 1 of 2 predicted right, 1 of 2 true found: the truncated ORG counts for nothing.
    assert entity_f1(true, pred) == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5})
    pred = [["B-ORG", "I-ORG", "I-ORG", "I-ORG"], ["B-PER", "O"]]  # too long is wrong too
    assert entity_f1(true, pred)["precision"] == 0.5


def test_f1_micro_average():
    true = [["B-PER", "O", "B-LOC"], ["B-ORG", "I-ORG"], ["O"]]
    pred = [["B-PER", "O", "O"], ["B-ORG", "I-ORG"], ["B-LOC"]]
    # tp 2, predicted 3, true 3
    got = entity_f1(true, pred)
    assert got == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})


def test_f1_empty_cases():
    true = [["B-PER", "O"]]
    assert entity_f1(true, [["O", "O"]]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert entity_f1([["O", "O"]], true) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert entity_f1([["O"]], [["O"]]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert entity_f1([], []) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    # precision 1, recall 1/2
    got = entity_f1([["B-PER", "B-LOC"]], [["B-PER", "O"]])
    assert got == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3})


def test_f1_stray_i_convention():
    # The stray I-PER is an entity of its own, so it matches a B-PER at the same place.
    assert entity_f1([["O", "B-PER", "I-PER"]], [["O", "I-PER", "I-PER"]])["f1"] == 1.0
    assert entity_f1([["B-LOC", "I-PER"]], [["B-LOC", "B-PER"]])["f1"] == 1.0


def test_f1_bad_arguments():
    with pytest.raises(ValueError, match="same length"):
        entity_f1([["O"], ["O"]], [["O"]])
    with pytest.raises(ValueError, match="sentence 1"):
        entity_f1([["O"], ["O", "O"]], [["O"], ["O"]])
    with pytest.raises(ValueError):
        entity_f1([["B-PER"]], [["B"]])
    with pytest.raises(ValueError, match="string"):
        entity_f1(["B-PER"], ["B-PER"])


# An independent count, written the way conlleval.pl decides where chunks start and end.
def _chunk_end(prev_tag, prev_type, tag, type_):
    return prev_tag in ("B", "I") and (tag in ("B", "O") or type_ != prev_type)


def _chunk_start(prev_tag, prev_type, tag, type_):
    return tag == "B" or (tag == "I" and (prev_tag == "O" or type_ != prev_type))


def _chunks(tags):
    out, start = [], None
    prev_tag, prev_type = "O", ""
    for i, t in enumerate(list(tags) + ["O"]):
        tag, type_ = (t.split("-", 1) + [""])[:2]
        if _chunk_end(prev_tag, prev_type, tag, type_):
            out.append((prev_type, start, i))
        if _chunk_start(prev_tag, prev_type, tag, type_):
            start = i
        prev_tag, prev_type = tag, type_
    return out


def _reference_f1(true_list, pred_list):
    correct = found = gold = 0
    for true, pred in zip(true_list, pred_list):
        t, p = _chunks(true), _chunks(pred)
        gold += len(t)
        found += len(p)
        correct += sum(1 for c in p if c in t)
    precision = correct / found if found else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def test_f1_matches_reference_on_random_sequences():
    rng = random.Random("ner-reference")
    true_list, pred_list = [], []
    for _ in range(200):
        n = rng.randint(0, 12)
        true = [rng.choice(TAGS) for _ in range(n)]
        # predictions: mostly the truth with some tags changed, so that many entities match
        pred = [t if rng.random() < 0.7 else rng.choice(TAGS) for t in true]
        assert entities(true) == set(_chunks(true))
        assert entities(pred) == set(_chunks(pred))
        assert entity_f1([true], [pred]) == pytest.approx(_reference_f1([true], [pred]))
        true_list.append(true)
        pred_list.append(pred)
    got = entity_f1(true_list, pred_list)
    assert got == pytest.approx(_reference_f1(true_list, pred_list))
    assert 0.2 < got["f1"] < 0.9  # the random case is neither trivial nor hopeless
