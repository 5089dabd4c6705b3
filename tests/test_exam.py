"""The mock exam's paper and score: weights, exclusions, per-area scores, what is recorded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from renshu.grader.progress.exam import (
    PASS_LINE,
    Paper,
    draw_paper,
    exam_pool,
    past_exams,
    quotas,
    record_exam,
    score_exam,
)
from renshu.grader.progress.store import open_store
from renshu.grader.quiz.banks import load_catalogue, load_curriculum
from renshu.grader.quiz.model import Flashcard
from renshu.grader.syllabus import EXAM_WEIGHTS

CATALOGUE = load_catalogue()


def test_quotas_follow_the_weights_and_give_a_short_area_s_places_to_the_others() -> None:
    plenty = {a: 1000 for a in EXAM_WEIGHTS}
    assert quotas(plenty, 100) == {a: round(100 * w) for a, w in EXAM_WEIGHTS.items()}
    # No math questions: its 10 % goes to the others, in proportion (40:15:25:10 of 90).
    no_math = {**plenty, "math": 0}
    got = quotas(no_math, 90)
    assert sum(got.values()) == 90
    assert "math" not in got
    assert got == {"ml": 15, "dl_basics": 40, "dl_applications": 25, "dev_ops": 10}
    # An area with too few questions gives all it has, never more.
    assert quotas({"ml": 2, "dl_basics": 500}, 50) == {"ml": 2, "dl_basics": 48}
    assert quotas({"ml": 2}, 50) == {"ml": 2}  # fewer questions than asked for: all of them


def test_a_paper_asks_only_examined_questions_and_no_flashcards() -> None:
    curriculum = load_curriculum()
    paper = draw_paper(CATALOGUE, 100, 120, seed=3)
    assert len(paper.question_ids) == 100
    assert len(set(paper.question_ids)) == 100
    for qid in paper.question_ids:
        question, loaded = CATALOGUE.questions[qid]
        assert not isinstance(question, Flashcard)
        assert not curriculum.is_background(loaded.bank.topic, question.concepts), qid
        assert loaded.bank.topic not in ("esn", "bleu", "frameworks")
    assert draw_paper(CATALOGUE, 100, 120, seed=3) == paper  # a seed draws it again
    assert draw_paper(CATALOGUE, 100, 120, seed=4) != paper
    pool = exam_pool(CATALOGUE)
    assert set(paper.question_ids) <= set(pool)


def test_the_score_is_per_area_and_unanswered_questions_count_as_wrong() -> None:
    paper = Paper(
        ("a.1", "a.2", "b.1", "b.2"),
        10,
        {"a.1": "ml", "a.2": "ml", "b.1": "dev_ops", "b.2": "dev_ops"},
    )
    result = score_exam(paper, {"a.1": True, "a.2": False, "b.1": True}, 300.0)
    assert (result.correct, result.total) == (2, 4)
    assert {a.area: (a.correct, a.total) for a in result.areas} == {"ml": (1, 2), "dev_ops": (1, 2)}
    assert result.wrong == ("a.2",)
    assert result.unanswered == ("b.2",)
    assert result.score == 0.5
    assert not result.passed
    assert score_exam(paper, dict.fromkeys(paper.question_ids, True), 1.0).passed
    assert PASS_LINE == 0.65


def test_a_result_is_kept_and_its_unanswered_questions_become_due(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    paper = Paper(
        ("rnn.bptt-definition", "lstm.cec-definition"),
        5,
        {"rnn.bptt-definition": "dl_basics", "lstm.cec-definition": "dl_basics"},
    )
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    result = score_exam(paper, {"rnn.bptt-definition": True}, 60.0, timed_out=True, now=now)
    record_exam(store, result)
    assert past_exams(store) == [(now, 1, 2)]
    boosted = {row[0] for row in store.db.execute("SELECT question_id FROM boosts")}
    assert boosted == {"lstm.cec-definition"}
    store.close()


def test_renshu_exam_history_lists_past_results_with_the_pass_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "RENSHU_LANG": "en"}
    argv = [sys.executable, "-m", "renshu", "exam", "--history", "--data-dir", str(tmp_path)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "No mock exam taken yet." in done.stdout
    store = open_store(tmp_path)
    paper = Paper(("a.1", "a.2"), 5, {"a.1": "ml", "a.2": "ml"})
    now = datetime(2026, 12, 2, 10, 30, tzinfo=UTC)
    record_exam(store, score_exam(paper, {"a.1": True, "a.2": True}, 30.0, now=now))
    store.close()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False, timeout=60)
    assert "pass line about 65%" in done.stdout
    assert "2026-12-02 10:30    2 /   2  100%  ○" in done.stdout
    bad = subprocess.run(
        [*argv[:-3], "--questions", "0"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert bad.returncode == 2
    assert "must be at least 1" in bad.stderr
