"""Parallel data for the translation chapters, generated on the spot from small grammars.

Two generators, both seeded and identical on every machine (no downloads, no framework):

- ``parallel``: one abstract meaning per item (who does what to what, where, when, in which
  tense, negated or not), realised by the grammar of each language in en/de/ja/zh. Nothing is
  translated word by word: German moves the verb (verb-second, Perfekt participle at the end)
  and chooses between "kein" and "nicht", Japanese puts the verb last and marks roles with
  particles, Chinese adds measure words and 了/没. By default a sentence is one clause of 4 to
  15 English tokens; ``parallel(..., max_clauses=3)`` joins up to three clauses (``Compound``)
  into sentences of 4 to 45 tokens, every length about equally frequent, so that an encoder
  that squeezes the whole source into one vector visibly fails on the long ones while attention
  does not. ``vocabulary(lang)`` lists every token the grammar can produce in a language, and
  ``realise(Meaning(...))`` or ``realise(Compound(...))`` says one meaning of your choice in
  all four languages.
- ``dates``: human-written dates ("Sunday, November 22, 2026", "22. Nov. 2026",
  "令和8年11月22日", "二〇二六年十一月二十二日") with their ISO form ("2026-11-22"): the classic
  sequence-to-sequence toy task for attention. ``date_formats(day, lang)`` lists every way a
  day may be written.

The parts of ``parallel``, in reading order:

- the lexicon (``_SUBJECTS``, ``_VERBS``, ``_OBJECTS``, ``_ADJECTIVES``, ``_PLACES``,
  ``_TIMES``): each entry carries its words in all four languages plus what the grammars need
  (person, German gender and Präteritum, Chinese measure word, Japanese verb stem and plain
  forms);
- ``_ACTIONS``: which verb goes with which object, for whom, where, and in which tenses;
- the option functions (``_actions``, ``_negations``, ``_times``, ...): what a meaning may combine,
  shared by the sampler, the census that counts the sentences and ``realise``'s checks;
- ``Meaning`` and ``realise``: one meaning in, one ``Parallel`` (four token tuples) out, through
  ``_en``, ``_de``, ``_ja`` and ``_zh``, which build on the clause realisers ``_en_clause``,
  ``_de_clause`` (four word orders), ``_ja_clause`` (marker and verb form) and ``_zh_clause``;
- ``Compound``: two or three clauses and their links (``LINK_SEQUENCES``), the rules for what
  may be joined (``_slots``, ``_compound_problem``) and ``_en_compound`` ... ``_zh_compound``;
- ``parallel`` and ``vocabulary``: sampling distinct meanings (one clause as before; compounds
  by English length, ``_length_plan``) and listing the tokens.

Distinct meanings give distinct English sentences: the one place where English would blur two
meanings ("I read a book": present or past?) is left out of the grammar (the past of "read"
with a subject other than he/she/it needs "yesterday" or "last week").

Compound sentences
------------------
A ``Compound`` joins clauses with "and", "but" (coordinating: two main clauses) or "because",
"when", "although" (subordinating: the second clause is the reason, the moment or the
concession of the first). Two clauses take any link; three are "A, B, and C", "A, and B, but
C", "A, but B, and C", "A, but B because/when C" or "A because/when B, but C" (see
``LINK_SEQUENCES`` for what is left out and why); ``sub_first`` puts the first subordinate
clause in front in English and German. Each clause keeps its own subject ("I" and "we" would
overlap), its own time word and its own things (no "the cake ... the cake"), and time words
stay inside their clause (no ``time_first``). The links in English / German / Japanese / Chinese:

- and: "A, and B" ("A, B, and C") / "A und B" ("A, B und C") / A-て、B (negated A-ず、B) / A，B
- but: "A, but B" / "A, aber B" / A-ますが、B / A，但是B
- because: "A because B", "Because B, A" / "A, weil B ... VERB", "Weil B ... VERB, VERB A ..." /
  Bので、A / 因为B，所以A
- when: "A when B", "When B, A" / "A, als B ... PRÄTERITUM", "Als B ..., VERB A ..." /
  B-たとき、A / B的时候，A
- although: "A, although B", "Although B, A" / "A, obwohl B ... VERB", "Obwohl B ..., VERB
  A ..." / Bのに、A / 虽然B，但是A

- English: a comma before "and"/"but" between main clauses, after a fronted subordinate
  clause and before a trailing "although", none before a trailing "because" or "when"; one
  capital, one period.
- German: "und" and "aber" keep verb-second order; "weil", "als" and "obwohl" send the finite
  verb to the end of their clause, after the participle or infinitive ("weil der Lehrer ein
  Buch gelesen hat", "weil wir morgen Tee trinken werden"); a fronted subordinate clause takes
  the first place, so the main clause opens with its finite verb. Commas around every
  subordinate clause and before "aber", none before "und" (allowed since 1996 and the common
  choice). "nicht" and "kein" stand where they stand in a main clause. An als-clause tells one
  past event in the Präteritum ("als die Kinder einen Kuchen aßen"), as written German does;
  the main clause keeps the Perfekt of the rest of the corpus, a mix that is normal German.
- Japanese: a subordinate clause always comes first (the reason before its result, even when
  English says it second) in the plain form, and its subject takes が instead of the topic は
  ("子供たちがケーキを食べたとき、…"). A main clause followed by "and" takes the て-form, negated the
  written ず-form (読まず: 読まないで would mean "instead of reading", 読まなくて is colloquial),
  which is why "and" joins clauses of one tense; one followed by "but" stays polite before が
  (読みましたが、), the most natural; the sentence ends polite as before, with one 。.
- Chinese: 因为…，所以… and 虽然…，但是… always come as pairs, the subordinate clause first;
  "when" is …的时候，…, whose clause takes neither 了 nor 一 + measure word (孩子们吃蛋糕的时候);
  "and" between two unrelated events is a bare ，(而且/并且 would add "moreover", 然后
  "afterwards"); "but" is ，但是. 了/没 inside a clause follow the one-clause rules.

What each link allows (the rules of ``_slots`` and ``_compound_problem``): "and" and
"although" join clauses of one tense (Japanese て/ず takes its tense from the end of the
sentence), "although" only in the past or present (Japanese のに cannot be followed by a
future); "when" is past only (an English when-clause in the present means a future), its clause
affirmative and without "a cup of", its main clause without a time word of its own; a reason
("because") is not later than what it causes, and of two clauses in one tense only one has a
time word ("drank tea last week because ... yesterday"). A present "read" with a subject other
than he/she/it ("the children read a book") sounds like a past next to another clause, so in a
compound it comes only with a habit ("the children read a book every day").
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime
import itertools
import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple

from . import LANGS
from .data import _check_int, _check_lang, _check_seed, _got

__all__ = ["Parallel", "Meaning", "Compound", "LINK_SEQUENCES", "realise", "parallel", "vocabulary", "Date", "dates", "date_formats"]


# ---------------------------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------------------------

class _Subject(NamedTuple):
    en: tuple[str, ...]
    de: tuple[str, ...]  # nominative
    ja: str
    zh: tuple[str, ...]
    person: str  # "1sg", "1pl", "3sg", "3pl"
    animal: bool = False


_SUBJECTS = {
    "teacher": _Subject(("the", "teacher"), ("der", "Lehrer"), "先生", ("老师",), "3sg"),
    "doctor": _Subject(("the", "doctor"), ("der", "Arzt"), "医者", ("医生",), "3sg"),
    "cook": _Subject(("the", "cook"), ("der", "Koch"), "料理人", ("厨师",), "3sg"),
    # Japanese and Chinese have no neutral word for "sister"/"brother": the older one is used
    # (Japanese 姉/兄 are the humble words for one's own family, so no 私の is needed).
    "sister": _Subject(("my", "sister"), ("meine", "Schwester"), "姉", ("我", "姐姐"), "3sg"),
    "brother": _Subject(("my", "brother"), ("mein", "Bruder"), "兄", ("我", "哥哥"), "3sg"),
    "friend": _Subject(("my", "friend"), ("mein", "Freund"), "友達", ("我", "的", "朋友"), "3sg"),
    "children": _Subject(("the", "children"), ("die", "Kinder"), "子供たち", ("孩子们",), "3pl"),
    "students": _Subject(("the", "students"), ("die", "Studenten"), "学生たち", ("学生们",), "3pl"),
    "parents": _Subject(("my", "parents"), ("meine", "Eltern"), "両親", ("我", "父母"), "3pl"),
    "I": _Subject(("I",), ("ich",), "私", ("我",), "1sg"),
    "we": _Subject(("we",), ("wir",), "私たち", ("我们",), "1pl"),
    "cat": _Subject(("the", "cat"), ("die", "Katze"), "猫", ("猫",), "3sg", animal=True),
    "dog": _Subject(("the", "dog"), ("der", "Hund"), "犬", ("狗",), "3sg", animal=True),
}


class _Verb(NamedTuple):
    en: tuple[str, str, str]  # base, 3rd person singular, past
    de: tuple[str, str, str, str]  # infinitive (= plural), 1sg, 3sg, participle (all with haben)
    ja: str  # the stem before ます
    zh: str
    de_past: tuple[str, str]  # Präteritum singular (1sg = 3sg) and plural, for als-clauses
    # plain forms for clauses that do not end the sentence: non-past, past, negative, negative
    # past, て-form ("and"), ず-form (negative "and")
    ja_plain: tuple[str, str, str, str, str, str]


_JA_MIRU = ("見る", "見た", "見ない", "見なかった", "見て", "見ず")
_VERBS = {
    "read": _Verb(("read", "reads", "read"), ("lesen", "lese", "liest", "gelesen"), "読み", "看",
                  ("las", "lasen"), ("読む", "読んだ", "読まない", "読まなかった", "読んで", "読まず")),
    "write": _Verb(("write", "writes", "wrote"),
                   ("schreiben", "schreibe", "schreibt", "geschrieben"), "書き", "写",
                   ("schrieb", "schrieben"),
                   ("書く", "書いた", "書かない", "書かなかった", "書いて", "書かず")),
    "eat": _Verb(("eat", "eats", "ate"), ("essen", "esse", "isst", "gegessen"), "食べ", "吃",
                 ("aß", "aßen"), ("食べる", "食べた", "食べない", "食べなかった", "食べて", "食べず")),
    "drink": _Verb(("drink", "drinks", "drank"),
                   ("trinken", "trinke", "trinkt", "getrunken"), "飲み", "喝",
                   ("trank", "tranken"),
                   ("飲む", "飲んだ", "飲まない", "飲まなかった", "飲んで", "飲まず")),
    "buy": _Verb(("buy", "buys", "bought"), ("kaufen", "kaufe", "kauft", "gekauft"), "買い", "买",
                 ("kaufte", "kauften"), ("買う", "買った", "買わない", "買わなかった", "買って", "買わず")),
    "watch": _Verb(("watch", "watches", "watched"), ("sehen", "sehe", "sieht", "gesehen"), "見", "看",
                   ("sah", "sahen"), _JA_MIRU),
    # "see" is used in the past only: Chinese 看见 is an achievement verb (看见了 / 没看见), and a
    # present "sees a dog" has no natural Chinese counterpart.
    "see": _Verb(("see", "sees", "saw"), ("sehen", "sehe", "sieht", "gesehen"), "見", "看见",
                 ("sah", "sahen"), _JA_MIRU),
}
# Animals do not "essen" in German, they "fressen".
_DE_ANIMAL_EAT = ("fressen", "fresse", "frisst", "gefressen")
_DE_ANIMAL_ATE = ("fraß", "fraßen")
_DE_HABEN = {"1sg": "habe", "3sg": "hat", "1pl": "haben", "3pl": "haben"}
_DE_WERDEN = {"1sg": "werde", "3sg": "wird", "1pl": "werden", "3pl": "werden"}


class _Object(NamedTuple):
    kind: str  # "count", "mass" (no article, no plural: tea) or "cup" ("a cup of tea")
    en: str
    de: tuple[str, str]  # gender ("m", "f", "n"), noun
    ja: str
    zh: tuple[str | None, str]  # measure word (None for mass nouns), noun
    adjectives: tuple[str, ...] = ()


_OBJECTS = {
    "book": _Object("count", "book", ("n", "Buch"), "本", ("本", "书"), ("new", "old", "red", "interesting")),
    "newspaper": _Object("count", "newspaper", ("f", "Zeitung"), "新聞", ("份", "报纸")),
    "letter": _Object("count", "letter", ("m", "Brief"), "手紙", ("封", "信"), ("long",)),
    "postcard": _Object("count", "postcard", ("f", "Postkarte"), "はがき", ("张", "明信片")),
    "apple": _Object("count", "apple", ("m", "Apfel"), "りんご", ("个", "苹果"), ("red", "big")),
    "cake": _Object("count", "cake", ("m", "Kuchen"), "ケーキ", ("个", "蛋糕"), ("big", "small")),
    "fish": _Object("count", "fish", ("m", "Fisch"), "魚", ("条", "鱼"), ("big", "small")),
    "car": _Object("count", "car", ("m", "Wagen"), "車", ("辆", "车"), ("new", "old", "red")),
    "bicycle": _Object("count", "bicycle", ("n", "Fahrrad"), "自転車", ("辆", "自行车"), ("new", "old", "red")),
    "film": _Object("count", "film", ("m", "Film"), "映画", ("部", "电影"), ("interesting",)),
    "dog": _Object("count", "dog", ("m", "Hund"), "犬", ("只", "狗"), ("big", "small", "black")),
    "cat": _Object("count", "cat", ("f", "Katze"), "猫", ("只", "猫"), ("small", "black")),
    "bird": _Object("count", "bird", ("m", "Vogel"), "鳥", ("只", "鸟"), ("small",)),
    "tea": _Object("mass", "tea", ("m", "Tee"), "お茶", (None, "茶"), ("hot",)),
    "coffee": _Object("mass", "coffee", ("m", "Kaffee"), "コーヒー", (None, "咖啡"), ("hot",)),
    "water": _Object("mass", "water", ("n", "Wasser"), "水", (None, "水"), ("hot",)),
    "milk": _Object("mass", "milk", ("f", "Milch"), "牛乳", (None, "牛奶"), ("warm",)),
    "meat": _Object("mass", "meat", ("n", "Fleisch"), "肉", (None, "肉")),
    "cup_of_tea": _Object("cup", "tea", ("f", "Tee"), "お茶", ("杯", "茶")),
    "cup_of_coffee": _Object("cup", "coffee", ("f", "Kaffee"), "コーヒー", ("杯", "咖啡")),
}


class _Adjective(NamedTuple):
    en: str
    de: str  # the stem; the ending follows gender, case and article
    ja: str  # attributive form
    zh: tuple[str, ...]


_ADJECTIVES = {
    "new": _Adjective("new", "neu", "新しい", ("新",)),
    "old": _Adjective("old", "alt", "古い", ("旧",)),
    "red": _Adjective("red", "rot", "赤い", ("红色", "的")),
    "big": _Adjective("big", "groß", "大きい", ("大",)),
    "small": _Adjective("small", "klein", "小さい", ("小",)),
    "interesting": _Adjective("interesting", "interessant", "面白い", ("有趣", "的")),
    "long": _Adjective("long", "lang", "長い", ("长",)),
    "hot": _Adjective("hot", "heiß", "熱い", ("热",)),
    "warm": _Adjective("warm", "warm", "温かい", ("热",)),
    "black": _Adjective("black", "schwarz", "黒い", ("黑",)),
}
# Where an adjective and a noun fuse into one word instead of combining regularly.
_JA_FUSED = {("hot", "water"): ("お湯",)}  # "hot water" is お湯, never 熱い水
_ZH_FUSED = {("red", "apple"): ("红",)}  # 一个红苹果 (红色的苹果 is stiff)


class _Place(NamedTuple):
    en: tuple[str, ...]
    de: tuple[str, ...]  # "in" + dative, contracted where German contracts (im, am)
    ja: str  # followed by で (place of an action)
    zh: tuple[str, ...]  # preceded by 在


_PLACES = {
    "garden": _Place(("in", "the", "garden"), ("im", "Garten"), "庭", ("花园",)),
    "library": _Place(("in", "the", "library"), ("in", "der", "Bibliothek"), "図書館", ("图书馆",)),
    "station": _Place(("at", "the", "station"), ("am", "Bahnhof"), "駅", ("车站",)),
    "park": _Place(("in", "the", "park"), ("im", "Park"), "公園", ("公园",)),
    "kitchen": _Place(("in", "the", "kitchen"), ("in", "der", "Küche"), "台所", ("厨房",)),
    "school": _Place(("at", "school"), ("in", "der", "Schule"), "学校", ("学校",)),
    "home": _Place(("at", "home"), ("zu", "Hause"), "家", ("家",)),
    "cafe": _Place(("in", "the", "café"), ("im", "Café"), "カフェ", ("咖啡馆",)),
    "market": _Place(("at", "the", "market"), ("auf", "dem", "Markt"), "市場", ("市场",)),
    "office": _Place(("in", "the", "office"), ("im", "Büro"), "オフィス", ("办公室",)),
    "city": _Place(("in", "the", "city"), ("in", "der", "Stadt"), "町", ("城里",)),
    "cinema": _Place(("at", "the", "cinema"), ("im", "Kino"), "映画館", ("电影院",)),
}


class _Time(NamedTuple):
    en: tuple[str, ...]
    de: tuple[str, ...]
    ja: tuple[str, ...]  # relative times (今日, 明日, 毎朝) take no に, clock times and days do
    zh: tuple[str, ...]
    tenses: tuple[str, ...]
    habitual: bool = False


_TIMES = {
    "today": _Time(("today",), ("heute",), ("今日",), ("今天",), ("past", "future")),
    "yesterday": _Time(("yesterday",), ("gestern",), ("昨日",), ("昨天",), ("past",)),
    "tomorrow": _Time(("tomorrow",), ("morgen",), ("明日",), ("明天",), ("future",)),
    "last_week": _Time(("last", "week"), ("letzte", "Woche"), ("先週",), ("上周",), ("past",)),
    "next_week": _Time(("next", "week"), ("nächste", "Woche"), ("来週",), ("下周",), ("future",)),
    "sunday": _Time(("on", "Sunday"), ("am", "Sonntag"), ("日曜日", "に"), ("星期天",), ("past", "future")),
    "eight": _Time(("at", "eight", "o'clock"), ("um", "acht", "Uhr"), ("八時", "に"), ("八点",),
                   ("past", "future")),
    "every_morning": _Time(("every", "morning"), ("jeden", "Morgen"), ("毎朝",), ("每天", "早上"),
                           ("present",), habitual=True),
    "every_day": _Time(("every", "day"), ("jeden", "Tag"), ("毎日",), ("每天",), ("present",), habitual=True),
    "every_evening": _Time(("every", "evening"), ("jeden", "Abend"), ("毎晩",), ("每天", "晚上"),
                           ("present",), habitual=True),
}

TENSES = ("present", "past", "future")
DETERMINERS = ("indefinite", "definite", "demonstrative")  # a / the / this


class _Action(NamedTuple):
    verb: str
    object: str
    who: str  # "human", "animal" or "both"
    places: tuple[str, ...]
    tenses: tuple[str, ...] = TENSES


_READ_AT = ("library", "garden", "park", "station", "home", "cafe", "office", "school")
_WRITE_AT = ("library", "home", "office", "school", "cafe")
_EAT_AT = ("kitchen", "garden", "park", "home", "cafe", "school")
_DRINK_AT = ("kitchen", "cafe", "home", "office", "garden")
_PET_AT = ("kitchen", "garden", "home")
_SEE_AT = ("garden", "park", "station", "city")
_PAST_FUTURE = ("past", "future")

_ACTIONS = (
    [_Action("read", o, "human", _READ_AT) for o in ("book", "newspaper", "letter", "postcard")]
    + [_Action("write", o, "human", _WRITE_AT) for o in ("letter", "postcard")]
    + [_Action("eat", o, "human", _EAT_AT) for o in ("apple", "cake", "fish", "meat")]
    + [_Action("eat", o, "animal", _PET_AT) for o in ("fish", "meat")]
    + [_Action("drink", o, "human", _DRINK_AT)
       for o in ("tea", "coffee", "water", "milk", "cup_of_tea", "cup_of_coffee")]
    + [_Action("drink", o, "animal", _PET_AT) for o in ("water", "milk")]
    + [_Action("buy", "book", "human", ("station", "city")),
       _Action("buy", "newspaper", "human", ("station",)),
       _Action("buy", "apple", "human", ("market",)),
       _Action("buy", "cake", "human", ("market", "city")),
       _Action("buy", "fish", "human", ("market",)),
       _Action("buy", "car", "human", ("city",), _PAST_FUTURE),
       _Action("buy", "bicycle", "human", ("city",), _PAST_FUTURE),
       _Action("watch", "film", "human", ("cinema", "home", "school"))]
    + [_Action("see", o, "both", _SEE_AT, ("past",)) for o in ("dog", "cat", "bird")]
)
_ACTION_INDEX = {(a.verb, a.object, a.who): a for a in _ACTIONS}


# ---------------------------------------------------------------------------------------------
# What a meaning may combine (shared by the sampler, the census and realise's checks)
# ---------------------------------------------------------------------------------------------

def _actions(subject: str) -> list[_Action]:
    s = _SUBJECTS[subject]
    out = []
    for a in _ACTIONS:
        if a.who != "both" and a.who != ("animal" if s.animal else "human"):
            continue
        if a.object == subject:  # "the cat saw a cat"
            continue
        if subject == "children" and a.object in ("car", "bicycle") and a.verb == "buy":
            continue
        out.append(a)
    return out


def _negations(obj: str) -> tuple[bool, ...]:
    # "does not drink a cup of tea" is not something anyone says
    return (False,) if _OBJECTS[obj].kind == "cup" else (False, True)


def _determiners(obj: str) -> tuple[str, ...]:
    return DETERMINERS if _OBJECTS[obj].kind == "count" else ("indefinite",)


def _adjectives(obj: str) -> tuple[str | None, ...]:
    return (None,) + _OBJECTS[obj].adjectives


def _places(action: _Action) -> tuple[str | None, ...]:
    return (None,) + action.places


def _times(subject: str, verb: str, tense: str, negated: bool, det: str) -> tuple[str | None, ...]:
    # "I read a book" could be a present as well: the past of "read" with a subject other than
    # he/she/it needs a time word that only a past takes (yesterday, last week).
    ambiguous = (verb == "read" and tense == "past" and not negated
                 and _SUBJECTS[subject].person != "3sg")
    out: list[str | None] = [] if ambiguous else [None]
    for key, t in _TIMES.items():
        if tense not in t.tenses or (ambiguous and t.tenses != ("past",)):
            continue
        # "does not read a book every morning" negates "every"; "eats the apple every morning"
        # eats one apple many times: habits take affirmative sentences, and a definite object
        # only with verbs that can repeat on the same thing.
        if t.habitual and (negated or (det != "indefinite" and verb not in ("read", "watch"))):
            continue
        out.append(key)
    return tuple(out)


def _fronts(time: str | None) -> tuple[bool, ...]:
    return (False,) if time is None else (False, True)


# ---------------------------------------------------------------------------------------------
# Meaning -> four sentences
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Meaning:
    """One abstract meaning: keys into the lexicon, independent of any language.

    ``det`` is how the object is determined: ``"indefinite"`` (a book; tea), ``"definite"`` (the
    book) or ``"demonstrative"`` (this book). ``time_first`` puts the time word first ("Yesterday
    the teacher read a book.", "Gestern hat der Lehrer ein Buch gelesen.").
    """

    subject: str
    verb: str
    object: str
    det: str = "indefinite"
    adjective: str | None = None
    place: str | None = None
    time: str | None = None
    tense: str = "present"
    negated: bool = False
    time_first: bool = False


@dataclass(frozen=True)
class Parallel:
    """One sentence in four languages, each a tuple of tokens."""

    en: tuple[str, ...]
    de: tuple[str, ...]
    ja: tuple[str, ...]
    zh: tuple[str, ...]

    def text(self, lang: str) -> str:
        """The sentence in ``lang``, tokens joined by spaces."""
        return " ".join(self.tokens(lang))

    def tokens(self, lang: str) -> tuple[str, ...]:
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        return getattr(self, lang)

    def pair(self, src: str, tgt: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``(source tokens, target tokens)`` for a translation from ``src`` to ``tgt``."""
        for name, lang in (("src", src), ("tgt", tgt)):
            if lang not in LANGS:
                raise ValueError(f"{name} must be one of {', '.join(LANGS)}, got {lang!r}")
        return self.tokens(src), self.tokens(tgt)


def _check(m: Meaning) -> _Action:
    """Raise ValueError naming the first field of ``m`` the grammar cannot realise."""
    if m.subject not in _SUBJECTS:
        raise ValueError(f"subject must be one of {', '.join(_SUBJECTS)}, got {m.subject!r}")
    actions = [a for a in _actions(m.subject) if (a.verb, a.object) == (m.verb, m.object)]
    if not actions:
        pairs = ", ".join(f"{a.verb} {a.object}" for a in _actions(m.subject))
        raise ValueError(f"verb/object {m.verb!r} {m.object!r} does not go with subject "
                         f"{m.subject!r}; possible: {pairs}")
    action = actions[0]
    for name, value, options in (
        ("tense", m.tense, action.tenses),
        ("negated", m.negated, _negations(m.object)),
        ("det", m.det, _determiners(m.object)),
        ("adjective", m.adjective, _adjectives(m.object)),
        ("place", m.place, _places(action)),
        ("time", m.time, _times(m.subject, m.verb, m.tense, m.negated, m.det)),
        ("time_first", m.time_first, _fronts(m.time)),
    ):
        if value not in options:
            raise ValueError(f"{name}={value!r} does not fit {m.verb} {m.object} here; "
                             f"possible: {', '.join(map(repr, options))}")
    return action


def _capitalise(tokens: list[str]) -> list[str]:
    return [tokens[0][:1].upper() + tokens[0][1:]] + tokens[1:]


def _en_clause(m: Meaning) -> list[str]:
    """The words of one clause as they stand inside a sentence: no capital, no period."""
    s, v, o = _SUBJECTS[m.subject], _VERBS[m.verb], _OBJECTS[m.object]
    base, third, past = v.en
    if m.tense == "future":
        verb = ["will", "not", base] if m.negated else ["will", base]
    elif m.tense == "past":
        verb = ["did", "not", base] if m.negated else [past]
    else:
        third_person = s.person == "3sg"
        if m.negated:  # do-support
            verb = ["does" if third_person else "do", "not", base]
        else:
            verb = [third if third_person else base]
    noun = ([_ADJECTIVES[m.adjective].en] if m.adjective else []) + [o.en]
    if o.kind == "cup":
        obj = ["a", "cup", "of", o.en]
    elif o.kind == "mass":
        obj = noun
    elif m.det == "indefinite":
        obj = ["an" if noun[0][0] in "aeiou" else "a"] + noun
    else:
        obj = ["the" if m.det == "definite" else "this"] + noun
    place = list(_PLACES[m.place].en) if m.place else []
    time = list(_TIMES[m.time].en) if m.time else []
    if m.time_first:
        return time + list(s.en) + verb + obj + place
    return list(s.en) + verb + obj + place + time


def _en(m: Meaning) -> list[str]:
    return _capitalise(_en_clause(m)) + ["."]


# German accusative articles (the only case an object takes here) and adjective endings.
_DE_ARTICLE = {
    "indefinite": {"m": "einen", "f": "eine", "n": "ein"},
    "negative": {"m": "keinen", "f": "keine", "n": "kein"},
    "definite": {"m": "den", "f": "die", "n": "das"},
    "demonstrative": {"m": "diesen", "f": "diese", "n": "dieses"},
}
# Accusative singular: after der/dieser (weak) the neuter ends in -e ("das alte Buch"); after
# ein/kein (mixed) and with no article (strong) in -es ("ein altes Buch", "heißes Wasser").
# Masculine is -en and feminine -e in all three.
_DE_ENDING = {"weak": {"m": "en", "f": "e", "n": "e"}, "strong": {"m": "en", "f": "e", "n": "es"}}


def _de_clause(m: Meaning, order: str = "main") -> list[str]:
    """One German clause, no capital, no period, in one of four word orders:

    - ``"main"``: verb second; the subject (or the time word, when ``time_first``) comes first;
    - ``"inverted"``: a main clause after a fronted subordinate clause, which takes the first
      place, so the finite verb opens the clause ("..., hat der Hund Wasser getrunken");
    - ``"final"``: a subordinate clause (weil, obwohl): the finite verb moves to the very end,
      after the participle or infinitive ("weil der Lehrer ein Buch gelesen hat");
    - ``"preterite"``: an als-clause, verb last, in the Präteritum ("als die Kinder einen Kuchen
      aßen"): written German tells a single past event in an als-clause in the Präteritum.
    """
    s, v, o = _SUBJECTS[m.subject], _VERBS[m.verb], _OBJECTS[m.object]
    animal_eats = m.verb == "eat" and s.animal
    infinitive, first, third, participle = _DE_ANIMAL_EAT if animal_eats else v.de
    person = s.person
    present = {"1sg": first, "3sg": third, "1pl": infinitive, "3pl": infinitive}[person]
    if order == "preterite":
        singular, plural = _DE_ANIMAL_ATE if animal_eats else v.de_past
        finite, final = (singular if person in ("1sg", "3sg") else plural), []
    elif m.tense == "past":  # Perfekt: haben + participle at the end of the clause
        finite, final = _DE_HABEN[person], [participle]
    elif m.tense == "future":  # werden + infinitive at the end
        finite, final = _DE_WERDEN[person], [infinitive]
    else:
        finite, final = present, []

    gender, noun = o.de
    definite = m.det in ("definite", "demonstrative")
    if o.kind == "cup":
        obj = ["eine", "Tasse", noun]
    else:
        if definite:
            article, declension = _DE_ARTICLE[m.det][gender], "weak"
        elif o.kind == "mass":  # Tee / keinen Tee
            article = _DE_ARTICLE["negative"][gender] if m.negated else None
            declension = "strong"
        else:  # ein Buch / kein Buch
            article = _DE_ARTICLE["negative" if m.negated else "indefinite"][gender]
            declension = "strong"
        obj = [article] if article else []
        if m.adjective:
            obj.append(_ADJECTIVES[m.adjective].de + _DE_ENDING[declension][gender])
        obj.append(noun)
    # Negation: an indefinite object is negated by "kein" (done above); otherwise "nicht"
    # follows the definite object and precedes the place and the verb(s) at the end, in main
    # and subordinate clauses alike.
    nicht = ["nicht"] if (m.negated and definite) else []
    place = list(_PLACES[m.place].de) if m.place else []
    time = list(_TIMES[m.time].de) if m.time else []
    subject = list(s.de)
    # Middle field: definite object (known information) early, indefinite object (new
    # information) after the adverbials; time before place.
    early, late = (obj, []) if definite else ([], obj)
    if order == "main" and m.time_first:  # the time takes the first place, the subject follows
        return time + [finite] + subject + early + nicht + place + late + final
    middle = early + time + nicht + place + late
    if order == "main":
        return subject + [finite] + middle + final
    if order == "inverted":
        return [finite] + subject + middle + final
    return subject + middle + final + [finite]


def _de(m: Meaning) -> list[str]:
    return _capitalise(_de_clause(m)) + ["."]


# Polite style (です/ます) ends every sentence; Japanese has no future form: 明日読みます.
_JA_POLITE = {("present", False): "ます", ("present", True): "ません",
              ("past", False): "ました", ("past", True): "ませんでした",
              ("future", False): "ます", ("future", True): "ません"}


def _ja_verb(m: Meaning, form: str) -> str:
    """The verb of ``m`` in ``form``: "polite" (読みました), "plain" (読んだ: before ので, のに and
    とき; the future is the non-past) or "te" (読んで, negated 読まず: a clause joined by "and")."""
    v = _VERBS[m.verb]
    if form == "polite":
        return v.ja + _JA_POLITE[m.tense, m.negated]
    non_past, past, negative, negative_past, te, zu = v.ja_plain
    if form == "te":
        return zu if m.negated else te
    if m.tense == "past":
        return negative_past if m.negated else past
    return negative if m.negated else non_past


def _ja_clause(m: Meaning, marker: str = "は", form: str = "polite") -> list[str]:
    """One Japanese clause without 。: the subject marked by ``marker`` (the topic は in a main
    clause, が in a subordinate one), the verb last in ``form`` (see ``_ja_verb``)."""
    s, o = _SUBJECTS[m.subject], _OBJECTS[m.object]
    det = {"indefinite": [], "definite": ["その"], "demonstrative": ["この"]}[m.det]
    if (m.adjective, m.object) in _JA_FUSED:
        noun = list(_JA_FUSED[m.adjective, m.object])
    else:
        noun = ([_ADJECTIVES[m.adjective].ja] if m.adjective else []) + [o.ja]
    obj = det + noun + ["を"] + (["一杯"] if o.kind == "cup" else [])
    place = [_PLACES[m.place].ja, "で"] if m.place else []
    time = list(_TIMES[m.time].ja) if m.time else []
    subject = [s.ja, marker]
    if m.time_first:
        words = time + ["、"] + subject + place + obj
    else:
        words = subject + time + place + obj
    return words + [_ja_verb(m, form)]


def _ja(m: Meaning) -> list[str]:
    return _ja_clause(m) + ["。"]


def _zh_clause(m: Meaning, when: bool = False) -> list[str]:
    """One Chinese clause without 。; ``when``: the clause before 的时候, which takes no 了 and
    no 一 + measure word ("孩子们吃蛋糕的时候", not *吃了一个蛋糕的时候)."""
    s, v, o = _SUBJECTS[m.subject], _VERBS[m.verb], _OBJECTS[m.object]
    measure, noun = o.zh
    if (m.adjective, m.object) in _ZH_FUSED:
        noun_phrase = list(_ZH_FUSED[m.adjective, m.object]) + [noun]
    else:
        noun_phrase = (list(_ADJECTIVES[m.adjective].zh) if m.adjective else []) + [noun]
    # A count noun takes a measure word after a numeral or demonstrative. "a book" is 一本书 when
    # a single event happened or will happen (past, future); in the present (habits) and under
    # negation (没买车, not *没买一辆车) the bare noun is used.
    if o.kind == "cup":
        obj, counted = ["一", measure] + noun_phrase, True
    elif m.det == "definite":
        obj, counted = ["那", measure] + noun_phrase, True
    elif m.det == "demonstrative":
        obj, counted = ["这", measure] + noun_phrase, True
    elif o.kind == "count" and m.tense in ("past", "future") and not m.negated and not when:
        obj, counted = ["一", measure] + noun_phrase, True
    else:
        obj, counted = noun_phrase, False
    if m.tense == "future":
        aux = ["不", "会"] if m.negated else ["会"]
    elif m.negated:
        aux = ["没"] if m.tense == "past" else ["不"]  # 没 + verb, never 了, for the past
    else:
        aux = []
    verb, tail = [v.zh], []
    if m.tense == "past" and not m.negated and not when:
        # 了 follows the verb before a counted object (看了一本书) and closes the sentence after
        # a bare one (喝茶了), where V了+bare noun would sound unfinished.
        if counted:
            verb.append("了")
        else:
            tail = ["了"]
    place = ["在"] + list(_PLACES[m.place].zh) if m.place else []
    time = list(_TIMES[m.time].zh) if m.time else []
    if m.time_first:
        return time + list(s.zh) + aux + place + verb + obj + tail
    return list(s.zh) + time + aux + place + verb + obj + tail


def _zh(m: Meaning) -> list[str]:
    return _zh_clause(m) + ["。"]


# ---------------------------------------------------------------------------------------------
# Compound sentences: two or three clauses joined by links
# ---------------------------------------------------------------------------------------------

COORDINATORS = ("and", "but")
SUBORDINATORS = ("because", "when", "although")
# Every way the grammar links clauses, in English order (see Compound). A unit is a main clause
# with at most one subordinate clause; three clauses are three main clauses, or a "but" between
# a unit with a because- or when-clause and a plain main clause. Left out, because one of the
# four languages has no natural sentence for them: "although" with a third clause (虽然…但是… and
# "but" would clash), two subordinate clauses on one main clause (Japanese would stack ので and
# のに before one verb), and "and" next to a subordinate clause (the Japanese て-clause would
# join the subordinate clause instead of the main one).
LINK_SEQUENCES = (
    ("and",), ("but",), ("because",), ("when",), ("although",),
    ("and", "and"), ("and", "but"), ("but", "and"),
    ("but", "because"), ("but", "when"), ("because", "but"), ("when", "but"),
)


@dataclass(frozen=True)
class Compound:
    """One sentence of two or three clauses, each a ``Meaning`` with its own subject.

    ``clauses`` are in English order; ``links[i]`` joins ``clauses[i]`` and ``clauses[i + 1]``.
    A coordinating link ("and", "but") starts a new main clause; a subordinating link
    ("because", "when", "although") makes ``clauses[i + 1]`` a subordinate clause of
    ``clauses[i]``: its reason, the past moment it happened at, or what it happened in spite
    of. ``sub_first`` puts that subordinate clause first in English and German, as
    ``time_first`` does for a time word ("Because the children ate a cake, my sister drank
    tea."); Japanese and Chinese always say a subordinate clause first. ``LINK_SEQUENCES`` lists
    the links the grammar knows.
    """

    clauses: tuple[Meaning, ...]
    links: tuple[str, ...] = ()
    sub_first: bool = False


class _Unit(NamedTuple):
    head: int  # index of the main clause
    sub: int | None = None  # index of its subordinate clause
    link: str | None = None  # the subordinating link


@lru_cache(maxsize=None)
def _units(links: tuple[str, ...]) -> tuple[tuple[_Unit, ...], tuple[str, ...]]:
    """The units of a sentence and the coordinating links between them."""
    units, coordinators = [_Unit(0)], []
    for i, link in enumerate(links):
        if link in SUBORDINATORS:
            units[-1] = _Unit(units[-1].head, i + 1, link)
        else:
            units.append(_Unit(i + 1))
            coordinators.append(link)
    return tuple(units), tuple(coordinators)


@lru_cache(maxsize=None)
def _pairs(links: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """(link, i, j) for each link and the two clauses it relates: main clause i and
    subordinate clause j, or the main clauses i and j of two coordinated units."""
    units, coordinators = _units(links)
    out = [(u.link, u.head, u.sub) for u in units if u.sub is not None]
    out += [(link, a.head, b.head) for link, a, b in zip(coordinators, units, units[1:])]
    return tuple(out)


class _Slot(NamedTuple):
    """What a clause must be to stand in its place in a sentence."""

    tenses: tuple[str, ...] = TENSES
    negatable: bool = True
    cup: bool = True  # may the object be "a cup of ..."
    timed: bool = True  # may it have a time word
    compound: bool = False  # is it one of several clauses (see _plain_read)


def _plain_read(subject: str, verb: str, tense: str) -> bool:
    """Is this "I read", "we read", "the children read" in the present? Next to a past clause
    an English reader takes it for a past, so in a compound it needs a habit (every morning)."""
    return verb == "read" and tense == "present" and _SUBJECTS[subject].person != "3sg"


def _time_fits(slot: _Slot, subject: str, verb: str, tense: str, time: str | None) -> bool:
    if time is None:
        return not (slot.compound and _plain_read(subject, verb, tense))
    return slot.timed and (not slot.compound or not _plain_read(subject, verb, tense)
                           or _TIMES[time].habitual)


# "when" is past only: in English a when-clause in the present means the future ("when the
# children eat a cake" = whenever, or tomorrow), which the other languages say differently. Its
# main clause takes its time from the when-clause (two time words would have to agree), and a
# when-clause says what happened, not what did not happen. "a cup of" stays out of it too:
# Chinese says 喝咖啡的时候, without 一杯, before 的时候. "although" joins clauses of one tense, past or
# present: Japanese のに cannot be followed by a future (明日…のに、…ます is not said).
_SLOTS = {
    ("when", "main"): _Slot(("past",), timed=False),
    ("when", "sub"): _Slot(("past",), negatable=False, cup=False),
    ("although", "main"): _Slot(("past", "present")),
    ("although", "sub"): _Slot(("past", "present")),
}
_TENSE_ORDER = {"past": 0, "present": 1, "future": 2}


@lru_cache(maxsize=None)
def _slots(links: tuple[str, ...]) -> tuple[_Slot, ...]:
    """What each clause of a sentence with these links must be."""
    slots = [_Slot(compound=True)] * (len(links) + 1)
    for link, i, j in _pairs(links):
        slots[i] = _meet(slots[i], _SLOTS.get((link, "main"), _Slot()))
        slots[j] = _meet(slots[j], _SLOTS.get((link, "sub"), _Slot()))
    return tuple(slots)


def _meet(a: _Slot, b: _Slot) -> _Slot:
    return _Slot(tuple(t for t in a.tenses if t in b.tenses), a.negatable and b.negatable,
                 a.cup and b.cup, a.timed and b.timed, a.compound or b.compound)


# Clauses of one sentence have subjects of their own ("I" and "we" would overlap) and speak of
# different things: "the children ate the cake, and my friend bought the cake" reads as one
# cake, "the dog drank water when the children saw a dog" as two dogs; either way it needs
# pronouns or "another", which the grammar does not have.
_SAME_PEOPLE = {s: {s} | ({"I", "we"} if s in ("I", "we") else set()) for s in _SUBJECTS}


def _nouns(m: Meaning) -> set[str]:
    return {_OBJECTS[m.object].en} | ({m.subject} if _SUBJECTS[m.subject].animal else set())


def _compound_problem(c: Compound) -> str | None:
    """Why the clauses of ``c`` (each one a valid Meaning) do not fit together, or None."""
    ms = c.clauses
    for i, m in enumerate(ms):
        if m.time_first:
            return (f"clauses[{i}].time_first=True: in a sentence of several clauses each time "
                    f"word stays inside its clause")
    for i in range(len(ms)):
        for j in range(i + 1, len(ms)):
            if ms[j].subject in _SAME_PEOPLE[ms[i].subject]:
                return (f"clauses[{i}] and clauses[{j}] have the subjects {ms[i].subject!r} and "
                        f"{ms[j].subject!r}; each clause needs its own")
            if ms[i].time is not None and ms[i].time == ms[j].time:
                return f"clauses[{i}] and clauses[{j}] both have time={ms[i].time!r}"
            if _nouns(ms[i]) & _nouns(ms[j]):
                return (f"clauses[{i}] and clauses[{j}] both speak of "
                        f"{' and '.join(sorted(_nouns(ms[i]) & _nouns(ms[j])))}")
    for i, (m, slot) in enumerate(zip(ms, _slots(c.links))):
        if not _time_fits(slot, m.subject, m.verb, m.tense, m.time) and slot.timed:
            return (f"clauses[{i}]: a present 'read' with subject {m.subject!r} needs every "
                    f"morning/day/evening in a sentence of several clauses (English would hear "
                    f"a past), got time={m.time!r}")
        for name, ok in (("tense", m.tense in slot.tenses),
                         ("negated", slot.negatable or not m.negated),
                         ("object", slot.cup or _OBJECTS[m.object].kind != "cup"),
                         ("time", slot.timed or m.time is None)):
            if not ok:
                return (f"clauses[{i}].{name}={getattr(m, name)!r} does not fit its place in "
                        f"links={c.links!r}")
    for link, i, j in _pairs(c.links):
        a, b = ms[i], ms[j]
        if link in ("and", "although") and a.tense != b.tense:
            return (f"{link!r} joins clauses of one tense: clauses[{i}].tense={a.tense!r}, "
                    f"clauses[{j}].tense={b.tense!r}")
        if link == "because":
            if _TENSE_ORDER[b.tense] > _TENSE_ORDER[a.tense]:
                return (f"'because': the reason clauses[{j}] (tense={b.tense!r}) cannot come after "
                        f"what it causes, clauses[{i}] (tense={a.tense!r})")
            if a.tense == b.tense and a.time and b.time:
                # "drank tea last week because the teacher read a book yesterday"
                return (f"'because' with one tense: only one of clauses[{i}] and clauses[{j}] "
                        f"may have a time word")
    return None


def _check_compound(c: Compound) -> None:
    """Raise ValueError naming the first field of ``c`` the grammar cannot realise."""
    if (not isinstance(c.clauses, tuple) or not 1 <= len(c.clauses) <= 3
            or not all(isinstance(m, Meaning) for m in c.clauses)):
        raise ValueError(f"clauses must be a tuple of 1 to 3 Meanings, got {c.clauses!r}")
    if not isinstance(c.links, tuple) or len(c.links) != len(c.clauses) - 1:
        raise ValueError(f"links must be a tuple of {len(c.clauses) - 1} link(s), one between "
                         f"each two clauses, got {c.links!r}")
    if c.links and c.links not in LINK_SEQUENCES:
        raise ValueError(f"links={c.links!r} is not a way the grammar links clauses; possible: "
                         f"{', '.join(map(repr, LINK_SEQUENCES))}")
    if not isinstance(c.sub_first, bool) or (c.sub_first and c.links[:1] not in
                                             tuple((s,) for s in SUBORDINATORS)):
        raise ValueError(f"sub_first={c.sub_first!r} needs links[0] to be one of "
                         f"{', '.join(SUBORDINATORS)} (sub_first must be a bool)")
    for i, m in enumerate(c.clauses):
        try:
            _check(m)
        except ValueError as e:
            raise ValueError(f"clauses[{i}]: {e}") from None
    problem = _compound_problem(c) if len(c.clauses) > 1 else None
    if problem:
        raise ValueError(problem)


def _en_compound(c: Compound) -> list[str]:
    # Commas: before "and"/"but" between main clauses ("A, B, and C" for three), after a
    # fronted subordinate clause, before a trailing "although" but not before a trailing
    # "because" or "when".
    units, coordinators = _units(c.links)
    words = [_en_clause(m) for m in c.clauses]

    def unit(u: _Unit, fronted: bool) -> list[str]:
        if u.sub is None:
            return words[u.head]
        sub = [u.link] + words[u.sub]
        if fronted:
            return sub + [","] + words[u.head]
        return words[u.head] + ([","] if u.link == "although" else []) + sub

    out = unit(units[0], c.sub_first)
    for k, (link, u) in enumerate(zip(coordinators, units[1:])):
        serial = coordinators == ("and", "and") and k == 0  # "A, B, and C"
        out += [","] + ([] if serial else [link]) + unit(u, False)
    return _capitalise(out) + ["."]


_DE_LINKS = {"because": "weil", "when": "als", "although": "obwohl"}


def _de_compound(c: Compound) -> list[str]:
    # "aber" takes a comma, "und" between main clauses none ("A, B und C" for three); every
    # subordinate clause is set off by commas; after a fronted one the main clause is inverted.
    units, coordinators = _units(c.links)
    ms = c.clauses

    def unit(u: _Unit, fronted: bool) -> list[str]:
        if u.sub is None:
            return _de_clause(ms[u.head])
        sub = [_DE_LINKS[u.link]] + _de_clause(ms[u.sub], "preterite" if u.link == "when" else "final")
        if fronted:
            return sub + [","] + _de_clause(ms[u.head], "inverted")
        return _de_clause(ms[u.head]) + [","] + sub

    out = unit(units[0], c.sub_first)
    for k, (link, u) in enumerate(zip(coordinators, units[1:])):
        if link == "but":
            out += [",", "aber"]
        else:
            out += [","] if coordinators == ("and", "and") and k == 0 else ["und"]
        out += unit(u, False)
    return _capitalise(out) + ["."]


_JA_LINKS = {"because": "ので", "when": "とき", "although": "のに"}


def _ja_compound(c: Compound) -> list[str]:
    # The subordinate clause always comes first, in the plain form with が: 子供たちがケーキを食べた
    # とき、.... A main clause followed by "and" takes the て-form (読んで; negated 読まず), one
    # followed by "but" the polite form + が (読みましたが、); the last one the polite form + 。.
    units, coordinators = _units(c.links)
    ms = c.clauses
    out: list[str] = []
    for k, u in enumerate(units):
        if u.sub is not None:
            out += _ja_clause(ms[u.sub], "が", "plain") + [_JA_LINKS[u.link], "、"]
        after = coordinators[k] if k < len(coordinators) else None
        if after == "and":
            out += _ja_clause(ms[u.head], "は", "te") + ["、"]
        elif after == "but":
            out += _ja_clause(ms[u.head]) + ["が", "、"]
        else:
            out += _ja_clause(ms[u.head]) + ["。"]
    return out


def _zh_compound(c: Compound) -> list[str]:
    # 因为…，所以… and 虽然…，但是… put the subordinate clause first, as does …的时候，…; "and" is
    # a plain ，(two events side by side, as Chinese narrates them), "but" is ，但是.
    units, coordinators = _units(c.links)
    ms = c.clauses
    out: list[str] = []
    for k, u in enumerate(units):
        if k:
            out += ["，"] + (["但是"] if coordinators[k - 1] == "but" else [])
        head = _zh_clause(ms[u.head])
        if u.link == "because":
            out += ["因为"] + _zh_clause(ms[u.sub]) + ["，", "所以"] + head
        elif u.link == "when":
            out += _zh_clause(ms[u.sub], when=True) + ["的", "时候", "，"] + head
        elif u.link == "although":
            out += ["虽然"] + _zh_clause(ms[u.sub]) + ["，", "但是"] + head
        else:
            out += head
    return out + ["。"]


def _realise(x: Meaning | Compound, en: tuple[str, ...] | None = None) -> Parallel:
    """``realise`` without the checks (for what the sampler built; ``en``: the English, when
    it is already known)."""
    fs = (_en, _de, _ja, _zh) if isinstance(x, Meaning) else (
        _en_compound, _de_compound, _ja_compound, _zh_compound)
    return Parallel(en or tuple(fs[0](x)), *(tuple(f(x)) for f in fs[1:]))


def realise(meaning: Meaning | Compound) -> Parallel:
    """The four sentences that express ``meaning`` (a ``Meaning`` or a ``Compound``); ValueError
    if the grammar cannot say it."""
    if isinstance(meaning, Compound):
        _check_compound(meaning)
    elif isinstance(meaning, Meaning):
        _check(meaning)
    else:
        raise ValueError(f"meaning must be a Meaning or a Compound, got {type(meaning).__name__}")
    return _realise(meaning)


# ---------------------------------------------------------------------------------------------
# Sampling, counting and listing
# ---------------------------------------------------------------------------------------------

def _en_length(m: Meaning) -> int:
    """Length of ``_en(m)`` in tokens, without building it (for the census)."""
    return (len(_SUBJECTS[m.subject].en) + _vg_length(m.tense, m.negated)
            + _obj_length(m.object, m.det, m.adjective)
            + (len(_PLACES[m.place].en) if m.place else 0)
            + (len(_TIMES[m.time].en) if m.time else 0) + 1)


def _vg_length(tense: str, negated: bool) -> int:
    return 3 if negated else (2 if tense == "future" else 1)


def _obj_length(obj: str, det: str, adjective: str | None) -> int:
    kind = _OBJECTS[obj].kind
    if kind == "cup":
        return 4
    return (0 if kind == "mass" else 1) + (1 if adjective else 0) + 1


def _cores(subjects=None) -> Iterator[tuple[str, _Action, str, bool, str, tuple]]:
    """(subject, action, tense, negated, det, times) for every core combination."""
    for subject in subjects or _SUBJECTS:
        for action in _actions(subject):
            for tense in action.tenses:
                for negated in _negations(action.object):
                    for det in _determiners(action.object):
                        times = _times(subject, action.verb, tense, negated, det)
                        if times:
                            yield subject, action, tense, negated, det, times


def _meanings(subjects=None) -> Iterator[Meaning]:
    """Every meaning the grammar allows, in a fixed order."""
    for subject, action, tense, negated, det, times in _cores(subjects):
        for adjective in _adjectives(action.object):
            for place in _places(action):
                for time in times:
                    for front in _fronts(time):
                        yield Meaning(subject, action.verb, action.object, det, adjective,
                                      place, time, tense, negated, front)


@lru_cache(maxsize=None)
def _census(subjects: tuple[str, ...] | None = None) -> dict[int, int]:
    """How many meanings (= distinct English sentences) there are of each English length.

    Adjective, place and time are independent once the core is fixed, so their length counts
    are convolved instead of enumerating every combination.
    """
    total: Counter = Counter()
    for subject, action, tense, negated, det, times in _cores(subjects):
        base = len(_SUBJECTS[subject].en) + _vg_length(tense, negated) + 1
        parts = [
            Counter(_obj_length(action.object, det, a) for a in _adjectives(action.object)),
            Counter(len(_PLACES[p].en) if p else 0 for p in _places(action)),
            Counter({}),
        ]
        for t in times:
            parts[2][len(_TIMES[t].en) if t else 0] += len(_fronts(t))
        lengths = Counter({base: 1})
        for part in parts:
            combined: Counter = Counter()
            for a, x in lengths.items():
                for b, y in part.items():
                    combined[a + b] += x * y
            lengths = combined
        total.update(lengths)
    return dict(sorted(total.items()))


def _pick(rng: random.Random, options, p_some: float):
    """None with probability 1 - p_some when None is an option, otherwise a uniform choice."""
    some = [o for o in options if o is not None]
    if not some or (None in options and rng.random() >= p_some):
        return None
    return rng.choice(some)


def _sample(rng: random.Random) -> Meaning:
    subject = rng.choice(list(_SUBJECTS))
    action = rng.choice(_actions(subject))
    tense = rng.choice(action.tenses)
    negated = len(_negations(action.object)) > 1 and rng.random() < 0.3
    dets = _determiners(action.object)
    det = dets[0] if len(dets) == 1 else rng.choices(dets, weights=(2, 1, 1))[0]
    times = _times(subject, action.verb, tense, negated, det)
    if not times:
        return _sample(rng)
    adjective = _pick(rng, _adjectives(action.object), 0.4)
    place = _pick(rng, _places(action), 0.6)
    time = _pick(rng, times, 0.6)
    front = time is not None and rng.random() < 0.5
    return Meaning(subject, action.verb, action.object, det, adjective, place, time, tense,
                   negated, front)


# Drawing sentences of a given English length (for max_clauses > 1). A clause of a given length
# is drawn uniformly from all clauses of that length that fit its place: a core (subject,
# action, tense, negation, determiner) weighted by how many ways adjective, place and time
# bring it to that length, then one of those ways.

class _Core(NamedTuple):
    subject: str
    action: _Action
    tense: str
    negated: bool
    det: str
    times: tuple[str | None, ...]
    base: int  # English tokens of the subject and the verb group
    adjectives: dict[int, tuple[str | None, ...]]  # object length -> adjectives giving it
    places: dict[int, tuple[str | None, ...]]  # place length -> places
    people: frozenset[str]  # _SAME_PEOPLE of the subject
    nouns: frozenset[str]  # _nouns of its clauses


class _Way(NamedTuple):
    """The clauses of one length that one core makes."""

    core: _Core
    times: dict[int, tuple[str | None, ...]]  # time length -> the time words allowed
    ways: tuple[tuple[int, int, int], ...]  # (object, place, time) lengths
    totals: tuple[int, ...]  # running total of the clauses each way gives


def _by_length(options, length) -> dict[int, tuple]:
    out: dict[int, list] = {}
    for o in options:
        out.setdefault(length(o), []).append(o)
    return {k: tuple(v) for k, v in out.items()}


def _time_length(t: str | None) -> int:
    return len(_TIMES[t].en) if t else 0


@lru_cache(maxsize=None)
def _core_ways() -> tuple[tuple[_Core, dict[int, _Way]], ...]:
    """Every core with its clauses by length."""
    out = []
    for subject, action, tense, negated, det, times in _cores():
        core = _Core(subject, action, tense, negated, det, times,
                     len(_SUBJECTS[subject].en) + _vg_length(tense, negated),
                     _by_length(_adjectives(action.object),
                                lambda a: _obj_length(action.object, det, a)),
                     _by_length(_places(action), lambda p: len(_PLACES[p].en) if p else 0),
                     frozenset(_SAME_PEOPLE[subject]),
                     frozenset(_nouns(Meaning(subject, action.verb, action.object))))
        out.append((core, _ways(core, times)))
    return tuple(out)


def _ways(core: _Core, times) -> dict[int, _Way]:
    """The clauses of ``core`` with one of ``times``, by length."""
    by_time = _by_length(times, _time_length)
    found: dict[int, list[tuple[tuple[int, int, int], int]]] = {}
    for a, adjectives in core.adjectives.items():
        for p, places in core.places.items():
            for t, words in by_time.items():
                found.setdefault(core.base + a + p + t, []).append(
                    ((a, p, t), len(adjectives) * len(places) * len(words)))
    return {length: _Way(core, by_time, tuple(w for w, _ in ways),
                         tuple(itertools.accumulate(n for _, n in ways)))
            for length, ways in found.items()}


def _core_fits(core: _Core, slot: _Slot) -> tuple[str | None, ...] | None:
    """The time words ``core`` may take in ``slot``; None if it does not fit there."""
    if (core.tense not in slot.tenses or (core.negated and not slot.negatable)
            or (not slot.cup and _OBJECTS[core.action.object].kind == "cup")):
        return None
    verb = core.action.verb
    return tuple(t for t in core.times if _time_fits(slot, core.subject, verb, core.tense, t))


@lru_cache(maxsize=None)
def _clause_table(slot: _Slot) -> dict[int, tuple[list[_Way], list[int]]]:
    """Clause length (English tokens, no period) -> the cores that fit ``slot`` with their ways
    to that length, and the running total of their numbers of clauses (to draw from)."""
    table: dict[int, tuple[list[_Way], list[int]]] = {}
    for core, ways in _core_ways():
        times = _core_fits(core, slot)
        if not times:
            continue
        for length, way in (ways if times == core.times else _ways(core, times)).items():
            entries, totals = table.setdefault(length, ([], []))
            entries.append(way)
            totals.append((totals[-1] if totals else 0) + way.totals[-1])
    return table


def _clause_of_length(rng: random.Random, slot: _Slot, length: int, people=frozenset(),
                      times=frozenset(), nouns=frozenset()) -> tuple[Meaning, _Core] | None:
    """A clause of ``length`` English tokens (no period) that fits ``slot``, drawn uniformly,
    whose subject is not in ``people``, time word not in ``times`` and nouns not in ``nouns``
    (those of the clauses drawn before); with its core, or None if none turned up."""
    entry = _clause_table(slot).get(length)
    if entry is None:
        return None
    entries, totals = entry
    random_, choice = rng.random, rng.choice
    for _ in range(20):
        way = entries[bisect.bisect_right(totals, random_() * totals[-1])]
        a, p, t = way.ways[bisect.bisect_right(way.totals, random_() * way.totals[-1])]
        core, time = way.core, _one(choice, way.times[t])
        if core.subject in people or time in times or not core.nouns.isdisjoint(nouns):
            continue
        return Meaning(core.subject, core.action.verb, core.action.object, core.det,
                       _one(choice, core.adjectives[a]), _one(choice, core.places[p]), time,
                       core.tense, core.negated), core
    return None


def _one(choice, options: tuple):
    return options[0] if len(options) == 1 else choice(options)


_SEQUENCES = {k: tuple(s for s in LINK_SEQUENCES if len(s) == k - 1) for k in (2, 3)}
_SHAPES = {k: tuple((s, f) for s in _SEQUENCES[k]
                    for f in ((False, True) if s[0] in SUBORDINATORS else (False,)))
           for k in (2, 3)}


@lru_cache(maxsize=None)
def _overhead(links: tuple[str, ...], sub_first: bool) -> int:
    """English tokens outside the clauses (link words, commas, the period), measured."""
    c = next(c for c in (_complete(links, sub_first, 0, m) for m in _PARTNERS) if c)
    return len(_en_compound(c)) - sum(len(_en_clause(m)) for m in c.clauses)


@lru_cache(maxsize=None)
def _splits(slots: tuple[_Slot, ...], words: int) -> tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]:
    """The ways to share ``words`` English tokens among clauses in these slots, and the running
    total of how many clause tuples each way allows (before the rules that join them)."""
    sizes = {length: totals[-1] for length, (_, totals) in _clause_table(slots[0]).items()}
    if len(slots) == 1:
        return (((words,),), (sizes[words],)) if words in sizes else ((), ())
    ways, counts = [], []
    for first, n in sizes.items():
        rest, totals = _splits(slots[1:], words - first)
        for way, total, previous in zip(rest, totals, (0,) + totals):
            ways.append((first,) + way)
            counts.append(n * (total - previous))
    return tuple(ways), tuple(itertools.accumulate(counts))


def _split_total(slots: tuple[_Slot, ...], words: int) -> int:
    totals = _splits(slots, words)[1]
    return totals[-1] if totals else 0


@lru_cache(maxsize=None)
def _ranges(slot: _Slot) -> dict[tuple[str | None, bool], tuple[int, int]]:
    """(time word, whether the subject is "I" or "we") -> the shortest and longest clause (no
    period) that fits ``slot``."""
    out: dict[tuple[str | None, bool], tuple[int, int]] = {}
    for core, _ in _core_ways():
        low = core.base + min(core.adjectives) + min(core.places)
        high = core.base + max(core.adjectives) + max(core.places)
        for time in _core_fits(core, slot) or ():
            t, key = _time_length(time), (time, core.subject in ("I", "we"))
            a, b = out.get(key, (low + t, high + t))
            out[key] = (min(a, low + t), max(b, high + t))
    return out


@lru_cache(maxsize=None)
def _shape_lengths(links: tuple[str, ...], sub_first: bool) -> range:
    """The English lengths a sentence of this shape can have: each clause within the range its
    slot, time word and subject allow, with the time words all different (there is one
    three-token time, "at eight o'clock", so only one clause can be as long as clauses get) and
    at most one of "I" and "we" (the only one-token subjects, so two clauses cannot both be as
    short as clauses get). The lengths in between are all possible (tested)."""
    ranges = [_ranges(slot) for slot in _slots(links)]
    overhead = _overhead(links, sub_first)
    return range(_extreme(ranges, 0, 1) + overhead, -_extreme(ranges, 1, -1) + overhead + 1)


def _extreme(ranges, side: int, sign: int) -> int:
    """The least of ``sign`` * (the sum of the clauses' shortest (side 0) or longest (side 1)
    lengths) over the allowed choices of time word and subject kind per clause. The other
    clauses rule out at most two time words and the kind "I"/"we", so the best three of each
    kind in each slot hold a best choice."""
    def best(r, keys):
        return sorted(keys, key=lambda key: sign * r[key][side])[:3]

    candidates = [set(best(r, r)) | set(best(r, [k for k in r if not k[1]])) for r in ranges]
    return min(sign * sum(r[key][side] for r, key in zip(ranges, keys))
               for keys in itertools.product(*candidates)
               if len({t for t, _ in keys if t}) == sum(1 for t, _ in keys if t)
               and sum(speaker for _, speaker in keys) <= 1)


@lru_cache(maxsize=None)
def _shapes_of(k: int, length: int) -> tuple[tuple[tuple[str, ...], bool], ...]:
    return tuple(shape for shape in _SHAPES[k] if length in _shape_lengths(*shape))


def _compound_of_length(rng: random.Random, k: int, length: int) -> Compound | None:
    """A valid compound of ``k`` clauses and ``length`` English tokens; None if none turned up."""
    shapes = _shapes_of(k, length)
    for _ in range(50 if shapes else 0):
        c = _compound_of_shape(rng, *rng.choice(shapes), length)
        if c is not None:
            return c
    return None


@lru_cache(maxsize=None)
def _draw_plan(links: tuple[str, ...]) -> tuple[tuple[_Slot, tuple[tuple[str, int], ...]], ...]:
    """For each clause: its slot, and the (link, earlier clause) whose tense limits its own:
    "and" and "although" join clauses of one tense, a reason ("because") is no later than what
    it causes."""
    return tuple((slot, tuple((link, i) for link, i, sub in _pairs(links)
                              if sub == j and link in ("and", "although", "because")))
                 for j, slot in enumerate(_slots(links)))


@lru_cache(maxsize=None)
def _tied(slot: _Slot, ties: tuple[tuple[str, str], ...]) -> _Slot:
    """``slot`` limited by the tenses of earlier clauses: (link, their tense) pairs."""
    tenses = slot.tenses
    for link, tense in ties:
        if link == "because":
            tenses = tuple(t for t in tenses if _TENSE_ORDER[t] <= _TENSE_ORDER[tense])
        else:
            tenses = tuple(t for t in tenses if t == tense)
    return slot._replace(tenses=tenses)


def _compound_of_shape(rng: random.Random, links: tuple[str, ...], sub_first: bool,
                       length: int) -> Compound | None:
    """One try at a valid compound of this shape and ``length`` English tokens. The clauses are
    drawn one by one to fit ``_compound_problem``'s rules; the one rule left to chance (and
    checked here) is that of a because-clause in the tense of its main clause (one time word)."""
    slots = _slots(links)
    ways, totals = _splits(slots, length - _overhead(links, sub_first))
    if not ways:
        return None
    lengths = ways[bisect.bisect_right(totals, rng.random() * totals[-1])]
    clauses: tuple[Meaning, ...] = ()
    people: frozenset[str] = frozenset()
    times: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    for (slot, ties), words in zip(_draw_plan(links), lengths):
        if ties:
            slot = _tied(slot, tuple((link, clauses[i].tense) for link, i in ties))
        drawn = _clause_of_length(rng, slot, words, people, times, nouns)
        if drawn is None:
            return None
        m, core = drawn
        clauses += (m,)
        people, nouns = people | core.people, nouns | core.nouns
        if m.time:
            times = times | {m.time}
    for link, i, j in _pairs(links):
        if (link == "because" and clauses[i].tense == clauses[j].tense and clauses[i].time
                and clauses[j].time):
            return None
    return Compound(clauses, links, sub_first)


# How lengths are drawn with max_clauses > 1: every 5-token bucket of English length (5-9,
# 10-14, ...) equally often, and within a bucket every length equally often, except where the
# grammar has few sentences: lengths 4 and 5 exist only as one clause (20 and 354 of them) and
# get a share in proportion, which the other lengths of their bucket make up. Among the clause
# counts that can make a length, the same rule shares out the draws.
_ENOUGH = 2000  # a (length, clause count) with at least this many sentences gets a full share
_JOINABLE = 0.01  # a rough share of clause tuples that the rules for joining them allow


@lru_cache(maxsize=None)
def _length_plan(max_clauses: int) -> dict[int, tuple[float, tuple[int, ...], tuple[float, ...]]]:
    """English length -> (its weight, the clause counts that make it, their weights)."""
    census = _census()
    plan = {}
    for length in range(1, 3 * max(census) + 10):
        ks, weights = [], []
        for k in range(1, max_clauses + 1):
            if k == 1:
                size = census.get(length, 0)
            else:
                size = _JOINABLE * sum(_split_total(_slots(shape[0]), length - _overhead(*shape))
                                       for shape in _SHAPES[k] if length in _shape_lengths(*shape))
            if size:
                ks.append(k)
                weights.append(min(1.0, size / _ENOUGH))
        if ks:
            plan[length] = (max(weights), tuple(ks), tuple(weights))
    buckets: dict[int, list[int]] = {}
    for length in plan:
        buckets.setdefault(max(length, 5) // 5, []).append(length)
    for lengths in buckets.values():
        scale = sum(1 for n in lengths if n >= 5) / sum(plan[n][0] for n in lengths)
        for n in lengths:
            plan[n] = (plan[n][0] * scale,) + plan[n][1:]
    return plan


def parallel(n: int, seed: int = 0, min_len: int | None = None,
             max_len: int | None = None, max_clauses: int = 1) -> list[Parallel]:
    """``n`` distinct parallel sentences (distinct in English), the same for the same arguments.

    ``min_len`` / ``max_len`` keep only sentences whose English has that many tokens (the final
    "." included). ``max_clauses=1`` (the default) gives one-clause sentences of 4 to 15 tokens,
    exactly as before compounds existed. ``max_clauses`` = 2 or 3 mixes in ``Compound``
    sentences of up to that many clauses, of 4 to 30 or 45 tokens: every 5-token bucket of
    English length (5-9, 10-14, ...) about equally full, and within a bucket every length
    (lengths 4 and 5 less: the grammar has only 20 and 354 of them). The clause count follows
    from the length: one clause up to 15 tokens, two from 9 to 30, three from 13 to 45, shared
    equally where they overlap. Raises ValueError when the grammar has fewer than ``n`` such
    sentences (with compounds, which are too many to count exactly: more than an upper bound,
    or more than turned up in a budget of 20 n + 10,000 draws).
    """
    n = _check_int("corpus.parallel", "n", n, minimum=1)
    seed = _check_seed("corpus.parallel", seed)
    min_len = _check_int("corpus.parallel", "min_len", min_len, minimum=1, optional=True)
    max_len = _check_int("corpus.parallel", "max_len", max_len, minimum=1, optional=True)
    max_clauses = _check_int("corpus.parallel", "max_clauses", max_clauses, 1, 3, rule="1, 2 or 3")
    lo, hi = min_len or 1, max_len or 10**9
    if lo > hi:
        raise ValueError(f"min_len={min_len} is greater than max_len={max_len}")
    if max_clauses > 1:
        counts = {ks for length, (_, ks, _) in _length_plan(max_clauses).items()
                  if lo <= length <= hi}
        if counts != {(1,)}:  # unless no compound fits the range
            return _parallel_compound(n, seed, min_len, max_len, lo, hi, max_clauses)
    return _parallel_one(n, seed, min_len, max_len, lo, hi)


def _parallel_one(n: int, seed: int, min_len, max_len, lo: int, hi: int) -> list[Parallel]:
    """One-clause sentences, as ``parallel`` drew them before compounds existed."""
    available = sum(c for length, c in _census().items() if lo <= length <= hi)
    if n > available:
        raise ValueError(
            f"the grammar has only {available} distinct sentences with min_len={min_len}, "
            f"max_len={max_len}; n={n} is too many"
        )
    rng = random.Random(f"parallel/{seed}/{min_len}/{max_len}")
    chosen: dict[tuple[str, ...], Meaning] = {}
    if 2 * n <= available:  # few of many: draw at random and drop repeats
        budget = 20 * n + 10_000
        for draws in range(1, budget + 1):
            m = _sample(rng)
            if lo <= _en_length(m) <= hi:
                chosen.setdefault(tuple(_en(m)), m)
                if len(chosen) == n:
                    break
            if draws % 5000 == 0 and len(chosen) * budget < n * draws:
                break  # a rare length range: this pace would not reach n in time
    if len(chosen) < n:  # many of all (or a narrow length range): one pass over the grammar
        chosen, left = {}, available
        for m in _meanings():
            if lo <= _en_length(m) <= hi:
                if rng.random() * left < n - len(chosen):  # selection sampling (Knuth's S)
                    chosen[tuple(_en(m))] = m
                left -= 1
        order = list(chosen.values())
        rng.shuffle(order)
        return [realise(m) for m in order]
    return [realise(m) for m in chosen.values()]


def _parallel_compound(n: int, seed: int, min_len, max_len, lo: int, hi: int,
                       max_clauses: int) -> list[Parallel]:
    """Sentences of 1 to ``max_clauses`` clauses: a length from ``_length_plan``, a clause count,
    then a sentence of exactly that length. Compounds are far too many to count (billions at
    most lengths), so repeats are dropped and a range too poor to give ``n`` is refused."""
    plan = {length: p for length, p in _length_plan(max_clauses).items() if lo <= length <= hi}
    if not plan:
        raise ValueError(f"the grammar has no sentences with min_len={min_len}, "
                         f"max_clauses={max_clauses}: the longest have {max(_length_plan(max_clauses))} "
                         f"tokens")
    # An upper bound: every one-clause sentence, and every tuple of clauses that fit their slots
    most = sum(_census().get(length, 0) + sum(
        _split_total(_slots(links), length - _overhead(links, sub_first))
        for k in range(2, max_clauses + 1) for links, sub_first in _SHAPES[k]
        if length in _shape_lengths(links, sub_first)) for length in plan)
    if n > most:
        raise ValueError(f"the grammar has at most {most} distinct sentences with "
                         f"min_len={min_len}, max_len={max_len}, max_clauses={max_clauses}; "
                         f"n={n} is too many")
    lengths = list(plan)
    totals = list(itertools.accumulate(plan[length][0] for length in lengths))
    rng = random.Random(f"parallel/{seed}/{min_len}/{max_len}/{max_clauses}")
    chosen: dict[tuple[str, ...], Meaning | Compound] = {}
    budget = 20 * n + 10_000
    draws = 0
    for draws in range(1, budget + 1):
        length = lengths[bisect.bisect_right(totals, rng.random() * totals[-1])]
        _, ks, weights = plan[length]
        k = ks[0] if len(ks) == 1 else rng.choices(ks, weights)[0]
        x: Meaning | Compound | None
        if k == 1:
            drawn = _clause_of_length(rng, _Slot(), length - 1)
            x = drawn and drawn[0]
            if x is not None and x.time is not None and rng.random() < 0.5:
                x = dataclasses.replace(x, time_first=True)
        else:
            x = _compound_of_length(rng, k, length)
        if x is not None:
            chosen.setdefault(tuple(_en(x) if k == 1 else _en_compound(x)), x)
            if len(chosen) == n:
                break
        if draws % 5000 == 0 and len(chosen) * budget < n * draws:
            break  # a poor length range: this pace would not reach n in time
    if len(chosen) < n:
        raise ValueError(f"n={n} is too many: only {len(chosen)} distinct sentences with "
                         f"min_len={min_len}, max_len={max_len}, max_clauses={max_clauses} "
                         f"turned up in {draws} draws; ask for fewer or widen the range")
    return [_realise(x, en) for en, x in chosen.items()]


def _covering() -> Iterator[Meaning]:
    """Meanings that together show every token of every language (for ``vocabulary``).

    A token depends on the core (subject, verb, object, tense, negation, determiner) with the
    adjective, on the place alone, or on the time word with the subject and ``time_first``
    (capitals, the Japanese comma); one witness of each is enough.
    """
    time_witness: dict[tuple[str, str], Meaning] = {}
    place_witness: dict[str, Meaning] = {}
    for subject, action, tense, negated, det, times in _cores():
        core = Meaning(subject, action.verb, action.object, det, None, None, times[0], tense, negated)
        for adjective in _adjectives(action.object):
            yield Meaning(subject, action.verb, action.object, det, adjective, None, times[0],
                          tense, negated)
        for t in times:
            if t is not None:
                time_witness.setdefault((subject, t), Meaning(**{**core.__dict__, "time": t}))
        for p in action.places:
            place_witness.setdefault(p, Meaning(**{**core.__dict__, "place": p}))
    for m in time_witness.values():
        yield m
        yield Meaning(**{**m.__dict__, "time_first": True})
    yield from place_witness.values()


def _roles(links: tuple[str, ...], sub_first: bool) -> list[tuple]:
    """How each clause of a sentence with these links is said: per language, the arguments
    the compound realisers give the clause realisers (English and German: whether the clause
    opens the sentence; German word order; Japanese marker and verb form; Chinese 的时候)."""
    units, coordinators = _units(links)
    roles: list[tuple] = [()] * (len(links) + 1)
    for k, u in enumerate(units):
        first = k == 0 and not sub_first
        after = coordinators[k] if k < len(coordinators) else None
        order = "inverted" if k == 0 and sub_first else "main"
        roles[u.head] = (first, (order, first), ("は", "te" if after == "and" else "polite"), False)
        if u.sub is not None:
            order = "preterite" if u.link == "when" else "final"
            roles[u.sub] = (False, (order, False), ("が", "plain"), u.link == "when")
    return roles


_ROLE_REALISERS = (
    lambda m, first: _capitalise(_en_clause(m)) if first else _en_clause(m),
    lambda m, role: _capitalise(_de_clause(m, role[0])) if role[1] else _de_clause(m, role[0]),
    lambda m, role: _ja_clause(m, *role),
    lambda m, when: _zh_clause(m, when),
)
# Partners for a witness clause: plain clauses that fit any place (no time, no negation).
_PARTNERS = tuple(Meaning(s, v, o, tense=t)
                  for v, o in (("drink", "tea"), ("eat", "meat"), ("read", "newspaper"))
                  for s in ("teacher", "doctor", "cook") for t in TENSES)


def _fitted(m: Meaning, slot: _Slot) -> Meaning | None:
    """``m`` as it may stand in ``slot`` (with another time word if only its time is wrong, as
    for "we read a book", which a compound says with "every day"), or None."""
    if (m.time_first or m.tense not in slot.tenses or (m.negated and not slot.negatable)
            or (not slot.cup and _OBJECTS[m.object].kind == "cup")):
        return None
    if _time_fits(slot, m.subject, m.verb, m.tense, m.time):
        return m
    fitting = [t for t in _times(m.subject, m.verb, m.tense, m.negated, m.det)
               if _time_fits(slot, m.subject, m.verb, m.tense, t)]
    return dataclasses.replace(m, time=fitting[0]) if fitting else None


def _complete(links: tuple[str, ...], sub_first: bool, i: int, m: Meaning) -> Compound | None:
    """A valid compound with ``m`` as ``clauses[i]`` and partners around it, or None."""
    partners = [p for p in _PARTNERS if p.subject != m.subject]
    for others in itertools.product(partners, repeat=len(links)):
        clauses = others[:i] + (m,) + others[i:]
        c = Compound(clauses, links, sub_first)
        if _compound_problem(c) is None:
            return c
    return None


def _compound_covering(max_clauses: int) -> list[Compound]:
    """Compounds that together show every token of sentences of up to ``max_clauses`` clauses.

    A clause's tokens depend on what it says and on how its place in the sentence makes each
    language say it (``_roles``, within the limits of ``_slots``). For each language, role and
    slot, every witness of ``_covering`` that fits and shows a token not yet seen is put in a
    sentence of its own with plain partners; one sentence per link sequence adds the links.
    """
    shapes = [(s, f) for s in LINK_SEQUENCES if len(s) < max_clauses
              for f in ((False, True) if s[0] in SUBORDINATORS else (False,))]
    places: dict[tuple, tuple] = {}
    for links, sub_first in shapes:
        for i, (slot, role) in enumerate(zip(_slots(links), _roles(links, sub_first))):
            for lang in range(len(LANGS)):
                places.setdefault((lang, role[lang], slot), (links, sub_first, i))
    witnesses = [m for m in _covering() if not m.time_first]
    out = [next(c for c in (_complete(links, sub_first, 0, m) for m in _PARTNERS) if c)
           for links, sub_first in shapes]
    fitted: dict[_Slot, list[Meaning]] = {}
    for slot in {slot for _, _, slot in places}:
        fitted[slot] = [m for m in (_fitted(m, slot) for m in witnesses) if m is not None]
    seen: list[set[str]] = [set() for _ in LANGS]
    for c in out:
        for tokens, words in zip(seen, _tokens(_realise(c))):
            tokens.update(words)
    for (lang, role, slot), (links, sub_first, i) in places.items():
        realiser = _ROLE_REALISERS[lang]
        for m in fitted[slot]:
            if not set(realiser(m, role)) <= seen[lang]:
                c = _complete(links, sub_first, i, m)
                if c is not None:
                    out.append(c)
                    for tokens, words in zip(seen, _tokens(_realise(c))):
                        tokens.update(words)
    return out


def _tokens(p: Parallel) -> tuple[tuple[str, ...], ...]:
    return tuple(getattr(p, lang) for lang in LANGS)


@lru_cache(maxsize=None)
def _vocabularies(max_clauses: int = 1) -> dict[str, tuple[str, ...]]:
    tokens: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for x in [*_covering(), *(_compound_covering(max_clauses) if max_clauses > 1 else [])]:
        p = realise(x)
        for lang in LANGS:
            tokens[lang].update(getattr(p, lang))
    return {lang: tuple(sorted(t)) for lang, t in tokens.items()}


def vocabulary(lang: str, max_clauses: int = 3) -> list[str]:
    """Every token ``parallel(..., max_clauses=max_clauses)`` can produce in ``lang``, sorted;
    the default, 3, covers every call."""
    lang = _check_lang("corpus.vocabulary", "lang", lang)
    max_clauses = _check_int("corpus.vocabulary", "max_clauses", max_clauses, 1, 3, rule="1, 2 or 3")
    return list(_vocabularies(max_clauses)[lang])


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Date:
    """One human-written date, its language and its ISO form (YYYY-MM-DD)."""

    text: str
    lang: str
    iso: str


_FIRST_DAY = datetime.date(1950, 1, 1)
_LAST_DAY = datetime.date(2049, 12, 31)
_REIWA = datetime.date(2019, 5, 1)  # 令和元年5月1日

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DE_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember")
# Short months are written out (März, Mai, Juni, Juli); the others are cut with a period.
_DE_MONTHS_SHORT = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
                    "Okt.", "Nov.", "Dez.")
_DE_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
_JA_WEEKDAYS = "月火水木金土日"
_ZH_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_ZH_DIGITS = "〇一二三四五六七八九"


def _zh_number(k: int) -> str:
    """1..31 in Chinese numerals: 十, 十一, 二十, 二十二, 三十一."""
    tens, ones = divmod(k, 10)
    return ((_ZH_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "")
            + (_ZH_DIGITS[ones] if ones else ""))


def _reiwa_year(d: datetime.date) -> str:
    year = d.year - 2018
    return "元" if year == 1 else str(year)


def _en_formats(d: datetime.date) -> list[str]:
    month, short = _EN_MONTHS[d.month - 1], _EN_MONTHS[d.month - 1][:3]
    return [f"{month} {d.day}, {d.year}", f"{d.day} {month} {d.year}", f"{short} {d.day}, {d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{_EN_WEEKDAYS[d.weekday()]}, {month} {d.day}, {d.year}"]


def _de_formats(d: datetime.date) -> list[str]:
    month = _DE_MONTHS[d.month - 1]
    return [f"{d.day}. {month} {d.year}", f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{_DE_WEEKDAYS[d.weekday()]}, {d.day}. {month} {d.year}",
            f"{d.day}. {_DE_MONTHS_SHORT[d.month - 1]} {d.year}"]


def _ja_formats(d: datetime.date) -> list[str]:
    plain = f"{d.year}年{d.month}月{d.day}日"
    out = [plain, f"{plain}（{_JA_WEEKDAYS[d.weekday()]}）"]
    if d >= _REIWA:
        out.append(f"令和{_reiwa_year(d)}年{d.month}月{d.day}日")
    return out


def _zh_formats(d: datetime.date) -> list[str]:
    plain = f"{d.year}年{d.month}月{d.day}日"
    year = "".join(_ZH_DIGITS[int(c)] for c in str(d.year))
    return [plain, f"{plain} {_ZH_WEEKDAYS[d.weekday()]}",
            f"{year}年{_zh_number(d.month)}月{_zh_number(d.day)}日"]


_DATE_FORMATS = {"en": _en_formats, "de": _de_formats, "ja": _ja_formats, "zh": _zh_formats}


def date_formats(day: datetime.date, lang: str) -> list[str]:
    """Every way ``dates`` may write ``day`` (a ``datetime.date``; of a ``datetime.datetime`` only
    its date counts) in ``lang``."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    if not isinstance(day, datetime.date):
        hint = (f"; for an ISO string pass datetime.date.fromisoformat({day!r})"
                if isinstance(day, str) else "")
        raise ValueError(f"corpus.date_formats: day must be a datetime.date, got {_got(day)}{hint}")
    lang = _check_lang("corpus.date_formats", "lang", lang)
    return _DATE_FORMATS[lang](day)


def dates(n: int, seed: int = 0, langs=LANGS) -> list[Date]:
    """``n`` random dates from 1950-01-01 to 2049-12-31, each written in one of ``langs``.

    The language, the day and the format are drawn per item. ``langs`` is a list or tuple of
    language codes (its order counts: ``("en", "de")`` and ``("de", "en")`` draw differently);
    a single code, ``langs="de"``, is taken as ``("de",)``.
    """
    n = _check_int("corpus.dates", "n", n, minimum=1)
    seed = _check_seed("corpus.dates", seed)
    expected = f"a list or tuple of language codes from {', '.join(LANGS)} (e.g. ['en'])"
    if isinstance(langs, str):
        if langs not in LANGS:
            raise ValueError(f"corpus.dates: langs must be {expected} or one such code, got {_got(langs)}")
        langs = (langs,)
    if not isinstance(langs, (list, tuple)):  # a set would draw in a different order per run
        raise ValueError(f"corpus.dates: langs must be {expected}, got {_got(langs)}")
    langs = tuple(langs)
    if not langs:
        raise ValueError(f"corpus.dates: langs must name at least one language: pass {expected}")
    unknown = [lang for lang in langs if not isinstance(lang, str) or lang not in LANGS]
    if unknown:
        raise ValueError(f"corpus.dates: langs must be drawn from {', '.join(LANGS)}, got unknown {unknown!r}")
    rng = random.Random(f"dates/{seed}/{','.join(langs)}")
    first, last = _FIRST_DAY.toordinal(), _LAST_DAY.toordinal()
    out = []
    for _ in range(n):
        lang = rng.choice(langs)
        day = datetime.date.fromordinal(rng.randint(first, last))
        out.append(Date(rng.choice(_DATE_FORMATS[lang](day)), lang, day.isoformat()))
    return out
