"""The event-stream builder gives exactly what yaml.safe_load gives, with positions."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from renshu.grader.errors import BankError
from renshu.grader.formats.yaml_events import NeedPositions, build

TRICKY = [
    "a: 1",
    "a: -0",
    "a: +12",
    "a: 012",
    "a: 0x1F",
    "a: 0o17",
    "a: 1_000",
    "a: 1e3",
    "a: 1.5",
    "a: .inf",
    "a: -.inf",
    "a: .nan",
    "a: yes",
    "a: No",
    "a: on",
    "a: OFF",
    "a: ~",
    "a: null",
    "a:",
    "a: ''",
    'a: "1"',
    "a: '~'",
    "a: 2026-01-02",
    "a: 2026-01-02 10:00:00",
    "a: 1:30",
    "a: !!str 12",
    "a: !!float 3",
    "a: |\n  line\n  two\n",
    "a: >-\n  folded\n  text\n",
    "a: [1, x, 'y', {b: 2}]",
    "a: &x [1, 2]\nb: *x",
    "- 1\n- - 2\n  - three\n",
    "just text",
    "a: ＬＳＴＭ 忘却ゲート",
    "? b\n: c",
    "a: {}",
    "a: []",
    "a: 1\nb: {c: [true, 'false']}",
]


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("track", [True, False])
def test_tricky_scalars_match_safe_load(text: str, track: bool) -> None:
    data, _positions, _keys = build(text, "t.yaml", track=track)
    assert same(data, yaml.safe_load(text)), (data, yaml.safe_load(text))


keys = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=6
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=10),
    st.sampled_from(["yes", "no", "~", "0x10", "1_0", ".5", "-", "2026-01-01", "on", "-.inf"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(doc=documents, flow=st.sampled_from([None, True, False]))
def test_generated_documents_match_safe_load(doc, flow) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow)
    data, _positions, _keys = build(text, "t.yaml", track=True)
    assert same(data, yaml.safe_load(text))
    assert same(build(text, "t.yaml", track=False)[0], data)


def test_positions_of_values_and_keys() -> None:
    text = "top:\n  - id: a\n    concepts: [x, y]\n"
    _data, values, keys = build(text, "t.yaml")
    assert values[("top", 0, "id")] == (2, 9)
    assert values[("top", 0, "concepts", 1)] == (3, 19)
    assert keys[("top", 0, "concepts")] == (3, 5)


def test_duplicate_keys_unsafe_tags_and_complex_keys() -> None:
    with pytest.raises(NeedPositions):
        build("a: 1\na: 2\n", "t.yaml", track=False)
    with pytest.raises(BankError, match=r"duplicate key 'a' \(first given at line 1\)"):
        build("a: 1\na: 2\n", "t.yaml")
    with pytest.raises(BankError, match="not allowed"):
        build("a: !!python/object:os.system x\n", "t.yaml")
    with pytest.raises(BankError, match="plain scalar"):
        build("? [a, b]\n: c\n", "t.yaml")
    with pytest.raises(BankError, match="one YAML document"):
        build("a: 1\n---\nb: 2\n", "t.yaml")
