"""Named-entity recognition data, generated on the spot from small grammars (no downloads).

Sentences in en/de/ja/zh, already split into words, with one BIO tag per token over three
entity types: PER (people), LOC (places: cities, countries, rivers) and ORG (companies, banks,
universities). Seeded and identical on every machine.

- ``Tagged``: one sentence, its ``tokens`` and its ``tags`` (two tuples of the same length).
- ``sentences(n, lang, seed, ambiguous=0.0)``: ``n`` distinct generated sentences, of which
  the fraction ``ambiguous`` (``round(ambiguous * n)``, halves up) comes from the right-context
  templates below. With ``ambiguous=0`` the result is exactly what it was before those
  templates existed (tests pin a hash of ``sentences(1000, lang, seed=0)``).
- ``entities(tags)``: the ``(type, start, end)`` spans of a BIO sequence (conlleval rules).
- ``entity_f1(true_tags_list, pred_tags_list)``: entity-level precision, recall and F1,
  micro-averaged (exact span and type match).
- ``TAGS`` and ``vocabulary(lang)``: the tag set and every token a language can produce (with
  any ``ambiguous``), no more.

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
- the right-context templates (``_RIGHT_CONTEXT``), for chapter 2's left-to-right versus
  bidirectional tagger: an ambiguous name (the lexicon's ``ambiguous``: Jordan, Lincoln, Ford;
  Porsche, Hagen; 豊田, 日立, 野村; 李宁, 金华, 特斯拉) opens the sentence, is a person, a place or
  an organisation equally often, and only the words after it say which: "Ford was born in a
  small village ." (PER), "Ford shares rose sharply on Monday ." (ORG), "Jordan is full of
  tourists every summer ." (LOC). A tagger that reads left to right must tag the name before
  it has read them; a bidirectional one has. In Japanese the verb comes last anyway, and an
  honorific or a given name after the name (豊田 さん, 豊田 太郎) is right context too;
- ``_render`` and ``_realise``: one template and its fillers in, one ``Tagged`` out;
- ``_sample``, ``_sample_ambiguous``, ``sentences`` and ``vocabulary``;
- ``entities`` and ``entity_f1``.

Japanese words are split the way a short-unit tokenizer (UniDic) splits them: 山田 太郎,
東京 大学, 信濃 川, 観光 客, 過去 最高, except that a verb keeps its polite ending (開きました,
生まれました; 働いて います, 結婚 しました); Chinese words the way jieba does: 张伟, 长江, 一家,
上个月 (universities split: 北京 大学).
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import lru_cache

from . import LANGS
from .data import _check_fraction, _check_int, _check_lang, _check_seed

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
# For the right-context templates: "time" (a time expression, tagged O: "last week", 先週) and
# "ambiguous" (a name -> the types it takes there, each equally often).

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
    time=_t("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "yesterday",
            "last week", "last month", "last year", "in March"),
    # first names and surnames that are also places (Jordan the country, Washington the city)
    # or companies (Ford, Dell, Tesla); Lincoln is all three (the city, the president, the car).
    ambiguous={**{_t(n)[0]: ("PER", "LOC") for n in (
                   "Jordan", "Georgia", "Paris", "Sydney", "Florence", "Austin", "Washington")},
               **{_t(n)[0]: ("PER", "ORG") for n in ("Ford", "Dell", "Morgan", "Tesla")},
               _t("Lincoln")[0]: ("PER", "LOC", "ORG")},
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
    time=_t("am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag", "gestern",
            "letzte Woche", "letzten Monat", "letztes Jahr", "im März"),
    # founders' surnames that name their companies (no article: "Porsche hat ... gemeldet"), a
    # first name that is a company (Otto), and surnames that are cities (Hagen, Landau).
    ambiguous={**{_t(n)[0]: ("PER", "ORG") for n in (
                   "Porsche", "Bosch", "Daimler", "Bayer", "Opel", "Henkel", "Otto")},
               **{_t(n)[0]: ("PER", "LOC") for n in ("Hagen", "Landau", "Brandenburg", "Oldenburg")}},
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
    time=_t("昨日", "先週", "先月", "今月", "去年", "今年"),
    # surnames that are cities (豊田, 川崎), surnames that companies go by in the news (野村 for
    # Nomura, 武田 for Takeda, 松下 for Matsushita), and 日立 the city and the company.
    ambiguous={**{_t(n)[0]: ("PER", "LOC") for n in ("豊田", "川崎", "松本", "長野")},
               **{_t(n)[0]: ("PER", "ORG") for n in ("松下", "野村", "武田")},
               _t("日立")[0]: ("LOC", "ORG")},
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
    time=_t("昨天", "昨晚", "前天", "本周", "上周", "上周末", "上个月", "去年", "今年"),
    # full names that are brands (李宁), foreign surnames that are brands (福特, 特斯拉, 乔丹),
    # and full names that are cities (金华, 吴江, 龙岩) or a foreign surname that is (华盛顿).
    ambiguous={**{_t(n)[0]: ("PER", "ORG") for n in ("李宁", "福特", "特斯拉", "乔丹")},
               **{_t(n)[0]: ("PER", "LOC") for n in ("华盛顿", "金华", "吴江", "龙岩")}},
)

_LEX = {"en": _EN, "de": _DE, "ja": _JA, "zh": _ZH}

_TYPE = {"per": "PER", "city": "LOC", "country": "LOC", "river": "LOC", "org": "ORG", "uni": "ORG"}

# ---------------------------------------------------------------------------------------------
# The templates
# ---------------------------------------------------------------------------------------------
# "{kind}" or "{kind2}" (a second, different filler of the same kind) or "{kind:form}".
# German forms: nom (sentence start: "Die Deutsche Bank"), acc ("die Deutsche Bank"), dat
# ("der Deutschen Bank"; rivers: "am Rhein", "an der Donau"). "{per:full}": a person named in
# full (first name and surname), as the news names a new chief executive.

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

# Right-context templates, by the type of their ambiguous name: the name ("{amb}", from the
# lexicon's "ambiguous") opens the sentence, so nothing before it tells its type, and the words
# after it do, within the next five tokens (tests check it). Templates of different types often
# open alike, so that the type is told a few words in ("was born" / "was hit", "hat am Montag
# ... geheiratet" / "hat am Montag Rekordgewinne", 在 上海 长大 / 在 上海 新建; in Japanese the
# verb comes last). No pronoun or ending depends on the person's sex ("hired Anna Smith as its
# new chief executive", "in den Vorstand berufen"), and no ambiguous organisation takes an
# article. Chinese has more place templates because its person fillers are fewer (a place's
# templates would otherwise run out of distinct sentences before a person's do).

_RIGHT_CONTEXT = {
    "en": {
        "PER": ("{amb} was born in a small village .",
                "{amb} studied law at {uni} .",
                "{amb} married {per} {time} .",
                "{amb} grew up in {city} ."),
        "LOC": ("{amb} is full of tourists every summer .",
                "{amb} was hit by a heavy storm {time} .",
                "{amb} is a popular destination for visitors from {city} .",
                "{amb} is where {per} grew up ."),
        "ORG": ("{amb} announced record profits {time} .",
                "{amb} opened a new factory in {city} .",
                "{amb} shares rose sharply {time} .",
                "{amb} hired {per:full} as its new chief executive ."),
    },
    "de": {
        "PER": ("{amb} wurde in einem kleinen Dorf geboren .",
                "{amb} studierte Jura an {uni:dat} .",
                "{amb} hat {time} {per} geheiratet .",
                "{amb} ist in {city} aufgewachsen ."),
        "LOC": ("{amb} ist im Sommer voller Touristen .",
                "{amb} wurde {time} von einem schweren Unwetter heimgesucht .",
                "{amb} ist ein beliebtes Reiseziel für Besucher aus {city} .",
                "{amb} ist die Heimatstadt von {per} ."),
        "ORG": ("{amb} hat {time} Rekordgewinne gemeldet .",
                "{amb} baut ein neues Werk in {city} .",
                "{amb} will Tausende Stellen streichen .",
                "{amb} hat {per:full} in den Vorstand berufen ."),
    },
    "ja": {
        "PER": ("{amb} は 小さな 村 で 生まれました 。",
                "{amb} は {uni} で 法律 を 学びました 。",
                "{amb} は {time} {per} と 結婚 しました 。",
                "{amb} は {city} で 育ちました 。"),
        "LOC": ("{amb} は 毎年 夏 に 観光 客 で にぎわいます 。",
                "{amb} は {time} 大雪 に 見舞われました 。",
                "{amb} は {city} から の 観光 客 に 人気 の 街 です 。",
                "{amb} は {per} が 生まれ育った 街 です 。"),
        "ORG": ("{amb} は {time} 過去 最高 の 利益 を 発表 しました 。",
                "{amb} は {city} に 新しい 工場 を 建設 しました 。",
                "{amb} の 株価 が {time} 大きく 上がりました 。",
                "{amb} は 新しい 社長 に {per:full} を 選びました 。"),
    },
    "zh": {
        "PER": ("{amb} 出生 在 一个 小 村庄 。",
                "{amb} 曾 在 {uni} 学习 法律 。",
                "{amb} {time} 和 {per} 结婚 了 。",
                "{amb} 在 {city} 长大 。"),
        "LOC": ("{amb} 每年 夏天 都 挤满 了 游客 。",
                "{amb} {time} 遭受 了 暴雨 袭击 。",
                "{amb} {time} 下 了 一场 大雪 。",
                "{amb} 距离 {city} 不远 。",
                "{amb} 是 深受 {city} 游客 欢迎 的 旅游 城市 。",
                "{amb} 是 {per} 长大 的 地方 。",
                "{amb} 是 {per} 出生 的 地方 。"),
        "ORG": ("{amb} {time} 公布 了 创纪录 的 利润 。",
                "{amb} 在 {city} 新建 了 一家 工厂 。",
                "{amb} 计划 裁员 数千 人 。",
                "{amb} {time} 与 {org} 签署 了 合作 协议 。"),
    },
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
            honorific: str | None, first: bool, label: str | None = None) -> list[tuple[str, str]]:
    """One filler as (token, tag) pairs: the entity's tokens plus its articles, prepositions
    or honorific (tagged O). ``first``: the filler opens the sentence (capitalise an article).
    A time expression is all O; an ambiguous name ("amb") is an entity of type ``label``."""
    lex = _LEX[lang]
    if kind == "time":
        return [(w, "O") for w in value]
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
    out = [(w, "O") for w in prefix] + _bio(tokens, label if kind == "amb" else _TYPE[kind])
    if honorific:
        out.append((honorific, "O"))
    return out


def _template(lang: str, template) -> tuple[str, str | None]:
    """An ordinary template (an int) or a right-context one (a pair such as ("ORG", 0)) ->
    (its text, the type of its ambiguous name or None)."""
    ordinary, right = _TEMPLATES[lang], _RIGHT_CONTEXT[lang]
    if isinstance(template, int) and not isinstance(template, bool) and 0 <= template < len(ordinary):
        return ordinary[template], None
    if (isinstance(template, tuple) and len(template) == 2 and template[0] in right
            and isinstance(template[1], int) and not isinstance(template[1], bool)
            and 0 <= template[1] < len(right[template[0]])):
        return right[template[0]][template[1]], template[0]
    raise ValueError(f"template must be an int from 0 to {len(ordinary) - 1} or a right-context "
                     f"pair (type, index) such as ('ORG', 0), got {template!r}")


def _ambiguous_head(lang: str, value: tuple[str, ...], label: str) -> tuple[str, ...] | None:
    """The ambiguous name that ``value`` starts with, if it takes the type ``label``."""
    for head, labels in _LEX[lang]["ambiguous"].items():
        if value[:len(head)] == head and label in labels:
            return head
    return None


def _realise(lang: str, template, **fillers: str) -> Tagged:
    """Fill template ``template`` of ``lang`` with fixed choices, each written with spaces
    between its tokens: ``_realise("ja", 0, per="山田 さん", city="東京", org="トヨタ")``.
    A person may end with one of the language's honorifics (tagged O).

    ``template`` is an index into ``_TEMPLATES[lang]`` or a pair (type, index) into
    ``_RIGHT_CONTEXT[lang]``: ``_realise("en", ("ORG", 0), amb="Ford", time="on Monday")``.
    There ``amb`` is one of the lexicon's ambiguous names that takes that type; as a person it
    may go on with given names and an honorific (``amb="豊田 さん"``, ``amb="豊田 太郎"``)."""
    if lang not in _LEX:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    text, label = _template(lang, template)
    parts = text.split()
    slots = {s[0] for s in map(_slot, parts) if s}
    if set(fillers) != slots:
        raise ValueError(f"template {template} of {lang} needs fillers {sorted(slots)}, "
                         f"got {sorted(fillers)}")
    lex = _LEX[lang]
    names = {w for name_ in lex["first"] + lex["last"] + lex.get("surname", ()) for w in name_}
    parsed = {}
    for name, text in fillers.items():
        kind = name.rstrip("2")
        value, honorific = tuple(text.split()), None
        person = kind == "per" or (kind == "amb" and label == "PER")
        if person and value and value[-1] in lex["honorifics"]:
            value, honorific = value[:-1], value[-1]
        if kind == "per":
            ok = bool(value) and all(w in names or w == "·" for w in value)
        elif kind == "amb":
            head = _ambiguous_head(lang, value, label)
            rest = value[len(head):] if head else ()
            ok = head is not None and (not rest or (label == "PER" and all(w in names for w in rest)))
        else:
            ok = value in lex[kind]
        if not ok:
            what = f"{label} ambiguous name" if kind == "amb" else kind
            raise ValueError(f"{name}={text!r} is not a {what} of the {lang} lexicon")
        parsed[name] = (value, honorific)
    return _fill(lang, parts, parsed, label)


def _fill(lang: str, parts: list[str], parsed: dict, label: str | None = None) -> Tagged:
    pairs: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        slot = _slot(part)
        if slot is None:
            pairs.append((part, "O"))
        else:
            name, kind, form = slot
            value, honorific = parsed[name]
            pairs += _render(lang, kind, form, value, honorific, first=(i == 0), label=label)
    return Tagged(tuple(w for w, _ in pairs), tuple(t for _, t in pairs))


# ---------------------------------------------------------------------------------------------
# Sampling
# ---------------------------------------------------------------------------------------------

def _person(lang: str, rng: random.Random, full: bool = False) -> tuple[tuple[str, ...], str | None]:
    """A person as (name tokens, honorific or None), in the ways the language names people.
    ``full``: a full name, as the news names a new chief executive ("{per:full}")."""
    lex = _LEX[lang]
    r = rng.random()
    if full:
        if lang in ("en", "de"):
            return rng.choice(lex["first"]) + rng.choice(lex["last"]), None
        if lang == "ja":
            return (rng.choice(lex["last"]) + rng.choice(lex["first"][:13]),
                    "さん" if r < 0.5 else None)
        if r < 0.8:
            return rng.choice(lex["first"][:-3]), None
        return rng.choice(lex["first"][-3:]) + ("·",) + rng.choice(lex["last"]), None
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


def _ambiguous_name(lang: str, head: tuple[str, ...], label: str,
                    rng: random.Random) -> tuple[tuple[str, ...], str | None]:
    """The ambiguous name as it opens a sentence. As a person, in Japanese: alone, with さん or
    with a given name (a third each); in Chinese: alone or with 先生/女士; in English and German
    alone (a surname or a first name, as a biography or a story names someone)."""
    if label != "PER" or lang in ("en", "de"):
        return head, None
    lex = _LEX[lang]
    r = rng.random()
    if lang == "ja":
        if r < 1 / 3:
            return head, None
        if r < 2 / 3:
            return head, "さん"
        return head + rng.choice(lex["first"][:13]), None
    return (head, None) if r < 0.5 else (head, rng.choice(lex["honorifics"]))


def _sample_ambiguous(lang: str, rng: random.Random, head: tuple[str, ...],
                      label: str) -> Tagged:
    """A right-context sentence for the ambiguous name ``head`` as a ``label``: a template of
    that type and its fillers. No other filler shares a token with the name ("Ford hired Henry
    Ford", "Lincoln grew up in Lincoln")."""
    lex = _LEX[lang]
    parts = rng.choice(_RIGHT_CONTEXT[lang][label]).split()
    parsed: dict = {"amb": _ambiguous_name(lang, head, label, rng)}
    for part in parts:
        slot = _slot(part)
        if slot is None or slot[1] == "amb":
            continue
        name, kind, form = slot
        while True:
            value = (_person(lang, rng, full=form == "full") if kind == "per"
                     else (rng.choice(lex[kind]), None))
            if not set(value[0]) & set(head):
                break
        parsed[name] = value
    return _fill(lang, parts, parsed, label)


def _draw(lang: str, rng: random.Random, count: int) -> list[Tagged]:
    """Up to ``count`` distinct ordinary sentences, in at most 50 * ``count`` draws."""
    seen: dict[tuple[str, ...], Tagged] = {}
    for _ in range(50 * count):
        s = _sample(lang, rng)
        seen.setdefault(s.tokens, s)
        if len(seen) == count:
            break
    return list(seen.values())


def _draw_ambiguous(lang: str, rng: random.Random, count: int, taken) -> list[Tagged]:
    """Up to ``count`` distinct right-context sentences whose tokens are not in ``taken``, in
    at most 50 * ``count`` rounds. Each round draws an ambiguous name and one of its types
    (all equally likely), then tries up to 20 sentences for that pair until one is new, so that
    the pairs stay balanced while the pairs' small templates run out of new sentences."""
    heads = tuple(_LEX[lang]["ambiguous"])
    seen: dict[tuple[str, ...], Tagged] = {}
    for _ in range(50 * count):
        head = rng.choice(heads)
        label = rng.choice(_LEX[lang]["ambiguous"][head])
        for _ in range(20):
            s = _sample_ambiguous(lang, rng, head, label)
            if s.tokens not in taken and s.tokens not in seen:
                seen[s.tokens] = s
                break
        if len(seen) == count:
            break
    return list(seen.values())


def sentences(n: int, lang: str = "en", seed: int = 0, ambiguous: float = 0.0) -> list[Tagged]:
    """``n`` distinct generated sentences in ``lang`` with BIO tags over PER, LOC and ORG.

    ``ambiguous``: the fraction of them (``round(ambiguous * n)``, halves up) drawn from the
    right-context templates, in which an ambiguous name opens the sentence and only the words
    after it tell its type. They sit at random places among the others, and the others are
    exactly ``sentences(n - round(ambiguous * n), lang, seed)``, in order; with the default 0
    the result is what it was before the right-context templates existed.
    """
    n = _check_int("ner.sentences", "n", n, minimum=1)
    lang = _check_lang("ner.sentences", "lang", lang, tuple(_LEX))
    seed = _check_seed("ner.sentences", seed)
    ambiguous = _check_fraction("ner.sentences", "ambiguous", ambiguous,
                                " (the fraction of right-context sentences)")
    k = math.floor(ambiguous * n + 0.5)
    regular = _draw(lang, random.Random(f"ner/{lang}/{seed}"), n - k)
    if len(regular) < n - k:
        if not k:
            raise ValueError(f"the {lang} grammar gave fewer than n={n} distinct sentences; "
                             f"ask for fewer (found {len(regular)})")
        raise ValueError(f"the {lang} grammar gave fewer than {n - k} distinct sentences (n={n} "
                         f"less {k} right-context ones); ask for fewer (found {len(regular)})")
    if not k:
        return regular
    rng = random.Random(f"ner/{lang}/{seed}/ambiguous")
    right = _draw_ambiguous(lang, rng, k, {s.tokens for s in regular})
    if len(right) < k:
        raise ValueError(f"the {lang} right-context templates gave fewer than {k} distinct "
                         f"sentences (ambiguous={ambiguous} of n={n}); ask for fewer "
                         f"(found {len(right)})")
    places = set(rng.sample(range(n), k))
    regular_it, right_it = iter(regular), iter(right)
    return [next(right_it) if i in places else next(regular_it) for i in range(n)]


@lru_cache(maxsize=None)
def _vocabularies() -> dict[str, tuple[str, ...]]:
    out = {}
    for lang, lex in _LEX.items():
        words: set[str] = set(lex["honorifics"]) | ({"·"} if lang == "zh" else set())
        for names in (lex["first"], lex["last"], lex.get("surname", ()), tuple(lex["ambiguous"])):
            words.update(w for name in names for w in name)
        templates = _TEMPLATES[lang] + tuple(t for ts in _RIGHT_CONTEXT[lang].values() for t in ts)
        for template in templates:
            for i, part in enumerate(template.split()):
                slot = _slot(part)
                if slot is None:
                    words.add(part)
                elif slot[1] not in ("per", "amb"):
                    for value in lex[slot[1]]:
                        words.update(w for w, _ in _render(lang, slot[1], slot[2], value, None, i == 0))
        out[lang] = tuple(sorted(words))
    return out


def vocabulary(lang: str) -> list[str]:
    """Every token that ``sentences`` can produce in ``lang`` (with any ``ambiguous``), sorted."""
    lang = _check_lang("ner.vocabulary", "lang", lang, tuple(_LEX))
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
