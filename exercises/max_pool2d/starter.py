# exercise: max_pool2d
"""Max pooling, forward pass.  Fill in every `...` marked TODO, then run

    renshu watch max_pool2d.py
"""

import numpy as np


def max_pool2d(x, k, stride):
    """Max over each k x k window, windows `stride` pixels apart, no padding.

    x: (N, C, H, W); k >= 1, stride >= 1 (ints)
    returns (N, C, OH, OW), OH = (H - k) // stride + 1 (OW likewise)
    """
    N, C, H, W = x.shape
    OH = ...  # TODO: output height
    OW = ...  # TODO: output width
    out = np.zeros((N, C, OH, OW))
    for i in range(OH):
        for j in range(OW):
            window = ...  # TODO: the (N, C, k, k) window for output position (i, j)
            out[:, :, i, j] = ...  # TODO: its maximum, separately for every sample and channel
    return out
