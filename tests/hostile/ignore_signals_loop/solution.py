# exercise: lstm_cell
# ruff: noqa
"""Ignores SIGTERM/SIGINT/SIGHUP/SIGXCPU, then loops forever in the call."""

import signal

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU, signal.SIGALRM):
    signal.signal(sig, signal.SIG_IGN)


def lstm_cell(x, h_prev, c_prev, params):
    while True:
        pass
