"""End to end on moto's in-process Cognito: a real boto3 client, real HTTP-level handling by moto,
the typed client on top. No AWS account and no network."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from client_fixtures import REGION, aws_env  # noqa: F401 (aws_env: a fixture)
from moto import mock_aws

from cognito_typed import ValidationError
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.errors import (
    CognitoIdentityProviderError,
    NotAuthorizedException,
    ResourceNotFoundException,
    UserNotFoundException,
)
from cognito_typed.models import (
    AdminInitiateAuthResponse,
    AuthenticationResultType,
    DescribeUserPoolClientResponse,
    GroupType,
    InitiateAuthResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
    UserType,
)

pytestmark = pytest.mark.usefixtures("aws_env")

PASSWORD = "Correct-Horse-9-battery"


@pytest.fixture
def cognito() -> Iterator[CognitoIdentityProvider]:
    with mock_aws():
        yield CognitoIdentityProvider(boto3.client("cognito-idp", region_name=REGION))


@pytest.fixture
def pool_id(cognito: CognitoIdentityProvider) -> str:
    pool = cognito.create_user_pool(pool_name="e2e-pool").user_pool
    assert pool is not None and pool.id is not None
    return pool.id


def new_client(cognito: CognitoIdentityProvider, pool_id: str) -> UserPoolClientType:
    created = cognito.create_user_pool_client(
        user_pool_id=pool_id,
        client_name="e2e-app",
        auth_session_validity=15,
        access_token_validity=60,
        id_token_validity=60,
        refresh_token_validity=30,
        token_validity_units=TokenValidityUnitsType(access_token="minutes", id_token="minutes", refresh_token="days"),
        explicit_auth_flows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        prevent_user_existence_errors="ENABLED",
        enable_token_revocation=True,
    ).user_pool_client
    assert isinstance(created, UserPoolClientType)
    return created


def test_app_client_settings_read_back_typed(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    created = new_client(cognito, pool_id)
    assert isinstance(created.client_id, str) and created.client_id

    described = cognito.describe_user_pool_client(user_pool_id=pool_id, client_id=created.client_id)
    assert isinstance(described, DescribeUserPoolClientResponse)
    client = described.user_pool_client
    assert isinstance(client, UserPoolClientType)
    assert client.user_pool_id == pool_id
    assert client.client_id == created.client_id
    assert client.client_name == "e2e-app"
    assert client.auth_session_validity == 15
    assert client.access_token_validity == 60
    assert client.id_token_validity == 60
    assert client.refresh_token_validity == 30
    assert client.token_validity_units == TokenValidityUnitsType(
        access_token="minutes", id_token="minutes", refresh_token="days"
    )
    assert set(client.explicit_auth_flows) == {
        "ALLOW_ADMIN_USER_PASSWORD_AUTH",
        "ALLOW_USER_PASSWORD_AUTH",
        "ALLOW_REFRESH_TOKEN_AUTH",
    }
    assert client.prevent_user_existence_errors == "ENABLED"
    assert client.client_secret is None  # none was asked for
    # The typed view is exactly botocore's answer, read through the model.
    raw = cognito.raw.describe_user_pool_client(UserPoolId=pool_id, ClientId=created.client_id)
    assert described == DescribeUserPoolClientResponse.from_wire(raw)


def test_an_invalid_app_client_is_refused_before_moto_sees_it(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    with pytest.raises(ValidationError):
        cognito.create_user_pool_client(user_pool_id=pool_id, client_name="bad-validity", auth_session_validity=99)
    assert cognito.list_user_pool_clients(user_pool_id=pool_id, max_results=60).user_pool_clients == ()


def test_130_users_listed_across_pages(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    names = [f"user-{i:03d}" for i in range(130)]
    for name in names:
        cognito.admin_create_user(user_pool_id=pool_id, username=name, message_action="SUPPRESS")

    pager = cognito.paginate_list_users(user_pool_id=pool_id, limit=60)
    pages = list(pager.pages())
    assert [len(page.users) for page in pages] == [60, 60, 10]
    assert isinstance(pages[0].pagination_token, str) and pages[-1].pagination_token is None

    users = list(pager)
    assert all(type(user) is UserType for user in users)
    usernames = [user.username for user in users]
    assert len(usernames) == len(set(usernames)) == 130
    assert usernames == names  # moto lists users in creation order
    # ... which is also what botocore's own paginator sees.
    raw_pages = cognito.raw.get_paginator("list_users").paginate(UserPoolId=pool_id, PaginationConfig={"PageSize": 60})
    assert usernames == [u["Username"] for page in raw_pages for u in page["Users"]]
    assert all(user.user_status == "FORCE_CHANGE_PASSWORD" and user.enabled is True for user in users)


def test_groups_and_membership(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    for name in ("alice", "bob", "carol"):
        cognito.admin_create_user(user_pool_id=pool_id, username=name, message_action="SUPPRESS")
    admins = cognito.create_group(group_name="admins", user_pool_id=pool_id, description="Admins", precedence=1).group
    assert isinstance(admins, GroupType)
    assert (admins.group_name, admins.description, admins.precedence) == ("admins", "Admins", 1)
    cognito.create_group(group_name="readers", user_pool_id=pool_id, precedence=5)

    added = cognito.admin_add_user_to_group(user_pool_id=pool_id, username="alice", group_name="admins")
    assert added.response_metadata is not None and added.response_metadata.http_status_code == 200
    cognito.admin_add_user_to_group(user_pool_id=pool_id, username="alice", group_name="readers")
    cognito.admin_add_user_to_group(user_pool_id=pool_id, username="bob", group_name="readers")

    in_readers = cognito.list_users_in_group(user_pool_id=pool_id, group_name="readers").users
    assert sorted(u.username for u in in_readers) == ["alice", "bob"]
    in_admins = list(cognito.paginate_list_users_in_group(user_pool_id=pool_id, group_name="admins", limit=1))
    assert [u.username for u in in_admins] == ["alice"]

    alices = cognito.admin_list_groups_for_user(username="alice", user_pool_id=pool_id).groups
    assert all(type(g) is GroupType for g in alices)
    assert sorted(g.group_name for g in alices) == ["admins", "readers"]
    carols = list(cognito.paginate_admin_list_groups_for_user(username="carol", user_pool_id=pool_id))
    assert carols == []
    all_groups = [g.group_name for g in cognito.paginate_list_groups(user_pool_id=pool_id, limit=1)]
    assert sorted(all_groups) == ["admins", "readers"]

    cognito.admin_remove_user_from_group(user_pool_id=pool_id, username="alice", group_name="readers")
    assert [
        g.group_name for g in cognito.admin_list_groups_for_user(username="alice", user_pool_id=pool_id).groups
    ] == ["admins"]


def _user_with_password(cognito: CognitoIdentityProvider, pool_id: str, username: str) -> None:
    cognito.admin_create_user(user_pool_id=pool_id, username=username, message_action="SUPPRESS")
    cognito.admin_set_user_password(user_pool_id=pool_id, username=username, password=PASSWORD, permanent=True)
    assert cognito.admin_get_user(user_pool_id=pool_id, username=username).user_status == "CONFIRMED"


def _check_tokens(result: Any, response: Any) -> None:
    assert isinstance(result, AuthenticationResultType)
    tokens = [result.access_token, result.id_token, result.refresh_token]
    assert all(isinstance(t, str) and len(t) > 20 for t in tokens)
    assert result.access_token.count(".") == 2 and result.id_token.count(".") == 2  # JWTs
    assert result.token_type == "Bearer"
    assert isinstance(result.expires_in, int) and result.expires_in > 0
    # The tokens are sensitive in the model: nowhere in the repr of the response or the result.
    for text in (repr(response), repr(result), str(response)):
        for token in tokens:
            assert token not in text
        assert "access_token" not in text and "refresh_token" not in text  # left out of repr


def test_admin_initiate_auth_returns_typed_hidden_tokens(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    client_id = new_client(cognito, pool_id).client_id
    _user_with_password(cognito, pool_id, "alice")

    response = cognito.admin_initiate_auth(
        user_pool_id=pool_id,
        client_id=client_id,
        auth_flow="ADMIN_USER_PASSWORD_AUTH",
        auth_parameters={"USERNAME": "alice", "PASSWORD": PASSWORD},
    )
    assert isinstance(response, AdminInitiateAuthResponse)
    assert response.challenge_name is None
    _check_tokens(response.authentication_result, response)
    assert PASSWORD not in repr(response)


def test_initiate_auth_returns_typed_hidden_tokens(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    client_id = new_client(cognito, pool_id).client_id
    _user_with_password(cognito, pool_id, "bob")

    response = cognito.initiate_auth(
        auth_flow="USER_PASSWORD_AUTH",
        client_id=client_id,
        auth_parameters={"USERNAME": "bob", "PASSWORD": PASSWORD},
    )
    assert isinstance(response, InitiateAuthResponse)
    result = response.authentication_result
    _check_tokens(result, response)

    # The access token works: get_user reads the user back with it.
    me = cognito.get_user(access_token=result.access_token)
    assert me.username == "bob"


def test_wrong_password_is_a_typed_not_authorized(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    client_id = new_client(cognito, pool_id).client_id
    _user_with_password(cognito, pool_id, "carol")
    with pytest.raises(NotAuthorizedException) as info:
        cognito.initiate_auth(
            auth_flow="USER_PASSWORD_AUTH",
            client_id=client_id,
            auth_parameters={"USERNAME": "carol", "PASSWORD": "Wrong-password-1"},
        )
    assert info.value.error_code == "NotAuthorizedException"
    assert "Wrong-password-1" not in str(info.value)


def test_a_missing_user_raises_the_typed_error(cognito: CognitoIdentityProvider, pool_id: str) -> None:
    with pytest.raises(UserNotFoundException) as info:
        cognito.admin_get_user(user_pool_id=pool_id, username="nobody")
    error = info.value
    assert isinstance(error, ClientError) and isinstance(error, CognitoIdentityProviderError)
    assert error.error_code == "UserNotFoundException"
    assert error.message
    assert error.operation_name == "AdminGetUser"


def test_a_missing_pool_raises_the_typed_error(cognito: CognitoIdentityProvider) -> None:
    with pytest.raises(ResourceNotFoundException) as info:
        cognito.describe_user_pool(user_pool_id=f"{REGION}_doesNotExist")
    assert info.value.error_code == "ResourceNotFoundException"
