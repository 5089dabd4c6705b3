"""``renshu bank validate | schema | stats | new`` as an author uses them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from renshu.grader.cli.bank import bank_schema


def renshu(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renshu", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_new_writes_a_starter_that_validates_and_never_overwrites(tmp_path: Path) -> None:
    done = renshu("bank", "new", "gru", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "gru.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema.json")
    assert "gru.reset_gate" in text
    valid = renshu("bank", "validate", "gru.yaml", cwd=tmp_path)
    assert valid.returncode == 0
    # Only the file named is counted, not the built-in banks it is checked against.
    assert valid.stderr.startswith("1 file(s) valid,"), valid.stderr
    again = renshu("bank", "new", "gru", cwd=tmp_path)
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert renshu("bank", "new", "nope", cwd=tmp_path).returncode == 2


def test_validate_reports_located_errors_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\ntopic: lstm\ntitle: t\nquestions:\n  - id: lstm.x\n    type: essay\n",
        encoding="utf-8",
    )
    done = renshu("bank", "validate", str(bad), cwd=tmp_path)
    assert done.returncode == 1
    # The unknown tag is located at its own value (line 6, `type: essay`), not at `- id`.
    assert done.stdout.startswith(f"{bad}:6:11: questions[0] (lstm.x).type: Input tag 'essay'")
    assert "Traceback" not in done.stdout + done.stderr


def test_validate_checks_exercise_files_with_the_same_validator(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    done = renshu("bank", "validate", str(root / "exercises"), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "5 exercise(s)" in done.stderr
    broken = tmp_path / "ex" / "lstm_cell"
    broken.mkdir(parents=True)
    spec = (root / "exercises" / "lstm_cell" / "exercise.yaml").read_text(encoding="utf-8")
    (broken / "exercise.yaml").write_text(
        spec.replace("schema_version: 1", "schema_version: 2"), encoding="utf-8"
    )
    done = renshu("bank", "validate", str(broken / "exercise.yaml"), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{broken / 'exercise.yaml'}:2:17: schema_version" in done.stdout


def test_validate_without_paths_covers_user_banks(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("schema_version: 1\ntopic: [\n", encoding="utf-8")
    env = {"RENSHU_BANKS": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = renshu("bank", "validate", cwd=tmp_path, env=env)
    assert done.returncode == 1
    assert str(tmp_path / "mine.yaml") in done.stdout


def test_schema_command_prints_the_committed_schema(tmp_path: Path) -> None:
    done = renshu("bank", "schema", cwd=tmp_path)
    assert json.loads(done.stdout) == bank_schema()


def test_stats_json_counts_questions_and_coverage(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "schema_version: 1\ntopic: lstm\ntitle: t\nquestions:\n"
        "  - {id: lstm.mine, type: flashcard, concepts: [lstm.peephole], prompt: p, back: b, explanation: e}\n",
        encoding="utf-8",
    )
    builtin = json.loads(renshu("bank", "stats", "--json", cwd=tmp_path).stdout)
    mine = json.loads(
        renshu("bank", "stats", "--json", "--bank", str(tmp_path), cwd=tmp_path).stdout
    )
    assert mine["questions"] == builtin["questions"] + 1
    assert mine["per_type"]["flashcard"] == builtin["per_type"]["flashcard"] + 1
    assert sum(builtin["per_topic"].values()) == builtin["questions"]
    assert set(builtin["per_type"]) == {
        "single_choice",
        "multi_select",
        "true_false",
        "numeric",
        "short_answer",
        "ordering",
        "cloze",
        "flashcard",
    }


def _choice_question(n: int, answer_longest: bool) -> str:
    long, short = "a much longer option that gives itself away", "short one"
    right, wrong = (long, short) if answer_longest else (short, "other " + str(n))
    return f"""
  - id: lstm.lint-{n}
    type: single_choice
    concepts: [lstm.forget_gate]
    prompt: {{ja: 質問 {n} ですか。, en: Question {n}?}}
    explanation: {{ja: 説明です。, en: Explanation.}}
    hints: [{{ja: ヒントです。, en: A hint.}}]
    choices:
      - text: {{ja: "{right}", en: "{right}"}}
        correct: true
      - text: {{ja: "{wrong}", en: "{wrong}"}}
        why: {{ja: 違います。, en: Not this.}}
      - text: {{ja: "{wrong} b", en: "{wrong} b"}}
        why: {{ja: 違います。, en: Not this.}}
"""


def test_a_user_bank_where_the_longest_choice_wins_gets_a_warning(tmp_path: Path) -> None:
    head = "schema_version: 1\ntopic: lstm\ntitle: {ja: テスト, en: Test}\nquestions:\n"
    gamed = tmp_path / "gamed.yaml"
    gamed.write_text(head + "".join(_choice_question(n, True) for n in range(5)), "utf-8")
    done = renshu("bank", "validate", str(gamed), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr  # a user bank: a warning only
    assert f"{gamed}:1:1: warning: 5 of 5 single-choice answers are the longest" in done.stdout
    fair = tmp_path / "fair.yaml"
    fair.write_text(head + "".join(_choice_question(n, n == 0) for n in range(5)), "utf-8")
    done = renshu("bank", "validate", str(fair), cwd=tmp_path)
    assert "warning" not in done.stdout, done.stdout
