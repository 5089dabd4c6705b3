"""The study facade: choices shown shuffled, prompts in either language with the same values."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from renshu.grader.progress.study import StudyService
from renshu.grader.quiz.model import Numeric, SingleChoice

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def test_choices_are_shown_shuffled_so_the_first_is_not_always_right(tmp_path: Path) -> None:
    service = StudyService(tmp_path, now=NOW, seed=0)
    singles = [q for q, _b in service.catalogue.questions.values() if isinstance(q, SingleChoice)]
    first_is_right = 0
    for question in singles:
        item = service.present(question)
        assert sorted(item.choice_order) == list(range(len(question.choices)))
        first_is_right += question.choices[item.choice_order[0]].correct
    # by chance about 1 in 4; never all of them, as in the banks' own order
    assert first_is_right < len(singles) / 2
    service.close()


def test_parameterised_prompt_has_the_same_values_in_both_languages(tmp_path: Path) -> None:
    service = StudyService(tmp_path, now=NOW, seed=3)
    question = next(
        q for q, _b in service.catalogue.questions.values() if isinstance(q, Numeric) and q.params
    )
    item = service.present(question)
    for value in item.numeric.values.values():
        assert str(value) in item.prompt("ja")
        assert str(value) in item.prompt("en")
    assert item.prompt("ja") != item.prompt("en")
    assert "{" not in item.prompt("ja")
    service.close()


def test_check_records_nothing_and_answer_records_once(tmp_path: Path) -> None:
    service = StudyService(tmp_path, now=NOW, seed=0)
    question = next(
        q for q, _b in service.catalogue.questions.values() if isinstance(q, SingleChoice)
    )
    item = service.present(question)
    right = next(i for i, c in enumerate(question.choices) if c.correct)
    assert service.check(item, right, "en").correct
    assert service.store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    assert service.answer(item, right, "ja", 2.0).correct
    assert service.store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 1
    service.close()
