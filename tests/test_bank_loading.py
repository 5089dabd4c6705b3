"""Bank loading: every error kind at its exact file:line:column; broken files never stop the rest."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from renshu.grader.cli.bank import bank_schema
from renshu.grader.errors import BankError
from renshu.grader.quiz.banks import load_bank_file, load_catalogue, load_curriculum

ROOT = Path(__file__).resolve().parent.parent
GOOD_QUESTION = """\
  - id: lstm.user-q1
    type: true_false
    concepts: [lstm.forget_gate]
    prompt: {ja: 問, en: Q}
    answer: true
    explanation: {ja: 解説, en: why}
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    loaded, errors = load_bank_file(path, load_curriculum())
    assert (loaded is None) == bool(errors)
    return [str(e) for e in errors]


HEAD = "schema_version: 1\ntopic: lstm\ntitle: t\nquestions:\n"


@pytest.mark.parametrize(
    ("body", "place", "words"),
    [
        ("schema_version: 1\ntopic: [lstm\n", ":3:1:", "YAML syntax error"),
        ("schema_version: 1\ntopic: lstm\ntopic: gru\n", ":3:1:", "duplicate key 'topic'"),
        (
            HEAD
            + "  - id: lstm.a\n    type: true_false\n    concepts: [lstm.forget_gate]\n    prompt: p\n    answer: true\n",
            ":5:5:",
            "questions[0] (lstm.a).explanation: this field is required",
        ),
        (
            HEAD
            + "  - id: lstm.a\n    type: numeric\n    concepts: [lstm.cec]\n    prompt: p\n    answer: many\n    explanation: e\n",
            ":9:13:",
            "questions[0] (lstm.a).answer: Input should be a valid number",
        ),
        (
            HEAD
            + "  - id: lstm.a\n    type: essay\n    concepts: [lstm.cec]\n    prompt: p\n    explanation: e\n",
            ":6:11:",  # at the unknown tag itself, not the `- id` line
            "'single_choice', 'multi_select', 'true_false', 'numeric'",
        ),
        (
            HEAD
            + "  - id: lstm.a\n    type: single_choice\n    concepts: [lstm.cec]\n    prompt: p\n    explanation: e\n"
            "    choices:\n      - {text: a, correct: true}\n      - {text: b, correct: true}\n",
            ":11:7:",
            "exactly one correct choice, found 2",
        ),
        (
            HEAD
            + "  - id: lstm.a\n    type: flashcard\n    concepts: [lstm.cec, lstm.forgetgate]\n    prompt: p\n    back: b\n    explanation: e\n",
            ":7:26:",
            "unknown concept id 'lstm.forgetgate'; lstm concepts are:",
        ),
        ("schema_version: 1\ntopic: lsmt\ntitle: t\n", ":2:8:", "unknown topic 'lsmt'"),
        (
            HEAD
            + "  - id: lstm.a\n    type: true_false\n    concepts: [lstm.cec]\n    prompt: p\n    answer: true\n"
            "    explanation: e\n    colour: red\n",
            ":11:5:",
            "colour: unknown field",
        ),
    ],
    ids=[
        "syntax",
        "duplicate-key",
        "missing-field",
        "wrong-type",
        "unknown-type",
        "two-correct",
        "unknown-concept",
        "unknown-topic",
        "unknown-field",
    ],
)
def test_each_error_kind_is_located(tmp_path: Path, body: str, place: str, words: str) -> None:
    path = write(tmp_path, "bank.yaml", body)
    errors = errors_of(path)
    assert any(e.startswith(f"{path}{place}") and words in e for e in errors), errors


def test_empty_and_non_utf8_files(tmp_path: Path) -> None:
    assert errors_of(write(tmp_path, "empty.yaml", "")) == [
        f"{tmp_path / 'empty.yaml'}:1:1: the file is empty"
    ]
    latin = write(tmp_path, "latin.yaml", b"schema_version: 1\ntitle: caf\xe9\n")
    assert errors_of(latin) == [f"{latin}:2:11: the file is not UTF-8 text"]


