# exercise: vae_kl
"""The VAE KL term.  Fill in every `...` marked TODO, then run

    renshu watch vae_kl.py
"""

import numpy as np


def vae_kl(mu, log_var):
    """KL(N(mu, diag σ²) ‖ N(0, I)) for each sample.

    mu, log_var: (B, Z); log_var = log σ²
    returns (B,): -0.5 * sum over the latent axis of (1 + log σ² - mu² - σ²)
    """
    var = ...  # TODO: σ² from the log-variance
    terms = ...  # TODO: (B, Z) array of 1 + log σ² - mu² - σ²
    return ...  # TODO: reduce over the latent axis and apply the factor
