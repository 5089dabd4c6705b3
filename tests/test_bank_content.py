"""The built-in banks: size, curriculum coverage, both languages, type mix, feedback on wrong choices."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from renshu.grader.cli.bank import coverage
from renshu.grader.quiz.answer_check import check_numeric, instantiate_numeric
from renshu.grader.quiz.banks import load_catalogue, load_curriculum
from renshu.grader.quiz.model import MultiSelect, Numeric, Ordering, SingleChoice
from renshu.grader.text import Bilingual

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
CATALOGUE = load_catalogue()


def japanese_share(text: str) -> float:
    """Share of Japanese characters (an English text may quote a Japanese example)."""
    chars = [c for c in text if not c.isspace()]
    return len(JAPANESE.findall(text)) / max(len(chars), 1)


QUESTIONS = [q for q, _bank in CATALOGUE.questions.values()]


def test_builtin_banks_load_without_errors() -> None:
    assert CATALOGUE.errors == []
    assert {b.bank.topic for b in CATALOGUE.banks} == set(load_curriculum().topics) - {
        "frameworks"
    } | ({"frameworks"} if any(b.bank.topic == "frameworks" for b in CATALOGUE.banks) else set())


def test_at_least_250_questions() -> None:
    assert len(QUESTIONS) >= 250


def test_every_curriculum_concept_has_at_least_two_questions() -> None:
    thin = {concept: n for concept, n in coverage(CATALOGUE).items() if n < 2}
    assert thin == {}


def test_at_least_five_types_used_ten_times_and_all_eight_used() -> None:
    counts = Counter(q.type for q in QUESTIONS)
    assert sum(1 for n in counts.values() if n >= 10) >= 5, counts
    assert len(counts) == 8, counts


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.id for q in QUESTIONS])
def test_question_is_bilingual_with_an_explanation(question) -> None:
    for name in ("prompt", "explanation"):
        text = getattr(question, name)
        assert isinstance(text, Bilingual), f"{name} must give ja and en"
        assert JAPANESE.search(text.ja), f"{name}.ja is not Japanese"
        assert japanese_share(text.en) < 0.25, f"{name}.en is mostly Japanese"
        assert text.ja.strip()
        assert text.en.strip()
    for hint in question.hints:
        assert isinstance(hint, Bilingual)
    for name in ("why", "back", "unit"):
        value = getattr(question, name, None)
        assert value is None or isinstance(value, Bilingual), name


@pytest.mark.parametrize(
    "question",
    [q for q in QUESTIONS if isinstance(q, SingleChoice | MultiSelect)],
    ids=lambda q: q.id,
)
def test_every_wrong_choice_says_why(question) -> None:
    for choice in question.choices:
        if isinstance(choice.text, str):
            assert not JAPANESE.search(choice.text), (
                "a one-language choice must be language-neutral"
            )
        if not choice.correct:
            assert isinstance(choice.why, Bilingual), (
                f"wrong choice {choice.text!r} has no bilingual why"
            )


def test_ordering_items_are_language_neutral_or_bilingual() -> None:
    for q in QUESTIONS:
        if isinstance(q, Ordering):
            for item in q.items:
                assert isinstance(item, Bilingual) or not JAPANESE.search(item), q.id


@pytest.mark.parametrize(
    "question", [q for q in QUESTIONS if isinstance(q, Numeric)], ids=lambda q: q.id
)
def test_numeric_questions_accept_their_own_answer_and_reject_a_wrong_one(question) -> None:
    for seed in range(3):
        inst = instantiate_numeric(question, "en", random.Random(seed))
        assert check_numeric(question, repr(inst.answer), "en", inst).correct
        off = inst.answer + max(1.0, abs(inst.answer)) * 0.5 + 10 * (question.abs_tol + 1)
        assert not check_numeric(question, repr(off), "en", inst).correct


def test_every_builtin_question_has_a_hint() -> None:
    assert [q.id for q in QUESTIONS if not q.hints] == []


@pytest.mark.parametrize("loaded", CATALOGUE.banks, ids=lambda b: b.path.name)
def test_no_builtin_bank_can_be_gamed(loaded) -> None:
    """Picking the longest option does not pass; multi-select counts vary; all hinted."""
    from renshu.grader.quiz.bank_lint import lint_questions

    assert [f.detail for f in lint_questions(loaded.bank.questions)] == []


def test_picking_the_longest_or_the_shortest_option_scores_no_better_than_chance() -> None:
    from renshu.grader.quiz.model import SingleChoice, text_in

    single = [q for q in QUESTIONS if isinstance(q, SingleChoice)]
    chance = sum(1 / len(q.choices) for q in single)
    for lang in ("ja", "en"):
        for pick in (max, min):
            wins = 0
            for q in single:
                lengths = [len(text_in(c.text, lang)) for c in q.choices]
                answer = next(i for i, c in enumerate(q.choices) if c.correct)
                wins += lengths[answer] == pick(lengths) and lengths.count(pick(lengths)) == 1
            assert wins <= chance, (lang, pick.__name__, wins, chance)


def test_multi_select_questions_do_not_all_have_the_same_number_of_correct_options() -> None:
    from collections import Counter

    from renshu.grader.quiz.model import MultiSelect

    counts = Counter(
        sum(c.correct for c in q.choices) for q in QUESTIONS if isinstance(q, MultiSelect)
    )
    assert max(counts.values()) <= 0.5 * sum(counts.values()), counts


def test_every_question_and_exercise_serves_a_syllabus_area() -> None:
    from renshu.grader.exercises.catalogue import builtin_catalog
    from renshu.grader.syllabus import AREAS

    curriculum = load_curriculum()
    for q, loaded in CATALOGUE.questions.values():
        assert curriculum.area_of(loaded.bank.topic, q.syllabus) in AREAS, q.id
    for exercise in builtin_catalog().values():
        assert exercise.spec.topic in curriculum.topics, exercise.id
        assert curriculum.area_of(exercise.spec.topic, exercise.spec.syllabus) in AREAS
    background = {t for t, topic in curriculum.topics.items() if topic.background}
    assert {"esn", "bleu", "frameworks"} <= background  # not in the 2024 outline
