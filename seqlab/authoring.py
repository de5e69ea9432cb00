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
"""
from __future__ import annotations

import argparse
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import sys
import time
import tokenize
from pathlib import Path

from . import FRAMEWORKS, LANGS
from .i18n import t

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK_NAMES = {"pytorch": "PyTorch", "tensorflow": "TensorFlow"}
# Tags a chapter source may use besides the framework tags: nbval's, Jupyter Book's and ours
# (``solution``: an exercise's solution, hidden behind a toggle in the book and collapsed in
# JupyterLab, but executed, so nbval proves every solution runs).
OTHER_TAGS = {
    "solution",
    "nbval-check-output",
    "nbval-ignore-output",
    "raises-exception",
    "hide-input",
    "hide-output",
    "hide-cell",
    "remove-input",
    "remove-output",
    "remove-cell",
}
KNOWN_TAGS = set(FRAMEWORKS) | OTHER_TAGS
CHAPTER_RE = re.compile(r"^\d\d-[a-z0-9-]+\.md$")
SETUP_CELL_ID = "setup"


class SourceError(ValueError):
    """A chapter source that cannot be split; the message names the file and the cell."""


# --------------------------------------------------------------------------- sources


def chapter_sources(lang: str | None = None, root: Path = ROOT) -> list[Path]:
    """The chapter sources ``book/<lang>/NN-name.md``, sorted (all languages if ``lang`` is None)."""
    langs = LANGS if lang is None else (lang,)
    return sorted(
        p for lg in langs for p in (root / "book" / lg).glob("*.md") if CHAPTER_RE.match(p.name)
    )


def _lang_of(src: Path) -> str:
    lang = src.parent.name
    if lang not in LANGS:
        raise SourceError(f"{src}: chapter sources live in book/<lang>/ with lang in {LANGS}")
    return lang


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _cell_lines(text: str, cells) -> list[int]:
    """The line (1-based) where each cell's first non-empty source line stands in ``text``."""
    lines = text.splitlines()
    cursor, found = 0, []
    for cell in cells:
        first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), None)
        line = cursor
        if first is not None:
            for i in range(cursor, len(lines)):
                if lines[i].strip() == first:
                    line = i
                    break
        found.append(line + 1)
        cursor = line + 1
    return found


def _describe(src: Path, index: int, cell, line: int) -> str:
    first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
    return f"{_rel(src)}:{line}: cell {index} ({cell.cell_type}, starting {first[:40]!r})"


def read_source(src: Path):
    """Read and validate a chapter source; returns the jupytext notebook.

    Raises ``SourceError`` naming the file (and the cell, with its line) for a source that is
    not a MyST notebook, an unknown or contradictory tag, or a code cell that is not Python.
    """
    import jupytext

    src = Path(src)
    _lang_of(src)
    try:
        text = src.read_text(encoding="utf-8")
    except OSError as e:
        raise SourceError(f"{src}: cannot read the chapter source ({e})") from e
    if not text.startswith("---\n") or "format_name: myst" not in text.split("\n---", 1)[0]:
        raise SourceError(
            f"{_rel(src)}: a chapter source starts with YAML front matter declaring "
            "'format_name: myst' (copy the header of book/en/01-rnn.md)"
        )
    try:
        nb = jupytext.reads(text, fmt="md:myst")
    except Exception as e:  # jupytext raises several types for malformed MyST
        raise SourceError(f"{_rel(src)}: not a readable MyST notebook: {e}") from e
    lines = _cell_lines(text, nb.cells)
    for i, cell in enumerate(nb.cells):
        where = _describe(src, i + 1, cell, lines[i])
        tags = cell.metadata.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise SourceError(f"{where}: tags must be a list of strings, got {tags!r}")
        unknown = sorted(set(tags) - KNOWN_TAGS)
        if unknown:
            raise SourceError(
                f"{where}: unknown tag {', '.join(map(repr, unknown))}; "
                f"known tags: {', '.join(sorted(KNOWN_TAGS))}"
            )
        if set(FRAMEWORKS) <= set(tags):
            raise SourceError(f"{where}: tagged with both frameworks; untag it to share it")
        if cell.cell_type == "code":
            try:
                compile(_without_magics(cell.source), where, "exec")
            except SyntaxError as e:
                raise SourceError(f"{where}: not valid Python: {e.msg} (line {e.lineno} of the cell)") from e
    if not nb.cells or nb.cells[0].cell_type != "markdown" or not nb.cells[0].source.startswith("# "):
        raise SourceError(f"{_rel(src)}: the first cell must be markdown starting with the '# ' title")
    return nb


