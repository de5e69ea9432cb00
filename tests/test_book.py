"""The built books in _build/html (built by `make book`, which `make test` runs first)."""
import re
from html import escape as html_escape
from pathlib import Path

import nbformat
import pytest

from seqlab import FRAMEWORKS, HEADLINE_MIME, authoring
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
    assert f'<html lang="{authoring.book.sphinx_language(lang).replace("_", "-")}"' in intro
    assert t("course_title", lang) in intro


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_pages_show_stored_outputs_of_both_frameworks(lang):
    for src in authoring.chapter_sources(lang):
        html = page(lang, f"{src.stem}.html")
        assert "<img" in html, "the stored plots are rendered"
        if "max |Δ|" in src.read_text(encoding="utf-8"):
            assert "max |Δ|" in html, "the stored parity check output is rendered"
        for fw in FRAMEWORKS:
            nb = nbformat.read(authoring.notebook_path(src, fw), as_version=4)
            stored = [o["data"]["text/plain"] for c in nb.cells for o in c.get("outputs", [])
                      if HEADLINE_MIME in o.get("data", {})]
            assert stored, f"{fw} notebook of {src.name} states its headline result"
            assert html_escape(stored[0].split("  (")[0]) in html, "the headline result is rendered"
        assert "Could not find cuda drivers" not in html and "absl::" not in html, "stderr is hidden"
        for fw in FRAMEWORKS:
            assert f"tag_{fw}" in html, f"{fw} cells are on the page, for the switch"
        assert re.search(rf"<summary[^>]*>.*?{re.escape(t('show_solution', lang))}", html, re.S), \
            "the solutions' toggle speaks the book's language"
        assert "Show code cell" not in html or lang == "en"
        assert len(re.findall(r'class="[^"]*tag_solution', html)) >= 1, "solution cells are in the page"
        assert "seqlab/seqlab-book.js" in html and "seqlab/config.js" in html


def test_one_page_per_chapter():
    for lang in LANGS:
        for src in authoring.chapter_sources(lang):
            for fw in FRAMEWORKS:
                assert not (HTML / lang / f"{src.stem}-{fw}.html").exists()


def test_setup_cell_is_not_in_the_book():
    for lang in LANGS:
        for src in authoring.chapter_sources(lang):
            assert "LANG, FRAMEWORK =" not in page(lang, f"{src.stem}.html")


def test_merged_page_keeps_shared_cells_once_and_differing_outputs_per_framework():
    src = authoring.chapter_sources("en")[0]
    merged = authoring.merge_notebooks(src)
    sources = [c.source for c in merged.cells]
    assert sources.count("import math\nimport numpy as np\nimport seqlab\nfrom seqlab import pick\n"
                         "from seqlab.data import reviews, pad\nfrom seqlab import plot\n\n"
                         "seqlab.set_seed(0)\nprint(\"quick mode\" if seqlab.QUICK else \"full mode\")") == 1
    plot_cells = [c for c in merged.cells if c.source.startswith("plot.training_curves")]
    assert sorted(tuple(c.metadata["tags"]) for c in plot_cells) == [("pytorch",), ("tensorflow",)]
    assert merged.cells[0].source.startswith("# ") and "(PyTorch)" not in merged.cells[0].source
    quiz = [c for c in merged.cells if "Quiz(" in c.source]
    assert len(quiz) == 1, "one quiz, whichever framework is shown"


def test_the_site_serves_what_every_book_shares_once():
    shared = HTML / "_static"
    assert (shared / "seqlab" / "seqlab-widgets.js").exists() and (shared / "mathjax" / "tex-mml-chtml.js").exists()
    for lang in LANGS:
        own = {p.relative_to(HTML / lang / "_static").as_posix() for p in (HTML / lang / "_static").rglob("*") if p.is_file()}
        assert "seqlab/config.js" in own and "documentation_options.js" in own
        assert not {p for p in own if (shared / p).exists()}, f"{lang} keeps a copy of a shared file"
        html = page(lang, f"{authoring.chapter_sources(lang)[0].stem}.html")
        assert 'src="../_static/seqlab/seqlab-widgets.js' in html and 'src="_static/seqlab/config.js' in html


