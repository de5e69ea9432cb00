"""The end-of-chapter quiz: an anywidget whose logic runs in the browser.

``Quiz("01-rnn", lang="de")`` shows the bank ``quizzes/01-rnn.yml`` in German. Grading, feedback,
retry and reset happen in JavaScript (``quiz.js``), so the quiz also works in the static book,
where no kernel answers. Progress is kept in the browser's local storage, and, where a kernel is
connected, synced back to Python:

- ``quiz.answers``: ``{question_id: {"given": ..., "correct": bool, "tries": int}}``
- ``quiz.score``: how many questions are answered correctly (recomputed here from the answer key)
- ``quiz.reset()``: forgets every answer, here and in the browser (its saved copy too)

The browser sends its saved answers when it shows the quiz. In "Run All" that happens after the
kernel has run the cells queued behind the quiz, so read ``quiz.score`` in a cell you run later.

All text reaches the page as text, never as HTML, so a bank cannot inject markup or script;
``$…$`` formulas arrive as MathML trees built in Python (``seqlab.mathtext``), which the front end
turns into elements one by one, so math renders wherever the widget runs, with no math library.
Numbers are read as the quiz's language writes them (``parse_number``).
"""
from __future__ import annotations

import random
import re
import unicodedata
import uuid
from pathlib import Path

import anywidget
import traitlets

from . import LANGS, quizbank
from .i18n import t
from .widget import TextFallback
from .mathtext import segments

_HERE = Path(__file__).resolve().parent
UI_KEYS = ("quiz_title", "check", "check_again", "correct", "not_quite", "try_again", "score",
           "reset", "reset_confirm", "reset_yes", "reset_no", "move_up", "move_down", "too_high",
           "too_low", "your_number", "number_hint", "not_a_number", "explanation", "language_fallback")


def questions_for(bank: dict, lang: str) -> tuple[list[dict], str]:
    """The bank's questions in ``lang`` (English where the bank has no ``lang`` yet)."""
    shown = lang if lang in quizbank.languages(bank) else "en"
    out = []
    for q in bank["questions"]:
        text = q["text"][shown]
        item = {"id": q["id"], "type": q["type"], "question": segments(text["question"]),
                "answer": q["answer"], "why": segments(text.get("why", ""))}
        if q["type"] != "numeric":
            ids = _start_order(q) if q["type"] == "order" else q["options"]
            item["options"] = [
                {"id": oid, "text": segments(text["options"][oid]["text"]),
                 "why": segments(text["options"][oid].get("why", ""))}
                for oid in ids
            ]
        out.append(item)
    return out, shown


def _start_order(q: dict) -> list[str]:
    """The order in which an ordering question starts: shuffled, the same every time, never solved."""
    ids = list(q["options"])
    random.Random(f"order/{q['id']}").shuffle(ids)
    if ids == list(q["answer"]):
        ids = ids[1:] + ids[:1]
    return ids


def parse_number(text, lang: str = "en") -> float | None:
    """A number as a reader of ``lang`` writes it, or None if it is not one.

    English, Japanese and Chinese group thousands with a comma and write decimals with a point
    ("6,208", "0.25"); German the other way round ("6.208", "0,25"). A mark followed by other
    than three digits cannot group thousands, so it is read as the decimal mark ("0,5" in
    English is 0.5). Full-width digits, spaces between groups and the minus sign − are accepted.
    ``quiz.js`` reads numbers by the same rules (a browser test compares the two).
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    if not isinstance(text, str):
        return None
    s = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    s = re.sub(r"[\s']", "", s)
    group, point = (r"\.", ",") if lang == "de" else (",", r"\.")
    exp = r"(?:[eE]([+-]?[0-9]+))?"
    m = re.fullmatch(rf"([+-]?)([0-9]{{1,3}}(?:{group}[0-9]{{3}})+|[0-9]*)(?:{point}([0-9]*))?{exp}", s)
    if m and (m.group(2) or m.group(3)):
        sign, whole, frac, e = m.groups()
        whole = re.sub(group, "", whole)
    else:  # the other mark where it cannot group thousands: "0,5" in English
        m = re.fullmatch(rf"([+-]?)([0-9]+){group}([0-9]{{1,2}}|[0-9]{{4,}}){exp}", s)
        if not m:
            return None
        sign, whole, frac, e = m.groups()
    return float(f"{sign}{whole or 0}.{frac or 0}e{e or 0}")


def grade(question: dict, given, lang: str = "en") -> bool:
    """Whether ``given`` answers ``question`` (a question as in the bank, answer key included);
    a numeric answer is read as ``lang`` writes numbers."""
    answer, qtype = question["answer"], question["type"]
    if qtype == "single":
        return given == answer
    if qtype == "multiple":
        return isinstance(given, list) and sorted(given) == sorted(answer)
    if qtype == "order":
        return isinstance(given, list) and list(given) == list(answer)
    x = parse_number(given, lang)
    if x is None:
        return False
    # a hair of slack, so that 0.49 counts as within 0.01 of 0.5 despite binary rounding
    return abs(x - answer["value"]) <= answer["tolerance"] + 1e-9 * max(1.0, abs(answer["value"]))


class Quiz(TextFallback, anywidget.AnyWidget):
    """A chapter's quiz in one language; see the module docstring."""

    _esm = (_HERE / "quiz.js").read_text(encoding="utf-8")
    _css = (_HERE / "quiz.css").read_text(encoding="utf-8")

    chapter = traitlets.Unicode().tag(sync=True)
    lang = traitlets.Unicode().tag(sync=True)
    questions = traitlets.List().tag(sync=True)
    ui = traitlets.Dict().tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Int(0).tag(sync=True)
    # Set by reset(): the browser clears its saved answers when it sees a token it has not seen.
    reset_token = traitlets.Unicode("").tag(sync=True)

    def __init__(self, chapter: str, lang: str = "en", bank_dir: Path | str | None = None, **kwargs):
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
        path = (Path(bank_dir) if bank_dir else quizbank.QUIZ_DIR) / f"{chapter}.yml"
        bank = quizbank.load(path)
        questions, shown = questions_for(bank, lang)
        ui = {key: t(key, lang) for key in UI_KEYS}
        ui["number_lang"] = lang  # numbers are read as the reader writes them, whatever the text's language
        if shown != lang:
            ui["notice"] = t("language_fallback", lang)
        self._keys = {q["id"]: q for q in questions}
        self._number_lang = lang
        self._plain = t("quiz_plain", lang).format(n=len(questions))
        super().__init__(chapter=chapter, lang=shown, questions=questions, ui=ui, **kwargs)

    @traitlets.observe("answers")
    def _rescore(self, change) -> None:
        self.score = sum(
            1 for qid, entry in change["new"].items()
            if qid in self._keys and isinstance(entry, dict)
            and grade(self._keys[qid], entry.get("given"), self._number_lang)
        )

    def answer(self, question_id: str, given) -> bool:
        """Answer a question from Python (as the browser does); returns whether it is right."""
        if question_id not in self._keys:
            raise ValueError(f"{self.chapter} has no question {question_id!r}; ids: {', '.join(self._keys)}")
        correct = grade(self._keys[question_id], given, self._number_lang)
        old = self.answers.get(question_id, {})
        self.answers = {**self.answers,
                        question_id: {"given": given, "correct": correct, "tries": old.get("tries", 0) + 1}}
        return correct

    def reset(self) -> None:
        """Forget every answer, here and in the browser (the copy it saved, too)."""
        self.reset_token = uuid.uuid4().hex
        self.answers = {}
