"""A Sphinx extension for the course's books (listed in _config.yml, `extra_extensions`).

- Drops exact duplicates from a page's scripts. Jupyter Book 1 with sphinx-thebe emits the inline
  script `const THEBE_JS_URL = ...` twice, and the second copy throws a SyntaxError on every page.
- Japanese and Chinese text: a line break inside a paragraph of the source becomes a visible space
  in HTML, between two characters that are never separated by spaces; the build removes it
  (``join_cjk_lines``).
- ``GlossarySplitter``, Japanese search: Sphinx cuts Japanese text with TinySegmenter (長短期記憶 →
  長短 / 期記 / 憶) while the browser keeps a typed query whole, so a reader typing a term finds
  nothing. The index therefore also holds every glossary term that occurs whole in a page.
"""
from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.search.ja import DefaultSplitter

# Kana, CJK ideographs (with extension A), CJK punctuation and full-width forms.
CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_BREAK = re.compile(f"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")


def join_cjk_lines(text: str) -> str:
    """``text`` with every line break between two CJK characters removed (with its indentation)."""
    return _BREAK.sub("", text)


def _join_cjk_lines(app, doctree) -> None:
    if not str(app.config.language or "").startswith(("ja", "zh")):
        return
    for node in list(doctree.findall(nodes.Text)):
        parent = node.parent
        if isinstance(parent, (nodes.literal_block, nodes.literal, nodes.math, nodes.math_block, nodes.raw)):
            continue
        joined = join_cjk_lines(str(node))
        if joined != str(node):
            parent.replace(node, nodes.Text(joined))


def glossary_terms(lang: str) -> list[str]:
    """The glossary's terms in ``lang`` as a reader types them: each name and each part in
    parentheses (長短期記憶（LSTM） -> 長短期記憶, LSTM), longest first."""
    from . import glossary

    found = set()
    for term in glossary.load():
        name = term["term"].get(lang, "")
        for part in re.split(r"[（）()、，,]", name):
            part = part.strip()
            if len(part) > 1:
                found.add(part.lower())
    return sorted(found, key=lambda t: (-len(t), t))


class GlossarySplitter(DefaultSplitter):
    """TinySegmenter's words, plus every Japanese glossary term that occurs whole in the text."""

    def __init__(self, options: dict) -> None:
        super().__init__(options)
        self.terms = glossary_terms(options.get("lang", "ja"))

    def split(self, input: str) -> list[str]:
        lowered = input.lower()
        return super().split(input) + [term for term in self.terms if term in lowered]


def _dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for js in scripts:
        # the copies differ only in filename None vs "" (both mean an inline script)
        name = getattr(js, "filename", js) or ""
        key = (str(name), tuple(sorted((k, str(v)) for k, v in getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            kept.append(js)
    context["script_files"] = kept


def _localise_theme(app, config):
    """The theme's search field says "Search this book..." in every language; say it in the book's."""
    from seqlab.i18n import t
    from seqlab import LANGS

    lang = (config.language or "en").split("_")[0]
    if lang in LANGS:
        config.html_theme_options = {**config.html_theme_options, "search_bar_text": t("search_placeholder", lang)}


def _fill_search_messages(app, exception):
    """Sphinx's German and Japanese catalogs translate the search's closing message as the empty
    string, so the search page says nothing when it has finished, and the Chinese one spaces the
    number (匹配到 4 页): write the course's text in."""
    import json

    from seqlab import LANGS
    from seqlab.i18n import t

    lang = (app.config.language or "en").split("_")[0]
    path = Path(app.outdir) / "_static" / "translations.js"
    if exception or lang not in LANGS or not path.exists():
        return
    key = json.dumps("Search finished, found ${resultCount} page(s) matching the search query.")
    js = path.read_text(encoding="utf-8")
    entry = re.compile(re.escape(key) + r': *"(?:[^"\\]|\\.)*"')
    filled = entry.sub(lambda m: key + ": " + json.dumps(t("search_finished", lang)), js, count=1)
    if filled != js:
        path.write_text(filled, encoding="utf-8")


def setup(app):
    app.connect("config-inited", _localise_theme)
    app.connect("build-finished", _fill_search_messages)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    app.connect("doctree-read", _join_cjk_lines)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
