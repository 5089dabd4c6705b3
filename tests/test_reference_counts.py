"""Parameter counts checked by counting the entries of actual weight arrays."""

from __future__ import annotations

import numpy as np
import pytest

from renshu.reference import counts


@pytest.mark.parametrize(("i", "h"), [(1, 1), (3, 2), (10, 20)])
def test_recurrent_counts_match_the_weight_arrays(i: int, h: int) -> None:
    gate = [np.zeros((h, h + i)), np.zeros(h)]
    assert counts.rnn_parameter_count(i, h) == sum(a.size for a in gate)
    assert counts.lstm_parameter_count(i, h) == 4 * sum(a.size for a in gate)
    assert counts.gru_parameter_count(i, h) == 3 * sum(a.size for a in gate)


def test_known_values() -> None:
    # LSTM with 100 inputs and 50 units: 4 * (50 * 150 + 50) = 30200 (the classic Keras figure).
    assert counts.lstm_parameter_count(100, 50) == 30200
    assert counts.embedding_parameter_count(10000, 300) == 3_000_000
    # 3x3 kernels, 64 -> 128 channels: 128 * (64 * 9 + 1) = 73856 (a VGG16 layer).
    assert counts.conv_parameter_count(64, 128, 3) == 73856


@pytest.mark.parametrize(
    ("n", "k", "s", "p"), [(5, 3, 1, 0), (5, 3, 1, 1), (7, 3, 2, 1), (4, 2, 2, 0)]
)
def test_conv_output_size_counts_window_positions(n: int, k: int, s: int, p: int) -> None:
    positions = [start for start in range(0, n + 2 * p - k + 1, s)]
    assert counts.conv_output_size(n, k, s, p) == len(positions)
