"""Sandbox attacks, part 2: reading the host's files and leaving state behind the grading.

See ``test_sandbox_attacks.py`` for how an attack submission reports and what every
test checks besides its own external observation.
"""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import platform
import random
import secrets
import shutil
import uuid
from pathlib import Path

import pytest
from sandbox_harness import (
    ROOT,
    at_both_levels,
    grade_attack,
    markers,
    result_of,
    verdict_problems,
    write_attack,
)

# Every attack runs at the machine's level and at the namespace fallback.
pytestmark = pytest.mark.usefixtures(at_both_levels.__name__)

READ_ATTACK = """
for name, path in CANARIES.items():
    try:
        with open(path, encoding="utf-8") as f:
            _say("READ", name, f.read())
    except OSError as e:
        _refused("read-" + name, e)
for folder in LISTED:
    try:
        entries = os.listdir(folder)
    except OSError as e:
        _refused("list " + folder, e)
    else:
        # Only the entries that matter, so the 64 KiB output cap cannot cut them off.
        _say("LIST", folder, len(entries), [n for n in entries if "renshu-canary" in n])
"""


def test_host_files_and_folders_cannot_be_read(tmp_path: Path) -> None:
    tag = uuid.uuid4().hex[:12]
    canaries = {
        "tmp_path": tmp_path / f"renshu-canary-{tag}.txt",
        "home": Path.home() / f".renshu-canary-{tag}",
        "tmp": Path("/tmp") / f"renshu-canary-{tag}",
    }
    secrets_by_name = {name: f"SECRET-{secrets.token_hex(16)}" for name in canaries}
    listed = ["/tmp", str(Path.home()), "/root", "/home", "/run"]
    # Markers name canaries by label only: their paths must not show up in the output.
    attack = f"CANARIES = { ({k: str(v) for k, v in canaries.items()})!r}\nLISTED = {listed!r}\n"
    solution = write_attack(tmp_path, "read_host", attack + READ_ATTACK)
    try:
        for name, path in canaries.items():
            path.write_text(secrets_by_name[name], encoding="utf-8")
        graded = grade_attack(solution, tmp_path)
    finally:
        for path in canaries.values():
            path.unlink(missing_ok=True)
    seen = graded.stdout + graded.stderr
    problems = [
        f"the canary in {name} ({canaries[name]}) was read: its secret is in the output"
        for name, secret in secrets_by_name.items()
        if secret in seen
    ]
    problems += [
        f"a folder listing showed the canary {path.name}: {markers(graded, 'REFUSED')}"
        for path in canaries.values()
        if path.name in seen
    ]
    problems += verdict_problems(graded)
    assert not problems, (
        "\n".join(problems)
        + "\nthe submission printed:\n"
        + (result_of(graded).get("stdout", "")[-2000:])
    )


CHECKOUT_ATTACK = """
import importlib.util

spec = importlib.util.spec_from_file_location(
    "copied_ref", os.path.join(REF, "__init__.py"), submodule_search_locations=[REF]
)
module = importlib.util.module_from_spec(spec)
sys.modules["copied_ref"] = module
spec.loader.exec_module(module)
from copied_ref.recurrent import lstm_cell as _copied
_say("ATTACK-SUCCEEDED", "imported-the-checkout")
"""
CALL_THE_COPY = """

def lstm_cell(x, h_prev, c_prev, params):
    return _copied(x, h_prev, c_prev, params)
"""


def test_a_source_checkout_is_out_of_reach(tmp_path: Path) -> None:
    """A checkout of renshu lying in /tmp (not the installed package) cannot be imported."""
    ref = tmp_path / "checkout" / "ref"
    shutil.copytree(ROOT / "reference", ref, ignore=shutil.ignore_patterns("__pycache__"))
    assert "def lstm_cell" in (ref / "recurrent.py").read_text(encoding="utf-8")
    attack = f"REF = {str(ref)!r}\n" + CHECKOUT_ATTACK
    graded = grade_attack(write_attack(tmp_path, "checkout", attack, CALL_THE_COPY), tmp_path)
    data = result_of(graded)
    problems = []
    if data.get("status") == "pass":
        problems.append(f"the copied reference was imported from {ref} and PASSED")
    problems += verdict_problems(graded, attack_must_finish=False)
    assert not problems, "\n".join(problems)


