"""The bilingual messages for exceptions, failed imports and stopped children."""

from __future__ import annotations

from typing import Any

from renshu.grader.grading.result import (
    Reason,
)
from renshu.grader.sandbox import ChildFailure, Limits
from renshu.grader.text import Bilingual


def exception_message(error: dict[str, Any], display_name: str) -> Bilingual:
    etype = str(error.get("type", "Exception"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]} ({where[1]})" if where else display_name
    if etype == "MemoryError":
        return Bilingual(
            ja=f"{place}: メモリ上限(約 1 GiB)を超えました (MemoryError)",
            en=f"{place}: ran out of memory (limit about 1 GiB): MemoryError",
        )
    return Bilingual(
        ja=f"{place}: 実行中に例外が発生しました: {etype}: {text}",
        en=f"{place}: raised {etype}: {text}",
    )


def import_problem(
    error: dict[str, Any], function: str, display_name: str
) -> tuple[Reason, Bilingual]:
    if error.get("type") == "MissingFunction":
        return Reason.MISSING_FUNCTION, Bilingual(
            ja=f"読み込み後に関数 `{function}` が見つかりません(呼び出せるオブジェクトではありません)",
            en=f"after import, `{function}` is missing or not callable",
        )
    etype = str(error.get("type"))
    text = str(error.get("message", ""))
    where = error.get("where")
    place = f"{display_name}:{where[0]}" if where else display_name
    if etype in ("SystemExit", "KeyboardInterrupt"):
        return Reason.EXIT, Bilingual(
            ja=f"{place}: 読み込み時に終了しようとしました ({etype})",
            en=f"{place}: tried to exit while being imported ({etype})",
        )
    if etype == "MemoryError":
        return Reason.MEMORY, Bilingual(
            ja=f"{place}: 読み込み時にメモリ上限(約 1 GiB)を超えました",
            en=f"{place}: ran out of memory while being imported (limit about 1 GiB)",
        )
    return Reason.IMPORT_ERROR, Bilingual(
        ja=f"{place}: ファイルの読み込み中に例外が発生しました: {etype}: {text}",
        en=f"{place}: raised {etype} while being imported: {text}",
    )


def load_failure_message(failure: ChildFailure, limits: Limits) -> Bilingual:
    if failure.kind == "timeout":
        budget = limits.start_timeout_s + limits.import_timeout_s
        return Bilingual(
            ja=f"時間切れ: ファイルの読み込みが {budget:g} 秒以内に終わりませんでした"
            "(読み込み時に sleep や input、無限ループをしていませんか?)",
            en=f"timeout: importing the file did not finish within {budget:g} s (does it sleep, "
            "wait for input or loop at import time?)",
        )
    return Bilingual(
        ja=f"ファイルの読み込み中に子プロセスが異常終了しました: {failure.message}",
        en=f"the submission's process stopped while the file was imported: it {failure.message}",
    )
