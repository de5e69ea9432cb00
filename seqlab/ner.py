"""Named-entity recognition data, generated on the spot from small grammars (no downloads).

Sentences in en/de/ja/zh, already split into words, with one BIO tag per token over three
entity types: PER (people), LOC (places: cities, countries, rivers) and ORG (companies, banks,
universities). Seeded and identical on every machine.

- ``Tagged``: one sentence, its ``tokens`` and its ``tags`` (two tuples of the same length).
- ``sentences(n, lang, seed)``: ``n`` distinct generated sentences.
- ``entities(tags)``: the ``(type, start, end)`` spans of a BIO sequence (conlleval rules).
- ``entity_f1(true_tags_list, pred_tags_list)``: entity-level precision, recall and F1,
  micro-averaged (exact span and type match).
- ``TAGS`` and ``vocabulary(lang)``: the tag set and every token a language can produce.

The parts, in reading order:

- the lexicons (``_EN``, ``_DE``, ``_JA``, ``_ZH``): first names, surnames, cities, countries,
  rivers, companies and universities that look native in each language, a few names shared
  across languages in their own script (Berlin, ベルリン, 柏林), and deliberate clashes so that a
  token's tag depends on its context: "Ford" the person and the company, "Paris" the person and
  the city, 豊田 the surname and the city, 李宁 the person and the company, "Main" the river and
  the I-LOC in "Frankfurt am Main", 日本 the country and the B-ORG of 日本 銀行;
- the templates (``_TEMPLATES``): 9 sentence frames per language with ``{slot}`` or
  ``{slot:form}`` holes (German picks its article and adjective ending by case: "bei der
  Deutschen Bank", "die Deutsche Bank", "an der Donau", "am Rhein"; English adds "the" where an
  organisation needs it; Japanese and Chinese may add an honorific, tagged O: 山田 さん, 王 女士);
- ``_render`` and ``_realise``: one template and its fillers in, one ``Tagged`` out;
- ``_sample``, ``sentences`` and ``vocabulary``;
- ``entities`` and ``entity_f1``.

Japanese words are split the way a short-unit tokenizer (UniDic) splits them: 山田 太郎,
東京 大学, 信濃 川, 働いて います; Chinese words the way jieba does: 张伟, 北京 大学, 长江.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from . import LANGS

__all__ = ["Tagged", "TAGS", "sentences", "vocabulary", "entities", "entity_f1"]

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")


@dataclass(frozen=True)
class Tagged:
    """One generated sentence: its tokens and one BIO tag per token."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def _t(*names: str) -> tuple[tuple[str, ...], ...]:
    """Names written with spaces between their tokens -> tuples of tokens."""
    return tuple(tuple(name.split()) for name in names)


# ---------------------------------------------------------------------------------------------
# The lexicons
# ---------------------------------------------------------------------------------------------
# Keys: first, last (surnames), city, country, river, org, uni, honorifics; English also
# "articled" (organisations that take "the"), German "de_river" (the dative preposition of each
# river: am Rhein, an der Donau) and "de_org" (article and dative form of each organisation).

_EN = dict(
    first=_t("Anna", "James", "Emily", "Michael", "Sarah", "David", "Olivia", "Daniel", "Grace",
             "Thomas", "Laura", "Henry", "Paris", "Jordan", "Georgia", "Sydney", "Florence",
             "Austin", "Chelsea"),
    last=_t("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Harris",
            "Ford", "Morgan", "Washington", "Lincoln", "Dell", "Schmidt", "Tanaka", "Chen"),
    city=_t("London", "Paris", "Berlin", "Tokyo", "New York", "San Francisco", "Sydney",
            "Florence", "Austin", "Washington", "Lincoln", "Boston", "Chicago", "Manchester",
            "Toronto", "Munich", "Beijing", "Oxford"),
    country=_t("Japan", "Germany", "France", "China", "Canada", "Italy", "Spain", "Jordan",
               "Georgia", "Brazil", "India", "Kenya", "Mexico", "New Zealand", "South Korea",
               "Chad"),
    river=_t("Thames", "Rhine", "Danube", "Nile", "Amazon", "Seine", "Hudson", "Mississippi",
             "Yangtze", "Mekong", "Jordan", "Shannon", "Severn", "Ganges", "Volga", "Elbe"),
    org=_t("Ford", "Amazon", "Apple", "Google", "Microsoft", "Siemens", "Toyota", "Sony", "Dell",
           "Boeing", "Porsche", "Tesla", "Huawei", "Morgan Stanley", "General Motors",
           "Goldman Sachs", "Bank of Japan", "Bank of England", "World Bank",
           "European Central Bank", "Red Cross"),
    uni=_t("Harvard University", "Stanford University", "Yale University", "Princeton University",
           "Boston University", "Washington University", "Peking University", "MIT",
           "Imperial College London", "University of Oxford", "University of Tokyo",
           "Technical University of Munich", "University of Chicago", "Humboldt University",
           "Kyoto University"),
    articled=frozenset(_t("Bank of Japan", "Bank of England", "World Bank",
                          "European Central Bank", "Red Cross", "University of Oxford",
                          "University of Tokyo", "Technical University of Munich",
                          "University of Chicago")),
    honorifics=(),
)

