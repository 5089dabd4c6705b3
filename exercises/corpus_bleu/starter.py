# exercise: corpus_bleu
"""Corpus BLEU without smoothing.  Fill in every `...` marked TODO, then run

    renshu watch corpus_bleu.py
"""

import math
from collections import Counter


def ngram_counts(tokens, n):
    """Counter of the n-grams (tuples of n consecutive tokens) of a token list."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def modified_precision(candidate, references, n):
    """(clipped matches, number of candidate n-grams) for one sentence and order n."""
    cand = ngram_counts(candidate, n)
    max_ref = Counter()
    for ref in references:
        for gram, count in ngram_counts(ref, n).items():
            max_ref[gram] = max(max_ref[gram], count)
    matches = sum(min(count, max_ref[gram]) for gram, count in cand.items())
    return matches, sum(cand.values())


def closest_ref_length(c, references):
    """The reference length closest to c; on a tie, the shorter."""
    return min((len(ref) for ref in references), key=lambda r: (abs(r - c), r))


def corpus_bleu(candidates, references_list, max_n=4):
    """Corpus BLEU with weights 1/max_n and no smoothing.

    candidates: list of token lists; references_list[i]: the non-empty list of
    references (token lists) of candidates[i]; max_n: 1..4
    returns a float in [0, 1]; 0.0 if the candidates are all empty, or some order
    n <= max_n has no clipped match in the whole corpus
    """
    c = ...  # TODO: total candidate length over the corpus
    r = ...  # TODO: total of each sentence's closest reference length
    if c == 0:
        return 0.0
    log_sum = 0.0
    for n in range(1, max_n + 1):
        matches, total = 0, 0
        for candidate, references in zip(candidates, references_list):
            ...  # TODO: add this sentence's clipped matches and n-gram count
        if matches == 0:
            return 0.0
        log_sum += math.log(matches / total) / max_n
    bp = ...  # TODO: one brevity penalty from the corpus totals c and r
    return float(bp * math.exp(log_sum))
