"""The notebooks in a real JupyterLab, as a learner uses them: open, Run All, take the quiz.

JupyterLab 4 runs on 127.0.0.1 (a token, its own settings, config and runtime folders, stopped
at the end with its kernels) with the kernels in quick mode; Debian's Chromium drives it through
Playwright. One notebook per framework: chapter 1 in PyTorch (a quiz full of formulas) and chapter
4 in TensorFlow (the attention browser). No request leaves the machine: the browser's requests
for other hosts are aborted and recorded, and the server's and kernels' connections are recorded
by an audit hook.
"""
import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from seqlab import authoring
from seqlab.i18n import t

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]
LANG = "en"
NOTEBOOKS = ["01-rnn-pytorch.ipynb", "04-attention-tensorflow.ipynb"]
# Records the server's and kernels' connections to other hosts (loaded through PYTHONPATH).
AUDIT = r'''
import os, sys
_LOG, _LOCAL = os.environ.get("SEQLAB_NETLOG"), {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::"}
def _hook(event, args):
    if event == "socket.connect" and isinstance(args[1], tuple) and args[1][0] not in _LOCAL:
        with open(_LOG, "a") as f:
            f.write(f"{sys.argv[0]} connect {args[1]!r}\n")
if _LOG:
    sys.addaudithook(_hook)
'''
IDLE = r"() => [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /\| Idle$/.test(e.textContent.trim()))"
# Run All is done when, twice in a row, the kernel is idle, no prompt reads [*] and the last
# visible prompt has a number (the prompts were cleared before), or a traceback is shown.
DONE = r"""() => {
  const idle = [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => /\| Idle$/.test(e.textContent.trim()));
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim());
  const failed = [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
    .some(e => /Traceback/.test(e.textContent));
  const done = idle && !prompts.includes('[*]:') && (/^\[\d+\]:$/.test(prompts.filter(p => p).pop() || '') || failed);
  window.__seqlabDone = done ? (window.__seqlabDone || 0) + 1 : 0;
  return window.__seqlabDone >= 2;
}"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 over copies of the notebooks; yields (base URL, token, folder)."""
    state = tmp_path_factory.mktemp("jupyterlab")
    folder = state / "notebooks"
    folder.mkdir()
    for name in NOTEBOOKS:
        shutil.copy2(ROOT / "notebooks" / LANG / name, folder / name)
    dirs = {k: state / k for k in ("config", "data", "runtime", "settings", "workspaces", "ipython", "audit")}
    for d in dirs.values():
        d.mkdir()
    # No news or update check, no extension manager: JupyterLab asks other hosts for nothing.
    notify = dirs["settings"] / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    notify.parent.mkdir(parents=True)
    notify.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    (dirs["config"] / "labconfig").mkdir()
    (dirs["config"] / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/extensionmanager-extension": True}}))
    (dirs["audit"] / "sitecustomize.py").write_text(AUDIT)
    netlog = state / "netlog.txt"
    port, token = _free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_", "IPYTHON"))}
    env.update(JUPYTER_CONFIG_DIR=str(dirs["config"]), JUPYTER_DATA_DIR=str(dirs["data"]),
               JUPYTER_RUNTIME_DIR=str(dirs["runtime"]), IPYTHONDIR=str(dirs["ipython"]),
               MPLCONFIGDIR=str(state / "mpl"), SEQLAB_QUICK="1", PYTHONPATH=str(dirs["audit"]),
               SEQLAB_NETLOG=str(netlog))
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--allow-root",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}",
           f"--LabApp.user_settings_dir={dirs['settings']}", f"--LabApp.workspaces_dir={dirs['workspaces']}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly"]
    log = open(state / "server.log", "w")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, f"jupyter lab exited: see {state / 'server.log'}"
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            assert time.monotonic() < deadline, "jupyter lab did not start within 90 s"
            time.sleep(0.2)
        yield base, token, folder
        outbound = netlog.read_text().splitlines() if netlog.exists() else []
        assert outbound == [], f"the server or a kernel connected to another host: {outbound[:5]}"
    finally:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST"),
                                   timeout=5).close()
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and proc.poll() is None:
                proc.send_signal(sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
                break
        for pid in Path("/proc").glob("[0-9]*"):  # kernels run in sessions of their own
            with contextlib.suppress(OSError):
                if str(dirs["runtime"]) in (pid / "cmdline").read_bytes().decode(errors="replace"):
                    os.kill(int(pid.name), signal.SIGKILL)
        log.close()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Lab:
    """One notebook in one fresh browser context; requests for other hosts are aborted."""

    def __init__(self, browser, base, token, name):
        self.base, self.token, self.name = base, token, name
        self.foreign, self.errors = [], []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30000)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "blob:")):
            route.fallback()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, cells):
        self.page.goto(f"{self.base}/lab/tree/{self.name}?reset&token={self.token}")
        self.page.wait_for_function(f"() => document.querySelectorAll('.jp-Notebook .jp-Cell').length === {cells}",
                                    timeout=60000, polling=100)
        self.page.wait_for_function(IDLE, timeout=60000, polling=100)
        self.page.wait_for_timeout(500)  # the kernel's metadata arrives as it connects

    def dirty(self):
        tab = self.page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=self.name).first
        return "jp-mod-dirty" in (tab.get_attribute("class") or "")

    def command_mode(self, index):
        cells = self.page.locator(".jp-Notebook .jp-Cell")
        cells.nth(index if index >= 0 else cells.count() + index).locator(".jp-InputPrompt").first.click()
        self.page.keyboard.press("Escape")

    def save(self):
        self.command_mode(0)
        with self.page.expect_response(lambda r: r.request.method == "PUT" and "/api/contents/" in r.url) as saved:
            self.page.keyboard.press("Control+s")
        assert saved.value.status == 200

    def menu(self, top, item):
        self.page.get_by_role("menuitem", name=top, exact=True).click()
        self.page.get_by_role("menuitem", name=item, exact=True).click()

    def run_all(self):
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function("() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]"
                                    ".every(p => !/\\d/.test(p.textContent))")
        self.menu("Run", "Run All Cells")
        self.page.wait_for_function(DONE, timeout=300000, polling=250)

    def run_in_new_cell(self, code, expect):
        """A new last cell, typed from the keyboard and run; returns its output's text."""
        cells = self.page.locator(".jp-Notebook .jp-Cell")
        n = cells.count()
        self.command_mode(-1)
        self.page.keyboard.press("b")
        self.page.keyboard.press("Enter")
        self.page.keyboard.insert_text(code)
        self.page.keyboard.press("Shift+Enter")
        out = cells.nth(n).locator(".jp-OutputArea-output").filter(has_text=expect).first
        out.wait_for(timeout=60000)
        return out.text_content().strip()

    def close(self):
        self.context.close()


