"""The class summary as one self-contained HTML page (``renshu grade DIR --html FILE``).

Per exercise: the pass rate and a bar chart of the misconceptions and divergences
found, with how many students each; then one row per student. Plain HTML and CSS,
nothing fetched: it opens offline and can be mailed. Every value is escaped.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence

from renshu.grader.grading.batch import Row

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:60rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;text-align:left;
border-bottom:1px solid #ddd;vertical-align:top}
.bar{background:#4a7fd4;height:.9rem;display:inline-block}.ok{color:#1a7f37}.no{color:#b42318}
.rate{background:#e8e8e8;width:10rem;display:inline-block;height:.9rem;margin-right:.5rem}
.rate span{background:#1a7f37;height:.9rem;display:block}
"""


def render_html(rows: Sequence[Row], seed: int) -> str:
    """The page for these rows (graded with ``seed``)."""
    e = html.escape
    by_exercise: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_exercise[row.exercise or "(no exercise)"].append(row)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>renshu class report</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>renshu class report</h1><p>{len(rows)} file(s), seed {seed} ",
        "(any row reproduces with <code>renshu grade FILE --seed</code> and this seed)</p>",
    ]
    for exercise, group in sorted(by_exercise.items()):
        passed = sum(r.status == "pass" for r in group)
        share = passed / len(group) if group else 0.0
        parts.append(f"<h2 id='ex-{e(exercise)}'>{e(exercise)}</h2>")
        parts.append(
            f"<p><span class='rate'><span style='width:{share * 100:.0f}%'></span></span>"
            f"passed {passed} / {len(group)}</p>"
        )
        findings = Counter(r.finding or r.reason for r in group if r.status != "pass")
        if findings:
            most = max(findings.values())
            parts.append("<table><tr><th>finding</th><th>students</th><th></th></tr>")
            for finding, n in findings.most_common():
                width = 12 * n / most
                parts.append(
                    f"<tr><td>{e(finding)}</td><td>{n}</td>"
                    f"<td><span class='bar' style='width:{width:.1f}rem'></span></td></tr>"
                )
            parts.append("</table>")
    students: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        students[row.student].append(row)
    parts.append(
        "<h2>students</h2><table><tr><th>student</th><th>passed</th><th>not passed</th></tr>"
    )
    for student, group in sorted(students.items()):
        missed = [r for r in group if r.status != "pass"]
        cells = ", ".join(f"{e(r.exercise or r.file)} ({e(r.finding or r.reason)})" for r in missed)
        parts.append(
            f"<tr><td>{e(student)}</td><td class='ok'>{len(group) - len(missed)}</td>"
            f"<td class='no'>{cells}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "".join(parts)
