"""Every question type has its row everywhere it needs one: model, checker, name, widget."""

from __future__ import annotations

from typing import get_args

import pytest

from renshu.grader.quiz.model import QUESTION_TYPES, AnyQuestion
from renshu.grader.quiz.registry import QUESTION_KINDS
from renshu.grader.wording import CATALOGUE


def test_the_types_are_the_model_union_in_order() -> None:
    types = [cls.model_fields["type"].annotation for cls in get_args(AnyQuestion)]
    assert QUESTION_TYPES == tuple(get_args(t)[0] for t in types)
    assert len(set(QUESTION_TYPES)) == len(QUESTION_TYPES) == 8


@pytest.mark.parametrize("question_type", QUESTION_TYPES)
def test_each_type_has_a_registry_row_a_name_and_a_widget(question_type: str) -> None:
    from renshu.tui.widgets.question_factory import WIDGETS

    row = QUESTION_KINDS[question_type]
    assert get_args(row.model.model_fields["type"].annotation) == (question_type,)
    assert row.check.__name__ == f"check_{question_type}"
    ja, en = CATALOGUE[row.name_key]
    assert ja
    assert en
    assert question_type in WIDGETS


def test_no_widget_or_row_for_a_type_that_does_not_exist() -> None:
    from renshu.tui.widgets.question_factory import WIDGETS

    assert set(WIDGETS) == set(QUESTION_TYPES)
    assert set(QUESTION_KINDS) == set(QUESTION_TYPES)
