"""The wording of the generic mistakes (``grading/generic_mistakes.py``): what, then what next."""

from __future__ import annotations

from renshu.grader.wording.codes import MessageCode as C

MISTAKE_TEXT: dict[C, tuple[str, str]] = {
    C.MISTAKE_EXTRA_ITEMS: (
        "戻り値に余分な要素が {extra} 個あります。{names} の値そのものは正しく計算できています。",
        "The return value has {extra} extra item(s); the values of {names} themselves are right.",
    ),
    C.MISTAKE_EXTRA_ITEMS_NEXT: (
        "契約どおり {names} だけを返してください(`return out, cache` のように逆伝播用の値を"
        "一緒に返しているなら、その分を外します)。",
        "Return only {names}, as the contract says (if you return values kept for the backward "
        "pass, as in `return out, cache`, drop them).",
    ),
    C.MISTAKE_ONE_ITEM_ONLY: (
        "{names} のタプルを返すべきところで、{item} だけを返しています(その値は正しいです)。",
        "Only {item} is returned (and it is right) where the tuple {names} is expected.",
    ),
    C.MISTAKE_ONE_ITEM_ONLY_NEXT: (
        "最後の行を `return {names}` の形にして、すべての要素をこの順に返してください。",
        "End with `return {names}`: every item, in this order.",
    ),
    C.MISTAKE_TUPLE_SWAPPED: (
        "戻り値の {first} と {second} が入れ替わっています。値はどちらも正しいです。",
        "{first} and {second} are returned in each other's place; both values are right.",
    ),
    C.MISTAKE_TUPLE_SWAPPED_NEXT: (
        "`return` の並びを契約の順({first} が先)に直してください。",
        "Put the items of `return` in the contract's order ({first} first).",
    ),
    C.MISTAKE_ARGUMENT_ORDER: (
        "引数 `{first}` と `{second}` を逆の意味で読んでいます。この 2 つを入れ替えると、"
        "あなたの関数と参照実装の結果が一致します(NLTK の `sentence_bleu(references, "
        "hypothesis)` のように、ライブラリによって引数の順序が違うことがあります)。",
        "Your function reads `{first}` and `{second}` the other way round: with the two "
        "exchanged, it and the reference agree (libraries differ here, e.g. NLTK's "
        "`sentence_bleu(references, hypothesis)`).",
    ),
    C.MISTAKE_ARGUMENT_ORDER_NEXT: (
        "関数の先頭で、`{first}` と `{second}` がそれぞれ契約どおりのものとして使われているか"
        "確かめてください(シグネチャの順序は課題文のとおりです)。",
        "At the top of your function, check that `{first}` and `{second}` are each used as "
        "the contract defines them (the signature's order is the task's).",
    ),
    C.MISTAKE_ENTRIES_SWAPPED: (
        "`{argument}` の要素を取り違えています({swap})。その組を入れ替えると、参照実装は"
        "あなたの出力と一致します。",
        "Entries of `{argument}` are mixed up ({swap}): with that pair exchanged the reference "
        "returns exactly your output.",
    ),
    C.MISTAKE_ENTRIES_SWAPPED_NEXT: (
        "各重みとバイアスを、課題文の名前どおりの式で使っているか確認してください。"
        "重みを 1 つに積み重ねてから分割している場合は、分割の順序が契約の順と同じか"
        "確かめます。",
        "Check that each weight and bias is used in the formula its name belongs to. If you "
        "stack the weights and split them again, make the split follow the same order.",
    ),
    C.MISTAKE_MASK_NOT_INDICES: (
        "{item} として真偽値のマスクを返していますが、求められているのはインデックスの列です。"
        "マスクの True の位置は正しいです。",
        "{item} is returned as a boolean mask where a sequence of indices is expected; the "
        "mask's True positions are right.",
    ),
    C.MISTAKE_MASK_NOT_INDICES_NEXT: (
        "契約の順序でインデックスを返してください(マスクからなら `np.flatnonzero(mask)` で"
        "取り出せますが、順序に意味がある場合はその順に集めます)。",
        "Return the indices in the contract's order (`np.flatnonzero(mask)` gives them from a "
        "mask, but where the order matters, collect them in that order).",
    ),
    C.MISTAKE_INDICES_NOT_MASK: (
        "{item} としてインデックスの列を返していますが、求められているのは真偽値のマスクです。"
        "インデックスそのものは正しいです。",
        "{item} is returned as indices where a boolean mask is expected; the indices are right.",
    ),
    C.MISTAKE_INDICES_NOT_MASK_NEXT: (
        "入力と同じ形の `np.zeros(..., dtype=bool)` を作り、その位置を True にして返してください。",
        "Build `np.zeros(..., dtype=bool)` of the contract's shape, set those positions to "
        "True and return it.",
    ),
    C.MISTAKE_TRANSPOSED: (
        "{item} の値は正しいのですが、軸 {axes} が入れ替わっています(転置)。",
        "The values of {item} are right but axes {axes} are swapped (transposed).",
    ),
    C.MISTAKE_TRANSPOSED_NEXT: (
        "行列積の順序(`a @ b` か `b @ a` か)と `.T` の有無を見直して、{item} を契約の形に"
        "してください。",
        "Check the order of the matrix product (`a @ b` or `b @ a`) and any `.T`, so that "
        "{item} has the contract's layout.",
    ),
    C.MISTAKE_RESHAPED: (
        "{item} の値は正しい順に並んでいますが、形が {got} になっています(契約は ({axes}))。",
        "The values of {item} are right and in order, but its shape is {got} where the "
        "contract says ({axes}).",
    ),
    C.MISTAKE_RESHAPED_NEXT: (
        "`reshape(-1)` や `[:, None]`、`np.squeeze` を使っていないか確認し、({axes}) の形の"
        "まま返してください。",
        "Look for `reshape(-1)`, `[:, None]` or `np.squeeze`, and return the ({axes}) shape "
        "itself.",
    ),
    C.MISTAKE_REVERSED: (
        "{item} が軸 {axis} に沿って逆順になっています。値そのものは正しいです。",
        "{item} is reversed along axis {axis}; the values themselves are right.",
    ),
    C.MISTAKE_REVERSED_NEXT: (
        "軸 {axis} のループの向きと、結果を並べる位置(`[::-1]` や `reversed` の有無)を"
        "確かめてください。",
        "Check the direction of your loop over {axis} and where each result is stored (a "
        "stray `[::-1]` or `reversed`).",
    ),
    C.MISTAKE_SHIFTED_LATER: (
        "{item} が軸 {axis} に沿って 1 つ後ろにずれています。位置 t に、本来 t − 1 にあるべき"
        "値が入っています。",
        "{item} is shifted one step later along {axis}: position t holds the value that "
        "belongs at t − 1.",
    ),
    C.MISTAKE_SHIFTED_LATER_NEXT: (
        "各ステップの結果を、状態を更新する前ではなく更新した後に保存しているか確認してください"
        "(初期値を先頭に入れていないかも見ます)。",
        "Check that each step's result is stored after the state is updated, not before (and "
        "that the initial value is not stored first).",
    ),
    C.MISTAKE_SHIFTED_EARLIER: (
        "{item} が軸 {axis} に沿って 1 つ前にずれています。位置 t に、本来 t + 1 にあるべき"
        "値が入っています。",
        "{item} is shifted one step earlier along {axis}: position t holds the value that "
        "belongs at t + 1.",
    ),
    C.MISTAKE_SHIFTED_EARLIER_NEXT: (
        "添字 `t + 1` と `t` の使い分けと、ループの範囲(`range(1, T)` など)を見直してください。",
        "Check where you index `t + 1` instead of `t`, and your loop's range (`range(1, T)`).",
    ),
    C.MISTAKE_CONSTANT_FACTOR: (
        "{item} がすべての要素で正しい値のちょうど {factor} 倍になっています。",
        "{item} is exactly {factor} times the right value, everywhere.",
    ),
    C.MISTAKE_CONSTANT_FACTOR_NEXT: (
        "定数の係数(符号、`* 100` のような百分率、`2` や `0.5`、平均と和の取り違え)を"
        "探してください。式の形は合っています。",
        "Look for a constant: a sign, a `* 100` percentage, a `2` or `0.5`, a mean taken "
        "instead of a sum or the reverse. The formula's shape is right.",
    ),
    C.MISTAKE_WRONG_AXIS: (
        "計算を `{argument}` の別の軸 {axis} に沿って行っています。その軸で計算した参照実装は"
        "あなたの出力と一致します。",
        "The computation runs along another axis of `{argument}`, {axis}: the reference run "
        "along that axis returns exactly your output.",
    ),
    C.MISTAKE_WRONG_AXIS_NEXT: (
        "`sum`、`max`、`mean` などの `axis=` を確かめてください。各行の中で計算するなら"
        "`axis=-1, keepdims=True` です。",
        "Check the `axis=` of every `sum`, `max` or `mean`; within each row it is "
        "`axis=-1, keepdims=True`.",
    ),
    C.MISTAKE_OVER_EVERYTHING: (
        "`{argument}` 全体を 1 つのまとまりとして計算しています(`axis` の指定漏れ)。"
        "バッチの各行ごとに計算するのが契約です。",
        "`{argument}` is treated as one block (a missing `axis`): the contract computes each "
        "row of the batch on its own.",
    ),
    C.MISTAKE_OVER_EVERYTHING_NEXT: (
        "`x.max()` や `x.sum()` のように軸を指定していない集約を探し、"
        "`axis=-1, keepdims=True` を付けてください。",
        "Find reductions without an axis, such as `x.max()` or `x.sum()`, and give them "
        "`axis=-1, keepdims=True`.",
    ),
    C.MISTAKE_FIRST_SLICE_ONLY: (
        "{item} は軸 {axis} の最初の 1 つ(添字 0)だけが正しく、残りが違います。",
        "Only the first slice of {item} along {axis} (index 0) is right; the rest are not.",
    ),
    C.MISTAKE_FIRST_SLICE_ONLY_NEXT: (
        "`x[0]` のように先頭だけを使っている箇所や、1 回で終わるループを探し、{axis} の"
        "すべての要素を処理してください。",
        "Look for an `x[0]` that uses only the first element, or a loop that stops after one "
        "pass, and handle every element along {axis}.",
    ),
}
