"""The chapter-source tooling, fed with small sources in a temporary repository."""
import copy
from pathlib import Path
import textwrap

import nbformat
import seqlab
import pytest

from seqlab import authoring
from seqlab.authoring import SourceError

HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""

BODY = '''
# 9. A test chapter

Shared prose.

```{code-cell} ipython3
x = 1  # shared
```

```{code-cell} ipython3
:tags: [pytorch]

import torch
```

```{code-cell} ipython3
:tags: [tensorflow]

import tensorflow
```

+++ {"tags": ["tensorflow"]}

A note for TensorFlow readers.

+++

**Exercise.**

```{code-cell} ipython3
:tags: [solution]

print(x)
```
'''


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path):
    write(tmp_path / "book" / "en" / "09-test.md", HEADER + BODY)
    return tmp_path


def fake_execute(nb):
    """What make_notebooks leaves behind, without running a kernel."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            cell.execution_count = i
    nb.metadata["seqlab"]["mode"] = "full"
    return nb


def commit_notebooks(src):
    for fw, nb in authoring.split(src).items():
        path = authoring.notebook_path(src, fw)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(fake_execute(nb), path)


def test_split_routes_cells_by_tag(repo):
    nbs = authoring.split(repo / "book" / "en" / "09-test.md")
    pt, tf = nbs["pytorch"], nbs["tensorflow"]
    pt_sources = [c.source for c in pt.cells]
    tf_sources = [c.source for c in tf.cells]
    assert "import torch" in pt_sources and "import torch" not in tf_sources
    assert "import tensorflow" in tf_sources and "import tensorflow" not in pt_sources
    assert "A note for TensorFlow readers." in tf_sources
    assert "A note for TensorFlow readers." not in pt_sources
    assert "x = 1  # shared" in pt_sources and "x = 1  # shared" in tf_sources
    assert pt.cells[1].source.startswith("# 9. A test chapter (PyTorch)")
    assert tf.cells[1].source.startswith("# 9. A test chapter (TensorFlow)")


def test_split_generates_setup_cell_and_stable_ids(repo):
    src = repo / "book" / "en" / "09-test.md"
    pt = authoring.split(src)["pytorch"]
    assert pt.cells[0].id == "setup"
    assert 'LANG, FRAMEWORK = "en", "pytorch"' in pt.cells[0].source
    assert 'if "google.colab" in sys.modules:' in pt.cells[0].source  # installs seqlab on Colab only
    assert "%pip install" in pt.cells[0].source and "git+https://github.com/" in pt.cells[0].source
    ids = [c.id for c in pt.cells]
    assert ids == [c.id for c in authoring.split(src)["pytorch"].cells]  # same on every run
    shared = next(c for c in pt.cells if c.source == "x = 1  # shared")
    tf_shared = next(c for c in authoring.split(src)["tensorflow"].cells if c.source == "x = 1  # shared")
    assert shared.id == tf_shared.id


def test_solution_cells_are_hidden(repo):
    pt = authoring.split(repo / "book" / "en" / "09-test.md")["pytorch"]
    solution = next(c for c in pt.cells if c.source == "print(x)")
    assert "hide-cell" in solution.metadata["tags"], "code and output hidden: the output can be the answer"
    assert solution.metadata["jupyter"] == {"source_hidden": True, "outputs_hidden": True}


@pytest.mark.parametrize(
    "bad, message",
    [
        (BODY.replace(":tags: [pytorch]", ":tags: [pytorh]"), r"cell 3 \(code, starting 'import torch'\): unknown tag 'pytorh'"),
        (BODY.replace(":tags: [pytorch]", ":tags: [pytorch, tensorflow]"), "cell 3 .*both frameworks"),
        (BODY.replace("import torch", "import torch as"), r"cell 3 .*not valid Python"),
        (BODY.replace('+++ {"tags": ["tensorflow"]}', '+++ {"tags": ["tf"]}'), "cell 5 \\(markdown.*unknown tag 'tf'"),
        (BODY.replace("# 9. A test chapter", "Not a title"), "first cell must be markdown starting with the '# ' title"),
    ],
)
def test_bad_sources_name_file_and_cell(repo, bad, message):
    src = write(repo / "book" / "en" / "09-test.md", HEADER + bad)
    with pytest.raises(SourceError, match=message) as err:
        authoring.split(src)
    assert "09-test.md" in str(err.value)


def test_unknown_tag_error_gives_the_line(repo):
    src = write(repo / "book" / "en" / "09-test.md", HEADER + BODY.replace(":tags: [pytorch]", ":tags: [pytorh]"))
    with pytest.raises(SourceError) as err:
        authoring.split(src)
    line = int(str(err.value).split("09-test.md:")[1].split(":")[0])
    assert src.read_text().splitlines()[line - 1] == "import torch"


def test_source_without_front_matter_is_rejected(repo):
    src = write(repo / "book" / "en" / "09-test.md", BODY)
    with pytest.raises(SourceError, match="09-test.md: a chapter source starts with YAML front matter"):
        authoring.split(src)


def test_source_outside_a_language_folder_is_rejected(tmp_path):
    src = write(tmp_path / "book" / "fr" / "09-test.md", HEADER + BODY)
    with pytest.raises(SourceError, match="book/<lang>/"):
        authoring.split(src)


def test_committed_notebooks_pass_until_the_source_changes(repo):
    src = repo / "book" / "en" / "09-test.md"
    commit_notebooks(src)
    assert authoring.check_notebook(src, "pytorch") == []
    assert authoring.check_notebook(src, "tensorflow") == []
    write(src, HEADER + BODY.replace("x = 1", "x = 2"))
    problems = authoring.check_notebook(src, "pytorch")
    assert len(problems) == 1
    assert "09-test-pytorch.ipynb is stale" in problems[0]
    assert "make notebooks" in problems[0]


def test_unexecuted_or_quick_notebooks_are_flagged(repo):
    src = repo / "book" / "en" / "09-test.md"
    commit_notebooks(src)
    path = authoring.notebook_path(src, "pytorch")
    nb = nbformat.read(path, 4)
    nb.metadata["seqlab"]["mode"] = "quick"
    nb.cells[0].execution_count = None
    nbformat.write(nb, path)
    problems = " ".join(authoring.check_notebook(src, "pytorch"))
    assert "not executed in full mode" in problems
    assert "never executed" in problems


def test_missing_notebook_is_flagged(repo):
    problems = authoring.check_notebook(repo / "book" / "en" / "09-test.md", "tensorflow")
    assert problems and "09-test-tensorflow.ipynb is missing" in problems[0]


def test_translated_comments_are_not_drift(repo):
    de = write(repo / "book" / "de" / "09-test.md",
               HEADER + BODY.replace("# shared", "# gemeinsam").replace("Shared prose.", "Gemeinsamer Text."))
    assert authoring.code_drift(de) == []


def test_changed_code_in_a_translation_is_drift(repo):
    de = write(repo / "book" / "de" / "09-test.md", HEADER + BODY.replace("print(x)", "print(x + 1)"))
    problems = authoring.code_drift(de)
    assert len(problems) == 1
    assert "book/de/09-test.md: code cell 4" in problems[0].replace("\\", "/")


def test_missing_code_cell_in_a_translation_is_drift(repo):
    de = write(repo / "book" / "de" / "09-test.md", HEADER + BODY.split("```{code-cell} ipython3\n:tags: [solution]")[0])
    assert any("has 3 code cells" in p for p in authoring.code_drift(de))


def test_translation_records_and_checks_the_english_version(repo):
    de = write(repo / "book" / "de" / "09-test.md", HEADER + BODY)
    assert "does not record which English version" in authoring.follows_current(de)
    version = authoring.stamp_follows(de)
    assert f"  follows: {version}" in de.read_text()
    assert authoring.follows_current(de) is None
    assert authoring.split(de)  # the stamped front matter is still a valid source
    en = repo / "book" / "en" / "09-test.md"
    write(en, en.read_text() + "\nOne more English sentence.\n")
    problem = authoring.follows_current(de)
    assert "book/de/09-test.md follows English version" in problem.replace("\\", "/")
    assert "changed since" in problem
    authoring.stamp_follows(de)  # re-stamping replaces, not appends
    assert de.read_text().count("follows:") == 1
    assert authoring.follows_current(de) is None


def test_stamping_a_page_without_front_matter_is_refused_and_leaves_it_alone(repo):
    from seqlab.authoring.sources import SourceError

    write(repo / "book" / "en" / "intro.md", "# Title\n\nText.\n")
    page = write(repo / "book" / "de" / "intro.md", "# Titel\n\nText.\n")
    with pytest.raises(SourceError, match=r"intro.md has no front matter"):
        authoring.stamp_follows(page)
    assert page.read_text() == "# Titel\n\nText.\n"


def test_strip_comments_keeps_strings_with_hashes():
    code = textwrap.dedent('''
        s = "#not a comment"  # a comment
        # a whole-line comment
        y = 2
    ''')
    assert authoring.strip_comments(code) == 's = "#not a comment"\ny = 2'


def test_notebook_with_an_older_quiz_front_end_is_stale(repo):
    src = repo / "book" / "en" / "09-test.md"
    commit_notebooks(src)
    path = authoring.notebook_path(src, "pytorch")
    nb = nbformat.read(path, 4)
    state = {"m1": {"state": {"questions": [], "_esm": "old code", "_css": "old css"}}}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    nbformat.write(nb, path)
    problems = authoring.check_notebook(src, "pytorch")
    assert any("stores an older quiz front end (_esm)" in p for p in problems)


def test_notebook_with_an_older_quiz_text_is_stale(repo):
    import yaml
    from seqlab.quiz import questions_for
    from test_quizbank import GOOD

    src = repo / "book" / "en" / "09-test.md"
    commit_notebooks(src)
    bank = dict(copy.deepcopy(GOOD), chapter="09-test")
    write(repo / "quizzes" / "09-test.yml", yaml.safe_dump(bank, allow_unicode=True))
    here = Path(seqlab.__file__).resolve().parent
    stored = {"chapter": "09-test", "lang": "en", "questions": questions_for(bank, "en")[0],
              "_esm": (here / "quiz.js").read_text(), "_css": (here / "quiz.css").read_text()}
    path = authoring.notebook_path(src, "pytorch")
    nb = nbformat.read(path, 4)
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"m": {"state": stored}}}}
    nbformat.write(nb, path)
    assert authoring.check_notebook(src, "pytorch") == []
    bank["questions"][0]["text"]["en"]["question"] = "A better question?"
    write(repo / "quizzes" / "09-test.yml", yaml.safe_dump(bank, allow_unicode=True))
    assert any("stores an older version of" in p and "09-test.yml" in p for p in authoring.check_notebook(src, "pytorch"))


def test_repository_must_be_named_as_a_github_url(tmp_path):
    write(tmp_path / "_config.yml", "repository:\n  url: https://example.org/course\n")
    with pytest.raises(ValueError, match=r"_config.yml: repository.url must be a GitHub repository URL"):
        authoring.repository(tmp_path)
    write(tmp_path / "_config.yml", "repository:\n  url: https://github.com/someone/course.git\n  branch: dev\n")
    assert authoring.repository(tmp_path) == {"url": "https://github.com/someone/course.git", "branch": "dev",
                                              "github": "someone/course", "name": "course"}


def commit_with_an_output(src):
    """Commit the notebooks of ``src``; the PyTorch one's first code cell shows "stored output"."""
    commit_notebooks(src)
    path = authoring.notebook_path(src, "pytorch")
    nb = nbformat.read(path, 4)
    nb.cells[[c.cell_type for c in nb.cells].index("code")].outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="stored output\n")]
    nbformat.write(nb, path)
    return path


