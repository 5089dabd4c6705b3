"""Unit tests of the workspace's file side (no Textual): the learner's copy, saving, polling,
$EDITOR and the one-grading-at-a-time lock."""

from __future__ import annotations

import os
import shlex
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from renshu.tui import workspace_files
from renshu.tui.workspace_files import (
    RACY_SECONDS,
    EditorError,
    RunTags,
    WorkspaceFile,
    WorkspaceFileError,
    atomic_write,
)

STARTER = "def f(x):\n    raise NotImplementedError\n"


def starter_locator(path: Path):
    """What ``StudyService.workspace_file`` does: copy the starter if the file is missing."""

    def locate() -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text(STARTER, encoding="utf-8")
        return path

    return locate


def opened(tmp_path: Path) -> WorkspaceFile:
    files = WorkspaceFile(starter_locator(tmp_path / "workspace" / "f.py"))
    assert files.open() == STARTER
    return files


def long_after(path: Path) -> int:
    """A poll time when the file's last change is no longer recent."""
    return path.stat().st_mtime_ns + int(RACY_SECONDS * 2e9)


class Suspend:
    """Stands in for ``App.suspend()``: records whether the UI stepped aside."""

    def __init__(self) -> None:
        self.entered = self.exited = False

    def __enter__(self) -> Suspend:
        self.entered = True
        return self

    def __exit__(self, *_exc: object) -> None:
        self.exited = True


# -- reading and polling -------------------------------------------------------------------


def test_open_locates_the_learners_copy_of_the_starter(tmp_path: Path) -> None:
    files = WorkspaceFile(starter_locator(tmp_path / "ws" / "f.py"))
    assert files.path is None
    assert not files.is_unsaved("anything")  # nothing to save to yet
    assert files.open() == STARTER
    assert files.path == tmp_path / "ws" / "f.py"
    assert files.disk_text == STARTER
    assert files.is_unsaved("# edited\n")
    assert not files.is_unsaved(STARTER)


def test_a_write_by_another_program_is_detected_once(tmp_path: Path) -> None:
    files = opened(tmp_path)
    assert files.path is not None
    files.path.write_text("def f(x):\n    return x + 1\n", encoding="utf-8")
    change = files.poll()
    assert change.kind == "changed"
    assert change.text == "def f(x):\n    return x + 1\n"
    assert files.disk_text == change.text
    assert files.poll().kind == "unchanged"
    assert files.poll(now_ns=long_after(files.path)).kind == "unchanged"


def test_a_same_size_rewrite_in_the_same_clock_tick_is_still_detected(tmp_path: Path) -> None:
    files = opened(tmp_path)
    path = files.path
    assert path is not None
    before = path.stat()
    same_length = STARTER.replace("raise", "RAISE")
    path.write_text(same_length, encoding="utf-8")  # same inode, same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    assert files.poll(now_ns=before.st_mtime_ns + 1).kind == "changed"  # recent: read again
    assert files.disk_text == same_length


def test_a_touched_file_is_not_a_change(tmp_path: Path) -> None:
    files = opened(tmp_path)
    assert files.path is not None
    later = time.time_ns() + 5 * 10**9
    os.utime(files.path, ns=(later, later))
    assert files.poll().kind == "unchanged"
    assert files.disk_text == STARTER


def test_a_deleted_file_is_recreated_from_the_starter(tmp_path: Path) -> None:
    files = opened(tmp_path)
    assert files.path is not None
    files.save("# my work\n")
    files.path.unlink()
    change = files.poll()
    assert change.kind == "recreated"
    assert change.text == STARTER
    assert files.path.read_text(encoding="utf-8") == STARTER
    assert files.is_unsaved("# my work\n")  # the editor's text is now the unsaved one


def test_an_unreadable_file_gives_a_clear_error_once(tmp_path: Path) -> None:
    folder = tmp_path / "f.py"
    folder.mkdir()  # a folder where the file should be: unreadable even for root
    files = WorkspaceFile(lambda: folder)
    with pytest.raises(WorkspaceFileError) as raised:
        files.open()
    message = str(raised.value)
    assert str(folder) in message
    assert "Is a directory" in message
    assert "Errno" not in message
    assert raised.value.path == folder
    assert files.path == folder
    assert files.disk_text == ""
    assert files.poll().kind == "unchanged"  # reported once, not at every poll


def test_a_failing_locate_is_a_workspace_file_error(tmp_path: Path) -> None:
    def locate() -> Path:
        raise PermissionError(13, "Permission denied", str(tmp_path / "ws"))

    with pytest.raises(WorkspaceFileError, match="Permission denied"):
        WorkspaceFile(locate).open()


# -- saving --------------------------------------------------------------------------------


def test_save_writes_the_text_and_keeps_the_permissions(tmp_path: Path) -> None:
    files = opened(tmp_path)
    path = files.path
    assert path is not None
    path.chmod(0o600)
    inode = path.stat().st_ino
    files.save("def f(x):\n    return x\n")
    assert path.read_text(encoding="utf-8") == "def f(x):\n    return x\n"
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.py"]  # no temporary left
    assert not files.is_unsaved("def f(x):\n    return x\n")
    assert files.poll().kind == "unchanged"  # our own save is not an external change


