"""The sandbox channel's encoding: length-framed plain data and raw arrays, never pickle.

Shared by the parent and the child's trusted bootstrap, so it imports only the
standard library and NumPy. A frame is an 8-byte big-endian length followed by
a payload; a payload is a 4-byte JSON length, the JSON tree, then the raw bytes
of every array the tree refers to. Only numeric dtypes cross the channel, and
every size is capped before anything is allocated.
"""

from __future__ import annotations

import json
import math
import struct
from typing import Any

import numpy as np

# Both directions; a reply this size is far beyond any exercise and bounds the
# grader's own memory per grading (an array over half of it crosses as "too large").
MAX_FRAME_BYTES = 8 * 1024 * 1024
MAX_ARRAYS = 64
MAX_ITEMS = 256
MAX_DEPTH = 8
MAX_HEAD_BYTES = 1024 * 1024
_LEN = struct.Struct(">Q")
_JSON_LEN = struct.Struct(">I")
# Plain numeric dtypes only: no object, void, string or structured dtypes.
ALLOWED_DTYPES = frozenset(
    np.dtype(t).str
    for t in (
        "bool",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    )
)


class WireError(Exception):
    """Data that cannot cross the channel (too large, wrong type, malformed frame)."""


class Unsupported:
    """Stands for a returned object that is not plain data; only its type name crosses."""

    def __init__(self, type_name: str, reason: str) -> None:
        self.type_name = type_name
        self.reason = reason

    def __repr__(self) -> str:
        return f"<{self.type_name}: {self.reason}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unsupported) and (other.type_name, other.reason) == (
            self.type_name,
            self.reason,
        )

    def __hash__(self) -> int:
        return hash((self.type_name, self.reason))


def encode(message: Any) -> bytes:
    """Encode plain data (arrays, numbers, str, None, tuple, list, str-keyed dict) as a frame."""
    blobs: list[bytes] = []
    tree = _to_tree(message, blobs, 0)
    head = json.dumps(tree, separators=(",", ":")).encode()
    size = _JSON_LEN.size + len(head) + sum(len(b) for b in blobs)
    if size > MAX_FRAME_BYTES:
        raise WireError(f"message of {size} bytes exceeds the {MAX_FRAME_BYTES}-byte cap")
    return b"".join([_LEN.pack(size), _JSON_LEN.pack(len(head)), head, *blobs])


def _to_tree(value: Any, blobs: list[bytes], depth: int) -> Any:
    if depth > MAX_DEPTH:
        return {"t": "unsupported", "type": "nested", "why": "nested too deeply"}
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return {"t": "atom", "v": value}
    if kind is int:
        return {"t": "int", "v": str(value)}
    if kind is float:
        return {"t": "float", "v": value.hex()}
    if isinstance(value, np.ndarray):
        return _array_tree(value, blobs)
    if isinstance(value, np.generic):
        if value.dtype.str in ALLOWED_DTYPES:
            return _array_tree(np.asarray(value), blobs) | {"scalar": True}
        return {"t": "unsupported", "type": kind.__name__, "why": f"dtype {value.dtype}"}
    if kind is tuple or kind is list:
        if len(value) > MAX_ITEMS:
            return {"t": "unsupported", "type": kind.__name__, "why": f"{len(value)} items"}
        items = [_to_tree(v, blobs, depth + 1) for v in value]
        return {"t": kind.__name__, "items": items}
    if kind is dict:
        if len(value) > MAX_ITEMS or not all(type(k) is str for k in value):
            return {"t": "unsupported", "type": "dict", "why": "keys must be strings"}
        return {
            "t": "dict",
            "items": [[k, _to_tree(v, blobs, depth + 1)] for k, v in value.items()],
        }
    return {"t": "unsupported", "type": _type_name(value), "why": "not plain data"}


def _type_name(value: Any) -> str:
    try:
        return str(type(value).__qualname__)[:80]
    except Exception:  # a hostile metaclass; the name is only informational
        return "object"


