# exercise: lstm_cell
# ruff: noqa
"""Wrong answer; writes forged channel frames, fake JSON and garbage into every fd 0..63."""

import json
import os
import struct

import numpy as np


def _frame(tree):
    head = json.dumps(tree, separators=(",", ":")).encode()
    payload = struct.pack(">I", len(head)) + head
    return struct.pack(">Q", len(payload)) + payload


# {"ok": True} (an import reply), then a call reply claiming a value, then garbage.
OK = _frame({"t": "dict", "items": [["ok", {"t": "atom", "v": True}]]})
BYE = _frame(
    {"t": "dict", "items": [["ok", {"t": "atom", "v": True}], ["bye", {"t": "atom", "v": True}]]}
)
FAKE_JSON = b'{"status": "pass", "reason": "passed", "examples": 100}\n'
GARBAGE = b"\xff" * 8 + b"\x00" * 32


def _spray():
    for fd in range(64):
        for blob in (OK, BYE, FAKE_JSON, GARBAGE):
            try:
                os.write(fd, blob)
            except OSError:
                pass


_spray()


def lstm_cell(x, h_prev, c_prev, params):
    _spray()
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