def test_a_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = opened(tmp_path)
    path = files.path
    assert path is not None

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workspace_files.os, "replace", disk_full)
    with pytest.raises(WorkspaceFileError, match="No space left on device"):
        files.save("half of the new text")
    assert path.read_text(encoding="utf-8") == STARTER
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.py"]
    assert files.is_unsaved("half of the new text")  # still unsaved: the learner may retry


def test_save_creates_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "deeper" / "f.py"
    files = WorkspaceFile(lambda: path)  # located, but the folder is not there (any more)
    with pytest.raises(WorkspaceFileError):
        files.open()
    files.save("x = 1\n")
    assert path.read_text(encoding="utf-8") == "x = 1\n"


def test_an_unwritable_place_is_a_clear_error_and_save_quietly_does_not_raise(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    files = WorkspaceFile(lambda: blocker / "f.py")
    with pytest.raises(WorkspaceFileError):
        files.open()
    with pytest.raises(WorkspaceFileError) as raised:
        files.save("x = 1\n")
    assert str(blocker / "f.py") in str(raised.value)
    assert files.save_quietly("x = 1\n") is False
    assert files.save_quietly("") is True  # nothing unsaved: nothing to write


def test_atomic_write_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    atomic_write(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


# -- $EDITOR -------------------------------------------------------------------------------


def test_editor_command_is_split_like_a_shell_with_the_file_last(tmp_path: Path) -> None:
    files = opened(tmp_path)
    path = str(files.path)
    assert files.editor_command({"EDITOR": "code --wait"}) == ["code", "--wait", path]
    assert files.editor_command({"EDITOR": "'my editor' -n"}) == ["my editor", "-n", path]
    assert files.editor_command({}) == ["vi", path]
    with pytest.raises(EditorError) as raised:
        files.editor_command({"EDITOR": "vim 'unclosed"})
    assert raised.value.command == "vim 'unclosed"
    with pytest.raises(EditorError):
        files.editor_command({"EDITOR": "   "})  # would otherwise run the file itself


def test_the_editor_runs_inside_suspend_and_its_change_is_seen(tmp_path: Path) -> None:
    files = opened(tmp_path)
    script = "import sys; open(sys.argv[1], 'w').write('edited by the editor\\n')"
    suspend = Suspend()
    code = files.run_editor(suspend, {"EDITOR": shlex.join([sys.executable, "-c", script])})
    assert code == 0
    assert suspend.entered
    assert suspend.exited
    change = files.poll()
    assert change.kind == "changed"
    assert change.text == "edited by the editor\n"


def test_the_editors_exit_code_is_returned(tmp_path: Path) -> None:
    files = opened(tmp_path)
    command = shlex.join([sys.executable, "-c", "raise SystemExit(3)"])
    assert files.run_editor(Suspend(), {"EDITOR": command}) == 3


def test_a_missing_editor_is_an_editor_error_and_the_ui_comes_back(tmp_path: Path) -> None:
    files = opened(tmp_path)
    suspend = Suspend()
    with pytest.raises(EditorError) as raised:
        files.run_editor(suspend, {"EDITOR": str(tmp_path / "no-such-editor")})
    assert raised.value.command == str(tmp_path / "no-such-editor")
    assert suspend.entered
    assert suspend.exited


def test_a_bad_editor_command_never_suspends_the_ui(tmp_path: Path) -> None:
    files = opened(tmp_path)
    suspend = Suspend()
    with pytest.raises(EditorError):
        files.run_editor(suspend, {"EDITOR": "vim 'unclosed"})
    assert not suspend.entered


def test_what_suspend_raises_comes_out_as_it_is(tmp_path: Path) -> None:
    files = opened(tmp_path)

    class CannotSuspend(Exception):
        pass

    @contextmanager
    def refuse() -> Iterator[None]:
        raise CannotSuspend
        yield

    with pytest.raises(CannotSuspend):
        files.run_editor(refuse(), {"EDITOR": "true"})


# -- grading runs --------------------------------------------------------------------------


def test_only_the_newest_run_grades() -> None:
    runs = RunTags()
    first, second = runs.new(), runs.new()
    called: list[int] = []
    assert runs.run_if_current(first, lambda: called.append(first)) is None
    assert runs.run_if_current(second, lambda: called.append(second) or "graded") == "graded"
    assert called == [second]


def test_gradings_never_overlap_and_a_superseded_one_skips_itself() -> None:
    runs = RunTags()
    started = threading.Event()
    release = threading.Event()
    log: list[str] = []

    def slow() -> str:
        log.append("first starts")
        started.set()
        release.wait(10)
        log.append("first ends")
        return "first"

    first = runs.new()
    worker = threading.Thread(target=lambda: runs.run_if_current(first, slow))
    worker.start()
    assert started.wait(10)
    second = runs.new()  # a newer save while the first one grades
    third = runs.new()
    results: dict[int, object] = {}
    waiting = [
        threading.Thread(
            target=lambda run=run: results.__setitem__(
                run, runs.run_if_current(run, lambda run=run: log.append(f"{run} runs") or run)
            )
        )
        for run in (second, third)
    ]
    for thread in waiting:
        thread.start()
    time.sleep(0.1)
    assert log == ["first starts"]  # the others wait for the lock
    release.set()
    for thread in [worker, *waiting]:
        thread.join(10)
    assert log == ["first starts", "first ends", f"{third} runs"]
    assert results == {second: None, third: third}
