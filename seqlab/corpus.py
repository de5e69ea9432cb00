"""Parallel data for the translation chapters, generated on the spot from small grammars.

Two generators, both seeded and identical on every machine (no downloads, no framework):

- ``parallel``: one abstract meaning per item (who does what to what, where, when, in which
  tense, negated or not), realised by the grammar of each language in en/de/ja/zh. Nothing is
  translated word by word: German moves the verb (verb-second, Perfekt participle at the end)
  and chooses between "kein" and "nicht", Japanese puts the verb last and marks roles with
  particles, Chinese adds measure words and 了/没. Sentences run from 4 to 15 English tokens, so
  an encoder that squeezes the whole source into one vector shows its bottleneck on the long
  ones. ``vocabulary(lang)`` lists every token the grammar can produce in a language, and
  ``realise(Meaning(...))`` says one meaning of your choice in all four languages.
- ``dates``: human-written dates ("Sunday, November 22, 2026", "22. Nov. 2026",
  "令和8年11月22日", "二〇二六年十一月二十二日") with their ISO form ("2026-11-22"): the classic
  sequence-to-sequence toy task for attention. ``date_formats(day, lang)`` lists every way a
  day may be written.

The parts of ``parallel``, in reading order:

- the lexicon (``_SUBJECTS``, ``_VERBS``, ``_OBJECTS``, ``_ADJECTIVES``, ``_PLACES``,
  ``_TIMES``): each entry carries its words in all four languages plus what the grammars need
  (person, German gender, Chinese measure word, Japanese verb stem);
- ``_ACTIONS``: which verb goes with which object, for whom, where, and in which tenses;
- the option functions (``_actions``, ``_negations``, ``_times``, ...): what a meaning may combine,
  shared by the sampler, the census that counts the sentences and ``realise``'s checks;
- ``Meaning`` and ``realise``: one meaning in, one ``Parallel`` (four token tuples) out, through
  ``_en``, ``_de``, ``_ja`` and ``_zh``;
- ``parallel`` and ``vocabulary``: sampling distinct meanings and listing the tokens.

Distinct meanings give distinct English sentences: the one place where English would blur two
meanings ("I read a book": present or past?) is left out of the grammar (the past of "read"
with a subject other than he/she/it needs "yesterday" or "last week").
"""
from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, NamedTuple

from . import LANGS

__all__ = ["Parallel", "Meaning", "realise", "parallel", "vocabulary", "Date", "dates", "date_formats"]


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


_VERBS = {
    "read": _Verb(("read", "reads", "read"), ("lesen", "lese", "liest", "gelesen"), "読み", "看"),
    "write": _Verb(("write", "writes", "wrote"),
                   ("schreiben", "schreibe", "schreibt", "geschrieben"), "書き", "写"),
    "eat": _Verb(("eat", "eats", "ate"), ("essen", "esse", "isst", "gegessen"), "食べ", "吃"),
    "drink": _Verb(("drink", "drinks", "drank"),
                   ("trinken", "trinke", "trinkt", "getrunken"), "飲み", "喝"),
    "buy": _Verb(("buy", "buys", "bought"), ("kaufen", "kaufe", "kauft", "gekauft"), "買い", "买"),
    "watch": _Verb(("watch", "watches", "watched"), ("sehen", "sehe", "sieht", "gesehen"), "見", "看"),
    # "see" is used in the past only: Chinese 看见 is an achievement verb (看见了 / 没看见), and a
    # present "sees a dog" has no natural Chinese counterpart.
    "see": _Verb(("see", "sees", "saw"), ("sehen", "sehe", "sieht", "gesehen"), "見", "看见"),
}
# Animals do not "essen" in German, they "fressen".
_DE_ANIMAL_EAT = ("fressen", "fresse", "frisst", "gefressen")
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


def _en(m: Meaning) -> list[str]:
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
        words = time + list(s.en) + verb + obj + place
    else:
        words = list(s.en) + verb + obj + place + time
    return _capitalise(words) + ["."]


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


def _de(m: Meaning) -> list[str]:
    s, v, o = _SUBJECTS[m.subject], _VERBS[m.verb], _OBJECTS[m.object]
    forms = _DE_ANIMAL_EAT if (m.verb == "eat" and s.animal) else v.de
    infinitive, first, third, participle = forms
    person = s.person
    present = {"1sg": first, "3sg": third, "1pl": infinitive, "3pl": infinitive}[person]
    if m.tense == "past":  # Perfekt: haben + participle at the end of the clause
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
    # follows the definite object and precedes the place and the verb at the end.
    nicht = ["nicht"] if (m.negated and definite) else []
    place = list(_PLACES[m.place].de) if m.place else []
    time = list(_TIMES[m.time].de) if m.time else []
    # Middle field: definite object (known information) early, indefinite object (new
    # information) after the adverbials; time before place.
    early, late = (obj, []) if definite else ([], obj)
    if m.time_first:  # verb second: the time takes the first place, the subject follows the verb
        words = time + [finite] + list(s.de) + early + nicht + place + late + final
    else:
        words = list(s.de) + [finite] + early + time + nicht + place + late + final
    return _capitalise(words) + ["."]


