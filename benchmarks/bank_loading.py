"""Time loading and validating question banks (issue 4).

Figures: the built-in banks, and one generated bank of 10,000 questions of all
eight types (goal: under 1 s for the 10,000, parse + validation + checks).
Usage: python benchmarks/bank_loading.py [--questions N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from renshu.grader.quiz.banks import load_bank_file, load_catalogue, load_curriculum

TEMPLATES = [
    {
        "type": "single_choice",
        "choices": [
            {"text": {"ja": "正しい", "en": "right"}, "correct": True},
            {"text": {"ja": "誤り", "en": "wrong"}, "why": {"ja": "理由", "en": "because"}},
            {"text": {"ja": "誤り2", "en": "wrong 2"}, "why": {"ja": "理由", "en": "because"}},
        ],
    },
    {
        "type": "multi_select",
        "choices": [
            {"text": "a", "correct": True},
            {"text": "b", "correct": True},
            {"text": "c", "why": "no"},
        ],
    },
    {"type": "true_false", "answer": False, "why": {"ja": "逆", "en": "reverse"}},
    {"type": "numeric", "answer": 30200, "abs_tol": 0, "unit": {"ja": "個", "en": "parameters"}},
    {"type": "short_answer", "accepted": ["忘却ゲート", "forget gate"]},
    {"type": "ordering", "items": ["embed", "encode", "decode"]},
    {
        "type": "cloze",
        "prompt": {"ja": "c = {{1}} * c_prev", "en": "c = {{1}} * c_prev"},
        "blanks": [["f"]],
    },
    {"type": "flashcard", "back": {"ja": "裏", "en": "back"}},
]


def generated_bank(n: int) -> str:
    concepts = sorted(c for c in load_curriculum().concept_ids() if c.startswith("lstm."))
    questions = []
    for i in range(n):
        q = {
            "id": f"lstm.generated-{i}",
            "concepts": [concepts[i % len(concepts)]],
            "prompt": {
                "ja": f"問題 {i}: 忘却ゲートの役割は?",
                "en": f"Question {i}: what does the forget gate do?",
            },
            "explanation": {"ja": "解説です。", "en": "The explanation."},
            "hints": [{"ja": "ヒント", "en": "hint"}],
        }
        q.update(TEMPLATES[i % len(TEMPLATES)])
        questions.append(q)
    bank = {
        "schema_version": 1,
        "topic": "lstm",
        "title": {"ja": "生成", "en": "generated"},
        "questions": questions,
    }
    return yaml.safe_dump(bank, allow_unicode=True, sort_keys=False)


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    curriculum = load_curriculum()
    builtin = load_catalogue()
    builtin_s = median_time(load_catalogue, opts.runs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.yaml"
        path.write_text(generated_bank(opts.questions), encoding="utf-8")
        loaded, errors = load_bank_file(path, curriculum)
        if loaded is None or errors:
            raise SystemExit(f"the generated bank does not validate: {errors[:3]}")
        size_mb = path.stat().st_size / 1e6
        generated_s = median_time(lambda: load_bank_file(path, curriculum), opts.runs)
    print(
        f"built-in banks: {len(builtin.questions)} questions in {len(builtin.banks)} files, "
        f"{builtin_s * 1000:.0f} ms median"
    )
    print(
        f"generated bank: {opts.questions} questions ({size_mb:.1f} MB YAML), "
        f"{generated_s * 1000:.0f} ms median (goal < 1000 ms): "
        f"{generated_s / opts.questions * 1e6:.0f} µs per question"
    )


if __name__ == "__main__":
    main()
