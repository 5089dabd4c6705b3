"""Inputs that reach the mistakes: files wrong only on tiny boxes, on tricky tokens or on
larger sizes than the strategy draws fail (through the real sandbox), and the correct
versions written the same way pass."""

from __future__ import annotations

import pytest

from renshu.grader.exercises.catalogue import builtin_catalog
from renshu.grader.grading.engine import grade_source

CATALOG = builtin_catalog()

IOU = """# exercise: iou
import numpy as np


def iou(boxes_a, boxes_b):
    a = boxes_a[:, None, :]
    b = boxes_b[None, :, :]
    w = np.clip(np.minimum(a[..., 2], b[..., 2]) - np.maximum(a[..., 0], b[..., 0]), 0, None)
    h = np.clip(np.minimum(a[..., 3], b[..., 3]) - np.maximum(a[..., 1], b[..., 1]), 0, None)
    inter = w * h
    area_a = (a[..., 2] - a[..., 0]) * (a[..., 3] - a[..., 1])
    area_b = (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])
    return inter / (area_a + area_b - inter{eps})
"""

BLEU = """# exercise: sentence_bleu
import math
from collections import Counter


def _ngrams(tokens, n):
    return Counter({key}(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def sentence_bleu(candidate, references, max_n=4):
    candidate = [{token} for token in candidate]
    references = [[{token} for token in ref] for ref in references]
    c = len(candidate)
    if c == 0 or c < max_n:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        counts = _ngrams(candidate, n)
        best = Counter()
        for ref in references:
            best |= _ngrams(ref, n)
        matches = sum(min(k, best[g]) for g, k in counts.items())
        if matches == 0:
            return 0.0
        log_sum += math.log(matches / sum(counts.values())) / max_n
    r = min((abs(len(ref) - c), len(ref)) for ref in references)[1]
    bp = 1.0 if c > r else math.exp(1 - r / c)
    return bp * math.exp(log_sum)
"""

SOFTMAX = """# exercise: softmax
import numpy as np


def softmax(x):
    if x.shape[0] > {limit}:
        x = x[:{limit}]
        x = np.concatenate([x, x])[: x.shape[0]]
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
"""


def _grade(exercise_id: str, source: str) -> str:
    return grade_source(source, CATALOG[exercise_id], "mine.py").status.value


def test_an_epsilon_in_the_iou_union_fails_on_tiny_boxes() -> None:
    assert _grade("iou", IOU.format(eps="")) == "pass"
    assert _grade("iou", IOU.format(eps=" + 1e-6")) == "fail"


@pytest.mark.parametrize(
    ("key", "token"),
    [('" ".join', "token"), ("tuple", "token.lower()")],
    ids=["ngrams-joined-with-spaces", "tokens-lowercased"],
)
def test_bleu_files_that_merge_distinct_tokens_fail(key: str, token: str) -> None:
    assert _grade("sentence_bleu", BLEU.format(key="tuple", token="token")) == "pass"
    assert _grade("sentence_bleu", BLEU.format(key=key, token=token)) == "fail"


def test_a_file_wrong_only_for_more_rows_than_the_strategy_draws_fails() -> None:
    high = CATALOG["softmax"].spec.inputs.dims["B"][1]
    assert _grade("softmax", SOFTMAX.format(limit=10_000)) == "pass"
    assert _grade("softmax", SOFTMAX.format(limit=high)) == "fail"


def test_a_crash_on_a_named_edge_says_which_edge_and_what_the_contract_says() -> None:
    exercise = CATALOG["sentence_bleu"]
    empty = next(c for c in exercise.spec.edge_cases if c.args.get("candidate") == [])
    assert empty.about is not None
    crashes_when_empty = BLEU.format(key="tuple", token="token").replace(
        "    c = len(candidate)\n", "    c = len(candidate)\n    _ = 1 / c\n"
    )
    result = grade_source(crashes_when_empty, exercise, "mine.py")
    assert result.status.value == "error"
    assert result.reason.value == "exception"
    assert "ZeroDivisionError" in result.message
    assert empty.about.en in result.message
    assert result.counterexample is not None
    candidate = next(a for a in result.counterexample.arguments if a.name == "candidate")
    assert candidate.value == []


def test_a_crash_from_arguments_read_in_nltk_order_is_named() -> None:
    """``sentence_bleu(references, candidate)`` (NLTK's order) crashes on the contract's
    call; called with the two exchanged it is right, which the grader tries and says."""
    nltk_order = BLEU.format(key="tuple", token="token").replace(
        "def sentence_bleu(candidate, references, max_n=4):",
        "def sentence_bleu(references, candidate, max_n=4):",
    )
    result = grade_source(nltk_order, CATALOG["sentence_bleu"], "mine.py")
    assert result.status.value == "error"
    assert result.misconception is not None
    assert result.misconception.id == "generic.argument_order"
    assert result.misconception.detail is not None
    assert result.misconception.detail.params == {"first": "candidate", "second": "references"}
    assert result.hint is not None
    assert "candidate" in result.hint


def test_a_wrong_file_that_no_argument_order_fixes_gets_no_argument_diagnosis() -> None:
    wrong = BLEU.format(key="tuple", token="token").replace("max_n + 1", "max_n")
    result = grade_source(wrong, CATALOG["sentence_bleu"], "mine.py")
    assert result.status.value == "fail"
    assert result.misconception is None or result.misconception.id != "generic.argument_order"


def test_a_call_that_hangs_counts_as_tried_and_its_input_is_not_called_minimal() -> None:
    from renshu.grader.presentation.view import build_view

    hangs = "# exercise: softmax\nimport time\n\n\ndef softmax(x):\n    while True:\n        time.sleep(1)\n"
    result = grade_source(hangs, CATALOG["softmax"], "mine.py")
    assert result.status.value == "error"
    assert result.reason.value == "timeout"
    assert result.examples >= 1
    view = build_view(result, "en")
    assert view.counterexample is not None
    assert view.counterexample.input_title == "The input it stopped on"
