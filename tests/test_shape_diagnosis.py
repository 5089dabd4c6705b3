"""Shape mismatches are explained with the contract's axis names."""

from __future__ import annotations

from renshu.grader.grading.shape_diagnosis import describe_shape_mismatch


def test_transposed_two_axes() -> None:
    text = describe_shape_mismatch(["B", "H"], {"B": 3, "H": 2}, (2, 3), "h").en
    assert text == "h: expected shape (B, H) = (3, 2), got (2, 3) (= (H, B): transposed?)"


def test_permuted_three_axes() -> None:
    text = describe_shape_mismatch(["B", "T", "O"], {"B": 2, "T": 3, "O": 4}, (3, 2, 4), "ys").en
    assert "= (T, B, O): axes in the wrong order?" in text


def test_squeezed_size_one_axis() -> None:
    text = describe_shape_mismatch(["B", "H"], {"B": 1, "H": 3}, (3,), "h").en
    assert "the size-1 axis B was squeezed away" in text


def test_missing_batch_axis() -> None:
    text = describe_shape_mismatch(["B", "H"], {"B": 2, "H": 3}, (3,), "h").en
    assert "the batch axis B is missing" in text


def test_expression_axes_and_japanese() -> None:
    msg = describe_shape_mismatch(["H", "H + I"], {"H": 2, "I": 3}, (5, 2), "W")
    assert "(H, H+I) = (2, 5)" in msg.en
    assert "(H+I, H)" in msg.en
    assert "転置" in msg.ja


def test_unrelated_shape_labels_matching_sizes() -> None:
    text = describe_shape_mismatch(["B", "H"], {"B": 2, "H": 3}, (3, 7), "h").en
    assert "(H, ?)" in text
