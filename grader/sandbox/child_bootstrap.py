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
# The submission's file name as the learner knows it (for tracebacks), from the import
# request: a child is started before the grader knows which file it will run.
_DISPLAY_NAME = ["submission.py"]


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
_array_equal = np.array_equal
# A traced call records at most this many of the submission's local values, each small,
# and at most TRACE_ARRAYS arrays (a frame carries at most 64, the returned value's too).
TRACE_RECORDS = 200
TRACE_ARRAYS = 48
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
    text = text.replace(CONFIG["submission_path"], _DISPLAY_NAME[0])
    try:
        message = str(exc)[:500]
    except BaseException:
        message = "(message could not be shown)"
    return {"type": type(exc).__name__, "message": message, "where": where, "trace": text[-3000:]}


def _traced_call(fn: "Callable[..., Any]", args: list[Any]) -> tuple[Any, list[list[Any]]]:
    """Call ``fn`` recording the numeric locals of the submission's own functions each time
    one is bound: ``[function, name, value]`` in the order they appear, capped. Parameters
    are not recorded until rebound (the caller's values); an array filled in place
    (``hs[:, t] = h``) gets its content as it is when its function returns. Only values,
    for the parent to compare with the reference's intermediates; a submission that turns
    tracing off just leaves the record short."""
    records: list[list[Any]] = []
    frames: dict[int, dict[str, tuple[int, int]]] = {}  # frame -> name -> (id, record)
    budget = [TRACE_NUMBERS, TRACE_ARRAYS]
    path = CONFIG["submission_path"]

    def keep(value: object) -> int:
        """How many numbers ``value`` costs, or 0 when it is not recorded."""
        if type(value) is _ndarray:
            ok = value.dtype.kind in "biuf" and 0 < value.size <= TRACE_ARRAY_SIZE
            return int(value.size) if ok and budget[1] > 0 else 0
        # Float scalars, not integers: those are mostly loop counters and lengths, which
        # would match small counts by coincidence.
        floating = type(value) is float or (isinstance(value, _generic) and value.dtype.kind == "f")
        return 1 if floating else 0

    def record(frame: "types.FrameType", name: str, value: Any, size: int) -> int:
        budget[0] -= size
        is_array = type(value) is _ndarray
        budget[1] -= 1 if is_array else 0
        copied = _np_array(value, copy=True) if is_array else value
        if isinstance(copied, _generic):
            copied = copied.item()
        records.append([frame.f_code.co_name[:100], str(name)[:100], copied])
        return len(records) - 1

    def snapshot(frame: "types.FrameType", returning: bool) -> None:
        seen = frames.setdefault(id(frame), {})
        for name, value in list(frame.f_locals.items()):
            if len(records) >= TRACE_RECORDS:
                return
            size = keep(value)
            if not size or size > budget[0]:
                continue
            before = seen.get(name)
            if before is not None and before[0] == id(value):
                # The same object: an array filled in place since gets its final content,
                # in its place (a buffer made with np.empty is garbage when first seen).
                last: Any = records[before[1]][2] if before[1] >= 0 else None
                filled = type(value) is _ndarray and type(last) is _ndarray
                if returning and filled and not _array_equal(last, value):
                    records[before[1]][2] = _np_array(value, copy=True)
                continue
            seen[name] = (id(value), record(frame, name, value, size))

    def local(frame: "types.FrameType", event: str, arg: object) -> Any:
        if event in ("line", "return"):
            try:
                snapshot(frame, event == "return")
            except Exception:
                pass
            if event == "return":
                frames.pop(id(frame), None)
        return local

    def enter(frame: "types.FrameType", event: str, arg: object) -> Any:
        # The submission's own functions, not its comprehensions and lambdas (their
        # locals are loop items, recorded again and again).
        code = frame.f_code
        if code.co_filename != path or code.co_name.startswith("<"):
            return None
        count = code.co_argcount + code.co_kwonlyargcount
        frames[id(frame)] = {
            name: (id(frame.f_locals[name]), -1)
            for name in code.co_varnames[:count]
            if name in frame.f_locals
        }
        return local

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
    fields = ("source", "function", "display_name")
    if request.get("op") != "import" or any(type(request.get(k)) is not str for k in fields):
        os._exit(3)
    _DISPLAY_NAME[0] = request["display_name"]
    try:
        module = _load_submission(request["source"])
        # Whatever the submission bound to the name (reported if it is not callable;
        # calling it anyway raises, reported like any exception of the submission).
        fn: Any = getattr(module, request["function"], None)
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
