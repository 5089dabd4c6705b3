"""Reference corpus BLEU checked against hand-computed values, an independent exact-arithmetic
formulation, and NLTK's ``corpus_bleu`` / ``sentence_bleu``.

The reference is never used to compute an expected value.
"""

import math
import warnings
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nltk.translate.bleu_score import corpus_bleu as nltk_corpus_bleu
from nltk.translate.bleu_score import sentence_bleu as nltk_sentence_bleu

from renshu.reference.bleu import corpus_bleu

SETTINGS = settings(max_examples=200, deadline=None, database=None)

VOCAB = ["the", "cat", "sat", "on", "mat", "a"]
orders = st.integers(min_value=1, max_value=4)


# ---------------------------------------------------------------------------
# Independent formulation: explicit loops and exact Fractions.
# ---------------------------------------------------------------------------


def _grams(seq, n):
    return [tuple(seq[i + k] for k in range(n)) for i in range(len(seq) - n + 1)]


def _clipped(candidate, references, n):
    cand_grams = _grams(candidate, n)
    matches = 0
    for gram in set(cand_grams):
        ceiling = max(_grams(ref, n).count(gram) for ref in references)
        matches += min(cand_grams.count(gram), ceiling)
    return matches, len(cand_grams)


def _closest(c, references):
    best = None
    for r in sorted(len(ref) for ref in references):  # ascending: a tie keeps the shorter
        if best is None or abs(r - c) < abs(best - c):
            best = r
    return best


def _corpus(candidates, references_list, max_n):
    c = sum(len(cand) for cand in candidates)
    if c == 0:
        return 0.0
    product = Fraction(1)
    for n in range(1, max_n + 1):
        matches = total = 0
        for cand, refs in zip(candidates, references_list, strict=True):
            m, t = _clipped(cand, refs, n)
            matches, total = matches + m, total + t
        if matches == 0:
            return 0.0
        product *= Fraction(matches, total)
    r = sum(
        _closest(len(cand), refs) for cand, refs in zip(candidates, references_list, strict=True)
    )
    bp = 1.0 if c >= r else math.exp(1.0 - r / c)
    return bp * float(product) ** (1.0 / max_n)


def _check(value, expected):
    assert type(value) is float
    assert 0.0 <= value <= 1.0
    assert value == pytest.approx(expected, rel=1e-12, abs=0.0)


# ---------------------------------------------------------------------------
# Hand-computed cases
# ---------------------------------------------------------------------------


def test_corpus_bleu_pools_counts_and_lengths():
    cands = [["the", "cat", "sat", "on", "the", "mat"], ["a", "dog", "ran"]]
    refs = [[["the", "cat", "sat", "on", "the", "mat"]], [["the", "dog", "ran", "home"]]]
    # Sentence 1 is an exact copy: unigrams 6/6, bigrams 5/5, c1 = r1 = 6.
    # Sentence 2: unigrams a x, dog ok, ran ok -> 2/3; bigrams (a dog) x, (dog ran) ok -> 1/2;
    #   c2 = 3, r2 = 4.
    # Pooled: p1 = 8/9, p2 = 6/7, c = 9, r = 10, BP = exp(1 - 10/9) = exp(-1/9).
    # BLEU = exp(-1/9) * sqrt(8/9 * 6/7) = exp(-1/9) * sqrt(48/63) = 0.78107979...
    _check(corpus_bleu(cands, refs, max_n=2), math.exp(-1 / 9) * math.sqrt(48 / 63))
    # Not the mean of the sentence scores: (1 + exp(1 - 4/3) * sqrt(1/3)) / 2 = 0.70684...
    assert abs(corpus_bleu(cands, refs, max_n=2) - 0.7068447725212863) > 0.05


def test_corpus_bleu_is_positive_when_one_sentence_scores_zero():
    # Sentence 2, "dog a" vs "a dog": unigrams 2/2 but its one bigram (dog a) misses, so its
    # own sentence BLEU is 0. Pooled: p1 = (4 + 2) / 6 = 1, p2 = (3 + 0) / (3 + 1) = 3/4,
    # c = r = 6, BLEU = sqrt(1 * 3/4) = 0.8660254...
    cands = [["the", "cat", "sat", "on"], ["dog", "a"]]
    refs = [[["the", "cat", "sat", "on"]], [["a", "dog"]]]
    _check(corpus_bleu(cands, refs, max_n=2), math.sqrt(0.75))


def test_corpus_bleu_short_candidate_adds_nothing_to_higher_orders():
    # "cat" (1 token) with max_n = 4 adds 1 to T_1 and nothing to T_2..T_4 (NLTK would add 1
    # to each denominator). Sentence 1 is an exact 6-token copy: p1 = 7/7, p2 = 5/5, p3 = 4/4,
    # p4 = 3/3. c = 6 + 1 = 7, r = 6 + 2 = 8: BLEU = exp(1 - 8/7) = exp(-1/7) = 0.86687...
    cands = [["the", "big", "red", "dog", "ran", "home"], ["cat"]]
    refs = [[["the", "big", "red", "dog", "ran", "home"]], [["a", "cat"]]]
    _check(corpus_bleu(cands, refs), math.exp(-1 / 7))


