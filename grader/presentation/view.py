"""One grading result as the learner reads it: a plain tree of what to show, built once.

Every renderer (the CLI's rich report, the TUI's grade view) draws from a
``ResultView`` and nothing else, so the rules live here and only here:

The rules (in ``formatting``):

- ``**strong**`` and ``code`` markers in the result's texts become ``Span`` s (never shown
  literally); a ``**`` inside a code span is code, not a marker;
- a value is shown on one line, numbers as ``NUMBER_FORMAT``, cut at ``MAX_VALUE_CHARS``
  characters with a trailing ``…``;
- of what the submission printed, the LAST ``OUTPUT_TAIL_LINES`` lines of each stream,
  with a note of how many earlier lines are not shown;
- a returned item that is 2-D (or 3-D with a leading size-1 axis) gets heatmap matrices.

Everything follows ``lang`` (the result's language unless told otherwise): labels come
from the catalogue, the summary is the result's ``detail`` message worded in ``lang``, and
the misconception and hint are looked up again in the exercise by id. Only a result without
``detail`` (written by hand, or by an exercise renshu no longer has) keeps its own texts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from renshu.grader.grading.result import (
    CallOutcome,
    Counterexample,
    Divergence,
    GradeResult,
    HitKind,
    ReturnedEntry,
    Status,
    ValueKind,
)
from renshu.grader.presentation.formatting import (  # noqa: F401  (the rules, re-exported)
    MAX_VALUE_CHARS,
    NUMBER_FORMAT,
    OUTPUT_TAIL_LINES,
    Span,
    SpanKind,
    axes_label,
    format_number,
    format_value,
    output_tail,
    spans_of,
)
from renshu.grader.presentation.matrix import Matrix, as_matrix
from renshu.grader.text import Lang
from renshu.grader.wording import say


def label(key: str, lang: Lang, **values: object) -> str:
    """A ``result.*`` label of the catalogue."""
    return say(f"result.{key}", lang, **values)


class Stream(enum.StrEnum):
    STDOUT = "stdout"
    STDERR = "stderr"


@dataclass(frozen=True)
class VerdictLine:
    status: Status
    label: str  # PASS / 不合格 ...
    exercise: str
    file: str
    reason: str | None  # why it did not pass, worded (the JSON keeps the stable code)


@dataclass(frozen=True)
class MetaLine:
    counts: str  # inputs tried · seed · duration
    isolation: str  # how the submission was run
    warning: str | None  # said when the isolation was weaker than bubblewrap's

    @property
    def text(self) -> str:
        return f"{self.counts} · {self.isolation}"


@dataclass(frozen=True)
class InputRow:
    name: str  # "x", "params.W_i", "grads[0]"
    axes: str  # "(B, I) = (1, 1)", or "" for a scalar
    value: str


@dataclass(frozen=True)
class ReturnedRow:
    name: str
    axes: str
    expected: str
    got: str | None  # None when there is no value to show for this item


@dataclass(frozen=True)
class HeatmapData:
    name: str
    expected: Matrix
    got: Matrix


@dataclass(frozen=True)
class CounterexampleView:
    input_title: str
    inputs: tuple[InputRow, ...]
    comparison_title: str
    expected_label: str
    got_label: str
    returned: tuple[ReturnedRow, ...]
    got_whole: tuple[str, str] | None  # (label, value): a return that did not split
    no_value: str | None  # why there is no ``got`` (the call raised, the process stopped)
    largest: str | None


@dataclass(frozen=True)
class Note:
    title: str
    detail: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class OutputTail:
    stream: Stream
    title: str
    lines: tuple[str, ...]
    hidden: int  # earlier lines not shown
    hidden_note: str | None


@dataclass(frozen=True)
class ResultView:
    lang: Lang
    verdict: VerdictLine
    summary: tuple[Span, ...]
    meta: MetaLine
    counterexample: CounterexampleView | None
    misconception: Note | None
    hint: Note | None
    outputs: tuple[OutputTail, ...]
    heatmaps: tuple[HeatmapData, ...]
    divergence: Note | None = None  # where the learner's values first left the reference's


# -- building --------------------------------------------------------------------------------

_HIT_LABEL = {
    HitKind.MISTAKE: "misconception",
    HitKind.CONVENTION: "convention",
    HitKind.GENERIC: "misconception",
}
_KIND_LABEL = {ValueKind.INTS: "list[int]", ValueKind.FLOAT: "float", ValueKind.INT: "int"}


def _returned_axes(entry: ReturnedEntry, several: bool) -> str:
    if entry.axes:
        return axes_label(entry.axes, entry.sizes)
    return _KIND_LABEL.get(entry.kind, "") if several else ""


def _counterexample(ce: Counterexample, lang: Lang) -> CounterexampleView:
    returned = ce.call is CallOutcome.RETURNED
    several = len(ce.returned) > 1
    rows = tuple(
        ReturnedRow(
            name=entry.name,
            axes=_returned_axes(entry, several),
            expected=format_value(entry.expected),
            got=format_value(entry.got) if returned and ce.got_whole is None else None,
        )
        for entry in ce.returned
    )
    largest = None
    if ce.max_abs_error is not None:
        v = format_number(ce.max_abs_error)
        key = "largest" if ce.where else "largest_nowhere"
        largest = label(key, lang, v=v, where=ce.where)
    return CounterexampleView(
        # A stopped call (timeout, memory, crash) was not shrunk: it is the input it ran on.
        input_title=label("input" if ce.call is not CallOutcome.STOPPED else "input_stopped", lang),
        inputs=tuple(
            InputRow(entry.name, axes_label(entry.axes, entry.sizes), format_value(entry.value))
            for entry in ce.arguments
        ),
        comparison_title=label("expected_got", lang),
        expected_label=label("expected", lang),
        got_label=label("got", lang),
        returned=rows,
        got_whole=(
            (label("got_whole", lang), format_value(ce.got_whole))
            if returned and ce.got_whole is not None
            else None
        ),
        no_value=None if returned else label(ce.call.value, lang),
        largest=largest,
    )


def _heatmaps(ce: Counterexample) -> tuple[HeatmapData, ...]:
    if ce.call is not CallOutcome.RETURNED or ce.got_whole is not None:
        return ()
    out = []
    for entry in ce.returned:
        expected, got = as_matrix(entry.expected), as_matrix(entry.got)
        if expected is None or got is None:
            continue
        if len(expected) != len(got) or len(expected[0]) != len(got[0]):
            continue  # shapes differ: the message says how; nothing to compare cell by cell
        out.append(HeatmapData(entry.name, expected, got))
    return tuple(out)


def isolation_text(isolation: str, lang: Lang) -> str:
    """The isolation a result was graded under, in ``lang``: a known level (and the seccomp
    filter a fallback loaded) is worded from the catalogue, anything else shown as is."""
    from renshu.grader.sandbox.isolation import IsolationLevel

    if lang == "en":
        return isolation
    for level in IsolationLevel:
        if isolation == level.value or isolation == f"{level.value}, seccomp filter":
            text = label(f"isolation.{level.code}", lang)
            return text + label("isolation.seccomp", lang) if isolation != level.value else text
    return isolation


def _meta(result: GradeResult, lang: Lang) -> MetaLine:
    counts = [
        label("tried", lang, n=result.examples),
        label("seed", lang, seed=result.seed),
        label("duration", lang, s=result.duration_s),
    ]
    weak = result.isolation.startswith("weak")
    return MetaLine(
        " · ".join(counts),
        label("isolation", lang, label=isolation_text(result.isolation, lang)),
        label("weak_isolation", lang) if weak else None,
    )


def build_view(result: GradeResult, lang: Lang | None = None) -> ResultView:
    """What to show of ``result``, with labels in ``lang`` (default: the result's language)."""
    lang = lang or result.lang
    passed = result.status is Status.PASS
    ce = result.counterexample
    outputs = []
    for stream, text in ((Stream.STDOUT, result.stdout), (Stream.STDERR, result.stderr)):
        if not text.strip():
            continue
        lines, hidden = output_tail(text)
        note = label("earlier_lines", lang, n=hidden) if hidden else None
        outputs.append(OutputTail(stream, label(stream.value, lang), lines, hidden, note))
    misconception = result.misconception
    misconception_text, hint_text = _content_in(result, lang)
    return ResultView(
        lang=lang,
        verdict=VerdictLine(
            status=result.status,
            label=label(result.status.value, lang),
            exercise=result.exercise or "",
            file=result.file,
            reason=None if passed else label(f"reason.{result.reason.value}", lang),
        ),
        summary=spans_of(result.detail.text(lang) if result.detail else result.message),
        meta=_meta(result, lang),
        counterexample=_counterexample(ce, lang) if ce is not None else None,
        misconception=(
            Note(
                label(_HIT_LABEL[misconception.kind], lang),
                misconception.id,
                spans_of(misconception_text),
            )
            if misconception is not None
            else None
        ),
        hint=(
            Note(label("hint", lang), "", spans_of(hint_text)) if hint_text and not passed else None
        ),
        outputs=tuple(outputs),
        heatmaps=_heatmaps(ce) if ce is not None else (),
        divergence=(
            Note(label("divergence", lang), "", spans_of(divergence_text(result.divergence, lang)))
            if result.divergence is not None
            else None
        ),
    )


def divergence_text(d: Divergence, lang: Lang) -> str:
    """``i, f, o, g match; `c` differs at [0, 0]: expected `f * c_prev + i * g` = 0.5, got
    1.0 (your `cell`).`` or, when nothing could be matched, that variable names do not
    matter and no value matched."""
    if d.intermediate is None:
        return label("nothing_matched", lang)
    name = d.intermediate if d.step is None else f"{d.intermediate}[t={d.step}]"
    where = f"[{', '.join(map(str, d.index))}]" if d.index else ""
    expected = "?" if d.expected is None else f"{d.expected:.6g}"
    got = "?" if d.got is None else f"{d.got:.6g}"
    formula = f"`{d.formula}` = " if d.formula else ""
    text = label(
        "diverged", lang, name=name, where=where, formula=formula, expected=expected, got=got
    )
    if d.learner_name:
        text += label("diverged_yours", lang, learner=d.learner_name)
    if d.matched:
        text = label("diverged_matched", lang, matched=", ".join(d.matched)) + text
    text += label("diverged_end", lang)
    if not d.on_minimal_input:
        text += label("diverged_other_input", lang)
    return text


def _content_in(result: GradeResult, lang: Lang) -> tuple[str, str | None]:
    """The named mistake's message and the hint in ``lang``: reworded from their data when
    the result carries it, else as stored (a result written by hand or by an old version)."""
    hit = result.misconception
    misconception = ""
    if hit is not None:
        misconception = hit.detail.text(lang) if hit.detail is not None else hit.message
    hint = result.hint_detail.text(lang) if result.hint_detail is not None else result.hint
    return misconception, hint
