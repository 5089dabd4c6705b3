"""Known-wrong residual blocks, one per misconception in exercise.yaml (trusted, run by the grader)."""

import numpy as np


def _relu(a):
    return np.maximum(a, 0.0)


def _residual(x, W1, b1, W2, b2):
    return _relu(x @ W1 + b1) @ W2 + b2


def relu_before_addition(x, W1, b1, W2, b2):
    return x + _relu(_residual(x, W1, b1, W2, b2))


def no_final_relu(x, W1, b1, W2, b2):
    return x + _residual(x, W1, b1, W2, b2)


def no_skip(x, W1, b1, W2, b2):
    return _relu(_residual(x, W1, b1, W2, b2))


def inner_relu_missing(x, W1, b1, W2, b2):
    return _relu(x + (x @ W1 + b1) @ W2 + b2)


def pre_activation(x, W1, b1, W2, b2):
    # The full pre-activation unit of He et al., "Identity Mappings in Deep Residual Networks"
    # (2016), without batch norm: ReLU before each layer, nothing after the addition.
    return x + _relu(_relu(x) @ W1 + b1) @ W2 + b2


def relu_on_branch_and_after(x, W1, b1, W2, b2):
    # Every layer ends in a ReLU, and one more comes after the sum: relu(x + relu(F(x))).
    return _relu(x + _relu(_residual(x, W1, b1, W2, b2)))