def test_prose_only_change_keeps_the_outputs_and_code_change_refuses(repo):
    from seqlab.authoring.notebooks import ProseOnlyError, make_notebooks

    src = repo / "book" / "en" / "09-test.md"
    path = commit_with_an_output(src)
    write(src, HEADER + BODY.replace("Shared prose.", "Better prose."))
    assert authoring.check_notebook(src, "pytorch")            # stale until regenerated
    make_notebooks([src], prose=True)
    assert authoring.check_notebook(src, "pytorch") == []
    new = nbformat.read(path, 4)
    assert "Better prose." in "".join(c.source for c in new.cells)
    assert "stored output" in str([c.get("outputs") for c in new.cells])
    write(src, HEADER + BODY.replace("Shared prose.", "Better prose.").replace("# shared", "# a new comment"))
    make_notebooks([src], prose=True)                          # a comment changes no output
    assert "# a new comment" in "".join(c.source for c in nbformat.read(path, 4).cells)
    assert authoring.check_notebook(src, "pytorch") == []
    write(src, HEADER + BODY.replace("x = 1", "x = 3"))
    with pytest.raises(ProseOnlyError, match=r"09-test-pytorch.ipynb: code cell \d changed beyond its comments"):
        make_notebooks([src], prose=True)


def test_a_full_run_keeps_its_outputs_when_only_quick_values_change(repo):
    from seqlab.authoring.notebooks import ProseOnlyError, full_mode_code, make_notebooks

    assert full_mode_code("n = pick(2000, 400)  # data") == full_mode_code("n = pick(2000, 100)")
    assert full_mode_code("f(seqlab.pick([5, 10], [5]))") == full_mode_code("f(seqlab.pick([5, 10], [5, 10]))")
    assert full_mode_code("n = pick(2000, 400)") != full_mode_code("n = pick(3000, 400)")
    assert full_mode_code("n = pick(2000, 400)") != full_mode_code("n = 2000")
    assert full_mode_code("%time x = 1") == "%time x = 1"           # not Python: compared as text
    src = repo / "book" / "en" / "09-test.md"
    write(src, HEADER + BODY.replace("x = 1", "x = pick(1, 2)"))
    path = commit_with_an_output(src)                            # stored as a full-mode run
    write(src, HEADER + BODY.replace("x = 1", "x = pick(1, 3)"))
    assert authoring.check_notebook(src, "pytorch")            # stale until regenerated
    make_notebooks([src], prose=True)
    assert authoring.check_notebook(src, "pytorch") == []
    assert "stored output" in str([c.get("outputs") for c in nbformat.read(path, 4).cells])
    write(src, HEADER + BODY.replace("x = 1", "x = pick(4, 3)"))   # the full value: must run again
    with pytest.raises(ProseOnlyError, match=r"code cell \d changed beyond its comments"):
        make_notebooks([src], prose=True)
    nb = nbformat.read(path, 4)
    nb.metadata["seqlab"]["mode"] = "quick"                    # a quick run used the quick value
    nbformat.write(nb, path)
    write(src, HEADER + BODY.replace("x = 1", "x = pick(1, 5)"))
    with pytest.raises(ProseOnlyError, match=r"code cell \d changed beyond its comments"):
        make_notebooks([src], prose=True)