# -- leftovers -----------------------------------------------------------------------------

IPC_CREAT, IPC_RMID = 0o1000, 0
SYS_ADD_KEY, SYS_KEYCTL = 248, 250  # x86_64
KEYCTL_SEARCH, KEYCTL_INVALIDATE, KEY_SPEC_USER_KEYRING = 10, 21, -4
LOOP_CTL_REMOVE, LOOP_CTL_GET_FREE = 0x4C81, 0x4C82
LEFTOVER_ATTACK = """
import ctypes
import fcntl

try:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
except Exception as e:
    _refused("ctypes", e)
    libc = None


def _rc(name, rc):
    if rc == -1:
        code = ctypes.get_errno()
        _say("ATTACK-REFUSED", name, _errno.errorcode.get(code, code))
    else:
        _say("ATTACK-SUCCEEDED", name, rc)


if libc is not None:
    mode = ctypes.c_int(0o1000 | 0o666)  # IPC_CREAT | rw for everyone
    _rc("shmget", libc.shmget(ctypes.c_int(KEYS["shm"]), ctypes.c_size_t(4096), mode))
    _rc("semget", libc.semget(ctypes.c_int(KEYS["sem"]), ctypes.c_int(1), mode))
    _rc("msgget", libc.msgget(ctypes.c_int(KEYS["msg"]), mode))
    if X86_64:
        payload = b"renshu"
        _rc("add_key", libc.syscall(
            ctypes.c_long(248), b"user", CANARY.encode(), payload,
            ctypes.c_size_t(len(payload)), ctypes.c_long(-4),  # KEY_SPEC_USER_KEYRING
        ))
try:
    fd = os.open("/dev/loop-control", os.O_RDWR | os.O_CLOEXEC)
except OSError as e:
    _refused("loop-control", e)
else:
    try:
        _say("ATTACK-SUCCEEDED", "loop-get-free", fcntl.ioctl(fd, 0x4C82))  # LOOP_CTL_GET_FREE
    except OSError as e:
        _refused("loop-get-free", e)
    finally:
        os.close(fd)
"""
KMSG_ATTACK = """
try:
    fd = os.open("/dev/kmsg", os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.write(fd, CANARY.encode() + b"\\n")
    finally:
        os.close(fd)
except OSError as e:
    _refused("kmsg", e)
else:
    _say("ATTACK-SUCCEEDED", "kmsg")
"""


def _libc() -> ctypes.CDLL:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc


def _sysv_ids(keys: dict[str, int]) -> dict[str, int]:
    """The host's SysV objects with these keys (kind -> id), as this test sees them."""
    libc = _libc()
    probes = {
        "shm": lambda k: libc.shmget(ctypes.c_int(k), ctypes.c_size_t(0), ctypes.c_int(0)),
        "sem": lambda k: libc.semget(ctypes.c_int(k), ctypes.c_int(0), ctypes.c_int(0)),
        "msg": lambda k: libc.msgget(ctypes.c_int(k), ctypes.c_int(0)),
    }
    return {kind: i for kind, key in keys.items() if (i := probes[kind](key)) != -1}


def _sysvipc_lines(keys: dict[str, int]) -> list[str]:
    """Lines of /proc/sysvipc/{shm,sem,msg} whose key column is one of ours."""
    found = []
    for kind, key in keys.items():
        try:
            lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()[1:]
        except OSError:
            continue  # this kernel has no such table (the msgget probe still looks)
        found += [f"{kind}: {line.strip()}" for line in lines if line.split()[:1] == [str(key)]]
    return found


def _remove_sysv(ids: dict[str, int]) -> None:
    libc = _libc()
    for kind, ident in ids.items():
        if kind == "shm":
            libc.shmctl(ident, IPC_RMID, None)
        elif kind == "sem":
            libc.semctl(ident, 0, IPC_RMID)
        else:
            libc.msgctl(ident, IPC_RMID, None)


