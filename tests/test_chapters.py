"""The course's own chapters: committed notebooks match their sources, translations match English."""
import pytest

from seqlab import FRAMEWORKS, authoring

SOURCES = authoring.chapter_sources()
TRANSLATIONS = [s for s in SOURCES if s.parent.name != "en"]


def test_there_are_chapters_in_english_and_german():
    langs = {s.parent.name for s in SOURCES}
    assert {"en", "de"} <= langs


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_notebook_matches_its_source(src, framework):
    problems = authoring.check_notebook(src, framework)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("src", TRANSLATIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_translation_has_the_english_code(src):
    problems = authoring.code_drift(src)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("src", TRANSLATIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_translation_follows_the_current_english(src):
    problem = authoring.follows_current(src)
    assert problem is None, problem


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_chapter_has_exercises_with_solutions(src):
    for framework, nb in authoring.split(src).items():
        solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
        assert solutions, f"{src}: the {framework} notebook has no solution cells"


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_chapter_compares_some_outputs_with_nbval(src):
    tags = [t for c in authoring.read_source(src).cells for t in c.metadata.get("tags", [])]
    assert "nbval-check-output" in tags


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_chapter_ends_with_its_quiz(src):
    code = [c for c in authoring.read_source(src).cells if c.cell_type == "code"]
    assert code[-1].source.strip().endswith(f'quiz = Quiz("{src.stem}", lang=LANG)\nquiz'), \
        f"{src}: the last code cell keeps the quiz in `quiz` (quiz.score, quiz.reset()) and shows it"
    assert (authoring.ROOT / "quizzes" / f"{src.stem}.yml").exists(), f"quizzes/{src.stem}.yml is missing"


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_normal_run_shows_no_red_text(src, framework):
    """No warning a learner cannot act on: a stored notebook has no stderr output."""
    import nbformat

    nb = nbformat.read(authoring.notebook_path(src, framework), as_version=4)
    red = [(c.get("id"), o.get("text", "")[:200]) for c in nb.cells if c.cell_type == "code"
           for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert red == [], f"{src} ({framework}) stores warnings: {red[:3]}"


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stored_widgets_have_a_text_for_where_they_cannot_be_drawn(src, framework):
    import nbformat

    nb = nbformat.read(authoring.notebook_path(src, framework), as_version=4)
    views = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert views
    for o in views:
        text = o["data"].get("text/plain", "")
        assert text and "object at 0x" not in text and "%|" not in text, f"{src} ({framework}): {text!r}"
