"""Trusted bootstrap of the sandbox child: limits first, then the submission.

Run as ``python -I -B child_bootstrap.py CONFIG_JSON`` by the runner. It sets
the resource limits, imports NumPy and the channel encoding, blocks imports of
renshu's own code, and only then imports the learner's file. It answers
requests on the dedicated channel file descriptors: plain values, never a
verdict. Standard library and NumPy only; it must not import renshu.
"""

import importlib.abc
import importlib.util
import json
import os
import resource
import sys
import traceback

CONFIG = json.loads(sys.argv[1])


def _set_limits() -> None:
    mib = 1024 * 1024
    limits = {
        resource.RLIMIT_AS: CONFIG["address_space_mib"] * mib,
        resource.RLIMIT_CPU: CONFIG["cpu_seconds"],
        resource.RLIMIT_FSIZE: CONFIG["file_size_mib"] * mib,
        resource.RLIMIT_NOFILE: CONFIG["open_files"],
        resource.RLIMIT_CORE: 0,
    }
    for which, soft in limits.items():
        # The hard limit one unit above the soft one: SIGXCPU first, SIGKILL after.
        hard = soft + 1 if which == resource.RLIMIT_CPU else soft
        resource.setrlimit(which, (soft, hard))


def _die_with_parent() -> None:
    """Where ``setpriv`` is missing, ask the kernel for SIGKILL when the parent dies."""
    import ctypes
    import ctypes.util

    parent = os.getppid()
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(1, 9, 0, 0, 0)  # PR_SET_PDEATHSIG, SIGKILL
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


_die_with_parent()
_set_limits()

import numpy as np  # noqa: E402  (only after the limits are in force)

_spec = importlib.util.spec_from_file_location("_renshu_sandbox_wire", CONFIG["wire_path"])
wire = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wire)
_encode, _decode, _frame_length = wire.encode, wire.decode, wire.frame_length
_HEADER = wire.HEADER_BYTES
_IN_FD, _OUT_FD = CONFIG["request_fd"], CONFIG["response_fd"]
_write, _read = os.write, os.read


def _hide_paths() -> None:
    """Mount an empty read-only tmpfs over renshu's folders (private mount namespace only).

    Blocking ``import renshu`` is not enough: a submission could read the
    reference's source by path. In its own mount namespace the folders are
    simply empty.
    """
    if not CONFIG["hide_paths"]:
        return
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    ms_rdonly, ms_nosuid, ms_nodev = 1, 2, 4
    for path in CONFIG["hide_paths"]:
        if os.path.isdir(path):
            rc = libc.mount(
                b"tmpfs", path.encode(), b"tmpfs", ms_rdonly | ms_nosuid | ms_nodev, b"size=4k"
            )
            if rc != 0:
                os._exit(4)  # refuse to run the submission with the answer in reach


def _seal_filesystem() -> None:
    """Make every mount read-only except the child's own working folder.

    As uid 0 the child could otherwise plant a module (``hypothesis.py`` in
    the grader's folder, or into site-packages) that the grader imports later.
    Runs only in a private mount namespace, so the grader's view is untouched.
    """
    if not CONFIG["seal_filesystem"]:
        return
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    ms = {"ro": 1, "nosuid": 2, "nodev": 4, "noexec": 8}
    ms_remount, ms_bind = 32, 4096
    work = os.getcwd()
    if libc.mount(work.encode(), work.encode(), None, ms_bind, None) != 0:
        os._exit(6)
    with open("/proc/self/mountinfo") as f:
        mounts = [(line.split()[4], line.split()[5].split(",")) for line in f]
    for point, options in mounts:
        point = point.replace("\\040", " ")
        if point == work or point == "/proc" or point.startswith("/proc/"):
            continue
        flags = ms_remount | ms_bind | ms["ro"]
        for name in ("nosuid", "nodev", "noexec"):
            if name in options:
                flags |= ms[name]
        libc.mount(None, point.encode(), None, flags, None)
    guarded = {"/", sys.prefix, sys.base_prefix, CONFIG["grader_cwd"], *sys.path}
    for path in guarded:
        if path and os.path.isdir(path) and not path.startswith(work) and os.access(path, os.W_OK):
            os._exit(6)  # refuse to run the submission with the grader's files writable


