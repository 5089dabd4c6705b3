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

from renshu.grader.errors import BankError, Location
from renshu.grader.formats.yaml_events import NeedPositions, Positions, YamlPath, build


class PositionedYaml:
    """Plain data parsed from YAML plus the position of every node in it."""

    def __init__(self, path: str, data: Any, text: str) -> None:
        self.path = path
        self.data = data
        self._text = text
        self._positions: tuple[Positions, Positions] | None = None

    def _tracked(self) -> tuple[Positions, Positions]:
        # Positions are only needed to report a problem: a valid file never pays for them.
        if self._positions is None:
            _data, values, keys = build(self._text, self.path, track=True)
            self._positions = (values, keys)
        return self._positions

    @property
    def positions(self) -> Positions:
        return self._tracked()[0]

    @property
    def key_positions(self) -> Positions:
        return self._tracked()[1]

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


def parse_yaml(text: str, source: str) -> PositionedYaml:
    """Parse one YAML document; raise ``BankError`` with file:line:column on bad syntax."""
    try:
        try:
            data, _, _ = build(text, source, track=False)
        except NeedPositions:
            data, _, _ = build(text, source, track=True)  # raises the located BankError
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
    if data is None and not text.strip(" \t\r\n-.#"):
        raise BankError("the file is empty", Location(source, 1, 1))
    if data is None and all(
        line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()
    ):
        raise BankError("the file is empty (comments only)", Location(source, 1, 1))
    return PositionedYaml(source, data, text)


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
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            # The tag itself (``type: choise``) is wrong: point at that key's value.
            tag = (item.get("ctx") or {}).get("discriminator", "")
            tag = tag.strip("'") if isinstance(tag, str) else ""
            if tag:
                node = _node_at(doc.data, loc)
                if isinstance(node, dict) and tag in node:
                    loc = (*loc, tag)
                    field = ".".join(str(p) for p in loc)
        if item["type"] == "missing":
            msg = "this field is required but missing"
        elif item["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling)"
            found.append(BankError(f"{field}: {msg}", doc.key_location(loc)))
            continue
        found.append(BankError(f"{field}: {msg}", doc.location(loc)))
    return found


def _node_at(data: Any, path: YamlPath) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


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
