"""Tests of seqlab.corpus: gold sentences in four languages, the sampler's promises, and dates."""
import datetime
import subprocess
import sys

import pytest

import seqlab
from seqlab import corpus
from seqlab.corpus import Meaning, realise

M = Meaning

# (meaning, en, de, ja, zh): what a native speaker of each language writes for the meaning.
GOLD = [
    # German: accusative masculine with a mixed-declension adjective; Chinese measure word + 了.
    (M("teacher", "buy", "car", "indefinite", "red", None, "yesterday", "past"),
     "The teacher bought a red car yesterday .",
     "Der Lehrer hat gestern einen roten Wagen gekauft .",
     "先生 は 昨日 赤い 車 を 買いました 。",
     "老师 昨天 买 了 一 辆 红色 的 车 。"),
    # German: verb second after a fronted time word, Perfekt participle last; 在 + place.
    (M("teacher", "read", "book", "indefinite", None, "library", "yesterday", "past", time_first=True),
     "Yesterday the teacher read a book in the library .",
     "Gestern hat der Lehrer in der Bibliothek ein Buch gelesen .",
     "昨日 、 先生 は 図書館 で 本 を 読みました 。",
     "昨天 老师 在 图书馆 看 了 一 本 书 。"),
    # Present, fronted habitual time: inversion without an auxiliary; no に after 毎朝.
    (M("teacher", "read", "newspaper", "definite", None, "library", "every_morning", "present",
       time_first=True),
     "Every morning the teacher reads the newspaper in the library .",
     "Jeden Morgen liest der Lehrer die Zeitung in der Bibliothek .",
     "毎朝 、 先生 は 図書館 で その 新聞 を 読みます 。",
     "每天 早上 老师 在 图书馆 看 那 份 报纸 。"),
    # Negation of an indefinite object: English do-support, German "kein", Chinese 不 + bare noun.
    (M("teacher", "read", "book", "indefinite", negated=True),
     "The teacher does not read a book .",
     "Der Lehrer liest kein Buch .",
     "先生 は 本 を 読みません 。",
     "老师 不 看 书 。"),
    # Negation of a definite object: German "nicht" after the object.
    (M("teacher", "read", "book", "definite", negated=True),
     "The teacher does not read the book .",
     "Der Lehrer liest das Buch nicht .",
     "先生 は その 本 を 読みません 。",
     "老师 不 看 那 本 书 。"),
    # Past negation: did not; nicht before the place and the participle; 没 (no 了); ませんでした;
    # weak adjective after the definite article (das alte Buch).
    (M("sister", "read", "book", "definite", "old", "library", "yesterday", "past", negated=True),
     "My sister did not read the old book in the library yesterday .",
     "Meine Schwester hat das alte Buch gestern nicht in der Bibliothek gelesen .",
     "姉 は 昨日 図書館 で その 古い 本 を 読みませんでした 。",
     "我 姐姐 昨天 没 在 图书馆 看 那 本 旧 书 。"),
    # Plural subject, "im Garten", irregular "ate" under do-support, keinen (masc. acc.).
    (M("children", "eat", "apple", "indefinite", None, "garden", "yesterday", "past", negated=True),
     "The children did not eat an apple in the garden yesterday .",
     "Die Kinder haben gestern im Garten keinen Apfel gegessen .",
     "子供たち は 昨日 庭 で りんご を 食べませんでした 。",
     "孩子们 昨天 没 在 花园 吃 苹果 。"),
    # Plural present without -s; strong adjective on a mass noun (heißen Tee).
    (M("we", "drink", "tea", "indefinite", "hot", "cafe", "every_morning", "present"),
     "We drink hot tea in the café every morning .",
     "Wir trinken jeden Morgen im Café heißen Tee .",
     "私たち は 毎朝 カフェ で 熱い お茶 を 飲みます 。",
     "我们 每天 早上 在 咖啡馆 喝 热 茶 。"),
    # Animals "fressen" in German; in der Küche (dative feminine); 一条鱼.
    (M("cat", "eat", "fish", "indefinite", None, "kitchen", "yesterday", "past"),
     "The cat ate a fish in the kitchen yesterday .",
     "Die Katze hat gestern in der Küche einen Fisch gefressen .",
     "猫 は 昨日 台所 で 魚 を 食べました 。",
     "猫 昨天 在 厨房 吃 了 一 条 鱼 。"),
    # First person singular, verb second: "habe ich"; neuter mixed ending (ein interessantes Buch).
    (M("I", "read", "book", "indefinite", "interesting", "library", "yesterday", "past",
       time_first=True),
     "Yesterday I read an interesting book in the library .",
     "Gestern habe ich in der Bibliothek ein interessantes Buch gelesen .",
     "昨日 、 私 は 図書館 で 面白い 本 を 読みました 。",
     "昨天 我 在 图书馆 看 了 一 本 有趣 的 书 。"),
    # Future: will / werden + infinitive last / ます / 会; 一封长信.
    (M("doctor", "write", "letter", "indefinite", "long", "office", "tomorrow", "future"),
     "The doctor will write a long letter in the office tomorrow .",
     "Der Arzt wird morgen im Büro einen langen Brief schreiben .",
     "医者 は 明日 オフィス で 長い 手紙 を 書きます 。",
     "医生 明天 会 在 办公室 写 一 封 长 信 。"),
    # Future negation with a demonstrative: dieses neue Fahrrad ... nicht; 不会; 这辆.
    (M("parents", "buy", "bicycle", "demonstrative", "new", "city", "next_week", "future", True),
     "My parents will not buy this new bicycle in the city next week .",
     "Meine Eltern werden dieses neue Fahrrad nächste Woche nicht in der Stadt kaufen .",
     "両親 は 来週 町 で この 新しい 自転車 を 買いません 。",
     "我 父母 下周 不 会 在 城里 买 这 辆 新 自行车 。"),
    # Day of the week: am Sonntag; 日曜日 takes に; 看见了一只黑猫.
    (M("dog", "see", "cat", "indefinite", "black", "garden", "sunday", "past"),
     "The dog saw a black cat in the garden on Sunday .",
     "Der Hund hat am Sonntag im Garten eine schwarze Katze gesehen .",
     "犬 は 日曜日 に 庭 で 黒い 猫 を 見ました 。",
     "狗 星期天 在 花园 看见 了 一 只 黑 猫 。"),
    # Past negation of "see": 没看见 (no 了); am Bahnhof; "saw" -> "did not see".
    (M("brother", "see", "dog", "definite", None, "station", None, "past", True),
     "My brother did not see the dog at the station .",
     "Mein Bruder hat den Hund nicht am Bahnhof gesehen .",
     "兄 は 駅 で その 犬 を 見ませんでした 。",
     "我 哥哥 没 在 车站 看见 那 只 狗 。"),
    # A cup of tea: eine Tasse Tee; お茶を一杯; 一杯茶 (measure word even in the present).
    (M("brother", "drink", "cup_of_coffee", "indefinite", None, "office", "every_morning", "present",
       time_first=True),
     "Every morning my brother drinks a cup of coffee in the office .",
     "Jeden Morgen trinkt mein Bruder im Büro eine Tasse Kaffee .",
     "毎朝 、 兄 は オフィス で コーヒー を 一杯 飲みます 。",
     "每天 早上 我 哥哥 在 办公室 喝 一 杯 咖啡 。"),
    # Bare object in the past: 了 closes the sentence; kein heißes Wasser (neuter strong);
    # hot water is お湯 in Japanese.
    (M("friend", "drink", "water", "indefinite", "hot", "home", "last_week", "past"),
     "My friend drank hot water at home last week .",
     "Mein Freund hat letzte Woche zu Hause heißes Wasser getrunken .",
     "友達 は 先週 家 で お湯 を 飲みました 。",
     "我 的 朋友 上周 在 家 喝 热 水 了 。"),
    (M("friend", "drink", "water", "indefinite", "hot", None, "last_week", "past", True),
     "My friend did not drink hot water last week .",
     "Mein Freund hat letzte Woche kein heißes Wasser getrunken .",
     "友達 は 先週 お湯 を 飲みませんでした 。",
     "我 的 朋友 上周 没 喝 热 水 。"),
    # Clock time: um acht Uhr; 八時に; 八点; watched -> haben ... gesehen; 一部电影.
    (M("students", "watch", "film", "indefinite", "interesting", "cinema", "eight", "past"),
     "The students watched an interesting film at the cinema at eight o'clock .",
     "Die Studenten haben um acht Uhr im Kino einen interessanten Film gesehen .",
     "学生たち は 八時 に 映画館 で 面白い 映画 を 見ました 。",
     "学生们 八点 在 电影院 看 了 一 部 有趣 的 电影 。"),
    # Present 3sg -s, German "isst", definite masculine object (den kleinen Kuchen); no place
    # particle other than で, no 了 in the present.
    (M("cook", "eat", "cake", "definite", "small", "kitchen"),
     "The cook eats the small cake in the kitchen .",
     "Der Koch isst den kleinen Kuchen in der Küche .",
     "料理人 は 台所 で その 小さい ケーキ を 食べます 。",
     "厨师 在 厨房 吃 那 个 小 蛋糕 。"),
    (M("sister", "read", "postcard", "demonstrative", None, None, None, "present"),
     "My sister reads this postcard .",
     "Meine Schwester liest diese Postkarte .",
     "姉 は この はがき を 読みます 。",
     "我 姐姐 看 这 张 明信片 。"),
]


