"""The instructors' page (seqlab.authoring.instructor): objectives read from every chapter, the
objectives every quiz question names, the page's lists and run times against their sources, the
nbgitpuller link, and the built page on a phone."""
import copy
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from seqlab import FRAMEWORKS, authoring, quizbank
from seqlab.authoring import instructor
from seqlab.authoring.instructor import ObjectivesError
from seqlab.i18n import t
from seqlab.quizbank import BankError
from test_browser import SHOTS, Page, browser, server  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
LANGS = authoring.book_langs()
CHAPTERS = [src.stem for src in authoring.chapter_sources("en")]
BENCH = json.loads((ROOT / "assets" / "benchmarks.json").read_text(encoding="utf-8"))
HEADER = "---\njupytext:\n  text_representation:\n    format_name: myst\n---\n\n"


def flat(text):
    return " ".join(text.split())


def bank(chapter):
    return yaml.safe_load((ROOT / "quizzes" / f"{chapter}.yml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ objectives from the sources


@pytest.mark.parametrize("lang", LANGS)
def test_objectives_of_every_chapter_same_count_as_english(lang):
    for src in authoring.chapter_sources(lang):
        goals = instructor.objectives(src)
        english = instructor.objectives(ROOT / "book" / "en" / src.name)
        assert len(goals) >= 3, src
        assert len(goals) == len(english), f"{src} lists {len(goals)} objectives, English {len(english)}"
        text = flat(src.read_text(encoding="utf-8"))
        for goal in goals:  # each is the source's own words, in one piece, not a whole paragraph
            assert flat(goal) in text, (src, goal)
            assert "\n" not in goal and not goal.startswith(("-", "*", "**")), (src, goal)
        assert instructor.chapter_objectives(src) == goals


def test_objectives_are_the_list_under_the_bold_line():
    goals = instructor.objectives(ROOT / "book" / "en" / "01-rnn.md")
    assert goals[0] == "turn text into tokens, token ids and embedding vectors, and say why we embed"
    # an item over two source lines becomes one line; the list's closing full stop goes
    assert goals[1] == ("write an RNN cell from its equation, run it over a batch, and check it against the "
                        "framework's own layer")
    assert goals[-1].endswith("at different temperatures")
    ja = instructor.objectives(ROOT / "book" / "ja" / "01-rnn.md")
    assert all(g.endswith("。") for g in ja)  # Japanese items are sentences: kept whole
    zh = instructor.objectives(ROOT / "book" / "zh" / "01-rnn.md")
    assert not any(g.endswith(("；", "。")) for g in zh)


def write_chapter(tmp_path, body, lang="en", name="01-test.md"):
    path = tmp_path / "book" / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_extractor_finds_the_list_after_a_bold_line_only(tmp_path):
    path = write_chapter(tmp_path, (
        "# 1. Test\n\nAn opening with a list that is not the objectives:\n\n- not this\n- nor this\n\n"
        "A paragraph with **bold words** inside it:\n\n- not this either\n\n"
        "**Lernziele:**\n\n* eine Zelle programmieren, die über\n  zwei Zeilen geht;\n"
        "* $\\sqrt{d_k}$ *verstehen*;\n\n  with a second paragraph\n* messen.\n\n"
        "**Another bold line**\n\n- a later list\n\n"
        "```{code-cell} ipython3\nx = 1\n```\n"))
    assert instructor.objectives(path) == ["eine Zelle programmieren, die über zwei Zeilen geht",
                                           "$\\sqrt{d_k}$ *verstehen*; with a second paragraph", "messen"]


def test_extractor_joins_cjk_lines_without_a_space(tmp_path):
    path = write_chapter(tmp_path, "# 1. テスト\n\n**この章で学ぶこと**\n\n- 勾配を\n  測ります。\n- RNNを\n  学習します。\n",
                         lang="ja")
    assert instructor.objectives(path) == ["勾配を測ります。", "RNNを学習します。"]


@pytest.mark.parametrize("body", [
    "# 1. Test\n\nNo objectives at all.\n",
    "# 1. Test\n\n**You will learn to**\n\nA paragraph, not a list.\n\n- a list after it\n",
    "# 1. Test\n\nIntro.\n\n```{code-cell} ipython3\nx = 1\n```\n\n**You will learn to**\n\n- after the first code cell\n",
])
def test_a_chapter_without_objectives_is_an_error_naming_the_file(tmp_path, body):
    path = write_chapter(tmp_path, body)
    with pytest.raises(ObjectivesError, match=re.escape(str(path)) + ".*no learning objectives"):
        instructor.objectives(path)


def test_a_translation_with_another_count_is_an_error_naming_both_files(tmp_path):
    write_chapter(tmp_path, "# 1. Test\n\n**You will learn to**\n\n- one\n- two\n")
    de = write_chapter(tmp_path, "# 1. Test\n\n**Lernziele**\n\n- eins\n", lang="de")
    with pytest.raises(ObjectivesError, match=r"de/01-test.md lists 1 objectives, .*en/01-test.md 2"):
        instructor.chapter_objectives(de)


# ------------------------------------------------------------------ objectives in the banks


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_question_names_valid_objectives(chapter):
    count = len(instructor.objectives(ROOT / "book" / "en" / f"{chapter}.md"))
    loaded = instructor.load_bank(chapter)  # validates against the chapter's count
    assert loaded is not None
    for q in bank(chapter)["questions"]:
        ks = q["objectives"]
        assert ks and all(isinstance(k, int) and 1 <= k <= count for k in ks), (chapter, q["id"], ks)
        assert all("objectives" not in text for text in q["text"].values()), "objectives are written once"


def good_bank():
    from test_quizbank import GOOD

    return copy.deepcopy(GOOD)


@pytest.mark.parametrize("objectives, message", [
    (0, r"question 'gates': objectives must be a non-empty list"),
    ([], r"question 'gates': objectives must be a non-empty list"),
    ([0], r"question 'gates': objective 0 is out of range"),
    ([4], r"question 'gates': objective 4 is out of range \(1 to 3: the chapter has 3 objectives\)"),
    ([1, 1], r"question 'gates': objectives repeat"),
    ([True], r"question 'gates': objectives must be a non-empty list of whole objective numbers"),
    (["1"], r"question 'gates': objectives must be a non-empty list of whole objective numbers"),
    (None, r"question 'gates': objectives is missing"),
])
def test_bad_objectives_are_errors_naming_file_and_question(tmp_path, objectives, message):
    b = good_bank()
    q = next(x for x in b["questions"] if x["id"] == "gates")
    if objectives is None:
        del q["objectives"]
    else:
        q["objectives"] = objectives
    path = tmp_path / "99-test.yml"
    path.write_text(yaml.safe_dump(b, allow_unicode=True))
    with pytest.raises(BankError, match=re.escape(str(path)) + ": " + message):
        quizbank.load(path, n_objectives=3)
    problems = quizbank.validate(b, "quizzes/99-test.yml", n_objectives=3)
    assert len(problems) == 1 and problems[0].startswith("quizzes/99-test.yml: question 'gates'"), problems


def test_objective_range_needs_the_chapters_count():
    b = good_bank()
    next(x for x in b["questions"] if x["id"] == "gates")["objectives"] = [7]
    assert quizbank.validate(b, "99-test.yml") == []  # an installed seqlab has no chapters to count
    assert quizbank.validate(b, "99-test.yml", n_objectives=7) == []
    assert quizbank.validate(b, "99-test.yml", n_objectives=6)


# ------------------------------------------------------------------ the page


def sections(md):
    """The page's ``## `` sections by heading."""
    parts = re.split(r"^## (.+)$", md, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize("lang", LANGS)
def test_page_lists_every_chapter_objective_question_and_run_time(lang):
    md = instructor.page(lang)
    assert md.startswith(f"# {t('instructors', lang)}\n")
    by_heading = sections(md)
    for src in authoring.chapter_sources(lang):
        title = authoring.read_source(src).cells[0].source.splitlines()[0][2:]
        assert title in by_heading, f"{src.stem} has no section"
        body = by_heading[title]
        questions = bank(src.stem)["questions"]
        assert f"`quizzes/{src.stem}.yml`" in body and str(len(questions)) in body
        items = re.findall(r"^(\d+)\. (.+)\n\n   (.+)$", body, flags=re.M)
        goals = instructor.objectives(src)
        assert [int(n) for n, _, _ in items] == list(range(1, len(goals) + 1))
        for (n, shown, tests), goal in zip(items, goals):
            assert shown[1:] == goal[1:] and shown[0].lower() == goal[0].lower(), (shown, goal)
            expected = [(pos, q["id"]) for pos, q in enumerate(questions, 1) if int(n) in q["objectives"]]
            listed = [(int(pos), qid) for pos, qid in re.findall(r"(\d+)\W*`([a-z0-9-]+)`", tests)]
            assert listed == expected, (src.stem, n, tests)
            assert (t("instr_not_covered", lang) in tests) == (not expected)
        rows = {r["framework"]: r for r in BENCH["rows"] if r["lang"] == lang and r["chapter"] == src.stem}
        assert set(rows) == set(FRAMEWORKS)
        for fw, r in rows.items():
            name = authoring.FRAMEWORK_NAMES[fw]
            row = re.search(rf"^\| {name} \| (\S+) \| (\S+) \|$", body, flags=re.M)
            assert row, f"{src.stem}: no run-time row for {name}"
            assert float(row.group(1)) == pytest.approx(r["seconds"], abs=0.5)
            assert float(row.group(2)) == pytest.approx(r["quick_seconds"], abs=0.5)


def test_uncovered_objectives_are_listed_as_such():
    md = sections(instructor.page("en"))
    for chapter in CHAPTERS:
        questions = bank(chapter)["questions"]
        count = len(instructor.objectives(ROOT / "book" / "en" / f"{chapter}.md"))
        uncovered = [k for k in range(1, count + 1) if not any(k in q["objectives"] for q in questions)]
        body = next(b for h, b in md.items() if h.startswith(f"{int(chapter[:2])}. "))
        marked = [int(n) for n in re.findall(r"^(\d+)\. .+\n\n   \*\*" + re.escape(t("instr_not_covered", "en")),
                                                  body, flags=re.M)]
        assert marked == uncovered


def fake_root(tmp_path, hub):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["course_launch"]["jupyterhub_url"] = hub
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    (tmp_path / "book" / "de").mkdir(parents=True)
    (tmp_path / "book" / "de" / "01-rnn.md").write_text("")  # only its name is read here
    return tmp_path


def link_in(lines):
    blocks = re.findall(r"```\{code-block\} text\n:class: seqlab-link\n\n(.+)\n```", "\n".join(lines))
    assert len(blocks) == 2, lines
    return blocks


@pytest.mark.parametrize("hub", ["https://hub.example.edu/", ""])
def test_exercise_section_gives_the_nbgitpuller_link_for_the_configured_hub(tmp_path, hub):
    lines = instructor.exercises_section("de", fake_root(tmp_path, hub))
    text = "\n".join(lines)
    form, example = link_in(lines)
    shown = hub.rstrip("/") or "https://<your-hub>"
    assert form == (f"{shown}/hub/user-redirect/git-pull?repo=<repo-url>&branch=<branch>"
                    "&urlpath=lab/tree/<repo-name>/de/<notebook>")
    url = urlsplit(example)
    assert f"{url.scheme}://{url.netloc}" == shown and url.path.endswith("/hub/user-redirect/git-pull")
    assert parse_qs(url.query) == {"repo": ["https://github.com/your-school/seqlab-exercises"], "branch": ["main"],
                                   "urlpath": ["lab/tree/seqlab-exercises/de/01-rnn-pytorch.ipynb"]}
    assert ("`course_launch.jupyterhub_url` in `_config.yml` ist leer" in text) == (not hub)
    assert "`make exercises`" in text and "`_build/exercises/de/`" in text and "`_build/exercises/`" in text
    assert "`seqlab`" in text and "[`notebooks/de/`](https://github.com/" in text


def test_the_page_is_last_in_every_book():
    for lang in LANGS:
        assert authoring.book_pages(lang)[-1] == instructor.PAGE


# ------------------------------------------------------------------ the built page


HTML = ROOT / "_build" / "html"


@pytest.mark.parametrize("lang", LANGS)
def test_built_page_is_in_the_table_of_contents_and_lists_the_run_times(lang):
    path = HTML / lang / f"{instructor.PAGE}.html"
    assert path.exists(), f"{path} is missing: run `make book` first"
    html = path.read_text(encoding="utf-8")
    assert f">{t('instructors', lang)}<" in html
    intro = (HTML / lang / "intro.html").read_text(encoding="utf-8")
    assert f'href="{instructor.PAGE}.html"' in intro  # the sidebar of every page leads to it
    for src in authoring.chapter_sources(lang):
        for r in (r for r in BENCH["rows"] if r["lang"] == lang and r["chapter"] == src.stem):
            assert re.search(rf"<td[^>]*><p>{r['seconds']:.0f}</p></td>", html), (src.stem, r["framework"])


def test_built_page_fits_a_phone_and_asks_no_other_host(browser, server):
    for lang in LANGS:
        p = Page(browser, server, width=390, height=844)
        p.page.goto(f"{server}/{lang}/{instructor.PAGE}.html")
        p.page.wait_for_load_state("networkidle", timeout=90000)
        width = p.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{lang}: the page is {width} px wide on a 390 px phone"
        assert p.foreign() == [] and p.errors == [] and p.missing == [], lang
        boxes = p.page.locator("div.seqlab-link pre")  # the long links wrap instead of scrolling
        assert boxes.count() == 2
        for i in range(2):
            assert boxes.nth(i).evaluate("e => e.scrollWidth <= e.clientWidth"), lang
        SHOTS.mkdir(parents=True, exist_ok=True)
        p.page.screenshot(path=str(SHOTS / f"instructors-{lang}-390.png"), full_page=True)
        p.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_page_lists_each_chapters_self_checking_exercises(lang):
    from seqlab.authoring.handouts import chapter_exercises
    from seqlab.exercises import EXERCISES

    text = instructor.page(lang)
    for key, exercise in EXERCISES.items():
        assert f'`check("{key}", …)`' in text and f"`{exercise.name}`" in text, key
    for src in authoring.chapter_sources(lang):
        found = chapter_exercises(src)
        assert len(found) >= 2 and all(e["title"] and e["title"][0].isdigit() for e in found), src
        assert all(e["title"].rstrip(".。") in text for e in found)
