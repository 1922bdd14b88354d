"""Bad input never reaches the network: the typed client refuses it before botocore is called.

A ``Stubber`` with nothing queued would answer any call that got through with botocore's
``UnStubbedResponseError``; a hook on botocore's first event of a call counts what botocore
was asked to do (it fires before the stubber's hooks and before any HTTP). Bad input must instead raise
``cognito_typed.ValidationError`` (a ``ValueError``, not a botocore error) and leave both untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError, UnStubbedResponseError
from botocore.stub import Stubber, StubResponseError
from client_fixtures import shared_client

from cognito_typed import MalformedResponseError, ValidationError, Violation
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.models import (
    AttributeType,
    CreateUserPoolClientResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
)

POOL = "us-east-1_Example1"


class Watched:
    """The typed client over a stubbed botocore client, counting the calls botocore was asked to make."""

    def __init__(self, raw: Any, stubber: Stubber) -> None:
        self.raw, self.stubber = raw, stubber
        self.typed = CognitoIdentityProvider(raw)
        self.calls: list[str] = []

    def count(self, model: Any, **_: Any) -> None:
        self.calls.append(model.name)


# The first event botocore emits for a call, before the stubber's own hooks and any HTTP.
FIRST_EVENT = "provide-client-params.cognito-idp"


@pytest.fixture
def watched() -> Iterator[Watched]:
    raw = shared_client()
    with Stubber(raw) as stubber:
        w = Watched(raw, stubber)
        raw.meta.events.register_first(FIRST_EVENT, w.count)
        try:
            yield w
        finally:
            raw.meta.events.unregister(FIRST_EVENT, w.count)


def refused(w: Watched, call: Callable[[CognitoIdentityProvider], Any]) -> ValidationError:
    """Run ``call``; it must raise ValidationError and botocore must not have been asked to send anything."""
    try:
        call(w.typed)
    except ValidationError as error:
        assert not isinstance(error, (BotoCoreError, ClientError, StubResponseError))
        assert isinstance(error, ValueError)
        assert w.calls == []
        w.stubber.assert_no_pending_responses()
        return error
    except (UnStubbedResponseError, StubResponseError, ParamValidationError, ClientError) as error:
        pytest.fail(f"the request reached botocore: {type(error).__name__}: {error}")
    pytest.fail("no error raised")


def paths(error: ValidationError) -> set[str]:
    return {v.path for v in error.violations}


def test_the_stubbed_client_would_have_seen_a_call() -> None:
    """The set-up catches a call that gets through: a valid request hits the empty stubber."""
    raw = shared_client()
    with Stubber(raw) as stubber:
        w = Watched(raw, stubber)
        raw.meta.events.register_first(FIRST_EVENT, w.count)
        try:
            with pytest.raises(UnStubbedResponseError):
                w.typed.create_user_pool_client(user_pool_id=POOL, client_name="app")
        finally:
            raw.meta.events.unregister(FIRST_EVENT, w.count)
        assert w.calls == ["CreateUserPoolClient"]
        stubber.assert_no_pending_responses()


def test_the_same_call_with_valid_input_is_sent() -> None:
    raw = shared_client()
    with Stubber(raw) as stubber:
        stubber.add_response(
            "create_user_pool_client",
            {
                "UserPoolClient": {
                    "UserPoolId": POOL,
                    "ClientName": "app",
                    "ClientId": "abc123",
                    "AuthSessionValidity": 15,
                }
            },
            expected_params={"UserPoolId": POOL, "ClientName": "app", "AuthSessionValidity": 15},
        )
        response = CognitoIdentityProvider(raw).create_user_pool_client(
            user_pool_id=POOL, client_name="app", auth_session_validity=15
        )
        stubber.assert_no_pending_responses()
    assert response == CreateUserPoolClientResponse(
        user_pool_client=UserPoolClientType(
            user_pool_id=POOL, client_name="app", client_id="abc123", auth_session_validity=15
        )
    )


def test_auth_session_validity_out_of_range(watched: Watched) -> None:
    error = refused(
        watched,
        lambda c: c.create_user_pool_client(user_pool_id=POOL, client_name="app", auth_session_validity=99),
    )
    assert error.violations == (Violation("AuthSessionValidity", "99 is out of range", "3..15"),)
    assert error.model == "CreateUserPoolClientRequest"


@pytest.mark.parametrize(
    ("kwargs", "path", "rule"),
    [
        pytest.param({"client_name": 123}, "ClientName", "type str", id="wrong-type-int-for-str"),
        pytest.param({"generate_secret": "yes"}, "GenerateSecret", "type bool", id="wrong-type-str-for-bool"),
        pytest.param({"access_token_validity": "60"}, "AccessTokenValidity", "type int", id="wrong-type-str-for-int"),
        pytest.param({"access_token_validity": True}, "AccessTokenValidity", "type int", id="wrong-type-bool-for-int"),
        pytest.param(
            {"callback_urls": "https://example.com"}, "CallbackURLs", "type list", id="wrong-type-str-for-list"
        ),
        pytest.param(
            {"token_validity_units": {"AccessToken": "minutes"}},
            "TokenValidityUnits",
            "type TokenValidityUnitsType",
            id="wrong-type-dict-for-model",
        ),
        pytest.param(
            {"explicit_auth_flows": ["ALLOW_USER_SRP_AUTH", "ALLOW_EVERYTHING"]},
            "ExplicitAuthFlows[1]",
            "one of",
            id="bad-enum-in-list",
        ),
        pytest.param(
            {"prevent_user_existence_errors": "SOMETIMES"}, "PreventUserExistenceErrors", "one of", id="bad-enum"
        ),
        pytest.param(
            {"token_validity_units": TokenValidityUnitsType(access_token="weeks")},  # type: ignore[arg-type]
            "TokenValidityUnits.AccessToken",
            "one of",
            id="bad-enum-nested",
        ),
        pytest.param({"client_name": "x" * 129}, "ClientName", "length 1..128", id="too-long-string"),
        pytest.param({"client_name": ""}, "ClientName", "length 1..128", id="too-short-string"),
        pytest.param(
            {"callback_urls": [f"https://example.com/{i}" for i in range(101)]},
            "CallbackURLs",
            "length 0..100",
            id="too-long-list",
        ),
        pytest.param({"client_name": "app/with/slashes"}, "ClientName", "pattern", id="pattern"),
        pytest.param({"user_pool_id": "not a pool id"}, "UserPoolId", "pattern", id="pattern-id"),
        pytest.param({"refresh_token_validity": -1}, "RefreshTokenValidity", "0..315360000", id="negative"),
        pytest.param(
            {"access_token_validity": 2, "token_validity_units": TokenValidityUnitsType(access_token="days")},
            "AccessTokenValidity",
            "5 minutes..1 day",
            id="validity-too-long-in-its-unit",
        ),
    ],
)
def test_kinds_of_bad_input(watched: Watched, kwargs: dict[str, Any], path: str, rule: str) -> None:
    arguments = {"user_pool_id": POOL, "client_name": "app", **kwargs}
    error = refused(watched, lambda c: c.create_user_pool_client(**arguments))
    assert paths(error) == {path}
    assert any(v.rule.startswith(rule) for v in error.violations), error.violations


def test_missing_nested_required_member_from_a_constructor_is_a_type_error(watched: Watched) -> None:
    """The model constructor itself refuses it (``Name`` is required), before any call is made."""
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'name'"):
        watched.typed.admin_create_user(
            user_pool_id=POOL,
            username="alice",
            user_attributes=[AttributeType(value="alice@example.com")],  # type: ignore[call-arg]
        )
    assert watched.calls == []
    watched.stubber.assert_no_pending_responses()


def test_a_nested_required_member_given_as_none_is_refused(watched: Watched) -> None:
    """``None`` where the model requires a value (the constructor takes it at run time) is caught by validation."""
    attribute = AttributeType(name=None, value="alice@example.com")  # type: ignore[arg-type]
    error = refused(
        watched,
        lambda c: c.admin_create_user(user_pool_id=POOL, username="alice", user_attributes=[attribute]),
    )
    assert error.violations == (Violation("UserAttributes[0].Name", "is missing", "required", "required"),)


def test_wire_data_missing_a_nested_required_member_is_refused_by_from_wire() -> None:
    with pytest.raises(MalformedResponseError) as info:
        AttributeType.from_wire({"Value": "alice@example.com"})
    assert info.value.path == "Name"


def test_every_broken_rule_is_reported_at_once(watched: Watched) -> None:
    error = refused(
        watched,
        lambda c: c.create_user_pool_client(
            user_pool_id="not a pool id",
            client_name="",
            auth_session_validity=1,
            explicit_auth_flows=["NOPE"],  # type: ignore[list-item]
            token_validity_units=TokenValidityUnitsType(id_token="fortnights"),  # type: ignore[arg-type]
        ),
    )
    assert paths(error) == {
        "UserPoolId",
        "ClientName",
        "AuthSessionValidity",
        "ExplicitAuthFlows[0]",
        "TokenValidityUnits.IdToken",
    }
    # the empty ClientName breaks two rules: its length and its pattern
    assert len(error.violations) == 6
    assert str(error).startswith("6 invalid values in CreateUserPoolClientRequest:\n")
    assert all(str(v) in str(error) for v in error.violations)


def test_bad_input_to_other_operations(watched: Watched) -> None:
    refused(watched, lambda c: c.list_users(user_pool_id=POOL, limit=61))
    refused(watched, lambda c: c.admin_get_user(user_pool_id=POOL, username="x" * 129))
    refused(watched, lambda c: c.describe_user_pool(user_pool_id=""))
    refused(watched, lambda c: c.admin_set_user_password(user_pool_id=POOL, username="alice", password=123))
    refused(
        watched,
        lambda c: c.initiate_auth(auth_flow="MAGIC_LINK_AUTH", client_id="abc"),  # type: ignore[arg-type]
    )


def test_a_secret_in_bad_input_is_not_shown(watched: Watched) -> None:
    """A sensitive member that breaks a rule is named in the error, its value is not."""
    error = refused(
        watched,
        lambda c: c.admin_set_user_password(
            user_pool_id=POOL, username="alice", password="hunter2 " * 40, permanent=True
        ),
    )
    assert paths(error) == {"Password"}
    assert "hunter2" not in str(error)
    assert "hunter2" not in repr(error.violations)