@pytest.mark.parametrize("meaning, en, de, ja, zh", GOLD, ids=[g[1] for g in GOLD])
def test_gold_sentences(meaning, en, de, ja, zh):
    p = realise(meaning)
    assert p.en == tuple(en.split())
    assert p.de == tuple(de.split())
    assert p.ja == tuple(ja.split())
    assert p.zh == tuple(zh.split())


def test_parallel_text_and_pair():
    p = realise(GOLD[0][0])
    assert p.text("de") == GOLD[0][2]
    assert p.pair("en", "zh") == (p.en, p.zh)
    with pytest.raises(ValueError, match="tgt must be one of"):
        p.pair("en", "fr")
    with pytest.raises(ValueError, match="lang must be one of"):
        p.text("fr")


def test_realise_rejects_what_the_grammar_cannot_say():
    with pytest.raises(ValueError, match="subject must be one of"):
        realise(M("king", "read", "book"))
    with pytest.raises(ValueError, match="does not go with subject 'cat'"):
        realise(M("cat", "read", "book"))
    with pytest.raises(ValueError, match="tense='present'"):
        realise(M("teacher", "see", "dog"))  # "see" only in the past
    with pytest.raises(ValueError, match="time='yesterday'"):
        realise(M("teacher", "read", "book", time="yesterday", tense="future"))
    with pytest.raises(ValueError, match="det='definite'"):
        realise(M("teacher", "drink", "tea", det="definite"))
    with pytest.raises(ValueError, match="adjective='red'"):
        realise(M("teacher", "drink", "tea", adjective="red"))
    with pytest.raises(ValueError, match="time_first=True"):
        realise(M("teacher", "read", "book", time_first=True))  # nothing to put first
    with pytest.raises(ValueError, match="meaning must be a Meaning"):
        realise({"subject": "teacher"})


