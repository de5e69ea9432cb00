"""Chapter sources: reading and validating ``book/<lang>/NN-name.md``, and splitting one into a
notebook per framework (``split``). Everything else in ``seqlab.authoring`` builds on this."""
from __future__ import annotations

import re
from pathlib import Path

from .. import FRAMEWORKS, LANGS
from ..i18n import t

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK_NAMES = {"pytorch": "PyTorch", "tensorflow": "TensorFlow"}
# Tags a chapter source may use besides the framework tags: nbval's, Jupyter Book's and ours
# (``solution``: an exercise's solution, hidden behind a toggle in the book and collapsed in
# JupyterLab, but executed, so nbval proves every solution runs; ``exercise``: a self-checking
# exercise's text, stub and check, which ``make exercises`` keeps in the exercise notebooks).
OTHER_TAGS = {
    "solution",
    "exercise",
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
# The kernelspec as JupyterLab writes it for ipykernel's kernel: with anything else, a notebook
# opens already modified and closing it asks to save.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


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
    language and framework; on Colab only, the course's helpers (torch and TensorFlow are
    installed there already; the TensorFlow notebooks ask for the versions they need); then a
    check that says, in the notebook's language, what is too old and how to fix it."""
    repo = repo or repository()
    extra = "[tensorflow]" if framework == "tensorflow" else ""
    return (
        f"# Generated from {src_rel} by `make notebooks`: edit the source, not this notebook.\n"
        f'LANG, FRAMEWORK = "{lang}", "{framework}"\n'
        "import sys\n"
        f'if "google.colab" in sys.modules:  # {t("env_colab", lang)}\n'
        f'    %pip install --quiet "seqlab{extra} @ git+{repo["url"]}@{repo["branch"]}"\n'
        "import seqlab.env\n"
        f"seqlab.env.check(LANG, FRAMEWORK)  # {t('env_comment', lang)}"
    )


def split(src: Path) -> dict:
    """Split a chapter source into one unexecuted notebook per framework: ``{framework: nb}``.

    Cell ids are derived from the cell's position in the source (``c007``), so the same cell
    has the same id in both notebooks and across regenerations. The title gets the framework's
    name, and solution cells, code and output, are collapsed (JupyterLab) and hidden behind a
    toggle (book).
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
            "kernelspec": dict(KERNELSPEC),
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
            if "solution" in tags:  # code and output: an exercise's output can be its answer
                tags.append("hide-cell")
                meta["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
                meta["collapsed"] = True  # what JupyterLab writes next to outputs_hidden
            if tags:
                meta["tags"] = tags
            new.metadata = meta
            nb.cells.append(new)
        out[fw] = nb
    return out




def book_langs(root: Path = ROOT) -> list[str]:
    """The languages that have a book: those with ``book/<lang>/intro.md``."""
    return [lg for lg in LANGS if (root / "book" / lg / "intro.md").exists()]
