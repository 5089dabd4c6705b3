"""The one view model of a grading result, and the two renderers that draw only from it."""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from renshu.grader.exercises.catalogue import get_exercise
from renshu.grader.grading.compare import compare
from renshu.grader.grading.echo import counterexample_of
from renshu.grader.grading.result import (
    CallOutcome,
    Counterexample,
    GradeResult,
    MismatchKind,
    Reason,
    Status,
)
from renshu.grader.grading.search import Outcome
from renshu.grader.presentation.rich_report import render
from renshu.grader.presentation.view import (
    MAX_VALUE_CHARS,
    OUTPUT_TAIL_LINES,
    SpanKind,
    build_view,
    format_value,
    output_tail,
    spans_of,
)

LSTM_DIMS = {"B": 1, "H": 1, "I": 1}


def lstm_counterexample(got: Any = None, call: CallOutcome | None = None) -> Counterexample:
    exercise = get_exercise("lstm_cell")
    spec = exercise.spec
    args = {
        "x": np.zeros((1, 1)),
        "h_prev": np.zeros((1, 1)),
        "c_prev": np.ones((1, 1)),
        "params": {
            **{f"W_{g}": np.zeros((1, 2)) for g in "ifoc"},
            **{f"b_{g}": np.zeros(1) for g in "ifoc"},
        },
    }
    expected = exercise.reference_function()(*(args[n] for n in spec.signature))
    got = (expected[0] + 0.5, expected[1]) if got is None else got
    mismatch = compare(expected, got, spec.returns, LSTM_DIMS, spec.tolerance)
    return counterexample_of(args, Outcome(expected, got, mismatch), spec, LSTM_DIMS, call)


def result_with(**fields: Any) -> GradeResult:
    base: dict[str, Any] = {
        "exercise": "lstm_cell",
        "file": "mine.py",
        "status": Status.FAIL,
        "reason": Reason.MISMATCH,
        "message": "h[0, 0]: expected 0.2311, got 0.7311",
        "examples": 3,
        "seed": 0,
        "duration_s": 0.25,
        "isolation": "bubblewrap: test",
    }
    return GradeResult(**{**base, **fields})


def cli_text(result: GradeResult, width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), highlight=False)
    render(result, console)
    return console.export_text()


def tui_text(result: GradeResult) -> str:
    from textual.app import App, ComposeResult

    from renshu.tui.widgets.grade_view import GradeView

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield GradeView(id="view")

    async def run() -> str:
        async with Host().run_test(size=(120, 40)) as pilot:
            view = pilot.app.query_one(GradeView)
            view.show(result, result.lang)
            await pilot.pause()
            return view.text

    return asyncio.run(run())


def squeeze(text: str) -> str:
    """Text without whitespace or box borders (renderers wrap long values differently)."""
    return "".join(c for c in text if not c.isspace() and c not in "│╭╮╰╯─")


# -- structured counterexample --------------------------------------------------------------


def test_a_tuple_return_gives_one_entry_and_one_row_per_item_with_its_axes() -> None:
    ce = lstm_counterexample()
    assert [(e.name, e.axes, e.sizes) for e in ce.returned] == [
        ("h", ["B", "H"], [1, 1]),
        ("c", ["B", "H"], [1, 1]),
    ]
    assert ce.call is CallOutcome.RETURNED
    assert ce.mismatch is MismatchKind.VALUE
    assert ce.where == "h[0, 0]"
    names = [e.name for e in ce.arguments]
    assert names[:3] == ["x", "h_prev", "c_prev"]
    assert "params.W_i" in names
    assert "params" not in names
    w_i = next(e for e in ce.arguments if e.name == "params.W_i")
    assert (w_i.axes, w_i.sizes, w_i.value) == (["H", "H+I"], [1, 2], [[0.0, 0.0]])

    view = build_view(result_with(counterexample=ce))
    assert view.counterexample is not None
    rows = view.counterexample.returned
    assert [(r.name, r.axes) for r in rows] == [("h", "(B, H) = (1, 1)"), ("c", "(B, H) = (1, 1)")]
    assert rows[0].expected != rows[0].got
    assert rows[1].expected == rows[1].got
    assert [m.name for m in view.heatmaps] == ["h", "c"]  # 2-D items get heatmap matrices


def test_the_json_is_version_2_without_the_v1_shapes_map() -> None:
    data = json.loads(result_with(counterexample=lstm_counterexample()).as_json())
    assert data["schema_version"] == 2
    ce = data["counterexample"]
    assert "shapes" not in ce
    assert "args" not in ce
    assert ce["returned"][0] == {
        "name": "h",
        "kind": "array",
        "axes": ["B", "H"],
        "sizes": [1, 1],
        "expected": ce["returned"][0]["expected"],
        "got": ce["returned"][0]["got"],
    }
    assert GradeResult.model_validate_json(json.dumps(data)).counterexample is not None


