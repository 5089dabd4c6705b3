# exercise: sentence_bleu
"""Sentence BLEU without smoothing.  Fill in every `...` marked TODO, then run

    renshu watch sentence_bleu.py
"""

import math
from collections import Counter


def ngram_counts(tokens, n):
    """Counter of the n-grams (tuples of n consecutive tokens) of a token list."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def modified_precision(candidate, references, n):
    """(clipped matches, number of candidate n-grams) for order n."""
    cand = ngram_counts(candidate, n)
    max_ref = Counter()
    for ref in references:
        for gram, count in ngram_counts(ref, n).items():
            max_ref[gram] = ...  # TODO: the largest count of gram in any one reference
    matches = ...  # TODO: candidate counts clipped to max_ref, summed
    return matches, sum(cand.values())


def closest_ref_length(c, references):
    """The reference length closest to c; on a tie, the shorter."""
    return ...  # TODO


def brevity_penalty(c, r):
    """BP = exp(min(0, 1 - r / c)) for c > 0."""
    return ...  # TODO


def sentence_bleu(candidate, references, max_n=4):
    """Sentence BLEU with weights 1/max_n and no smoothing.

    candidate: list of str; references: non-empty list of lists of str; max_n: 1..4
    returns a float in [0, 1]; 0.0 if the candidate is empty, shorter than max_n
    tokens, or some p_n is 0
    """
    c = len(candidate)
    if c == 0 or c < max_n:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        matches, total = modified_precision(candidate, references, n)
        if matches == 0:
            return 0.0
        log_sum += ...  # TODO: this order's share of the weighted geometric mean (in log space)
    bp = brevity_penalty(c, closest_ref_length(c, references))
    return float(bp * math.exp(log_sum))
