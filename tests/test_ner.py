"""Tests of seqlab.ner: gold sentences in four languages, the generator's promises, the
right-context sentences (ambiguous=...), and the entity-level scores (checked by hand and
against an independent conlleval-style count)."""
import hashlib
import math
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
# Backward compatibility: sentences(n, lang, seed) is what it was before ``ambiguous`` existed
# ---------------------------------------------------------------------------------------------

def _digest(data):
    text = "\n".join(" ".join(s.tokens) + "\t" + " ".join(s.tags) for s in data)
    return hashlib.sha256(text.encode()).hexdigest()


# sha256 of sentences(1000, lang, seed=0), computed before the right-context templates were
# added; the committed notebooks of chapter 2 print these sentences.
HASHES = {
    "en": "6fdf42244d963500d89a885866d56213f876863e9f7059a3a27e130f067c4959",
    "de": "d5d638455ad953bf352f5b6353af5dc5d9e4bab6a617d8fcdd90dd1c8f5a426b",
    "ja": "990cf8a6fffdaaee732651a84be3b0ec0869ae07764bff38631db9832179d94a",
    "zh": "c19be80b87b694e7f85953958e79047ed2a22115f3897f9f6a6683f241bb9695",
}


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_are_what_they_were(lang):
    data = sentences(1000, lang, seed=0)
    assert _digest(data) == HASHES[lang]
    assert sentences(1000, lang, seed=0, ambiguous=0.0) == data
    assert sentences(1000, lang, 0, 0) == data


# ---------------------------------------------------------------------------------------------
# Right-context sentences: the ambiguous name opens the sentence, the words after it decide
# ---------------------------------------------------------------------------------------------

