"""The progress page of every book (seqlab.authoring.progress_page, assets/book/seqlab-progress.js):
the page generator, and in a real browser (fixtures of test_browser.py) what a learner sees after
answering, the links back into the quiz, and that another browser profile starts empty."""
import json
import re
from pathlib import Path

import nbformat
import pytest

from seqlab import authoring, quizbank
from seqlab.authoring import progress_page
from seqlab.i18n import t
from test_browser import SHOTS, Page, _chapter, _open_quiz, _typeset, browser, quiz_bank, server  # noqa: F401

LANGS = authoring.book_langs()
DATA = re.compile(r'<script type="application/json" class="seqlab-progress-data">(.*?)</script>', re.S)


def page_data(text):
    return [json.loads(m) for m in DATA.findall(text)]


def two_singles(bank):
    """Two single-choice questions of a bank: one to answer right, one to answer wrong (and how)."""
    right, wrong = [q for q in bank["questions"] if q["type"] == "single"][:2]
    return right, wrong, next(o for o in wrong["options"] if o != wrong["answer"])


# ---- the generator ----

@pytest.mark.parametrize("lang", LANGS)
def test_page_lists_every_chapter_and_question_in_the_books_language(lang):
    text = progress_page.page(lang)
    assert text.startswith(f"# {t('progress', lang)}\n") and t("progress_intro", lang) in text
    data = page_data(text)
    chapters = [src.stem for src in authoring.chapter_sources(lang)]
    assert [d["chapter"] for d in data] == chapters, "every chapter, in order"
    for d, src in zip(data, authoring.chapter_sources(lang)):
        bank = quizbank.load(quizbank.bank_path(d["chapter"]))
        assert [q["id"] for q in d["questions"]] == [q["id"] for q in bank["questions"]]
        assert [q["n"] for q in d["questions"]] == list(range(1, len(bank["questions"]) + 1))
        assert d["lang"] == lang and d["href"] == f"{d['chapter']}.html" and "notice" not in d
        for q, b in zip(d["questions"], bank["questions"]):
            assert q["text"] == progress_page.short(progress_page.plain(b["text"][lang]["question"]), lang)
            assert "$" not in q["text"] and "\\" not in q["text"], f"{q['id']}: no raw TeX"
            assert 0 < len(q["text"]) <= progress_page.SHORT[lang] + 1
        if lang != "en":
            english = [progress_page.short(progress_page.plain(b["text"]["en"]["question"]), "en") for b in bank["questions"]]
            assert not set(q["text"] for q in d["questions"]) & set(english), "the book's language, not English"
        assert f"## {progress_page.chapter_title(src)}" in text
        assert f"<{progress_page.quiz_label(d['chapter'])}>`" in text, "a link to the quiz that needs no script"
    assert "progress" in authoring.book_pages(lang)