def test_parallel_is_deterministic_and_distinct():
    a = corpus.parallel(2000, seed=5)
    assert a == corpus.parallel(2000, seed=5)
    assert a != corpus.parallel(2000, seed=6)
    assert len(a) == 2000 and len({p.en for p in a}) == 2000
    assert all(isinstance(p, corpus.Parallel) for p in a)


def test_lengths_vary_and_filter():
    lengths = [len(p.en) for p in corpus.parallel(5000, seed=0)]
    assert min(lengths) <= 5 and max(lengths) >= 14
    short = corpus.parallel(300, seed=1, max_len=7)
    assert all(len(p.en) <= 7 for p in short)
    long = corpus.parallel(300, seed=1, min_len=13, max_len=14)
    assert all(13 <= len(p.en) <= 14 for p in long)


def test_every_token_is_in_the_vocabulary():
    sample = corpus.parallel(5000, seed=2)
    for lang in seqlab.LANGS:
        vocab = corpus.vocabulary(lang)
        assert vocab == sorted(vocab) and len(vocab) == len(set(vocab))
        missing = {t for p in sample for t in getattr(p, lang)} - set(vocab)
        assert not missing, (lang, missing)


def test_twenty_thousand_distinct_tuples():
    big = corpus.parallel(20000, seed=0)
    assert len({p.en for p in big}) == 20000


def test_census_counts_the_grammar():
    """The census (used to refuse too large n) matches enumeration, for two subjects."""
    for subjects in (("teacher",), ("I", "cat")):
        counted = sum(corpus._census(subjects).values())
        enumerated = list(corpus._meanings(subjects))
        assert counted == len(enumerated)
        assert len({tuple(corpus._en(m)) for m in enumerated}) == counted  # English is injective
    assert sum(corpus._census().values()) >= 20000


