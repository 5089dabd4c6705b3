"""Known-wrong VAE samplers, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def scaled_by_variance(mu, log_var, eps):
    return mu + np.exp(log_var) * eps


def log_var_as_std(mu, log_var, eps):
    return mu + log_var * eps


def noise_not_scaled(mu, log_var, eps):
    return mu + eps


def mean_missing(mu, log_var, eps):
    return np.exp(0.5 * log_var) * eps


def half_outside_exp(mu, log_var, eps):
    # "sigma = 0.5*exp(log(sigma^2))": std = 0.5 * torch.exp(logvar), seen in published VAEs.
    std = 0.5 * np.exp(log_var)
    return eps * std + mu


def sqrt_of_log_var(mu, log_var, eps):
    # std = torch.sqrt(logvar): log_var taken for the variance (NaN where it is negative).
    std = np.sqrt(log_var)
    return mu + eps * std