# German organisations: nominative name -> (article or None, dative name). Every organisation
# with an article is feminine (Bank, Bahn, Universität, ...), so the article is "die" in the
# nominative and accusative and "der" in the dative; only the adjective ending changes.
_DE_ORG = {
    **{name: (None, name) for name in _t(
        "Siemens", "Porsche", "Bosch", "Daimler", "BMW", "SAP", "Adidas", "Lufthansa",
        "Volkswagen", "Audi", "Bayer", "Henkel", "Miele", "Allianz")},
    **{_t(nom)[0]: ("die", _t(dat)[0]) for nom, dat in [
        ("Deutsche Bank", "Deutschen Bank"), ("Deutsche Bahn", "Deutschen Bahn"),
        ("Deutsche Telekom", "Deutschen Telekom"), ("Commerzbank", "Commerzbank"),
        ("Deutsche Bundesbank", "Deutschen Bundesbank"),
        ("Europäische Zentralbank", "Europäischen Zentralbank"),
        ("Universität Heidelberg", "Universität Heidelberg"),
        ("Technische Universität München", "Technischen Universität München"),
        ("Freie Universität Berlin", "Freien Universität Berlin"),
        ("Universität Hamburg", "Universität Hamburg"), ("Universität zu Köln", "Universität zu Köln"),
        ("Humboldt-Universität zu Berlin", "Humboldt-Universität zu Berlin"),
        ("Universität Leipzig", "Universität Leipzig"),
        ("Ludwig-Maximilians-Universität München", "Ludwig-Maximilians-Universität München"),
        ("Technische Universität Dresden", "Technischen Universität Dresden"),
        ("Universität Wien", "Universität Wien"), ("ETH Zürich", "ETH Zürich"),
        ("Universität Bonn", "Universität Bonn"),
        ("Universität Stuttgart", "Universität Stuttgart"),
        ("Universität Mannheim", "Universität Mannheim"), ("Universität Tokio", "Universität Tokio"),
        ("Goethe-Universität Frankfurt", "Goethe-Universität Frankfurt")]},
}
_DE = dict(
    first=_t("Anna", "Lukas", "Maria", "Jonas", "Sophie", "Felix", "Lena", "Paul", "Laura",
             "Leon", "Hannah", "Maximilian", "Julia", "Tobias", "Klara", "Ferdinand", "Robert",
             "Werner"),
    last=_t("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
            "Hoffmann", "Schulz", "Richter", "Porsche", "Bosch", "Daimler", "von Siemens",
            "Bayer"),
    city=_t("Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart",
            "Düsseldorf", "Leipzig", "Dresden", "Heidelberg", "Bremen", "Nürnberg", "Hannover",
            "Essen", "Bonn", "Wien", "Zürich", "Paris", "Tokio", "Peking"),
    country=_t("Deutschland", "Österreich", "Frankreich", "Italien", "Spanien", "Japan", "China",
               "Polen", "Schweden", "Norwegen", "Kanada", "Brasilien", "Indien", "Russland",
               "Ägypten", "Dänemark"),
    river=_t("Rhein", "Main", "Neckar", "Inn", "Nil", "Donau", "Elbe", "Spree", "Isar", "Weser",
             "Mosel", "Oder", "Saale", "Themse", "Seine", "Wolga"),
    de_river={**{r: ("am",) for r in _t("Rhein", "Main", "Neckar", "Inn", "Nil")},
              **{r: ("an", "der") for r in _t("Donau", "Elbe", "Spree", "Isar", "Weser", "Mosel",
                                               "Oder", "Saale", "Themse", "Seine", "Wolga")}},
    org=tuple(name for name in _DE_ORG if not any("Universität" in w or w == "ETH" for w in name)),
    uni=tuple(name for name in _DE_ORG if any("Universität" in w or w == "ETH" for w in name)),
    honorifics=(),
)

