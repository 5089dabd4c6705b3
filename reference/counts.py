"""Closed-form counts for parameterised numeric questions (parameter counts, output sizes)."""


def rnn_parameter_count(input_size: int, hidden_size: int) -> int:
    """Simple RNN cell ``tanh(x W_inᵀ + h Wᵀ + b)``: W_in (H, I), W (H, H), b (H,)."""
    return hidden_size * (input_size + hidden_size) + hidden_size


def lstm_parameter_count(input_size: int, hidden_size: int) -> int:
    """LSTM cell without peepholes: 4 gates, each weights (H, H + I) and a bias (H,)."""
    return 4 * rnn_parameter_count(input_size, hidden_size)


def gru_parameter_count(input_size: int, hidden_size: int) -> int:
    """GRU cell (one bias per gate, as in this project's contract): 3 × (H (H + I) + H)."""
    return 3 * rnn_parameter_count(input_size, hidden_size)


def embedding_parameter_count(vocab_size: int, embedding_dim: int) -> int:
    """An embedding matrix (vocab × dim) has one parameter per entry."""
    return vocab_size * embedding_dim


def conv_output_size(input_size: int, kernel_size: int, stride: int, padding: int) -> int:
    """Spatial output size ``floor((n + 2p - k) / s) + 1`` of a convolution or pooling."""
    return (input_size + 2 * padding - kernel_size) // stride + 1


def conv_parameter_count(in_channels: int, out_channels: int, kernel_size: int) -> int:
    """A 2-D convolution with square kernels and one bias per output channel."""
    return out_channels * (in_channels * kernel_size * kernel_size + 1)
