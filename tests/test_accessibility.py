"""axe-core on every page of every book, in a real browser (see test_browser.py for the setup).

A module of its own, so that `make test`'s second worker runs it while the first runs the other
browser tests: together they would keep one worker busy for most of the run.
"""
import pytest

from seqlab import authoring
from test_browser import THEME_CAUSED, Page, _axe, _chapter, browser, first_single_question, quiz_bank, server  # noqa: F401


# Every book in the light theme; the dark theme (the same colours whatever the language) in the
# first language's book.
@pytest.mark.parametrize("lang, theme", [(lang, "light") for lang in authoring.book_langs()]
                         + [(authoring.book_langs()[0], "dark")])
def test_no_serious_accessibility_violations(browser, server, lang, theme):
    pages = ["index.html", f"{lang}/intro.html", f"{lang}/glossary.html", f"{lang}/benchmarks.html",
             f"{lang}/search.html?q=attention"] + [f"{lang}/{src.stem}.html" for src in authoring.chapter_sources(lang)]
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
