"""Shape mismatches explained with the contract's axis names.

"expected (B, H) = (3, 2), got (2, 3) = (H, B): transposed?" — recognising a
permutation of the expected axes, a missing batch axis, a squeezed size-1
axis and an extra size-1 axis.
"""

from __future__ import annotations

from itertools import permutations

from renshu.grader.exercises.shapes import eval_dim
from renshu.grader.text import Bilingual


def _fmt(items: list[str] | tuple[int, ...]) -> str:
    inner = ", ".join(str(i) for i in items)
    return f"({inner},)" if len(items) == 1 else f"({inner})"


def describe_shape_mismatch(
    axes: list[str | int], dims: dict[str, int], got: tuple[int, ...], what: str
) -> Bilingual:
    """A sentence naming the expected axes and what the got shape most likely is."""
    names = [str(a).replace(" ", "") for a in axes]
    sizes = tuple(eval_dim(a, dims) for a in axes)
    head_en = f"{what}: expected shape {_fmt(names)} = {_fmt(sizes)}, got {_fmt(got)}"
    head_ja = (
        f"{what}: 期待される形は {_fmt(names)} = {_fmt(sizes)} ですが、{_fmt(got)} が返されました"
    )
    guess = _guess(names, sizes, got)
    if guess is None:
        return Bilingual(ja=head_ja, en=head_en)
    ja, en = guess
    return Bilingual(ja=f"{head_ja}({ja})", en=f"{head_en} ({en})")


def _guess(
    names: list[str], sizes: tuple[int, ...], got: tuple[int, ...]
) -> tuple[str, str] | None:
    if len(got) == len(sizes) and sorted(got) == sorted(sizes):
        for order in permutations(range(len(sizes))):
            if order != tuple(range(len(sizes))) and tuple(sizes[i] for i in order) == got:
                labels = _fmt([names[i] for i in order])
                hint_en = "transposed?" if len(sizes) == 2 else "axes in the wrong order?"
                hint_ja = "転置していませんか?" if len(sizes) == 2 else "軸の順序が違いませんか?"
                return f"= {labels}: {hint_ja}", f"= {labels}: {hint_en}"
    if len(got) == len(sizes) - 1:
        for i in range(len(sizes)):
            if sizes[:i] + sizes[i + 1 :] == got:
                axis = names[i]
                if sizes[i] == 1:
                    return (
                        f"サイズ 1 の軸 {axis} が消えています: squeeze や [0] で落としていませんか?",
                        f"the size-1 axis {axis} was squeezed away",
                    )
                if i == 0:
                    return (
                        f"バッチ軸 {axis} がありません: 1 件分だけ計算していませんか?",
                        f"the batch axis {axis} is missing",
                    )
                return f"軸 {axis} がありません", f"the axis {axis} is missing"
    if len(got) == len(sizes) + 1:
        for i in range(len(got)):
            if got[i] == 1 and got[:i] + got[i + 1 :] == sizes:
                return (
                    f"余分なサイズ 1 の軸が位置 {i} にあります",
                    f"an extra size-1 axis at position {i}",
                )
    labelled = []
    for size in got:
        matching = [n for n, s in zip(names, sizes, strict=True) if s == size]
        labelled.append("/".join(dict.fromkeys(matching)) if matching else "?")
    if any(label != "?" for label in labelled):
        text = _fmt(labelled)
        return f"= {text} ?", f"= {text}?"
    return None
