"""The app's own interface strings in Japanese and English (content comes bilingual from the banks)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["ja", "en"]

STRINGS: dict[str, tuple[str, str]] = {
    # key: (ja, en)
    "app.title": ("renshu 練習", "renshu 練習"),
    "app.loading": ("読み込み中…", "Loading…"),
    "home.topic": ("トピック", "Topic"),
    "home.mastery": ("習熟度", "Mastery"),
    "home.questions": ("問題", "Questions"),
    "home.exercises": ("演習", "Exercises"),
    "home.due": ("復習", "Due"),
    "home.summary": (
        "今日: 復習 {reviews} 問 · 新しい問題 {new} 問 · 連続学習 {streak} 日    [dim]enter: クイズ  r: 今日の学習[/]",
        "Today: {reviews} to review · {new} new · {streak}-day streak    [dim]enter: quiz  r: today's queue[/]",
    ),
    "home.empty": (
        "問題がありません。問題集を追加してください(renshu bank new)。",
        "No questions yet. Add a bank (renshu bank new).",
    ),
    "home.no_due": ("今日の復習はありません。", "Nothing is due for review today."),
    "stats.title": ("学習の記録", "Your progress"),
    "stats.answers": ("解答数", "Answers"),
    "stats.accuracy": ("正答率", "Accuracy"),
    "stats.streak": ("連続学習", "Streak"),
    "stats.retention": ("定着率", "Retention"),
    "stats.due": ("今日の復習", "Due today"),
    "stats.activity": ("今後 7 日の復習予定", "Due over the next 7 days"),
    "stats.recent": ("最近 14 日の解答数", "Answers, last 14 days"),
    "stats.passed": ("合格した演習", "Exercises passed"),
    "stats.leeches": ("苦手な問題(8 回以上忘れた)", "Leeches (forgotten 8+ times)"),
    "stats.none": ("なし", "none"),
    "stats.days": ("{n} 日", "{n} day(s)"),
    "help.title": ("キー操作", "Key bindings"),  # key labels: the registry (bindings.py)
    "notice.bank_error": ("問題集を読み込めませんでした", "A question bank could not be loaded"),
    "notice.store": ("学習記録について", "About your progress"),
}


def tr(table: dict[str, tuple[str, str]], key: str, lang: Lang, **values: object) -> str:
    """Like ``t`` for a screen's own string table (kept next to the screen)."""
    ja, en = table[key]
    text = ja if lang == "ja" else en
    return text.format(**values) if values else text


def t(key: str, lang: Lang, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``{name}`` values filled in."""
    ja, en = STRINGS[key]
    text = ja if lang == "ja" else en
    return text.format(**values) if values else text
