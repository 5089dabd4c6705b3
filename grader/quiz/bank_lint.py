"""Checks that a bank cannot be gamed: the longest choice is not the answer.

A learner who always picks the longest option should score no better than
chance. ``lint_bank`` flags a bank where more than ``LONGEST_LIMIT`` of the
single-choice answers are the uniquely longest option (in either language),
where multi-select answers always have the same number of correct options,
and questions without a hint. Built-in banks must pass (a test); for user
banks ``renshu bank validate`` prints the findings as warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from renshu.grader.quiz.model import AnyQuestion, Choice, MultiSelect, SingleChoice, text_in
from renshu.grader.text import Lang

LONGEST_LIMIT = 0.40  # share of single-choice answers that may be the longest option
SAME_COUNT_LIMIT = 0.60  # share of multi-select questions with the most common count
MIN_QUESTIONS = 5  # below this a share says nothing


@dataclass(frozen=True)
class LintFinding:
    code: str  # longest_choice | multi_select_count | multi_select_longer | no_hint
    detail: str
    question_ids: tuple[str, ...] = ()


def _uniquely_longest(choices: Sequence[Choice], lang: Lang) -> bool:
    lengths = [len(text_in(c.text, lang).strip()) for c in choices]
    best = max(lengths)
    answer = next(i for i, c in enumerate(choices) if c.correct)
    return lengths[answer] == best and lengths.count(best) == 1


def longest_is_answer(question: SingleChoice) -> bool:
    """True when the correct option is the uniquely longest in ja or in en."""
    return any(_uniquely_longest(question.choices, lang) for lang in ("ja", "en"))


def correct_all_longer(question: MultiSelect) -> bool:
    """True when every correct option is longer than every wrong one (ja or en)."""
    wrong = [c for c in question.choices if not c.correct]
    if not wrong:
        return False
    for lang in ("ja", "en"):
        short_right = min(len(text_in(c.text, lang)) for c in question.choices if c.correct)
        if short_right > max(len(text_in(c.text, lang)) for c in wrong):
            return True
    return False


def lint_questions(questions: Sequence[AnyQuestion]) -> list[LintFinding]:
    """The findings for one bank's (or a topic's) questions."""
    findings: list[LintFinding] = []
    single = [q for q in questions if isinstance(q, SingleChoice)]
    if len(single) >= MIN_QUESTIONS:
        longest = [q.id for q in single if longest_is_answer(q)]
        if len(longest) > LONGEST_LIMIT * len(single):
            findings.append(
                LintFinding(
                    "longest_choice",
                    f"{len(longest)} of {len(single)} single-choice answers are the longest "
                    f"option (limit {LONGEST_LIMIT:.0%}): picking the longest would pass",
                    tuple(longest),
                )
            )
    multi = [q for q in questions if isinstance(q, MultiSelect)]
    if len(multi) >= MIN_QUESTIONS:
        counts = Counter(sum(c.correct for c in q.choices) for q in multi)
        n, most = counts.most_common(1)[0][1], counts.most_common(1)[0][0]
        if n > SAME_COUNT_LIMIT * len(multi):
            findings.append(
                LintFinding(
                    "multi_select_count",
                    f"{n} of {len(multi)} multi-select questions have exactly {most} correct "
                    f"options (limit {SAME_COUNT_LIMIT:.0%}): vary the number",
                )
            )
        longer = [q.id for q in multi if correct_all_longer(q)]
        if len(longer) > LONGEST_LIMIT * len(multi):
            findings.append(
                LintFinding(
                    "multi_select_longer",
                    f"in {len(longer)} of {len(multi)} multi-select questions every correct "
                    "option is longer than every wrong one",
                    tuple(longer),
                )
            )
    unhinted = tuple(q.id for q in questions if not q.hints)
    if unhinted:
        findings.append(LintFinding("no_hint", f"{len(unhinted)} questions have no hint", unhinted))
    return findings
