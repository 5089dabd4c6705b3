"""Anki and CSV: the .apkg read back with Anki's own format (SQLite in a zip), stable note
ids, the CSV export, and a CSV of simple questions imported into a validated bank."""

from __future__ import annotations

import csv
import html
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import genanki

from renshu.grader.quiz.banks import load_bank_file, load_catalogue, load_curriculum
from renshu.grader.quiz.model import SingleChoice, text_in

CATALOGUE = load_catalogue()


def renshu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RENSHU_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "renshu", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _plain(markdown: str) -> str:
    return markdown.replace("`", "").replace("**", "").replace("\n", "").strip()


def _plain_html(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("\n", "").strip()


def _notes(apkg: Path, tmp: Path) -> list[tuple[str, list[str], str]]:
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        return [
            (g, f.split("\x1f"), t) for g, f, t in db.execute("SELECT guid, flds, tags FROM notes")
        ]
    finally:
        db.close()


def test_the_anki_deck_holds_one_note_per_question_with_stable_ids(tmp_path: Path) -> None:
    deck = tmp_path / "rl.apkg"
    done = renshu(
        "bank",
        "--data-dir",
        str(tmp_path / "home"),
        "export",
        "--anki",
        str(deck),
        "--topic",
        "rl",
        "--lang",
        "ja",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    notes = _notes(deck, tmp_path / "one")
    rl = {qid: q for qid, (q, b) in CATALOGUE.questions.items() if b.bank.topic == "rl"}
    assert {fields[2] for _g, fields, _t in notes} == set(rl)
    for guid, (front, back, qid), tags in notes:
        q = rl[qid]
        assert guid == genanki.guid_for(qid)  # a re-import updates, never duplicates
        assert "renshu::rl" in tags.split()
        assert f"type::{q.type}" in tags.split()
        assert f"syllabus::{load_curriculum().area_of('rl', q.syllabus)}" in tags.split()
        assert _plain(text_in(q.explanation, "ja"))[:20] in _plain_html(back)
        if isinstance(q, SingleChoice):
            right = next(c for c in q.choices if c.correct)
            letter = back.split("正解: ")[1][0]
            items = front.split("<li>")[1:]
            assert _plain_html(items[ord(letter) - 65]).startswith(
                _plain(text_in(right.text, "ja"))[:15]
            )
    again = tmp_path / "again.apkg"
    renshu(
        "bank",
        "--data-dir",
        str(tmp_path / "home"),
        "export",
        "--anki",
        str(again),
        "--topic",
        "rl",
        "--lang",
        "ja",
        cwd=tmp_path,
    )
    assert sorted(g for g, _f, _t in _notes(again, tmp_path / "two")) == sorted(
        g for g, _f, _t in notes
    )


def test_the_csv_export_has_a_row_per_question_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    done = renshu(
        "bank", "--data-dir", str(tmp_path / "home"), "export", "--csv", str(out), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == list(CATALOGUE.questions)
    first = CATALOGUE.questions[rows[0]["id"]][0]
    assert "<hr>" in rows[0]["front"]  # ja, then en
    assert text_in(first.prompt, "en")[:20] in rows[0]["front"]


HEADER = "id,type,concepts,prompt_ja,prompt_en,answer_ja,answer_en,wrong1_ja,wrong1_en,wrong2_ja,wrong2_en,explanation_ja,explanation_en,hint_ja,hint_en\n"


def test_a_csv_of_simple_questions_becomes_a_valid_bank(tmp_path: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(
        HEADER
        + "lstm.mine-1,single_choice,lstm.forget_gate,忘却ゲートの活性化関数はどれですか。,Which activation does the forget gate use?,シグモイド,sigmoid,tanh,tanh,ReLU,ReLU,0〜1 の値で残す割合を表します。,It gives a share in 0..1 to keep.,値の範囲を考えます。,Think of the range.\n"
        + "lstm.mine-2,true_false,lstm.cec,CEC は勾配を一定に保ちます。,The CEC keeps the error constant.,true,true,,,,,誤差を一定に流します。,It carries the error unchanged.,,\n"
        + "lstm.mine-3,short_answer,lstm.output_gate,,Which gate scales tanh(c)?,,output|output gate,,,,,,The output gate.,,\n"
        + "lstm.mine-4,flashcard,lstm.peephole,,Peephole connections?,,Gates see the cell state.,,,,,,Gers & Schmidhuber 2000.,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "mine.yaml"
    done = renshu(
        "bank", "import", "--csv", str(source), "--topic", "lstm", "-o", str(out), cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    loaded, errors = load_bank_file(out, load_curriculum(), builtin=False)
    assert errors == []
    assert loaded is not None
    kinds = {q.id: q.type for q in loaded.bank.questions}
    assert kinds == {
        "lstm.mine-1": "single_choice",
        "lstm.mine-2": "true_false",
        "lstm.mine-3": "short_answer",
        "lstm.mine-4": "flashcard",
    }


def test_a_bad_csv_row_is_named_by_its_row_and_nothing_is_written(tmp_path: Path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(
        HEADER
        + "lstm.ok,flashcard,lstm.peephole,,Front?,,Back.,,,,,,Why.,,\n"
        + "lstm.bad,essay,lstm.peephole,,Q?,,A,,,,,,E,,\n"
        + "lstm.bad2,single_choice,lstm.forget_gate,,Q?,,,,,,,,E,,\n",
        encoding="utf-8",
    )
    done = renshu("bank", "import", "--csv", str(source), "--topic", "lstm", cwd=tmp_path)
    assert done.returncode == 1
    assert f"{source}:3: type: 'essay' is not one of" in done.stdout
    assert f"{source}:4:" in done.stdout
    assert not (tmp_path / "bad.yaml").exists()