def test_corpus_bleu_closest_reference_and_clipping():
    # "the" x5 vs references of lengths 6 and 2: "the" is clipped to max(2, 1) = 2, p1 = 2/5.
    # c = 5: |6 - 5| = 1 < |2 - 5| = 3, so r = 6, BP = exp(1 - 6/5) = exp(-0.2).
    # BLEU = 0.4 * exp(-0.2) = 0.32749230...
    cands = [["the"] * 5]
    refs = [[["the", "cat", "sat", "on", "the", "mat"], ["a", "the"]]]
    _check(corpus_bleu(cands, refs, max_n=1), 0.4 * math.exp(-0.2))


def test_corpus_bleu_reference_length_tie_goes_to_shorter():
    # Sentence 1: c1 = 5, reference lengths 4 and 6 tie -> r1 = 4. Sentence 2: exact copy,
    # c2 = r2 = 2. c = 7 >= r = 6, BP = 1.
    # Unigrams: 5/5 + 2/2 = 7/7. Bigrams: (the cat) (cat sat) (sat on) are in reference 2,
    # (on mat) is in neither -> 3/4; (a dog) 1/1 -> 4/5. BLEU = sqrt(4/5) = 0.894427...
    cands = [["the", "cat", "sat", "on", "mat"], ["a", "dog"]]
    refs = [[["the", "cat", "sat", "on"], ["the", "cat", "sat", "on", "a", "mat"]], [["a", "dog"]]]
    _check(corpus_bleu(cands, refs, max_n=2), math.sqrt(0.8))


def test_corpus_bleu_single_exact_sentence_is_one():
    sent = "the cat sat on the mat".split()
    _check(corpus_bleu([sent], [[sent]]), 1.0)


@pytest.mark.parametrize("max_n", [1, 2, 3, 4])
def test_corpus_bleu_all_candidates_empty_is_zero(max_n):
    value = corpus_bleu([[], []], [[["the", "cat"]], [["a"]]], max_n=max_n)
    assert type(value) is float
    assert value == 0.0


def test_corpus_bleu_zero_cases():
    # No unigram match anywhere.
    assert corpus_bleu([["x", "y"], ["z"]], [[["a", "b"]], [["c"]]], max_n=1) == 0.0
    # Unigrams match, but no bigram in the whole corpus does: M_2 = 0.
    value = corpus_bleu([["b", "a"], ["d", "c"]], [[["a", "b"]], [["c", "d"]]], max_n=2)
    assert type(value) is float
    assert value == 0.0
    # Every candidate shorter than max_n: T_3 = 0, so M_3 = 0 -> 0.0.
    assert corpus_bleu([["a", "b"], ["c"]], [[["a", "b"]], [["c"]]], max_n=3) == 0.0


# ---------------------------------------------------------------------------
# Random corpora
# ---------------------------------------------------------------------------


@st.composite
def corpora(draw, min_len=0):
    """Up to 4 sentences; each candidate is an edited copy of one of its 1..3 references."""
    size = draw(st.integers(1, 4))
    candidates, references_list = [], []
    for _ in range(size):
        refs = draw(
            st.lists(
                st.lists(st.sampled_from(VOCAB), min_size=1, max_size=9), min_size=1, max_size=3
            )
        )
        cand = list(refs[draw(st.integers(0, len(refs) - 1))])
        for _ in range(draw(st.integers(0, 3))):
            i = draw(st.integers(0, len(cand)))
            op = draw(st.sampled_from(["sub", "del", "ins"]))
            if op == "ins" or i == len(cand):
                cand.insert(i, draw(st.sampled_from(VOCAB)))
            elif op == "sub":
                cand[i] = draw(st.sampled_from(VOCAB))
            else:
                del cand[i]
        while len(cand) < min_len:
            cand.append(draw(st.sampled_from(VOCAB)))
        candidates.append(cand)
        references_list.append(refs)
    return candidates, references_list


@SETTINGS
@given(corpora(), orders)
def test_corpus_bleu_matches_independent_formula(corpus, max_n):
    candidates, references_list = corpus
    value = corpus_bleu(candidates, references_list, max_n=max_n)
    assert type(value) is float
    expected = _corpus(candidates, references_list, max_n)
    if expected == 0.0:
        assert value == 0.0
    else:
        assert value == pytest.approx(expected, rel=1e-12, abs=0.0)


@SETTINGS
@given(corpora(min_len=4), orders)
def test_corpus_bleu_matches_nltk(corpus, max_n):
    candidates, references_list = corpus
    # NLTK gives a sentence with no n-gram of some order a denominator of 1 (min_len = 4 avoids
    # that) and returns a tiny positive number instead of 0 when some M_n is 0.
    assume(
        all(
            sum(_clipped(c, r, n)[0] for c, r in zip(candidates, references_list, strict=True)) > 0
            for n in range(1, max_n + 1)
        )
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = nltk_corpus_bleu(references_list, candidates, weights=(1 / max_n,) * max_n)
    value = corpus_bleu(candidates, references_list, max_n=max_n)
    assert type(value) is float
    assert value == pytest.approx(expected, rel=1e-12, abs=0.0)


@SETTINGS
@given(corpora(min_len=4), orders)
def test_corpus_of_one_sentence_is_nltk_sentence_bleu(corpus, max_n):
    candidates, references_list = corpus
    cand, refs = candidates[0], references_list[0]
    assume(all(_clipped(cand, refs, n)[0] > 0 for n in range(1, max_n + 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = nltk_sentence_bleu(refs, cand, weights=(1 / max_n,) * max_n)
    assert corpus_bleu([cand], [refs], max_n=max_n) == pytest.approx(expected, rel=1e-12, abs=0.0)
