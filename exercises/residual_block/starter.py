# exercise: residual_block
"""ResNet basic block, fully connected form.  Fill in every `...` marked TODO, then run

    renshu watch residual_block.py
"""

import numpy as np


def relu(a):
    return np.maximum(a, 0.0)


def residual_block(x, W1, b1, W2, b2):
    """y = relu(x + F(x)) with the residual F(x) = relu(x @ W1 + b1) @ W2 + b2.

    x: (B, D); W1: (D, H); b1: (H,); W2: (H, D); b2: (D,)
    returns y: (B, D)
    """
    h = ...  # TODO: first layer and its ReLU, (B, H)
    residual = ...  # TODO: second layer, no activation yet, (B, D)
    return ...  # TODO: add the shortcut, then the second ReLU
