"""The question-bank format (``quizzes/*.yaml``): one pydantic model per question type.

Text is a ``{ja, en}`` mapping or a plain string (one language, or a
language-neutral formula). The model checks what a single file can know; the
catalogue (``banks.py``) checks ids across files and concepts against the
curriculum.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from renshu.grader.syllabus import SyllabusArea
from renshu.grader.text import Bilingual, Lang

Text = Bilingual | str
QUESTION_ID = r"^[a-z0-9_]+\.[a-z0-9_][a-z0-9_.-]*$"
CONCEPT_ID = r"^[a-z0-9_]+\.[a-z0-9_]+$"
_BLANK = re.compile(r"\{\{(\d+)\}\}")
_PARAM = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def text_in(text: Text, lang: Lang) -> str:
    """The text in ``lang``; a plain string is the same in every language."""
    return text if isinstance(text, str) else text.get(lang)


def text_languages(text: Text) -> set[str]:
    return {"any"} if isinstance(text, str) else {"ja", "en"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """An option; ``why`` says why a wrong one is wrong (shown when it is chosen)."""

    text: Text
    correct: bool = False
    why: Text | None = None


class _Question(_Strict):
    id: str = Field(pattern=QUESTION_ID)
    concepts: list[Annotated[str, Field(pattern=CONCEPT_ID)]] = Field(min_length=1)
    prompt: Text
    explanation: Text
    hints: list[Text] = Field(default_factory=list)
    syllabus: SyllabusArea | None = None  # None: the topic's area (curriculum.yaml)


class SingleChoice(_Question):
    type: Literal["single_choice"]
    choices: list[Choice] = Field(min_length=2, max_length=9)

    @field_validator("choices")
    @classmethod
    def _exactly_one_correct(cls, choices: list[Choice]) -> list[Choice]:
        n = sum(c.correct for c in choices)
        if n != 1:
            raise ValueError(
                f"a single_choice question needs exactly one correct choice, found {n}"
            )
        return choices


class MultiSelect(_Question):
    type: Literal["multi_select"]
    choices: list[Choice] = Field(min_length=2, max_length=9)

    @field_validator("choices")
    @classmethod
    def _at_least_one_correct(cls, choices: list[Choice]) -> list[Choice]:
        if not any(c.correct for c in choices):
            raise ValueError("a multi_select question needs at least one correct choice")
        return choices


class TrueFalse(_Question):
    type: Literal["true_false"]
    answer: bool
    why: Text | None = None  # shown when the learner answers wrongly


class ComputedAnswer(_Strict):
    """A numeric answer computed by a function of ``renshu.reference`` from drawn params."""

    function: str = Field(pattern=r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")  # module.function
    args: dict[str, str]  # function argument -> param name


class Numeric(_Question):
    type: Literal["numeric"]
    answer: float | None = None
    answer_from: ComputedAnswer | None = None
    params: dict[str, tuple[int, int]] = Field(default_factory=dict)
    abs_tol: float = Field(default=0.0, ge=0)
    rel_tol: float = Field(default=0.0, ge=0)
    unit: Text | None = None

    @model_validator(mode="after")
    def _one_answer(self) -> Numeric:
        if (self.answer is None) == (self.answer_from is None):
            raise ValueError("give exactly one of `answer` and `answer_from`")
        if self.answer_from is not None:
            unknown = set(self.answer_from.args.values()) - self.params.keys()
            if unknown:
                raise ValueError(f"answer_from uses undeclared params {sorted(unknown)}")
        elif self.params:
            raise ValueError("`params` need an `answer_from` that computes the answer")
        for name, (low, high) in self.params.items():
            if low > high:
                raise ValueError(f"param {name}: low {low} > high {high}")
        return self


class ShortAnswer(_Question):
    type: Literal["short_answer"]
    accepted: list[str] = Field(min_length=1)


class Ordering(_Question):
    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2, max_length=9)  # in the right order; shown shuffled


class Cloze(_Question):
    """``prompt`` holds ``{{1}}``, ``{{2}}``… blanks; ``blanks[i]`` accepts answers for ``{{i+1}}``."""

    type: Literal["cloze"]
    blanks: list[list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _blanks_match(self) -> Cloze:
        want = {str(i + 1) for i in range(len(self.blanks))}
        texts = [self.prompt] if isinstance(self.prompt, str) else [self.prompt.ja, self.prompt.en]
        for text in texts:
            found = set(_BLANK.findall(text))
            if found != want:
                raise ValueError(
                    f"the prompt's blanks {sorted(found)} must be exactly {{{{1}}}}..{{{{{len(self.blanks)}}}}}"
                )
        if any(not answers for answers in self.blanks):
            raise ValueError("every blank needs at least one accepted answer")
        return self


class Flashcard(_Question):
    """``prompt`` is the front; the learner reveals ``back`` and rates themselves 1-4."""

    type: Literal["flashcard"]
    back: Text


# Any one question, as code holds it; ``Question`` is the same union as a bank reads it.
AnyQuestion = (
    SingleChoice | MultiSelect | TrueFalse | Numeric | ShortAnswer | Ordering | Cloze | Flashcard
)
Question = Annotated[AnyQuestion, Field(discriminator="type")]
# The ``type`` of each question class, in the order banks and reports list them (the
# union's order): adding a class to ``AnyQuestion`` adds its type here.
QuestionType = str
QUESTION_TYPES: tuple[QuestionType, ...] = tuple(
    get_args(cls.model_fields["type"].annotation)[0] for cls in get_args(AnyQuestion)
)


class Bank(_Strict):
    """One bank file: a topic's questions."""

    schema_version: Literal[1]
    topic: str = Field(pattern=r"^[a-z0-9_]+$")
    title: Text
    questions: list[Question] = Field(default_factory=list)


def param_names(text: str) -> set[str]:
    """Names written as ``{name}`` in a parameterised prompt."""
    return set(_PARAM.findall(text))


def fill_params(text: str, values: dict[str, int]) -> str:
    """Substitute drawn values for ``{name}``; other braces are left alone."""
    return _PARAM.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
