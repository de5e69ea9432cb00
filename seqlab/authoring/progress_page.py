"""The learner's progress page of each book: what this browser has answered in every chapter's quiz.

The quiz widget (``seqlab/quiz.js``) keeps its answers in the browser's local storage under
``seqlab-quiz:<chapter>`` as ``{question_id: {given, correct, tries}}``. ``page(lang)`` writes the
page ``progress.md``: per chapter a heading, a link to the chapter's quiz (all a reader without
JavaScript gets) and the chapter's questions as data (id, number, a short plain text in the book's
language, English where the bank is not translated, as the quiz does) in a
``<script type="application/json">``. ``assets/book/seqlab-progress.js`` reads the stored answers
and draws, per chapter and in all, how many questions are answered and right, with links to each
unanswered and each wrongly answered question (``NN-name.html#quiz-<id>``); on a chapter page the
same script takes such an address to its question once the quiz is drawn. Nothing is sent anywhere.

``mark_quiz`` gives the quiz section of a chapter page the label the page links to
(``seqlab-quiz-<chapter>``), so the link works without JavaScript too.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .. import quizbank
from ..i18n import t
from .sources import ROOT, chapter_sources

NAME = "progress"  # the page: progress.md, progress.html
CJK_LANGS = ("ja", "zh")
SHORT = {"en": 90, "de": 90, "ja": 45, "zh": 45}  # characters of a question shown on the page
# Scripts of a formula as plain text: Unicode sub- and superscripts where every character has one.
_SUB = dict(zip("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
_SUP = dict(zip("0123456789+-−=()in⊤T", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁱⁿᵀᵀ"))
_SPACED = set("=+−<>≈≤≥≪≫→←∝∈×⊙")  # binary operators and relations, spaced at a formula's top level
_HEADING = re.compile(r"^#{1,6} ", re.M)
SCRIPT_STRINGS = ("count", "total", "wrong", "unanswered", "done")  # progress_<key> in seqlab.i18n


def quiz_label(chapter: str) -> str:
    """The label of a chapter page's quiz section (``01-rnn.html#seqlab-quiz-01-rnn``)."""
    return f"seqlab-quiz-{chapter}"


def bank_dir(root: Path = ROOT) -> Path:
    return quizbank.QUIZ_DIR if root == ROOT else root / "quizzes"


def quiz_chapters(lang: str, root: Path = ROOT) -> list[Path]:
    """The chapter sources of ``lang`` that have a quiz bank, in order."""
    return [src for src in chapter_sources(lang, root) if (bank_dir(root) / f"{src.stem}.yml").exists()]


def has_page(lang: str, root: Path = ROOT) -> bool:
    """Whether the book of ``lang`` has a progress page: some chapter of it has a quiz."""
    return bool(quiz_chapters(lang, root))


def _script(text: str, table: dict, mark: str) -> str:
    if text and all(ch in table for ch in text):
        return "".join(table[ch] for ch in text)
    return mark + (text if len(text) == 1 or text.isalnum() else f"({text})")


def _flat(node, top: bool) -> str:
    """A MathML tree (``seqlab.mathtext``) as plain text: h_t → hₜ, W^⊤ → Wᵀ, a/b, √x."""
    if isinstance(node, str):
        return node
    tag, _attrs, *kids = node
    inner = tag not in ("math", "mrow", "mstyle", "semantics")
    parts = [_flat(k, top and not inner) for k in kids]
    if tag in ("msub", "munder"):
        return parts[0] + _script(parts[1], _SUB, "_")
    if tag in ("msup", "mover"):
        return parts[0] + (parts[1] if parts[1] in "¯˙^~→" else _script(parts[1], _SUP, "^"))
    if tag in ("msubsup", "munderover"):
        return parts[0] + _script(parts[1], _SUB, "_") + _script(parts[2], _SUP, "^")
    if tag == "mfrac":
        return "/".join(p if len(p) == 1 else f"({p})" for p in parts)
    if tag == "msqrt":
        body = "".join(parts)
        return "√" + (body if len(body) == 1 else f"({body})")
    if tag == "mroot":
        return f"{_script(parts[1], _SUP, '^')}√({parts[0]})"
    if tag == "mspace":
        return " "
    if tag == "mo" and top and "".join(parts) in _SPACED:
        return f" {''.join(parts)} "
    if tag == "mo" and top and "".join(parts) == ",":
        return ", "
    return "".join(parts)


