"""Question banks: one YAML file per chapter in ``quizzes/``, answer keys written once.

A bank looks like this (``quizzes/01-rnn.yml``)::

    chapter: 01-rnn
    questions:
      - id: hidden-shape            # stable: progress is stored under it
        type: single                # single | multiple | numeric | order
        objectives: [2]             # the chapter objectives it tests: 1-based indexes into the
                                    # "**You will learn to**" list that opens the chapter source
        options: [a, b, c]          # option ids (single, multiple, order)
        answer: b                   # single: an id; multiple: [ids]; order: ids in the right order
        text:                       # per language; en, de, ja, zh may appear
          en:
            question: "What is the shape of $h_t$ ...?"
            options:
              a: {text: "(B, T)", why: "That is the shape of the token ids ..."}
              b: {text: "(B, hid_size)", why: "Right: one state vector per sequence ..."}
              c: {text: "...", why: "..."}
      - id: rnn-params
        type: numeric
        objectives: [2, 3]
        answer: {value: 6208, tolerance: 0}
        text:
          en:
            question: "How many parameters ...?"
            why: "d·h + h·h + h = ..."          # numeric: one explanation
      - id: training-steps
        type: order
        objectives: [3]
        options: [zero, forward, backward, step]
        answer: [zero, forward, backward, step]
        text:
          en:
            question: "Put the steps of one training iteration in order."
            options: {zero: {text: "..."}, forward: {text: "..."}, ...}
            why: "..."                          # order: one explanation

``objectives`` is required in every question, written once (not per language): the objectives are
the chapter's, numbered as in its English source, and every translation lists as many. A bank alone
does not know how many its chapter has (an installed ``seqlab`` ships the banks without the
chapters), so ``load(path, n_objectives=...)`` and ``validate(..., n_objectives=...)`` check the
range when given the count; the book build and the tests pass it
(``seqlab.authoring.instructor.load_bank``).

``load(path)`` reads and validates a bank and raises ``BankError`` naming the file and the
question id for anything malformed; ``validate`` returns all problems at once.
"""
from __future__ import annotations

import math
from pathlib import Path

from . import LANGS

TYPES = ("single", "multiple", "numeric", "order")
ROOT = Path(__file__).resolve().parent.parent
# In the repository: quizzes/. Installed from a wheel (Colab): seqlab/quizzes inside the package.
QUIZ_DIR = ROOT / "quizzes" if (ROOT / "quizzes").is_dir() else Path(__file__).resolve().parent / "quizzes"


class BankError(ValueError):
    """A malformed question bank; the message names the file and the question."""


def _is_str(x) -> bool:
    return isinstance(x, str) and x.strip() != ""


def _check_objectives(q, where: str, n_objectives: int | None) -> list[str]:
    """``objectives``: a non-empty list of distinct 1-based objective numbers (at most ``n_objectives``)."""
    if "objectives" not in q:
        return [f"{where}: objectives is missing: list the chapter objectives the question tests "
                "(1-based, as in the chapter's 'You will learn to' list), e.g. objectives: [1, 3]"]
    given = q["objectives"]
    if (not isinstance(given, list) or not given
            or not all(isinstance(k, int) and not isinstance(k, bool) for k in given)):
        return [f"{where}: objectives must be a non-empty list of whole objective numbers, got {given!r}"]
    problems = []
    if len(set(given)) != len(given):
        problems.append(f"{where}: objectives repeat: {given}")
    for k in given:
        if k < 1 or (n_objectives is not None and k > n_objectives):
            limit = ("1 or more (1-based)" if n_objectives is None
                     else f"1 to {n_objectives}: the chapter has {n_objectives} objectives")
            problems.append(f"{where}: objective {k} is out of range ({limit})")
    return problems


def _check_question(q, where: str) -> list[str]:
    problems = []
    qtype = q.get("type")
    if qtype not in TYPES:
        return [f"{where}: type must be one of {', '.join(TYPES)}, got {qtype!r}"]
    options = q.get("options")
    answer = q.get("answer")
    if qtype == "numeric":
        if not isinstance(answer, dict) or set(answer) != {"value", "tolerance"}:
            problems.append(f"{where}: a numeric answer is {{value: ..., tolerance: ...}}, got {answer!r}")
        else:
            value, tol = answer["value"], answer["tolerance"]
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
                problems.append(f"{where}: numeric answer value must be a number, got {value!r}")
            if not isinstance(tol, (int, float)) or isinstance(tol, bool) or tol < 0:
                problems.append(f"{where}: numeric tolerance must be a number ≥ 0, got {tol!r}")
        if options is not None:
            problems.append(f"{where}: a numeric question has no options")
    else:
        if not isinstance(options, list) or len(options) < 2 or not all(_is_str(o) for o in options):
            return problems + [f"{where}: options must be a list of at least two option ids"]
        if len(set(options)) != len(options):
            problems.append(f"{where}: option ids repeat: {options}")
        if qtype == "single":
            if answer not in options:
                problems.append(f"{where}: single choice needs exactly one correct option id from {options}, got {answer!r}")
        elif qtype == "multiple":
            if not isinstance(answer, list) or not answer:
                problems.append(f"{where}: multiple choice needs a list of at least one correct option id, got {answer!r}")
            elif not set(answer) <= set(options) or len(set(answer)) != len(answer):
                problems.append(f"{where}: multiple-choice answer {answer} must be distinct ids from {options}")
        elif qtype == "order":
            if not isinstance(answer, list) or sorted(map(str, answer)) != sorted(options):
                problems.append(f"{where}: an order answer lists every option id once, in the right order; got {answer!r}")
    return problems


