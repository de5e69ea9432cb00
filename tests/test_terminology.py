"""One name per idea and language (``seqlab.terminology``): the course's texts use none of the
variants ``book/glossary.yml`` says to avoid and German prose writes the decimal comma; and the
check does find a planted variant, with its file and line, in every kind of file it reads."""
import re
import textwrap

import pytest
import yaml

from seqlab import glossary, terminology
from seqlab.glossary import GlossaryError


def test_the_course_uses_one_name_per_idea():
    findings = terminology.check()
    assert not findings, ("variants that book/glossary.yml says to avoid (its 'avoid' lists and 'style' "
                          "section), or decimal points in German prose:\n" + "\n".join(findings))


def test_every_glossary_term_is_its_own_preferred_name():
    """No term avoids a name its own term field uses (the check would then fail on the glossary)."""
    for entry in glossary.load():
        for lang, variants in (entry.get("avoid") or {}).items():
            for v in variants:
                assert not terminology._pattern(v).search(entry["term"][lang]), (entry["id"], lang, v)


GLOSSARY = {
    "terms": [{"id": "rnn", "chapter": 1,
               "term": {"en": "recurrent neural network", "de": "rekurrentes Netz", "ja": "再帰型ネットワーク",
                        "zh": "循环神经网络"},
               "avoid": {"en": ["recursive net*"], "de": ["Netzwerk*"], "zh": ["递归神经网络"]},
               "definition": {"en": "A net that reads a sequence.", "de": "Ein Netz, das eine Folge liest."}}],
    "style": [{"lang": "de", "use": "Folge", "avoid": ["Sequenz", "# Tokens"], "note": "Folge, not Sequenz."}],
}

CHAPTER = """\
---
kernelspec:
  display_name: Netzwerk
jupytext:
  text_representation:
    format_name: myst
seqlab:
  follows: 0123456789ab
---

# 1. Ein Netzwerk

Ein Netz liest eine Sequenz, und `Sequenz` im Code zählt nicht.
Das Sequenzmodell liest 12 Tokens; ein Wert von 0.5 und $\\rho = 1.5$, mit Python 3.11 und 2.000 Beispielen.

```{code-cell} ipython3
Sequenz = 0.5   # die Sequenz, 0.5
```
"""


@pytest.fixture
def course(tmp_path):
    """A tiny course: glossary, one German chapter, a quiz bank, claims and UI strings."""
    (tmp_path / "book" / "de").mkdir(parents=True)
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "seqlab").mkdir()
    (tmp_path / "book" / "glossary.yml").write_text(yaml.safe_dump(GLOSSARY, allow_unicode=True), encoding="utf-8")
    (tmp_path / "book" / "de" / "01-rnn.md").write_text(CHAPTER, encoding="utf-8")
    (tmp_path / "quizzes" / "01-rnn.yml").write_text(textwrap.dedent("""\
        chapter: 01-rnn
        questions:
          - id: sequenz
            type: single
            options: [a, b]
            answer: a
            text:
              en:
                question: >-
                  Which Netzwerk? (German, so no finding in English.)
              de:
                question: >-
                  Was liest das Netz?
                options:
                  a: {text: "Eine Sequenz."}
                  b:
                    text: >-
                      Eine Folge von 0.25 Sekunden.
        """), encoding="utf-8")
    (tmp_path / "seqlab" / "claims.yml").write_text(
        '01/x:\n  en: "The net learns."\n  de: "Das Netzwerk lernt."\n', encoding="utf-8")
    (tmp_path / "seqlab" / "i18n.py").write_text(textwrap.dedent("""\
        STRINGS = {
            "title": {"en": "Sequence models", "de": "Sequenzmodelle", "ja": "系列モデル", "zh": "递归神经网络的序列"},
            "long": {
                "en": "A long string "
                      "about a recursive net.",
                "de": "Ein langer Text "
                      "über eine Sequenz.",
            },
        }
        """), encoding="utf-8")
    return tmp_path


