"""Echo-state network (Jaeger 2001) with leaky-integrator units (Jaeger et al. 2007;
Lukoševičius 2012, "A practical guide to applying echo state networks"): states and readout.

Row-vector convention, as in the notes' RNN code (``np.dot(X, W_in) + np.dot(z, W)``):
an input ``u_t`` (I,) is applied as ``u_t @ W_in`` with ``W_in`` (I, N), a state
``x_{t-1}`` (N,) as ``x_{t-1} @ W`` with ``W`` (N, N). The reservoir (``W_in``, ``W``)
is random and fixed; only the readout ``W_out`` (N, O) is trained, by ridge regression.
"""

import numpy as np


def esn_states(
    u: np.ndarray, W_in: np.ndarray, W: np.ndarray, leak: float, x0: np.ndarray
) -> np.ndarray:
    """Leaky-integrator reservoir states for ``t = 0..T-1`` from the state ``x0``.

    u (T, I); W_in (I, N); W (N, N); leak ``a`` in (0, 1]; x0 (N,).
    ``x_t = (1 - a) x_{t-1} + a tanh(u_t W_in + x_{t-1} W)`` with ``x_{-1} = x0``.
    Returns the states X (T, N), row t being ``x_t`` (x0 itself is not included).
    """
    T, N = u.shape[0], W.shape[0]
    # Traced names (exercise.yaml intermediates): ``x_init`` once, ``x_tilde`` and ``x``
    # once per step. The buffer is not called ``X``: uninitialised, it would be recorded
    # under the name ``esn_readout`` declares for the full states.
    states = np.empty((T, N), dtype=np.result_type(u, W_in, W, x0))
    x_init = x0
    x_prev = x_init
    for t in range(T):
        x_tilde = np.tanh(u[t] @ W_in + x_prev @ W)
        x = (1.0 - leak) * x_prev + leak * x_tilde
        states[t] = x
        x_prev = x
    return states


def esn_readout(
    u: np.ndarray,
    y: np.ndarray,
    W_in: np.ndarray,
    W: np.ndarray,
    leak: float,
    ridge: float,
) -> np.ndarray:
    """Train only the readout: ridge regression of the targets on the reservoir states.

    u (T, I); y (T, O); W_in (I, N); W (N, N); leak in (0, 1]; ridge ``λ > 0``.
    The states X (T, N) are ``esn_states(u, W_in, W, leak, 0)``. Returns
    ``W_out = (XᵀX + λ I)⁻¹ Xᵀ y`` (N, O), so that the predictions are ``X @ W_out``.
    """
    N = W.shape[0]
    X = esn_states(u, W_in, W, leak, np.zeros(N, dtype=u.dtype))
    A = X.T @ X + ridge * np.eye(N, dtype=X.dtype)
    b = X.T @ y
    W_out = np.linalg.solve(A, b)
    return W_out
