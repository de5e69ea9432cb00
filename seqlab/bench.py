"""``make bench``: every notebook executed in full mode, timed, its headline result collected;
then executed again in quick mode (what CI runs), timed.

Writes ``assets/benchmarks.json`` (committed): the machine, and per notebook its language,
framework, wall times in both modes with their budgets, and headline (from ``seqlab.headline``).
A time includes starting the kernel and importing the framework, as a learner's Run All does.
The book shows it as a page per language (``seqlab.authoring.book.benchmarks_page``). Targets
are performance facts, measured here, not asserted by tests.
"""
from __future__ import annotations

import copy
import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

from . import FRAMEWORKS, HEADLINE_MIME
from .authoring import ROOT, _rel, chapter_sources, execute, notebook_path, split
from .authoring.book import benchmarks_page

RESULTS = ROOT / "assets" / "benchmarks.json"
FULL_BUDGET_S = {"01-rnn": 120, "02-lstm-gru": 120}    # seconds in full mode; other chapters: 180
FULL_BUDGET_DEFAULT_S = 180
QUICK_BUDGET_S = 20


def full_budget(chapter: str) -> int:
    return FULL_BUDGET_S.get(chapter, FULL_BUDGET_DEFAULT_S)


def headline_of(nb) -> dict | None:
    """The headline result stored in an executed notebook, if it has one."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if HEADLINE_MIME in data:
                return dict(data[HEADLINE_MIME])
    return None


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("torch", "tensorflow"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            pass
    return found


def _timed(nb, cwd: Path, quick: bool) -> float:
    """Seconds to execute ``nb`` from a fresh kernel."""
    start = time.perf_counter()
    execute(nb, cwd, quick=quick)
    return time.perf_counter() - start


def run(sources=None, write: bool = False) -> dict:
    """Time every notebook of ``sources`` (all chapters by default) in both modes; with ``write``,
    also write each full-mode run as the committed notebook (what ``make notebooks`` writes), so a
    new chapter is executed once, not twice."""
    import nbformat

    rows = []
    for src in sources or chapter_sources():
        for fw, nb in split(src).items():
            path = notebook_path(src, fw)
            print(f"benchmarking {_rel(path)} ...", flush=True)
            path.parent.mkdir(parents=True, exist_ok=True)         # a new language's first run
            quick_nb = copy.deepcopy(nb)                          # executing fills nb in place
            seconds = _timed(nb, path.parent, quick=False)
            quick_seconds = _timed(quick_nb, path.parent, quick=True)
            if write:
                nbformat.write(nb, path)
                print(f"  wrote {_rel(path)}", flush=True)
            rows.append({"notebook": _rel(path), "lang": src.parent.name, "chapter": src.stem,
                         "framework": fw, "seconds": round(seconds, 1), "budget": full_budget(src.stem),
                         "quick_seconds": round(quick_seconds, 1), "quick_budget": QUICK_BUDGET_S,
                         "headline": headline_of(nb)})
            print(f"  {seconds:.1f} s (quick mode {quick_seconds:.1f} s), {rows[-1]['headline']}", flush=True)
    return {"date": date.today().isoformat(),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(terse=True),
                        "python": platform.python_version(), **_versions()},
            "rows": rows}


def merge(old: dict, new: dict) -> dict:
    """``new`` (some notebooks re-measured) over ``old``: rows in the order of the chapter sources."""
    rows = {row["notebook"]: row for row in old.get("rows", [])}
    rows.update({row["notebook"]: row for row in new["rows"]})
    order = [_rel(notebook_path(src, fw))
             for src in chapter_sources() for fw in FRAMEWORKS]
    return {**old, **new, "rows": [rows[nb] for nb in order if nb in rows]}   # old "pages" kept


def main(argv=None) -> int:
    """``python -m seqlab.bench [--write] [SOURCE ...]``: all chapters, or re-measure only the
    sources named; ``--write`` also writes the full-mode notebooks it executed."""
    args = list(sys.argv[1:] if argv is None else argv)
    write = "--write" in args
    sources = [Path(a).resolve() for a in args if a != "--write"]
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        print(f"error: no such chapter source: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = run(sources or None, write=write)
    if sources and RESULTS.exists():
        results = merge(json.loads(RESULTS.read_text(encoding="utf-8")), results)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {_rel(RESULTS)}")
    print(benchmarks_page("en", results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
