"""Check a learner's answer to a concept question: one function per question type.

Each takes the question and the raw answer as the UI collects it and returns
an ``AnswerResult``: correct or not, the feedback to show (the ``why`` of a
chosen wrong option, the accepted answer) and the explanation.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from renshu.grader.quiz.model import (
    AnyQuestion,
    Cloze,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    fill_params,
    text_in,
)
from renshu.grader.text import Lang


@dataclass(frozen=True)
class AnswerResult:
    """The verdict on one answer and everything to show the learner."""

    correct: bool
    feedback: list[str] = field(default_factory=list)
    expected: str = ""
    explanation: str = ""
    rating: int | None = None  # flashcards: the learner's own 1-4 rating


@dataclass(frozen=True)
class NumericInstance:
    """A numeric question with its params drawn: the prompt to show and the answer."""

    prompt: str
    answer: float
    values: dict[str, int]


class AnswerFormatError(ValueError):
    """A raw answer the checker cannot read (e.g. 'abc' for a number); not a wrong answer."""


def normalize_text(text: str) -> str:
    """Fold Unicode width (NFKC), case and surrounding/inner runs of space.

    ``ＬＳＴＭ`` → ``lstm``, ``　忘却ゲート `` → ``忘却ゲート``.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", folded).strip()


def check_single_choice(q: SingleChoice, chosen: int, lang: Lang) -> AnswerResult:
    """``chosen`` is the index of the picked choice in ``q.choices``."""
    _check_index(chosen, len(q.choices))
    correct_index = next(i for i, c in enumerate(q.choices) if c.correct)
    pick = q.choices[chosen]
    feedback = []
    if not pick.correct and pick.why is not None:
        feedback.append(text_in(pick.why, lang))
    return AnswerResult(
        correct=pick.correct,
        feedback=feedback,
        expected=text_in(q.choices[correct_index].text, lang),
        explanation=text_in(q.explanation, lang),
    )


def check_multi_select(q: MultiSelect, chosen: Sequence[int], lang: Lang) -> AnswerResult:
    """All-or-nothing; feedback names each wrongly picked and each missed choice."""
    picked = set(chosen)
    for i in picked:
        _check_index(i, len(q.choices))
    feedback = []
    for i, c in enumerate(q.choices):
        label = text_in(c.text, lang)
        if i in picked and not c.correct:
            why = f" — {text_in(c.why, lang)}" if c.why is not None else ""
            feedback.append(("✗ 誤り: " if lang == "ja" else "✗ wrong: ") + label + why)
        elif i not in picked and c.correct:
            feedback.append(("○ 見落とし: " if lang == "ja" else "○ missed: ") + label)
    right = {i for i, c in enumerate(q.choices) if c.correct}
    return AnswerResult(
        correct=picked == right,
        feedback=feedback,
        expected=" / ".join(text_in(q.choices[i].text, lang) for i in sorted(right)),
        explanation=text_in(q.explanation, lang),
    )


def check_true_false(q: TrueFalse, answer: bool, lang: Lang) -> AnswerResult:
    correct = answer is q.answer
    feedback = [text_in(q.why, lang)] if not correct and q.why is not None else []
    words = {True: "正しい" if lang == "ja" else "true", False: "誤り" if lang == "ja" else "false"}
    return AnswerResult(correct, feedback, words[q.answer], text_in(q.explanation, lang))


def instantiate_numeric(
    q: Numeric, lang: Lang, rng: random.Random | None = None
) -> NumericInstance:
    """Draw the params (if any), fill them into the prompt, compute the answer."""
    from renshu.grader.quiz.banks import resolve_answer_function

    prompt = text_in(q.prompt, lang)
    if q.answer_from is None:
        assert q.answer is not None
        return NumericInstance(prompt, q.answer, {})
    rng = rng or random.Random()
    values = {name: rng.randint(low, high) for name, (low, high) in q.params.items()}
    function = resolve_answer_function(q.answer_from.function)
    answer = float(function(**{arg: values[p] for arg, p in q.answer_from.args.items()}))
    return NumericInstance(fill_params(prompt, values), answer, values)


