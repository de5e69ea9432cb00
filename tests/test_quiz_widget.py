"""The quiz widget's Python side: construction per language, answers → score, escaping."""
from pathlib import Path

import pytest
import yaml

import seqlab
from seqlab import quizbank
from seqlab.i18n import t
from seqlab.quiz import Quiz, grade

from test_quizbank import GOOD


@pytest.fixture
def bank_dir(tmp_path):
    (tmp_path / "99-test.yml").write_text(yaml.safe_dump(GOOD, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "de"])
def test_quiz_shows_the_bank_in_its_language(bank_dir, lang):
    quiz = Quiz("99-test", lang=lang, bank_dir=bank_dir)
    assert quiz.lang == lang
    assert [q["id"] for q in quiz.questions] == ["shape", "gates", "params", "loop"]
    assert quiz.questions[0]["question"] == GOOD["questions"][0]["text"][lang]["question"]
    assert quiz.questions[0]["options"][1]["why"] == GOOD["questions"][0]["text"][lang]["options"]["b"]["why"]
    assert quiz.ui["check"] == t("check", lang)
    assert "notice" not in quiz.ui
    assert quiz.score == 0 and quiz.answers == {}


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_untranslated_quiz_falls_back_to_english_with_a_notice(bank_dir, lang):
    quiz = Quiz("99-test", lang=lang, bank_dir=bank_dir)
    assert quiz.lang == "en"
    assert quiz.questions[0]["question"] == "Shape?"
    assert quiz.ui["notice"] == t("language_fallback", lang)
    assert quiz.ui["check"] == t("check", lang)  # the buttons still speak the reader's language


def test_order_questions_start_shuffled_but_not_solved(bank_dir):
    quiz = Quiz("99-test", bank_dir=bank_dir)
    loop = next(q for q in quiz.questions if q["id"] == "loop")
    shown = [o["id"] for o in loop["options"]]
    assert sorted(shown) == sorted(loop["answer"]) and shown != loop["answer"]
    assert shown == [o["id"] for o in next(q for q in Quiz("99-test", bank_dir=bank_dir).questions if q["id"] == "loop")["options"]]


def test_answers_give_the_score(bank_dir):
    quiz = Quiz("99-test", bank_dir=bank_dir)
    assert quiz.answer("shape", "a") is False
    assert quiz.score == 0
    assert quiz.answer("shape", "b") is True
    assert quiz.answers["shape"] == {"given": "b", "correct": True, "tries": 2}
    assert quiz.answer("gates", ["z", "x"]) is True
    assert quiz.answer("params", "6208.0") is True
    assert quiz.answer("loop", ["bwd", "fwd", "step"]) is False
    assert quiz.score == 3
    quiz.reset()
    assert quiz.score == 0 and quiz.answers == {}


def test_answers_synced_from_the_browser_are_regraded(bank_dir):
    """The browser sends {given, correct}; the score trusts only the answer key."""
    quiz = Quiz("99-test", bank_dir=bank_dir)
    quiz.answers = {"shape": {"given": "a", "correct": True, "tries": 1},
                    "loop": {"given": ["fwd", "bwd", "step"], "correct": True, "tries": 1},
                    "ghost": {"given": "x", "correct": True}}
    assert quiz.score == 1


def test_grading_rules():
    numeric = {"type": "numeric", "answer": {"value": 0.5, "tolerance": 0.01}}
    assert grade(numeric, "0.505") and grade(numeric, 0.49) and grade(numeric, "0,51") and not grade(numeric, "0.52")
    assert not grade(numeric, "half") and not grade(numeric, None)
    multiple = {"type": "multiple", "answer": ["a", "c"]}
    assert grade(multiple, ["c", "a"]) and not grade(multiple, ["a"]) and not grade(multiple, "a")


def test_unknown_question_and_language_are_clear_errors(bank_dir):
    quiz = Quiz("99-test", bank_dir=bank_dir)
    with pytest.raises(ValueError, match="99-test has no question 'nope'"):
        quiz.answer("nope", 1)
    with pytest.raises(ValueError, match="lang must be one of"):
        Quiz("99-test", lang="fr", bank_dir=bank_dir)
    with pytest.raises(quizbank.BankError, match="no such question bank"):
        Quiz("98-missing", bank_dir=bank_dir)


def test_front_end_never_parses_bank_text_as_html():
    js = (Path(seqlab.__file__).parent / "quiz.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "outerHTML" not in js
    assert "textContent" in js
