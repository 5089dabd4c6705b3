"""Questions out of renshu: Anki decks (``.apkg``, genanki) and CSV, one card per question.

The front is the prompt with its choices; the back is the answer, the
explanation and each wrong choice's ``why``. Tags name the topic, the syllabus
area and the type. Note ids (guids) come from the question id, so importing a
newer export into Anki updates the notes instead of duplicating them. A
parameterised numeric question is exported with the parameters drawn from a
fixed seed (the same card every time).
"""

from __future__ import annotations

import hashlib
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from renshu.grader.quiz.answer_check import instantiate_numeric, shuffled_order
from renshu.grader.quiz.banks import Catalogue, load_curriculum
from renshu.grader.quiz.model import (
    AnyQuestion,
    Cloze,
    Flashcard,
    MultiSelect,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    text_in,
)
from renshu.grader.text import Lang

ExportLang = Literal["ja", "en", "both"]
MODEL_NAME = "renshu question"
_LABEL = {"ja": ("正解", "解説", "誤りの理由"), "en": ("Answer", "Explanation", "Why not")}


@dataclass(frozen=True)
class Card:
    question_id: str
    topic: str
    area: str
    kind: str
    front: str  # HTML
    back: str  # HTML
    tags: tuple[str, ...]


def stable_id(text: str) -> int:
    """A positive 31-bit id from ``text`` (Anki's model and deck ids)."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) & 0x7FFFFFFF


def _html(text: str) -> str:
    """Markdown-lite to HTML: code blocks, inline code, line breaks; everything escaped."""
    parts = re.split(r"```(?:[a-z]*)\n(.*?)```", text, flags=re.S)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<pre><code>{html.escape(part)}</code></pre>")
            continue
        escaped = html.escape(part.strip("\n"))
        escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
        escaped = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", escaped)
        out.append(escaped.replace("\n", "<br>"))
    return "".join(out)


def _sides(q: AnyQuestion, lang: Lang) -> tuple[str, str]:
    answer_label, explanation_label, why_label = _LABEL[lang]
    prompt = text_in(q.prompt, lang)
    back: list[str] = []
    if isinstance(q, Numeric):
        instance = instantiate_numeric(q, lang, random.Random(0))
        prompt = instance.prompt
        unit = f" {text_in(q.unit, lang)}" if q.unit is not None else ""
        back.append(f"{answer_label}: {instance.answer:g}{unit}")
    front = [_html(prompt)]
    if isinstance(q, SingleChoice | MultiSelect):
        # Banks often list the right choice first: shown in an order fixed per question.
        shown = list(q.choices)
        random.Random(q.id).shuffle(shown)
        items = "".join(f"<li>{_html(text_in(c.text, lang))}</li>" for c in shown)
        front.append(f"<ol type='A'>{items}</ol>")
        right = [chr(65 + i) for i, c in enumerate(shown) if c.correct]
        back.append(f"{answer_label}: {', '.join(right)}")
        whys = [
            f"<li>{chr(65 + i)}: {_html(text_in(c.why, lang))}</li>"
            for i, c in enumerate(shown)
            if not c.correct and c.why is not None
        ]
        if whys:
            back.append(f"{why_label}:<ul>{''.join(whys)}</ul>")
    elif isinstance(q, TrueFalse):
        back.append(f"{answer_label}: {'○' if q.answer else '×'}")
        if q.why is not None:
            back.append(_html(text_in(q.why, lang)))
    elif isinstance(q, ShortAnswer):
        back.append(f"{answer_label}: {html.escape(q.accepted[0])}")
    elif isinstance(q, Cloze):
        answers = " / ".join(f"({n}) {html.escape(a[0])}" for n, a in enumerate(q.blanks, 1))
        front = [_html(re.sub(r"\{\{(\d+)\}\}", r"(\1) ____", prompt))]
        back.append(f"{answer_label}: {answers}")
    elif isinstance(q, Ordering):
        order = shuffled_order(q, random.Random(q.id))
        mixed = "".join(f"<li>{_html(text_in(q.items[i], lang))}</li>" for i in order)
        front.append(f"<ol>{mixed}</ol>")
        in_order = "".join(f"<li>{_html(text_in(t, lang))}</li>" for t in q.items)
        back.append(f"{answer_label}:<ol>{in_order}</ol>")
    elif isinstance(q, Flashcard):
        back.append(_html(text_in(q.back, lang)))
    back.append(f"<b>{explanation_label}</b><br>{_html(text_in(q.explanation, lang))}")
    return "".join(front), "<br><br>".join(back)


def cards(catalogue: Catalogue, lang: ExportLang = "both", topic: str | None = None) -> list[Card]:
    """One card per question (of ``topic``), in the banks' order."""
    curriculum = load_curriculum()
    out = []
    for qid, (q, loaded) in catalogue.questions.items():
        bank_topic = loaded.bank.topic
        if topic is not None and bank_topic != topic:
            continue
        langs: list[Lang] = ["ja", "en"] if lang == "both" else [lang]
        sides = [_sides(q, one) for one in langs]
        front = "<hr>".join(s[0] for s in sides)
        back = "<hr>".join(s[1] for s in sides)
        area = curriculum.area_of(bank_topic, q.syllabus)
        tags = (f"renshu::{bank_topic}", f"syllabus::{area}", f"type::{q.type}")
        out.append(Card(qid, bank_topic, area, q.type, front, back, tags))
    return out


def write_apkg(deck_cards: list[Card], path: Path, deck_name: str = "renshu 練習") -> None:
    import genanki  # type: ignore[import-untyped]

    model = genanki.Model(
        stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}",
            }
        ],
    )
    deck = genanki.Deck(stable_id(deck_name), deck_name)
    for card in deck_cards:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[card.front, card.back, card.question_id],
                tags=list(card.tags),
                guid=genanki.guid_for(card.question_id),
            )
        )
    genanki.Package(deck).write_to_file(str(path))


CSV_FIELDS = ("id", "topic", "syllabus", "type", "front", "back", "tags")


def write_csv(deck_cards: list[Card], path: Path) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_FIELDS)
        for c in deck_cards:
            writer.writerow(
                [c.question_id, c.topic, c.area, c.kind, c.front, c.back, " ".join(c.tags)]
            )
