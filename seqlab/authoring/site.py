"""The published site, ``_build/html/``: the books of every language, assembled from their builds.

``publish`` copies each book that ``build_book`` built into ``_build/html/<lang>/`` and then

- serves once what every book carries alike: a file of ``_static/`` with the same bytes in every
  language (the theme's scripts and styles, MathJax, the course's scripts) moves to the site's
  ``_build/html/_static/`` and the pages point there, so a reader who switches language fetches
  no script twice and the browser's cache keeps one copy;
- leaves out what a reader never needs: pages whose source left the book, the theme's unrendered
  template files and message catalogs that Sphinx copies into ``_static/``;
- adds each chapter's two notebooks, so the page's download button offers the notebook of the
  reader's framework rather than the merged page source;
- writes ``favicon.ico`` and the landing page at the top.
"""
from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

from .. import FRAMEWORKS
from .landing import write_landing_page
from .sources import ROOT, book_langs, chapter_sources, notebook_path

SHARED = "_static"  # the site-level folder for files shared by every book
# Copied by Sphinx from the theme, never read by a browser.
LEFT_OUT = (re.compile(r"^_static/.*\.html$"), re.compile(r"^_static/locales(/|$)"), re.compile(r"^\.buildinfo$"))
DOWNLOADS = "_notebooks"  # <lang>/_notebooks/<chapter>-<framework>.ipynb
_REF = re.compile(r'((?:src|href)=")_static/([^"?#]+)((?:[?#][^"]*)?")')


def built_html(lang: str, root: Path = ROOT) -> Path:
    return root / "_build" / "out" / lang / "_build" / "html"


def _files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def _copy_book(lang: str, root: Path, target: Path) -> None:
    built = built_html(lang, root)
    pages = {src.stem for src in chapter_sources(lang, root)} | {"intro", "glossary", "benchmarks",
                                                                  "progress", "instructors", "index", "genindex", "search"}
    for rel, path in _files(built).items():
        if any(rule.search(rel) for rule in LEFT_OUT):
            continue
        if "/" not in rel and rel.endswith(".html") and rel[:-5] not in pages:
            continue  # a page whose source left the book: Sphinx never deletes it
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    for src in chapter_sources(lang, root):
        for fw in FRAMEWORKS:
            nb = notebook_path(src, fw)
            (target / DOWNLOADS).mkdir(exist_ok=True)
            shutil.copy2(nb, target / DOWNLOADS / nb.name)


def _share_static(books: dict[str, Path], site: Path) -> set[str]:
    """Move the ``_static`` files that are identical in every book to ``site/_static``."""
    statics = {lang: _files(book / "_static") for lang, book in books.items()}
    first, *others = statics.values()
    shared = {rel for rel, path in first.items()
              if all(rel in o and filecmp.cmp(path, o[rel], shallow=False) for o in others)}
    for rel in sorted(shared):
        dest = site / SHARED / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(first[rel], dest)
        for files in statics.values():
            files[rel].unlink()
    for book in books.values():  # folders left empty by the move
        for folder in sorted((p for p in (book / "_static").rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    for book in books.values():
        for page in book.glob("*.html"):
            html = page.read_text(encoding="utf-8")
            new = _REF.sub(lambda m: f"{m.group(1)}../{SHARED}/{m.group(2)}{m.group(3)}"
                           if m.group(2) in shared else m.group(0), html)
            if new != html:
                page.write_text(new, encoding="utf-8")
    return shared


def publish(root: Path = ROOT) -> Path:
    """Assemble ``_build/html`` from the built books of every language; returns the landing page."""
    site = root / "_build" / "html"
    langs = [lg for lg in book_langs(root) if built_html(lg, root).exists()]
    if site.exists():
        shutil.rmtree(site)
    books = {}
    for lang in langs:
        books[lang] = site / lang
        _copy_book(lang, root, books[lang])
    if books:
        _share_static(books, site)
    shutil.copy2(root / "assets" / "book" / "favicon.ico", site / "favicon.ico")
    return write_landing_page(book_langs(root), root)
