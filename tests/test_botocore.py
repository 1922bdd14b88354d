"""What our models accept, botocore accepts: every operation, through a real client and Stubber."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import (
    GENERATED_FROM,
    INSTALLED,
    INSTALLED_OPERATIONS,
    OPERATIONS,
    SERVICE,
    model_class,
    model_violations,
    skip_unless_installed_has,
)

from cognito_typed import Request, ValidationError
from cognito_typed.models import (
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    EmptyResponse,
    InitiatePointInTimeRecoveryRequest,
    TokenValidityUnitsType,
)

HEADLINE_WIRE = {"UserPoolId": "us-east-1_EXAMPLE", "ClientName": "my-app", "AuthSessionValidity": 15}
CLIENT_RESPONSE = {
    "UserPoolClient": {
        "UserPoolId": "us-east-1_EXAMPLE",
        "ClientName": "my-app",
        "ClientId": "1example23456789",
        "AuthSessionValidity": 15,
        "TokenValidityUnits": {"AccessToken": "hours"},
        "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH"],
    }
}


def test_every_operation_is_parametrized() -> None:
    assert len(OPERATIONS) == len(SERVICE.operations) == 153


def test_headline_create_user_pool_client(client: Any, stubber: Stubber) -> None:
    request = CreateUserPoolClientRequest(
        user_pool_id="us-east-1_EXAMPLE", client_name="my-app", auth_session_validity=15
    )
    request.validate()
    wire = request.to_wire()
    assert wire == HEADLINE_WIRE
    assert list(wire) == ["UserPoolId", "ClientName", "AuthSessionValidity"]

    stubber.add_response("create_user_pool_client", CLIENT_RESPONSE, expected_params=wire)
    result = client.create_user_pool_client(**wire)
    stubber.assert_no_pending_responses()

    assert CreateUserPoolClientRequest.__response__ is CreateUserPoolClientResponse
    response = CreateUserPoolClientResponse.from_wire(result)
    assert response.user_pool_client.auth_session_validity == 15
    assert response.user_pool_client.token_validity_units == TokenValidityUnitsType(access_token="hours")
    assert response.user_pool_client.explicit_auth_flows == ("ALLOW_REFRESH_TOKEN_AUTH",)
    assert response.to_wire() == CLIENT_RESPONSE


@pytest.mark.parametrize("value", [2, 16])
def test_headline_out_of_range_is_rejected_before_botocore(value: int) -> None:
    request = CreateUserPoolClientRequest(
        user_pool_id="us-east-1_EXAMPLE", client_name="my-app", auth_session_validity=value
    )
    with pytest.raises(ValidationError) as info:
        request.validate()
    assert "AuthSessionValidity" in str(info.value)
    assert "3..15" in str(info.value)
    assert [v.path for v in info.value.violations] == ["AuthSessionValidity"]


def test_botocore_validates_what_the_stubbed_client_is_given(client: Any, stubber: Stubber) -> None:
    """The Stubber really runs botocore's parameter validation (else the property below would be empty)."""
    wire = {"UserPoolId": "us-east-1_EXAMPLE", "ClientName": ""}  # ClientName has min length 1
    stubber.add_response("create_user_pool_client", {}, expected_params=wire)
    with pytest.raises(ParamValidationError):
        client.create_user_pool_client(**wire)
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(user_pool_id="us-east-1_EXAMPLE", client_name="").validate()
    assert {v.path for v in info.value.violations} == {"ClientName"}
    assert "length 1..128" in {v.rule for v in info.value.violations}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_requests_we_accept_botocore_accepts(name: str, client: Any, installed_wire: WireStrategies) -> None:
    """On an older botocore of the supported range, the requests and responses are made of what its model has
    (a member it lacks is refused before sending: not this test's matter)."""
    skip_unless_installed_has(name)
    op = OPERATIONS[name]
    installed = INSTALLED_OPERATIONS[name]
    request_cls = model_class(op.input)
    assert issubclass(request_cls, Request)
    assert request_cls.__operation__ == name
    assert request_cls.__response__ is (model_class(op.output) if op.output else EmptyResponse)
    method = getattr(client, op.py_name)
    responses = installed_wire.structure(installed.output) if installed.output else st.just({})

    @given(installed_wire.structure(installed.input), responses)
    def check(params: dict[str, Any], response: dict[str, Any]) -> None:
        request = request_cls.from_wire(params)
        if INSTALLED != GENERATED_FROM:  # drawn from an older model, whose constraints may be looser than ours:
            assume(model_violations(request) == [])  # what we refuse, the property says nothing about
        # validate() checks the model's constraints and then documented rules the model cannot
        # state; botocore must take anything the first part allows (a superset of what validate() allows).
        assert model_violations(request) == []
        sent = request.to_wire()
        assert sent == params
        with Stubber(client) as stub:
            stub.add_response(op.py_name, response, expected_params=sent)
            result = method(**sent)  # ParamValidationError here would be a bug in our validation
            stub.assert_no_pending_responses()
        if op.output:
            result.pop("ResponseMetadata", None)
            assert model_class(op.output).from_wire(result).to_wire() == response

    check()


TIMESTAMP_STRINGS = [
    "2024-01-02",
    "2024-01-02T03:04:05",
    "2024-01-02T03:04:05Z",
    "2024-01-02T03:04:05.123456+01:00",
    "2024-01-02 03:04",
    "20240102",
    "20240102T030405",
    "2024-W01-2",  # ISO 8601 week date
    "2024-W01",
    "2024-002",  # ISO 8601 ordinal date
]


@pytest.mark.parametrize("value", TIMESTAMP_STRINGS)
def test_timestamp_strings_we_accept_botocore_accepts(value: str, client: Any, stubber: Stubber) -> None:
    """A request timestamp may be a string; any string validate() lets through must get past botocore."""
    skip_unless_installed_has("InitiatePointInTimeRecovery")
    request = InitiatePointInTimeRecoveryRequest(user_pool_id="us-east-1_EXAMPLE", restore_timestamp=value)
    try:
        request.validate()
    except ValidationError:
        return  # refusing more than botocore is allowed
    wire = request.to_wire()
    stubber.add_response("initiate_point_in_time_recovery", {}, expected_params=wire)
    client.initiate_point_in_time_recovery(**wire)
