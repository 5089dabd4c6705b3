"""Code-reading questions that prove their own answer key, built from the exercises.

For each exercise one line of the reference solution is hidden: "which line goes
here?". The answer is the reference's line; the wrong choices are the lines the
exercise's misconception functions write in its place (same variable, names the
context defines). Each wrong choice is put back into the reference and graded
with the real grader: it must fail, and its explanation is the grader's own
minimal counterexample (and the mistake it names). A line the grader cannot tell
from the reference is never offered. The banks are written as
``quizzes/<topic>_code.yaml`` by ``python -m renshu.grader.quiz.code_questions``;
``tests/test_code_questions.py`` grades every wrong choice again and compares.
"""

from __future__ import annotations

import ast
import builtins
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from renshu.grader.exercises.catalogue import LoadedExercise, builtin_catalog
from renshu.grader.exercises.solution_text import solution_source

if TYPE_CHECKING:
    from renshu.grader.grading.result import GradeResult

MAX_WRONG = 3
SEED = 0


@dataclass(frozen=True)
class WrongLine:
    line: str  # the statement as ast.unparse writes it
    misconception: str  # the exercise's misconception it comes from
    why_ja: str
    why_en: str


@dataclass(frozen=True)
class CodeQuestion:
    exercise: LoadedExercise
    code: str  # the function with the hidden line shown as ``???``
    answer: str
    wrong: tuple[WrongLine, ...]


def _function(tree: ast.Module, name: str) -> ast.FunctionDef:
    return next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name)


def _statements(fn: ast.FunctionDef) -> list[tuple[str, ast.stmt]]:
    """One-line assignments to a name, and returns: ``(name or "<return>", statement)``."""
    found: list[tuple[str, ast.stmt]] = []
    for st in ast.walk(fn):
        if not isinstance(st, ast.stmt) or st.lineno != st.end_lineno:
            continue
        if isinstance(st, ast.Assign) and len(st.targets) == 1:
            target = st.targets[0]
            if isinstance(target, ast.Name):
                found.append((target.id, st))
        elif isinstance(st, ast.Return) and st.value is not None:
            found.append(("<return>", st))
    return found


def _loaded_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _defined_before(module: ast.Module, fn: ast.FunctionDef, line: int) -> set[str]:
    names = set(dir(builtins)) | {a.arg for a in fn.args.args}
    for node in module.body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    for inner in ast.walk(fn):
        if getattr(inner, "lineno", line) >= line:
            continue
        if isinstance(inner, ast.Assign):
            names |= {t.id for t in ast.walk(inner) if isinstance(t, ast.Name)}
        elif isinstance(inner, ast.For | ast.comprehension):
            names |= {t.id for t in ast.walk(inner.target) if isinstance(t, ast.Name)}
    return names


def _candidates(exercise: LoadedExercise) -> list[tuple[ast.stmt, list[tuple[str, str]]]]:
    """Each hideable reference line with the misconception lines that could replace it."""
    reference = ast.parse(solution_source(exercise))
    fn = _function(reference, exercise.spec.function)
    wrong_module = ast.parse(exercise.misconceptions_path.read_text(encoding="utf-8"))
    out = []
    for target, st in _statements(fn):
        defined = _defined_before(reference, fn, st.lineno)
        right = ast.unparse(st)
        lines: dict[str, str] = {}
        for m in exercise.spec.misconceptions:
            try:
                wrong_fn = _function(wrong_module, m.function)
            except StopIteration:
                continue
            for name, other in _statements(wrong_fn):
                text = ast.unparse(other)
                if name == target and text != right and _loaded_names(other) <= defined:
                    lines.setdefault(text, m.id)
        for text in _mutations(st):  # then the classic slips, if the grader rejects them
            if _loaded_names(ast.parse(text)) <= defined:
                lines.setdefault(text, "")
        out.append((st, list(lines.items())))
    return out


_SWAPS = {
    "maximum": "minimum",
    "minimum": "maximum",
    "max": "min",
    "min": "max",
    "argmax": "argmin",
    "argmin": "argmax",
}


class _Mutate(ast.NodeTransformer):
    """One classic slip at the ``k``-th place it can happen: operands of ``-`` swapped, a
    term of ``+`` dropped, max/min swapped, a transpose added or dropped, another axis."""

    def __init__(self, k: int) -> None:
        self.k, self.seen = k, -1

    def _hit(self) -> bool:
        self.seen += 1
        return self.seen == self.k

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Sub) and self._hit():
            return ast.BinOp(node.right, ast.Sub(), node.left)
        if isinstance(node.op, ast.Add) and self._hit():
            return node.left
        if isinstance(node.op, ast.MatMult) and isinstance(node.right, ast.Name) and self._hit():
            return ast.BinOp(node.left, node.op, ast.Attribute(node.right, "T", ast.Load()))
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if node.attr == "T" and self._hit():
            return node.value
        if node.attr in _SWAPS and self._hit():
            return ast.Attribute(node.value, _SWAPS[node.attr], node.ctx)
        return node

    def visit_keyword(self, node: ast.keyword) -> ast.AST:
        self.generic_visit(node)
        value = node.value
        if node.arg == "axis" and isinstance(value, ast.Constant | ast.UnaryOp) and self._hit():
            other = 0 if ast.unparse(value) in ("-1", "1") else -1
            return ast.keyword("axis", ast.Constant(other))
        return node


def _mutations(st: ast.stmt) -> list[str]:
    """The statement with each classic slip applied once, where it can be."""
    right = ast.unparse(st)
    out: list[str] = []
    for k in range(40):
        mutate = _Mutate(k)
        text = ast.unparse(mutate.visit(ast.parse(right).body[0]))
        if mutate.seen < k:  # fewer places than k: every slip has been tried
            break
        if text != right and text not in out:
            out.append(text)
    return out