def _without_magics(code: str) -> str:
    return "\n".join("" if ln.lstrip().startswith(("%", "!")) else ln for ln in code.splitlines())


# --------------------------------------------------------------------------- splitting


def notebook_path(src: Path, framework: str) -> Path:
    """``book/<lang>/NN-name.md`` → ``notebooks/<lang>/NN-name-<framework>.ipynb`` (same repository)."""
    src = Path(src).resolve()
    return src.parents[2] / "notebooks" / _lang_of(src) / f"{src.stem}-{framework}.ipynb"


def repository(root: Path = ROOT) -> dict:
    """``repository`` of ``_config.yml``: where Colab installs seqlab from, where buttons point."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    repo = config.get("repository") or {}
    url = str(repo.get("url", "")).rstrip("/")
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)(\.git)?$", url)
    if not match:
        raise ValueError(f"{root / '_config.yml'}: repository.url must be a GitHub repository URL, got {url!r}")
    return {"url": url, "branch": repo.get("branch", "main"), "github": match.group(1),
            "name": match.group(1).split("/")[1]}


def setup_code(lang: str, framework: str, src_rel: str, repo: dict | None = None) -> str:
    """The generated first cell of every notebook (not part of the source): the notebook's
    language and framework, and on Colab only, the course's helpers (torch and TensorFlow are
    installed there already)."""
    repo = repo or repository()
    return (
        f"# Generated from {src_rel} by `make notebooks`: edit the source, not this notebook.\n"
        f'LANG, FRAMEWORK = "{lang}", "{framework}"\n'
        "import sys\n"
        'if "google.colab" in sys.modules:  # on Colab only: install the course helpers\n'
        f'    %pip install --quiet "seqlab @ git+{repo["url"]}@{repo["branch"]}"'
    )


def split(src: Path) -> dict:
    """Split a chapter source into one unexecuted notebook per framework: ``{framework: nb}``.

    Cell ids are derived from the cell's position in the source (``c007``), so the same cell
    has the same id in both notebooks and across regenerations. The title gets the framework's
    name, and solution cells are collapsed (JupyterLab) and hidden behind a toggle (book).
    """
    import nbformat

    src = Path(src)
    source = read_source(src)
    lang = _lang_of(src)
    root = src.resolve().parents[2]
    repo = repository(root if (root / "_config.yml").exists() else ROOT)
    out = {}
    for fw in FRAMEWORKS:
        nb = nbformat.v4.new_notebook()
        nb.metadata = {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "seqlab": {"source": _rel(src), "lang": lang, "framework": fw},
        }
        setup = nbformat.v4.new_code_cell(setup_code(lang, fw, _rel(src), repo))
        setup.id = SETUP_CELL_ID
        setup.metadata = {"tags": ["remove-cell"]}
        nb.cells.append(setup)
        for i, cell in enumerate(source.cells):
            tags = list(cell.metadata.get("tags", []))
            other = set(FRAMEWORKS) - {fw}
            if other & set(tags):
                continue
            text = cell.source
            if i == 0:
                title, _, rest = text.partition("\n")
                text = f"{title} ({FRAMEWORK_NAMES[fw]})" + (f"\n{rest}" if rest else "")
            if cell.cell_type == "code":
                new = nbformat.v4.new_code_cell(text)
            else:
                new = nbformat.v4.new_markdown_cell(text)
            new.id = f"c{i:03d}"
            meta = {}
            if "solution" in tags:
                tags.append("hide-input")
                meta["jupyter"] = {"source_hidden": True}
            if tags:
                meta["tags"] = tags
            new.metadata = meta
            nb.cells.append(new)
        out[fw] = nb
    return out


def _shape(nb) -> list[tuple]:
    """What must agree between a committed notebook and its source: cells, in order."""
    return [
        (c.get("id"), c.cell_type, c.source, tuple(c.metadata.get("tags", [])))
        for c in nb.cells
    ]


def check_notebook(src: Path, framework: str) -> list[str]:
    """Problems of the committed notebook generated from ``src`` (empty when all is well)."""
    import nbformat

    path = notebook_path(src, framework)
    fix = f"run `make notebooks` (or `python -m seqlab.authoring notebooks {_rel(src)}`)"
    if not path.exists():
        return [f"{_rel(path)} is missing: {fix}"]
    nb = nbformat.read(path, as_version=4)
    expected = split(src)[framework]
    problems = []
    got, want = _shape(nb), _shape(expected)
    if got != want:
        first = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        cell = want[first][0] if first < len(want) else got[first][0]
        problems.append(
            f"{_rel(path)} is stale: it differs from {_rel(src)} from cell {first} "
            f"(id {cell}) on ({len(got)} cells vs {len(want)} in the source): {fix}"
        )
    meta = nb.metadata.get("seqlab", {})
    if meta.get("mode") != "full":
        problems.append(f"{_rel(path)} was not executed in full mode (mode={meta.get('mode')!r}): {fix}")
    problems += _stale_widgets(nb, path, fix)
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        if c.get("execution_count") is None:
            problems.append(f"{_rel(path)}: cell {c.get('id')} was never executed: {fix}")
            break
        if any(o.get("output_type") == "error" for o in c.get("outputs", [])):
            problems.append(f"{_rel(path)}: cell {c.get('id')} stored an error: fix the source, then {fix}")
    return problems


def _stale_widgets(nb, path: Path, fix: str) -> list[str]:
    """The book renders widgets from the state stored in the notebook, front-end code and quiz
    text included: a quiz stored before ``seqlab/quiz.js``, ``quiz.css`` or its bank changed
    would show the old version."""
    from . import quizbank
    from .quiz import questions_for

    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    here = Path(__file__).resolve().parent
    current = {"_esm": (here / "quiz.js").read_text(encoding="utf-8"),
               "_css": (here / "quiz.css").read_text(encoding="utf-8")}
    for model in state.get("state", {}).values():
        stored = model.get("state", {})
        if "questions" in stored and "_esm" in stored:  # a seqlab quiz
            for key, code in current.items():
                if stored.get(key) != code:
                    return [f"{_rel(path)} stores an older quiz front end ({key}): {fix}"]
            bank = path.resolve().parents[2] / "quizzes" / f"{stored.get('chapter')}.yml"
            if bank.exists() and stored["questions"] != questions_for(quizbank.load(bank), stored.get("lang", "en"))[0]:
                return [f"{_rel(path)} stores an older version of {_rel(bank)}: {fix}"]
    return []


# --------------------------------------------------------------------------- translations


def _body(text: str) -> str:
    """A source without its YAML front matter, whitespace at line ends ignored."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        text = text[end + 4 :] if end != -1 else text
    return "\n".join(ln.rstrip() for ln in text.strip().splitlines())


