"""The glossary: its data, the validator fed with broken data, and the built pages."""
import copy
import re
from pathlib import Path

import pytest
import yaml

from seqlab import LANGS, authoring, glossary
from seqlab.glossary import GlossaryError
from seqlab.i18n import t

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ["tokenisation", "embedding", "rnn", "hidden-state", "bptt", "vanishing-gradient", "lstm", "gru",
            "ner", "gate", "cell-state", "forget-gate", "update-gate", "reset-gate", "bidirectional-rnn", "stacked-rnn", "bio-scheme", "entity-f1", "sequence-to-sequence", "encoder", "decoder", "context-vector", "teacher-forcing",
            "exposure-bias", "greedy-decoding", "beam-search", "bleu", "brevity-penalty", "attention",
            "query-key-value", "additive-attention", "multiplicative-attention", "padding-mask", "alignment",
            "transformer", "positional-encoding", "multi-head-attention", "mask", "self-attention",
            "scaled-dot-product-attention", "cross-attention", "residual-connection", "layer-normalisation",
            "bert", "gpt", "fine-tuning"]


def test_glossary_has_every_term_of_the_coverage_in_four_languages():
    terms = glossary.load()
    assert [e["id"] for e in terms] == REQUIRED
    for e in terms:
        assert set(e["term"]) == set(LANGS)
        assert {"en", "de"} <= set(e["definition"]), e["id"]


GOOD = {"terms": [{"id": "rnn", "chapter": 1, "term": {lg: f"RNN-{lg}" for lg in LANGS},
                   "definition": {"en": "A net.", "de": "Ein Netz."}}]}


@pytest.mark.parametrize("change, message", [
    (lambda d: d["terms"][0]["term"].pop("zh"), "term 'rnn': 'term' must give the term in"),
    (lambda d: d["terms"][0]["definition"].pop("en"), "term 'rnn': 'definition' needs at least English"),
    (lambda d: d["terms"][0].update(chapter=7), "term 'rnn': 'chapter' must be 1 to 5"),
    (lambda d: d["terms"].append(copy.deepcopy(d["terms"][0])), "term 'rnn': id is used twice"),
    (lambda d: d["terms"][0].pop("id"), "term 1: needs an id"),
])
def test_broken_glossary_names_file_and_term(tmp_path, change, message):
    data = copy.deepcopy(GOOD)
    change(data)
    path = tmp_path / "glossary.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(message)) as err:
        glossary.load(path)
    assert "glossary.yml" in str(err.value)


def test_missing_definition_falls_back_to_english_marked():
    text = glossary.page("ja", GOOD["terms"])
    assert "A net." in text and t("definition_in_english", "ja") in text
    assert "en: RNN-en" in text and "ja: RNN-ja" not in text


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_built_glossary_page_and_chapter_links(lang):
    html = (ROOT / "_build" / "html" / lang / "glossary.html").read_text(encoding="utf-8")
    for e in glossary.load():
        assert e["term"][lang] in html
    for src in authoring.chapter_sources(lang):
        chapter = (ROOT / "_build" / "html" / lang / f"{src.stem}.html").read_text(encoding="utf-8")
        assert t("glossary_terms", lang) in chapter
        links = re.findall(r'href="glossary.html#(term-[^"]+)"', chapter)
        assert len(links) >= 5
        for anchor in links:
            assert f'id="{anchor}"' in html, anchor
