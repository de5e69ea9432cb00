"""axe-core on every page of every book, in a real browser (see test_browser.py for the setup).

A module of its own, so that `make test`'s second worker runs it while the first runs the other
browser tests: together they would keep one worker busy for most of the run.
"""
import pytest

from seqlab import authoring
from test_browser import THEME_CAUSED, Page, _axe, _chapter, browser, first_single_question, quiz_bank, server  # noqa: F401
from test_progress import seed_answers


# Every book in the light theme; the dark theme (the same colours whatever the language) in the
# first language's book.
@pytest.mark.parametrize("lang, theme", [(lang, "light") for lang in authoring.book_langs()]
                         + [(authoring.book_langs()[0], "dark")])
def test_no_serious_accessibility_violations(browser, server, lang, theme):
    # every page of the book as its table of contents lists them (intro, chapters, glossary, benchmarks,
    # the instructors' page, …), the landing page and a search
    pages = ["index.html", f"{lang}/search.html?q=attention"] + [f"{lang}/{p}.html" for p in authoring.book_pages(lang)]
    assert {f"{lang}/intro.html", f"{lang}/glossary.html", f"{lang}/benchmarks.html", f"{lang}/instructors.html"} <= set(pages)
    # The code cells are the same in every language (a test compares them) and are most of a
    # chapter's elements: they are checked in the first language's book, the prose, formulas,
    # outputs, plots and quiz of every book.
    exclude = () if lang == authoring.book_langs()[0] else ("div.cell_input",)
    found = []
    for path in pages:
        p = Page(browser, server, theme=theme)
        p.page.goto(f"{server}/{path}")
        p.page.wait_for_load_state("networkidle")
        if p.page.locator(".seqlab-quiz").count():  # a quiz in use: feedback, a locked question
            bank = quiz_bank(path.split("/")[-1][:-5])
            q, wrong = first_single_question(bank)
            box = p.page.locator(f'.seqlab-quiz fieldset[data-qid="{q["id"]}"]')
            box.locator(f'input[value="{wrong}"]').check()
            box.locator(".sq-check").click()
        if p.page.locator(".seqlab-progress").count():  # the progress page with answers: bars, lists of links
            seed_answers(p.page, lang)
        found += [f"{path}: {v['impact']} {v['rule']} at {v['target']}: {v['why']}" for v in _axe(p.page, exclude)
                  if (v["rule"], v["target"]) not in THEME_CAUSED]
        p.context.close()
    assert found == [], "\n".join(found)


def test_no_serious_accessibility_violations_on_a_phone(browser, server):
    lang = authoring.book_langs()[0]
    p = Page(browser, server, width=390, height=844)
    p.page.goto(f"{server}/{lang}/{_chapter(lang, len(authoring.chapter_sources(lang)) - 2)}.html")
    p.page.wait_for_load_state("networkidle")
    assert _axe(p.page) == []
    p.context.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_progress_page_has_no_serious_accessibility_violations_on_a_phone(browser, server, theme):
    lang = authoring.book_langs()[0]
    p = Page(browser, server, width=390, height=844, theme=theme)
    p.page.goto(f"{server}/{lang}/progress.html")
    seed_answers(p.page, lang)
    assert p.page.evaluate("document.documentElement.dataset.theme") == theme
    assert p.page.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"
    assert _axe(p.page) == []
    p.context.close()
