"""Every structure of the model survives wire -> model -> wire and model -> wire -> model,
and every valid wire value meets the model's constraints."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import SERVICE, STRUCTURES, model_class, model_violations
from support import given as given_fields

import cognito_typed.models


def test_every_structure_is_parametrized() -> None:
    structures = [s for s in SERVICE.shapes.values() if s.kind == "structure" and not s.exception]
    assert len(STRUCTURES) == len(structures) == 399
    assert sorted(cognito_typed.models.__all__) == sorted([*STRUCTURES, "ResponseMetadata", "EmptyResponse"])


def test_the_shared_empty_response_round_trips() -> None:
    """The model of what an operation without an output shape returns: only what botocore adds."""
    empty = cognito_typed.models.EmptyResponse
    metadata = {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {"a": "b"}, "RetryAttempts": 0}
    for data in ({}, {"ResponseMetadata": metadata}):
        model = empty.from_wire(data)
        assert model.to_wire() == data
        assert empty.from_wire(model.to_wire()) == model == empty.from_wire(json.loads(json.dumps(model.to_json())))


@pytest.mark.parametrize("name", STRUCTURES)
def test_round_trip(name: str, wire: WireStrategies) -> None:
    cls = model_class(name)

    @given(wire.structure(name))
    def check(data: dict[str, Any]) -> None:
        model = cls.from_wire(data)
        assert type(model) is cls
        assert model_violations(model) == []  # the strategy draws only values the model allows
        assert model.to_wire() == data
        again = cls.from_wire(model.to_wire())
        assert again == model
        assert again.to_wire() == data
        assert pickle.loads(pickle.dumps(model)) == model
        assert copy.copy(model).to_wire() == data
        assert cls.from_wire(model.to_json()) == model  # the JSON form comes back

    check()


@pytest.mark.parametrize("name", STRUCTURES)
def test_constructor_agrees_with_from_wire(name: str, wire: WireStrategies) -> None:
    """Building a model with keyword arguments (top level) gives what from_wire gives."""
    cls = model_class(name)

    @given(wire.structure(name))
    def check(data: dict[str, Any]) -> None:
        parsed = cls.from_wire(data)
        built = cls(**given_fields(parsed))
        assert built == parsed
        assert built.to_wire() == data
        assert repr(built) == repr(parsed)
        assert given_fields(built) == given_fields(parsed)

    check()


@given(data=st.data())
def test_unknown_wire_keys_are_ignored(wire: WireStrategies, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(STRUCTURES))
    d = data.draw(wire.structure(name))
    cls = model_class(name)
    assert cls.from_wire({**d, "SomethingNewer": {"X": 1}}).to_wire() == d


def _scramble(value: Any) -> None:
    """Change every dict and list inside ``value`` in place."""
    if isinstance(value, dict):
        for v in list(value.values()):
            _scramble(v)
        for k in list(value):
            value[k] = "changed" if not isinstance(value[k], (dict, list)) else value[k]
        value["Added"] = 1
    elif isinstance(value, list):
        for v in value:
            _scramble(v)
        value.append("added")


@pytest.mark.parametrize("name", STRUCTURES)
def test_a_model_is_a_snapshot_of_the_wire_dict(name: str, wire: WireStrategies) -> None:
    """Whatever happens to the dict a model came from afterwards, the model does not change."""
    cls = model_class(name)

    @given(wire.structure(name))
    def check(data: dict[str, Any]) -> None:
        model = cls.from_wire(data)
        before = copy.deepcopy(data)
        _scramble(data)
        assert model.to_wire() == before

    check()