def english_version(src_en: Path) -> str:
    """The version of an English source: a hash of its text without front matter."""
    return hashlib.sha256(_body(Path(src_en).read_text(encoding="utf-8")).encode()).hexdigest()[:12]


def english_of(src: Path) -> Path:
    return Path(src).parent.parent / "en" / Path(src).name


def follows_current(src: Path) -> str | None:
    """None if translation ``src`` follows the current English version, else the problem."""
    src = Path(src)
    en = english_of(src)
    if not en.exists():
        return f"{_rel(src)} translates {_rel(en)}, which does not exist"
    recorded = (read_source(src).metadata.get("seqlab") or {}).get("follows")
    current = english_version(en)
    if recorded is None:
        return (
            f"{_rel(src)} does not record which English version it follows: add "
            f"'seqlab: {{follows: {current}}}' to its front matter once it is up to date"
        )
    if recorded != current:
        return (
            f"{_rel(src)} follows English version {recorded}, but {_rel(en)} changed since "
            f"(now {current}): bring the translation up to date (see `git log -p {_rel(en)}`), "
            f"then run `python -m seqlab.authoring follow {_rel(src)}`"
        )
    return None


def stamp_follows(src: Path) -> str:
    """Record in translation ``src`` that it follows the current English version."""
    src = Path(src)
    current = english_version(english_of(src))
    text = src.read_text(encoding="utf-8")
    head, sep, body = text[4:].partition("\n---")
    if re.search(r"^  follows: .*$", head, flags=re.M):
        head = re.sub(r"^  follows: .*$", f"  follows: {current}", head, flags=re.M)
    elif re.search(r"^seqlab:\s*$", head, flags=re.M):
        head = re.sub(r"^seqlab:\s*$", f"seqlab:\n  follows: {current}", head, flags=re.M)
    else:
        head = head.rstrip("\n") + f"\nseqlab:\n  follows: {current}"
    src.write_text("---\n" + head + sep + body, encoding="utf-8")
    return current