def _remove_key(description: str) -> None:
    libc = _libc()
    key = libc.syscall(
        ctypes.c_long(SYS_KEYCTL),
        ctypes.c_long(KEYCTL_SEARCH),
        ctypes.c_long(KEY_SPEC_USER_KEYRING),
        b"user",
        description.encode(),
        ctypes.c_long(0),
    )
    if key > 0:
        libc.syscall(
            ctypes.c_long(SYS_KEYCTL), ctypes.c_long(KEYCTL_INVALIDATE), ctypes.c_long(key)
        )


def kernel_log() -> bytes | None:
    """Every record in the kernel log, or None when this process may not read it."""
    try:
        fd = os.open("/dev/kmsg", os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    records = []
    try:
        while True:
            try:
                record = os.read(fd, 8192)
            except BlockingIOError:
                break
            except BrokenPipeError:  # records were overwritten while reading: go on
                continue
            except OSError as e:
                if e.errno == errno.EINVAL:  # a record larger than the buffer
                    continue
                raise
            if not record:
                break
            records.append(record)
    finally:
        os.close(fd)
    return b"".join(records)


def _loop_devices() -> list[str]:
    return sorted(os.path.basename(p) for p in glob.glob("/sys/block/loop*"))


def _remove_loops(names: list[str]) -> None:
    import fcntl

    try:
        fd = os.open("/dev/loop-control", os.O_RDWR)
    except OSError:
        return
    try:
        for name in names:
            try:
                fcntl.ioctl(fd, LOOP_CTL_REMOVE, int(name.removeprefix("loop")))
            except (OSError, ValueError):
                pass
    finally:
        os.close(fd)


def test_nothing_is_left_behind_in_the_kernel(tmp_path: Path) -> None:
    rng = random.SystemRandom()
    keys = {kind: rng.randint(1_000_000, 2**31 - 2) for kind in ("shm", "sem", "msg")}
    canary = f"renshu-canary-{uuid.uuid4().hex}"
    x86_64 = platform.machine() == "x86_64"
    attack = f"KEYS = {keys!r}\nCANARY = {canary!r}\nX86_64 = {x86_64!r}\n" + LEFTOVER_ATTACK
    solution = write_attack(tmp_path, "leftovers", attack)
    assert not _sysv_ids(keys), "the random SysV keys are taken already"
    loops_before = _loop_devices()
    try:
        graded = grade_attack(solution, tmp_path)
        problems = [f"a SysV object outlived the grading: {line}" for line in _sysvipc_lines(keys)]
        problems += [
            f"the sandbox's {kind} object (key {keys[kind]}) is still on the host (id {ident})"
            for kind, ident in _sysv_ids(keys).items()
        ]
        try:
            proc_keys = Path("/proc/keys").read_text()
        except OSError:
            proc_keys = ""
        if canary in proc_keys:
            problems.append(f"the key {canary} is in a keyring of the host (/proc/keys)")
        new_loops = sorted(set(_loop_devices()) - set(loops_before))
        if new_loops:
            problems.append(f"the sandbox created loop devices: {new_loops}")
        problems += verdict_problems(graded)
        if problems:
            problems.append(f"markers: {markers(graded, 'SUCCEEDED')}")
        assert not problems, "\n".join(problems)
    finally:
        _remove_sysv(_sysv_ids(keys))
        _remove_key(canary)
        _remove_loops(sorted(set(_loop_devices()) - set(loops_before)))


def test_nothing_is_written_to_the_kernel_log(tmp_path: Path) -> None:
    if kernel_log() is None:
        pytest.skip("this test process may not read the kernel log (/dev/kmsg) to look")
    canary = f"renshu-canary-{uuid.uuid4().hex}"
    attack = f"CANARY = {canary!r}\n" + KMSG_ATTACK
    graded = grade_attack(write_attack(tmp_path, "kmsg", attack), tmp_path)
    problems = []
    if canary.encode() in (kernel_log() or b""):
        problems.append(f"the sandbox wrote {canary!r} to the kernel log (/dev/kmsg)")
    problems += verdict_problems(graded)
    assert not problems, "\n".join(problems)
