"""Exercise notebooks for a class (``make exercises``): per chapter, language and framework, a
notebook with only the self-checking exercises, solutions removed, stubs and checks kept, written
to ``_build/exercises/<lang>/NN-name-<framework>.ipynb`` from the same chapter sources.

A chapter source marks what goes in with the tag ``exercise``: the exercises' imports, each
exercise's text, its stub and its ``check(...)`` cell. The notebook starts with the generated
setup cell (language, framework, seqlab on Colab, the version check), a title and one paragraph
saying how the checks work; everything else of the chapter, and every ``solution`` cell, is left
out. Nothing is executed: the notebooks are handed out empty.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import FRAMEWORKS
from ..i18n import t
from .sources import FRAMEWORK_NAMES, ROOT, SETUP_CELL_ID, SourceError, _lang_of, _rel, chapter_sources, split

CHECK_RE = re.compile(r"^check\(\s*\"(\d\d/[a-z0-9-]+)\"", re.M)


def exercise_notebook(src: Path, framework: str):
    """The exercise notebook of one chapter source and framework (unexecuted)."""
    import nbformat

    src = Path(src)
    lang = _lang_of(src)
    nb = split(src)[framework]
    title = nb.cells[1].source.partition("\n")[0].lstrip("# ").strip()     # "1. Recurrent … (PyTorch)"
    cells = [c for c in nb.cells if c.id == SETUP_CELL_ID or "exercise" in c.metadata.get("tags", [])]
    kept = [c for c in cells if "solution" not in c.metadata.get("tags", [])]
    keys = [k for c in kept if c.cell_type == "code" for k in CHECK_RE.findall(c.source)]
    if len(keys) < 2:
        raise SourceError(f"{_rel(src)}: a chapter needs at least two self-checking exercises (cells tagged "
                          f"'exercise' with a check(\"NN/name\", ...) call), found {len(keys)}")
    out = nbformat.v4.new_notebook(metadata={**nb.metadata, "seqlab": {**nb.metadata["seqlab"], "handout": True}})
    head = nbformat.v4.new_markdown_cell(f"# {t('exercises_title', lang).format(title=title)}\n\n"
                                         f"{t('exercises_intro', lang)}")
    head.id = "handout-title"
    setup = kept[0]
    setup.source = setup.source.replace("by `make notebooks`", "by `make exercises`")
    out.cells = [setup, head] + kept[1:]
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        tags = [tag for tag in cell.metadata.get("tags", []) if tag not in ("exercise", *FRAMEWORKS)]
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
    return out


def chapter_exercises(src: Path) -> list[dict]:
    """The self-checking exercises of a chapter source, in order: ``{"title", "key", "name"}``, the
    title from the bold start of the exercise's text ("4. One step of the RNN cell.")."""
    from ..exercises import EXERCISES

    found, title = [], None
    for cell in split(src)[FRAMEWORKS[0]].cells:
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        if cell.cell_type == "markdown":
            m = re.match(r"\*\*(.+?)\*\*", cell.source.strip())
            title = m.group(1).strip() if m else None
        for key in CHECK_RE.findall(cell.source) if cell.cell_type == "code" else ():
            found.append({"title": title, "key": key, "name": EXERCISES[key].name if key in EXERCISES else None})
    return found


def write_exercises(out_dir: Path | None = None, sources: list[Path] | None = None) -> list[Path]:
    """Write every exercise notebook; returns their paths."""
    import nbformat

    out_dir = Path(out_dir) if out_dir else ROOT / "_build" / "exercises"
    written = []
    for src in sources or chapter_sources():
        for fw in FRAMEWORKS:
            nb = exercise_notebook(src, fw)
            path = out_dir / _lang_of(src) / f"{Path(src).stem}-{fw}.ipynb"
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, path)
            written.append(path)
    return written


def describe(paths: list[Path]) -> str:
    langs = sorted({p.parent.name for p in paths})
    return (f"wrote {len(paths)} exercise notebooks ({', '.join(FRAMEWORK_NAMES[f] for f in FRAMEWORKS)}; "
            f"{', '.join(langs)}) into {_rel(paths[0].parents[1]) if paths else '-'}/")


def exercise_notes(nb, lang: str) -> None:
    """For the book page: a self-checking exercise's ``check(...)`` cell keeps its code but not its
    output (in the book the stub is never filled in), and is followed by a line saying where the
    check runs. The solution's own check, behind its toggle, keeps its output. A check cell that
    the page shows once per framework (its stored outputs differ) gets one line after both copies:
    markdown cells carry no framework class."""
    import nbformat

    def is_check(cell):
        tags = cell.metadata.get("tags", [])
        return (cell.cell_type == "code" and "exercise" in tags and "solution" not in tags
                and bool(CHECK_RE.search(cell.source)))

    cells = []
    for i, cell in enumerate(nb.cells):
        cells.append(cell)
        if not is_check(cell):
            continue
        cell.metadata["tags"] = cell.metadata.get("tags", []) + ["remove-output"]
        following = nb.cells[i + 1] if i + 1 < len(nb.cells) else None
        if following is not None and is_check(following) and following.source == cell.source:
            continue                                    # the other framework's copy comes next
        note = nbformat.v4.new_markdown_cell(f"*{t('exercise_where', lang)}*")
        note.id = f"{cell.id.split('-')[0]}-where"
        cells.append(note)
    nb.cells = cells