def strip_comments(code: str) -> str:
    """Python code without comments and blank lines, for comparing translations."""
    try:
        tokens = [tok for tok in tokenize.generate_tokens(io.StringIO(code).readline)
                  if tok.type != tokenize.COMMENT]
        code = tokenize.untokenize(tokens)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        code = "\n".join(ln.split("#", 1)[0] for ln in code.splitlines())
    return "\n".join(ln.rstrip() for ln in code.splitlines() if ln.strip())


def code_drift(src: Path) -> list[str]:
    """Differences between the code cells of translation ``src`` and of its English source."""
    src = Path(src)
    en = english_of(src)
    ours = [(c.metadata.get("tags", []), strip_comments(c.source))
            for c in read_source(src).cells if c.cell_type == "code"]
    theirs = [(c.metadata.get("tags", []), strip_comments(c.source))
              for c in read_source(en).cells if c.cell_type == "code"]
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{_rel(src)} has {len(ours)} code cells, {_rel(en)} has {len(theirs)}")
    for k, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            first = a[1].splitlines()[0] if a[1] else ""
            problems.append(
                f"{_rel(src)}: code cell {k + 1} (starting {first[:40]!r}) differs from "
                f"code cell {k + 1} of {_rel(en)} (code must be identical; only comments may be translated)"
            )
            break
    return problems


# --------------------------------------------------------------------------- executing


def execute(nb, cwd: Path, quick: bool = False, timeout: int = 900):
    """Execute a notebook in place with nbclient, in full mode unless ``quick``."""
    from nbclient import NotebookClient

    env_before = os.environ.get("SEQLAB_QUICK")
    os.environ["SEQLAB_QUICK"] = "1" if quick else "0"
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop("SEQLAB_QUICK", None)
        else:
            os.environ["SEQLAB_QUICK"] = env_before
    nb.metadata["seqlab"]["mode"] = "quick" if quick else "full"
    return nb


def make_notebooks(sources: list[Path], quick: bool = False) -> list[tuple[Path, float]]:
    """Split, execute and write the notebooks of ``sources``; returns (path, seconds) pairs."""
    import nbformat

    done = []
    for src in sources:
        for fw, nb in split(src).items():
            path = notebook_path(src, fw)
            path.parent.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            print(f"executing {_rel(path)} ...", flush=True)
            execute(nb, path.parent, quick=quick)
            seconds = time.perf_counter() - start
            nbformat.write(nb, path)
            print(f"  wrote {_rel(path)} ({seconds:.1f} s)", flush=True)
            done.append((path, seconds))
    return done