def _with_line(source: str, line: int, text: str) -> str:
    rows = source.splitlines()
    indent = rows[line - 1][: len(rows[line - 1]) - len(rows[line - 1].lstrip())]
    rows[line - 1] = indent + text
    return "\n".join(rows) + "\n"


def _why(exercise: LoadedExercise, source: str) -> tuple[str, str] | None:
    """The grader's verdict on ``source`` as a wrong choice's explanation (None: it passed)."""
    from renshu.grader.grading.engine import grade_source

    return verdict(exercise, grade_source(source, exercise, "choice.py", seed=SEED))


def verdict(exercise: LoadedExercise, result: GradeResult) -> tuple[str, str] | None:
    """A failing result as a wrong choice's explanation in ja and en (None: it passed)."""
    from renshu.grader.wording import render

    if result.status.value == "pass" or result.counterexample is None or result.detail is None:
        return None
    shapes = ", ".join(
        f"{a.name} {tuple(a.sizes)}"
        for a in result.counterexample.arguments
        if a.sizes and "." not in a.name  # the arguments themselves, not a dict's entries
    )
    texts = []
    for lang in ("ja", "en"):
        said = render(result.detail, lang).strip()
        if lang == "ja" and not said.endswith("。"):
            said += "。"
        if lang == "en" and not said.endswith("."):
            said += "."
        if lang == "ja":
            text = f"採点器はこの行で最小の反例を見つけます(入力の形: {shapes})。{said}"
        else:
            text = f"The grader finds a minimal counterexample with this line (inputs: {shapes}). {said}"
        named = result.misconception.id if result.misconception is not None else None
        for mistake in exercise.spec.misconceptions:
            if mistake.id == named:
                text += (" " if lang == "en" else "") + mistake.message.get(lang)
        texts.append(text)
    return texts[0], texts[1]


def build(exercise: LoadedExercise) -> CodeQuestion | None:
    """The exercise's question: the hideable line with the most wrong lines the grader
    rejects (each proven by grading), or None when no line has one."""
    source = solution_source(exercise)
    best: CodeQuestion | None = None
    for st, lines in sorted(_candidates(exercise), key=lambda c: -len(c[1])):
        if best is not None and len(lines) <= len(best.wrong):
            break
        wrong = []
        for text, misconception in lines:
            why = _why(exercise, _with_line(source, st.lineno, text))
            if why is not None:
                wrong.append(WrongLine(text, misconception, *why))
            if len(wrong) == MAX_WRONG:
                break
        if wrong and (best is None or len(wrong) > len(best.wrong)):
            code = _shown_function(source, exercise.spec.function, st.lineno)
            best = CodeQuestion(exercise, code, ast.unparse(st), tuple(wrong))
    return best


def _shown_function(source: str, function: str, hidden: int) -> str:
    fn = _function(ast.parse(source), function)
    rows = source.splitlines()[fn.lineno - 1 : fn.end_lineno]
    at = hidden - fn.lineno
    indent = rows[at][: len(rows[at]) - len(rows[at].lstrip())]
    rows[at] = indent + "???  # ← hidden"
    return "\n".join(rows)


def as_yaml_question(q: CodeQuestion) -> dict[str, Any]:
    spec = q.exercise.spec
    slug = spec.id.replace("_", "-")
    title_ja, title_en = spec.title.ja, spec.title.en
    return {
        "id": f"{spec.topic}.code-{slug}",
        "type": "single_choice",
        "concepts": list(spec.concepts),
        "prompt": {
            "ja": f"演習「{title_ja}」の参照実装から 1 行を隠しました。`???` の行に入るものはどれですか。\n\n```python\n{q.code}\n```\n",
            "en": f'One line of the reference solution of the exercise "{title_en}" is hidden. Which line goes where `???` is?\n\n```python\n{q.code}\n```\n',
        },
        "choices": [{"text": q.answer, "correct": True}]
        + [{"text": w.line, "why": {"ja": w.why_ja, "en": w.why_en}} for w in q.wrong],
        "hints": [{"ja": spec.hints[0].ja, "en": spec.hints[0].en}],
        "explanation": {
            "ja": f"正しい行は `{q.answer}` です。ほかの行はどれも、renshu の採点器が最小の反例を示して不合格にします(各選択肢の説明がその反例です)。演習 `{spec.id}` で実際に書いて確かめられます。",
            "en": f"The right line is `{q.answer}`. The grader fails every other line with a minimal counterexample (each choice's explanation is that counterexample). Try it in the exercise `{spec.id}`.",
        },
    }


def build_all() -> dict[str, list[dict[str, Any]]]:
    """Every exercise's question, by topic."""
    banks: dict[str, list[dict[str, Any]]] = {}
    for exercise in builtin_catalog().values():
        q = build(exercise)
        if q is not None:
            banks.setdefault(exercise.spec.topic, []).append(as_yaml_question(q))
    return banks


def write_banks(folder: Path) -> list[Path]:
    import yaml

    from renshu.grader.quiz.banks import load_curriculum

    curriculum = load_curriculum()
    written = []
    for topic, questions in build_all().items():
        title = curriculum.topics[topic].title
        data = {
            "schema_version": 1,
            "topic": topic,
            "title": {"ja": f"{title.ja}(コード読解)", "en": f"{title.en} (code reading)"},
            "questions": questions,
        }
        path = folder / f"{topic}_code.yaml"
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        header = "# Generated by `python -m renshu.grader.quiz.code_questions`: do not edit.\n"
        path.write_text(header + text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    from renshu.grader.quiz.banks import builtin_quizzes_dir

    for p in write_banks(builtin_quizzes_dir()):
        sys.stdout.write(f"{p}\n")
