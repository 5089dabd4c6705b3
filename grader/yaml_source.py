"""Load YAML keeping the line and column of every value, so errors can point at them.

PyYAML's ``compose`` gives nodes with marks; we build plain Python data from
the nodes ourselves (safe tags only) and keep a map from each value's path
(a tuple of keys and indices) to its 1-based (line, column).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import BankError, Location

YamlPath = tuple[str | int, ...]
# libyaml's parser when present (several times faster); both keep line/column marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PositionedYaml:
    """Plain data parsed from YAML plus the position of every node in it."""

    def __init__(
        self,
        path: str,
        data: Any,
        positions: dict[YamlPath, tuple[int, int]],
        key_positions: dict[YamlPath, tuple[int, int]] | None = None,
    ) -> None:
        self.path = path
        self.data = data
        self.positions = positions
        self.key_positions = key_positions or {}

    def key_location(self, where: YamlPath) -> Location:
        """Where the key of the mapping entry ``where`` is written (else its value)."""
        if where in self.key_positions:
            line, col = self.key_positions[where]
            return Location(self.path, line, col)
        return self.location(where)

    def location(self, where: YamlPath) -> Location:
        """The closest known position of ``where`` (falls back to its parents)."""
        for cut in range(len(where), -1, -1):
            if where[:cut] in self.positions:
                line, col = self.positions[where[:cut]]
                return Location(self.path, line, col)
        return Location(self.path)


_KeyPositions = dict[YamlPath, tuple[int, int]]


def _construct(
    node: yaml.Node,
    where: YamlPath,
    positions: dict[YamlPath, tuple[int, int]],
    loader: Any,
    source: str,
    key_positions: _KeyPositions | None = None,
) -> Any:
    key_positions = {} if key_positions is None else key_positions
    positions[where] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        seen: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool):
                raise BankError(
                    "a mapping key must be a plain scalar",
                    Location(source, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                )
            if key in seen:
                first = seen[key].start_mark
                raise BankError(
                    f"duplicate key {key!r} (first given at line {first.line + 1})",
                    Location(source, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                )
            seen[key] = key_node
            key_positions[(*where, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = _construct(
                value_node, (*where, key), positions, loader, source, key_positions
            )
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*where, i), positions, loader, source, key_positions)
            for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, source: str) -> PositionedYaml:
    """Parse one YAML document; raise ``BankError`` with file:line:column on bad syntax."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise BankError("the file is empty", Location(source, 1, 1))
        positions: dict[YamlPath, tuple[int, int]] = {}
        key_positions: _KeyPositions = {}
        data = _construct(node, (), positions, loader, source, key_positions)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = Location(source, mark.line + 1, mark.column + 1) if mark else Location(source)
        problem = e.problem or e.context or "invalid YAML"
        raise BankError(f"YAML syntax error: {problem}", where) from e
    except yaml.reader.ReaderError as e:  # a control character: only a character position
        line = text.count("\n", 0, e.position) + 1
        column = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        what = (
            f"character {e.character!r} is not allowed in YAML"
            if e.character
            else "unreadable text"
        )
        raise BankError(what, Location(source, line, column)) from e
    except yaml.YAMLError as e:  # anything else PyYAML refuses, placed at the start
        raise BankError(f"YAML error: {str(e).splitlines()[0]}", Location(source, 1, 1)) from e
    finally:
        loader.dispose()
    return PositionedYaml(source, data, positions, key_positions)


def read_yaml_file(path: Path) -> PositionedYaml:
    """Read and parse a UTF-8 YAML file, with located errors for unreadable content."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise BankError(f"cannot read the file: {e.strerror}", Location(str(path))) from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise BankError("the file is not UTF-8 text", Location(str(path), line, col)) from e
    if not text.strip():
        raise BankError("the file is empty", Location(str(path), 1, 1))
    return parse_yaml(text, str(path))


def describe_validation_error(doc: PositionedYaml, error: ValidationError) -> list[BankError]:
    """Turn every pydantic error into a located ``BankError`` naming the field."""
    found: list[BankError] = []
    for item in error.errors(include_url=False):
        loc = _data_path(doc.data, item["loc"])
        field = ".".join(str(p) for p in loc) or "(document)"
        msg = item["msg"]
        if item["type"] == "missing":
            msg = "this field is required but missing"
        elif item["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling)"
            found.append(BankError(f"{field}: {msg}", doc.key_location(loc)))
            continue
        found.append(BankError(f"{field}: {msg}", doc.location(loc)))
    return found


def _data_path(data: Any, loc: tuple[str | int, ...]) -> YamlPath:
    """Keep the parts of a pydantic error path that are keys the author wrote.

    pydantic inserts union tags (``'array'``, ``'function-after[...]'``) into
    error paths; a part that does not navigate into the data is such a tag,
    except for the last part, which names a missing or unknown field.
    """
    kept: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            kept.append(part)
            node = node[part]
        elif i == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


M = TypeVar("M", bound=BaseModel)


def validate_model(doc: PositionedYaml, model: type[M]) -> M:
    """Validate ``doc`` against ``model``; raise one ``BankError`` listing every problem."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as e:
        errors = describe_validation_error(doc, e)
        first = errors[0]
        if len(errors) > 1:
            rest = "\n".join(str(err) for err in errors[1:])
            raise BankError(f"{first.message}\n{rest}", first.location) from e
        raise first from e
