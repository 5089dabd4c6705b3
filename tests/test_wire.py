"""The sandbox channel carries plain data only, exactly, and refuses what it must."""

from __future__ import annotations

import numpy as np
import pytest

from renshu.grader.sandbox import wire


def roundtrip(value):
    frame = wire.encode(value)
    size = wire.frame_length(frame[: wire.HEADER_BYTES])
    assert size == len(frame) - wire.HEADER_BYTES
    return wire.decode(frame[wire.HEADER_BYTES :])


def test_roundtrip_is_exact() -> None:
    arr = np.random.default_rng(0).normal(size=(2, 3))
    value = {"a": (arr, [1, 2.5, None, "x", True]), "b": np.float32(1.5), "big": 10**30}
    out = roundtrip(value)
    np.testing.assert_array_equal(out["a"][0], arr)
    assert out["a"][1] == [1, 2.5, None, "x", True]
    assert out["b"] == np.float32(1.5)
    assert out["big"] == 10**30
    assert roundtrip(float("nan")) != roundtrip(float("nan"))  # NaN crosses as NaN


def test_object_arrays_and_objects_cross_only_as_unsupported() -> None:
    out = roundtrip(np.array([object()], dtype=object))
    assert isinstance(out, wire.Unsupported)
    assert "dtype object" in out.reason

    class Liar:
        def __eq__(self, other):
            return True

    assert isinstance(roundtrip(Liar()), wire.Unsupported)


def test_enormous_broadcast_view_is_refused_without_materialising() -> None:
    view = np.broadcast_to(np.zeros(1), (10**10,))  # 80 GB logical size
    out = roundtrip(view)
    assert isinstance(out, wire.Unsupported)
    assert "too large" in out.reason


def test_malformed_frames_raise_wire_error() -> None:
    frame = wire.encode({"ok": True, "value": np.zeros(4)})
    payload = frame[wire.HEADER_BYTES :]
    with pytest.raises(wire.WireError):
        wire.decode(payload[:-8])  # array data cut short
    with pytest.raises(wire.WireError):
        wire.decode(payload + b"x")  # trailing bytes
    with pytest.raises(wire.WireError):
        wire.frame_length((wire.MAX_FRAME_BYTES + 1).to_bytes(8, "big"))
    evil = b'{"t":"nd","dtype":"|O","shape":[1]}'
    with pytest.raises(wire.WireError):
        wire.decode(len(evil).to_bytes(4, "big") + evil + b"\0" * 8)
