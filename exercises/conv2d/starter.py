# exercise: conv2d
"""2-D convolution layer, forward pass.  Fill in every `...` marked TODO, then run

    renshu watch conv2d.py
"""

import numpy as np


def conv2d(x, W, b, stride, pad):
    """Cross-correlation (no filter flip) with zero padding `pad` on all four sides.

    x: (N, C, H, W_in); W: (F, C, KH, KW); b: (F,); stride >= 1, pad >= 0 (ints)
    returns (N, F, OH, OW), OH = (H + 2*pad - KH) // stride + 1 (OW likewise)
    out[n, f, i, j] = b[f] + sum over c, p, q of xp[n, c, i*stride + p, j*stride + q] * W[f, c, p, q]
    """
    N, C, H, W_in = x.shape
    F, _, KH, KW = W.shape
    xp = ...  # TODO: zero-pad the height and width axes by `pad` on both sides
    OH = ...  # TODO: output height
    OW = ...  # TODO: output width
    out = np.zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            window = ...  # TODO: the (N, C, KH, KW) input window for output position (i, j)
            out[:, :, i, j] = ...  # TODO: sum window * W over C, KH, KW for every filter f
    return ...  # TODO: add the bias, once per output channel
