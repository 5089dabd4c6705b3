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
from renshu.grader.settings import forced_isolation
from renshu.grader.text import Lang

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
_PART_NAMES_JA = {
    "namespaces": "名前空間",
    "minimal root": "最小の読み取り専用ルート",
    "seccomp": "seccomp フィルタ",
    "unprivileged uid": "特権のない uid",
    "rlimits": "資源制限 (rlimit)",
}
_BLOCKS_JA = {
    "namespaces": "独自の PID、ネットワークなし、IPC・ホスト名も別: 採点プロセスを見たり止めたり、"
    "サーバーに接続したり、SysV の共有メモリを残したりできません",
    "minimal root": "Python・NumPy・起動スクリプトだけを読み取り専用で置きます: ホーム、/tmp、/run、"
    "ソケット、端末、進捗データベース、ソースの checkout は存在しません",
    "seccomp": "どのファミリーのソケットも、ptrace、キーリング、mount、unshare、bpf、perf、"
    "io_uring、SysV IPC、端末への入力注入も拒否します",
    "unprivileged uid": "root で動かしても子は権限を持たず、sysctl にも書き込めません",
    "rlimits": "メモリ約 1 GiB、CPU 10 秒、ファイル 1 MiB、開けるファイル 64 個まで",
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
        sys.stdout.write(render(data, "ja" if lang_of(args) == "ja" else "en") + "\n")
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
    ja = lang == "ja"
    lines = [
        ("採点の隔離レベル: " if ja else "grading isolation: ") + data["isolation"],
        f"  {data['description']}",
    ]
    if data["full"]:
        lines.append(
            "  信頼できないファイルも採点できる完全な隔離です。"
            if ja
            else "  full isolation: untrusted files can be graded here."
        )
    else:
        lines.append(
            "  弱い隔離です: 他人のファイルを採点するには bubblewrap が必要です。"
            if ja
            else "  WEAKER isolation: untrusted files need bubblewrap to be graded safely."
        )
    lines.append("")
    for name, part in data["parts"].items():
        mark = "✓" if part["in_force"] else "✗"
        title = _PART_NAMES_JA[name] if ja else name
        blocks = _BLOCKS_JA[name] if ja else part["blocks"]
        lines.append(f"{mark} {title}: {blocks}")
    lines.append("")
    bw = data["bubblewrap"]
    if bw["path"] is None:
        lines.append("bubblewrap: 見つかりません" if ja else "bubblewrap: not found")
    else:
        state = (
            ("動作します" if ja else "works")
            if bw["works"]
            else ("動作しません" if ja else "does not work here")
        )
        lines.append(f"bubblewrap: {bw['path']} ({bw['version'] or '?'}), {state}")
    probe = data["probe"]
    if probe["problem"]:
        lines.append(
            ("試験用の子プロセス: 失敗: " if ja else "probe child: failed: ") + probe["problem"]
        )
    else:
        lines.append(
            f"{'試験用の子プロセス' if ja else 'probe child'}: uid {probe['uid']}, "
            + ("socket " + ("可" if probe["socket_allowed"] else "拒否") if ja else "socket ")
            + ("" if ja else ("allowed" if probe["socket_allowed"] else "refused"))
        )
    if not data["seccomp"]["available"]:
        lines.append(
            ("seccomp: 使えません: " if ja else "seccomp: unavailable: ")
            + data["seccomp"]["problem"]
        )
    if data["forced"]:
        lines.append(f"RENSHU_SANDBOX_ISOLATION={data['forced']}")
    if data["install"]:
        lines.append("")
        lines.append(
            "完全な隔離にするには bubblewrap を入れてください:"
            if ja
            else "For full isolation install bubblewrap:"
        )
        for distro, command in data["install"].items():
            lines.append(f"  {distro}: {command}")
        lines.append(
            "  (macOS には bubblewrap がありません: 他人のファイルは Linux で採点してください)"
            if ja
            else "  (macOS has no bubblewrap: grade other people's files on Linux)"
        )
    return "\n".join(lines)
