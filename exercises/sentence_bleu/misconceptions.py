"""Known-wrong sentence BLEU scores, one per misconception in exercise.yaml (trusted).

Each function changes one part of the formula; all but `zero_precisions_skipped` keep
the contract's zero cases.
"""

import math
from collections import Counter


def _ngrams(tokens, n):
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _clipped(candidate, references, n):
    cand = _ngrams(candidate, n)
    max_ref = Counter()
    for ref in references:
        max_ref |= _ngrams(ref, n)
    return sum(min(count, max_ref[gram]) for gram, count in cand.items()), sum(cand.values())


def _unclipped(candidate, references, n):
    cand = _ngrams(candidate, n)
    seen = set()
    for ref in references:
        seen |= set(_ngrams(ref, n))
    return sum(count for gram, count in cand.items() if gram in seen), sum(cand.values())


def _clipped_to_sum(candidate, references, n):
    cand = _ngrams(candidate, n)
    summed = Counter()
    for ref in references:
        summed.update(_ngrams(ref, n))
    return sum(min(count, summed[gram]) for gram, count in cand.items()), sum(cand.values())


def _closest(c, references):
    return min((len(ref) for ref in references), key=lambda r: (abs(r - c), r))


def _bp(c, r):
    return math.exp(min(0.0, 1.0 - r / c))


def _bleu(candidate, references, max_n, precision=_clipped, ref_len=_closest, bp=_bp, mean="geo"):
    c = len(candidate)
    if c == 0 or c < max_n:
        return 0.0
    ps = []
    for n in range(1, max_n + 1):
        matches, total = precision(candidate, references, n)
        if matches == 0:
            return 0.0
        ps.append(matches / total)
    if mean == "geo":
        combined = math.exp(sum(math.log(p) / max_n for p in ps))
    else:
        combined = sum(ps) / max_n
    return float(bp(c, ref_len(c, references)) * combined)


def no_clipping(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, precision=_unclipped)


def clip_to_summed_references(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, precision=_clipped_to_sum)


def bp_shortest_reference(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, ref_len=lambda c, refs: min(len(r) for r in refs))


def bp_longest_reference(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, ref_len=lambda c, refs: max(len(r) for r in refs))


def tie_longer_reference(candidate, references, max_n=4):
    def longer_on_tie(c, refs):
        return min((len(ref) for ref in refs), key=lambda r: (abs(r - c), -r))

    return _bleu(candidate, references, max_n, ref_len=longer_on_tie)


def arithmetic_mean(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, mean="arith")


def bp_without_min(candidate, references, max_n=4):
    return _bleu(candidate, references, max_n, bp=lambda c, r: math.exp(1.0 - r / c))


def bp_ratio_inverted(candidate, references, max_n=4):
    def inverted(c, r):
        return math.exp(min(0.0, 1.0 - c / r)) if r > 0 else 1.0

    return _bleu(candidate, references, max_n, bp=inverted)


def zero_precisions_skipped(candidate, references, max_n=4):
    # NLTK 3.0-3.2.4 (nltk/nltk#775, #1545, #1554): orders with no clipped match are
    # filtered out before the log, so the mean runs over the non-zero p_n only; only
    # "no unigram match at all" gives 0. A candidate shorter than max_n is not 0 either.
    c = len(candidate)
    if c == 0:
        return 0.0
    ps = []
    for n in range(1, max_n + 1):
        matches, total = _clipped(candidate, references, n)
        ps.append(matches / total if total else 0.0)
    nonzero = [p for p in ps if p]
    if not nonzero:
        return 0.0
    s = math.fsum(math.log(p) / max_n for p in nonzero)
    return float(_bp(c, _closest(c, references)) * math.exp(s))


def length_difference_as_r(candidate, references, max_n=4):
    # nltk.align.bleu_score._brevity_penalty before March 2015 (nltk/nltk#922):
    # r = min(abs(len(r) - c) for r in references), a length difference, not a length.
    def bp_from_difference(c, r):
        return 1.0 if c > r else math.exp(1.0 - r / c)

    def smallest_difference(c, refs):
        return min(abs(len(ref) - c) for ref in refs)

    return _bleu(candidate, references, max_n, ref_len=smallest_difference, bp=bp_from_difference)


def tie_first_reference(candidate, references, max_n=4):
    # min(..., key=lambda ref: abs(len(ref) - c)) with no tie-break: the first of two
    # equally close references wins, whatever its length (NLTK for a day in 2015, mmeval).
    def first_closest(c, refs):
        return len(min(refs, key=lambda ref: abs(len(ref) - c)))

    return _bleu(candidate, references, max_n, ref_len=first_closest)
