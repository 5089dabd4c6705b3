"""Reference BLEU building blocks checked against hand-computed values, an
independent exact-arithmetic formulation, and NLTK's ``sentence_bleu``.

The reference is never used to compute an expected value.
"""

import math
import warnings
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nltk.translate.bleu_score import modified_precision as nltk_modified_precision
from nltk.translate.bleu_score import sentence_bleu as nltk_sentence_bleu

from renshu.reference import (
    brevity_penalty,
    closest_ref_length,
    modified_precision,
    ngram_counts,
    sentence_bleu,
)

SETTINGS = settings(max_examples=50, deadline=None, database=None)

VOCAB = ["the", "cat", "sat", "on", "mat", "a"]
tokens = st.lists(st.sampled_from(VOCAB), min_size=0, max_size=12)
nonempty_tokens = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=12)
orders = st.integers(min_value=1, max_value=4)

PAPINENI_CAND = "the the the the the the the".split()
PAPINENI_REFS = ["the cat is on the mat".split(), "there is a cat on the mat".split()]


# ---------------------------------------------------------------------------
# Independent formulations.
# ---------------------------------------------------------------------------


def _grams(seq, n):
    """All n-grams as a list of tuples, built with an explicit while loop."""
    out = []
    start = 0
    while start + n <= len(seq):
        out.append(tuple(seq[start + offset] for offset in range(n)))
        start += 1
    return out


def _count_dict(seq, n):
    counts = {}
    for gram in _grams(seq, n):
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def _clipped(candidate, references, n):
    cand_grams = _grams(candidate, n)
    matches = 0
    for gram in set(cand_grams):
        ceiling = max(_grams(ref, n).count(gram) for ref in references)
        matches += min(cand_grams.count(gram), ceiling)
    return matches, len(cand_grams)


def _closest(c, references):
    best = None
    for r in sorted(len(ref) for ref in references):  # ascending: first of a tie is shorter
        if best is None or abs(r - c) < abs(best - c):
            best = r
    return best


def _bleu(candidate, references, max_n):
    """Geometric mean of exact Fraction precisions, times BP, zero cases spelled out."""
    c = len(candidate)
    if c < max(max_n, 1):
        return 0.0
    product = Fraction(1)
    for n in range(1, max_n + 1):
        matches, total = _clipped(candidate, references, n)
        if matches == 0:
            return 0.0
        product *= Fraction(matches, total)
    geo = float(product) ** (1.0 / max_n)
    r = _closest(c, references)
    bp = 1.0 if c >= r else math.exp(1.0 - r / c)
    return bp * geo


# ---------------------------------------------------------------------------
# ngram_counts
# ---------------------------------------------------------------------------


def test_ngram_counts_hand_computed():
    # "a b a b": bigrams (a b), (b a), (a b) -> {(a, b): 2, (b, a): 1}.
    result = ngram_counts(["a", "b", "a", "b"], 2)
    assert isinstance(result, Counter)
    assert dict(result) == {("a", "b"): 2, ("b", "a"): 1}
    # Unigrams of "the cat the": {(the,): 2, (cat,): 1}.
    assert dict(ngram_counts(["the", "cat", "the"], 1)) == {("the",): 2, ("cat",): 1}
    # n equal to the length: one n-gram, the whole list.
    assert dict(ngram_counts(["x", "y", "z"], 3)) == {("x", "y", "z"): 1}


def test_ngram_counts_too_short_or_empty():
    # Fewer than n tokens: no n-grams at all.
    assert dict(ngram_counts(["a", "b"], 3)) == {}
    assert dict(ngram_counts([], 1)) == {}
    assert sum(ngram_counts(["a"], 4).values()) == 0


@SETTINGS
@given(tokens, st.integers(min_value=1, max_value=5))
def test_ngram_counts_matches_loop(seq, n):
    result = ngram_counts(seq, n)
    assert dict(result) == _count_dict(seq, n)
    assert sum(result.values()) == max(0, len(seq) - n + 1)


