"""Build plain data with positions straight from PyYAML's event stream.

PyYAML's composer and resolver run in Python per node and dominate load time
(about 1 s for a 10,000-question bank); libyaml's event stream alone takes a
quarter of that. This builder walks the events once, resolves plain scalars
with a first-character dispatch (falling back to PyYAML's own resolver and
constructor for anything that is not obviously a string), and records the
line and column of every value and mapping key. Safe tags only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from renshu.grader.errors import BankError, Location

# A mapping key is any plain scalar (bool is an int); a list index is an int.
YamlKey = str | int | float
YamlPath = tuple[YamlKey, ...]
Positions = dict[YamlPath, tuple[int, int]]
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A plain scalar needs the full resolver only if it could be null, bool, int or float.
_MAYBE_NOT_STR = frozenset("~-+.0123456789nNtTfFyYoO<=")
_SPECIAL_WORDS = {
    "null": None, "Null": None, "NULL": None, "~": None,
    "true": True, "True": True, "TRUE": True, "yes": True, "Yes": True, "YES": True,
    "on": True, "On": True, "ON": True,
    "false": False, "False": False, "FALSE": False, "no": False, "No": False, "NO": False,
    "off": False, "Off": False, "OFF": False,
}  # fmt: skip
_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _Resolver:
    """PyYAML's resolver and constructor, used only for the rare non-trivial scalar."""

    def __init__(self) -> None:
        self._loader = yaml.SafeLoader("")
        # types-PyYAML leaves BaseResolver.resolve unannotated: (node kind, value, implicit) -> tag.
        self._resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = (
            self._loader.resolve
        )

    def value(self, event: yaml.ScalarEvent, source: str) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = self._resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag not in _SAFE_TAGS:
            raise BankError(f"the tag {tag!r} is not allowed here", _loc(event, source))
        node = yaml.ScalarNode(
            tag,
            event.value,
            # types-PyYAML: events may carry the C parser's Mark, nodes declare only yaml.Mark
            event.start_mark,  # type: ignore[arg-type]
            event.end_mark,  # type: ignore[arg-type]
            event.style,
        )
        return self._loader.construct_object(node, deep=True)


def _loc(event: yaml.Event, source: str) -> Location:
    mark = event.start_mark
    if mark is None:  # the parser marks every event; a hand-made one may not be
        return Location(source)
    return Location(source, mark.line + 1, mark.column + 1)


def _scalar(event: yaml.ScalarEvent, resolver: _Resolver, source: str) -> Any:
    value = event.value
    if event.tag is None and event.style:  # quoted or block ('' or None is plain): a string
        return value
    if event.tag is None and event.implicit[0]:
        if not value:
            return None
        if value[0] not in _MAYBE_NOT_STR:
            return value
        if value in _SPECIAL_WORDS:
            return _SPECIAL_WORDS[value]
        if _DECIMAL.match(value):
            return int(value)
    return resolver.value(event, source)


class NeedPositions(Exception):
    """Raised by an untracked build that hit an error it must locate: build again, tracked."""


def build(text: str, source: str, track: bool = True) -> tuple[Any, Positions, Positions]:
    """``(data, value positions, key positions)`` of the single document in ``text``.

    With ``track=False`` the positions stay empty (a fifth faster); a problem that
    needs its place then raises ``NeedPositions``. Raises ``yaml.YAMLError`` for
    syntax errors (callers locate them) and ``BankError`` for duplicate keys,
    non-scalar keys and unsafe tags.
    """
    parser = _Parser(text)
    resolver = _Resolver()
    positions: Positions = {}
    key_positions: Positions = {}
    anchors: dict[str, Any] = {}
    # Each frame: [container, path, pending key (maps), unused, next index (seqs)]
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    get_event = parser.get_event
    scalar_event = yaml.ScalarEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    container_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event and stack:
                # The common case first: a plain value or key inside a container.
                frame = stack[-1]
                container = frame[0]
                mark = event.start_mark
                if container.__class__ is dict:
                    if frame[2] is _NO_KEY:
                        key = _scalar(event, resolver, source)
                        if not isinstance(key, str | int | float | bool):
                            raise BankError(
                                "a mapping key must be a plain scalar", _loc(event, source)
                            )
                        if key in container:
                            if not track:
                                raise NeedPositions
                            first = key_positions.get((*frame[1], key), (0, 0))[0]
                            raise BankError(
                                f"duplicate key {key!r} (first given at line {first})",
                                _loc(event, source),
                            )
                        frame[2] = key
                        if track:
                            key_positions[(*frame[1], key)] = (mark.line + 1, mark.column + 1)
                        continue
                    if track:
                        positions[(*frame[1], frame[2])] = (mark.line + 1, mark.column + 1)
                    value = _scalar(event, resolver, source)
                    container[frame[2]] = value
                    frame[2] = _NO_KEY
                else:
                    if track:
                        positions[(*frame[1], frame[4])] = (mark.line + 1, mark.column + 1)
                    value = _scalar(event, resolver, source)
                    container.append(value)
                    frame[4] += 1
                if event.anchor is not None:
                    anchors[event.anchor] = value
                continue
            if kind in container_end:
                done = stack.pop()[0]
                if not stack:
                    root = done
                continue
            if kind is yaml.StreamEndEvent:
                break
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise BankError(
                        "only one YAML document per file is allowed", _loc(event, source)
                    )
                continue
            if kind in (yaml.StreamStartEvent, yaml.DocumentEndEvent):
                continue
            # A value (scalar, alias, or a new container): where does it go?
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                # Scalar keys took the fast path above: this key is a mapping, list or alias.
                raise BankError("a mapping key must be a plain scalar", _loc(event, source))
            if stack:
                frame = stack[-1]
                if isinstance(frame[0], dict):
                    path = (*frame[1], frame[2])
                else:
                    path = (*frame[1], frame[4])
            else:
                path = ()
            if track:
                positions[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
            if kind is yaml.ScalarEvent:
                value = _scalar(event, resolver, source)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise BankError(f"unknown alias *{event.anchor}", _loc(event, source))
                value = anchors[event.anchor]
            elif kind is map_start or kind is seq_start:
                if event.tag not in (None, "!") and event.tag not in _SAFE_TAGS:
                    raise BankError(
                        f"the tag {event.tag!r} is not allowed here", _loc(event, source)
                    )
                value = {} if kind is map_start else []
            else:  # pragma: no cover - PyYAML has no other event kinds
                raise BankError(f"unexpected YAML event {kind.__name__}", _loc(event, source))
            anchor = getattr(event, "anchor", None)
            if anchor is not None and kind is not yaml.AliasEvent:
                anchors[anchor] = value
            if stack:
                frame = stack[-1]
                if isinstance(frame[0], dict):
                    frame[0][frame[2]] = value
                    frame[2] = _NO_KEY
                else:
                    frame[0].append(value)
                    frame[4] += 1
            if kind is map_start:
                stack.append([value, path, _NO_KEY, None, 0])
            elif kind is seq_start:
                stack.append([value, path, None, None, 0])
            elif not stack:
                root = value
    finally:
        parser.dispose()
    return root, positions, key_positions


class _NoKey:
    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY: Any = _NoKey()
