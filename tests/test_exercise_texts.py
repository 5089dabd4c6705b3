"""What every built-in exercise must carry for diagnosis v2 (no sandbox): a next step
per misconception, the meaning of every edge case, an edge case larger than the
strategy draws, and intermediates the reference really computes."""

from __future__ import annotations

import pytest

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.grading.divergence import trace_reference
from renshu.grader.grading.strategies import edge_case_args

EXERCISES = list(builtin_catalog().values())
JOINT_MAX_LEN = {"bleu_overlap": 10, "bleu_corpus": 8}  # the strategies' defaults


def _longest_list(value: object) -> int:
    if isinstance(value, dict):
        return max((_longest_list(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return max([len(value), *(_longest_list(v) for v in value)])
    return 0


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_misconception_has_its_own_next_step(exercise: LoadedExercise) -> None:
    hints = {h.en for h in exercise.spec.hints}
    for m in exercise.spec.misconceptions:
        assert m.next_step is not None, m.id
        assert m.next_step.ja.strip(), m.id
        assert m.next_step.en.strip(), m.id
        assert m.next_step.ja != m.next_step.en, m.id
        assert m.next_step.en != m.message.en, f"{m.id}: the next step repeats the message"
        assert m.next_step.en not in hints, f"{m.id}: the next step is just a hint"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_edge_case_says_what_it_is(exercise: LoadedExercise) -> None:
    for index, case in enumerate(exercise.spec.edge_cases):
        assert case.about is not None, f"edge case {index} has no about"
        assert case.about.ja.strip()
        assert case.about.en.strip()
        assert case.about.ja != case.about.en


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_some_edge_case_is_larger_than_the_strategy_draws(exercise: LoadedExercise) -> None:
    ranges = exercise.spec.inputs.dims
    if not ranges:  # sizes come from a joint strategy (BLEU's): its longest sentence
        drawn = max(
            j.options.get("max_len", JOINT_MAX_LEN[j.strategy]) for j in exercise.spec.inputs.joint
        )
        longest = max(_longest_list(case.args) for case in exercise.spec.edge_cases)
        assert longest > drawn, f"no edge case has a sentence longer than {drawn} tokens"
        return
    larger = [
        case
        for case in exercise.spec.edge_cases
        if any(size > ranges[name][1] for name, size in case.dims.items())
    ]
    assert larger, f"no edge case goes beyond {ranges}"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_declared_intermediates_are_computed_by_the_reference(exercise: LoadedExercise) -> None:
    declared = [i.name for i in exercise.spec.intermediates]
    assert declared, "declare the reference's intermediates in data flow order"
    assert len(set(declared)) == len(declared)
    spec = exercise.spec
    _dims, args = edge_case_args(spec.inputs, spec.edge_cases[-1], 0)
    recorded = [
        n
        for n, _ in trace_reference(
            exercise.reference_function(), [args[n] for n in spec.signature], set(declared)
        )
    ]
    assert set(recorded) == set(declared), (
        f"never bound in the reference: {set(declared) - set(recorded)}"
    )
    first_seen = list(dict.fromkeys(recorded))
    assert first_seen == declared, f"not in data flow order: computed {first_seen}"


def test_an_unquoted_yaml_boolean_among_bleu_tokens_is_refused_with_its_place(
    tmp_path: object,
) -> None:
    import shutil
    from pathlib import Path

    from renshu.grader.errors import BankError
    from renshu.grader.exercises.catalogue import builtin_exercises_dir, load_exercise

    folder = Path(str(tmp_path)) / "sentence_bleu"
    shutil.copytree(builtin_exercises_dir() / "sentence_bleu", folder)
    path = folder / "exercise.yaml"
    text = path.read_text(encoding="utf-8")
    assert '"on"' in text
    path.write_text(text.replace('"on"', "on"), encoding="utf-8")
    with pytest.raises(BankError, match="quote such tokens") as raised:
        load_exercise(folder)
    assert "exercise.yaml" in str(raised.value)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_starter_names_the_file_the_learner_works_in(exercise: LoadedExercise) -> None:
    starter = exercise.starter_path.read_text(encoding="utf-8")
    assert "starter.py" not in starter  # `renshu start` and the TUI copy it to <id>.py
    assert f"renshu watch {exercise.id}.py" in starter