def _array_tree(arr: np.ndarray, blobs: list[bytes]) -> dict[str, Any]:
    if arr.dtype.str not in ALLOWED_DTYPES:
        return {"t": "unsupported", "type": "ndarray", "why": f"dtype {arr.dtype}"}
    # nbytes is computed from shape and itemsize, so a broadcast view of 80 GB
    # is refused here, before it is ever materialised.
    if arr.nbytes > MAX_FRAME_BYTES // 2 or len(blobs) >= MAX_ARRAYS:
        return {"t": "unsupported", "type": "ndarray", "why": f"too large ({arr.nbytes} bytes)"}
    blobs.append(np.ascontiguousarray(arr).tobytes())
    return {"t": "nd", "dtype": arr.dtype.str, "shape": list(arr.shape)}


def decode(payload: bytes) -> Any:
    """Decode one frame's payload (without its length prefix); raise ``WireError`` if malformed."""
    try:
        (head_len,) = _JSON_LEN.unpack_from(payload, 0)
        if head_len > MAX_HEAD_BYTES:
            raise WireError(f"a message head of {head_len} bytes exceeds the cap")
        start = _JSON_LEN.size
        tree = json.loads(payload[start : start + head_len])
        cursor = [start + head_len]
        value = _from_tree(tree, payload, cursor, 0)
    except WireError:
        raise
    except RecursionError as e:
        raise WireError("malformed message: nested too deeply") from e
    except (ValueError, KeyError, TypeError, IndexError, struct.error) as e:
        raise WireError(f"malformed message: {type(e).__name__}") from e
    if cursor[0] != len(payload):
        raise WireError("trailing bytes after the message")
    return value


def _from_tree(tree: Any, payload: bytes, cursor: list[int], depth: int) -> Any:
    if depth > MAX_DEPTH + 1 or type(tree) is not dict:
        raise WireError("malformed message tree")
    t = tree["t"]
    if t == "atom":
        if tree["v"] is not None and type(tree["v"]) not in (bool, str):
            raise WireError("malformed atom")
        return tree["v"]
    if t == "int":
        if type(tree["v"]) is not str or len(tree["v"]) > 400:
            raise WireError("malformed integer")
        return int(tree["v"])
    if t == "float":
        if type(tree["v"]) is not str or len(tree["v"]) > 64:
            raise WireError("malformed float")
        return float.fromhex(tree["v"])
    if t == "nd":
        dtype = np.dtype(_checked_dtype(tree["dtype"]))
        if type(tree["shape"]) is not list or len(tree["shape"]) > 32:
            raise WireError("bad array shape")
        shape = tuple(int(n) for n in tree["shape"])
        if any(n < 0 for n in shape):
            raise WireError("bad array shape")
        count = math.prod(shape)  # exact: a crafted shape cannot wrap around
        nbytes = count * dtype.itemsize
        end = cursor[0] + nbytes
        if nbytes > MAX_FRAME_BYTES or end > len(payload):
            raise WireError("array data missing or too large")
        arr = np.frombuffer(payload, dtype=dtype, count=count, offset=cursor[0]).reshape(shape)
        cursor[0] = end
        arr = arr.copy()
        return arr[()] if tree.get("scalar") else arr
    if t in ("tuple", "list"):
        if type(tree["items"]) is not list or len(tree["items"]) > MAX_ITEMS:
            raise WireError("malformed or oversized list")
        items = [_from_tree(v, payload, cursor, depth + 1) for v in tree["items"]]
        return tuple(items) if t == "tuple" else items
    if t == "dict":
        if type(tree["items"]) is not list or len(tree["items"]) > MAX_ITEMS:
            raise WireError("malformed or oversized dict")
        return {str(k): _from_tree(v, payload, cursor, depth + 1) for k, v in tree["items"]}
    if t == "unsupported":
        return Unsupported(str(tree["type"])[:80], str(tree["why"])[:200])
    raise WireError(f"unknown node type {t!r}")


def _checked_dtype(text: Any) -> str:
    if type(text) is not str or text not in ALLOWED_DTYPES:
        raise WireError(f"dtype {text!r} is not allowed")
    return text


def frame_length(header: bytes, limit: int = MAX_FRAME_BYTES) -> int:
    """Length announced by an 8-byte frame header, checked against ``limit``."""
    size: int
    (size,) = _LEN.unpack(header)
    if size > limit:
        raise WireError(f"frame of {size} bytes exceeds the {limit}-byte cap")
    return size


HEADER_BYTES = _LEN.size