# --------------------------------------------------------------------------- books


def _comparable_outputs(cell) -> list:
    """A code cell's outputs without what differs between two runs of the same thing."""
    out = []
    for o in cell.get("outputs", []):
        o = {k: v for k, v in o.items() if k != "execution_count"}
        data = o.get("data")
        if data and "application/vnd.jupyter.widget-view+json" in data:
            o = {"widget": sorted(data)}  # the same widget, whatever its model id
        out.append(o)
    return out


def merge_notebooks(src: Path):
    """One notebook for the book page of a chapter: both executed notebooks in source order.

    Shared cells appear once when both frameworks produced the same output; otherwise once per
    framework, tagged like framework cells, so the page's framework switch shows one of them.
    """
    import copy

    import nbformat

    src = Path(src)
    nbs = {fw: nbformat.read(notebook_path(src, fw), as_version=4) for fw in FRAMEWORKS}
    by_id = {fw: {c.id: c for c in nb.cells if c.id != SETUP_CELL_ID} for fw, nb in nbs.items()}
    order = sorted(set(by_id["pytorch"]) | set(by_id["tensorflow"]))
    merged = nbformat.v4.new_notebook(metadata=copy.deepcopy(nbs["pytorch"].metadata))
    merged.metadata["seqlab"].pop("framework", None)
    states = {}
    for nb in nbs.values():
        widgets = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        states.update(widgets.get("state", {}))
    if states:
        merged.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json":
                                      {"version_major": 2, "version_minor": 0, "state": states}}
    title = read_source(src).cells[0].source
    for cid in order:
        pt, tf = by_id["pytorch"].get(cid), by_id["tensorflow"].get(cid)
        if pt is not None and tf is not None:
            if cid == "c000":
                pt = copy.deepcopy(pt)
                pt.source = title  # without "(PyTorch)"
                merged.cells.append(pt)
            elif pt.cell_type == "markdown" or _comparable_outputs(pt) == _comparable_outputs(tf):
                merged.cells.append(pt)
            else:
                for fw, cell in (("pytorch", pt), ("tensorflow", tf)):
                    cell = copy.deepcopy(cell)
                    cell.id = f"{cid}-{fw}"
                    cell.metadata["tags"] = cell.metadata.get("tags", []) + [fw]
                    merged.cells.append(cell)
        else:
            merged.cells.append(pt if pt is not None else tf)
    return merged


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write only when the content differs, so Sphinx's incremental build stays incremental."""
    if not path.exists() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def book_pages(lang: str, root: Path = ROOT) -> list[str]:
    """The page names of a language's book: intro, chapters, then other pages (glossary)."""
    pages = [p.stem for p in sorted((root / "book" / lang).glob("*.md"))]
    chapters = [p for p in pages if CHAPTER_RE.match(p + ".md")]
    others = [p for p in pages if p not in chapters and p != "intro"]
    if (root / "book" / "glossary.yml").exists():
        others.append("glossary")
    if (root / "assets" / "benchmarks.json").exists():
        others.append("benchmarks")
    return ["intro"] + chapters + others


def _write_book_script_config(config: dict, lang: str, root: Path, stage: Path) -> None:
    """``_vendor/seqlab/config.js`` (what seqlab-book.js needs) and the book's own scripts."""
    import json

    launch = config.get("course_launch", {})
    data = {
        "lang": lang,
        "langs": [{"code": lg, "name": t("language_name", lg), "pages": book_pages(lg, root)} for lg in book_langs(root)],
        "chapters": [p.stem for p in chapter_sources(lang, root)],
        "repository": repository(root),
        "binderhub_url": launch.get("binderhub_url") or "https://mybinder.org",
        "jupyterhub_url": launch.get("jupyterhub_url") or "",
        "strings": {k: t(k, lang) for k in ("language", "framework", "open_colab", "open_binder",
                                             "open_jupyterhub", "hub_prompt")},
    }
    js = "// Generated by seqlab.authoring for the book in this language.\nwindow.SEQLAB_BOOK = " + \
        json.dumps(data, ensure_ascii=False, indent=1) + ";\n"
    _write_if_changed(stage / "_vendor" / "seqlab" / "config.js", js.encode())
    for f in sorted((root / "assets" / "book").iterdir()):
        _copy_tree(f, stage / "_vendor" / "seqlab" / f.name)


