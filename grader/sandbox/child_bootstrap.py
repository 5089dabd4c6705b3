"""Trusted bootstrap of the sandbox child: limits first, then the submission.

Run as ``python -I -S -B child_bootstrap.py CONFIG_JSON`` by the runner, inside
bubblewrap or a fallback. It sets the resource limits, imports NumPy and the
channel encoding, hardens itself where bubblewrap did not (``child_fallback``),
blocks imports of renshu's own code, and only then writes the learner's file
(sent on the channel) into its working folder and imports it. It answers
requests on the dedicated channel file descriptors: plain values, never a
verdict; the grader checks every reply anyway. Standard library and NumPy
only; it must not import renshu.
"""

import importlib.abc
import importlib.util
import json
import os
import resource
import sys
import traceback
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # names for the type checker only: the child never imports renshu
    import types
    from collections.abc import Callable, Sequence
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec

    from renshu.grader.sandbox.child_config import ChildConfig

CONFIG: "ChildConfig" = json.loads(sys.argv[1])


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


def _load_by_path(name: str, path: str) -> "types.ModuleType":
    # A ``.py`` path always gets a spec with a source loader: neither is None here.
    spec = cast("ModuleSpec", importlib.util.spec_from_file_location(name, path))
    module = importlib.util.module_from_spec(spec)
    cast("Loader", spec.loader).exec_module(module)
    return module


_die_with_parent()
_set_limits()

sys.path[:0] = CONFIG["site_paths"]
import numpy as np  # noqa: E402  (only after the limits are in force)

wire = _load_by_path("_renshu_sandbox_wire", CONFIG["wire_path"])
_encode: "Callable[[object], bytes]" = wire.encode
_decode: "Callable[[bytes], Any]" = wire.decode
_frame_length: "Callable[[bytes], int]" = wire.frame_length
_HEADER: int = wire.HEADER_BYTES
_IN_FD, _OUT_FD = CONFIG["request_fd"], CONFIG["response_fd"]
_write, _read = os.write, os.read
# Taken before the submission is imported: it cannot swap what the tracer relies on.
_settrace, _ndarray, _np_array, _generic = sys.settrace, np.ndarray, np.array, np.generic
# A traced call records at most this many of the submission's local values, each small.
TRACE_RECORDS = 40
TRACE_ARRAY_SIZE = 4096
TRACE_NUMBERS = 20_000


class _BlockRenshu(importlib.abc.MetaPathFinder):
    """Refuses imports of the grader's own package: the answer is not in reach."""

    def find_spec(
        self,
        fullname: str,
        path: "Sequence[str] | None" = None,
        target: "types.ModuleType | None" = None,
    ) -> None:
        if fullname == "renshu" or fullname.startswith("renshu."):
            raise ImportError(f"importing {fullname!r} is not allowed in a submission")
        return None


def _send(message: object) -> None:
    data = _encode(message)
    view = memoryview(data)
    while view:
        n = _write(_OUT_FD, view)
        view = view[n:]


def _recv_exact(n: int) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < n:
        chunk = _read(_IN_FD, n - got)
        if not chunk:
            os._exit(0)  # the parent closed the channel: nothing more to do
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv() -> Any:  # whatever the parent sent: checked by the caller
    size = _frame_length(_recv_exact(_HEADER))
    return _decode(_recv_exact(size))


def _describe(exc: BaseException, skip_frames: int) -> dict[str, object]:
    tb = traceback.extract_tb(exc.__traceback__)[skip_frames:]
    where: list[int | str | None] | None = None
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


def _traced_call(fn: "Callable[..., Any]", args: list[Any]) -> tuple[Any, list[list[Any]]]:
    """Call ``fn`` recording the numeric locals of the submission's own frames each time
    one is (re)bound: ``[function, name, value]`` in the order they appear, capped. Only
    values, for the parent to compare with the reference's intermediates; a submission
    that turns tracing off just leaves the record short."""
    records: list[list[Any]] = []
    seen: dict[tuple[int, str], int] = {}
    budget = [TRACE_NUMBERS]
    path = CONFIG["submission_path"]

    def snapshot(frame: "types.FrameType") -> None:
        for name, value in list(frame.f_locals.items()):
            if len(records) >= TRACE_RECORDS:
                return
            if type(value) is _ndarray:
                if value.dtype.kind not in "biuf" or not 0 < value.size <= TRACE_ARRAY_SIZE:
                    continue
                size = int(value.size)
            elif type(value) in (int, float) or isinstance(value, _generic):
                size = 1
            else:
                continue
            key = (id(frame), name)
            if seen.get(key) == id(value) or size > budget[0]:
                continue
            seen[key] = id(value)
            budget[0] -= size
            copied = _np_array(value, copy=True) if type(value) is _ndarray else value
            if isinstance(copied, _generic):
                copied = copied.item()
            records.append([frame.f_code.co_name[:100], str(name)[:100], copied])

    def local(frame: "types.FrameType", event: str, arg: object) -> Any:
        if event in ("line", "return"):
            try:
                snapshot(frame)
            except Exception:
                pass
        return local

    def enter(frame: "types.FrameType", event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename == path else None

    _settrace(enter)
    try:
        value = fn(*args)
    finally:
        _settrace(None)
    return value, records


def _load_submission(source: str) -> "types.ModuleType":
    with open(CONFIG["submission_path"], "w", encoding="utf-8") as f:
        f.write(source)
    # ``submission.py``: a spec with a source loader, as in ``_load_by_path``.
    spec = cast(
        "ModuleSpec",
        importlib.util.spec_from_file_location("submission", CONFIG["submission_path"]),
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["submission"] = module
    cast("Loader", spec.loader).exec_module(module)
    return module


def main() -> None:
    if CONFIG["fallback"] is not None:
        _load_by_path("_renshu_sandbox_fallback", CONFIG["fallback"]["path"]).harden(
            CONFIG["fallback"]
        )
        CONFIG["submission_path"] = os.path.join(os.getcwd(), "submission.py")
    sys.meta_path.insert(0, _BlockRenshu())
    for name in [m for m in sys.modules if m == "renshu" or m.startswith("renshu.")]:
        del sys.modules[name]
    sys.stdin = None
    np.seterr(all="ignore")  # overflow is judged by the values, not by warnings
    request = _recv()
    if request.get("op") != "import" or type(request.get("source")) is not str:
        os._exit(3)
    try:
        module = _load_submission(request["source"])
        # Whatever the submission bound to the name (reported if it is not callable;
        # calling it anyway raises, reported like any exception of the submission).
        fn: Any = getattr(module, CONFIG["function"], None)
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
            if request.get("trace") is True:
                value, records = _traced_call(fn, request["args"])
                reply = {"ok": True, "value": value, "trace": records}
            else:
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
            if "trace" in reply:  # the record is what made it too large: send the value alone
                try:
                    _send({"ok": True, "value": reply["value"]})
                    continue
                except Exception:
                    pass
            _send({"ok": False, "error": {"type": "ReturnValueError", "message": str(exc)}})


main()
