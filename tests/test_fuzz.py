"""Fuzzing the client-side validation (bounded, so that CI stays fast).

- every pattern of the model: strings drawn to match it (Java semantics, ``tests/strategies.py``)
  pass the shape's checker;
- every operation: a wrongly typed value at the top level of its request, and one level down in
  a nested structure, raises ``ValidationError`` and nothing else, naming the member, before any call;
- every operation's response: a wrongly typed list, map, structure or timestamp at the top level
  and one level down raises ``MalformedResponseError`` naming the member and the type found, and
  nothing else (scalars are taken as the response has them).

The number of examples follows the suite's hypothesis profile (``HYPOTHESIS_PROFILE=thorough`` for more).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from client_fixtures import Examples, request_class, response_class
from hypothesis import given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import SERVICE

from codegen.ir import Shape
from cognito_typed import MalformedResponseError, ValidationError
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
    "timestamp": [[2024], {"y": 2024}, Opaque(), True, 10**20, float("inf")],  # epochs botocore cannot parse
    "document": [Opaque(), {"a": Opaque()}, float("inf"), {1: "a"}, {"a": [10**5000]}],
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


# What a response's members are checked for when the model is built: containers and timestamps
# (scalars are taken as they come). Each wrong value, and the type name the error must give.
WRONG_IN_RESPONSE: dict[str, list[tuple[Any, str]]] = {
    "list": [("oops", "str"), (5, "int"), ({"a": 1}, "dict")],
    "map": [("oops", "str"), (["a"], "list"), (5, "int")],
    "structure": [("oops", "str"), ([1], "list"), (5, "int")],
    "timestamp": [("yesterday", "str"), (10**20, "int"), (float("inf"), "float"), ([1], "list")],
}


def response_targets(output: str) -> list[tuple[tuple[str, ...], Shape]]:
    """(wire path, shape) of each member of the response, and of each member of a structure member."""
    out: list[tuple[tuple[str, ...], Shape]] = []
    for m in SERVICE.shapes[output].members:
        shape = SERVICE.shapes[m.shape]
        out.append(((m.wire_name,), shape))
        if shape.kind == "structure":
            out += [((m.wire_name, n.wire_name), SERVICE.shapes[n.shape]) for n in shape.members]
    return out


# The responses are the package's model's (svc=SERVICE), handed to ``from_wire`` with no Stubber between: the
# typed models parse them alone, so the response fuzz means the same on any botocore of the supported range.
RESPONDING = [op for op in OPERATIONS if op.output]


@pytest.mark.parametrize("op", RESPONDING, ids=lambda op: op.name)
def test_wrongly_typed_response_members_raise_malformed_response_error_only(op: Any) -> None:
    cls = response_class(op.name)
    full = Examples(full=True, items=1, svc=SERVICE).response(op.name)
    cls.from_wire(full)
    for path, shape in response_targets(op.output):
        if shape.kind not in WRONG_IN_RESPONSE or (len(path) == 2 and not isinstance(full.get(path[0]), dict)):
            continue
        for bad, found in WRONG_IN_RESPONSE[shape.kind]:
            data = {**full, path[0]: bad} if len(path) == 1 else {**full, path[0]: {**full[path[0]], path[1]: bad}}
            with pytest.raises(MalformedResponseError) as info:
                cls.from_wire(data)
            assert (info.value.path, info.value.found) == (".".join(path), found)
            assert ".".join(path) in str(info.value) and found in str(info.value)
            COUNTS["response"] += 1


def _required_wires(cls: type[Any]) -> set[str]:
    """The wire names of ``cls``'s required fields (the model requires them, or AWS always returns them)."""
    return {f.metadata["wire"] for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING}


@pytest.mark.parametrize("op", RESPONDING, ids=lambda op: op.name)
def test_a_null_where_a_response_always_has_a_value_is_malformed(op: Any) -> None:
    """botocore gives None for a JSON null; a required field's type has no None, so the model refuses it."""
    cls = response_class(op.name)
    full = Examples(full=True, items=1, svc=SERVICE).response(op.name)
    built = cls.from_wire(full)
    for path, shape in response_targets(op.output):
        if len(path) == 1:
            holder: type[Any] = cls
            data = {**full, path[0]: None}
        elif isinstance(full.get(path[0]), dict):
            holder = type(getattr(built, _field(cls, path[0])))
            data = {**full, path[0]: {**full[path[0]], path[1]: None}}
        else:
            continue
        if path[-1] not in _required_wires(holder):
            continue
        with pytest.raises(MalformedResponseError) as info:
            cls.from_wire(data)
        assert info.value.path == ".".join(path)
        assert info.value.found == "null", shape.kind
        COUNTS["null"] += 1


def _field(cls: type[Any], wire: str) -> str:
    return next(f.name for f in dataclasses.fields(cls) if f.metadata.get("wire") == wire)


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
    top, nested, response = COUNTS["top"], COUNTS["nested"], COUNTS["response"]
    print(
        f"\nfuzz: {COUNTS['pattern']} pattern examples ({len(PATTERNED)} patterns), {top} top-level and {nested} "
        f"nested wrong values in {len(OPERATIONS)} requests, {response} in {len(RESPONDING)} responses "
        f"(and {COUNTS['null']} nulls)"
    )
    assert COUNTS["top"] > 1000 and COUNTS["nested"] > 500 and COUNTS["response"] > 500 and COUNTS["null"] > 100
