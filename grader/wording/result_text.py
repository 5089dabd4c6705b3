"""The words around a grading result (verdict, labels, notes): ``result.*`` keys."""

from __future__ import annotations

RESULT_TEXT: dict[str, tuple[str, str]] = {
    # key: (ja, en)
    "result.pass": ("合格", "PASS"),
    "result.fail": ("不合格", "FAIL"),
    "result.error": ("エラー", "ERROR"),
    "result.tried": ("試した入力 {n} 個", "{n} inputs tried"),
    "result.seed": ("シード {seed}", "seed {seed}"),
    "result.duration": ("{s:.2f} 秒", "{s:.2f} s"),
    "result.isolation": ("隔離: {label}", "isolation: {label}"),
    "result.weak_isolation": (
        "注意: この隔離は弱いものです。他人のファイルを採点するには bubblewrap を"
        "入れてください (sudo apt install bubblewrap、詳しくは renshu doctor)。",
        "warning: this isolation is weaker; untrusted files need bubblewrap "
        "(sudo apt install bubblewrap; see renshu doctor).",
    ),
    "result.input": ("最小の失敗入力", "Minimal failing input"),
    "result.input_stopped": ("停止したときの入力", "The input it stopped on"),
    "result.expected_got": ("期待値とあなたの値", "Expected vs got"),
    "result.expected": ("期待値", "expected"),
    "result.got": ("あなたの値", "got"),
    "result.got_whole": ("返された値", "returned"),
    "result.raised": ("— (例外が発生しました)", "— (the call raised an exception)"),
    "result.stopped": ("— (プロセスが停止しました)", "— (the process stopped)"),
    "result.largest": ("最大誤差 {v} (位置 {where})", "Largest error {v} at {where}"),
    "result.largest_nowhere": ("最大誤差 {v}", "Largest error {v}"),
    "result.misconception": ("よくある誤り", "Misconception"),
    "result.convention": ("別の流儀", "Another convention"),
    "result.divergence": ("どこで食い違ったか", "Where it diverged"),
    "result.diverged": (
        "`{name}` が {where} で違います: 期待値 {formula}{expected} に対して {got}",
        "`{name}` differs at {where}: expected {formula}{expected}, got {got}",
    ),
    "result.diverged_yours": ("(あなたのコードの `{learner}`)", " (your `{learner}`)"),
    "result.diverged_matched": ("{matched} は一致しています。", "{matched} match; "),
    "result.diverged_end": ("。", "."),
    "result.diverged_other_input": (
        "最小の失敗入力には現れないため、値は別の失敗入力のものです。",
        " The values are from another failing input: the minimal one does not show it.",
    ),
    "result.nothing_matched": (
        "あなたのコードの途中の値は、参照実装のどの中間値とも一致しませんでした"
        "(変数名は関係なく、形と値で照合しています)。",
        "None of your code's intermediate values matched any of the reference's (names do "
        "not matter: values are matched by shape and value).",
    ),
    "result.hint": ("ヒント", "Hint"),
    "result.stdout": ("あなたのコードの出力 (stdout)", "What your code printed (stdout)"),
    "result.stderr": ("エラー出力 (stderr)", "Error output (stderr)"),
    "result.earlier_lines": ("…(先頭 {n} 行を省略)", "… ({n} earlier lines not shown)"),
    # the reason a grading ended as it did (the JSON keeps the stable code)
    "result.reason.passed": ("合格", "passed"),
    "result.reason.mismatch": ("値の不一致", "mismatch"),
    "result.reason.unfinished": ("未完成", "unfinished"),
    "result.reason.bad_return": ("戻り値の型・構造の誤り", "bad return value"),
    "result.reason.syntax": ("構文エラー", "syntax error"),
    "result.reason.too_complex": ("入れ子が深すぎる", "nested too deeply"),
    "result.reason.missing_function": ("関数がない", "missing function"),
    "result.reason.not_a_function": ("関数ではない", "not a function"),
    "result.reason.signature": ("引数の並びが違う", "wrong signature"),
    "result.reason.import_error": ("読み込み時のエラー", "import error"),
    "result.reason.exception": ("例外", "exception"),
    "result.reason.timeout": ("時間切れ", "timeout"),
    "result.reason.memory": ("メモリ不足", "out of memory"),
    "result.reason.crash": ("異常終了", "crash"),
    "result.reason.exit": ("途中で終了", "exited"),
    "result.reason.protocol": ("通信規約違反", "protocol violation"),
    "result.reason.unreadable": ("読めないファイル", "unreadable file"),
    # the isolation levels of sandbox/isolation.py (English: the level's own description)
    "result.isolation.bubblewrap": (
        "bubblewrap: 新しい pid・net・ipc・uts・cgroup 名前空間、最小限の読み取り専用ルート、"
        "seccomp フィルタ、特権なし、非特権 uid、資源制限",
        "bubblewrap",
    ),
    "result.isolation.bubblewrap-no-seccomp": (
        "弱い隔離: seccomp なしの bubblewrap(libseccomp がありません)",
        "bubblewrap without seccomp",
    ),
    "result.isolation.namespaces": (
        "弱い隔離: pid・net・ipc・uts・mount 名前空間(/tmp・/run・ホームは覆い、renshu は"
        "隠します)、資源制限、プロセスの掃除",
        "namespaces",
    ),
    "result.isolation.pid-net-namespace": (
        "弱い隔離: pid・net 名前空間、資源制限、プロセスの掃除",
        "pid+net namespace",
    ),
    "result.isolation.pid-namespace": (
        "弱い隔離: pid 名前空間、資源制限、プロセスの掃除",
        "pid namespace",
    ),
    "result.isolation.user-pid-namespace": (
        "弱い隔離: user・pid 名前空間、資源制限、プロセスの掃除",
        "user+pid namespace",
    ),
    "result.isolation.process-group": (
        "最も弱い隔離: プロセスグループ、資源制限、プロセスの掃除",
        "process group",
    ),
    "result.isolation.seccomp": ("、seccomp フィルタ", ", seccomp filter"),
}