def _drop_privileges() -> None:
    """Give up every capability and the right to regain any (even as uid 0).

    Without this a root child could unmount the tmpfs hiding the reference,
    or use CAP_KILL and CAP_SYS_PTRACE outside its own processes. The bounding
    set goes first (so an exec cannot restore capabilities), then the current
    sets, then no_new_privs.
    """
    import ctypes
    import ctypes.util

    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    pr_capbset_drop, pr_set_no_new_privs = 24, 38
    for cap in range(64):
        libc.prctl(pr_capbset_drop, cap, 0, 0, 0)  # fails harmlessly for unknown caps

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [(n, ctypes.c_uint32) for n in ("effective", "permitted", "inheritable")]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capset(ctypes.byref(header), data) != 0 and os.geteuid() == 0:
        os._exit(5)  # refuse to run the submission with root's capabilities
    libc.prctl(pr_set_no_new_privs, 1, 0, 0, 0)


class _BlockRenshu(importlib.abc.MetaPathFinder):
    """Refuses imports of the grader's own package: the answer is not in reach."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "renshu" or fullname.startswith("renshu."):
            raise ImportError(f"importing {fullname!r} is not allowed in a submission")
        return None


def _send(message) -> None:
    data = _encode(message)
    view = memoryview(data)
    while view:
        n = _write(_OUT_FD, view)
        view = view[n:]


def _recv_exact(n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = _read(_IN_FD, n - got)
        if not chunk:
            os._exit(0)  # the parent closed the channel: nothing more to do
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv():
    size = _frame_length(_recv_exact(_HEADER))
    return _decode(_recv_exact(size))


def _describe(exc: BaseException, skip_frames: int) -> dict:
    tb = traceback.extract_tb(exc.__traceback__)[skip_frames:]
    where = None
    for frame in reversed(tb):
        if frame.filename == CONFIG["submission_path"]:
            where = [frame.lineno, frame.name]
            break
    text = "".join(traceback.format_list(tb[-6:]))
    text = text.replace(CONFIG["submission_path"], CONFIG["display_name"])
    try:
        message = str(exc)[:500]
    except BaseException:
        message = "(message could not be shown)"
    return {"type": type(exc).__name__, "message": message, "where": where, "trace": text[-3000:]}


def _load_submission():
    spec = importlib.util.spec_from_file_location("submission", CONFIG["submission_path"])
    module = importlib.util.module_from_spec(spec)
    sys.modules["submission"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    _hide_paths()
    _seal_filesystem()
    _drop_privileges()
    sys.meta_path.insert(0, _BlockRenshu())
    for name in [m for m in sys.modules if m == "renshu" or m.startswith("renshu.")]:
        del sys.modules[name]
    sys.stdin = None
    np.seterr(all="ignore")  # overflow is judged by the values, not by warnings
    request = _recv()
    if request.get("op") != "import":
        os._exit(3)
    try:
        module = _load_submission()
        fn = getattr(module, CONFIG["function"], None)
        if fn is None or not callable(fn):
            _send({"ok": False, "error": {"type": "MissingFunction", "message": "", "where": None}})
        else:
            _send({"ok": True})
    except BaseException as exc:  # SystemExit and KeyboardInterrupt included: report, go on
        _send({"ok": False, "error": _describe(exc, 2)})
        os._exit(0)
    while True:
        request = _recv()
        if request.get("op") == "close":
            _send({"ok": True, "bye": True})
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)  # never wait for threads the submission left running
        try:
            value = fn(*request["args"])
            reply = {"ok": True, "value": value}
            data_ok = True
        except BaseException as exc:
            reply = {"ok": False, "error": _describe(exc, 1)}
            data_ok = False
        try:
            _send(reply)
        except Exception as exc:  # the value could not be encoded (too large...)
            if not data_ok:
                raise
            _send({"ok": False, "error": {"type": "ReturnValueError", "message": str(exc)}})


main()
