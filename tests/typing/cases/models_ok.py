"""Correct use of the generated models: mypy --strict and pyright (strict) report nothing."""

import dataclasses
from typing import Any, assert_type

import cognito_typed.models
from cognito_typed import ResponseMetadata
from cognito_typed.literals import ExplicitAuthFlowsType, StatusType, TimeUnitsType
from cognito_typed.models import (
    AnalyticsConfigurationType,
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    DescribeUserPoolResponse,
    ListUsersResponse,
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

response = CreateUserPoolClientResponse.from_wire(
    {"UserPoolClient": {"UserPoolId": "us-east-1_EXAMPLE", "ClientName": "web", "ClientId": "abc"}}
)
assert_type(response, CreateUserPoolClientResponse)
assert_type(response.response_metadata, ResponseMetadata | None)

# what AWS returns on every success (codegen.presence) is typed as there: no narrowing
client = response.user_pool_client
assert_type(client, UserPoolClientType)
assert_type(client.client_id, str)
assert_type(client.client_name, str)
client_name: str = client.client_name
described = DescribeUserPoolResponse.from_wire({"UserPool": {"Id": "us-east-1_EXAMPLE", "Name": "pool", "Arn": "a"}})
pool_id: str = described.user_pool.id
assert_type(described.user_pool.arn, str)
users = ListUsersResponse.from_wire({"Users": []})
usernames: list[str] = [user.username for user in users.users]
emails = [a.value for user in users.users for a in user.attributes if a.name == "email"]
assert_type(emails, list[str | None])  # AttributeType serves requests too: its Value stays optional

# ordinary narrowing of what may be absent: is not None, truthiness, walrus, `or default`
assert_type(client.client_secret, str | None)
assert_type(client.callback_urls, tuple[str, ...] | None)  # a response's lists are tuples
analytics = client.analytics_configuration
if analytics is not None:
    assert_type(analytics, AnalyticsConfigurationType)
if analytics:
    application_id: str | None = analytics.application_id
if (units := client.token_validity_units) is not None:
    assert_type(units.access_token, TimeUnitsType | None)
urls: tuple[str, ...] = client.callback_urls or ()
validity: int = client.auth_session_validity or 3

# the lazily loaded classes are real classes to the checkers, not Any
assert_type(cognito_typed.models.UserPoolType, type[UserPoolType])
pool = cognito_typed.models.UserPoolType(id="us-east-1_EXAMPLE", name="pool", arn="a")
assert_type(pool.name, str)
assert_type(pool.status, StatusType | None)

params: CreateUserPoolClientRequestTypeDef = {
    "UserPoolId": "us-east-1_EXAMPLE",
    "ClientName": "web",
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"],
    "AuthSessionValidity": 15,
}
