"""Misuse that the type checkers must reject: each line marked ``# E: <mypy error code>``."""

import dataclasses

import cognito_typed.models
from cognito_typed.models import (
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    TokenValidityUnitsType,
    UserPoolType,
)
from cognito_typed.type_defs import CreateUserPoolClientRequestTypeDef

CreateUserPoolClientRequest(user_pool_id="p", client_name="c", auth_session_validity="15")  # E: arg-type
CreateUserPoolClientRequest(user_pool_id="p", client_nme="c")  # E: call-arg
CreateUserPoolClientRequest(user_pool_id="p")  # E: call-arg
CreateUserPoolClientRequest("p", "c")  # E: call-arg
TokenValidityUnitsType(access_token="weeks")  # E: arg-type
CreateUserPoolClientRequest(user_pool_id="p", client_name="c", explicit_auth_flows=["ALLOW_BOGUS"])  # E: list-item

request = CreateUserPoolClientRequest(user_pool_id="p", client_name="c")
request.client_name = "other"  # E: misc
request.client_nme = "other"  # E: attr-defined
validity: int = request.auth_session_validity  # E: assignment
request.no_such_field  # E: attr-defined
dataclasses.replace(request, no_such_field=1)  # E[mypy]: call-arg
dataclasses.replace(request, client_name=5)  # E[mypy]: arg-type

response: CreateUserPoolClientResponse = request  # E: assignment
client = CreateUserPoolClientResponse.from_wire({}).user_pool_client
client.token_validity_units.access_token  # E: union-attr
client.client_id = "other"  # E: misc
if client.callback_urls is not None:
    client.callback_urls.append("https://x")  # E: attr-defined
UserPoolType(name="pool")  # E: call-arg
UserPoolType(id=None, name="pool", arn="a")  # E: arg-type

cognito_typed.models.NoSuchModel  # E: attr-defined

params: CreateUserPoolClientRequestTypeDef = {"UserPoolId": "p"}  # E: typeddict-item
