"""Sentence and corpus BLEU (Papineni et al., 2002) and their building blocks, without smoothing."""

import math
from collections import Counter


def ngram_counts(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    """Count the n-grams (tuples of ``n`` consecutive tokens) of a token list."""
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def modified_precision(
    candidate: list[str], references: list[list[str]], n: int
) -> tuple[int, int]:
    """Clipped n-gram matches and the number of candidate n-grams, as ``(matches, total)``.

    Each candidate n-gram's count is clipped to its largest count in any one
    reference.
    """
    cand = ngram_counts(candidate, n)
    max_ref: Counter[tuple[str, ...]] = Counter()
    for ref in references:
        for gram, count in ngram_counts(ref, n).items():
            max_ref[gram] = max(max_ref[gram], count)
    matches = sum(min(count, max_ref[gram]) for gram, count in cand.items())
    total = sum(cand.values())
    return matches, total


def closest_ref_length(candidate_len: int, references: list[list[str]]) -> int:
    """The reference length closest to the candidate's; on a tie, the shorter."""
    # ``length``, not ``r``: the divergence tracer records ``r`` (corpus BLEU's summed
    # reference length) in every frame of this module, the lambda's included.
    return min(
        (len(ref) for ref in references),
        key=lambda length: (abs(length - candidate_len), length),
    )


def brevity_penalty(candidate_len: int, ref_len: int) -> float:
    """``BP = exp(min(0, 1 - r / c))``; 0.0 for an empty candidate."""
    if candidate_len == 0:
        return 0.0
    return math.exp(min(0.0, 1.0 - ref_len / candidate_len))


def sentence_bleu(candidate: list[str], references: list[list[str]], max_n: int = 4) -> float:
    """Sentence BLEU with uniform weights ``1/max_n`` and no smoothing, a float in [0, 1].

    0.0 when the candidate is empty, shorter than ``max_n`` tokens, or has no
    clipped match at some order.
    """
    c = len(candidate)
    if c == 0 or c < max_n:
        return 0.0
    # Named intermediates (exercise.yaml ``intermediates``) for the divergence report:
    # ``matches`` and ``total`` are bound once per order inside modified_precision (``m``,
    # ``t`` here, so that they are not recorded twice), then ``p_n``, ``r``, ``bp``, ``bleu``.
    log_sum = 0.0
    for n in range(1, max_n + 1):
        m, t = modified_precision(candidate, references, n)
        if m == 0:
            return 0.0
        p_n = m / t
        log_sum += math.log(p_n) / max_n
    r = closest_ref_length(c, references)
    bp = brevity_penalty(c, r)
    bleu = bp * math.exp(log_sum)
    return float(bleu)


def corpus_bleu(
    candidates: list[list[str]], references_list: list[list[list[str]]], max_n: int = 4
) -> float:
    """Corpus BLEU with uniform weights ``1/max_n`` and no smoothing, a float in [0, 1].

    ``candidates[i]`` is scored against ``references_list[i]``. Clipped matches,
    candidate n-gram counts, candidate lengths ``c`` and closest reference lengths
    ``r`` are summed over the corpus before the precisions and the brevity penalty
    are formed. 0.0 when ``c == 0`` or some order has no candidate n-gram or no
    clipped match in the whole corpus.
    """
    c = sum(len(cand) for cand in candidates)
    r = sum(
        closest_ref_length(len(cand), refs)
        for cand, refs in zip(candidates, references_list, strict=True)
    )
    if c == 0:
        return 0.0
    # Named intermediates (exercise.yaml ``intermediates``) for the divergence report, each
    # bound once per order: the corpus sums ``corpus_matches`` and ``corpus_total`` (not
    # ``matches``/``total``, modified_precision's per-sentence locals), ``p_n``, then ``bp``, ``bleu``.
    log_sum = 0.0
    for n in range(1, max_n + 1):
        counts = [
            modified_precision(cand, refs, n)
            for cand, refs in zip(candidates, references_list, strict=True)
        ]
        corpus_matches = sum(m for m, _ in counts)
        corpus_total = sum(t for _, t in counts)
        if corpus_matches == 0:
            return 0.0
        p_n = corpus_matches / corpus_total
        log_sum += math.log(p_n) / max_n
    bp = brevity_penalty(c, r)
    bleu = bp * math.exp(log_sum)
    return float(bleu)