def stage_book(lang: str, root: Path = ROOT) -> Path:
    """Assemble ``_build/src/<lang>/``: config, table of contents, pages and executed notebooks."""
    import yaml

    book_dir = root / "book" / lang
    stage = root / "_build" / "src" / lang
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = t("course_title", lang)
    sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx_config["language"] = lang
    # The only hidden inputs are exercise solutions (tag `solution` adds `hide-input`).
    sphinx_config["nb_code_prompt_show"] = t("show_solution", lang)
    sphinx_config["nb_code_prompt_hide"] = t("hide_solution", lang)
    sphinx_config["togglebutton_hint"] = t("show_solution", lang)
    sphinx_config["togglebutton_hint_hide"] = t("hide_solution", lang)
    sphinx_config["html_js_files"] = ["seqlab/config.js", "seqlab/seqlab-book.js"]
    sphinx_config["html_css_files"] = ["seqlab/seqlab-book.css"]
    _write_if_changed(stage / "_config.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode())
    _write_book_script_config(config, lang, root, stage)

    _vendor_static(root, stage)
    import nbformat

    from . import glossary

    wanted = {"_config.yml", "_toc.yml"}
    chapters = []
    terms = glossary.load() if glossary.GLOSSARY.exists() else []
    if terms:
        _write_if_changed(stage / "glossary.md", glossary.page(lang, terms).encode())
        wanted.add("glossary.md")
    for page in sorted(book_dir.glob("*.md")):
        if CHAPTER_RE.match(page.name):
            for fw in FRAMEWORKS:
                if not notebook_path(page, fw).exists():
                    raise FileNotFoundError(f"{_rel(notebook_path(page, fw))} is missing: run `make notebooks`")
            name = f"{page.stem}.ipynb"
            merged = merge_notebooks(page)
            if terms:
                line = glossary.chapter_links(lang, int(page.name[:2]), terms)
                if line:
                    cell = nbformat.v4.new_markdown_cell(line)
                    cell.id = "glossary-links"
                    merged.cells.append(cell)
            _write_if_changed(stage / name, nbformat.writes(merged).encode())
            wanted.add(name)
            chapters.append(page.stem)
        else:
            _write_if_changed(stage / page.name, page.read_bytes())
            wanted.add(page.name)
    if not (book_dir / "intro.md").exists():
        raise FileNotFoundError(f"{_rel(book_dir / 'intro.md')} is missing: every book starts with it")
    extra = ["glossary"] if terms else []
    results = root / "assets" / "benchmarks.json"
    if results.exists():
        import json

        from . import bench

        _write_if_changed(stage / "benchmarks.md",
                          bench.page(lang, json.loads(results.read_text(encoding="utf-8"))).encode())
        wanted.add("benchmarks.md")
        extra.append("benchmarks")
    toc = {"format": "jb-book", "root": "intro", "chapters": [{"file": c} for c in chapters + extra]}
    _write_if_changed(stage / "_toc.yml", yaml.safe_dump(toc).encode())
    for stale in stage.iterdir():  # pages removed from the source go from the stage too
        if stale.is_file() and stale.name not in wanted:  # (_vendor/ is a folder: kept)
            stale.unlink()
    return stage


# What the book serves itself instead of loading from CDNs (the built site makes no request to
# another host): MathJax (the parts its TeX/CHTML component loads, not the 4 MB speech engine),
# RequireJS and the ipywidgets HTML manager from node_modules (package.json), and anywidget's
# front end from its Python package. Pages load them as configured in _config.yml.
MATHJAX_PARTS = ("tex-mml-chtml.js", "output/chtml", "input/tex/extensions", "ui", "a11y", "adaptors")
WIDGET_FILES = {
    "require.js": "node_modules/requirejs/require.js",
    "embed-amd.js": "node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js",
}
# Tells RequireJS that the AMD module "anywidget" is the file next to this script, so the HTML
# manager finds it locally and never falls back to its CDN.
WIDGET_CONFIG_JS = """// Generated by seqlab.authoring: serve anywidget's front end from the book itself.
require.config({ paths: { anywidget: document.currentScript.src.replace(/config\\.js(\\?.*)?$/, "anywidget") } });
"""


def _copy_tree(source: Path, target: Path) -> None:
    for f in [source] if source.is_file() else sorted(source.rglob("*")):
        if f.is_file():
            _write_if_changed(target / f.relative_to(source) if source.is_dir() else target, f.read_bytes())


def _vendor_static(root: Path, stage: Path) -> None:
    """Copy the book's own JavaScript into ``<stage>/_vendor`` (served as ``_static``).

    Not into ``_static`` itself: Jupyter Book adds every script in ``_static`` to every page,
    which would load MathJax and RequireJS twice.
    """
    import anywidget

    mathjax = root / "node_modules" / "mathjax" / "es5"
    needed = [mathjax / "tex-mml-chtml.js"] + [root / p for p in WIDGET_FILES.values()]
    missing = [p for p in needed if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{_rel(missing[0])} is missing: run `npm ci` (make book does)")
    vendor = stage / "_vendor"
    for part in MATHJAX_PARTS:
        _copy_tree(mathjax / part, vendor / "mathjax" / part)
    for name, path in WIDGET_FILES.items():
        _copy_tree(root / path, vendor / "widgets" / name)
    _copy_tree(Path(anywidget.__file__).parent / "nbextension" / "index.js", vendor / "widgets" / "anywidget.js")
    _write_if_changed(vendor / "widgets" / "config.js", WIDGET_CONFIG_JS.encode())
    # The HTML manager asks for its icon fonts at <page folder>/@jupyter-widgets/html-manager/dist/.
    dist = root / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist"
    for font in sorted(dist.iterdir()):
        if font.suffix in (".woff", ".woff2", ".ttf", ".eot", ".svg"):
            _copy_tree(font, stage / "_extra" / "@jupyter-widgets" / "html-manager" / "dist" / font.name)


def build_book(lang: str, root: Path = ROOT) -> Path:
    """Build the book of ``lang`` into ``_build/html/<lang>/`` (warnings are errors)."""
    stage = stage_book(lang, root)
    out = root / "_build" / "out" / lang
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(stage), "--path-output", str(out),
           "--builder", "html", "-W", "--keep-going", "-q"]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-6000:] + proc.stderr[-6000:])
        raise RuntimeError(f"the {lang} book did not build (command: {' '.join(cmd)})")
    target = root / "_build" / "html" / lang
    if target.exists():
        shutil.rmtree(target)
    built = out / "_build" / "html"
    sources = {p.stem for p in stage.iterdir() if p.suffix in (".md", ".ipynb")}

    def stale_pages(folder, names):  # pages whose source left the book: Sphinx never deletes them
        if Path(folder) != built:
            return []
        return [n for n in names if n.endswith(".html") and n[:-5] not in sources | {"index", "genindex", "search"}]

    shutil.copytree(built, target, ignore=stale_pages)
    return target


