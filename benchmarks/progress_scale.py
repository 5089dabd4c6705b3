"""Time stats and the due queue on a store holding 100,000 answers (issue 5).

Goal: ``compute_stats`` and ``due_queue`` each under 100 ms at that size.
The 100,000 answers are spread over the real built-in questions and 300
days, each with its review-log row, and the cards are rebuilt by replaying
the log, so the tables look like a long-time learner's. Also prints how long
recording one answer takes (one durable transaction each).
Usage: python benchmarks/progress_scale.py [--answers N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from renshu.grader.progress.review import due_queue, iso, rebuild_cards, record_answer
from renshu.grader.progress.stats import compute_stats
from renshu.grader.progress.store import open_store
from renshu.grader.quiz.banks import load_catalogue


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    opts = parser.parse_args()
    catalogue = load_catalogue()
    ids = list(catalogue.questions)
    concepts = {qid: q.concepts for qid, (q, _b) in catalogue.questions.items()}
    now = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp), now=now, backup=False)
        start = time.perf_counter()
        rows, logs = [], []
        for i in range(opts.answers):
            at = now - timedelta(days=300) + timedelta(seconds=i * 300 * 86400 // opts.answers)
            uid, qid, correct = uuid.uuid4().hex, rng.choice(ids), rng.random() < 0.75
            rows.append((uid, qid, iso(at), '"x"', int(correct), 4.0, 0))
            logs.append((uid, qid, 3 if correct else 1, iso(at), 4000, 2))
        with store.transaction() as db:
            db.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            db.executemany("INSERT INTO review_log VALUES (?, ?, ?, ?, ?, ?)", logs)
        rebuild_cards(store)
        setup = time.perf_counter() - start
        offset = timedelta(hours=9)
        stats_ms = median_ms(
            lambda: compute_stats(store, concepts, now=now, utc_offset=offset), opts.runs
        )
        queue_ms = median_ms(lambda: due_queue(store, ids, now=now, utc_offset=offset), opts.runs)
        record_times = []
        for i in range(50):
            t = time.perf_counter()
            record_answer(store, ids[i], "x", True, 3.0, now=now + timedelta(seconds=i))
            record_times.append(time.perf_counter() - t)
        store.close()
    print(f"store with {opts.answers} answers over {len(ids)} questions (built in {setup:.1f} s)")
    print(f"compute_stats  {stats_ms:7.1f} ms median   (goal < 100 ms)")
    print(f"due_queue      {queue_ms:7.1f} ms median   (goal < 100 ms)")
    print(
        f"record_answer  {statistics.median(record_times) * 1000:7.1f} ms median per answer (one durable transaction)"
    )


if __name__ == "__main__":
    main()
