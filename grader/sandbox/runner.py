"""The parent side of the sandbox: start the child, call it with deadlines, kill it all.

One child interpreter per grading, exec'd fresh (never a bare fork of the
grader), reused for every example. Results come back only on a dedicated pipe
as length-framed plain data; stdout and stderr are drained concurrently into
capped buffers and only ever shown as text.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import wire
from .isolation import IsolationLevel, detect_isolation, namespace_prefix
from .process_tree import (
    become_subreaper,
    sweep_adopted_orphans,
    sweep_marked_processes,
)

BOOTSTRAP = Path(__file__).with_name("child_bootstrap.py")
# Session leaders (pids) of the sandboxes this process is running right now.
_LIVE_SANDBOXES: set[int] = set()
TOKEN_VARIABLE = "RENSHU_SANDBOX_TOKEN"


@dataclass(frozen=True)
class Limits:
    """Resource limits of the child and the parent's wall-clock deadlines."""

    address_space_mib: int = 1024
    cpu_seconds: int = 10
    file_size_mib: int = 1
    open_files: int = 64
    start_timeout_s: float = 5.0
    import_timeout_s: float = 5.0
    call_timeout_s: float = 2.0
    output_cap_bytes: int = 64 * 1024


class ChildFailure(Exception):
    """The child could not answer: it timed out, crashed, exited or broke the protocol.

    ``kind`` is one of ``timeout``, ``crash``, ``exit``, ``memory``, ``protocol``.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass
class CallResult:
    """What one call gave back: a value, or an exception raised in the submission."""

    ok: bool
    value: Any = None
    error: dict[str, Any] | None = None
    seconds: float = 0.0


@dataclass
class _CappedBuffer:
    cap: int
    data: bytearray = field(default_factory=bytearray)
    dropped: int = 0

    def feed(self, chunk: bytes) -> None:
        room = self.cap - len(self.data)
        self.data += chunk[: max(room, 0)]
        self.dropped += max(len(chunk) - max(room, 0), 0)

    def text(self) -> str:
        out = self.data.decode("utf-8", errors="replace")
        if self.dropped:
            out += f"\n… ({self.dropped} more bytes not shown)"
        return out


class SandboxRunner:
    """Runs one submission's function in an isolated child; use as a context manager."""

    def __init__(
        self,
        submission_source: str,
        function: str,
        display_name: str = "submission.py",
        limits: Limits | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.function = function
        self.display_name = display_name
        self.isolation: IsolationLevel = detect_isolation()
        self.token = uuid.uuid4().hex
        self._workdir = Path(tempfile.mkdtemp(prefix="renshu-sandbox-"))
        os.chmod(self._workdir, 0o700)
        self._submission_path = self._workdir / "submission.py"
        self._submission_path.write_text(submission_source, encoding="utf-8")
        self._stdout = _CappedBuffer(self.limits.output_cap_bytes)
        self._stderr = _CappedBuffer(self.limits.output_cap_bytes)
        self._proc: subprocess.Popen[bytes] | None = None
        self._req_w: int | None = None
        self._resp_r: int | None = None
        self._drainers: list[threading.Thread] = []
        self._dead: ChildFailure | None = None
        self._started = time.monotonic()
        self._started_epoch = time.time()

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> None:
        """Exec the child; it sets its limits and waits for the import request."""
        become_subreaper()
        self._started = time.monotonic()
        self._started_epoch = time.time()
        req_r, self._req_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        config = {
            "request_fd": req_r,
            "response_fd": resp_w,
            "wire_path": str(Path(wire.__file__).resolve()),
            "submission_path": str(self._submission_path),
            "display_name": self.display_name,
            "function": self.function,
            "address_space_mib": self.limits.address_space_mib,
            "cpu_seconds": self.limits.cpu_seconds,
            "file_size_mib": self.limits.file_size_mib,
            "open_files": self.limits.open_files,
            "hide_paths": _renshu_folders() if self.isolation.private_mounts else [],
            "seal_filesystem": self.isolation.private_mounts,
            "grader_cwd": os.getcwd(),
        }
        argv = [
            *namespace_prefix(self.isolation),
            sys.executable,
            "-I",
            "-B",
            str(BOOTSTRAP),
            json.dumps(config),
        ]
        env = {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": str(self._workdir),
            "TMPDIR": str(self._workdir),
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "NUMEXPR_NUM_THREADS": "1",
            "VECLIB_MAXIMUM_THREADS": "1",
            TOKEN_VARIABLE: self.token,
        }
        try:
            self._proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=self._workdir,
                env=env,
                pass_fds=(req_r, resp_w),
                start_new_session=True,
            )
        finally:
            os.close(req_r)
            os.close(resp_w)
        _LIVE_SANDBOXES.add(self._proc.pid)
        for stream, buf in ((self._proc.stdout, self._stdout), (self._proc.stderr, self._stderr)):
            t = threading.Thread(target=_drain, args=(stream, buf), daemon=True)
            t.start()
            self._drainers.append(t)

    def load(self) -> CallResult:
        """Ask the child to import the submission; a failure is returned, not raised."""
        self._send({"op": "import"})
        return self._receive(self.limits.start_timeout_s + self.limits.import_timeout_s)

    def call(self, args: list[Any]) -> CallResult:
        """Call the function on ``args``; raise ``ChildFailure`` if the child cannot answer."""
        start = time.perf_counter()
        self._send({"op": "call", "args": args})
        result = self._receive(self.limits.call_timeout_s)
        result.seconds = time.perf_counter() - start
        return result

    def close(self) -> None:
        """Say goodbye if the child is healthy, then kill its whole tree and clean up."""
        if self._proc is not None and self._dead is None and self._proc.poll() is None:
            try:
                self._send({"op": "close"})
                self._receive(0.5)
            except ChildFailure:
                pass
        self._kill_all()
        for fd in (self._req_w, self._resp_r):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._req_w = self._resp_r = None
        for t in self._drainers:
            t.join(timeout=1.0)
        shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> SandboxRunner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def stdout(self) -> str:
        return self._stdout.text()

    @property
    def stderr(self) -> str:
        return self._stderr.text()

    # -- channel -------------------------------------------------------------------------

    def _ensure_quiet(self) -> None:
        """Exactly one frame per request: bytes waiting before a request are a forgery."""
        assert self._resp_r is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self._resp_r, selectors.EVENT_READ)
            if sel.select(0):
                if os.read(self._resp_r, 1):
                    self._fail(ChildFailure("protocol", "wrote extra data to the result channel"))
                self._fail(self._exit_failure(""))

    def _send(self, message: dict[str, Any]) -> None:
        if self._dead is not None:
            raise self._dead
        assert self._req_w is not None
        self._ensure_quiet()
        data = wire.encode(message)
        try:
            view = memoryview(data)
            while view:
                n = os.write(self._req_w, view)
                view = view[n:]
        except (BrokenPipeError, OSError):
            self._fail(self._exit_failure("while receiving its input"))

    def _receive(self, timeout: float) -> CallResult:
        deadline = time.monotonic() + timeout
        header = self._read_exact(wire.HEADER_BYTES, deadline)
        try:
            size = wire.frame_length(header)
            message = wire.decode(self._read_exact(size, deadline))
        except wire.WireError as e:
            self._fail(ChildFailure("protocol", f"the channel was corrupted: {e}"))
        if type(message) is not dict or type(message.get("ok")) is not bool:
            self._fail(ChildFailure("protocol", "the channel carried an unexpected message"))
        if message.get("bye"):
            return CallResult(ok=True)
        if message["ok"]:
            return CallResult(ok=True, value=message.get("value"))
        error = message.get("error")
        if type(error) is not dict:
            self._fail(ChildFailure("protocol", "the channel carried a malformed error"))
        return CallResult(ok=False, error=error)

    def _read_exact(self, n: int, deadline: float) -> bytes:
        assert self._resp_r is not None
        chunks: list[bytes] = []
        got = 0
        with selectors.DefaultSelector() as sel:
            sel.register(self._resp_r, selectors.EVENT_READ)
            while got < n:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    self._fail(ChildFailure("timeout", "did not answer in time"))
                chunk = os.read(self._resp_r, min(n - got, 1 << 20))
                if not chunk:
                    self._fail(self._exit_failure(""))
                chunks.append(chunk)
                got += len(chunk)
        return b"".join(chunks)

    def _fail(self, failure: ChildFailure) -> Any:
        self._dead = failure
        self._kill_all()
        raise failure

    def _exit_failure(self, when: str) -> ChildFailure:
        assert self._proc is not None
        try:
            code = self._proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            return ChildFailure("protocol", "closed the result channel")
        # Under `unshare --fork --kill-child` the child's signal becomes the exit code 128+N.
        signum = -code if code < 0 else code - 128 if code > 128 else 0
        suffix = f" {when}" if when else ""
        if signum == signal.SIGSEGV:
            return ChildFailure("crash", f"crashed with a segmentation fault{suffix}")
        cpu_exhausted = time.monotonic() - self._started >= self.limits.cpu_seconds
        if signum == signal.SIGXCPU or (signum == signal.SIGKILL and cpu_exhausted):
            return ChildFailure("timeout", f"used up its CPU time and was stopped{suffix}")
        if signum:
            name = signal.Signals(signum).name if signum in signal.valid_signals() else signum
            return ChildFailure("crash", f"was killed by signal {name}{suffix}")
        return ChildFailure("exit", f"exited with status {code}{suffix}")

    def _kill_all(self) -> None:
        if self._proc is not None:
            try:
                os.killpg(self._proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self._proc.wait(timeout=2.0)
            except subprocess.TimeoutExpired:
                pass
        sweep_marked_processes(TOKEN_VARIABLE, self.token)
        if self._proc is not None:
            _LIVE_SANDBOXES.discard(self._proc.pid)
            sweep_adopted_orphans(self._proc.pid, self._started_epoch, frozenset(_LIVE_SANDBOXES))


def _renshu_folders() -> list[str]:
    """renshu's own code and data folders, hidden from the child where mounts are private."""
    package = Path(__file__).resolve().parent.parent.parent
    return [
        str(package / name) for name in ("reference", "grader", "exercises", "quizzes", "tests")
    ]


def _drain(stream: Any, buf: _CappedBuffer) -> None:
    try:
        while chunk := stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536):
            buf.feed(chunk)
    except (OSError, ValueError):
        pass
    finally:
        try:
            stream.close()
        except OSError:
            pass