def test_all_errors_of_a_file_are_reported(tmp_path: Path) -> None:
    body = HEAD + (
        "  - id: lstm.a\n    type: true_false\n    concepts: [lstm.nope]\n    prompt: p\n    answer: true\n"
        "  - id: lstm.b\n    type: short_answer\n    concepts: [lstm.cec]\n    prompt: p\n    accepted: []\n"
        "    explanation: e\n"
    )
    errors = errors_of(write(tmp_path, "many.yaml", body))
    assert len(errors) == 3, errors  # missing explanation, unknown concept, empty accepted list
    assert [e.split(":")[1] for e in errors] == sorted([e.split(":")[1] for e in errors], key=int)


def test_id_used_twice_names_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", HEAD + GOOD_QUESTION)
    write(tmp_path, "b.yaml", HEAD + GOOD_QUESTION)
    catalogue = load_catalogue([tmp_path], include_builtin=False)
    (error,) = [str(e) for e in catalogue.errors]
    assert error.startswith(f"{tmp_path / 'b.yaml'}:5:5:")
    assert f"already used at {tmp_path / 'a.yaml'}:5:5" in error
    assert list(catalogue.questions) == ["lstm.user-q1"]


def test_broken_user_bank_never_stops_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "broken.yaml", "schema_version: 1\ntopic: [\n")
    write(tmp_path, "good.yaml", HEAD + GOOD_QUESTION)
    monkeypatch.setenv("RENSHU_BANKS", str(tmp_path))
    builtin_only = load_catalogue()
    catalogue = load_catalogue()
    assert "lstm.user-q1" in catalogue.questions
    assert len(catalogue.questions) == len(builtin_only.questions)
    assert [str(e).split(":")[0] for e in catalogue.errors] == [str(tmp_path / "broken.yaml")]


def test_bank_dirs_from_flag_env_and_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flag, env, home = tmp_path / "flag", tmp_path / "env", tmp_path / "home"
    for folder, qid in (
        (flag, "lstm.from-flag"),
        (env, "lstm.from-env"),
        (home / "banks", "lstm.from-home"),
    ):
        folder.mkdir(parents=True)
        write(folder, "x.yaml", HEAD + GOOD_QUESTION.replace("lstm.user-q1", qid))
    monkeypatch.setenv("RENSHU_BANKS", str(env))
    catalogue = load_catalogue([flag], include_builtin=False, data_dir=home)
    assert set(catalogue.questions) == {"lstm.from-flag", "lstm.from-env", "lstm.from-home"}
    assert catalogue.errors == []


def test_committed_bank_schema_is_in_sync() -> None:
    committed = json.loads((ROOT / "quizzes" / "schema.json").read_text(encoding="utf-8"))
    assert committed == bank_schema()


def test_exercise_concepts_exist_in_the_curriculum() -> None:
    from renshu.grader.exercises.catalogue import builtin_catalog

    known = load_curriculum().concept_ids()
    for exercise in builtin_catalog().values():
        assert set(exercise.spec.concepts) <= known, exercise.id
        assert exercise.spec.topic in load_curriculum().topics


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.text(max_size=8),
    st.sampled_from(
        ["lstm", "lstm.cec", "single_choice", "true_false", "numeric", "cloze", "{{1}}"]
    ),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "concepts",
                    "prompt",
                    "choices",
                    "text",
                    "correct",
                    "answer",
                    "explanation",
                    "questions",
                    "topic",
                    "schema_version",
                    "title",
                    "ja",
                    "en",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(doc=yaml_values, raw=st.binary(max_size=40), cut=st.integers(0, 400))
def test_fuzzed_yaml_never_raises_and_errors_are_located(tmp_path_factory, doc, raw, cut) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    text = yaml.safe_dump(
        {"schema_version": 1, "topic": "lstm", "title": "t", "questions": [doc]}, allow_unicode=True
    )
    for name, content in (("a.yaml", text), ("b.yaml", text[:cut]), ("c.yaml", raw)):
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        _loaded, errors = load_bank_file(path, load_curriculum())
        for error in errors:
            assert isinstance(error, BankError)
            assert error.location is not None
            assert error.location.path == str(path)
            assert error.location.line is not None


def test_a_file_named_twice_is_loaded_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yaml", HEAD + GOOD_QUESTION)
    catalogue = load_catalogue([tmp_path, path], include_builtin=False)
    assert catalogue.errors == []
    assert list(catalogue.questions) == ["lstm.user-q1"]
