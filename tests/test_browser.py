"""The built book in a real browser: the quiz works with no kernel, progress survives a reload,
and no page asks another host for anything.

Playwright drives Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`); it never
downloads a browser of its own. The book is served from _build/html on 127.0.0.1.
"""
import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from seqlab import authoring
from seqlab.i18n import t

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    assert (HTML / "index.html").exists(), f"{HTML} is not built: run `make book` first"
    handler = functools.partial(QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A browser page that records every request it makes, and lets none leave this machine:
    a request for another host is recorded (tests assert there are none) and aborted."""

    def __init__(self, browser, server):
        self.server = server
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.requests = []
        self.errors = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _local(self, url):
        return url.startswith(self.server + "/") or urlparse(url).scheme in ("data", "blob")

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if self._local(url):
            route.fallback()
        else:
            route.abort()

    def foreign(self, server=None):
        """Requests for another host (data: and blob: URLs stay in the page)."""
        return [u for u in self.requests if not self._local(u)]


def quiz_bank(chapter):
    return yaml.safe_load((ROOT / "quizzes" / f"{chapter}.yml").read_text(encoding="utf-8"))


def first_single_question(bank):
    q = next(q for q in bank["questions"] if q["type"] == "single")
    wrong = next(o for o in q["options"] if o != q["answer"])
    return q, wrong


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_no_page_requests_another_host(browser, server, lang):
    pages = ["index.html", f"{lang}/intro.html"] + [f"{lang}/{src.stem}.html" for src in authoring.chapter_sources(lang)]
    for path in pages:
        p = Page(browser, server)
        p.page.goto(f"{server}/{path}")
        p.page.wait_for_load_state("networkidle")
        assert p.foreign(server) == [], f"{path} asked other hosts"
        assert p.errors == [], f"{path} raised JavaScript errors"
        p.context.close()


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_quiz_works_without_a_kernel_and_keeps_progress(browser, server, lang):
    src = authoring.chapter_sources(lang)[0]
    chapter = src.stem
    bank = quiz_bank(chapter)
    q, wrong = first_single_question(bank)
    text = q["text"][lang]
    p = Page(browser, server)
    page = p.page
    page.goto(f"{server}/{lang}/{chapter}.html")
    quiz = page.locator(".seqlab-quiz")
    quiz.wait_for(timeout=20000)
    box = quiz.locator(f'fieldset[data-qid="{q["id"]}"]')
    total = len(bank["questions"])
    score = quiz.locator(".sq-score")
    assert score.inner_text() == t("score", lang).format(score=0, total=total)

    # a wrong answer: "not quite" and the explanation of the chosen option
    box.locator(f'input[value="{wrong}"]').check()
    box.locator(".sq-check").click()
    feedback = box.locator(".sq-feedback")
    assert t("not_quite", lang) in feedback.inner_text()
    assert _visible_text(text["options"][wrong]["why"]) in _squash(feedback.inner_text())
    assert score.inner_text() == t("score", lang).format(score=0, total=total)

    # then the right one: "correct", its explanation, the score goes up, the question locks
    box.locator(f'input[value="{q["answer"]}"]').check()
    box.locator(".sq-check").click()
    assert t("correct", lang) in feedback.inner_text()
    assert _visible_text(text["options"][q["answer"]]["why"]) in _squash(feedback.inner_text())
    assert score.inner_text() == t("score", lang).format(score=1, total=total)
    assert box.locator(f'input[value="{wrong}"]').is_disabled()
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"quiz-{lang}.png"))

    # a reload keeps the progress (local storage)
    page.reload()
    quiz = page.locator(".seqlab-quiz")
    quiz.wait_for(timeout=20000)
    box = quiz.locator(f'fieldset[data-qid="{q["id"]}"]')
    assert quiz.locator(".sq-score").inner_text() == t("score", lang).format(score=1, total=total)
    assert box.locator(f'input[value="{q["answer"]}"]').is_checked()
    assert t("correct", lang) in box.locator(".sq-feedback").inner_text()

    # reset clears it, also across a reload
    quiz.locator(".sq-reset").click()
    assert quiz.locator(".sq-score").inner_text() == t("score", lang).format(score=0, total=total)
    page.reload()
    page.locator(".seqlab-quiz").wait_for(timeout=20000)
    assert page.locator(".seqlab-quiz .sq-score").inner_text() == t("score", lang).format(score=0, total=total)
    assert p.foreign(server) == []
    assert p.errors == []
    p.context.close()


@pytest.mark.parametrize("lang", authoring.book_langs()[:1])
def test_quiz_is_keyboard_usable(browser, server, lang):
    src = authoring.chapter_sources(lang)[0]
    bank = quiz_bank(src.stem)
    q, _ = first_single_question(bank)
    p = Page(browser, server)
    page = p.page
    page.goto(f"{server}/{lang}/{src.stem}.html")
    page.locator(".seqlab-quiz").wait_for(timeout=20000)
    box = page.locator(f'.seqlab-quiz fieldset[data-qid="{q["id"]}"]')
    box.locator("input").first.focus()
    page.keyboard.press("Space")  # select the focused option
    page.keyboard.press("Tab")  # leaves the radio group: next stop is the Check button
    assert page.evaluate("document.activeElement.className") == "sq-check"
    page.keyboard.press("Enter")
    assert box.locator(".sq-feedback").inner_text().strip() != ""
    p.context.close()


def _squash(s):
    return re.sub(r"\s+", " ", s).strip()


def _visible_text(s):
    """The start of a bank text as a reader sees it (before any math, which MathJax re-renders)."""
    plain = _squash(s).split("$")[0].strip()
    return plain[:40]


def test_bank_text_cannot_inject_html_or_script(browser, server):
    """Serve a chapter page whose stored quiz state carries markup, and look for what it became."""
    import json

    lang = authoring.book_langs()[0]
    src = authoring.chapter_sources(lang)[0]
    payload = '<img src="x" onerror="window.__pwned = 1"><b>bold</b>'
    p = Page(browser, server)

    def inject(route):
        html = route.fetch().text()
        start = html.index('<script type="application/vnd.jupyter.widget-state+json">')
        body_start = html.index(">", start) + 1
        end = html.index("</script>", body_start)
        state = json.loads(html[body_start:end])
        for model in state["state"].values():
            questions = model.get("state", {}).get("questions")
            if questions:
                questions[0]["question"] = payload
                questions[0].setdefault("options", [{}])[0]["text"] = payload
        route.fulfill(body=html[:body_start] + json.dumps(state).replace("</", "<\\/") + html[end:],
                      headers={"content-type": "text/html; charset=utf-8"})

    url = f"{server}/{lang}/{src.stem}.html"
    p.page.route(url, inject)
    p.page.goto(url)
    quiz = p.page.locator(".seqlab-quiz")
    quiz.wait_for(timeout=20000)
    first = quiz.locator("fieldset").first
    assert payload in first.locator("legend").inner_text()
    assert payload in first.locator("label").first.inner_text()
    assert quiz.locator("img").count() == 0 and quiz.locator("b").count() == 0
    assert p.page.evaluate("window.__pwned === undefined")
    p.context.close()


def _visible(page, selector):
    return page.locator(selector).first.is_visible()


def test_framework_switch_flips_every_cell_and_is_remembered(browser, server):
    lang = authoring.book_langs()[0]
    src = authoring.chapter_sources(lang)[0]
    p = Page(browser, server)
    page = p.page
    page.goto(f"{server}/{lang}/{src.stem}.html")
    page.locator(".seqlab-frameworks").wait_for()
    assert page.evaluate("document.documentElement.dataset.framework") == "pytorch"
    assert _visible(page, ".tag_pytorch") and not _visible(page, ".tag_tensorflow")
    page.click('.seqlab-frameworks button[data-framework="tensorflow"]')
    assert _visible(page, ".tag_tensorflow") and not _visible(page, ".tag_pytorch")
    assert page.locator(".tag_pytorch").evaluate_all("els => els.every(e => e.offsetParent === null)")
    page.reload()
    page.locator(".seqlab-frameworks").wait_for()
    assert page.evaluate("document.documentElement.dataset.framework") == "tensorflow"
    assert page.get_attribute('.seqlab-frameworks button[data-framework="tensorflow"]', "aria-pressed") == "true"
    assert _visible(page, ".tag_tensorflow") and not _visible(page, ".tag_pytorch")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"chapter-{lang}-tensorflow.png"))
    # and on another page of the book (and in another language), too
    other = authoring.book_langs()[-1]
    page.goto(f"{server}/{other}/{src.stem}.html")
    page.locator(".seqlab-frameworks").wait_for()
    assert page.evaluate("document.documentElement.dataset.framework") == "tensorflow"
    assert p.foreign(server) == [] and p.errors == []
    p.context.close()


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_language_switch_leads_to_the_same_page(browser, server, lang):
    src = authoring.chapter_sources(lang)[0]
    p = Page(browser, server)
    page = p.page
    for name in ("intro", src.stem):
        for other in authoring.book_langs():
            page.goto(f"{server}/{lang}/{name}.html")
            page.locator(f'.seqlab-langs a[hreflang="{other}"]').click()
            page.wait_for_load_state()
            assert page.url == f"{server}/{other}/{name}.html"
            assert page.evaluate("document.documentElement.lang") == other
    p.context.close()


@pytest.mark.parametrize("lang", authoring.book_langs())
def test_launch_links_name_the_notebook_of_the_chosen_framework_and_language(browser, server, lang):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    github = config["repository"]["url"].removeprefix("https://github.com/")
    branch = config["repository"]["branch"]
    src = authoring.chapter_sources(lang)[0]
    p = Page(browser, server)
    page = p.page
    page.goto(f"{server}/{lang}/{src.stem}.html")
    page.locator(".seqlab-frameworks").wait_for()
    for fw in ("tensorflow", "pytorch"):
        page.click(f'.seqlab-frameworks button[data-framework="{fw}"]')
        notebook = f"notebooks/{lang}/{src.stem}-{fw}.ipynb"
        assert (ROOT / notebook).exists()
        colab = page.get_attribute(".seqlab-launch-colab", "href")
        assert colab == f"https://colab.research.google.com/github/{github}/blob/{branch}/{notebook}"
        binder = page.get_attribute(".seqlab-launch-binder", "href")
        assert binder.endswith(f"/v2/gh/{github}/{branch}?labpath=" + notebook.replace("/", "%2F"))
    # JupyterHub: asked once, then an nbgitpuller link to the same notebook
    page.once("dialog", lambda d: d.accept("https://hub.example.edu"))
    with page.context.expect_page() as opened:
        page.click(".seqlab-launch-jupyterhub")
    opened.value.close()
    hub = page.get_attribute(".seqlab-launch-jupyterhub", "href")
    assert hub.startswith("https://hub.example.edu/hub/user-redirect/git-pull?repo=")
    assert f"notebooks%2F{lang}%2F{src.stem}-pytorch.ipynb" in hub
    assert p.foreign() == [hub], "only the tab the reader asked for (aborted here), nothing else"
    p.context.close()


@pytest.mark.parametrize("locale, expected", [("de-DE", "de"), ("en-GB", "en"), ("fr-FR", None)])
def test_landing_page_suggests_the_browser_language(browser, server, locale, expected):
    if expected and expected not in authoring.book_langs():
        expected = None
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.route("**/*", lambda r: r.fallback() if r.request.url.startswith(server) else r.abort())
    page.goto(f"{server}/index.html")
    suggested = page.eval_on_selector_all("a.suggested", "els => els.map(e => e.getAttribute('hreflang'))")
    assert suggested == ([expected] if expected else [])
    for lang in authoring.book_langs():  # every language stays one click away
        assert page.locator(f'a[hreflang="{lang}"]').is_visible()
    context.close()


ALIGNMENT_PAGES = [(src.parent.name, src.stem) for lang in authoring.book_langs()
                   for src in authoring.chapter_sources(lang)
                   if "AlignmentBrowser(" in src.read_text(encoding="utf-8")]


def test_some_chapter_has_an_alignment_browser():
    assert ALIGNMENT_PAGES, "chapter 4 shows its attention weights in seqlab.align.AlignmentBrowser"


@pytest.mark.parametrize("lang, chapter", ALIGNMENT_PAGES)
def test_alignment_browser_works_without_a_kernel(browser, server, lang, chapter):
    p = Page(browser, server)
    page = p.page
    page.goto(f"{server}/{lang}/{chapter}.html")
    widget = page.locator(".seqlab-align")
    widget.wait_for(timeout=20000)
    label = widget.locator(".seqlab-align-label")
    assert label.inner_text().startswith(f"{t('sentence', lang)} 1 / ")
    first_tokens = widget.locator(".src").all_inner_texts()
    assert first_tokens and widget.locator(".w").count() > len(first_tokens)
    weights = [float(w) for w in widget.locator(".w").evaluate_all("els => els.map(e => e.dataset.weight)")]
    assert all(0 <= w <= 1 for w in weights)
    widget.get_by_role("button", name=t("next", lang)).click()
    assert label.inner_text().startswith(f"{t('sentence', lang)} 2 / ")
    assert widget.locator(".src").all_inner_texts() != first_tokens, "the next sentence is shown"
    widget.get_by_role("button", name=t("previous", lang)).click()
    assert widget.locator(".src").all_inner_texts() == first_tokens
    assert p.errors == []
    p.context.close()
