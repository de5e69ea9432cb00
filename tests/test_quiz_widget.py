"""The quiz widget's Python side: construction per language, answers → score, escaping."""
from pathlib import Path

import pytest
import yaml

import seqlab
from seqlab import quizbank
from seqlab.i18n import t
from seqlab.mathtext import segments
from seqlab.quiz import Quiz, grade, parse_number

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
    assert quiz.questions[0]["question"] == [GOOD["questions"][0]["text"][lang]["question"]]
    assert quiz.questions[0]["options"][1]["why"] == [GOOD["questions"][0]["text"][lang]["options"]["b"]["why"]]
    assert quiz.ui["check"] == t("check", lang)
    assert "notice" not in quiz.ui
    assert quiz.score == 0 and quiz.answers == {}


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_untranslated_quiz_falls_back_to_english_with_a_notice(bank_dir, lang):
    quiz = Quiz("99-test", lang=lang, bank_dir=bank_dir)
    assert quiz.lang == "en"
    assert quiz.questions[0]["question"] == ["Shape?"]
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
    thousands = {"type": "numeric", "answer": {"value": 6208, "tolerance": 0}}
    assert grade(thousands, "6,208", "en") and grade(thousands, "6.208", "de") and grade(thousands, "6208", "ja")
    assert not grade(thousands, "6,208", "de") and not grade(thousands, "6.208", "en")
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


# Numbers as readers write them; tests/test_browser.py runs the same table through quiz.js.
NUMBER_CASES = [
    ("6,208", "en", 6208), ("6.208", "en", 6.208), ("6.208", "de", 6208), ("6,208", "de", 6.208),
    ("1,500.25", "en", 1500.25), ("1.500,25", "de", 1500.25), ("0,5", "en", 0.5), ("0.5", "de", 0.5),
    ("12,3456", "en", 12.3456), ("6 208", "en", 6208), ("\u2212 3", "en", -3), ("+2", "de", 2),
    ("\uff16\uff12\uff10\uff18", "ja", 6208), ("\uff10\uff0e\uff12\uff15", "zh", 0.25),
    ("9.54e-7", "en", 9.54e-7), ("9,54e-7", "de", 9.54e-7), (".5", "en", 0.5), ("5.", "en", 5),
    ("", "en", None), (".", "en", None), ("1,2,3", "en", None), ("abc", "de", None), ("6,20,8", "en", None),
]


@pytest.mark.parametrize("text, lang, value", NUMBER_CASES)
def test_numbers_are_read_as_the_quiz_language_writes_them(text, lang, value):
    got = parse_number(text, lang)
    assert got == (None if value is None else pytest.approx(value, rel=1e-12)), (text, lang, got)


def test_german_quiz_reads_german_numbers_also_in_an_english_fallback(bank_dir):
    quiz = Quiz("99-test", lang="ja", bank_dir=bank_dir)  # English text, Japanese reader
    assert quiz.ui["number_lang"] == "ja" and quiz.answer("params", "6,208")
    quiz = Quiz("99-test", lang="de", bank_dir=bank_dir)
    assert quiz.answer("params", "6.208") and not quiz.answer("params", "6,208")


def test_math_reaches_the_widget_as_mathml_trees():
    parts = segments("the state $h_t$ of $W_{hh}$")
    assert parts[0] == "the state " and parts[2] == " of "
    assert parts[1]["tex"] == "h_t" and parts[1]["math"][0] == "math"
    flat = str(parts[1]["math"])
    assert "'msub'" in flat and "'h'" in flat and "'t'" in flat
    assert segments("no math here") == ["no math here"]


def test_every_formula_of_every_bank_converts():
    for path in sorted(quizbank.QUIZ_DIR.glob("*.yml")):
        bank = quizbank.load(path)  # load() validates every formula, naming file and question
        assert bank["questions"]


@pytest.mark.parametrize("lang", seqlab.LANGS)
def test_notebook_text_fallback_says_what_the_widget_is(bank_dir, lang):
    quiz = Quiz("99-test", lang=lang, bank_dir=bank_dir)
    bundle = quiz._repr_mimebundle_()
    assert bundle["text/plain"] == t("quiz_plain", lang).format(n=4)
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "object at 0x" not in repr(quiz)


def test_reset_from_python_tells_the_browser(bank_dir):
    quiz = Quiz("99-test", bank_dir=bank_dir)
    quiz.answer("shape", "b")
    assert quiz.reset_token == ""
    quiz.reset()
    first = quiz.reset_token
    assert first and quiz.answers == {} and quiz.score == 0
    quiz.reset()
    assert quiz.reset_token not in ("", first), "every reset is new to the browser"
