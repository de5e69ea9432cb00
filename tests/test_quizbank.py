"""The question-bank validator, fed with broken banks, and the course's own banks."""
import copy

import pytest
import yaml

from seqlab import quizbank
from seqlab.quizbank import BankError

GOOD = {
    "chapter": "99-test",
    "questions": [
        {"id": "shape", "type": "single", "objectives": [1], "options": ["a", "b"], "answer": "b",
         "text": {"en": {"question": "Shape?", "options": {"a": {"text": "(T,)", "why": "no"},
                                                            "b": {"text": "(B, h)", "why": "yes"}}},
                  "de": {"question": "Form?", "options": {"a": {"text": "(T,)", "why": "nein"},
                                                           "b": {"text": "(B, h)", "why": "ja"}}}}},
        {"id": "gates", "type": "multiple", "objectives": [1, 2], "options": ["x", "y", "z"], "answer": ["x", "z"],
         "text": {"en": {"question": "Which?", "options": {k: {"text": k, "why": "w"} for k in "xyz"}},
                  "de": {"question": "Welche?", "options": {k: {"text": k, "why": "w"} for k in "xyz"}}}},
        {"id": "params", "type": "numeric", "objectives": [2], "answer": {"value": 6208, "tolerance": 0},
         "text": {"en": {"question": "How many?", "why": "d*h + h*h + h"},
                  "de": {"question": "Wie viele?", "why": "d*h + h*h + h"}}},
        {"id": "loop", "type": "order", "objectives": [3], "options": ["fwd", "bwd", "step"], "answer": ["fwd", "bwd", "step"],
         "text": {"en": {"question": "Order?", "why": "forward first", "options": {k: {"text": k} for k in ("fwd", "bwd", "step")}},
                  "de": {"question": "Reihenfolge?", "why": "erst vorwärts", "options": {k: {"text": k} for k in ("fwd", "bwd", "step")}}}},
    ],
}


def broken(change):
    bank = copy.deepcopy(GOOD)
    change(bank)
    return bank


def q(bank, qid):
    return next(x for x in bank["questions"] if x["id"] == qid)


def test_good_bank_has_no_problems(tmp_path):
    path = tmp_path / "99-test.yml"
    path.write_text(yaml.safe_dump(GOOD, allow_unicode=True))
    assert quizbank.validate(GOOD, "99-test.yml") == []
    assert quizbank.languages(quizbank.load(path)) == ["en", "de"]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda b: q(b, "gates").update(id="shape"), "question 'shape': id is used twice"),
        (lambda b: q(b, "shape").update(answer=["a", "b"]), "question 'shape': single choice needs exactly one correct option"),
        (lambda b: q(b, "shape").update(answer="c"), "question 'shape': single choice needs exactly one correct option"),
        (lambda b: q(b, "gates").update(answer=[]), "question 'gates': multiple choice needs a list of at least one"),
        (lambda b: q(b, "gates").update(answer=["x", "w"]), "question 'gates': multiple-choice answer"),
        (lambda b: q(b, "params").update(answer={"value": 6208}), "question 'params': a numeric answer is"),
        (lambda b: q(b, "params").update(answer={"value": 6208, "tolerance": -1}), "question 'params': numeric tolerance"),
        (lambda b: q(b, "params").update(answer={"value": "many", "tolerance": 0}), "question 'params': numeric answer value"),
        (lambda b: q(b, "loop").update(answer=["fwd", "step"]), "question 'loop': an order answer lists every option"),
        (lambda b: q(b, "shape").update(type="essay"), "question 'shape': type must be one of"),
        (lambda b: q(b, "shape")["text"]["de"]["options"]["a"].pop("why"), r"question 'shape' \[de\]: option 'a' has no explanation"),
        (lambda b: q(b, "shape")["text"]["de"]["options"].pop("b"), r"question 'shape' \[de\]: options differ .*missing \['b'\]"),
        (lambda b: q(b, "params")["text"]["de"].pop("why"), r"question 'params' \[de\]: the explanation"),
        (lambda b: q(b, "loop")["text"]["en"].pop("question"), r"question 'loop' \[en\]: the question text is missing"),
        (lambda b: q(b, "gates")["text"].pop("de"), "question 'gates': written in \\['en'\\], but"),
        (lambda b: q(b, "shape")["text"].update(fr={"question": "?"}), "unknown language 'fr'"),
        (lambda b: q(b, "shape").pop("id"), "question 1: needs an id"),
        (lambda b: q(b, "loop").pop("objectives"), "question 'loop': objectives is missing"),
        (lambda b: q(b, "loop").update(objectives=[0]), "question 'loop': objective 0 is out of range"),
        (lambda b: b.update(chapter="01-rnn"), "chapter is '01-rnn', but the file is named after '99-test'"),
        (lambda b: b.update(questions=[]), "the bank has no questions"),
        (lambda b: q(b, "shape")["text"]["de"]["options"]["b"].update(why="ja, $\\frac{B}$"),
         r"question 'shape' \[de\]: option 'b' why: the formula \$\\frac\{B\}\$ is incomplete"),
        (lambda b: q(b, "params")["text"]["en"].update(question="How many $\\paramz$?"),
         r"question 'params' \[en\]: question: the formula .* uses \\paramz"),
    ],
)
def test_broken_banks_name_file_and_question(change, message):
    problems = quizbank.validate(broken(change), "quizzes/99-test.yml")
    assert problems, "the validator accepted a broken bank"
    assert any("quizzes/99-test.yml" in p for p in problems)
    joined = "\n".join(problems)
    assert __import__("re").search(message, joined), joined


def test_load_reports_yaml_errors_with_the_file(tmp_path):
    path = tmp_path / "99-test.yml"
    path.write_text("questions: [\n  - id: x\n")
    with pytest.raises(BankError, match="99-test.yml: not valid YAML"):
        quizbank.load(path)


def test_load_lists_every_problem(tmp_path):
    bank = broken(lambda b: (q(b, "shape").update(answer="c"), q(b, "params").update(answer={})))
    path = tmp_path / "99-test.yml"
    path.write_text(yaml.safe_dump(bank))
    with pytest.raises(BankError) as err:
        quizbank.load(path)
    assert "'shape'" in str(err.value) and "'params'" in str(err.value)


BANKS = sorted(quizbank.QUIZ_DIR.glob("*.yml"))


@pytest.mark.parametrize("path", BANKS, ids=lambda p: p.name)
def test_course_banks_are_valid(path):
    bank = quizbank.load(path)
    assert len(bank["questions"]) >= 8
    assert {"en", "de"} <= set(quizbank.languages(bank))
    assert {x["type"] for x in bank["questions"]} == set(quizbank.TYPES)