_JA = dict(
    # Native given names, and foreign ones in katakana (used alone, with さん).
    first=_t("太郎", "花子", "健", "翔太", "美咲", "陽子", "大輔", "直子", "誠", "恵", "明美",
             "拓也", "由美", "アンナ", "トーマス", "マリア", "ルーカス", "エミリー"),
    last=_t("佐藤", "鈴木", "高橋", "田中", "山田", "渡辺", "伊藤", "中村", "小林", "加藤", "山本",
            "松本", "豊田", "本田", "松下", "三井"),
    city=_t("東京", "大阪", "京都", "横浜", "名古屋", "札幌", "福岡", "神戸", "仙台", "広島", "奈良",
            "豊田", "ベルリン", "パリ", "ロンドン", "ニューヨーク", "北京", "ミュンヘン"),
    country=_t("日本", "中国", "韓国", "ドイツ", "フランス", "アメリカ", "イギリス", "イタリア",
               "スペイン", "カナダ", "ブラジル", "インド", "オーストラリア", "タイ", "ベトナム"),
    river=_t("信濃 川", "利根 川", "石狩 川", "木曽 川", "多摩 川", "鴨 川", "四万十 川", "淀 川",
             "隅田 川", "ライン 川", "ドナウ 川", "ナイル 川", "セーヌ 川", "テムズ 川", "長江"),
    org=_t("トヨタ", "ソニー", "任天堂", "パナソニック", "ホンダ", "日立", "東芝", "楽天", "ユニクロ",
           "日産", "シーメンス", "トヨタ 自動車", "三菱 商事", "三井 物産", "松下 電器", "日本 銀行",
           "本田 技研 工業"),
    uni=_t("東京 大学", "京都 大学", "大阪 大学", "名古屋 大学", "東北 大学", "九州 大学",
           "北海道 大学", "早稲田 大学", "慶應 義塾 大学", "一橋 大学", "筑波 大学", "神戸 大学",
           "広島 大学", "豊田 工業 大学", "フンボルト 大学"),
    honorifics=("さん",),
)

