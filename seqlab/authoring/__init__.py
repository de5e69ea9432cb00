"""Authoring tools: chapter sources → notebooks → books.

A chapter is written once per language as a MyST Markdown notebook, ``book/<lang>/NN-name.md``,
holding both frameworks. Cells tagged ``pytorch`` or ``tensorflow`` belong to that framework's
notebook only; untagged cells go to both. This module

- splits a source into ``notebooks/<lang>/NN-name-pytorch.ipynb`` and ``…-tensorflow.ipynb``
  (``split``), executes them in full mode and writes them with their outputs (``notebooks``);
- checks that every committed notebook still matches its source (``check_notebook``), that a
  translation has the same code as English (``code_drift``) and still follows the current
  English version (``follows_current``);
- builds one Jupyter Book per language from the stored outputs, without executing anything
  (``build_book``), and a landing page that leads to a language.

Command line (the Makefile calls these)::

    python -m seqlab.authoring notebooks [book/<lang>/NN-name.md ...]   # regenerate + execute
    python -m seqlab.authoring check                                    # stale / drift / follows
    python -m seqlab.authoring follow book/de/NN-name.md                # translation is up to date
    python -m seqlab.authoring book [--lang de ...]                     # build the books

The package holds one module per job, each importing only those before it: ``sources`` (read
and split a source), ``checks`` (stale notebooks, translations), ``notebooks`` (execute and write notebooks),
``instructor`` (the instructors' page: objectives, quiz coverage, run times, handing out exercises),
``book`` (each language's book, the benchmark page), ``landing`` (the site's front page),
``site`` (the published site: the books together, shared files served once), ``cli``.
"""
from __future__ import annotations

from .sources import (CHAPTER_RE, FRAMEWORK_NAMES, KNOWN_TAGS, OTHER_TAGS, ROOT, SETUP_CELL_ID,
                      SourceError, _rel, book_langs, chapter_sources, notebook_path, read_source,
                      repository, setup_code, split)
from .checks import (check_notebook, code_drift, english_of, english_version, follows_current,
                     stamp_follows, strip_comments)
from .notebooks import execute, make_notebooks
from .book import book_pages, build_book, merge_notebooks, stage_book
from .landing import write_landing_page
from .site import publish
from .cli import main

__all__ = ["CHAPTER_RE", "FRAMEWORK_NAMES", "KNOWN_TAGS", "OTHER_TAGS", "ROOT", "SETUP_CELL_ID",
           "SourceError", "_rel", "book_langs", "chapter_sources", "notebook_path", "read_source",
           "repository", "setup_code", "split", "check_notebook", "code_drift", "english_of",
           "english_version", "follows_current", "stamp_follows", "strip_comments", "execute",
           "make_notebooks", "book_pages", "build_book", "merge_notebooks", "stage_book",
           "write_landing_page", "publish", "main"]