# ---------------------------------------------------------------------------
# modified_precision
# ---------------------------------------------------------------------------


def test_modified_precision_papineni_example():
    # Papineni et al. (2002): "the" x7 vs the two references. "the" occurs twice in
    # reference 1 and once in reference 2, so the clip is max(2, 1) = 2: p_1 = 2/7.
    assert modified_precision(PAPINENI_CAND, PAPINENI_REFS, 1) == (2, 7)
    # Bigrams: six (the, the), none in either reference: 0/6.
    assert modified_precision(PAPINENI_CAND, PAPINENI_REFS, 2) == (0, 6)


def test_modified_precision_clips_to_one_reference_not_the_sum():
    # "a a a" vs ["a b", "b a"]: "a" occurs once in each reference; the clip is the
    # largest count in ONE reference, max(1, 1) = 1 (summing would give 2): (1, 3).
    assert modified_precision(["a", "a", "a"], [["a", "b"], ["b", "a"]], 1) == (1, 3)


def test_modified_precision_hand_computed_bigrams():
    # Candidate "a a b", references ["a b", "a a a"].
    # Unigrams: a x2 (clip max(1, 3) = 3 -> 2), b x1 (clip max(1, 0) = 1 -> 1): (3, 3).
    # Bigrams: (a a) x1 (clip max(0, 2) = 2 -> 1), (a b) x1 (clip max(1, 0) = 1 -> 1): (2, 2).
    # Trigrams: (a a b) x1, in neither reference: (0, 1).
    cand, refs = ["a", "a", "b"], [["a", "b"], ["a", "a", "a"]]
    assert modified_precision(cand, refs, 1) == (3, 3)
    assert modified_precision(cand, refs, 2) == (2, 2)
    assert modified_precision(cand, refs, 3) == (0, 1)
    # Candidate shorter than n: no n-grams, (0, 0).
    assert modified_precision(cand, refs, 4) == (0, 0)


@SETTINGS
@given(tokens, st.lists(tokens, min_size=1, max_size=3), orders)
def test_modified_precision_matches_loop_and_nltk(candidate, references, n):
    matches, total = modified_precision(candidate, references, n)
    assert (matches, total) == _clipped(candidate, references, n)
    assert isinstance(matches, int)
    assert isinstance(total, int)
    if total > 0:  # NLTK reports an empty denominator as 1
        p = nltk_modified_precision(references, candidate, n)
        assert (matches, total) == (p.numerator, p.denominator)


# ---------------------------------------------------------------------------
# closest_ref_length and brevity_penalty
# ---------------------------------------------------------------------------


def _refs_of_lengths(*lengths):
    return [["w"] * n for n in lengths]


@pytest.mark.parametrize(
    ("c", "lengths", "expected"),
    [
        (5, (3, 7), 3),  # tie at distance 2: the shorter, 3
        (5, (7, 3), 3),  # same, order of references does not matter
        (5, (4, 6), 4),  # tie at distance 1: 4
        (5, (6, 8), 6),  # 6 is closer
        (5, (2, 9, 5), 5),  # exact match
        (0, (4, 1, 2), 1),  # empty candidate: shortest reference
        (10, (3,), 3),  # a single reference
    ],
)
def test_closest_ref_length_hand_cases(c, lengths, expected):
    assert closest_ref_length(c, _refs_of_lengths(*lengths)) == expected


@SETTINGS
@given(st.integers(0, 20), st.lists(st.integers(0, 20), min_size=1, max_size=5))
def test_closest_ref_length_matches_loop(c, lengths):
    refs = _refs_of_lengths(*lengths)
    assert closest_ref_length(c, refs) == _closest(c, refs)


