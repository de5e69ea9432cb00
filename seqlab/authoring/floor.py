"""The oldest environment the course declares, tried for real (``make test`` runs it).

``pyproject.toml`` declares the minimum versions the notebooks need (the dependencies, and the
``tensorflow`` extra). Colab keeps its own older libraries, so those minimums are a promise to
its learners; this module keeps the promise honest:

- ``python -m seqlab.authoring.floor requirements`` prints every declared minimum as an exact pin
  (``keras>=3.12.0`` becomes ``keras==3.12.0``), plus the tools that run notebooks (ipykernel,
  nbclient, …) at the course's own pins; the Makefile installs them into ``.venv-floor``;
- ``python -m seqlab.authoring.floor run [LANG]``, run with that environment's Python, executes the
  TensorFlow notebooks of one language in quick mode and compares each with its committed,
  full-mode notebook: no error, no red text, every plot drawn (matplotlib 3.8 loses the first
  plot of a notebook without an error), and the cells tagged ``nbval-check-output`` print what
  they printed (as nbval compares them, after ``tests/nbval_sanitize.cfg``).
"""
from __future__ import annotations

import configparser
import re
import sys
import time
from pathlib import Path

from .sources import ROOT, _rel, chapter_sources, notebook_path, split

# What runs the notebooks (not what the course needs): at the versions the course pins.
HARNESS = ("ipykernel", "nbclient", "nbformat", "jupytext")


def requirements(root: Path = ROOT) -> list[str]:
    """The declared minimums as exact pins, and the harness at the course's pins."""
    import tomllib

    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["tensorflow"]
    pins = []
    for line in declared:
        m = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*", line.split(";")[0])
        if not m:
            raise ValueError(f"{root / 'pyproject.toml'}: {line!r} is not 'name>=version', so it has no floor to test")
        pins.append(f"{m.group(1)}=={m.group(2)}")
    course = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==", 1)
            course[name.strip().lower()] = version.strip()
    return pins + [f"{name}=={course[name]}" for name in HARNESS]


def _sanitize(text: str, rules) -> str:
    for regex, replace in rules:
        text = re.sub(regex, replace, text)
    return text


def _text(outputs) -> str:
    return "".join(o.get("text", "") if o.get("output_type") == "stream" else o.get("data", {}).get("text/plain", "")
                   for o in outputs)


def compare(ran, committed, rules) -> list[str]:
    """What differs, in the ways that matter, between a quick run and the committed notebook."""
    problems = []
    stored = {c.get("id"): c for c in committed.cells}
    for cell in ran.cells:
        if cell.cell_type != "code":
            continue
        where = f"cell {cell.get('id')} ({cell.source.strip().splitlines()[0][:50]!r})" if cell.source.strip() else cell.get("id")
        for o in cell.outputs:
            if o.get("output_type") == "error":
                problems.append(f"{where}: {o.get('ename')}: {o.get('evalue', '')[:300]}")
            elif o.get("name") == "stderr":
                problems.append(f"{where}: red text: {o.get('text', '')[:300]!r}")
        old = stored.get(cell.get("id"))
        if old is None:
            continue
        if old.cell_type != "code":             # the source changed since the notebook was written
            problems.append(f"{where}: a {old.cell_type} cell in the committed notebook: regenerate it "
                            "(python -m seqlab.authoring notebooks)")
            continue
        images = lambda c: sum(1 for o in c.outputs if "image/png" in o.get("data", {}))  # noqa: E731
        if images(cell) < images(old):
            problems.append(f"{where}: {images(cell)} plots drawn, the committed notebook has {images(old)}")
        if "nbval-check-output" in cell.metadata.get("tags", []):
            want, got = _sanitize(_text(old.outputs), rules), _sanitize(_text(cell.outputs), rules)
            if want != got:
                problems.append(f"{where}: prints {got!r}, the committed notebook {want!r}")
    return problems


def run(lang: str = "en", root: Path = ROOT) -> list[str]:
    """Execute the TensorFlow notebooks of ``lang`` in quick mode and compare them; the problems."""
    import nbformat

    from .notebooks import execute

    config = configparser.ConfigParser()
    config.read(root / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    rules = [(config[s]["regex"], config[s]["replace"]) for s in config.sections()]
    problems = []
    for src in chapter_sources(lang, root):
        nb = split(src)["tensorflow"]
        path = notebook_path(src, "tensorflow")
        start = time.perf_counter()
        execute(nb, path.parent, quick=True)
        found = compare(nb, nbformat.read(path, as_version=4), rules)
        print(f"{_rel(path)}: {time.perf_counter() - start:.0f} s, "
              f"{'as committed' if not found else f'{len(found)} problem(s)'}", flush=True)
        problems += [f"{_rel(path)}: {p}" for p in found]
    return problems


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["requirements"]:
        print("\n".join(requirements()))
        return 0
    if args[:1] == ["run"]:
        from importlib.metadata import version

        print("the declared floor: " + ", ".join(f"{n} {version(n)}" for n in ("tensorflow", "keras", "numpy", "matplotlib")))
        problems = run(*(args[1:2] or ["en"]))
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    print("usage: python -m seqlab.authoring.floor requirements | run [LANG]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