def _ja(m: Meaning) -> list[str]:
    s, v, o = _SUBJECTS[m.subject], _VERBS[m.verb], _OBJECTS[m.object]
    # Polite style (です/ます) throughout; Japanese has no future form: 明日読みます.
    suffix = {("present", False): "ます", ("present", True): "ません",
              ("past", False): "ました", ("past", True): "ませんでした",
              ("future", False): "ます", ("future", True): "ません"}[m.tense, m.negated]
    det = {"indefinite": [], "definite": ["その"], "demonstrative": ["この"]}[m.det]
    if (m.adjective, m.object) in _JA_FUSED:
        noun = list(_JA_FUSED[m.adjective, m.object])
    else:
        noun = ([_ADJECTIVES[m.adjective].ja] if m.adjective else []) + [o.ja]
    obj = det + noun + ["を"] + (["一杯"] if o.kind == "cup" else [])
    place = [_PLACES[m.place].ja, "で"] if m.place else []
    time = list(_TIMES[m.time].ja) if m.time else []
    topic = [s.ja, "は"]
    if m.time_first:
        words = time + ["、"] + topic + place + obj
    else:
        words = topic + time + place + obj
    return words + [v.ja + suffix, "。"]


def _zh(m: Meaning) -> list[str]:
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
    elif o.kind == "count" and m.tense in ("past", "future") and not m.negated:
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
    if m.tense == "past" and not m.negated:
        # 了 follows the verb before a counted object (看了一本书) and closes the sentence after
        # a bare one (喝茶了), where V了+bare noun would sound unfinished.
        if counted:
            verb.append("了")
        else:
            tail = ["了"]
    place = ["在"] + list(_PLACES[m.place].zh) if m.place else []
    time = list(_TIMES[m.time].zh) if m.time else []
    if m.time_first:
        words = time + list(s.zh) + aux + place + verb + obj + tail
    else:
        words = list(s.zh) + time + aux + place + verb + obj + tail
    return words + ["。"]


def realise(meaning: Meaning) -> Parallel:
    """The four sentences that express ``meaning``; ValueError if the grammar cannot say it."""
    if not isinstance(meaning, Meaning):
        raise ValueError(f"meaning must be a Meaning, got {type(meaning).__name__}")
    _check(meaning)
    return Parallel(*(tuple(f(meaning)) for f in (_en, _de, _ja, _zh)))


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


def _check_len(name: str, value) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ValueError(f"{name} must be None or a positive int, got {value!r}")


def parallel(n: int, seed: int = 0, min_len: int | None = None,
             max_len: int | None = None) -> list[Parallel]:
    """``n`` distinct parallel sentences (distinct in English), the same for the same arguments.

    ``min_len`` / ``max_len`` keep only sentences whose English has that many tokens (the final
    "." included). Raises ValueError when the grammar has fewer than ``n`` such sentences.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(f"seed must be an int, got {seed!r}")
    _check_len("min_len", min_len)
    _check_len("max_len", max_len)
    lo, hi = min_len or 1, max_len or 10**9
    if lo > hi:
        raise ValueError(f"min_len={min_len} is greater than max_len={max_len}")
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


@lru_cache(maxsize=None)
def _vocabularies() -> dict[str, tuple[str, ...]]:
    tokens: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for m in _covering():
        p = realise(m)
        for lang in LANGS:
            tokens[lang].update(getattr(p, lang))
    return {lang: tuple(sorted(t)) for lang, t in tokens.items()}


def vocabulary(lang: str) -> list[str]:
    """Every token the grammar of ``parallel`` can produce in ``lang``, sorted."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return list(_vocabularies()[lang])


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
    """Every way ``dates`` may write ``day`` in ``lang``."""
    if lang not in _DATE_FORMATS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return _DATE_FORMATS[lang](day)


def dates(n: int, seed: int = 0, langs=LANGS) -> list[Date]:
    """``n`` random dates from 1950-01-01 to 2049-12-31, each written in one of ``langs``.

    The language, the day and the format are drawn per item; ``langs`` may also be a single
    language code.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(f"seed must be an int, got {seed!r}")
    if isinstance(langs, str):
        langs = (langs,)
    langs = tuple(langs)
    if not langs:
        raise ValueError("langs must name at least one language")
    unknown = [lang for lang in langs if lang not in _DATE_FORMATS]
    if unknown:
        raise ValueError(f"langs must be drawn from {', '.join(LANGS)}, got unknown {unknown!r}")
    rng = random.Random(f"dates/{seed}/{','.join(langs)}")
    first, last = _FIRST_DAY.toordinal(), _LAST_DAY.toordinal()
    out = []
    for _ in range(n):
        lang = rng.choice(langs)
        day = datetime.date.fromordinal(rng.randint(first, last))
        out.append(Date(rng.choice(_DATE_FORMATS[lang](day)), lang, day.isoformat()))
    return out