def _bank(chapter):
    bank = yaml.safe_load((ROOT / "quizzes" / f"{chapter}.yml").read_text(encoding="utf-8"))
    q = next(q for q in bank["questions"] if q["type"] == "single")
    return bank, q, next(o for o in q["options"] if o != q["answer"])


def _shut_kernels(base, token):
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.loads(r.read())
    for s in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{s['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=10).close()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_unmodified_and_saves_unchanged(chromium, lab, name):
    base, token, folder = lab
    committed = (ROOT / "notebooks" / LANG / name).read_bytes()
    (folder / name).write_bytes(committed)
    nb = Lab(chromium, base, token, name)
    try:
        nb.open(len(json.loads(committed)["cells"]))
        assert not nb.dirty(), "JupyterLab rewrote the notebook's metadata as it opened it"
        nb.save()
        saved = (folder / name).read_bytes()
        assert json.loads(saved) == json.loads(committed), "saving an unchanged notebook changed it"
        assert saved == committed, "saving an unchanged notebook changed its bytes"
        assert nb.foreign == [] and nb.errors == []
    finally:
        nb.close()
        _shut_kernels(base, token)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_run_all_then_take_the_quiz(chromium, lab, name):
    base, token, folder = lab
    chapter = name.rsplit("-", 1)[0]
    committed = (ROOT / "notebooks" / LANG / name).read_bytes()
    (folder / name).write_bytes(committed)
    stored = json.loads(committed)
    images = sum(1 for c in stored["cells"] for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    nb = Lab(chromium, base, token, name)
    page = nb.page
    try:
        nb.open(len(stored["cells"]))
        nb.run_all()
        stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_text_contents()
        assert stderr == [], f"red text in a normal run: {[s[:300] for s in stderr]}"
        assert page.locator(".jp-RenderedImage img").count() == images, "every plot is drawn"

        quiz = page.locator(".seqlab-quiz")
        quiz.wait_for()
        assert quiz.locator("math").count() > 0 and "\\(" not in quiz.text_content(), "the formulas are typeset"
        bank, q, wrong = _bank(chapter)
        text = q["text"][LANG]
        box = quiz.locator(f'fieldset[data-qid="{q["id"]}"]')
        box.scroll_into_view_if_needed()
        feedback = box.locator(".sq-feedback")
        box.locator(f'input[value="{wrong}"]').check()
        box.locator(".sq-check").click()
        assert t("not_quite", LANG) in feedback.text_content()
        assert re.sub(r"\s+", " ", text["options"][wrong]["why"]).split("$")[0][:30] in re.sub(r"\s+", " ", feedback.text_content())
        box.locator(f'input[value="{q["answer"]}"]').check()
        box.locator(".sq-check").click()
        assert t("correct", LANG) in feedback.text_content()
        assert re.sub(r"\s+", " ", text["options"][q["answer"]]["why"]).split("$")[0][:30] in re.sub(r"\s+", " ", feedback.text_content())
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"jupyterlab-{name[:-6]}-quiz.png"))
        assert nb.run_in_new_cell("print('SCORE', quiz.score)", "SCORE") == "SCORE 1"

        if "attention" in name:
            widget = page.locator(".seqlab-align")
            widget.scroll_into_view_if_needed()
            label = widget.locator(".seqlab-align-label")
            before = label.text_content()
            widget.get_by_role("button", name=t("next", LANG)).click()
            assert label.text_content() != before, "the attention browser answers a click"
            widget.locator(".w").nth(3).click()
            assert "←" in widget.locator(".seqlab-align-readout").text_content(), "a tap shows the weight"
            slider = widget.locator('input[type="range"]')
            slider.focus()
            active = page.evaluate("() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]"
                                   ".indexOf(document.querySelector('.jp-Notebook .jp-Cell.jp-mod-active'))")
            value = slider.input_value()
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowLeft")
            page.keyboard.press("ArrowLeft")
            assert page.evaluate("() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]"
                                 ".indexOf(document.querySelector('.jp-Notebook .jp-Cell.jp-mod-active'))") == active, \
                "the arrow keys moved the notebook instead of the slider"
            assert int(slider.input_value()) == int(value) - 1, "the slider got the arrow keys"
            assert page.locator(".jp-MarkdownHeadingCollapsed").count() == 0, "no section was folded"
            page.screenshot(path=str(SHOTS / f"jupyterlab-{name[:-6]}-attention.png"))

        # quiz.reset() from Python clears the browser's saved answers too
        nb.run_in_new_cell("quiz.reset(); print('RESET', quiz.score)", "RESET")
        score = t("score", LANG).format(score=0, total=len(bank["questions"]))
        page.wait_for_function(f"() => document.querySelector('.seqlab-quiz .sq-score').textContent === {json.dumps(score)}")
        assert page.evaluate(f"() => localStorage.getItem('seqlab-quiz:{chapter}')") == "{}"
        assert nb.foreign == [], f"the browser asked other hosts: {nb.foreign[:5]}"
        assert nb.errors == []
    finally:
        nb.close()
        _shut_kernels(base, token)


# Two self-checking exercises as a learner does them, in two languages and both frameworks: the
# handed-out notebook (make exercises), Run All, then the learner's wrong function (its check shows
# the hint for that mistake), then the right one (the check passes).
EXERCISE_RUNS = [("ja", "02-lstm-gru", "pytorch", "02/lstm-step", "gate_order"),
                 ("de", "05-transformer", "tensorflow", "05/attention-head", "no_scale")]


def _typed_into(page, cell, code):
    editor = cell.locator(".cm-content").first
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(code)


@pytest.mark.parametrize("lang,chapter,framework,key,mistake", EXERCISE_RUNS, ids=[r[0] + "-" + r[3] for r in EXERCISE_RUNS])
def test_an_exercise_wrong_then_right(chromium, lab, lang, chapter, framework, key, mistake):
    import nbformat
    import numpy as np

    from seqlab.authoring.handouts import exercise_notebook
    from seqlab.exercises import EXERCISES, hint_text, message
    from test_exercises import MUTATIONS, solution

    base, token, folder = lab
    name = f"exercises-{lang}-{chapter}-{framework}.ipynb"
    handout = exercise_notebook(ROOT / "book" / lang / f"{chapter}.md", framework)
    nbformat.write(handout, folder / name)
    exercise = EXERCISES[key]
    right = solution(key, framework)
    wrong = right
    for old, new in dict(MUTATIONS[key][framework])[mistake]:
        wrong = wrong.replace(old, new)
    stub = next(i for i, c in enumerate(handout.cells) if c.cell_type == "code" and c.source.startswith(f"def {exercise.name}("))
    nb = Lab(chromium, base, token, name)
    page = nb.page
    cells = page.locator(".jp-Notebook .jp-Cell")
    try:
        nb.open(len(handout.cells))
        nb.run_all()
        todo = message("todo", lang).format(name=exercise.name)
        assert cells.nth(stub + 1).locator(".seqlab-check").inner_text().strip() == todo
        SHOTS.mkdir(parents=True, exist_ok=True)
        for code, verdict, shot in ((wrong, "✗", "wrong"), (right, "✓", "right")):
            _typed_into(page, cells.nth(stub), code)
            page.keyboard.press("Shift+Enter")                   # runs the function's cell, moves to the check
            page.keyboard.press("Shift+Enter")                   # runs the check
            out = cells.nth(stub + 1).locator(".seqlab-check").filter(has_text=verdict).first
            out.wait_for(timeout=60000)
            text = " ".join(out.inner_text().split())
            if verdict == "✗":
                assert text.startswith(f"✗ {exercise.name}"), text
                assert " ".join(hint_text(key, mistake, lang).split()) in text, text
            else:
                n = len(exercise.cases(np.random.default_rng(0)))
                assert text.startswith(message("passed", lang).format(name=exercise.name, n=n)), text
            out.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / f"jupyterlab-exercise-{lang}-{shot}.png"))
        assert nb.foreign == [] and nb.errors == []
    finally:
        nb.close()
        _shut_kernels(base, token)