_ZH = dict(
    # Full Chinese names are one token (as jieba keeps them); with an honorific only the surname
    # is used (王 女士). Foreign names: one token, or given name · surname.
    first=_t("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴刚",
             "李宁", "孙丽", "马超", "郭明", "安娜", "托马斯", "玛丽亚"),
    last=_t("施密特", "穆勒", "史密斯", "福特", "琼斯"),
    surname=_t("张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "郭"),
    city=_t("北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "重庆", "武汉", "西安", "天津",
            "苏州", "柏林", "东京", "巴黎", "伦敦", "纽约", "慕尼黑"),
    country=_t("中国", "日本", "德国", "法国", "美国", "英国", "意大利", "西班牙", "加拿大", "巴西",
               "印度", "韩国", "澳大利亚", "俄罗斯", "泰国"),
    river=_t("长江", "黄河", "珠江", "淮河", "汉江", "松花江", "湘江", "钱塘江", "漓江", "莱茵河",
             "多瑙河", "尼罗河", "塞纳河", "泰晤士河", "密西西比河"),
    org=_t("华为", "阿里巴巴", "腾讯", "百度", "小米", "联想", "比亚迪", "海尔", "京东", "李宁",
           "西门子", "丰田", "福特", "中国 银行", "中国 移动", "中国 人民 银行", "重庆 银行",
           "上海 汽车"),
    uni=_t("北京 大学", "清华 大学", "复旦 大学", "浙江 大学", "南京 大学", "武汉 大学",
           "中山 大学", "同济 大学", "上海 交通 大学", "中国 人民 大学", "四川 大学", "厦门 大学",
           "南开 大学", "东京 大学", "柏林 自由 大学"),
    honorifics=("先生", "女士"),
)

_LEX = {"en": _EN, "de": _DE, "ja": _JA, "zh": _ZH}

_TYPE = {"per": "PER", "city": "LOC", "country": "LOC", "river": "LOC", "org": "ORG", "uni": "ORG"}

# ---------------------------------------------------------------------------------------------
# The templates
# ---------------------------------------------------------------------------------------------
# "{kind}" or "{kind2}" (a second, different filler of the same kind) or "{kind:form}".
# German forms: nom (sentence start: "Die Deutsche Bank"), acc ("die Deutsche Bank"), dat
# ("der Deutschen Bank"; rivers: "am Rhein", "an der Donau").

_TEMPLATES = {
    "en": (
        "{per} works for {org} in {city} .",
        "{per} comes from {city} .",
        "{per} studies at {uni} .",
        "{org} opened a new office in {city} .",
        "Yesterday {per} flew to {country} .",
        "{per} went swimming in the {river} .",
        "{per} met {per2} in {city} .",
        "{per} left {org} last year .",
        "{per} lives in {country} .",
    ),
    "de": (
        "{per} arbeitet bei {org:dat} in {city} .",
        "{per} kommt aus {city} .",
        "{per} studiert an {uni:dat} .",
        "{org:nom} eröffnet ein neues Büro in {city} .",
        "Gestern ist {per} nach {country} geflogen .",
        "{per} macht Urlaub {river:dat} .",
        "In {city} trifft sich {per} mit {per2} .",
        "{per} hat letztes Jahr {org:acc} verlassen .",
        "{per} lebt seit Jahren in {country} .",
    ),
    "ja": (
        "{per} は {city} の {org} で 働いて います 。",
        "{per} は {city} 出身 です 。",
        "{per} は {uni} で 勉強 して います 。",
        "{org} は {city} に 新しい 事務所 を 開きました 。",
        "{per} は 昨日 {country} に 行きました 。",
        "{per} は 去年 の 夏 {river} で 泳ぎました 。",
        "{per} は {city} で {per2} に 会いました 。",
        "{per} は 去年 {org} を 辞めました 。",
        "{per} は {country} に 住んで います 。",
    ),
    "zh": (
        "{per} 在 {city} 的 {org} 工作 。",
        "{per} 来自 {city} 。",
        "{per} 在 {uni} 读书 。",
        "{org} 在 {city} 开设 了 新 的 办事处 。",
        "{per} 昨天 去 了 {country} 。",
        "{per} 去年 夏天 在 {river} 游泳 。",
        "{per} 在 {city} 见到 了 {per2} 。",
        "{per} 去年 离开 了 {org} 。",
        "{per} 住 在 {country} 。",
    ),
}


def _slot(part: str) -> tuple[str, str, str | None] | None:
    """'{org:dat}' -> ('org', 'org', 'dat'); '{per2}' -> ('per2', 'per', None); a word -> None."""
    if not (part.startswith("{") and part.endswith("}")):
        return None
    name, _, form = part[1:-1].partition(":")
    return name, name.rstrip("2"), form or None


# ---------------------------------------------------------------------------------------------
# Realising a template
# ---------------------------------------------------------------------------------------------

def _bio(tokens, label: str) -> list[tuple[str, str]]:
    return [(tok, ("B-" if i == 0 else "I-") + label) for i, tok in enumerate(tokens)]


def _render(lang: str, kind: str, form: str | None, value: tuple[str, ...],
            honorific: str | None, first: bool) -> list[tuple[str, str]]:
    """One filler as (token, tag) pairs: the entity's tokens plus its articles, prepositions
    or honorific (tagged O). ``first``: the filler opens the sentence (capitalise an article)."""
    lex = _LEX[lang]
    prefix: tuple[str, ...] = ()
    tokens = value
    if lang == "en" and value in lex["articled"]:
        prefix = ("the",)
    if lang == "de" and kind in ("org", "uni"):
        article, dative = _DE_ORG[value]
        if form == "dat":
            prefix, tokens = (("der",) if article else ()), dative
        elif article:
            prefix = (article,)
    if lang == "de" and kind == "river":
        prefix = lex["de_river"][value]
    if first and prefix:
        prefix = (prefix[0].capitalize(),) + prefix[1:]
    out = [(w, "O") for w in prefix] + _bio(tokens, _TYPE[kind])
    if honorific:
        out.append((honorific, "O"))
    return out


def _realise(lang: str, template: int, **fillers: str) -> Tagged:
    """Fill template ``template`` of ``lang`` with fixed choices, each written with spaces
    between its tokens: ``_realise("ja", 0, per="山田 さん", city="東京", org="トヨタ")``.
    A person may end with one of the language's honorifics (tagged O)."""
    if lang not in _LEX:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    templates = _TEMPLATES[lang]
    if not isinstance(template, int) or not 0 <= template < len(templates):
        raise ValueError(f"template must be an int from 0 to {len(templates) - 1}, got {template!r}")
    parts = templates[template].split()
    slots = {s[0] for s in map(_slot, parts) if s}
    if set(fillers) != slots:
        raise ValueError(f"template {template} of {lang} needs fillers {sorted(slots)}, "
                         f"got {sorted(fillers)}")
    lex = _LEX[lang]
    parsed = {}
    for name, text in fillers.items():
        kind = name.rstrip("2")
        value, honorific = tuple(text.split()), None
        if kind == "per":
            if value and value[-1] in lex["honorifics"]:
                value, honorific = value[:-1], value[-1]
            parts_ok = {w for name_ in lex["first"] + lex["last"] + lex.get("surname", ()) for w in name_}
            ok = bool(value) and all(w in parts_ok or w == "·" for w in value)
        else:
            ok = value in lex[kind]
        if not ok:
            raise ValueError(f"{name}={text!r} is not a {kind} of the {lang} lexicon")
        parsed[name] = (value, honorific)
    return _fill(lang, parts, parsed)


def _fill(lang: str, parts: list[str], parsed: dict) -> Tagged:
    pairs: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        slot = _slot(part)
        if slot is None:
            pairs.append((part, "O"))
        else:
            name, kind, form = slot
            value, honorific = parsed[name]
            pairs += _render(lang, kind, form, value, honorific, first=(i == 0))
    return Tagged(tuple(w for w, _ in pairs), tuple(t for _, t in pairs))


# ---------------------------------------------------------------------------------------------
# Sampling
# ---------------------------------------------------------------------------------------------

def _person(lang: str, rng: random.Random) -> tuple[tuple[str, ...], str | None]:
    """A person as (name tokens, honorific or None), in the ways the language names people."""
    lex = _LEX[lang]
    r = rng.random()
    if lang in ("en", "de"):
        if r < 0.35:
            return rng.choice(lex["first"]), None
        return rng.choice(lex["first"]) + rng.choice(lex["last"]), None
    if lang == "ja":
        native = lex["first"][:13]  # 太郎 ... 由美; the rest are foreign and used alone
        if r < 0.3:
            return rng.choice(lex["last"]) + rng.choice(native), None
        if r < 0.6:
            return rng.choice(lex["last"]), "さん"
        if r < 0.8:
            return rng.choice(lex["first"]), "さん"
        return rng.choice(lex["last"]) + rng.choice(native), "さん"
    # zh
    if r < 0.5:
        return rng.choice(lex["first"]), None
    if r < 0.8:
        return rng.choice(lex["surname"]), rng.choice(lex["honorifics"])
    return rng.choice(lex["first"][-3:]) + ("·",) + rng.choice(lex["last"]), None


def _sample(lang: str, rng: random.Random) -> Tagged:
    parts = rng.choice(_TEMPLATES[lang]).split()
    parsed: dict = {}
    for part in parts:
        slot = _slot(part)
        if slot is None:
            continue
        name, kind, _ = slot
        while True:
            value = _person(lang, rng) if kind == "per" else (rng.choice(_LEX[lang][kind]), None)
            if name.endswith("2") and value[0] == parsed[kind][0]:
                continue  # "Anna met Anna": draw again
            break
        parsed[name] = value
    return _fill(lang, parts, parsed)


def sentences(n: int, lang: str = "en", seed: int = 0) -> list[Tagged]:
    """``n`` distinct generated sentences in ``lang`` with BIO tags over PER, LOC and ORG."""
    if lang not in _LEX:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive int, got {n!r}")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(f"seed must be an int, got {seed!r}")
    rng = random.Random(f"ner/{lang}/{seed}")
    seen: dict[tuple[str, ...], Tagged] = {}
    for _ in range(50 * n):
        s = _sample(lang, rng)
        seen.setdefault(s.tokens, s)
        if len(seen) == n:
            return list(seen.values())
    raise ValueError(f"the {lang} grammar gave fewer than n={n} distinct sentences; "
                     f"ask for fewer (found {len(seen)})")


@lru_cache(maxsize=None)
def _vocabularies() -> dict[str, tuple[str, ...]]:
    out = {}
    for lang, lex in _LEX.items():
        words: set[str] = set(lex["honorifics"]) | {"·"}
        for names in (lex["first"], lex["last"], lex.get("surname", ())):
            words.update(w for name in names for w in name)
        for template in _TEMPLATES[lang]:
            for i, part in enumerate(template.split()):
                slot = _slot(part)
                if slot is None:
                    words.add(part)
                elif slot[1] != "per":
                    for value in lex[slot[1]]:
                        words.update(w for w, _ in _render(lang, slot[1], slot[2], value, None, i == 0))
        out[lang] = tuple(sorted(words))
    return out


def vocabulary(lang: str) -> list[str]:
    """Every token that ``sentences`` can produce in ``lang``, sorted."""
    if lang not in _LEX:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return list(_vocabularies()[lang])


# ---------------------------------------------------------------------------------------------
# Entities and their F1
# ---------------------------------------------------------------------------------------------

def _split(tag) -> tuple[str, str | None]:
    if tag == "O":
        return "O", None
    if isinstance(tag, str) and tag[:2] in ("B-", "I-") and len(tag) > 2:
        return tag[0], tag[2:]
    raise ValueError(f"tags must be 'O', 'B-TYPE' or 'I-TYPE', got {tag!r}")


def entities(tags) -> set[tuple[str, int, int]]:
    """The entities of a BIO sequence as ``(type, start, end)`` spans, ``end`` exclusive.

    An I-X that does not continue an entity of type X (after O, after another type, or at the
    start) opens a new entity, as conlleval counts it.
    """
    if isinstance(tags, str):
        raise ValueError(f"tags must be a sequence of tags, not one string: {tags!r}")
    spans = set()
    start, kind = None, None
    tags = list(tags)
    for i, tag in enumerate(tags + ["O"]):
        prefix, t = _split(tag)
        if start is not None and (prefix in ("O", "B") or t != kind):
            spans.add((kind, start, i))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, t
    return spans


def entity_f1(true_tags_list, pred_tags_list) -> dict:
    """Entity-level precision, recall and F1, micro-averaged over all sentences.

    An entity counts as found only if its span and type match exactly. A score whose
    denominator is 0 (no predicted entities, no true entities) is 0.0.
    """
    true_tags_list, pred_tags_list = list(true_tags_list), list(pred_tags_list)
    if len(true_tags_list) != len(pred_tags_list):
        raise ValueError(f"true_tags_list and pred_tags_list must have the same length, got "
                         f"{len(true_tags_list)} and {len(pred_tags_list)}")
    tp = n_true = n_pred = 0
    for i, (true, pred) in enumerate(zip(true_tags_list, pred_tags_list)):
        if isinstance(true, str) or isinstance(pred, str):
            raise ValueError("true_tags_list and pred_tags_list must hold one tag sequence per "
                             f"sentence, got a string at index {i}")
        true, pred = list(true), list(pred)
        if len(true) != len(pred):
            raise ValueError(f"sentence {i}: {len(true)} true tags but {len(pred)} predicted tags")
        t, p = entities(true), entities(pred)
        tp, n_true, n_pred = tp + len(t & p), n_true + len(t), n_pred + len(p)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
