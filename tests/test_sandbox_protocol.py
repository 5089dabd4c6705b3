"""The parent's side of the channel: every reply checked, every text capped and cleaned."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from renshu.grader.grading.result import (
    ArgumentEntry,
    CallOutcome,
    Counterexample,
    GradeResult,
    MisconceptionHit,
    Reason,
    ReturnedEntry,
    Status,
)
from renshu.grader.sandbox import wire
from renshu.grader.sandbox.cleanup import remove_tree
from renshu.grader.sandbox.launch import FOLDER_PREFIX, sweep_stale_folders
from renshu.grader.sandbox.protocol import (
    MAX_MESSAGE_CHARS,
    ProtocolViolation,
    check_reply,
)
from renshu.grader.text import clean_text

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[32mPASS\x1b[0m\r\x9b2J\x00\x7f\u2028"


def test_clean_text_keeps_newlines_tabs_and_japanese_but_no_control_character() -> None:
    text = clean_text("合格\tです\n" + ESCAPES + "ok")
    assert text.startswith("合格\tです\n")
    assert text.endswith("ok")
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
    assert bad == []
    assert "\u2028" not in text
    # the printable remainder of the sequences is still there to read
    assert "]0;pwned" in text
    assert "PASS" in text


def test_clean_text_replaces_lone_surrogates_so_output_always_encodes() -> None:
    clean_text("a\udcffb").encode("utf-8")  # raises if a surrogate survived


def test_a_grade_result_carries_no_control_character_in_any_field() -> None:
    result = GradeResult(
        exercise="lstm_cell",
        file="f.py",
        status=Status.FAIL,
        reason=Reason.MISMATCH,
        message="m" + ESCAPES,
        examples=1,
        seed=0,
        duration_s=0.1,
        isolation="x",
        stdout=ESCAPES,
        stderr=ESCAPES,
        counterexample=Counterexample(
            call=CallOutcome.RETURNED,
            arguments=[
                ArgumentEntry(name="k" + ESCAPES, kind="other", value={"k" + ESCAPES: [ESCAPES]})
            ],
            returned=[
                ReturnedEntry(
                    name=ESCAPES, kind="array", axes=[ESCAPES], sizes=[1], expected=1, got=[ESCAPES]
                )
            ],
            got_whole=[ESCAPES, {"a": ESCAPES}],
            max_abs_error=None,
            where=ESCAPES,
        ),
        misconception=MisconceptionHit(id="x", message=ESCAPES),
    )
    dumped = result.as_json()
    assert "\\u001b" not in dumped
    assert "\\u0007" not in dumped
    assert "\\r" not in dumped
    assert "\\u009b" not in dumped
    assert "\x9b" not in dumped
    assert result.status is Status.FAIL  # codes stay enum members, not plain text
    assert json.loads(dumped)["stdout"].count("PASS") == 1


@pytest.mark.parametrize(
    "message",
    [
        [],
        {"ok": "yes"},
        {"ok": True, "extra": 1},
        {"ok": True, "error": {"type": "X"}},
        {"ok": False},
        {"ok": False, "error": "boom"},
        {"ok": False, "error": {"type": 5}},
        {"ok": False, "error": {"type": "X", "where": 5}},
        {"ok": False, "error": {"type": "X", "where": ["x", 5]}},
        {"ok": False, "error": {"type": "X", "where": [0, "f"]}},
        {"ok": False, "error": {"type": "X", "unknown": 1}},
        {"ok": False, "error": {"type": "X"}, "value": 1},
        {"ok": True, "bye": "yes"},
        {"ok": True, "value": object()},
        {"ok": True, "value": list(range(300))},
    ],
)
def test_malformed_replies_are_protocol_violations(message: object) -> None:
    with pytest.raises(ProtocolViolation):
        check_reply(message)


def test_a_nested_value_beyond_the_depth_limit_is_refused_without_recursion() -> None:
    value: object = 1
    for _ in range(50_000):
        value = [value]
    with pytest.raises(ProtocolViolation):
        check_reply({"ok": True, "value": value})


def test_error_texts_are_capped_and_cleaned() -> None:
    reply = check_reply(
        {
            "ok": False,
            "error": {"type": "E\x1b[2J", "message": "x" * 8_000_000, "where": [3, "f\x07"]},
        }
    )
    assert reply.error is not None
    assert len(reply.error["message"]) < MAX_MESSAGE_CHARS + 100
    assert reply.error["type"] == "E[2J"
    assert reply.error["where"] == [3, "f"]


def test_returned_strings_are_capped() -> None:
    reply = check_reply({"ok": True, "value": ("a" * 100_000, {"k": "b" * 100_000})})
    assert len(reply.value[0]) < 1100
    assert len(reply.value[1]["k"]) < 1100


def _frame(tree: object, blob: bytes = b"") -> bytes:
    head = json.dumps(tree).encode()
    return struct.pack(">I", len(head)) + head + blob


def test_a_deeply_nested_frame_is_a_wire_error_not_a_recursion_error() -> None:
    head = ("[" * 100_000 + "]" * 100_000).encode()
    with pytest.raises(wire.WireError):
        wire.decode(struct.pack(">I", len(head)) + head)


def test_an_array_claiming_more_bytes_than_sent_is_refused() -> None:
    for shape in ([2**40], [2**31, 2**31, 2**31, 2**31], [-1, 4]):
        with pytest.raises(wire.WireError):
            wire.decode(_frame({"t": "nd", "dtype": "<f8", "shape": shape}))


def test_a_frame_over_the_reply_cap_is_refused_before_it_is_read() -> None:
    with pytest.raises(wire.WireError):
        wire.frame_length(struct.pack(">Q", 9 * 2**20), 8 * 2**20)


def test_a_valid_frame_still_round_trips() -> None:
    value = {"h": np.arange(6.0).reshape(2, 3), "n": 3, "s": "ok"}
    data = wire.encode(value)
    decoded = check_reply({"ok": True, "value": wire.decode(data[8:])}).value
    np.testing.assert_array_equal(decoded["h"], value["h"])
    assert decoded["n"] == 3
    assert decoded["s"] == "ok"


def test_remove_tree_removes_a_3000_deep_chain_with_links_and_locked_folders(
    tmp_path: Path,
) -> None:
    top = tmp_path / "top"
    top.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    script = (
        "import os,sys\n"
        f"os.chdir({str(top)!r})\n"
        "for i in range(3000):\n"
        "    os.mkdir('d'); os.chdir('d')\n"
        f"open('f','w').write('x'); os.symlink({str(outside)!r}, 'link')\n"
        "os.mkdir('locked'); os.chmod('locked', 0)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)
    assert remove_tree(top)
    assert not top.exists()
    assert outside.read_text(encoding="utf-8") == "keep"  # a link is removed, not followed


def test_stale_folders_of_dead_graders_are_swept_live_ones_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{FOLDER_PREFIX}{dead.pid}-abc"
    (stale / "sub").mkdir(parents=True)
    (stale / "sub" / "submission.py").write_text("x", encoding="utf-8")
    live = tmp_path / f"{FOLDER_PREFIX}{os.getpid()}-abc"
    live.mkdir()
    other = tmp_path / "unrelated-folder"
    other.mkdir()
    assert sweep_stale_folders() == 1
    assert not stale.exists()
    assert live.exists()
    assert other.exists()