def _check_math(text, at: str, part: str) -> list[str]:
    """A text's ``$…$`` formulas must convert to MathML (the widgets show them as MathML)."""
    from .mathtext import MathError, segments

    try:
        segments(text)
    except MathError as e:
        return [f"{at}: {part}: {e}"]
    return []


def _check_text(q, where: str) -> list[str]:
    problems = []
    texts = q.get("text")
    if not isinstance(texts, dict) or not texts:
        return [f"{where}: text must map languages ({', '.join(LANGS)}) to the question's text"]
    if "en" not in texts:
        problems.append(f"{where}: English text is missing (every bank is written in English first)")
    option_ids = q.get("options") if isinstance(q.get("options"), list) else []
    for lang, text in texts.items():
        at = f"{where} [{lang}]"
        if lang not in LANGS:
            problems.append(f"{where}: unknown language {lang!r} (known: {', '.join(LANGS)})")
            continue
        if not isinstance(text, dict) or not _is_str(text.get("question")):
            problems.append(f"{at}: the question text is missing")
            continue
        if q.get("type") in ("numeric", "order") and not _is_str(text.get("why")):
            problems.append(f"{at}: the explanation ('why') is missing")
        problems += _check_math(text["question"], at, "question")
        if _is_str(text.get("why")):
            problems += _check_math(text["why"], at, "why")
        if q.get("type") == "numeric":
            continue
        given = text.get("options")
        if not isinstance(given, dict):
            problems.append(f"{at}: options must map each option id to its text")
            continue
        if set(given) != set(option_ids):
            missing, extra = sorted(set(option_ids) - set(given)), sorted(set(given) - set(option_ids))
            problems.append(f"{at}: options differ from the answer key's (missing {missing}, unknown {extra})")
        for oid in option_ids:
            opt = given.get(oid)
            if not isinstance(opt, dict) or not _is_str(opt.get("text")):
                problems.append(f"{at}: option {oid!r} has no text")
            elif q.get("type") in ("single", "multiple") and not _is_str(opt.get("why")):
                problems.append(f"{at}: option {oid!r} has no explanation ('why')")
            else:
                problems += _check_math(opt["text"], at, f"option {oid!r}")
                if _is_str(opt.get("why")):
                    problems += _check_math(opt["why"], at, f"option {oid!r} why")
    return problems


def validate(bank, path: Path | str, n_objectives: int | None = None) -> list[str]:
    """Every problem of an already-parsed bank, each naming ``path`` and the question id;
    ``n_objectives``, where known, is how many objectives the bank's chapter lists."""
    path = str(path)
    if not isinstance(bank, dict) or not isinstance(bank.get("questions"), list):
        return [f"{path}: a bank is a mapping with 'chapter' and a list of 'questions'"]
    problems = []
    expected = Path(path).stem
    if bank.get("chapter") != expected:
        problems.append(f"{path}: chapter is {bank.get('chapter')!r}, but the file is named after {expected!r}")
    seen = set()
    langs_of_bank = None
    for n, q in enumerate(bank["questions"], 1):
        if not isinstance(q, dict):
            problems.append(f"{path}: question {n} is not a mapping")
            continue
        qid = q.get("id")
        where = f"{path}: question {qid!r}" if _is_str(qid) else f"{path}: question {n}"
        if not _is_str(qid):
            problems.append(f"{where}: needs an id (a short stable name)")
        elif qid in seen:
            problems.append(f"{where}: id is used twice")
        seen.add(qid)
        problems += _check_question(q, where)
        problems += _check_objectives(q, where, n_objectives)
        problems += _check_text(q, where)
        langs = set(q.get("text") or {}) if isinstance(q.get("text"), dict) else set()
        if langs_of_bank is None:
            langs_of_bank = langs
        elif langs != langs_of_bank:
            problems.append(
                f"{where}: written in {sorted(langs)}, but the bank's first question in {sorted(langs_of_bank)}: "
                "every question of a bank has the same languages"
            )
    if not bank["questions"]:
        problems.append(f"{path}: the bank has no questions")
    return problems


def load(path: Path | str, n_objectives: int | None = None) -> dict:
    """Read and validate a bank; raises ``BankError`` listing every problem. With ``n_objectives``
    (the chapter's number of objectives), every question's objectives must lie within it."""
    import yaml

    path = Path(path)
    try:
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise BankError(f"{path}: no such question bank") from e
    except yaml.YAMLError as e:
        raise BankError(f"{path}: not valid YAML: {e}") from e
    problems = validate(bank, path, n_objectives)
    if problems:
        raise BankError("\n".join(problems))
    return bank


def bank_path(chapter: str) -> Path:
    return QUIZ_DIR / f"{chapter}.yml"


def languages(bank: dict) -> list[str]:
    """The languages a bank is written in (in the course's order)."""
    present = set(bank["questions"][0]["text"])
    return [lang for lang in LANGS if lang in present]