def write_landing_page(langs, root: Path = ROOT) -> Path:
    """``_build/html/index.html``: the course title in each language, each leading to its book."""
    items = "\n".join(
        f'    <li><a href="{lg}/index.html" lang="{lg}" hreflang="{lg}">'
        f'<span class="name">{html.escape(t("language_name", lg))}</span>'
        f'<span class="title">{html.escape(t("course_title", lg))}</span>'
        f'<span class="tagline">{html.escape(t("course_tagline", lg))}</span></a></li>'
        for lg in langs
    )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(t("course_title", "en"))}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #222; }}
  h1 {{ font-size: 1.6rem; }}
  ul {{ list-style: none; padding: 0; }}
  li a {{ display: block; padding: 0.8rem 1rem; margin: 0.5rem 0; border: 1px solid #ccd;
          border-radius: 8px; text-decoration: none; color: inherit; }}
  li a:hover, li a:focus {{ background: #f0f4ff; outline: 2px solid #4a6fd8; }}
  .name {{ font-weight: 600; display: block; }}
  .title {{ color: #555; display: block; }}
  .tagline {{ color: #666; font-size: 0.9rem; display: block; margin-top: 0.3rem; }}
  li a.suggested {{ border-color: #4a6fd8; border-width: 2px; }}
</style>
</head>
<body>
<h1>{html.escape(t("course_title", "en"))}</h1>
<p>{" · ".join(html.escape(t("choose_language", lg)) for lg in langs)}</p>
<ul>
{items}
</ul>
<script>
// Suggest the reader's language (a previous choice first, then the browser's), without redirecting.
(function () {{
  var links = Array.prototype.slice.call(document.querySelectorAll("li a[hreflang]"));
  var have = links.map(function (a) {{ return a.getAttribute("hreflang"); }});
  var saved = null;
  try {{ saved = localStorage.getItem("seqlab-lang"); }} catch (e) {{}}
  var prefs = (saved ? [saved] : []).concat(navigator.languages || [navigator.language || ""]);
  var pick = prefs.map(function (l) {{ return String(l).slice(0, 2).toLowerCase(); }})
                  .filter(function (l) {{ return have.indexOf(l) >= 0; }})[0];
  links.forEach(function (a) {{
    a.addEventListener("click", function () {{
      try {{ localStorage.setItem("seqlab-lang", a.getAttribute("hreflang")); }} catch (e) {{}}
    }});
    if (a.getAttribute("hreflang") === pick) {{ a.classList.add("suggested"); a.focus(); }}
  }});
}})();
</script>
</body>
</html>
"""
    path = root / "_build" / "html" / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def book_langs(root: Path = ROOT) -> list[str]:
    """The languages that have a book: those with ``book/<lang>/intro.md``."""
    return [lg for lg in LANGS if (root / "book" / lg / "intro.md").exists()]


# --------------------------------------------------------------------------- CLI


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seqlab.authoring", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_nb = sub.add_parser("notebooks", help="split + execute chapter sources into notebooks/")
    p_nb.add_argument("sources", nargs="*", type=Path, help="default: every chapter source")
    p_nb.add_argument("--quick", action="store_true", help="execute in quick mode (never commit these)")
    sub.add_parser("check", help="stale notebooks, translation drift, outdated translations")
    p_follow = sub.add_parser("follow", help="mark translations as following the current English")
    p_follow.add_argument("sources", nargs="+", type=Path)
    p_book = sub.add_parser("book", help="build the books into _build/html/<lang>/")
    p_book.add_argument("--lang", action="append", choices=LANGS, help="default: every language")
    args = parser.parse_args(argv)

    try:
        if args.command == "notebooks":
            make_notebooks(args.sources or chapter_sources(), quick=args.quick)
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
        elif args.command == "follow":
            for src in args.sources:
                print(f"{src}: follows English version {stamp_follows(src)}")
        elif args.command == "book":
            langs = args.lang or book_langs()
            for lang in langs:
                start = time.perf_counter()
                target = build_book(lang)
                print(f"built {_rel(target)} ({time.perf_counter() - start:.0f} s)")
            index = write_landing_page(book_langs())
            print(f"\nOpen {index} in a browser (or run `python -m http.server -d _build/html`).")
    except (SourceError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
