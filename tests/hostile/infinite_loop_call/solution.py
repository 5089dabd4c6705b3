# exercise: lstm_cell
# ruff: noqa
"""An endless loop in the call."""


def lstm_cell(x, h_prev, c_prev, params):
    n = 0
    while True:
        n += 1