# (lang, (type, template), fillers, tokens, tags)
RIGHT_GOLD = [
    # Lincoln: the president, the city and the car maker, with nothing before the name.
    ("en", ("PER", 0), dict(amb="Lincoln"),
     "Lincoln was born in a small village .",
     "B-PER O O O O O O O"),
    ("en", ("LOC", 1), dict(amb="Lincoln", time="last week"),
     "Lincoln was hit by a heavy storm last week .",
     "B-LOC O O O O O O O O O"),
    ("en", ("ORG", 3), dict(amb="Lincoln", per="Emily Clarke"),
     "Lincoln hired Emily Clarke as its new chief executive .",
     "B-ORG O B-PER I-PER O O O O O O"),
    # An organisation that takes "the" after the name; a two-token city.
    ("en", ("PER", 1), dict(amb="Jordan", uni="University of Oxford"),
     "Jordan studied law at the University of Oxford .",
     "B-PER O O O O B-ORG I-ORG I-ORG O"),
    ("en", ("LOC", 2), dict(amb="Jordan", city="New York"),
     "Jordan is a popular destination for visitors from New York .",
     "B-LOC O O O O O O O B-LOC I-LOC O"),
    ("en", ("ORG", 2), dict(amb="Ford", time="on Monday"),
     "Ford shares rose sharply on Monday .",
     "B-ORG O O O O O O"),
    # Porsche the man and the company (no article); the dative "an der Technischen ...".
    ("de", ("PER", 1), dict(amb="Porsche", uni="Technische Universität München"),
     "Porsche studierte Jura an der Technischen Universität München .",
     "B-PER O O O O B-ORG I-ORG I-ORG O"),
    ("de", ("ORG", 0), dict(amb="Porsche", time="am Montag"),
     "Porsche hat am Montag Rekordgewinne gemeldet .",
     "B-ORG O O O O O O"),
    # Hagen the surname and the city.
    ("de", ("PER", 2), dict(amb="Hagen", time="letztes Jahr", per="Klara Weber"),
     "Hagen hat letztes Jahr Klara Weber geheiratet .",
     "B-PER O O O B-PER I-PER O O"),
    ("de", ("LOC", 1), dict(amb="Hagen", time="gestern"),
     "Hagen wurde gestern von einem schweren Unwetter heimgesucht .",
     "B-LOC O O O O O O O O"),
    ("de", ("LOC", 2), dict(amb="Landau", city="Frankfurt am Main"),
     "Landau ist ein beliebtes Reiseziel für Besucher aus Frankfurt am Main .",
     "B-LOC O O O O O O O B-LOC I-LOC I-LOC O"),
    ("de", ("ORG", 3), dict(amb="Bosch", per="Anna Schmidt"),
     "Bosch hat Anna Schmidt in den Vorstand berufen .",
     "B-ORG O B-PER I-PER O O O O O"),
    # 豊田 the surname (alone or with さん, tagged O) and the city; a given name after the
    # surname (I-PER); 日立 the city and the company.
    ("ja", ("PER", 0), dict(amb="豊田"),
     "豊田 は 小さな 村 で 生まれました 。",
     "B-PER O O O O O O"),
    ("ja", ("PER", 3), dict(amb="豊田 さん", city="大阪"),
     "豊田 さん は 大阪 で 育ちました 。",
     "B-PER O O B-LOC O O O"),
    ("ja", ("LOC", 1), dict(amb="豊田", time="先週"),
     "豊田 は 先週 大雪 に 見舞われました 。",
     "B-LOC O O O O O O"),
    ("ja", ("PER", 2), dict(amb="松下 健", time="去年", per="田中 さん"),
     "松下 健 は 去年 田中 さん と 結婚 しました 。",
     "B-PER I-PER O O B-PER O O O O O"),
    ("ja", ("ORG", 0), dict(amb="日立", time="先週"),
     "日立 は 先週 過去 最高 の 利益 を 発表 しました 。",
     "B-ORG O O O O O O O O O O"),
    ("ja", ("LOC", 2), dict(amb="日立", city="ニューヨーク"),
     "日立 は ニューヨーク から の 観光 客 に 人気 の 街 です 。",
     "B-LOC O B-LOC O O O O O O O O O O"),
    ("ja", ("ORG", 3), dict(amb="野村", per="山田 太郎 さん"),
     "野村 は 新しい 社長 に 山田 太郎 さん を 選びました 。",
     "B-ORG O O O O B-PER I-PER O O O O"),
    # 李宁 the gymnast and the company; 金华 a full name and a city; an honorific (O).
    ("zh", ("PER", 0), dict(amb="李宁"),
     "李宁 出生 在 一个 小 村庄 。",
     "B-PER O O O O O O"),
    ("zh", ("ORG", 1), dict(amb="李宁", city="上海"),
     "李宁 在 上海 新建 了 一家 工厂 。",
     "B-ORG O B-LOC O O O O O"),
    ("zh", ("PER", 3), dict(amb="金华 女士", city="杭州"),
     "金华 女士 在 杭州 长大 。",
     "B-PER O O B-LOC O O"),
    ("zh", ("LOC", 4), dict(amb="金华", city="上海"),
     "金华 是 深受 上海 游客 欢迎 的 旅游 城市 。",
     "B-LOC O O B-LOC O O O O O O"),
    ("zh", ("LOC", 5), dict(amb="华盛顿", per="安娜 · 施密特"),
     "华盛顿 是 安娜 · 施密特 长大 的 地方 。",
     "B-LOC O B-PER I-PER I-PER O O O O"),
    ("zh", ("ORG", 3), dict(amb="特斯拉", time="上个月", org="中国 人民 银行"),
     "特斯拉 上个月 与 中国 人民 银行 签署 了 合作 协议 。",
     "B-ORG O O B-ORG I-ORG I-ORG O O O O O"),
    ("zh", ("PER", 1), dict(amb="特斯拉 先生", uni="清华 大学"),
     "特斯拉 先生 曾 在 清华 大学 学习 法律 。",
     "B-PER O O O B-ORG I-ORG O O O"),
]


@pytest.mark.parametrize("lang,template,fillers,text,tags", RIGHT_GOLD)
def test_right_context_gold_sentences(lang, template, fillers, text, tags):
    s = ner._realise(lang, template, **fillers)
    assert s.tokens == tuple(text.split())
    assert s.tags == tuple(tags.split())
    assert s.tags[0] == "B-" + template[0]  # the name opens the sentence, with its type
    assert set(s.tokens) <= set(vocabulary(lang))


