"""Shape mismatches explained with the contract's axis names.

"expected (B, H) = (3, 2), got (2, 3) = (H, B): transposed?" — recognising a
permutation of the expected axes, a missing batch axis, a squeezed size-1
axis and an extra size-1 axis.
"""

from __future__ import annotations

from itertools import permutations

from renshu.grader.exercises.shapes import eval_dim
from renshu.grader.wording import Message, msg
from renshu.grader.wording import MessageCode as C


def _fmt(items: list[str] | tuple[int, ...]) -> str:
    inner = ", ".join(str(i) for i in items)
    return f"({inner},)" if len(items) == 1 else f"({inner})"


def describe_shape_mismatch(
    axes: list[str | int], dims: dict[str, int], got: tuple[int, ...], what: str
) -> Message:
    """A sentence naming the expected axes and what the got shape most likely is."""
    names = [str(a).replace(" ", "") for a in axes]
    sizes = tuple(eval_dim(a, dims) for a in axes)
    head = msg(C.SHAPE, what=what, axes=_fmt(names), sizes=_fmt(sizes), got=_fmt(got))
    guess = _guess(names, sizes, got)
    return head if guess is None else msg(C.SHAPE_GUESSED, shape=head, guess=guess)


def _guess(names: list[str], sizes: tuple[int, ...], got: tuple[int, ...]) -> Message | None:
    if len(got) == len(sizes) and sorted(got) == sorted(sizes):
        for order in permutations(range(len(sizes))):
            if order != tuple(range(len(sizes))) and tuple(sizes[i] for i in order) == got:
                labels = _fmt([names[i] for i in order])
                code = C.GUESS_TRANSPOSED if len(sizes) == 2 else C.GUESS_PERMUTED
                return msg(code, labels=labels)
    if len(got) == len(sizes) - 1:
        for i in range(len(sizes)):
            if sizes[:i] + sizes[i + 1 :] == got:
                axis = names[i]
                if sizes[i] == 1:
                    return msg(C.GUESS_SQUEEZED, axis=axis)
                if i == 0:
                    return msg(C.GUESS_NO_BATCH, axis=axis)
                return msg(C.GUESS_MISSING_AXIS, axis=axis)
    if len(got) == len(sizes) + 1:
        for i in range(len(got)):
            if got[i] == 1 and got[:i] + got[i + 1 :] == sizes:
                return msg(C.GUESS_EXTRA_AXIS, position=i)
    labelled = []
    for size in got:
        matching = [n for n, s in zip(names, sizes, strict=True) if s == size]
        labelled.append("/".join(dict.fromkeys(matching)) if matching else "?")
    if any(label != "?" for label in labelled):
        return msg(C.GUESS_LABELLED, labels=_fmt(labelled))
    return None