def parse_number(raw: str) -> float:
    """Read a number typed by a learner: full-width digits, ``1,234``, ``1e-3`` and ``1/4``."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "").replace("_", "")
    try:
        if re.fullmatch(r"[+-]?\d+\s*/\s*\d+", text):
            num, den = (float(x) for x in text.split("/"))
            return num / den
        value = float(text)
    except (ValueError, ZeroDivisionError) as e:
        raise AnswerFormatError(f"not a number: {raw!r}") from e
    if not math.isfinite(value):
        raise AnswerFormatError(f"not a finite number: {raw!r}")
    return value


def check_numeric(
    q: Numeric, raw: str, lang: Lang, instance: NumericInstance | None = None
) -> AnswerResult:
    """Compare with ``abs_tol``/``rel_tol`` (exact when both are 0)."""
    instance = instance or instantiate_numeric(q, lang)
    value = parse_number(raw)
    tol = max(q.abs_tol, q.rel_tol * abs(instance.answer))
    correct = abs(value - instance.answer) <= tol
    unit = f" {text_in(q.unit, lang)}" if q.unit is not None else ""
    expected = f"{instance.answer:g}{unit}"
    return AnswerResult(correct, [], expected, text_in(q.explanation, lang))


def check_short_answer(q: ShortAnswer, raw: str, lang: Lang) -> AnswerResult:
    given = normalize_text(raw)
    correct = any(given == normalize_text(a) for a in q.accepted)
    return AnswerResult(correct, [], q.accepted[0], text_in(q.explanation, lang))


def shuffled_order(q: Ordering, rng: random.Random | None = None) -> list[int]:
    """A presentation order of item indices that is never already correct (n >= 2)."""
    rng = rng or random.Random()
    order = list(range(len(q.items)))
    while order == sorted(order):
        rng.shuffle(order)
    return order


def check_ordering(q: Ordering, order: Sequence[int], lang: Lang) -> AnswerResult:
    """``order`` lists item indices (into ``q.items``) as the learner arranged them."""
    if sorted(order) != list(range(len(q.items))):
        raise AnswerFormatError("the order must use every item exactly once")
    correct = list(order) == list(range(len(q.items)))
    feedback = []
    if not correct:
        wrong = sum(1 for pos, i in enumerate(order) if pos != i)
        feedback.append(
            f"{wrong} 個の位置が違います" if lang == "ja" else f"{wrong} item(s) out of place"
        )
    expected = " → ".join(text_in(item, lang) for item in q.items)
    return AnswerResult(correct, feedback, expected, text_in(q.explanation, lang))


def check_cloze(q: Cloze, answers: Sequence[str], lang: Lang) -> AnswerResult:
    """One answer per blank, matched like short answers; feedback per wrong blank."""
    if len(answers) != len(q.blanks):
        raise AnswerFormatError(f"expected {len(q.blanks)} answers, got {len(answers)}")
    feedback = []
    for i, (given, accepted) in enumerate(zip(answers, q.blanks, strict=True), start=1):
        if not any(normalize_text(given) == normalize_text(a) for a in accepted):
            feedback.append(
                f"{{{{{i}}}}}: 「{given}」→ {accepted[0]}"
                if lang == "ja"
                else f"{{{{{i}}}}}: {given!r} → {accepted[0]}"
            )
    expected = ", ".join(accepted[0] for accepted in q.blanks)
    return AnswerResult(not feedback, feedback, expected, text_in(q.explanation, lang))


def check_flashcard(q: Flashcard, rating: int, lang: Lang) -> AnswerResult:
    """Self-rated 1 (again) to 4 (easy); a rating of 1 counts as not remembered."""
    if rating not in (1, 2, 3, 4):
        raise AnswerFormatError("a flashcard rating is 1, 2, 3 or 4")
    return AnswerResult(rating > 1, [], text_in(q.back, lang), text_in(q.explanation, lang), rating)


def check_answer(question: AnyQuestion, raw: object, lang: Lang) -> AnswerResult:
    """Dispatch on the question type; ``raw`` is read as that type's checker reads it."""
    checker = _CHECKERS[type(question)]
    return checker(question, raw, lang)


def _check_index(i: int, n: int) -> None:
    if not isinstance(i, int) or not 0 <= i < n:
        raise AnswerFormatError(f"choice {i!r} is not between 0 and {n - 1}")


# Each checker takes its own question type and answer shape: the table pairs them.
_Checker = Callable[[Any, Any, Lang], AnswerResult]
_CHECKERS: dict[type[AnyQuestion], _Checker] = {
    SingleChoice: check_single_choice,
    MultiSelect: check_multi_select,
    TrueFalse: check_true_false,
    Numeric: check_numeric,
    ShortAnswer: check_short_answer,
    Ordering: check_ordering,
    Cloze: check_cloze,
    Flashcard: check_flashcard,
}
