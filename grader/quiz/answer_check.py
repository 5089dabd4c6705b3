"""Check a learner's answer to a concept question: one function per question type.

Each takes the question and the raw answer as the UI collects it and returns
an ``AnswerResult``: correct or not, the feedback to show (the ``why`` of a
chosen wrong option, the accepted answer) and the explanation. The result holds
phrases (bilingual content and message codes), not sentences: ``in_language``
re-words it without checking the answer again.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from renshu.grader.quiz.model import (
    AnyQuestion,
    Cloze,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    Text,
    TrueFalse,
    fill_params,
    text_in,
)
from renshu.grader.text import Bilingual, Lang
from renshu.grader.wording import MessageCode as C
from renshu.grader.wording import Phrase, msg, phrase_text


@dataclass(frozen=True)
class AnswerResult:
    """The verdict on one answer and everything to show the learner, worded in ``lang``."""

    correct: bool
    feedback_phrases: tuple[Phrase, ...] = ()
    expected_phrase: Phrase = ""
    explanation_phrase: Phrase = ""
    rating: int | None = None  # flashcards: the learner's own 1-4 rating
    lang: Lang = "en"

    @property
    def feedback(self) -> list[str]:
        return [phrase_text(p, self.lang) for p in self.feedback_phrases]

    @property
    def expected(self) -> str:
        return phrase_text(self.expected_phrase, self.lang)

    @property
    def explanation(self) -> str:
        return phrase_text(self.explanation_phrase, self.lang)

    def in_language(self, lang: Lang) -> AnswerResult:
        """The same verdict worded in ``lang`` (nothing is checked again)."""
        return replace(self, lang=lang)


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
    feedback = (pick.why,) if not pick.correct and pick.why is not None else ()
    return AnswerResult(
        pick.correct, feedback, q.choices[correct_index].text, q.explanation, lang=lang
    )


def check_multi_select(q: MultiSelect, chosen: Sequence[int], lang: Lang) -> AnswerResult:
    """All-or-nothing; feedback names each wrongly picked and each missed choice."""
    picked = set(chosen)
    for i in picked:
        _check_index(i, len(q.choices))
    feedback: list[Phrase] = []
    for i, c in enumerate(q.choices):
        if i in picked and not c.correct:
            feedback.append(
                msg(C.CHOICE_WRONG, choice=c.text)
                if c.why is None
                else msg(C.CHOICE_WRONG_WHY, choice=c.text, why=c.why)
            )
        elif i not in picked and c.correct:
            feedback.append(msg(C.CHOICE_MISSED, choice=c.text))
    right = {i for i, c in enumerate(q.choices) if c.correct}
    expected = _joined([q.choices[i].text for i in sorted(right)], " / ")
    return AnswerResult(picked == right, tuple(feedback), expected, q.explanation, lang=lang)


def check_true_false(q: TrueFalse, answer: bool, lang: Lang) -> AnswerResult:
    correct = answer is q.answer
    feedback = (q.why,) if not correct and q.why is not None else ()
    word = msg(C.TRUE if q.answer else C.FALSE)
    return AnswerResult(correct, feedback, word, q.explanation, lang=lang)


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
    number = f"{instance.answer:g}"
    expected: Phrase = number if q.unit is None else _joined([number, q.unit], " ")
    if tol > 0:  # say how close counts, so a near miss is understood
        expected = msg(C.NUMERIC_EXPECTED, value=expected, tol=f"{tol:.3g}")
    return AnswerResult(correct, (), expected, q.explanation, lang=lang)


def check_short_answer(q: ShortAnswer, raw: str, lang: Lang) -> AnswerResult:
    given = normalize_text(raw)
    correct = any(given == normalize_text(a) for a in q.accepted)
    return AnswerResult(correct, (), q.accepted[0], q.explanation, lang=lang)


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
    wrong = sum(1 for pos, i in enumerate(order) if pos != i)
    feedback = () if correct else (msg(C.OUT_OF_PLACE, count=wrong),)
    expected = _joined(list(q.items), " → ")
    return AnswerResult(correct, feedback, expected, q.explanation, lang=lang)


def check_cloze(q: Cloze, answers: Sequence[str], lang: Lang) -> AnswerResult:
    """One answer per blank, matched like short answers; feedback per wrong blank. The
    answer shown is one in the reader's language when the blank accepts one."""
    if len(answers) != len(q.blanks):
        raise AnswerFormatError(f"expected {len(q.blanks)} answers, got {len(answers)}")
    feedback = tuple(
        msg(C.BLANK_WRONG, n=i, given=given, answer=_shown_answer(accepted))
        for i, (given, accepted) in enumerate(zip(answers, q.blanks, strict=True), start=1)
        if not any(normalize_text(given) == normalize_text(a) for a in accepted)
    )
    shown = [_shown_answer(accepted) for accepted in q.blanks]
    expected = Bilingual(ja=", ".join(b.ja for b in shown), en=", ".join(b.en for b in shown))
    return AnswerResult(not feedback, feedback, expected, q.explanation, lang=lang)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _shown_answer(accepted: Sequence[str]) -> Bilingual:
    """The first accepted answer written in Japanese for ja, the first without Japanese for
    en (the first answer where a blank accepts only one kind)."""
    ja = next((a for a in accepted if _JAPANESE.search(a)), accepted[0])
    en = next((a for a in accepted if not _JAPANESE.search(a)), accepted[0])
    return Bilingual(ja=ja, en=en)


def check_flashcard(q: Flashcard, rating: int, lang: Lang) -> AnswerResult:
    """Self-rated 1 (again) to 4 (easy); a rating of 1 counts as not remembered."""
    if rating not in (1, 2, 3, 4):
        raise AnswerFormatError("a flashcard rating is 1, 2, 3 or 4")
    return AnswerResult(rating > 1, (), q.back, q.explanation, rating, lang=lang)


def _joined(texts: Sequence[Text], sep: str) -> Phrase:
    """Content texts joined, in both languages when any of them is bilingual."""
    if all(isinstance(t, str) for t in texts):
        return sep.join(text_in(t, "en") for t in texts)
    return Bilingual(
        ja=sep.join(text_in(t, "ja") for t in texts), en=sep.join(text_in(t, "en") for t in texts)
    )


def _check_index(i: int, n: int) -> None:
    if not isinstance(i, int) or not 0 <= i < n:
        raise AnswerFormatError(f"choice {i!r} is not between 0 and {n - 1}")


def check_answer(question: AnyQuestion, raw: object, lang: Lang) -> AnswerResult:
    """Dispatch on the question type (``registry``); ``raw`` is read as its checker reads it."""
    from renshu.grader.quiz.registry import kind_of

    return kind_of(question).check(question, raw, lang)
