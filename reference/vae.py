"""Variational autoencoder pieces (Kingma & Welling, 2014): sampling and the KL term.

The encoder outputs, per sample, a mean ``mu`` and a log-variance
``log_var = log σ²`` of a diagonal Gaussian posterior ``q(z | x) = N(mu, diag σ²)``;
the prior is ``N(0, I)``.
"""

# NumPy's stubs type ufunc results (np.exp, np.maximum, ...) as Any.
# mypy: no-warn-return-any

import numpy as np


def vae_reparameterize(mu: np.ndarray, log_var: np.ndarray, eps: np.ndarray) -> np.ndarray:
    """Reparameterised sample ``z = mu + exp(0.5 · log_var) ⊙ eps``.

    mu, log_var, eps (B, Z); ``eps`` is the standard-normal noise, given so the
    result is deterministic. ``exp(0.5 · log_var)`` is the standard deviation σ.
    Returns z (B, Z).
    """
    std = np.exp(0.5 * log_var)
    z = mu + std * eps
    return z


def vae_kl(mu: np.ndarray, log_var: np.ndarray) -> np.ndarray:
    """``KL(N(mu, diag σ²) ‖ N(0, I))`` per sample, with ``σ² = exp(log_var)``.

    mu, log_var (B, Z). Returns (B,):
    ``-0.5 · Σ_j (1 + log_var_j - mu_j² - exp(log_var_j))``, summed over the latent axis.
    """
    var = np.exp(log_var)
    terms = 1.0 + log_var - mu**2 - var
    kl = -0.5 * np.sum(terms, axis=-1)
    return kl
