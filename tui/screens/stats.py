"""Stats: accuracy and mastery per topic, activity, what is due, exercises passed, leeches."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Label, Sparkline, Static

from renshu.grader.progress.resume import Place
from renshu.grader.wording import say

from ..base import RenshuScreen
from ..bindings import bindings_for
from .home import mastery_bar


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class StatsScreen(RenshuScreen[None]):
    """Progress so far; escape goes back."""

    SCOPE = "stats"
    BINDINGS = bindings_for("stats")

    def place(self) -> Place:
        return Place("stats")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(id="stats-head")
            with Horizontal(classes="stats-spark"):
                yield Label(id="recent-label")
                yield Sparkline([0], id="recent")
            with Horizontal(classes="stats-spark"):
                yield Label(id="activity-label")
                yield Sparkline([0], id="activity")
            yield DataTable(id="stats-topics", cursor_type="row", zebra_stripes=True)
            yield Static(id="stats-foot")
        yield Footer()

    def on_mount(self) -> None:
        self.update_language()

    def update_language(self) -> None:
        self.reload()

    def reload(self) -> None:
        service, lang = self.service, self.renshu_app.lang
        if service is None:
            return
        stats = service.stats()
        self.query_one("#stats-head", Static).update(
            f"[b]{say('stats.title', lang)}[/b]\n"
            f"{say('stats.answers', lang)} {stats.answers} · {say('stats.accuracy', lang)} {pct(stats.accuracy)} · "
            f"{say('stats.streak', lang)} {say('stats.days', lang, n=stats.streak_days)} · "
            f"{say('stats.retention', lang)} {pct(stats.retention)} · {say('stats.due', lang)} {stats.due_today}"
        )
        self.query_one("#recent-label", Label).update(
            f"{say('stats.recent', lang)} {sum(stats.activity_14_days)} "
        )
        self.query_one("#recent", Sparkline).data = [float(n) for n in stats.activity_14_days] or [
            0.0
        ]
        self.query_one("#activity-label", Label).update(
            f"{say('stats.activity', lang)} {' '.join(map(str, stats.due_next_7_days))} "
        )
        self.query_one("#activity", Sparkline).data = [float(n) for n in stats.due_next_7_days] or [
            0.0
        ]
        table = self.query_one("#stats-topics", DataTable)
        table.clear(columns=True)
        for key in ("home.topic", "stats.answers", "stats.accuracy", "home.mastery"):
            table.add_column(say(key, lang))
        for summary in service.home().topics:
            mine = [v for c, v in stats.mastery.items() if c.startswith(summary.topic + ".")]
            per = stats.per_topic.get(summary.topic)
            table.add_row(
                summary.title.get(lang),
                str(per.answers if per else 0),
                pct(per.accuracy if per else None),
                mastery_bar(sum(mine) / len(mine) if mine else 0.0),
            )
        none = say("stats.none", lang)
        self.query_one("#stats-foot", Static).update(
            f"{say('stats.passed', lang)}: {', '.join(stats.exercises_passed) or none}\n"
            f"{say('stats.leeches', lang)}: {', '.join(stats.leeches) or none}"
        )
