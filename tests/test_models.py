"""Model semantics: keyword-only, frozen, compared by value, UNSET apart from None, picklable."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import sys
from datetime import UTC, datetime

import pytest
from support import SERVICE, STRUCTURES, model_class

import cognito_typed
import cognito_typed.models
from cognito_typed import UNSET, Model, Request, Unset
from cognito_typed.models import (
    AdminGetUserResponse,
    AttributeType,
    CreateUserPoolClientRequest,
    DescribeUserPoolClientResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
)

POOL = "us-east-1_EXAMPLE"


def make() -> CreateUserPoolClientRequest:
    return CreateUserPoolClientRequest(
        user_pool_id=POOL,
        client_name="web",
        auth_session_validity=15,
        token_validity_units=TokenValidityUnitsType(access_token="hours"),
        callback_urls=("https://example.com/cb",),
    )


def test_frozen() -> None:
    model = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.client_name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.generate_secret = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del model.client_name
    assert model.client_name == "web"


def test_missing_required_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="client_name"):
        CreateUserPoolClientRequest(user_pool_id=POOL)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="client_name"):
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name=UNSET)  # type: ignore[arg-type]


def test_unknown_keyword_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="client_nme"):
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", client_nme="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="ClientName"):  # wire names are not keywords
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", ClientName="x")  # type: ignore[call-arg]


def test_positional_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        CreateUserPoolClientRequest(POOL, "web")  # type: ignore[call-arg]


def test_unset_is_distinct_from_none() -> None:
    model = make()
    assert model.generate_secret is UNSET
    assert isinstance(UNSET, Unset)
    assert not UNSET
    assert repr(UNSET) == "UNSET"
    assert UNSET is not None
    assert "GenerateSecret" not in model.to_wire()
    assert model.given().keys() == {
        "user_pool_id",
        "client_name",
        "auth_session_validity",
        "token_validity_units",
        "callback_urls",
    }
    assert cognito_typed.UNSET is UNSET


def test_unset_optional_field_reads_unset_and_required_field_missing_from_data_is_an_attribute_error() -> None:
    response = AdminGetUserResponse.from_wire({})
    assert response.enabled is UNSET
    with pytest.raises(AttributeError, match="required"):
        _ = response.username
    with pytest.raises(AttributeError):
        _ = response.no_such_field  # type: ignore[attr-defined]


def test_equality_and_hash() -> None:
    a, b = make(), make()
    assert a == b
    assert hash(a) == hash(b)
    assert a != make().__replace__(auth_session_validity=14)
    assert a != CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web")
    assert {a, b} == {a}
    units = TokenValidityUnitsType(access_token="hours")
    assert units == TokenValidityUnitsType.from_wire({"AccessToken": "hours"})
    assert hash(units) == hash(TokenValidityUnitsType.from_wire({"AccessToken": "hours"}))
    # different classes with the same (empty) content are not equal
    assert TokenValidityUnitsType() != AttributeType.from_wire({})
    assert units != {"AccessToken": "hours"}
    # a given UNSET is the same as not given
    assert TokenValidityUnitsType(id_token=UNSET) == TokenValidityUnitsType()


def test_unhashable_content_like_a_frozen_dataclass() -> None:
    with_list = DescribeUserPoolClientResponse.from_wire({"UserPoolClient": {"CallbackURLs": ["https://x"]}})
    with pytest.raises(TypeError):
        hash(with_list)


def test_pickle_round_trip() -> None:
    for model in (
        make(),
        DescribeUserPoolClientResponse.from_wire(
            {
                "UserPoolClient": {
                    "ClientId": "abc",
                    "ClientSecret": "s" * 30,
                    "CreationDate": datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
                    "TokenValidityUnits": {"RefreshToken": "days"},
                }
            }
        ),
    ):
        again = pickle.loads(pickle.dumps(model))
        assert type(again) is type(model)
        assert again == model
        assert again.to_wire() == model.to_wire()
        with pytest.raises(dataclasses.FrozenInstanceError):
            again.x = 1  # type: ignore[attr-defined]  # (see tests/typing/cases/models_bad.py)


def test_replace() -> None:
    model = make()
    changed = model.__replace__(client_name="mobile", generate_secret=True)
    assert changed.client_name == "mobile"
    assert changed.generate_secret is True
    assert changed.auth_session_validity == 15
    assert model.client_name == "web"  # the original is untouched
    cleared = model.__replace__(auth_session_validity=UNSET)
    assert "AuthSessionValidity" not in cleared.to_wire()
    with pytest.raises(TypeError):
        model.__replace__(no_such_field=1)
    if sys.version_info >= (3, 13):
        assert copy.replace(model, client_name="mobile") == model.__replace__(client_name="mobile")  # type: ignore[attr-defined]


def test_copy_and_deepcopy() -> None:
    model = make()
    assert copy.copy(model) == model
    assert copy.deepcopy(model) == model


def test_repr() -> None:
    model = TokenValidityUnitsType(access_token="hours", id_token="minutes")
    assert repr(model) == "TokenValidityUnitsType(access_token='hours', id_token='minutes')"
    client = UserPoolClientType(client_id="abc", client_secret="s" * 30, client_name="web")
    # fields in the model's order (as a dataclass would), whatever the keyword order
    assert repr(client) == "UserPoolClientType(client_name='web', client_id=<hidden>, client_secret=<hidden>)"


def test_nested_models_are_built_from_wire() -> None:
    response = DescribeUserPoolClientResponse.from_wire(
        {"UserPoolClient": {"TokenValidityUnits": {"AccessToken": "hours"}, "CallbackURLs": ["https://x"]}}
    )
    assert isinstance(response.user_pool_client, UserPoolClientType)
    assert response.user_pool_client.token_validity_units == TokenValidityUnitsType(access_token="hours")
    assert response.user_pool_client.callback_urls == ["https://x"]


def test_from_wire_treats_none_as_absent() -> None:
    assert TokenValidityUnitsType.from_wire({"AccessToken": None}) == TokenValidityUnitsType()


@pytest.mark.parametrize("name", STRUCTURES)
def test_class_matches_the_model(name: str) -> None:
    """Field table, __init__ signature and defaults follow the IR: names, wire names, required, order."""
    shape = SERVICE.shapes[name]
    cls = model_class(name)
    assert issubclass(cls, Model)
    fields = cls.__schema__.fields
    assert [(f.name, f.wire, f.required) for f in fields] == [
        (m.py_name, m.wire_name, m.required) for m in shape.members
    ]
    for m in shape.members:
        assert m.py_name.isidentifier()
        if not m.required:
            assert getattr(cls, m.py_name) is UNSET
    assert set(inspect.get_annotations(cls)) == {m.py_name for m in shape.members}


def test_request_classes_know_their_operation() -> None:
    requests = [c for c in map(model_class, STRUCTURES) if issubclass(c, Request)]
    assert len(requests) == len(SERVICE.operations)
    for op in SERVICE.operations:
        cls = model_class(op.input)
        assert cls.__operation__ == op.name
        assert cls.__method__ == op.py_name  # the botocore client method
        assert cls.__response__ is (model_class(op.output) if op.output else None)
    assert model_class("AdminDeleteUserRequest").__response__ is None
    assert not issubclass(UserPoolClientType, Request)


def test_models_module_exports_exactly_the_structures() -> None:
    assert sorted(cognito_typed.models.__all__) == STRUCTURES
