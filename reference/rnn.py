"""Simple (Elman) RNN with the notes' three weights, its BPTT, and gradient clipping.

Row-vector convention of the notes (``u = X W_in + z_prev W``): every weight is
applied on the right, so ``W_in`` is (I, H), ``W`` is (H, H) and ``W_out`` is
(H, O). Batch first: ``xs`` (B, T, I), states ``hs`` (B, T, H), outputs
``ys`` (B, T, O).
"""

import numpy as np


def rnn_states(
    xs: np.ndarray, h0: np.ndarray, W_in: np.ndarray, W: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """All hidden states ``h_t = tanh(x_t W_in + h_{t-1} W + b)``, starting from ``h0``.

    xs (B, T, I); h0 (B, H); W_in (I, H); W (H, H); b (H,). Returns hs (B, T, H),
    where ``hs[:, t]`` is the state after reading ``xs[:, t]`` (``h0`` is not included).
    """
    B, T, _ = xs.shape
    # Traced name (``rnn_bptt``'s exercise.yaml intermediates): ``h``, bound once per step
    # and never to ``h0``. The buffer is not called ``hs``: uninitialised, it would be
    # recorded under that name wherever an exercise declares it.
    states = np.empty((B, T, h0.shape[1]), dtype=np.result_type(xs, h0, W_in, W, b))
    h_last = h0
    for t in range(T):
        h = np.tanh(xs[:, t] @ W_in + h_last @ W + b)
        states[:, t] = h
        h_last = h
    return states


def rnn_forward(
    xs: np.ndarray,
    h0: np.ndarray,
    W_in: np.ndarray,
    W: np.ndarray,
    W_out: np.ndarray,
    b: np.ndarray,
    c: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Elman RNN over a sequence with a linear output layer.

    xs (B, T, I); h0 (B, H); W_in (I, H); W (H, H); W_out (H, O); b (H,); c (O,).
    Returns ``(hs, ys)``: hs (B, T, H) and ys (B, T, O) with ``y_t = h_t W_out + c``.
    """
    # The loop of ``rnn_states``, written out as the exercise's starter has it: traced names
    # (exercise.yaml intermediates) ``h_init`` once, ``h`` once per step, ``ys``. Through a
    # helper, the helper's own argument ``h0`` would stand for ``h_init`` in a traced call.
    B, T, _ = xs.shape
    hs = np.empty((B, T, h0.shape[1]), dtype=np.result_type(xs, h0, W_in, W, b))
    h_init = h0
    h_last = h_init
    for t in range(T):
        h = np.tanh(xs[:, t] @ W_in + h_last @ W + b)
        hs[:, t] = h
        h_last = h
    ys = hs @ W_out + c
    return hs, ys


def rnn_bptt(
    xs: np.ndarray,
    h0: np.ndarray,
    W_in: np.ndarray,
    W: np.ndarray,
    W_out: np.ndarray,
    b: np.ndarray,
    dys: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of ``L = sum(dys * ys)`` for the RNN of ``rnn_forward`` (BPTT).

    Arguments as in ``rnn_forward`` (the output bias ``c`` only shifts ys, so it
    does not enter any gradient) plus dys (B, T, O) = dL/dys. With
    ``a_t = x_t W_in + h_{t-1} W + b``:
    ``dh_t = dy_t W_outᵀ + da_{t+1} Wᵀ``, ``da_t = dh_t * (1 - h_t²)``;
    ``dW_in = Σ_t x_tᵀ da_t``, ``dW = Σ_t h_{t-1}ᵀ da_t``, ``dW_out = Σ_t h_tᵀ dy_t``
    (sums over the batch too). Returns ``(dW_in, dW, dW_out)``, shaped like the weights.
    """
    hs = rnn_states(xs, h0, W_in, W, b)
    T = xs.shape[1]
    dW_in = np.zeros_like(W_in)
    dW = np.zeros_like(W)
    dW_out = np.zeros_like(W_out)
    da_next = np.zeros_like(h0)  # dL/da_{t+1}: nothing comes after the last step
    for t in reversed(range(T)):
        h_t = hs[:, t]
        h_prev = hs[:, t - 1] if t > 0 else h0
        dW_out += h_t.T @ dys[:, t]  # local to step t: no recursion needed
        dh = dys[:, t] @ W_out.T + da_next @ W.T
        da = dh * (1.0 - h_t**2)
        dW_in += xs[:, t].T @ da
        dW += h_prev.T @ da
        da_next = da
    return dW_in, dW, dW_out


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> tuple[np.ndarray, ...]:
    """Clip gradients by their global L2 norm (Pascanu et al., 2013).

    grads: a list of arrays of any shapes; max_norm > 0. With
    ``total = sqrt(Σ_k ||g_k||²)`` over every element of every gradient, each
    gradient is multiplied by ``max_norm / total`` when ``total > max_norm`` and
    returned unchanged otherwise (no epsilon). Returns a tuple of arrays, shapes
    and order as in ``grads``.
    """
    total = np.sqrt(sum(np.sum(g * g) for g in grads))
    if total > max_norm:
        scale = max_norm / total
        # A loop, not a generator: ``scale`` would be a local of the generator's frame too,
        # and each clipped gradient is bound to a name (traced intermediates).
        out = []
        for g in grads:
            clipped = g * scale
            out.append(clipped)
        return tuple(out)
    return tuple(np.array(g) for g in grads)
