"""Answer checkers, one per question type, including Japanese and full-width input."""

from __future__ import annotations

import random

import pytest

from renshu.grader.quiz.answer_check import (
    AnswerFormatError,
    check_answer,
    check_cloze,
    check_flashcard,
    check_multi_select,
    check_numeric,
    check_ordering,
    check_short_answer,
    check_single_choice,
    check_true_false,
    instantiate_numeric,
    normalize_text,
    parse_number,
    shuffled_order,
)
from renshu.grader.quiz.model import (
    Cloze,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

BASE = {"concepts": ["lstm.forget_gate"], "explanation": {"ja": "解説", "en": "Because."}}


def q(model, **fields):
    return model.model_validate(
        {"id": "lstm.q", "prompt": {"ja": "問", "en": "Q"}, **BASE, **fields}
    )


SINGLE = q(
    SingleChoice,
    type="single_choice",
    choices=[
        {"text": {"ja": "忘却ゲート", "en": "forget gate"}, "correct": True},
        {
            "text": {"ja": "softmax", "en": "softmax"},
            "why": {"ja": "softmax は関係ない", "en": "softmax is unrelated"},
        },
        {"text": "tanh"},
    ],
)


def test_single_choice_right_and_wrong_with_why() -> None:
    assert check_single_choice(SINGLE, 0, "ja").correct
    wrong = check_single_choice(SINGLE, 1, "en")
    assert not wrong.correct
    assert wrong.feedback == ["softmax is unrelated"]
    assert wrong.expected == "forget gate"
    assert wrong.explanation == "Because."
    assert check_single_choice(SINGLE, 2, "ja").feedback == []  # no why given: nothing invented
    with pytest.raises(AnswerFormatError):
        check_single_choice(SINGLE, 3, "en")


def test_multi_select_is_all_or_nothing_with_per_choice_feedback() -> None:
    multi = q(
        MultiSelect,
        type="multi_select",
        choices=[
            {"text": "i", "correct": True},
            {"text": "f", "correct": True},
            {"text": "softmax", "why": {"ja": "ゲートではない", "en": "not a gate"}},
        ],
    )
    assert check_multi_select(multi, [1, 0], "en").correct
    partial = check_multi_select(multi, [0], "en")
    assert not partial.correct
    assert partial.feedback == ["○ missed: f"]
    extra = check_multi_select(multi, [0, 1, 2], "ja")
    assert not extra.correct
    assert extra.feedback == ["✗ 誤り: softmax — ゲートではない"]


def test_true_false() -> None:
    tf = q(
        TrueFalse, type="true_false", answer=False, why={"ja": "逆です", "en": "It is the reverse."}
    )
    assert check_true_false(tf, False, "en").correct
    wrong = check_true_false(tf, True, "ja")
    assert not wrong.correct
    assert wrong.feedback == ["逆です"]


def test_numeric_tolerance_and_japanese_number_input() -> None:
    num = q(Numeric, type="numeric", answer=0.25, abs_tol=0.001, unit={"ja": "倍", "en": "x"})
    assert check_numeric(num, "0.25", "en").correct
    assert check_numeric(num, "１／４", "ja").correct  # full-width fraction
    assert check_numeric(num, " 0.2505 ", "en").correct
    assert not check_numeric(num, "0.26", "en").correct
    assert check_numeric(num, "0.26", "en").expected == "0.25 x (within ±0.001)"
    assert check_numeric(num, "0.26", "ja").expected == "0.25 倍(±0.001 以内なら正解)"
    exact = q(Numeric, type="numeric", answer=3)
    assert check_numeric(exact, "4", "en").expected == "3"  # exact: no tolerance to state
    with pytest.raises(AnswerFormatError):
        check_numeric(num, "four", "en")
    assert parse_number("３０，２００") == 30200


def test_parameterised_numeric_computes_its_answer_from_the_reference() -> None:
    num = q(
        Numeric,
        type="numeric",
        prompt={
            "ja": "入力 {I}、隠れ {H} の LSTM のパラメータ数は?",
            "en": "Parameters of an LSTM with I={I}, H={H}?",
        },
        params={"I": [2, 9], "H": [2, 9]},
        answer_from={
            "function": "counts.lstm_parameter_count",
            "args": {"input_size": "I", "hidden_size": "H"},
        },
    )
    inst = instantiate_numeric(num, "en", random.Random(3))
    i, h = inst.values["I"], inst.values["H"]
    assert inst.prompt == f"Parameters of an LSTM with I={i}, H={h}?"
    assert inst.answer == 4 * (h * (h + i) + h)
    assert check_numeric(num, str(int(inst.answer)), "en", inst).correct
    assert not check_numeric(num, str(int(inst.answer) + 1), "en", inst).correct


@pytest.mark.parametrize("given", ["ＬＳＴＭ", "lstm", "  LsTm ", "Long  Short-Term memory"])
def test_short_answer_folds_width_case_and_space(given: str) -> None:
    sa = q(ShortAnswer, type="short_answer", accepted=["LSTM", "long short-term memory"])
    assert check_short_answer(sa, given, "en").correct


def test_short_answer_japanese() -> None:
    sa = q(ShortAnswer, type="short_answer", accepted=["忘却ゲート", "forget gate"])
    assert check_short_answer(sa, "　忘却ゲート ", "ja").correct  # ideographic space folded
    assert check_short_answer(sa, "ﾎﾞｳｷｬｸ", "ja").correct is False
    assert check_short_answer(sa, "入力ゲート", "ja").expected == "忘却ゲート"
    assert normalize_text("ｹﾞｰﾄ") == "ゲート"  # half-width katakana folded by NFKC


def test_ordering_and_its_shuffle() -> None:
    order = q(Ordering, type="ordering", items=["embed", "encode", "decode", "detokenise"])
    assert check_ordering(order, [0, 1, 2, 3], "en").correct
    wrong = check_ordering(order, [1, 0, 2, 3], "en")
    assert not wrong.correct
    assert wrong.feedback == ["2 item(s) out of place"]
    with pytest.raises(AnswerFormatError):
        check_ordering(order, [0, 0, 1, 2], "en")
    for seed in range(20):
        shown = shuffled_order(order, random.Random(seed))
        assert sorted(shown) == [0, 1, 2, 3]
        assert shown != [0, 1, 2, 3]


def test_cloze_per_blank_feedback_and_japanese() -> None:
    cloze = q(
        Cloze,
        type="cloze",
        prompt={"ja": "c = {{1}} * c_prev + {{2}} * g", "en": "c = {{1}} * c_prev + {{2}} * g"},
        blanks=[["f", "忘却ゲート"], ["i", "入力ゲート"]],
    )
    assert check_cloze(cloze, ["F", "ｉ"], "en").correct
    assert check_cloze(cloze, ["忘却ゲート", "入力ゲート"], "ja").correct
    wrong = check_cloze(cloze, ["f", "o"], "en")
    assert not wrong.correct
    assert wrong.feedback == ["{{2}}: 'o' → i"]
    with pytest.raises(AnswerFormatError):
        check_cloze(cloze, ["f"], "en")


def test_flashcard_self_rating() -> None:
    card = q(
        Flashcard,
        type="flashcard",
        back={"ja": "定誤差カルーセル", "en": "constant error carousel"},
    )
    assert check_flashcard(card, 3, "ja").correct
    again = check_flashcard(card, 1, "en")
    assert not again.correct
    assert again.rating == 1
    assert again.expected == "constant error carousel"
    with pytest.raises(AnswerFormatError):
        check_flashcard(card, 5, "en")


def test_dispatch_by_type() -> None:
    assert check_answer(SINGLE, 0, "en").correct


def test_a_cloze_shows_its_answer_in_the_readers_language() -> None:
    cloze = q(
        Cloze,
        type="cloze",
        prompt={
            "ja": "LSTM の {{1}} は前のセルに掛かります。",
            "en": "The LSTM's {{1}} scales the old cell.",
        },
        blanks=[["忘却ゲート", "forget gate", "f"]],
    )
    wrong = check_cloze(cloze, ["入力ゲート"], "en")
    assert wrong.expected == "forget gate"
    assert "forget gate" in wrong.feedback[0]
    assert wrong.in_language("ja").expected == "忘却ゲート"
    only = q(Cloze, type="cloze", prompt="σ is the {{1}}.", blanks=[["sigmoid"]])
    assert check_cloze(only, ["x"], "ja").expected == "sigmoid"
