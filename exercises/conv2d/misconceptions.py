"""Known-wrong 2-D convolutions, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _conv(x, W, b, stride, pad_before, pad_after, bias_times=1):
    """Cross-correlation with separate leading/trailing zero padding on H and W."""
    xp = np.pad(x, ((0, 0), (0, 0), (pad_before, pad_after), (pad_before, pad_after)))
    N, _, Hp, Wp = xp.shape
    F, _, KH, KW = W.shape
    OH = (Hp - KH) // stride + 1
    OW = (Wp - KW) // stride + 1
    out = np.zeros((N, F, OH, OW))
    for i in range(OH):
        for j in range(OW):
            window = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("ncpq,fcpq->nf", window, W)
    return out + bias_times * b[None, :, None, None]


def flipped_kernel(x, W, b, stride, pad):
    # True (mathematical) convolution: the kernel is rotated by 180 degrees.
    return _conv(x, W[:, :, ::-1, ::-1], b, stride, pad, pad)


def pad_one_side(x, W, b, stride, pad):
    # Zeros added only at the top and on the left.
    return _conv(x, W, b, stride, pad, 0)


def pad_ignored(x, W, b, stride, pad):
    return _conv(x, W, b, stride, 0, 0)


def stride_ignored(x, W, b, stride, pad):
    return _conv(x, W, b, 1, pad, pad)


def bias_per_input_channel(x, W, b, stride, pad):
    # `out += conv(x[c], W[f, c]) + b[f]` inside the loop over input channels c.
    return _conv(x, W, b, stride, pad, pad, bias_times=x.shape[1])