def test_a_return_that_does_not_split_is_kept_whole_and_scalars_show_their_kind() -> None:
    ce = lstm_counterexample(got=np.zeros((1, 1)))  # an array where (h, c) was expected
    assert ce.mismatch is MismatchKind.TYPE
    assert [e.got for e in ce.returned] == [None, None]
    assert ce.got_whole == [[0.0]]
    view = build_view(result_with(counterexample=ce, reason=Reason.BAD_RETURN))
    assert view.counterexample is not None
    assert all(row.got is None for row in view.counterexample.returned)
    assert view.counterexample.got_whole == ("returned", "[[0]]")
    assert view.heatmaps == ()

    quantize = get_exercise("quantize_int8").spec
    expected = (np.zeros((1, 1), dtype=np.int8), 0.5, -128, np.zeros((1, 1)))
    scalar = counterexample_of({"x": np.zeros((1, 1))}, Outcome(expected, expected), quantize, {})
    rows = build_view(result_with(counterexample=scalar)).counterexample.returned  # type: ignore[union-attr]
    assert [(r.name, r.axes) for r in rows] == [
        ("q", "(B, N) = (1, 1)"),
        ("scale", "float"),
        ("zero_point", "int"),
        ("x_hat", "(B, N) = (1, 1)"),
    ]


def test_a_call_that_raised_or_stopped_shows_expected_values_and_says_why_there_is_no_got() -> None:
    for call, why in ((CallOutcome.RAISED, "raised"), (CallOutcome.STOPPED, "stopped")):
        ce = lstm_counterexample(call=call)
        assert all(e.got is None for e in ce.returned)
        view = build_view(result_with(counterexample=ce, status=Status.ERROR))
        assert view.counterexample is not None
        assert view.counterexample.no_value is not None
        assert why in view.counterexample.no_value
        assert view.heatmaps == ()


# -- spans, tail, truncation: one rule, both renderers ---------------------------------------


def test_strong_markers_become_spans_and_never_reach_the_cli() -> None:
    spans = spans_of("keep the **same class**: `x ** 2`")
    assert [(s.text, s.kind) for s in spans] == [
        ("keep the ", SpanKind.PLAIN),
        ("same class", SpanKind.STRONG),
        (": ", SpanKind.PLAIN),
        ("x ** 2", SpanKind.CODE),  # inside code, ** is code
    ]
    hit = {"id": "class_agnostic", "message": "suppress boxes of **the same class** only"}
    result = result_with(
        message="expected **x**, got y",
        misconception=hit,
        hint="The leak mixes **outside** the tanh.",
    )
    view = build_view(result)
    assert ("x", SpanKind.STRONG) in [(s.text, s.kind) for s in view.summary]
    shown = cli_text(result)
    assert "expected x, got y" in shown
    assert "the same class" in shown
    assert "mixes outside the tanh" in shown
    assert "**" not in shown


def test_the_output_tail_is_the_last_lines_of_each_stream_with_a_note() -> None:
    printed = "".join(f"line {i}\n" for i in range(30))
    lines, hidden = output_tail(printed)
    assert lines == tuple(f"line {i}" for i in range(30 - OUTPUT_TAIL_LINES, 30))
    assert hidden == 30 - OUTPUT_TAIL_LINES
    assert output_tail("a\nb\n") == (("a", "b"), 0)

    view = build_view(result_with(stdout=printed, stderr="warn\n"))
    assert [t.stream.value for t in view.outputs] == ["stdout", "stderr"]
    assert view.outputs[0].hidden_note == "… (18 earlier lines not shown)"
    assert view.outputs[1].hidden_note is None
    shown = cli_text(result_with(stdout=printed))
    assert "line 29" in shown
    assert f"line {29 - OUTPUT_TAIL_LINES}" not in shown
    assert "18 earlier lines not shown" in shown
    ja = build_view(result_with(stdout=printed, lang="ja"))
    assert ja.outputs[0].hidden_note == "…(先頭 18 行を省略)"


def test_values_are_cut_at_one_limit_with_one_number_format() -> None:
    short = format_value([[0.23105857863000487, 1.0], [-2.5, True]])
    assert short == "[[0.2311, 1], [-2.5, True]]"
    long = format_value(list(range(100_000, 101_000)))
    assert len(long) == MAX_VALUE_CHARS
    assert long.endswith("…")
    assert long.startswith("[100000, 100001, ")
    assert format_value("x" * MAX_VALUE_CHARS) == "'" + "x" * (MAX_VALUE_CHARS - 2) + "…"


@pytest.mark.slow
def test_the_cli_and_the_tui_show_the_same_truncated_value_and_output_tail() -> None:
    ce = lstm_counterexample()
    long_x = list(range(100_000, 101_000))
    arguments = [ce.arguments[0].model_copy(update={"value": long_x}), *ce.arguments[1:]]
    printed = "".join(f"printed {i}\n" for i in range(40))
    result = result_with(
        counterexample=ce.model_copy(update={"arguments": arguments}), stdout=printed
    )
    expected = squeeze(format_value(long_x))
    cli, tui = squeeze(cli_text(result, width=1000)), squeeze(tui_text(result))
    for shown in (cli, tui):
        start = shown.index("[100000,")
        assert shown[start : shown.index("…", start) + 1] == expected
        assert squeeze(format_value(long_x, MAX_VALUE_CHARS + 10))[:-1] not in shown
        assert "printed39" in shown
        assert "printed27" not in shown
        assert "28earlierlinesnotshown" in shown
        assert "**" not in shown


