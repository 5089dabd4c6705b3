"""Known-wrong VAE KL terms, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _terms(mu, log_var):
    return 1.0 + log_var - mu**2 - np.exp(log_var)


def sign_flipped(mu, log_var):
    return 0.5 * np.sum(_terms(mu, log_var), axis=1)


def missing_half(mu, log_var):
    return -np.sum(_terms(mu, log_var), axis=1)


def mean_over_latent(mu, log_var):
    return -0.5 * np.mean(_terms(mu, log_var), axis=1)


def log_var_as_log_std(mu, log_var):
    return -0.5 * np.sum(1.0 + 2.0 * log_var - mu**2 - np.exp(2.0 * log_var), axis=1)


def std_for_variance(mu, log_var):
    return -0.5 * np.sum(1.0 + log_var - mu**2 - np.exp(0.5 * log_var), axis=1)


def summed_over_batch(mu, log_var):
    # torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=0): one value per latent dimension.
    return -0.5 * np.sum(1 + log_var - mu**2 - np.exp(log_var), axis=0)


def constant_one_dropped(mu, log_var):
    # KLD = -0.5 * torch.sum(logvar - mu.pow(2) - logvar.exp()): the constant 1 left out.
    return -0.5 * np.sum(log_var - mu**2 - np.exp(log_var), axis=1)
