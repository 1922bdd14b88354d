"""Correct use of the generated models: mypy --strict and pyright (strict) report nothing."""

from typing import Any, assert_type

from cognito_typed import UNSET, Unset
from cognito_typed.literals import ExplicitAuthFlowsType
from cognito_typed.models import (
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
)
from cognito_typed.type_defs import CreateUserPoolClientRequestTypeDef

flows: list[ExplicitAuthFlowsType] = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
request = CreateUserPoolClientRequest(
    user_pool_id="us-east-1_EXAMPLE",
    client_name="web",
    auth_session_validity=15,
    explicit_auth_flows=flows,
    callback_urls=("https://example.com/cb",),
    token_validity_units=TokenValidityUnitsType(access_token="hours"),
    generate_secret=UNSET,
)
assert_type(request.client_name, str)
assert_type(request.auth_session_validity, int | Unset)
if not isinstance(request.auth_session_validity, Unset):
    assert_type(request.auth_session_validity, int)
wire: dict[str, Any] = request.to_wire()
request.validate()
changed = request.__replace__(client_name="mobile")
assert_type(changed, CreateUserPoolClientRequest)

response = CreateUserPoolClientResponse.from_wire({"UserPoolClient": {"ClientId": "abc"}})
assert_type(response, CreateUserPoolClientResponse)
client = response.user_pool_client
if isinstance(client, UserPoolClientType):
    assert_type(client.client_secret, str | Unset)
    assert_type(client.callback_urls, list[str] | Unset)

params: CreateUserPoolClientRequestTypeDef = {
    "UserPoolId": "us-east-1_EXAMPLE",
    "ClientName": "web",
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"],
    "AuthSessionValidity": 15,
}
