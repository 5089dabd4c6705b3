# exercise: vae_reparameterize
"""VAE reparameterisation trick.  Fill in every `...` marked TODO, then run

    renshu watch vae_reparameterize.py
"""

import numpy as np


def vae_reparameterize(mu, log_var, eps):
    """Sample z ~ N(mu, diag σ²) as a differentiable function of mu and log_var.

    mu, log_var, eps: (B, Z); log_var = log σ²; eps ~ N(0, I) is given
    returns z = mu + σ * eps, (B, Z)
    """
    std = ...  # TODO: the standard deviation σ from the log-variance
    z = ...  # TODO: shift and scale the noise
    return z
