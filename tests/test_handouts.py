"""``make exercises``: exercise notebooks with the stubs and checks of every self-checking exercise
and no solution, for every language and framework; and the book's exercise cells, which keep the
stub, drop the check's (never filled-in) output and say where the check runs."""
import re

import nbformat
import pytest

from seqlab import FRAMEWORKS, LANGS, authoring
from seqlab.authoring import handouts
from seqlab.exercises import EXERCISES, message
from seqlab.i18n import t

SOURCES = authoring.chapter_sources()


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("exercises")
    return out, handouts.write_exercises(out)


def test_one_notebook_per_chapter_language_and_framework(written):
    out, paths = written
    expected = {out / src.parent.name / f"{src.stem}-{fw}.ipynb" for src in SOURCES for fw in FRAMEWORKS}
    assert set(paths) == expected and all(p.exists() for p in paths)
    assert {p.parent.name for p in paths} == set(LANGS)


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stubs_and_checks_kept_solutions_removed(written, src):
    out, _ = written
    lang = src.parent.name
    chapter_keys = [k for k in EXERCISES if k[:2] == src.name[:2]]
    assert len(chapter_keys) >= 2
    for fw in FRAMEWORKS:
        nb = nbformat.read(out / lang / f"{src.stem}-{fw}.ipynb", as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        assert code[0].startswith("# Generated from") and f'LANG, FRAMEWORK = "{lang}", "{fw}"' in code[0]
        assert nb.cells[1].source.startswith("# " + t("exercises_title", lang).split("{")[0])
        for key in chapter_keys:
            name = EXERCISES[key].name
            stubs = [c for c in code if c.startswith(f"def {name}(")]
            assert len(stubs) == 1 and "raise NotImplementedError" in stubs[0], f"{src} {fw}: the stub of {name}"
            assert sum(c.strip() == f'check("{key}", {name}, LANG, FRAMEWORK)' for c in code) == 1
        assert not any("solution" in c.metadata.get("tags", []) for c in nb.cells)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
        other = "tensorflow" if fw == "pytorch" else "torch"
        assert not any(re.search(rf"^import {other}", c, re.M) for c in code), f"{src} {fw}: imports {other}"


def test_an_exercise_notebook_runs_and_every_check_says_not_written_yet(written, tmp_path):
    """A learner who runs the handed-out notebook from the top sees one 'not written yet' per
    exercise and no error (here: chapter 4 in German, PyTorch; tests/test_jupyterlab.py runs a
    TensorFlow one in JupyterLab)."""
    from nbclient import NotebookClient

    out, _ = written
    nb = nbformat.read(out / "de" / "04-attention-pytorch.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    texts = [o.get("data", {}).get("text/plain", "") for c in nb.cells for o in c.get("outputs", [])]
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    todo = message("todo", "de").split(":")[0]                     # "Noch nicht geschrieben"
    assert sum(x.startswith(todo) for x in texts) == 2, texts


def test_a_chapter_without_two_exercises_is_refused(tmp_path):
    src = tmp_path / "book" / "en" / "01-x.md"
    src.parent.mkdir(parents=True)
    (tmp_path / "_config.yml").write_text((authoring.ROOT / "_config.yml").read_text())
    src.write_text("---\njupytext:\n  text_representation:\n    format_name: myst\n---\n\n# 1. X\n\n"
                   "```{code-cell} ipython3\n:tags: [exercise]\n\ncheck(\"01/rnn-step\", f, LANG, FRAMEWORK)\n```\n")
    with pytest.raises(authoring.SourceError, match=r"01-x.md: a chapter needs at least two self-checking exercises"):
        handouts.exercise_notebook(src, "pytorch")


def test_book_page_keeps_the_stub_and_says_where_the_check_runs():
    src = authoring.ROOT / "book" / "de" / "01-rnn.md"
    nb = authoring.merge_notebooks(src)
    handouts.exercise_notes(nb, "de")
    checks = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.startswith("check(")
              and "exercise" in c.metadata.get("tags", [])]
    assert len(checks) >= 2
    notes = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and t("exercise_where", "de") in c.source]
    assert len(notes) == len({nb.cells[i].source for i in checks}), "one line per exercise, not per framework"
    for i in checks:
        assert "remove-output" in nb.cells[i].metadata["tags"]
        assert i + 1 in notes or (nb.cells[i + 1].source == nb.cells[i].source and i + 2 in notes)
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", []) and "check(" in c.source]
    assert solutions and all("remove-output" not in c.metadata["tags"] for c in solutions)