def plain(text: str) -> str:
    """Bank text with its ``$…$`` formulas as plain text, whitespace squashed (set as text, never HTML)."""
    from ..mathtext import segments

    out = []
    for part in segments(text):
        out.append(_flat(part["math"], True) if isinstance(part, dict) else part)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def short(text: str, lang: str) -> str:
    """The start of a question, cut after a word (in CJK text, after a character) with "…"."""
    limit = SHORT.get(lang, 90)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if lang not in CJK_LANGS and " " in cut:
        cut = cut[:cut.rindex(" ")]
    elif re.match(r"\w", text[limit]) and text[limit].isascii():  # not inside a Latin word of CJK text
        cut = re.sub(r"[A-Za-z0-9_.]+$", "", cut) or cut
    return cut.rstrip(" ,;:、，：（(") + "…"


def chapter_title(src: Path) -> str:
    """A chapter's title from its source's first heading ("1. Recurrent neural networks")."""
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return plain(line[2:].strip())
    return src.stem


def chapter_data(src: Path, lang: str, root: Path = ROOT) -> dict:
    """What the page's script needs of one chapter: its questions, numbered as the quiz numbers
    them, in ``lang`` or, where the bank has no ``lang`` yet, in English (``lang`` says which)."""
    bank = quizbank.load(bank_dir(root) / f"{src.stem}.yml")
    shown = lang if lang in quizbank.languages(bank) else "en"
    data = {
        "chapter": src.stem,
        "href": f"{src.stem}.html",
        "lang": shown,
        "questions": [{"id": q["id"], "n": n, "text": short(plain(q["text"][shown]["question"]), shown)}
                      for n, q in enumerate(bank["questions"], 1)],
    }
    if shown != lang:
        data["notice"] = t("language_fallback", lang)
    return data


def _json_for_html(data) -> str:
    """JSON that can stand inside ``<script>``: no ``<``, ``>`` or ``&`` that HTML would read."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page(lang: str, root: Path = ROOT) -> str:
    """The progress page of ``lang`` in MyST Markdown."""
    strings = {key: t(f"progress_{key}", lang) for key in SCRIPT_STRINGS}
    lines = [f"# {t('progress', lang)}", "", t("progress_intro", lang), "",
             "```{raw} html",
             '<div class="seqlab-progress-total">'
             f'<p class="seqlab-progress-fallback">{_escape(t("progress_no_script", lang))}</p>'
             f'<script type="application/json" class="seqlab-progress-strings">{_json_for_html(strings)}</script>'
             "</div>",
             "```", ""]
    for src in quiz_chapters(lang, root):
        data = chapter_data(src, lang, root)
        link = t("progress_to_quiz", lang).format(n=len(data["questions"]))
        lines += [f"## {chapter_title(src)}", "",
                  f"{{ref}}`{_role_text(link)} <{quiz_label(src.stem)}>`", "",
                  "```{raw} html",
                  f'<div class="seqlab-progress" data-chapter="{_escape(src.stem)}">'
                  f'<script type="application/json" class="seqlab-progress-data">{_json_for_html(data)}</script>'
                  "</div>",
                  "```", ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _role_text(text: str) -> str:
    """Text for a role's link title: no backtick, and a ``<`` that does not start the target."""
    return text.replace("`", "'").replace("<", "\\<")


def mark_quiz(nb, chapter: str) -> bool:
    """Label the quiz of ``chapter`` in its (merged) notebook, so that
    ``NN-name.html#seqlab-quiz-NN-name`` leads to it: the heading in the markdown cell just above
    the cell that shows the quiz, or, with no heading there, that cell itself. Returns whether the
    notebook shows the quiz."""
    import nbformat

    call = re.compile(r"""\bQuiz\(\s*["']""" + re.escape(chapter) + r"""["']""")
    label = f"({quiz_label(chapter)})=\n"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and call.search(cell.source):
            before = nb.cells[i - 1] if i > 0 and nb.cells[i - 1].cell_type == "markdown" else None
            headings = list(_HEADING.finditer(before.source)) if before is not None else []
            if headings:
                at = headings[-1].start()
                before.source = before.source[:at] + label + before.source[at:]
            else:
                mark = nbformat.v4.new_markdown_cell(label)
                mark.id = f"{quiz_label(chapter)}-label"
                nb.cells.insert(i, mark)
            return True
    return False
