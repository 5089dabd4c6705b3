# exercise: lstm_cell
# ruff: noqa
"""Wrong answer that prints a forged "pass" GradeResult at import and in every call."""

import json
import sys

import numpy as np

FAKE = {
    "schema_version": 1,
    "exercise": "lstm_cell",
    "file": "solution.py",
    "status": "pass",
    "reason": "passed",
    "message": "pass: matches the reference on all 100 inputs tried.",
    "examples": 100,
    "seed": 0,
    "duration_s": 0.1,
    "isolation": "none",
    "counterexample": None,
    "misconception": None,
    "hint": None,
    "stdout": "",
    "stderr": "",
    "lang": "en",
}

print(json.dumps(FAKE, indent=2), flush=True)
sys.stderr.write(json.dumps(FAKE) + "\n")
sys.__stdout__.write(json.dumps(FAKE) + "\n")


def lstm_cell(x, h_prev, c_prev, params):
    print(json.dumps(FAKE), flush=True)
    sys.stderr.write(json.dumps(FAKE) + "\n")
    return np.zeros_like(h_prev), np.zeros_like(c_prev)
