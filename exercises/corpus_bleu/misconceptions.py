"""Known-wrong corpus BLEU scores, one per misconception in exercise.yaml (trusted).

Each function keeps the contract's zero cases where it can and changes one part of
how the corpus is pooled.
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


def _closest(c, references):
    return min((len(ref) for ref in references), key=lambda r: (abs(r - c), r))


def _shortest(c, references):
    return min(len(ref) for ref in references)


def _bp(c, r):
    return math.exp(min(0.0, 1.0 - r / c)) if c > 0 else 0.0


def _pooled(candidates, references_list, max_n, precision=_clipped, ref_len=_closest):
    """Correct corpus pooling, with a replaceable precision and reference length."""
    pairs = list(zip(candidates, references_list, strict=True))
    c = sum(len(cand) for cand, _ in pairs)
    if c == 0:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        counts = [precision(cand, refs, n) for cand, refs in pairs]
        matches = sum(m for m, _ in counts)
        if matches == 0:
            return 0.0
        log_sum += math.log(matches / sum(t for _, t in counts)) / max_n
    r = sum(ref_len(len(cand), refs) for cand, refs in pairs)
    return float(_bp(c, r) * math.exp(log_sum))


def _sentence_bleu(candidate, references, max_n):
    c = len(candidate)
    if c == 0 or c < max_n:
        return 0.0
    return _pooled([candidate], [references], max_n)


def mean_of_sentence_bleu(candidates, references_list, max_n=4):
    scores = [
        _sentence_bleu(cand, refs, max_n)
        for cand, refs in zip(candidates, references_list, strict=True)
    ]
    return float(sum(scores) / len(scores))


def per_sentence_brevity_penalty(candidates, references_list, max_n=4):
    pairs = list(zip(candidates, references_list, strict=True))
    c = sum(len(cand) for cand, _ in pairs)
    if c == 0:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        counts = [_clipped(cand, refs, n) for cand, refs in pairs]
        matches = sum(m for m, _ in counts)
        if matches == 0:
            return 0.0
        log_sum += math.log(matches / sum(t for _, t in counts)) / max_n
    bps = [_bp(len(cand), _closest(len(cand), refs)) for cand, refs in pairs]
    return float(sum(bps) / len(bps) * math.exp(log_sum))


def mean_of_precisions(candidates, references_list, max_n=4):
    pairs = list(zip(candidates, references_list, strict=True))
    c = sum(len(cand) for cand, _ in pairs)
    if c == 0:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        ratios = [m / t for m, t in (_clipped(cand, refs, n) for cand, refs in pairs) if t > 0]
        p_n = sum(ratios) / len(ratios) if ratios else 0.0
        if p_n == 0:
            return 0.0
        log_sum += math.log(p_n) / max_n
    r = sum(_closest(len(cand), refs) for cand, refs in pairs)
    return float(_bp(c, r) * math.exp(log_sum))


def bp_shortest_reference(candidates, references_list, max_n=4):
    return _pooled(candidates, references_list, max_n, ref_len=_shortest)


def no_clipping(candidates, references_list, max_n=4):
    return _pooled(candidates, references_list, max_n, precision=_unclipped)


def zero_precisions_skipped(candidates, references_list, max_n=4):
    # NLTK 3.2.2-3.2.4 corpus_bleu: `if p_numerators[1] == 0: return 0`, then
    # SmoothingFunction().method0 stops at the first order with no match and drops it
    # and every higher order, so the geometric mean runs over the remaining p_n.
    pairs = list(zip(candidates, references_list, strict=True))
    c = sum(len(cand) for cand, _ in pairs)
    numerators, denominators = [], []
    for n in range(1, max_n + 1):
        counts = [_clipped(cand, refs, n) for cand, refs in pairs]
        numerators.append(sum(m for m, _ in counts))
        denominators.append(sum(t for _, t in counts))
    if c == 0 or numerators[0] == 0:
        return 0.0
    kept = []
    for m, t in zip(numerators, denominators, strict=True):
        if m == 0:
            break
        kept.append(m / t)
    s = math.fsum(math.log(p) / max_n for p in kept)
    r = sum(_closest(len(cand), refs) for cand, refs in pairs)
    return float(_bp(c, r) * math.exp(s))


def short_candidate_counts_one(candidates, references_list, max_n=4):
    # NLTK's modified_precision: `denominator = max(1, sum(counts.values()))`, and
    # corpus_bleu adds each sentence's denominator, so a candidate with no n-gram of
    # order n still adds 1 to T_n.
    def at_least_one(candidate, references, n):
        matches, total = _clipped(candidate, references, n)
        return matches, max(1, total)

    return _pooled(candidates, references_list, max_n, precision=at_least_one)


def tie_first_reference(candidates, references_list, max_n=4):
    # The closest reference found with `diffs.index(min(diffs))` (open-mmlab/mmeval#66) or
    # min(..., key=abs distance) without a tie-break: on a tie the first listed wins.
    def first_closest(c, references):
        diffs = [abs(len(ref) - c) for ref in references]
        return len(references[diffs.index(min(diffs))])

    return _pooled(candidates, references_list, max_n, ref_len=first_closest)
