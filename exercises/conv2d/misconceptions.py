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


def _im2col(x, FH, FW, stride, pad):
    """im2col as in ゼロから作るDeep Learning: rows (n, i, j), columns (c, p, q)."""
    N, C, H, Wi = x.shape
    out_h = (H + 2 * pad - FH) // stride + 1
    out_w = (Wi + 2 * pad - FW) // stride + 1
    img = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], "constant")
    col = np.zeros((N, C, FH, FW, out_h, out_w))
    for y in range(FH):
        y_max = y + stride * out_h
        for xx in range(FW):
            x_max = xx + stride * out_w
            col[:, :, y, xx, :, :] = img[:, :, y:y_max:stride, xx:x_max:stride]
    return col.transpose(0, 4, 5, 1, 2, 3).reshape(N * out_h * out_w, -1), out_h, out_w


def filter_reshape_without_transpose(x, W, b, stride, pad):
    # `col_W = W.reshape(-1, FN)` instead of `W.reshape(FN, -1).T`: the shape fits,
    # but each column mixes the weights of several filters.
    FN, _, FH, FW = W.shape
    col, out_h, out_w = _im2col(x, FH, FW, stride, pad)
    col_W = W.reshape(-1, FN)
    out = col @ col_W + b
    return out.reshape(x.shape[0], out_h, out_w, -1).transpose(0, 3, 1, 2)
