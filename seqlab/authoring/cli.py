"""``python -m seqlab.authoring``: the command line the Makefile calls (see the package docstring)."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import FRAMEWORKS, LANGS
from .book import build_book
from .checks import check_notebook, code_drift, follows_current, stamp_follows
from .notebooks import ProseOnlyError, make_notebooks
from .site import publish
from .sources import SourceError, _lang_of, book_langs, chapter_sources

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seqlab.authoring", description="Authoring tools: chapter sources → notebooks → books.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_nb = sub.add_parser("notebooks", help="split + execute chapter sources into notebooks/")
    p_nb.add_argument("sources", nargs="*", type=Path, help="default: every chapter source")
    p_nb.add_argument("--quick", action="store_true", help="execute in quick mode (never commit these)")
    p_nb.add_argument("--prose", action="store_true",
                      help="only the text, comments or quick values changed: keep the committed outputs, execute nothing")
    p_nb.add_argument("--changed", action="store_true",
                      help="execute only the notebooks whose code changed; keep the others' outputs")
    sub.add_parser("check", help="stale notebooks, translation drift, outdated translations")
    p_follow = sub.add_parser("follow", help="mark translations as following the current English")
    p_follow.add_argument("sources", nargs="+", type=Path)
    p_book = sub.add_parser("book", help="build the books into _build/html/<lang>/")
    p_book.add_argument("--lang", action="append", choices=LANGS, help="default: every language")
    p_ex = sub.add_parser("exercises", help="exercise notebooks (solutions removed) into _build/exercises/<lang>/")
    p_ex.add_argument("--out", type=Path, help="default: _build/exercises")
    args = parser.parse_args(argv)

    try:
        if args.command == "notebooks":
            make_notebooks(args.sources or chapter_sources(), quick=args.quick, prose=args.prose, changed=args.changed)
        elif args.command == "check":
            problems = []
            for src in chapter_sources():
                for fw in FRAMEWORKS:
                    problems += check_notebook(src, fw)
                if _lang_of(src) != "en":
                    problems += code_drift(src)
                    problem = follows_current(src)
                    problems += [problem] if problem else []
            for p in problems:
                print(p, file=sys.stderr)
            print(f"{len(problems)} problem(s)" if problems else "all notebooks and translations are current")
            return 1 if problems else 0
        elif args.command == "exercises":
            from .handouts import describe, write_exercises

            print(describe(write_exercises(args.out)))
        elif args.command == "follow":
            for src in args.sources:
                print(f"{src}: follows English version {stamp_follows(src)}")
        elif args.command == "book":
            langs = args.lang or book_langs()
            # Each book is one jupyter-book process: two at a time on the course's 2-core machines.
            from concurrent.futures import ThreadPoolExecutor

            def build(lang):
                start = time.perf_counter()
                build_book(lang)
                return f"built the {lang} book ({time.perf_counter() - start:.0f} s)"

            with ThreadPoolExecutor(max_workers=min(2, len(langs))) as pool:
                for line in pool.map(build, langs):
                    print(line, flush=True)
            index = publish()
            print(f"\nOpen {index} in a browser (or run `python -m http.server -d _build/html`).")
    except (SourceError, FileNotFoundError, ProseOnlyError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0

