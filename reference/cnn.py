"""CNN building blocks: 2-D convolution, max pooling and a ResNet basic block.

Conventions: images are ``(N, C, H, W)`` (batch, channels, height, width);
convolution is the deep-learning one (cross-correlation, no kernel flip).
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def conv2d(x: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int, pad: int) -> np.ndarray:
    """2-D convolution (cross-correlation) with zero padding ``pad`` on all four sides.

    x (N, C, H, Wi); W (F, C, KH, KW); b (F,). Returns (N, F, OH, OW) with
    ``OH = (H + 2 pad - KH) // stride + 1`` and ``OW = (Wi + 2 pad - KW) // stride + 1``:
    ``out[n, f, i, j] = b[f] + sum_{c,p,q} xp[n, c, i stride + p, j stride + q] W[f, c, p, q]``
    where ``xp`` is the padded input.
    """
    _, _, H, Wi = x.shape
    _, _, KH, KW = W.shape
    OH = (H + 2 * pad - KH) // stride + 1
    OW = (Wi + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    sums = np.zeros((x.shape[0], W.shape[0], OH, OW), dtype=np.result_type(x, W))
    for i in range(OH):
        for j in range(OW):
            # The padded input under the filters at output position (i, j): (N, C, KH, KW).
            window = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            sums[:, :, i, j] = np.einsum("ncpq,fcpq->nf", window, W)
    out = sums + b[None, :, None, None]
    return out


def max_pool2d(x: np.ndarray, k: int, stride: int) -> np.ndarray:
    """Max pooling with a ``k x k`` window and no padding.

    x (N, C, H, W). Returns (N, C, (H - k) // stride + 1, (W - k) // stride + 1);
    ``out[n, c, i, j] = max x[n, c, i stride : i stride + k, j stride : j stride + k]``.
    """
    _, _, H, Wi = x.shape
    OH = (H - k) // stride + 1
    OW = (Wi - k) // stride + 1
    maxima: list[np.ndarray] = []  # one (N, C) array per output position, row by row
    for i in range(OH):
        for j in range(OW):
            window = x[:, :, i * stride : i * stride + k, j * stride : j * stride + k]
            maxima.append(window.max(axis=(2, 3)))
    out = np.stack(maxima, axis=-1).reshape(x.shape[0], x.shape[1], OH, OW)
    return out


def residual_block(
    x: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> np.ndarray:
    """ResNet basic block (He et al., 2016) in fully connected form.

    x (B, D); W1 (D, H); b1 (H,); W2 (H, D); b2 (D,).
    ``F(x) = relu(x W1 + b1) W2 + b2`` and the block returns ``relu(x + F(x))`` (B, D):
    the second ReLU comes after the identity shortcut is added.
    """
    h = np.maximum(x @ W1 + b1, 0)
    residual = h @ W2 + b2
    y = np.maximum(x + residual, 0)
    return y