def test_right_context_gold_covers_every_language_and_type():
    for lang in LANGS:
        assert {g[1][0] for g in RIGHT_GOLD if g[0] == lang} == {"PER", "LOC", "ORG"}
        # some name appears with two of its types, with the same (empty) left context
        names = defaultdict(set)
        for g in RIGHT_GOLD:
            if g[0] == lang:
                names[g[2]["amb"].split()[0]].add(g[1][0])
        assert max(map(len, names.values())) >= 2


def test_right_context_names_are_ambiguous():
    for lang in LANGS:
        lex = ner._LEX[lang]
        assert len(lex["ambiguous"]) >= 8, lang
        for types in lex["ambiguous"].values():
            assert len(set(types)) == len(types) >= 2 and set(types) <= {"PER", "LOC", "ORG"}
            for t in types:  # every type of every name has its templates
                assert ner._RIGHT_CONTEXT[lang][t]
        assert set(ner._RIGHT_CONTEXT[lang]) == {"PER", "LOC", "ORG"}
        assert len(lex["time"]) >= 6


def test_realise_rejects_bad_right_context_fillers():
    with pytest.raises(ValueError, match="LOC ambiguous name"):
        ner._realise("en", ("LOC", 0), amb="Ford")  # Ford is no place here
    with pytest.raises(ValueError, match="PER ambiguous name"):
        ner._realise("ja", ("PER", 0), amb="日立 さん")  # 日立 is no person here
    with pytest.raises(ValueError, match="ambiguous name"):
        ner._realise("ja", ("ORG", 3), amb="野村 さん", per="山田 さん")  # no honorific on a company
    with pytest.raises(ValueError, match="time"):
        ner._realise("en", ("ORG", 0), amb="Ford", time="tomorrow")
    with pytest.raises(ValueError, match="needs fillers"):
        ner._realise("en", ("ORG", 0), amb="Ford")
    for bad in (("XYZ", 0), ("ORG", 99), ("ORG",), ("ORG", True), "ORG"):
        with pytest.raises(ValueError, match="template"):
            ner._realise("en", bad, amb="Ford")


def _right_context_part(data, n, lang, seed, ambiguous):
    """The sentences of ``data`` that are not the ordinary ones, which must be exactly
    sentences(n - k, lang, seed), in order."""
    k = math.floor(ambiguous * n + 0.5)
    ordinary = sentences(n - k, lang, seed=seed) if k < n else []
    chosen = set(ordinary)
    assert [s for s in data if s in chosen] == ordinary
    return [s for s in data if s not in chosen]