def test_a_result_graded_in_english_reads_entirely_in_japanese() -> None:
    """The summary, the misconception and the hint are re-worded from the data the result
    carries; expected texts come straight from the exercise's YAML and the catalogue."""
    import yaml

    from renshu.grader.exercises.catalogue import builtin_exercises_dir
    from renshu.grader.text import Bilingual
    from renshu.grader.wording import MessageCode, msg

    raw = yaml.safe_load((builtin_exercises_dir() / "lstm_cell" / "exercise.yaml").read_text())
    wanted = next(m for m in raw["misconceptions"] if m["id"] == "gates_swapped")
    detail = msg(MessageCode.INT_VALUE, name="n", expected=3, got=4)
    content = msg(MessageCode.CONTENT, text=Bilingual(**wanted["message"]))
    hint = msg(MessageCode.CONTENT, text=Bilingual(**raw["hints"][0]))
    result = result_with(
        message="n: expected 3, got 4",
        detail=detail,
        lang="en",
        misconception={
            "id": "gates_swapped",
            "message": wanted["message"]["en"],
            "detail": content.model_dump(),
        },
        hint=raw["hints"][0]["en"],
        hint_detail=hint.model_dump(),
    )
    result = GradeResult.model_validate_json(result.as_json())  # as read back from --json
    view = build_view(result, "ja")
    assert "".join(s.text for s in view.summary) == "n: 期待値 3 に対して 4"
    assert view.misconception is not None
    assert "".join(s.text for s in view.misconception.spans) == _plain(wanted["message"]["ja"])
    assert view.hint is not None
    assert "".join(s.text for s in view.hint.spans) == _plain(raw["hints"][0]["ja"])
    english = build_view(result, "en")
    assert "".join(s.text for s in english.summary) == "n: expected 3, got 4"


def test_a_generic_mistake_is_reworded_and_labelled_by_its_kind() -> None:
    from renshu.grader.wording import MessageCode, msg

    found = msg(MessageCode.MISTAKE_TUPLE_SWAPPED, first="h", second="c")
    step = msg(MessageCode.MISTAKE_TUPLE_SWAPPED_NEXT, first="h", second="c")
    result = result_with(
        lang="en",
        misconception={
            "id": "generic.tuple_swapped",
            "kind": "generic",
            "message": found.text("en"),
            "detail": found.model_dump(),
        },
        hint=step.text("en"),
        hint_detail=step.model_dump(),
    )
    view = build_view(result, "ja")
    assert view.misconception is not None
    shown = "".join(s.text for s in view.misconception.spans)
    assert shown == "戻り値の h と c が入れ替わっています。値はどちらも正しいです。"
    assert view.misconception.title == "よくある誤り"
    assert view.hint is not None
    assert "(h が先)" in "".join(s.text for s in view.hint.spans)
    convention = result.model_copy(
        update={"misconception": result.misconception.model_copy(update={"kind": "convention"})}
    )
    assert build_view(convention, "en").misconception.title == "Another convention"


def test_a_hand_written_result_without_detail_keeps_its_own_message() -> None:
    view = build_view(result_with(message="graded elsewhere", lang="en"), "ja")
    assert "".join(s.text for s in view.summary) == "graded elsewhere"


def _plain(markdown: str) -> str:
    return markdown.replace("`", "").replace("**", "")


def test_every_reason_is_worded_in_both_languages() -> None:
    from renshu.grader.grading.result import Reason
    from renshu.grader.wording.catalogue import say

    for reason in Reason:
        ja, en = (
            say(f"result.reason.{reason.value}", "ja"),
            say(f"result.reason.{reason.value}", "en"),
        )
        assert ja
        assert en
        assert ja != en
    view = build_view(result_with(lang="en"), "ja")
    assert view.verdict.reason == "値の不一致"


def test_the_isolation_line_is_worded_in_japanese_for_every_level() -> None:
    from renshu.grader.presentation.view import isolation_text
    from renshu.grader.sandbox.isolation import IsolationLevel

    for level in IsolationLevel:
        ja = isolation_text(level.value, "ja")
        assert ja != level.value
        assert not any(word in ja for word in ("weaker", "namespace,", "process group"))
        assert isolation_text(level.value, "en") == level.value
    fallback = f"{IsolationLevel.PROCESS_GROUP.value}, seccomp filter"
    assert isolation_text(fallback, "ja").endswith("、seccomp フィルタ")
    assert isolation_text("something else", "ja") == "something else"