def test_page_lists_a_bank_without_the_books_language_in_english(tmp_path):
    (tmp_path / "book" / "de").mkdir(parents=True)
    (tmp_path / "book" / "de" / "intro.md").write_text("# Kurs\n", encoding="utf-8")
    (tmp_path / "book" / "de" / "01-probe.md").write_text("---\njupytext: {}\n---\n\n# 1. Probe\n\nText.\n", encoding="utf-8")
    (tmp_path / "book" / "de" / "02-ohne-quiz.md").write_text("# 2. Ohne Quiz\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "01-probe.yml").write_text("""chapter: 01-probe
questions:
  - id: shape-of-h
    type: numeric
    objectives: [1]
    answer: {value: 64, tolerance: 0}
    text:
      en:
        question: "How long is $h_t$ </script><b>x</b> & co?"
        why: "It has hid_size entries."
""", encoding="utf-8")
    assert authoring.book_pages("de", tmp_path)[:4] == ["intro", "01-probe", "02-ohne-quiz", "progress"]
    text = progress_page.page("de", tmp_path)
    [d] = page_data(text)  # the chapter without a bank has no entry
    assert d["chapter"] == "01-probe" and d["lang"] == "en"
    assert d["notice"] == t("language_fallback", "de")
    assert d["questions"] == [{"id": "shape-of-h", "n": 1, "text": "How long is hₜ </script><b>x</b> & co?"}]
    block = DATA.search(text).group(0)
    assert block.count("</script>") == 1 and "<b>" not in block and "&" not in block.split(">", 1)[1], \
        "the data cannot end its script block or be read as markup"
    assert "## 1. Probe" in text and "Ohne Quiz" not in text


def test_formulas_become_plain_text():
    plain = progress_page.plain
    assert plain("the state $h_t$ and $W_{hh}^\\top$") == "the state hₜ and Wₕₕᵀ"
    assert plain("$\\mathrm{softmax}(QK^\\top / \\sqrt{d_k})\\, V$") == "softmax(QKᵀ/√(dₖ)) V"
    assert plain("$d_{\\text{model}} = 64$") == "d_model = 64"
    assert progress_page.short("word " * 40, "en").endswith("word…")
    assert len(progress_page.short("語" * 80, "ja")) == progress_page.SHORT["ja"] + 1
    assert progress_page.short("語" * 40 + "（hid_size = 64）です", "ja") == "語" * 40 + "…", "no half Latin word"


def test_the_quiz_heading_gets_the_label_the_page_links_to():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Summary.\n\n## Quiz\n\nCheck what you know."),
                nbformat.v4.new_code_cell('quiz = Quiz("01-rnn", lang=LANG)\nquiz')]
    assert progress_page.mark_quiz(nb, "01-rnn")
    assert nb.cells[0].source == "Summary.\n\n(seqlab-quiz-01-rnn)=\n## Quiz\n\nCheck what you know."
    bare = nbformat.v4.new_notebook()
    bare.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell('Quiz("02-x")')]
    assert progress_page.mark_quiz(bare, "02-x") and bare.cells[1].source == "(seqlab-quiz-02-x)=\n"
    assert not progress_page.mark_quiz(bare, "03-y")


# ---- in the browser ----

def _answer(quiz, q, option):
    box = quiz.locator(f'fieldset[data-qid="{q["id"]}"]')
    box.locator(f'input[value="{option}"]').check()
    box.locator(".sq-check").click()
    box.locator(".sq-feedback strong").wait_for(timeout=5000)


def _hrefs(locator):
    return [a.get_attribute("href") for a in locator.locator("a").all()]


@pytest.mark.parametrize("lang", LANGS)
def test_progress_page_shows_this_browsers_answers_and_links_back(browser, server, lang):
    chapter = _chapter(lang)
    bank = quiz_bank(chapter)
    right, wrong, wrong_option = two_singles(bank)
    p = Page(browser, server)
    page = p.page
    quiz = _open_quiz(p, server, lang, chapter)
    _answer(quiz, right, right["answer"])
    _answer(quiz, wrong, wrong_option)

    page.goto(f"{server}/{lang}/progress.html")
    box = page.locator(f'.seqlab-progress[data-chapter="{chapter}"]')
    box.locator(".seqlab-progress-count").wait_for(timeout=10000)
    n = len(bank["questions"])
    assert box.locator(".seqlab-progress-count").inner_text() == \
        t("progress_count", lang).format(answered=2, total=n, correct=1)
    assert _hrefs(box.locator(".seqlab-progress-wrong")) == [f"{chapter}.html#quiz-{wrong['id']}"]
    rest = [q for q in bank["questions"] if q["id"] not in (right["id"], wrong["id"])]
    unanswered = box.locator("details.seqlab-progress-open")
    assert unanswered.get_attribute("open") is not None, "a started chapter shows its unanswered questions"
    assert unanswered.locator("summary").inner_text().strip() == t("progress_unanswered", lang).format(n=len(rest))
    assert _hrefs(unanswered) == [f"{chapter}.html#quiz-{q['id']}" for q in rest]
    first = bank["questions"].index(rest[0]) + 1
    assert unanswered.locator("a").first.inner_text().startswith(f"{first}. ")
    banks = {src.stem: quiz_bank(src.stem) for src in authoring.chapter_sources(lang)}
    all_questions = sum(len(b["questions"]) for b in banks.values())
    assert page.locator(".seqlab-progress-total .seqlab-progress-count").inner_text() == \
        t("progress_total", lang).format(answered=2, total=all_questions, correct=1)
    other = page.locator(f'.seqlab-progress[data-chapter="{_chapter(lang, 1)}"] .seqlab-progress-count')
    assert other.inner_text() == t("progress_count", lang).format(answered=0, total=len(banks[_chapter(lang, 1)]["questions"]), correct=0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"progress-{lang}.png"))

    # a link to an unanswered question in the middle of the quiz leads to it, focused and in view
    target = rest[len(rest) // 2]
    unanswered.locator(f'a[href="{chapter}.html#quiz-{target["id"]}"]').click()
    page.wait_for_url(f"**/{lang}/{chapter}.html#quiz-{target['id']}")
    page.wait_for_function(f"() => document.activeElement && document.activeElement.matches("
                           f"'.seqlab-quiz fieldset.sq-question[data-qid=\"{target['id']}\"]')", timeout=20000)
    page.wait_for_load_state("load")
    _typeset(page)
    page.wait_for_timeout(3000)  # after the images and formulas above it have taken their height
    seen = page.evaluate("""() => { const box = document.activeElement, legend = box.querySelector('legend');
        const r = legend.getBoundingClientRect(), at = document.elementFromPoint(r.left + 10, r.top + 5);
        return {top: r.top, height: innerHeight, scrolled: scrollY, visible: box.contains(at)}; }""")
    assert seen["scrolled"] > 1000 and 0 <= seen["top"] < seen["height"] - 100 and seen["visible"], \
        f"the question is in view, not under the header: {seen}"
    assert p.foreign() == [] and p.errors == [] and p.missing == []
    p.context.close()

    # another browser profile has answered nothing
    fresh = Page(browser, server)
    fresh.page.goto(f"{server}/{lang}/progress.html")
    box = fresh.page.locator(f'.seqlab-progress[data-chapter="{chapter}"]')
    box.locator(".seqlab-progress-count").wait_for(timeout=10000)
    assert box.locator(".seqlab-progress-count").inner_text() == t("progress_count", lang).format(answered=0, total=n, correct=0)
    assert box.locator(".seqlab-progress-wrong").count() == 0
    assert fresh.page.locator(".seqlab-progress-total .seqlab-progress-count").inner_text() == \
        t("progress_total", lang).format(answered=0, total=all_questions, correct=0)
    assert fresh.page.locator("details.seqlab-progress-open[open]").count() == 0, "chapters not begun stay folded"
    assert fresh.foreign() == [] and fresh.errors == []
    fresh.context.close()


def seed_answers(page, lang):
    """Store, as the quiz does, one right and one wrong answer in the first chapter, then reload."""
    chapter = _chapter(lang)
    right, wrong, wrong_option = two_singles(quiz_bank(chapter))
    answers = {right["id"]: {"given": right["answer"], "correct": True, "tries": 1},
               wrong["id"]: {"given": wrong_option, "correct": False, "tries": 1}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [f"seqlab-quiz:{chapter}", json.dumps(answers)])
    page.reload()
    page.locator(".seqlab-progress-wrong a").first.wait_for(timeout=10000)


def test_progress_page_is_in_every_books_table_of_contents():
    for lang in LANGS:
        html = (Path(authoring.sources.ROOT) / "_build" / "html" / lang / "intro.html").read_text(encoding="utf-8")
        toc = re.findall(r'<li class="toctree-l1[^"]*"><a class="reference internal" href="([^"#]+)"', html)
        chapters = [f"{src.stem}.html" for src in authoring.chapter_sources(lang)]
        assert "progress.html" in toc and toc.index("progress.html") == toc.index(chapters[-1]) + 1, \
            f"{lang}: the progress page follows the chapters"
        assert f">{t('progress', lang)}</a>" in html
