"""Which isolation is in force, checked from outside: the level, the doctor and a real child."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from renshu.grader.sandbox import bwrap
from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation

HAS_BWRAP = shutil.which("bwrap") is not None
needs_bwrap = pytest.mark.skipif(
    not HAS_BWRAP, reason="bubblewrap is not installed here (CI installs it with apt)"
)
PROBE = """# exercise: lstm_cell
import os
print("UID", os.geteuid(), "GROUPS", os.getgroups())
with open("/proc/self/status") as f:
    wanted = ("CapEff", "CapBnd", "NoNewPrivs", "Seccomp:")
    print("".join(line for line in f if line.startswith(wanted)))
print("ROOT", sorted(os.listdir("/")))

def lstm_cell(x, h_prev, c_prev, params):
    return h_prev, c_prev
"""


def _renshu(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "renshu", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        check=False,
    )
    return done.stdout


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RENSHU_SANDBOX_ISOLATION"}
    return env | extra


@needs_bwrap
def test_with_bubblewrap_installed_grading_runs_at_the_full_level() -> None:
    assert bwrap.works(), "bwrap is installed but cannot build the sandbox here"
    level = detect_isolation.__wrapped__()
    assert level is IsolationLevel.BUBBLEWRAP
    assert level.full


@needs_bwrap
def test_the_child_is_unprivileged_filtered_and_sees_only_the_minimal_root(tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(PROBE, encoding="utf-8")
    data = json.loads(
        _renshu(
            "grade", str(path), "--json", "--no-record", "--max-examples", "1", env=_clean_env()
        )
    )
    assert data["isolation"] == IsolationLevel.BUBBLEWRAP.value
    out = data["stdout"]
    uid = int(out.split("UID ")[1].split()[0])
    if os.geteuid() == 0:
        assert uid == 65534  # never kernel uid 0, even when renshu runs as root
    else:
        assert uid == os.geteuid()
    assert "CapEff:\t0000000000000000" in out
    assert "CapBnd:\t0000000000000000" in out
    assert "NoNewPrivs:\t1" in out
    assert "Seccomp:\t2" in out
    root = ast.literal_eval(out.split("ROOT ")[1].strip())  # the list the probe printed
    assert not {"tmp", "home", "run", "var", "mnt", "media", "srv", "opt"} & set(root)


def test_doctor_reports_the_level_that_grading_uses(tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(PROBE, encoding="utf-8")
    for forced in (None, "namespaces", "process-group"):
        env = _clean_env() if forced is None else _clean_env(RENSHU_SANDBOX_ISOLATION=forced)
        doctor = json.loads(_renshu("doctor", "--json", env=env))
        graded = json.loads(
            _renshu("grade", str(path), "--json", "--no-record", "--max-examples", "1", env=env)
        )
        level = next(lv for lv in IsolationLevel if lv.code == doctor["isolation"])
        assert graded["isolation"].startswith(level.value)
        assert doctor["full"] is (level is IsolationLevel.BUBBLEWRAP)
        if forced is not None:
            assert level.code == forced or (forced == "namespaces" and not level.full)
        if not doctor["full"]:
            assert "sudo apt install bubblewrap" in json.dumps(doctor["install"])
        assert doctor["probe"]["socket_allowed"] is not True or not doctor["seccomp"]["available"]


def test_the_human_report_warns_about_weaker_isolation_once(tmp_path: Path) -> None:
    path = tmp_path / "probe.py"
    path.write_text(PROBE, encoding="utf-8")
    env = _clean_env(RENSHU_SANDBOX_ISOLATION="process-group", TERM="dumb", NO_COLOR="1")
    out = _renshu("grade", str(path), "--no-record", "--lang", "en", "--max-examples", "1", env=env)
    assert out.count("untrusted files need bubblewrap") == 1
    if HAS_BWRAP:
        full = _renshu(
            "grade",
            str(path),
            "--no-record",
            "--lang",
            "en",
            "--max-examples",
            "1",
            env=_clean_env(),
        )
        assert "untrusted files need bubblewrap" not in full