def test_no_widget_library_and_no_theme_leftovers_are_published():
    files = [p.relative_to(HTML).as_posix() for p in HTML.rglob("*") if p.is_file()]
    assert not [f for f in files if re.search(r"(^|/)_static/.*\.html$", f)], "unrendered theme templates"
    assert not [f for f in files if "/locales/" in f or f.startswith("_static/locales")], "message catalogs"
    assert not [f for f in files if f.endswith("embed-amd.js") or f.endswith("widgets/require.js")], \
        "the ipywidgets HTML manager and RequireJS"
    assert (HTML / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00", "an icon at the site's root"
    for lang in LANGS:
        assert '<link rel="icon" href="../_static/favicon.ico' in page(lang, "intro.html")


@pytest.mark.parametrize("lang", LANGS)
def test_footer_speaks_the_books_language(lang):
    html = page(lang, "intro.html")
    assert t("footer_authors", lang) in html
    assert "Durch The" not in html and "By The" not in html


def test_landing_page_has_a_main_landmark_and_an_icon():
    index = (HTML / "index.html").read_text(encoding="utf-8")
    assert "<main>" in index and '<link rel="icon" href="favicon.ico">' in index


@pytest.mark.parametrize("lang", LANGS)
def test_stored_widgets_are_anywidgets_the_book_can_draw(lang):
    """The book draws widgets with its own small renderer, which knows anywidgets only."""
    for src in authoring.chapter_sources(lang):
        for fw in FRAMEWORKS:
            nb = nbformat.read(authoring.notebook_path(src, fw), as_version=4)
            state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
            shown = [o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] for c in nb.cells
                     for o in c.get("outputs", []) if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
            assert shown, f"{src.name} ({fw}) shows its quiz"
            for model_id in shown:
                assert state[model_id]["model_module"] == "anywidget", f"{src.name} ({fw}): a widget the book cannot draw"


# ------------------------------------------------------------------ Japanese and Chinese pages

from seqlab.sphinx_ext import CJK  # noqa: E402  (the build's own class of CJK characters)
STRAY_SPACE = re.compile(f"[{CJK}]\\s+[{CJK}]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
          "td", "th", "thead", "tbody", "caption", "blockquote", "figure", "figcaption", "section", "nav",
          "aside", "header", "footer", "article", "main", "details", "summary", "br", "hr", "img", "button"}


def visible_prose(html: str) -> str:
    """The text a reader sees in a page's prose: no scripts, styles, code, printed outputs or TeX."""
    from html.parser import HTMLParser

    class Prose(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.skipping, self.parts = [], 0, []

        def handle_starttag(self, tag, attrs):
            if tag in BLOCKS:
                self.parts.append("\x00")             # a block boundary: no space is drawn there
            if tag in VOID:
                return
            classes = (dict(attrs).get("class") or "").split()
            skip = tag in {"script", "style", "pre", "code", "kbd", "head"} or "math" in classes
            self.stack.append(skip)
            self.skipping += skip

        def handle_endtag(self, tag):
            if tag in BLOCKS:
                self.parts.append("\x00")
            if tag not in VOID and self.stack:
                self.skipping -= self.stack.pop()

        def handle_data(self, data):
            self.parts.append("\x01" if self.skipping else data)   # code, TeX: neither CJK nor space

    parser = Prose()
    parser.feed(html)
    return "".join(parser.parts)


def stray_spaces(html: str) -> list[str]:
    """Each place where whitespace, which a browser shows as a space, stands between two CJK characters."""
    text = visible_prose(html)
    return [text[max(m.start() - 12, 0): m.end() + 12].replace("\n", "⏎").replace("\x00", "").replace("\x01", "")
            for m in STRAY_SPACE.finditer(text)]


def test_stray_space_finder_sees_what_a_reader_sees():
    assert stray_spaces("<p>隠れ状態は\n前の状態</p>") == ["隠れ状態は⏎前の状態"]
    assert stray_spaces("<p>隠れ状態は</p>\n<p>前の状態</p>") == []        # two blocks: no space drawn
    assert stray_spaces("<li>隠れ状態</li> <li>勾配</li><p>状態<br>\nです</p>") == []
    assert stray_spaces("<p>隠れ<span>状態</span> は</p>") == ["隠れ状態 は"]
    assert stray_spaces("<p>隠れ<em>状態</em>は</p>") == []
    assert stray_spaces("<p>状態 h です</p><pre>映画 は 良い</pre><script>'映画 は'</script>") == []
    assert stray_spaces('<p>行列<span class="math">\\(E \\in\\)</span>で</p>') == []


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang in ("ja", "zh")])
def test_no_space_between_two_cjk_characters(lang):
    """A line break inside a CJK paragraph of a source would show as a space between two characters."""
    found = {}
    pages = [p for p in sorted((HTML / lang).glob("*.html")) if p.name != "index.html"]  # (a redirect)
    assert len(pages) >= 6
    for path in pages:
        html = path.read_text(encoding="utf-8")
        start, end = html.find('<article class="bd-article"'), html.find("</article>")
        spaces = stray_spaces(html[start:end] if start >= 0 else html[html.find("<body"):])  # search.html: all
        if spaces:
            found[path.name] = spaces[:5]
    assert not found, f"spaces between CJK characters in the {lang} book: {found}"
