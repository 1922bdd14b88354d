"""Fuzzing the client-side validation (bounded, so that CI stays fast).

- every pattern of the model: strings drawn to match it (Java semantics, ``tests/strategies.py``)
  pass the shape's checker;
- every operation: a wrongly typed value at the top level of its request, and one level down in
  a nested structure, raises ``ValidationError`` and nothing else, naming the member, before any call.

The number of examples follows the suite's hypothesis profile (``HYPOTHESIS_PROFILE=thorough`` for more).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from client_fixtures import Examples, request_class
from hypothesis import given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import SERVICE

from codegen.ir import Shape
from cognito_typed import ValidationError
from cognito_typed.models import _kinds

WIRE = WireStrategies(SERVICE)
PATTERNED = sorted(
    {s.name for s in SERVICE.shapes.values() if s.kind == "string" and s.constraints.pattern is not None}
)
COUNTS: Counter[str] = Counter()


@pytest.mark.parametrize("name", PATTERNED)
@given(data=st.data())
def test_strings_that_match_a_pattern_pass_its_checker(name: str, data: st.DataObject) -> None:
    value = data.draw(WIRE(name), label=name)
    out: list[Any] = []
    getattr(_kinds, name).check(value, out, "", name, False, True)
    assert out == [], (value, out)
    COUNTS["pattern"] += 1


class Opaque:
    """An object of no type the model knows."""


# For each kind of shape: values of the wrong type (none of them may pass).
WRONG: dict[str, list[Any]] = {
    "string": [5, b"bytes", ["a"], {"a": 1}, True, Opaque()],
    "enum": [5, b"bytes", ["a"], Opaque()],
    "integer": ["5", 5.0, True, [5], Opaque(), 2**63],
    "long": ["5", 5.5, False, [5], 2**64],
    "boolean": [1, "true", [True], None.__class__],
    "blob": [5, [1, 2], Opaque()],
    "timestamp": [[2024], {"y": 2024}, Opaque(), True],
    "document": [Opaque(), {"a": Opaque()}, float("inf"), {1: "a"}],
    "list": ["abc", 5, {"a": 1}, Opaque()],
    "map": [["a"], "abc", 5, Opaque()],
    "structure": [{"a": 1}, "abc", 5, Opaque()],
}


def wrong_values(shape: Shape) -> list[Any]:
    values = list(WRONG[shape.kind])
    if shape.kind == "list":  # an item of the wrong type
        item = SERVICE.shapes[shape.item or ""]
        values.append([WRONG[item.kind][0]])
    if shape.kind == "map":
        value = SERVICE.shapes[shape.value or ""]
        values.append({"key": WRONG[value.kind][0]})
    return values


def nested_targets(op_input: str) -> list[tuple[str, str, Shape]]:
    """(top member, nested member, nested member's shape): one level down, in structure members."""
    out = []
    for m in SERVICE.shapes[op_input].members:
        shape = SERVICE.shapes[m.shape]
        if shape.kind == "structure":
            out += [(m.py_name, n.py_name, SERVICE.shapes[n.shape]) for n in shape.members]
    return out


OPERATIONS = sorted(SERVICE.operations, key=lambda op: op.name)


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.name)
def test_wrongly_typed_values_raise_validation_error_only(op: Any) -> None:
    full = request_class(op.name).from_wire(Examples(full=True, items=1, svc=SERVICE).request(op.name))
    full.validate(constraints=False)  # the base request itself is fine (its types, at least)
    for m in SERVICE.shapes[op.input].members:
        for bad in wrong_values(SERVICE.shapes[m.shape]):
            request = dataclasses.replace(full, **{m.py_name: bad})
            with pytest.raises(ValidationError) as info:
                request.validate()
            tops = {v.path.split(".")[0].split("[")[0].split(" ")[0] for v in info.value.violations}
            assert m.wire_name in tops
            COUNTS["top"] += 1
    for top, nested, shape in nested_targets(op.input):
        parent = getattr(full, top)
        if parent is None:
            continue
        for bad in wrong_values(shape):
            request = dataclasses.replace(full, **{top: dataclasses.replace(parent, **{nested: bad})})
            with pytest.raises(ValidationError):
                request.validate()
            COUNTS["nested"] += 1


def test_a_required_member_given_none_is_refused_for_every_operation() -> None:
    refused = 0
    for op in OPERATIONS:
        full = request_class(op.name).from_wire(Examples(full=True, items=1, svc=SERVICE).request(op.name))
        for m in SERVICE.shapes[op.input].members:
            if m.required:
                with pytest.raises(ValidationError) as info:
                    dataclasses.replace(full, **{m.py_name: None}).validate(constraints=False)
                assert (m.wire_name, "required") in {(v.path, v.rule) for v in info.value.violations}
                refused += 1
    assert refused > 150


def test_timestamps_take_what_botocore_takes() -> None:
    from cognito_typed.models import InitiatePointInTimeRecoveryRequest

    for when in (datetime(2024, 1, 1, tzinfo=UTC), "2024-01-01T00:00:00Z", 1704067200, 1704067200.5):
        InitiatePointInTimeRecoveryRequest(user_pool_id="us-east-1_EXAMPLE", restore_timestamp=when).validate()


def test_the_fuzzing_ran() -> None:
    """The counts the closing note quotes (this test runs after the ones above in file order)."""
    top, nested = COUNTS["top"], COUNTS["nested"]
    print(f"\nfuzz: {COUNTS['pattern']} pattern examples, {top} top-level and {nested} nested wrong values")
    assert COUNTS["top"] > 1000 and COUNTS["nested"] > 500