@pytest.mark.parametrize("lang", LANGS)
def test_ambiguous_fraction(lang):
    data = sentences(1000, lang, seed=0, ambiguous=0.5)
    assert len(data) == 1000 and len({s.tokens for s in data}) == 1000
    right = _right_context_part(data, 1000, lang, 0, 0.5)
    assert len(right) == 500
    heads = ner._LEX[lang]["ambiguous"]
    for s in right:
        head = next(h for h in heads if s.tokens[: len(h)] == h)
        assert s.tags[0][2:] in heads[head]
    # spread through the list, not bunched at one end
    places = [i for i, s in enumerate(data) if s in set(right)]
    assert 150 < sum(i < 500 for i in places) < 350
    # halves round up; 0 and 1 are allowed, as ints too
    assert len(_right_context_part(sentences(10, lang, 1, ambiguous=0.25), 10, lang, 1, 0.25)) == 3
    assert len(_right_context_part(sentences(7, lang, 1, ambiguous=1), 7, lang, 1, 1)) == 7
    assert sentences(1, lang, 1, ambiguous=0.4) == sentences(1, lang, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_right_context_sentences_promises(lang):
    """Valid BIO over the three types, tokens in the vocabulary, the name first with one of its
    types, each (name, type) pair about equally often, and no other filler repeating the name."""
    data = sentences(2000, lang, seed=3, ambiguous=1.0)
    assert len({s.tokens for s in data}) == 2000
    vocab = set(vocabulary(lang))
    heads = ner._LEX[lang]["ambiguous"]
    pairs = defaultdict(int)
    for s in data:
        assert len(s.tokens) == len(s.tags) and _valid_bio(s.tags), s
        assert set(s.tokens) <= vocab, set(s.tokens) - vocab
        head = next(h for h in heads if s.tokens[: len(h)] == h)
        label = s.tags[0][2:]
        assert label in heads[head]
        pairs[head, label] += 1
        name_end = max(end for t, start, end in entities(s.tags) if start == 0)
        assert not set(head) & set(s.tokens[name_end:]), s  # no "Ford hired Henry Ford"
    expected = {(h, t): 2000 / len(heads) / len(ts) for h, ts in heads.items() for t in ts}
    assert set(pairs) == set(expected)
    for pair, count in pairs.items():
        assert 0.6 < count / expected[pair] < 1.5, (pair, count, expected[pair])


@pytest.mark.parametrize("lang", LANGS)
def test_only_the_right_context_decides(lang):
    """In the right-context sentences the first token (the whole left context of the name, and
    the name) never decides the type: every name comes with each of its types. The first six
    tokens always do: the decisive words follow the name closely."""
    data = sentences(2000, lang, seed=5, ambiguous=1.0)
    by_first, by_six = defaultdict(set), defaultdict(set)
    for s in data:
        by_first[s.tokens[:1]].add(s.tags[0])
        by_six[s.tokens[:6]].add(s.tags[0])
    heads = ner._LEX[lang]["ambiguous"]
    assert {k: {t[2:] for t in v} for k, v in by_first.items()} == {h: set(ts) for h, ts in heads.items()}
    assert all(len(v) == 1 for v in by_six.values())


@pytest.mark.parametrize("lang", LANGS)
def test_right_context_templates_differ_early(lang):
    """Templates of two different types part within the first four words after the name (a
    filler counts as its kind), so a bidirectional tagger sees the decisive words nearby."""
    templates = ner._RIGHT_CONTEXT[lang]

    def kind(part):
        return (ner._slot(part) or (None, part))[1]

    for t1, t2 in [(a, b) for a in templates for b in templates if a < b]:
        for x in templates[t1]:
            for y in templates[t2]:
                assert x.split()[0] == y.split()[0] == "{amb}"
                assert [kind(p) for p in x.split()[1:5]] != [kind(p) for p in y.split()[1:5]], (x, y)


@pytest.mark.parametrize("lang", LANGS)
def test_ambiguous_is_deterministic(lang):
    a = sentences(300, lang, seed=7, ambiguous=0.5)
    assert a == sentences(300, lang, seed=7, ambiguous=0.5)
    assert a != sentences(300, lang, seed=8, ambiguous=0.5)
    assert a != sentences(300, lang, seed=7, ambiguous=0.4)


def test_ambiguous_bad_arguments():
    for bad in (-0.1, 1.5, 2, float("nan"), float("inf"), "0.5", None, True, [0.5]):
        with pytest.raises(ValueError, match="ambiguous"):
            sentences(10, "en", ambiguous=bad)


def test_ambiguous_says_when_the_grammar_is_too_small(monkeypatch):
    monkeypatch.setitem(ner._LEX, "en", {**ner._LEX["en"], "ambiguous": {("Ford",): ("PER", "ORG")}})
    monkeypatch.setitem(ner._RIGHT_CONTEXT, "en", {"PER": ("{amb} was born in a small village .",),
                                                   "ORG": ("{amb} plans to cut jobs .",)})
    assert len(sentences(10, "en", ambiguous=0.2)) == 10  # two right-context sentences exist
    with pytest.raises(ValueError, match="right-context templates gave fewer than 3"):
        sentences(10, "en", ambiguous=0.3)


@pytest.mark.parametrize("lang", LANGS)
def test_vocabulary_is_exact(lang):
    """Every token of vocabulary(lang) comes out of sentences, with or without ambiguous."""
    produced = set()
    for seed in (0, 1):
        for ambiguous in (0.0, 1.0):
            produced |= {w for s in sentences(2000, lang, seed=seed, ambiguous=ambiguous) for w in s.tokens}
    assert produced == set(vocabulary(lang))
    assert vocabulary(lang) == sorted(vocabulary(lang))


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
