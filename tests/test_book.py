"""The built books in _build/html (built by `make book`, which `make test` runs first)."""
import re
from pathlib import Path

import pytest

from seqlab import FRAMEWORKS, authoring
from seqlab.i18n import t

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
LANGS = authoring.book_langs()


def page(lang, name):
    path = HTML / lang / name
    assert path.exists(), f"{path} is missing: run `make book` first"
    return path.read_text(encoding="utf-8")


def test_landing_page_leads_to_every_language():
    index = (HTML / "index.html").read_text(encoding="utf-8")
    for lang in LANGS:
        assert f'href="{lang}/index.html"' in index
        assert t("course_title", lang) in index


@pytest.mark.parametrize("lang", LANGS)
def test_book_is_in_its_language(lang):
    intro = page(lang, "intro.html")
    assert f'<html lang="{lang}"' in intro
    assert t("course_title", lang) in intro


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("lang", LANGS)
def test_chapter_pages_show_stored_outputs_and_hide_stderr(lang, framework):
    for src in authoring.chapter_sources(lang):
        html = page(lang, f"{src.stem}-{framework}.html")
        assert "<img" in html, "the stored plots are rendered"
        assert "max |Δ|" in html, "the stored parity check output is rendered"
        assert "cuda" not in html.lower() and "absl" not in html, "stderr is hidden"
        assert re.search(rf"<summary[^>]*>.*?{re.escape(t('show_solution', lang))}", html, re.S), \
            "the solutions' toggle speaks the book's language"
        assert "Show code cell" not in html or lang == "en"
        assert len(re.findall(r'class="[^"]*tag_solution', html)) >= 1, "solution cells are in the page"
        assert "tag_hide-input" in html


def test_setup_cell_is_not_in_the_book():
    for lang in LANGS:
        for src in authoring.chapter_sources(lang):
            assert "LANG, FRAMEWORK =" not in page(lang, f"{src.stem}-pytorch.html")