def test_brevity_penalty_hand_cases():
    # c >= r: 1.0 exactly.
    assert brevity_penalty(5, 5) == 1.0
    assert brevity_penalty(9, 4) == 1.0
    # c < r: exp(1 - r/c). c = 2, r = 4: exp(1 - 2) = exp(-1) = 0.36787944117144233.
    assert brevity_penalty(2, 4) == pytest.approx(0.36787944117144233, rel=1e-12)
    # c = 4, r = 6: exp(1 - 1.5) = exp(-0.5) = 0.6065306597126334.
    assert brevity_penalty(4, 6) == pytest.approx(0.6065306597126334, rel=1e-12)
    # c = 0 (empty candidate): 0.0.
    assert brevity_penalty(0, 3) == 0.0
    for c, r in [(5, 5), (2, 4), (0, 3)]:
        assert type(brevity_penalty(c, r)) is float


@SETTINGS
@given(st.integers(1, 60), st.integers(0, 60))
def test_brevity_penalty_matches_formula(c, r):
    expected = 1.0 if c >= r else math.exp(1.0 - r / c)
    assert brevity_penalty(c, r) == pytest.approx(expected, rel=1e-12, abs=0.0)
    assert 0.0 < brevity_penalty(c, r) <= 1.0


# ---------------------------------------------------------------------------
# sentence_bleu: hand-computed cases
# ---------------------------------------------------------------------------


def _check(value, expected):
    assert type(value) is float
    assert 0.0 <= value <= 1.0
    assert value == pytest.approx(expected, rel=1e-12, abs=0.0)


def test_sentence_bleu_identical_is_one():
    # Every p_n = 1 and c = r, so BP = 1 and BLEU = exp(0) = 1.
    sent = "the cat is on the mat".split()
    _check(sentence_bleu(sent, [sent]), 1.0)


def test_sentence_bleu_hand_bigram_and_trigram():
    cand = "the cat sat on the mat".split()
    refs = ["the cat is on the mat".split()]
    # Unigrams: the x2 (ref has 2), cat, on, mat match; sat does not: p1 = 5/6.
    # Bigrams: (the cat), (cat sat), (sat on), (on the), (the mat); ref has (the cat),
    #   (on the), (the mat): p2 = 3/5.
    # Trigrams: (the cat sat), (cat sat on), (sat on the), (on the mat); only (on the mat)
    #   is in the ref: p3 = 1/4.
    # c = r = 6, BP = 1.
    # max_n = 2: sqrt(5/6 * 3/5) = sqrt(1/2) = 0.7071067811865476
    _check(sentence_bleu(cand, refs, max_n=2), math.sqrt(0.5))
    # max_n = 3: (5/6 * 3/5 * 1/4)^(1/3) = (1/8)^(1/3) = 0.5
    _check(sentence_bleu(cand, refs, max_n=3), 0.5)
    # max_n = 1: 5/6
    _check(sentence_bleu(cand, refs, max_n=1), 5 / 6)


def test_sentence_bleu_hand_brevity():
    # "the cat" vs "the cat is on the mat", max_n = 2: p1 = 2/2, p2 = 1/1, geometric mean 1;
    # c = 2 < r = 6: BP = exp(1 - 6/2) = exp(-2) = 0.1353352832366127.
    _check(sentence_bleu(["the", "cat"], ["the cat is on the mat".split()], max_n=2), math.exp(-2))


def test_sentence_bleu_papineni_unigram():
    # max_n = 1: p1 = 2/7 (clipped); c = 7, reference lengths 6 and 7 -> r = 7, BP = 1.
    _check(sentence_bleu(PAPINENI_CAND, PAPINENI_REFS, max_n=1), 2 / 7)


def test_sentence_bleu_tie_in_reference_length_goes_to_shorter():
    # c = 4, "a b c d" is a prefix of two references, so every p_n = 1 (max_n = 4: the one
    # 4-gram (a b c d) matches). Lengths 6, 10, 2: 6 and 2 tie at distance 2 -> r = 2,
    # c >= r, BP = 1, BLEU = 1.0 (taking r = 6 would give exp(1 - 6/4) = 0.6065...).
    refs = ["a b c d e f".split(), "a b c d e f g h i j".split(), "a b".split()]
    _check(sentence_bleu("a b c d".split(), refs), 1.0)


