"""The wording of every ``MessageCode``, Japanese and English (``{name}`` fields from params)."""

from __future__ import annotations

from renshu.grader.wording.codes import MessageCode as C

DOMAIN_TEXT: dict[C, tuple[str, str]] = {
    # code: (ja, en)
    C.CONTENT: ("{text}", "{text}"),
    C.PASSED: (
        "合格: {n} 個の入力すべてで参照実装と一致しました。",
        "pass: matches the reference on all {n} inputs tried.",
    ),
    C.CALL_TIMEOUT: (
        "時間切れ: 1 回の呼び出しが {limit:g} 秒以内に終わりませんでした(無限ループ?)。{detail}",
        "timeout: a call did not finish within {limit:g} s (an endless loop?): {detail}",
    ),
    C.CHILD_STOPPED: (
        "子プロセスが異常終了しました: {detail}",
        "the submission's process stopped abnormally: it {detail}",
    ),
    C.LOAD_TIMEOUT: (
        "時間切れ: ファイルの読み込みが {limit:g} 秒以内に終わりませんでした"
        "(読み込み時に sleep や input、無限ループをしていませんか?)",
        "timeout: importing the file did not finish within {limit:g} s (does it sleep, "
        "wait for input or loop at import time?)",
    ),
    C.LOAD_STOPPED: (
        "ファイルの読み込み中に子プロセスが異常終了しました: {detail}",
        "the submission's process stopped while the file was imported: it {detail}",
    ),
    C.RAISED: (
        "{place}: 実行中に例外が発生しました: {etype}: {text}",
        "{place}: raised {etype}: {text}",
    ),
    C.RAISED_ON_EDGE: (
        "{raised}\nこの入力は境界のケースです: {about}",
        "{raised}\nThis input is an edge case: {about}",
    ),
    C.RAISED_MEMORY: (
        "{place}: メモリ上限(約 1 GiB)を超えました (MemoryError)",
        "{place}: ran out of memory (limit about 1 GiB): MemoryError",
    ),
    C.MISSING_CALLABLE: (
        "読み込み後に関数 `{function}` が見つかりません(呼び出せるオブジェクトではありません)",
        "after import, `{function}` is missing or not callable",
    ),
    C.IMPORT_EXIT: (
        "{place}: 読み込み時に終了しようとしました ({etype})",
        "{place}: tried to exit while being imported ({etype})",
    ),
    C.IMPORT_MEMORY: (
        "{place}: 読み込み時にメモリ上限(約 1 GiB)を超えました",
        "{place}: ran out of memory while being imported (limit about 1 GiB)",
    ),
    C.IMPORT_RAISED: (
        "{place}: ファイルの読み込み中に例外が発生しました: {etype}: {text}",
        "{place}: raised {etype} while being imported: {text}",
    ),
    C.UNREADABLE: ("採点できません: {detail}", "{detail}"),
    C.TOO_COMPLEX: (
        "{file}: 式の入れ子が深すぎるため、Python がこのファイルを解析できません。"
        "式をいくつかの変数に分けて、入れ子を浅くしてください。",
        "{file}: expressions are nested too deeply for Python to parse the file. "
        "Split them into several variables to make the nesting shallower.",
    ),
    C.SYNTAX_UNPARSABLE: ("{file}: 構文エラー: {detail}", "{file}: syntax error: {detail}"),
    C.SYNTAX: (
        "{file}:{line}:{column}: 構文エラー: {detail}",
        "{file}:{line}:{column}: syntax error: {detail}",
    ),
    C.MISSING_FUNCTION: (
        "関数 `{function}` が定義されていません。このファイルで定義されている関数: {defined}",
        "function `{function}` is not defined. Functions this file defines: {defined}",
    ),
    C.NONE_DEFINED: ("(なし)", "(none)"),
    C.NOT_PLAIN: (
        "`{function}` は {kind} です。値を return する普通の関数(def)にしてください。",
        "`{function}` is {kind}; write a plain function (def) that returns its value.",
    ),
    C.KIND_ASYNC: ("async def", "async def"),
    C.KIND_GENERATOR: ("ジェネレータ(yield を含む)", "a generator (uses yield)"),
    C.SIGNATURE: (
        "`{function}` の引数は {given} 個ですが、課題の契約は {wanted} 個です: {contract}",
        "`{function}` takes {given} argument(s) but the contract has {wanted}: {contract}",
    ),
    C.UNFINISHED: (
        "まだ完成していません: `...` の空欄が {count} か所残っています(行 {lines})。"
        "TODO の箇所を埋めてください。",
        "not finished yet: {count} `...` blank(s) remain (line {lines}). Fill in the TODOs.",
    ),
    C.TUPLE_LENGTH: (
        "{count} 要素のタプル {want} を返すはずが、{got} 要素でした",
        "expected a tuple of {count} {want}, got {got} item(s)",
    ),
    C.WRONG_TYPE: ("{want}を返すはずが、{what} が返されました", "expected {want}, got {what}"),
    C.WANT_TUPLE: ("タプル {names}", "a tuple {names}"),
    C.WANT_FLOAT: ("{name}: float の値", "{name}: a float"),
    C.WANT_ARRAY: ("{name}: NumPy 配列", "{name}: a NumPy array"),
    C.WANT_INT: ("{name}: int の値", "{name}: an int"),
    C.WANT_INTS: (
        "{name}: 整数の列(list か 1 次元の int 配列)",
        "{name}: a sequence of ints (list or 1-D int array)",
    ),
    C.GOT_UNSUPPORTED: ("{type} ({reason})", "{type} ({reason})"),
    C.GOT_ARRAY: ("形 {shape} の配列", "an array of shape {shape}"),
    C.NOT_REAL: (
        "{name}: 実数の配列が必要ですが、dtype {dtype} の配列でした",
        "{name}: expected a real-valued array, got dtype {dtype}",
    ),
    C.INT_VALUE: (
        "{name}: 期待値 {expected} に対して {got}",
        "{name}: expected {expected}, got {got}",
    ),
    C.INTS_LENGTH: (
        "{name}: 期待値 {expected}(長さ {expected_length})に対して {got}(長さ {got_length})",
        "{name}: expected {expected} (length {expected_length}), got {got} (length {got_length})",
    ),
    C.INTS_VALUE: (
        "{name}[{at}]: 期待値 {expected} に対して {got}",
        "{name}[{at}]: expected {expected}, got {got}",
    ),
    C.NOT_FINITE: (
        "{where} が {got} です(有限の数が期待されます)。オーバーフローしていませんか?",
        "{where} is {got} where a finite number is expected: an overflow?",
    ),
    C.VALUE: (
        "{where}: 期待値 {expected:.6g} に対して {got:.6g}(最大誤差 {error:.3g})",
        "{where}: expected {expected:.6g}, got {got:.6g} (largest error {error:.3g})",
    ),
    C.SHAPE: (
        "{what}: 期待される形は {axes} = {sizes} ですが、{got} が返されました",
        "{what}: expected shape {axes} = {sizes}, got {got}",
    ),
    C.SHAPE_GUESSED: ("{shape}({guess})", "{shape} ({guess})"),
    C.GUESS_TRANSPOSED: ("= {labels}: 転置していませんか?", "= {labels}: transposed?"),
    C.GUESS_PERMUTED: (
        "= {labels}: 軸の順序が違いませんか?",
        "= {labels}: axes in the wrong order?",
    ),
    C.GUESS_SQUEEZED: (
        "サイズ 1 の軸 {axis} が消えています: squeeze や [0] で落としていませんか?",
        "the size-1 axis {axis} was squeezed away",
    ),
    C.GUESS_NO_BATCH: (
        "バッチ軸 {axis} がありません: 1 件分だけ計算していませんか?",
        "the batch axis {axis} is missing",
    ),
    C.GUESS_MISSING_AXIS: ("軸 {axis} がありません", "the axis {axis} is missing"),
    C.GUESS_EXTRA_AXIS: (
        "余分なサイズ 1 の軸が位置 {position} にあります",
        "an extra size-1 axis at position {position}",
    ),
    C.GUESS_LABELLED: ("= {labels} ?", "= {labels}?"),
    C.CHOICE_WRONG: ("✗ 誤り: {choice}", "✗ wrong: {choice}"),
    C.CHOICE_WRONG_WHY: ("✗ 誤り: {choice} — {why}", "✗ wrong: {choice} — {why}"),
    C.CHOICE_MISSED: ("○ 見落とし: {choice}", "○ missed: {choice}"),
    C.TRUE: ("正しい", "true"),
    C.FALSE: ("誤り", "false"),
    C.OUT_OF_PLACE: ("{count} 個の位置が違います", "{count} item(s) out of place"),
    C.NUMERIC_EXPECTED: ("{value}(±{tol} 以内なら正解)", "{value} (within ±{tol})"),
    C.BLANK_WRONG: ("{{{{{n}}}}}: 「{given}」→ {answer}", "{{{{{n}}}}}: {given!r} → {answer}"),
}
