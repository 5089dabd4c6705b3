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
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Any, NoReturn

from renshu.grader.plain_text import clean_text
from renshu.grader.sandbox import launch
from renshu.grader.sandbox.call_types import CallResult, ChildFailure, FailureKind, Limits
from renshu.grader.sandbox.child_config import ChildConfig, ChildLimits
from renshu.grader.sandbox.cleanup import remove_tree
from renshu.grader.sandbox.isolation import IsolationLevel, detect_isolation
from renshu.grader.sandbox.process_tree import (
    become_subreaper,
    sweep_adopted_orphans,
    sweep_marked_processes,
)

# Session leaders (pids) of the sandboxes this process is running right now.
_LIVE_SANDBOXES: set[int] = set()
TOKEN_VARIABLE = "RENSHU_SANDBOX_TOKEN"
# Names where the sandbox was made (the grader's temporary folder), for process scans.
ORIGIN_VARIABLE = "RENSHU_SANDBOX_ORIGIN"


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
        out = clean_text(self.data.decode("utf-8", errors="replace"))
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
        isolation: IsolationLevel | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.function = function
        self.display_name = display_name
        self.isolation: IsolationLevel = isolation or detect_isolation()
        self.seccomp = False
        self.token = os.urandom(16).hex()  # marks the child's processes for the sweep
        self._source = submission_source
        self._launch: launch.Launch | None = None
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
        limits: ChildLimits = {
            "address_space_mib": self.limits.address_space_mib,
            "cpu_seconds": self.limits.cpu_seconds,
            "file_size_mib": self.limits.file_size_mib,
            "open_files": self.limits.open_files,
        }
        plan = launch.prepare(self.isolation, limits)
        self._launch, self.seccomp = plan, plan.seccomp
        req_r, self._req_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        config: ChildConfig = {**plan.config, "request_fd": req_r, "response_fd": resp_w}
        home = plan.config["submission_path"].rsplit("/", 1)[0]
        env = {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": home,
            "TMPDIR": home,
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "NUMEXPR_NUM_THREADS": "1",
            "VECLIB_MAXIMUM_THREADS": "1",
            TOKEN_VARIABLE: self.token,
            ORIGIN_VARIABLE: os.path.join(tempfile.gettempdir(), launch.FOLDER_PREFIX),
        }
        try:
            self._proc = subprocess.Popen(
                [*plan.argv, json.dumps(config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=plan.cwd,
                env=env,
                pass_fds=(req_r, resp_w, *plan.pass_fds),
                start_new_session=True,
            )
        finally:
            for fd in (req_r, resp_w, *plan.pass_fds):
                os.close(fd)
        _LIVE_SANDBOXES.add(self._proc.pid)
        for stream, buf in ((self._proc.stdout, self._stdout), (self._proc.stderr, self._stderr)):
            t = threading.Thread(target=_drain, args=(stream, buf), daemon=True)
            t.start()
            self._drainers.append(t)

    def load(
        self,
        source: str | None = None,
        function: str | None = None,
        display_name: str | None = None,
    ) -> CallResult:
        """Ask the child to import the submission and find its function; a failure is
        returned. Arguments replace those given at construction: a child started ahead
        learns its file, function and file name now."""
        if source is not None:
            self._source = source
            # A child started ahead waited idle: CPU-time judgements count from now.
            self._started = time.monotonic()
        self.function = function or self.function
        self.display_name = display_name or self.display_name
        request = {"op": "import", "source": self._source, "function": self.function}
        self._send({**request, "display_name": self.display_name})
        return self._receive(self.limits.start_timeout_s + self.limits.import_timeout_s)

    def call(self, args: list[Any], *, trace: bool = False) -> CallResult:
        """Call the function on ``args``; raise ``ChildFailure`` if the child cannot answer.
        With ``trace``, the reply also records the submission's local values."""
        start = time.perf_counter()
        self._send({"op": "call", "args": args, "trace": trace})
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
        if self._launch is not None and self._launch.host_folder is not None:
            remove_tree(self._launch.host_folder)

    def __enter__(self) -> SandboxRunner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def isolation_label(self) -> str:
        """The level in force, as reported: a fallback names the seccomp filter it loaded."""
        if self.seccomp and not self.isolation.uses_bwrap:
            return f"{self.isolation.value}, seccomp filter"
        return self.isolation.value

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
                    self._fail(
                        ChildFailure(FailureKind.PROTOCOL, "wrote extra data to the result channel")
                    )
                self._fail(self._exit_failure(""))

    def _send(self, message: dict[str, object]) -> None:
        if self._dead is not None:
            raise self._dead
        from renshu.grader.sandbox import wire

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
        from renshu.grader.sandbox import wire
        from renshu.grader.sandbox.protocol import ProtocolViolation, check_reply

        deadline = time.monotonic() + timeout
        header = self._read_exact(wire.HEADER_BYTES, deadline)
        try:
            size = wire.frame_length(header, self.limits.reply_cap_bytes)
            reply = check_reply(wire.decode(self._read_exact(size, deadline)))
        except (wire.WireError, ProtocolViolation) as e:
            self._fail(
                ChildFailure(FailureKind.PROTOCOL, f"broke the result channel's protocol: {e}")
            )
        except (MemoryError, RecursionError):
            self._fail(
                ChildFailure(FailureKind.PROTOCOL, "sent a reply too large or deep to check")
            )
        if reply.bye:
            return CallResult(ok=True)
        if reply.ok:
            return CallResult(ok=True, value=reply.value, trace=reply.trace)
        return CallResult(ok=False, error=reply.error)

    def _read_exact(self, n: int, deadline: float) -> bytes:
        assert self._resp_r is not None
        chunks: list[bytes] = []
        got = 0
        with selectors.DefaultSelector() as sel:
            sel.register(self._resp_r, selectors.EVENT_READ)
            while got < n:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not sel.select(remaining):
                    self._fail(ChildFailure(FailureKind.TIMEOUT, "did not answer in time"))
                chunk = os.read(self._resp_r, min(n - got, 1 << 20))
                if not chunk:
                    self._fail(self._exit_failure(""))
                chunks.append(chunk)
                got += len(chunk)
        return b"".join(chunks)

    def _fail(self, failure: ChildFailure) -> NoReturn:
        self._dead = failure
        self._kill_all()
        raise failure

    def _exit_failure(self, when: str) -> ChildFailure:
        assert self._proc is not None
        try:
            code = self._proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            return ChildFailure(FailureKind.PROTOCOL, "closed the result channel")
        # Under `unshare --fork --kill-child` the child's signal becomes the exit code 128+N.
        signum = -code if code < 0 else code - 128 if code > 128 else 0
        suffix = f" {when}" if when else ""
        if signum == signal.SIGSEGV:
            return ChildFailure(FailureKind.CRASH, f"crashed with a segmentation fault{suffix}")
        cpu_exhausted = time.monotonic() - self._started >= self.limits.cpu_seconds
        if signum == signal.SIGXCPU or (signum == signal.SIGKILL and cpu_exhausted):
            return ChildFailure(
                FailureKind.TIMEOUT, f"used up its CPU time and was stopped{suffix}"
            )
        if signum:
            name = signal.Signals(signum).name if signum in signal.valid_signals() else signum
            return ChildFailure(FailureKind.CRASH, f"was killed by signal {name}{suffix}")
        return ChildFailure(FailureKind.EXIT, f"exited with status {code}{suffix}")

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


def _drain(stream: IO[bytes], buf: _CappedBuffer) -> None:
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