def test_sentence_bleu_default_max_n_is_four():
    # Same numbers as the trigram case plus p4 = 0 -> 0.0 with the default max_n,
    # while an exact copy of length 4 scores 1.0.
    cand = "the cat sat on the mat".split()
    assert sentence_bleu(cand, ["the cat is on the mat".split()]) == 0.0
    _check(sentence_bleu("a b c d".split(), [["a", "b", "c", "d"]]), 1.0)


# ---------------------------------------------------------------------------
# sentence_bleu: zero cases
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("max_n", [1, 2, 3, 4])
def test_sentence_bleu_empty_candidate_is_zero(max_n):
    value = sentence_bleu([], [["a", "b"]], max_n=max_n)
    assert type(value) is float
    assert value == 0.0


def test_sentence_bleu_candidate_shorter_than_max_n_is_zero():
    # "a b c" equals its reference, but has no 4-gram: 0.0 with max_n = 4 ...
    value = sentence_bleu(["a", "b", "c"], [["a", "b", "c"]], max_n=4)
    assert type(value) is float
    assert value == 0.0
    # ... while max_n = 3 gives p1 = p2 = p3 = 1, BP = 1: 1.0.
    _check(sentence_bleu(["a", "b", "c"], [["a", "b", "c"]], max_n=3), 1.0)


def test_sentence_bleu_some_precision_zero_is_zero():
    # No unigram match at all.
    assert sentence_bleu(["x", "y", "z", "w"], [["a", "b", "c", "d"]], max_n=1) == 0.0
    # Unigrams all match (p1 = 4/4) but no bigram does: "b a d c" vs "a b c d", p2 = 0/3.
    value = sentence_bleu(["b", "a", "d", "c"], [["a", "b", "c", "d"]], max_n=2)
    assert type(value) is float
    assert value == 0.0
    # With max_n = 1 the same candidate scores p1 = 1, BP = 1: 1.0.
    _check(sentence_bleu(["b", "a", "d", "c"], [["a", "b", "c", "d"]], max_n=1), 1.0)


# ---------------------------------------------------------------------------
# sentence_bleu: properties
# ---------------------------------------------------------------------------


@st.composite
def edited_case(draw):
    """References from a small vocab; the candidate edits a copy of the first one."""
    references = draw(st.lists(nonempty_tokens, min_size=1, max_size=3))
    candidate = list(references[0])
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["sub", "del", "ins", "swap"]))
        if op == "ins" or not candidate:
            candidate.insert(draw(st.integers(0, len(candidate))), draw(st.sampled_from(VOCAB)))
            continue
        i = draw(st.integers(0, len(candidate) - 1))
        if op == "sub":
            candidate[i] = draw(st.sampled_from(VOCAB))
        elif op == "del":
            del candidate[i]
        elif i + 1 < len(candidate):
            candidate[i], candidate[i + 1] = candidate[i + 1], candidate[i]
    return candidate, references, draw(orders)


@SETTINGS
@given(edited_case())
def test_sentence_bleu_matches_independent_formula(case):
    candidate, references, max_n = case
    value = sentence_bleu(candidate, references, max_n=max_n)
    assert type(value) is float
    assert 0.0 <= value <= 1.0
    expected = _bleu(candidate, references, max_n)
    if expected == 0.0:
        assert value == 0.0
    else:
        assert value == pytest.approx(expected, rel=1e-12, abs=0.0)


@SETTINGS
@given(edited_case())
def test_sentence_bleu_matches_nltk(case):
    candidate, references, max_n = case
    # NLTK warns and returns ~0 when some p_n is 0 or the candidate is too short.
    assume(len(candidate) >= max_n)
    assume(all(_clipped(candidate, references, n)[0] > 0 for n in range(1, max_n + 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = nltk_sentence_bleu(references, candidate, weights=(1 / max_n,) * max_n)
    value = sentence_bleu(candidate, references, max_n=max_n)
    assert type(value) is float
    assert 0.0 < value <= 1.0
    assert value == pytest.approx(expected, rel=1e-12, abs=0.0)
