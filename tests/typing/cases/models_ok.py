"""Correct use of the generated models: mypy --strict and pyright (strict) report nothing."""

import dataclasses
from typing import Any, assert_type

import cognito_typed.models
from cognito_typed import ResponseMetadata
from cognito_typed.literals import ExplicitAuthFlowsType, TimeUnitsType
from cognito_typed.models import (
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
    UserPoolType,
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
    generate_secret=None,
)
assert_type(request.client_name, str)  # required stays required
assert_type(request.auth_session_validity, int | None)
wire: dict[str, Any] = request.to_wire()
request.validate()
request.validate(constraints=False)
changed = dataclasses.replace(request, client_name="mobile")
assert_type(changed, CreateUserPoolClientRequest)
as_dict: dict[str, Any] = dataclasses.asdict(request)
names = [f.name for f in dataclasses.fields(request)]

response = CreateUserPoolClientResponse.from_wire({"UserPoolClient": {"ClientId": "abc"}})
assert_type(response, CreateUserPoolClientResponse)
assert_type(response.response_metadata, ResponseMetadata | None)

# ordinary narrowing: is not None, truthiness, walrus, `or default`
client = response.user_pool_client
if client is not None:
    assert_type(client, UserPoolClientType)
    assert_type(client.client_secret, str | None)
    assert_type(client.callback_urls, list[str] | None)
if client:
    name: str | None = client.client_name
if (units := client.token_validity_units if client else None) is not None:
    assert_type(units.access_token, TimeUnitsType | None)
urls: list[str] = (client.callback_urls if client else None) or []
validity: int = (client.auth_session_validity if client else None) or 3

# the lazily loaded classes are real classes to the checkers, not Any
assert_type(cognito_typed.models.UserPoolType, type[UserPoolType])
pool = cognito_typed.models.UserPoolType(name="pool")
assert_type(pool.name, str | None)

params: CreateUserPoolClientRequestTypeDef = {
    "UserPoolId": "us-east-1_EXAMPLE",
    "ClientName": "web",
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"],
    "AuthSessionValidity": 15,
}
