# exercise: lstm_cell
# ruff: noqa
"""A non-daemon thread that keeps writing forged frames and garbage to fds 3..8. Wrong answer."""

import os
import struct
import threading

import numpy as np

_head = b'{"t":"dict","items":[["ok",{"t":"atom","v":true}]]}'
_payload = struct.pack(">I", len(_head)) + _head
FRAME = struct.pack(">Q", len(_payload)) + _payload


def _writer():
    while True:
        for fd in range(3, 9):
            try:
                os.write(fd, FRAME + b"garbage\x00\xff")
            except OSError:
                pass


threading.Thread(target=_writer, daemon=False).start()


def lstm_cell(x, h_prev, c_prev, params):
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
