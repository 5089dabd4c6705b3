"""The words around a grading result, in Japanese and English (one table for every renderer).

The result's own texts (message, misconception, hint) come in the language it was
graded in; these labels follow the language the view is built for.
"""

from __future__ import annotations

from renshu.grader.text import Lang

LABELS: dict[str, tuple[str, str]] = {
    # key: (ja, en)
    "pass": ("合格", "PASS"),
    "fail": ("不合格", "FAIL"),
    "error": ("エラー", "ERROR"),
    "tried": ("試した入力 {n} 個", "{n} inputs tried"),
    "seed": ("シード {seed}", "seed {seed}"),
    "duration": ("{s:.2f} 秒", "{s:.2f} s"),
    "isolation": ("隔離: {label}", "isolation: {label}"),
    "weak_isolation": (
        "注意: この隔離は弱いものです。他人のファイルを採点するには bubblewrap を"
        "入れてください (sudo apt install bubblewrap、詳しくは renshu doctor)。",
        "warning: this isolation is weaker; untrusted files need bubblewrap "
        "(sudo apt install bubblewrap; see renshu doctor).",
    ),
    "input": ("最小の失敗入力", "Minimal failing input"),
    "expected_got": ("期待値とあなたの値", "Expected vs got"),
    "expected": ("期待値", "expected"),
    "got": ("あなたの値", "got"),
    "got_whole": ("返された値", "returned"),
    "raised": ("— (例外が発生しました)", "— (the call raised an exception)"),
    "stopped": ("— (プロセスが停止しました)", "— (the process stopped)"),
    "largest": ("最大誤差 {v} (位置 {where})", "Largest error {v} at {where}"),
    "largest_nowhere": ("最大誤差 {v}", "Largest error {v}"),
    "misconception": ("よくある誤り", "Misconception"),
    "hint": ("ヒント", "Hint"),
    "stdout": ("あなたのコードの出力 (stdout)", "What your code printed (stdout)"),
    "stderr": ("エラー出力 (stderr)", "Error output (stderr)"),
    "earlier_lines": ("…(先頭 {n} 行を省略)", "… ({n} earlier lines not shown)"),
}


def label(key: str, lang: Lang, **values: object) -> str:
    ja, en = LABELS[key]
    text = ja if lang == "ja" else en
    return text.format(**values) if values else text
