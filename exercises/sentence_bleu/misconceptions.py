"""Known-wrong sentence BLEU scores, one per misconception in exercise.yaml (trusted).

Each function keeps the contract's zero cases and changes one part of the formula.
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