def test_changed_executes_only_the_notebooks_whose_code_changed(repo, monkeypatch):
    from seqlab.authoring import notebooks

    src = repo / "book" / "en" / "09-test.md"
    commit_notebooks(src)
    executed = []
    monkeypatch.setattr(notebooks, "execute", lambda nb, cwd, quick=False: executed.append(nb) or fake_execute(nb))
    write(src, HEADER + BODY.replace("import tensorflow", "import tensorflow as tf"))
    notebooks.make_notebooks([src], changed=True)
    assert [nb.metadata["seqlab"]["framework"] for nb in executed] == ["tensorflow"]
    assert authoring.check_notebook(src, "pytorch") == authoring.check_notebook(src, "tensorflow") == []


def test_prose_mode_refreshes_a_stored_quiz_from_its_bank(tmp_path):
    import copy

    import nbformat

    from seqlab import quizbank
    from seqlab.authoring import checks
    from seqlab.authoring.notebooks import WIDGET_STATE, refresh_quizzes
    from seqlab.quiz import questions_for

    path = authoring.ROOT / "notebooks" / "en" / "01-rnn-pytorch.ipynb"
    nb = nbformat.read(path, as_version=4)
    state = nb.metadata["widgets"][WIDGET_STATE]["state"]
    quiz = next(m["state"] for m in state.values() if "questions" in m.get("state", {}))
    stale = copy.deepcopy(nb)
    stale_quiz = next(m["state"] for m in stale.metadata["widgets"][WIDGET_STATE]["state"].values()
                      if "questions" in m.get("state", {}))
    stale_quiz["questions"] = stale_quiz["questions"][:-1]          # as if the bank had grown since
    fix = "regenerate"
    assert checks._stale_widgets(stale, path, fix), "a quiz one question short must count as stale"
    refresh_quizzes(stale, "en")
    assert stale_quiz["questions"] == questions_for(quizbank.load(quizbank.QUIZ_DIR / "01-rnn.yml"), "en")[0]
    assert checks._stale_widgets(stale, path, fix) == []
    assert stale_quiz["questions"] == quiz["questions"] or checks._stale_widgets(nb, path, fix)
