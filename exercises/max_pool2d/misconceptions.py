"""Known-wrong max poolings, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _pool(x, k, stride, reduce=np.max, out_size=None, window=None):
    """Pool every (window x window) patch starting at multiples of stride with ``reduce``."""
    N, C, H, W = x.shape
    window = k if window is None else window
    OH, OW = out_size(H, W) if out_size else ((H - k) // stride + 1, (W - k) // stride + 1)
    out = np.zeros((N, C, max(OH, 0), max(OW, 0)))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            patch = x[:, :, i * stride : i * stride + window, j * stride : j * stride + window]
            out[:, :, i, j] = reduce(patch, axis=(2, 3))
    return out


def average_pooling(x, k, stride):
    return _pool(x, k, stride, reduce=np.mean)


def stride_ignored(x, k, stride):
    return _pool(x, k, 1)


def output_size_without_plus_one(x, k, stride):
    return _pool(x, k, stride, out_size=lambda H, W: ((H - k) // stride, (W - k) // stride))


def max_starts_at_zero(x, k, stride):
    # `m = 0` then `m = max(m, v)` over the window: a window of negatives gives 0.
    return np.maximum(_pool(x, k, stride), 0.0)


def window_one_too_large(x, k, stride):
    # The window slice runs to `i*stride + k + 1` (k + 1 rows; cut short at the border).
    return _pool(x, k, stride, window=k + 1)


def ceil_mode(x, k, stride):
    # Caffe's pooling (and PyTorch's ceil_mode=True): the output size rounds up, so a last,
    # partial window at the bottom and right edges is pooled too (one that would start
    # outside the input is dropped).
    def size(n):
        out = -(-(n - k) // stride) + 1
        return out - 1 if (out - 1) * stride >= n else out

    return _pool(x, k, stride, out_size=lambda H, W: (size(H), size(W)))


def window_is_stride(x, k, stride):
    # `x[:, :, i*stride:(i+1)*stride, j*stride:(j+1)*stride]`: windows of side stride, not k.
    return _pool(x, k, stride, window=stride)