def test_a_tiny_length_range():
    """A range with fewer sentences than asked is refused; one with enough is served whole."""
    only = corpus._census()[4]
    four = corpus.parallel(only, seed=0, min_len=4, max_len=4)
    assert len({p.en for p in four}) == only and all(len(p.en) == 4 for p in four)
    with pytest.raises(ValueError, match=f"only {only} distinct sentences"):
        corpus.parallel(only + 1, min_len=4, max_len=4)


@pytest.mark.parametrize("kwargs, message", [
    (dict(n=0), "n must be a positive int"),
    (dict(n=2.5), "n must be a positive int"),
    (dict(n=10, seed="x"), "seed must be an int"),
    (dict(n=10, min_len=0), "min_len must be None or a positive int"),
    (dict(n=10, max_len="9"), "max_len must be None or a positive int"),
    (dict(n=10, min_len=9, max_len=5), "min_len=9 is greater than max_len=5"),
    (dict(n=10**7), "n=10000000 is too many"),
])
def test_parallel_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        corpus.parallel(**kwargs)


def test_vocabulary_bad_language():
    with pytest.raises(ValueError, match="lang must be one of"):
        corpus.vocabulary("fr")


def test_importing_corpus_imports_no_framework():
    code = ("import sys, seqlab.corpus;"
            "print(sorted(m for m in ('torch', 'tensorflow', 'keras') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

def formats(y, m, d, lang):
    return corpus.date_formats(datetime.date(y, m, d), lang)


def test_weekdays_are_right():
    assert "Sunday, November 22, 2026" in formats(2026, 11, 22, "en")
    assert "Sonntag, 22. November 2026" in formats(2026, 11, 22, "de")
    assert "2026年11月22日（日）" in formats(2026, 11, 22, "ja")
    assert "2026年11月22日 星期日" in formats(2026, 11, 22, "zh")
    assert "Tuesday, February 29, 2000" in formats(2000, 2, 29, "en")
    assert "2000年2月29日（火）" in formats(2000, 2, 29, "ja")
    assert "2000年2月29日 星期二" in formats(2000, 2, 29, "zh")


def test_english_and_german_formats():
    assert formats(2026, 11, 22, "en") == [
        "November 22, 2026", "22 November 2026", "Nov 22, 2026", "11/22/2026",
        "Sunday, November 22, 2026"]
    assert formats(2026, 11, 22, "de") == [
        "22. November 2026", "22.11.2026", "Sonntag, 22. November 2026", "22. Nov. 2026"]
    assert "05.03.1999" in formats(1999, 3, 5, "de") and "5. März 1999" in formats(1999, 3, 5, "de")


def test_reiwa_era():
    assert "令和元年5月1日" in formats(2019, 5, 1, "ja")
    assert "令和8年11月22日" in formats(2026, 11, 22, "ja")
    assert "令和2年1月1日" in formats(2020, 1, 1, "ja")
    assert not any(f.startswith("令和") for f in formats(2019, 4, 30, "ja"))  # still Heisei


def test_chinese_numerals():
    assert "二〇二六年十一月二十二日" in formats(2026, 11, 22, "zh")
    assert "一九五〇年一月三十一日" in formats(1950, 1, 31, "zh")
    assert "二〇三一年十月十日" in formats(2031, 10, 10, "zh")
    assert "二〇〇〇年二月二十九日" in formats(2000, 2, 29, "zh")
    assert "二〇四九年十二月二十日" in formats(2049, 12, 20, "zh")


def test_dates_are_valid_deterministic_and_in_range():
    ds = corpus.dates(3000, seed=4)
    assert ds == corpus.dates(3000, seed=4)
    assert ds != corpus.dates(3000, seed=5)
    assert {d.lang for d in ds} == set(seqlab.LANGS)
    for d in ds:
        day = datetime.date.fromisoformat(d.iso)
        assert datetime.date(1950, 1, 1) <= day <= datetime.date(2049, 12, 31)
        assert d.text in corpus.date_formats(day, d.lang)
    assert {d.lang for d in corpus.dates(50, langs=("ja",))} == {"ja"}
    assert {d.lang for d in corpus.dates(50, langs="de")} == {"de"}


@pytest.mark.parametrize("kwargs, message", [
    (dict(n=0), "n must be a positive int"),
    (dict(n=5, langs=("en", "fr")), "unknown \\['fr'\\]"),
    (dict(n=5, langs=()), "langs must name at least one language"),
    (dict(n=5, seed=None), "seed must be an int"),
])
def test_dates_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        corpus.dates(**kwargs)