def test_a_planted_variant_is_reported_with_file_and_line(course):
    findings = terminology.check(course)
    assert findings == [
        "book/de/01-rnn.md:11: de: 'Netzwerk' (use 'rekurrentes Netz')",
        "book/de/01-rnn.md:13: de: 'Sequenz' (use 'Folge')",
        "book/de/01-rnn.md:14: de: '12 Tokens' (use 'Folge')",
        "book/de/01-rnn.md:14: de: '0.5' (use the decimal comma: '0,5')",
        "book/de/01-rnn.md:14: de: '1.5' (use the decimal comma: '1{,}5')",
        "book/de/01-rnn.md:17: de: 'Sequenz' (use 'Folge')",
        "quizzes/01-rnn.yml:15: de: 'Sequenz' (use 'Folge')",
        "quizzes/01-rnn.yml:18: de: '0.25' (use the decimal comma: '0,25')",
        "seqlab/claims.yml:3: de: 'Netzwerk' (use 'rekurrentes Netz')",
        "seqlab/i18n.py:2: zh: '递归神经网络' (use '循环神经网络')",
        "seqlab/i18n.py:5: en: 'recursive net' (use 'recurrent neural network')",
        "seqlab/i18n.py:7: de: 'Sequenz' (use 'Folge')",
    ], "\n".join(findings)


def test_what_is_not_reported(course):
    """Front matter, code, inline code, compounds, other languages' text, the avoid lists and the
    style section themselves, versions, thousands, and numbers in code comments."""
    text = "\n".join(terminology.check(course))
    for absent in ("Sequenzmodell", "3.11", "2.000", "01-rnn.md:3:", "quizzes/01-rnn.yml:10:", "glossary.yml", "系列"):
        assert absent not in text, absent


def test_the_glossary_page_does_not_show_the_avoid_lists_or_the_style_section(course):
    page = glossary.page("de", glossary.load(course / "book" / "glossary.yml"))
    assert "Netzwerk" not in page and "Sequenz" not in page and "rekurrentes Netz" in page


@pytest.mark.parametrize("variant, text, found", [
    ("Sequenz", "Sequenz und sequenz", ["Sequenz", "sequenz"]),   # the first letter in either case
    ("Sequenz", "Sequenzen, Sequenzmodell, Sequenz-Modell", []),  # whole words only
    ("Tokens", "die O-Tokens", ["Tokens"]),                       # a compound's last part counts
    ("entroll*", "Entrollt ist das entrollte Netz", ["Entrollt", "entrollte"]),
    ("# Tokens", "1.024 Tokens und 8 Tokens", ["1.024 Tokens", "8 Tokens"]),
    ("セル状態", "LSTMのセル状態は", ["セル状態"]),                 # CJK: substrings
    ("エンコーダ¬ー", "エンコーダとエンコーダーの", ["エンコーダ"]),  # ¬: not followed by
])
def test_how_variants_match(variant, text, found):
    assert [m.group(0) for m in terminology._pattern(variant).finditer(text)] == found


@pytest.mark.parametrize("text, found", [
    ("ein Wert von 0.62 und 0,5", [("0.62", "0,62")]),
    ("$\\rho = 0.5$ und $0.5^k$", [("0.5", "0{,}5"), ("0.5", "0{,}5")]),
    ("ab Keras 3.10, mit Python 3.11 und 12.000 Paaren am 03.04.2021", []),
    ("Abschnitt 3.2, (§3.4, §3.5) und §5.1 bis §5.3; Tabelle 1", []),          # section numbers
    ("§3.4: ein Faktor 0.7", [("0.7", "0,7")]),
])
def test_decimal_points_in_german_prose(text, found):
    assert terminology.decimal_points(text) == found


@pytest.mark.parametrize("change, message", [
    (lambda d: d["terms"][0].update(avoid={"fr": ["x"]}), "term 'rnn': 'avoid' maps a language"),
    (lambda d: d["terms"][0].update(avoid={"de": "Netzwerk"}), "term 'rnn': 'avoid' maps a language"),
    (lambda d: d["style"][0].pop("use"), "style entry 1: needs 'lang'"),
    (lambda d: d["style"][0].update(avoid=[]), "style entry 1 ('Folge'): 'avoid' must be a list"),
])
def test_broken_avoid_data_names_file_and_entry(tmp_path, change, message):
    import copy

    data = copy.deepcopy(GLOSSARY)
    change(data)
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(message)) as err:
        terminology.rules(path)
    assert "glossary.yml" in str(err.value)
