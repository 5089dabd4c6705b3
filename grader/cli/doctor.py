"""``renshu doctor``: which isolation grading gets here, what each part blocks, how to get more."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Any

from renshu.grader.cli.common import Subparsers, json_dumps, lang_of
from renshu.grader.sandbox import bwrap, seccomp_policy
from renshu.grader.sandbox.isolation import BLOCKS, IsolationLevel, detect_isolation
from renshu.grader.settings import Lang, forced_isolation
from renshu.grader.wording import say

INSTALL_HINT = {
    "debian": "sudo apt install bubblewrap",
    "fedora": "sudo dnf install bubblewrap",
    "arch": "sudo pacman -S bubblewrap",
}
_PARTS_BY_LEVEL: dict[IsolationLevel, set[str]] = {
    IsolationLevel.BUBBLEWRAP: set(BLOCKS),
    IsolationLevel.BUBBLEWRAP_NO_SECCOMP: set(BLOCKS) - {"seccomp"},
    IsolationLevel.FULL_NAMESPACES: {"namespaces", "rlimits"},
    IsolationLevel.PID_NET_NAMESPACE: {"rlimits"},
    IsolationLevel.PID_NAMESPACE: {"rlimits"},
    IsolationLevel.USER_PID_NAMESPACE: {"rlimits"},
    IsolationLevel.PROCESS_GROUP: {"rlimits"},
}
# Each part's catalogue keys: (its name, what it blocks), in the language of the report.
_PART_KEYS: dict[str, tuple[str, str]] = {
    "namespaces": ("cli.doctor.part.namespaces", "cli.doctor.blocks.namespaces"),
    "minimal root": ("cli.doctor.part.minimal_root", "cli.doctor.blocks.minimal_root"),
    "seccomp": ("cli.doctor.part.seccomp", "cli.doctor.blocks.seccomp"),
    "unprivileged uid": ("cli.doctor.part.unprivileged_uid", "cli.doctor.blocks.unprivileged_uid"),
    "rlimits": ("cli.doctor.part.rlimits", "cli.doctor.blocks.rlimits"),
}


def register(sub: Subparsers, data: argparse.ArgumentParser) -> None:
    doctor = sub.add_parser(
        "doctor", help="how well graded files are isolated here, and how to make it full"
    )
    doctor.add_argument("--json", action="store_true", help="print one JSON object")
    doctor.add_argument("--lang", choices=["ja", "en"], default=None)
    doctor.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data = report()
    if args.json:
        sys.stdout.write(json_dumps(data) + "\n")
    else:
        sys.stdout.write(render(data, lang_of(args)) + "\n")
    return 0


def _bwrap_version() -> str | None:
    path = bwrap.bwrap_path()
    if path is None:
        return None
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None


_PROBE = """
import os, socket

def probe():
    try:
        socket.socket(socket.AF_UNIX).close()
        sockets = True
    except OSError:
        sockets = False
    return [os.geteuid(), sockets]
"""


def _probe_child() -> tuple[int | None, bool | None, str | None]:
    """Run a real sandbox child: its uid, whether it could make a socket, or what failed."""
    from renshu.grader.sandbox import ChildFailure, SandboxRunner

    try:
        with SandboxRunner(_PROBE, "probe", "doctor_probe.py") as runner:
            if not runner.load().ok:
                return None, None, "the probe could not be imported"
            result = runner.call([])
    except (ChildFailure, OSError) as e:
        return None, None, str(e)
    value = result.value
    if not result.ok or type(value) is not list or len(value) != 2:
        return None, None, "the probe gave no answer"
    return int(value[0]), bool(value[1]), None


def report() -> dict[str, Any]:
    """Everything ``renshu doctor --json`` prints (stable keys), checked by a real child."""
    level = detect_isolation()
    try:
        seccomp_policy.filter_program()
        seccomp_problem = None
    except seccomp_policy.SeccompUnavailable as e:
        seccomp_problem = str(e)
    uid, sockets, probe_problem = _probe_child()
    in_force = set(_PARTS_BY_LEVEL[level])
    if sockets is False:
        in_force.add("seccomp")
    elif sockets:
        in_force.discard("seccomp")
    if uid is not None and uid != 0 and (level.uses_bwrap or os.geteuid() == 0):
        in_force.add("unprivileged uid")
    elif uid == 0:
        in_force.discard("unprivileged uid")
    return {
        "isolation": level.code,
        "description": level.value,
        "full": level.full,
        "parts": {name: {"in_force": name in in_force, "blocks": BLOCKS[name]} for name in BLOCKS},
        "bubblewrap": {
            "path": bwrap.bwrap_path(),
            "version": _bwrap_version(),
            "works": bwrap.works(),
        },
        "seccomp": {"available": seccomp_problem is None, "problem": seccomp_problem},
        "root": os.geteuid() == 0,
        "probe": {"uid": uid, "socket_allowed": sockets, "problem": probe_problem},
        "forced": forced_isolation() or None,
        "install": None if level.full else INSTALL_HINT,
    }


def render(data: dict[str, Any], lang: Lang) -> str:
    """The human report: level first, then each part with what it blocks, then the fix."""
    lines = [say("cli.doctor.level", lang, level=data["isolation"]), f"  {data['description']}"]
    if data["full"]:
        lines.append("  " + say("cli.doctor.full", lang))
    else:
        lines.append("  " + say("cli.doctor.weaker", lang))
    lines.append("")
    for name, part in data["parts"].items():
        mark = "✓" if part["in_force"] else "✗"
        title_key, blocks_key = _PART_KEYS[name]
        lines.append(f"{mark} {say(title_key, lang)}: {say(blocks_key, lang)}")
    lines.append("")
    bw = data["bubblewrap"]
    if bw["path"] is None:
        lines.append(say("cli.doctor.bwrap_missing", lang))
    else:
        if bw["works"]:
            state = say("cli.doctor.bwrap_works", lang)
        else:
            state = say("cli.doctor.bwrap_broken", lang)
        lines.append(f"bubblewrap: {bw['path']} ({bw['version'] or '?'}), {state}")
    probe = data["probe"]
    if probe["problem"]:
        lines.append(say("cli.doctor.probe_failed", lang, problem=probe["problem"]))
    elif probe["socket_allowed"]:
        lines.append(say("cli.doctor.probe_socket_allowed", lang, uid=probe["uid"]))
    else:
        lines.append(say("cli.doctor.probe_socket_refused", lang, uid=probe["uid"]))
    if not data["seccomp"]["available"]:
        lines.append(
            say("cli.doctor.seccomp_unavailable", lang, problem=data["seccomp"]["problem"])
        )
    if data["forced"]:
        lines.append(f"RENSHU_SANDBOX_ISOLATION={data['forced']}")
    if data["install"]:
        lines.append("")
        lines.append(say("cli.doctor.install", lang))
        for distro, command in data["install"].items():
            lines.append(f"  {distro}: {command}")
        lines.append("  " + say("cli.doctor.macos", lang))
    return "\n".join(lines)
