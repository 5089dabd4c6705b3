# exercise: lstm_cell
# ruff: noqa
"""A setsid double-fork daemon that erases its environment (the sweep's token) and renames itself.

The name ``hostile-ghost`` lets the test find it even without the token.
"""

import ctypes
import os
import time

import numpy as np


def _scrub_environ():
    with open("/proc/self/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    # Fields 50 and 51 (env_start, env_end), counted from field 3 after the comm.
    start, end = int(fields[47]), int(fields[48])
    ctypes.memset(start, 0, end - start)


def _rename():
    libc = ctypes.CDLL(None)
    libc.prctl(15, b"hostile-ghost", 0, 0, 0)  # PR_SET_NAME


if os.fork() == 0:
    os.setsid()
    if os.fork() != 0:
        os._exit(0)
    _rename()
    try:
        _scrub_environ()
    except Exception:
        pass
    for fd in range(64):
        try:
            os.close(fd)
        except OSError:
            pass
    while True:
        time.sleep(1000)
os.wait()


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
