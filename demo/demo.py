"""cognito-typed, end to end against moto's in-process Cognito: no AWS account, no network.

Run with ``python3 -m nox -s demo`` (or ``python demo/demo.py`` in a venv that has the
project and moto installed). It builds typed request models, validates them, shows a
request that is rejected before anything is sent, sends the valid ones with a real
boto3 client and reads the answers back as typed response models.
"""

from __future__ import annotations

import os
import textwrap
from typing import Any

# Fake credentials and a fixed region, set before boto3 is imported, so that neither
# the user's ~/.aws files nor an instance-metadata lookup come into play.
os.environ.update(
    AWS_ACCESS_KEY_ID="demo-access-key",
    AWS_SECRET_ACCESS_KEY="demo-secret-key",
    AWS_SESSION_TOKEN="demo-session-token",
    AWS_DEFAULT_REGION="us-east-1",
    AWS_CONFIG_FILE=os.devnull,
    AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    AWS_EC2_METADATA_DISABLED="true",
)
os.environ.pop("AWS_PROFILE", None)

import boto3
from botocore.exceptions import ClientError
from moto import mock_aws

from cognito_typed import UNSET, ValidationError
from cognito_typed.errors import ERRORS, CognitoIdentityProviderError
from cognito_typed.models import (
    CreateUserPoolClientRequest,
    CreateUserPoolClientResponse,
    CreateUserPoolRequest,
    CreateUserPoolResponse,
    DescribeUserPoolClientRequest,
    DescribeUserPoolClientResponse,
    PasswordPolicyType,
    TokenValidityUnitsType,
    UserPoolPolicyType,
)

REGION = "us-east-1"


def step(title: str) -> None:
    print(f"\n== {title}")


def show(text: object) -> None:
    print(textwrap.indent(str(text), "   "))


def main() -> None:
    with mock_aws():
        client = boto3.client("cognito-idp", region_name=REGION)
        calls: list[str] = []

        def count(model: Any, **_: Any) -> None:
            calls.append(model.name)

        client.meta.events.register("before-call.cognito-idp", count)

        step("1. An invalid request is refused by validate(), before anything is sent")
        bad = CreateUserPoolClientRequest(
            user_pool_id="us-east-1_example",
            client_name="",
            auth_session_validity=30,  # the model allows 3..15 minutes
            access_token_validity=0,
        )
        try:
            bad.validate()
        except ValidationError as error:
            show(error)
        else:
            client.create_user_pool_client(**bad.to_wire())
        show(f"calls sent so far: {len(calls)}")

        step("2. CreateUserPool: build, validate, send with **to_wire(), parse with from_wire()")
        pool_request = CreateUserPoolRequest(
            pool_name="demo-pool",
            mfa_configuration="OFF",
            auto_verified_attributes=["email"],
            policies=UserPoolPolicyType(password_policy=PasswordPolicyType(minimum_length=12, require_symbols=True)),
            user_pool_tags={"project": "cognito-typed-demo"},
        )
        pool_request.validate()
        show(f"to_wire() -> {pool_request.to_wire()}")
        pool = CreateUserPoolResponse.from_wire(client.create_user_pool(**pool_request.to_wire())).user_pool
        assert pool is not UNSET  # optional in the model (every response field is); present in a real answer
        show(f"user_pool.id = {pool.id!r}")
        show(f"user_pool.name = {pool.name!r}, mfa_configuration = {pool.mfa_configuration!r}")
        show(f"user_pool.policies = {pool.policies!r}")
        show(f"user_pool.creation_date = {pool.creation_date!r}  (a datetime)")
        assert pool.id is not UNSET

        step("3. CreateUserPoolClient: 15-minute auth sessions, token validity in minutes")
        client_request = CreateUserPoolClientRequest(
            user_pool_id=pool.id,
            client_name="web",
            generate_secret=True,
            auth_session_validity=15,
            access_token_validity=60,
            id_token_validity=60,
            refresh_token_validity=30 * 24 * 60,
            token_validity_units=TokenValidityUnitsType(
                access_token="minutes", id_token="minutes", refresh_token="minutes"
            ),
            explicit_auth_flows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )
        client_request.validate()
        show(f"to_wire() -> {client_request.to_wire()}")
        created = CreateUserPoolClientResponse.from_wire(client.create_user_pool_client(**client_request.to_wire()))
        show("typed response (client_id and client_secret are sensitive: hidden in repr):")
        show(created)
        app = created.user_pool_client
        assert app is not UNSET and app.client_id is not UNSET and app.client_secret is not UNSET
        show(f"the values are still there: len(client_secret) = {len(app.client_secret)}")

        step("4. Read it back: DescribeUserPoolClient")
        describe = DescribeUserPoolClientRequest(user_pool_id=pool.id, client_id=app.client_id)
        describe.validate()
        described = DescribeUserPoolClientResponse.from_wire(client.describe_user_pool_client(**describe.to_wire()))
        assert described.user_pool_client is not UNSET
        show(f"auth_session_validity = {described.user_pool_client.auth_session_validity}")
        show(f"token_validity_units = {described.user_pool_client.token_validity_units!r}")
        show(f"equal to what create returned: {described.user_pool_client == app}")

        step("5. A service error, by its code, as a generated exception class")
        missing = DescribeUserPoolClientRequest(user_pool_id=pool.id, client_id="no-such-client")
        try:
            client.describe_user_pool_client(**missing.to_wire())
        except ClientError as raw:
            code = raw.response["Error"]["Code"]
            typed = ERRORS.get(code, CognitoIdentityProviderError)(raw.response, raw.operation_name)
            show(f"{type(typed).__name__} (a ClientError: {isinstance(typed, ClientError)}): {typed.message}")

        step("Calls sent to (moto's) Cognito")
        show(", ".join(calls))
        assert "CreateUserPoolClient" in calls and len(calls) == 4, calls


if __name__ == "__main__":
    main()
