"""A typical program against cognito-idp: ~20 calls through a plain boto3 client.

bench/bench_stubs.py type-checks it with our stubs and with boto3-stubs + mypy-boto3-cognito-idp;
the two copies differ only in the module the client type is imported from (the line marked
below). The leading underscore keeps `nox -s bench` from running it as a benchmark.
"""

from __future__ import annotations

import boto3
from cognito_idp_typed import CognitoIdentityProviderClient  # bench: client import

POOL = "eu-west-1_AbCdEf123"
CLIENT_ID = "1example23456789"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp", region_name="eu-west-1")


def sign_up(client: CognitoIdentityProviderClient, username: str, password: str, email: str) -> bool:
    response = client.sign_up(
        ClientId=CLIENT_ID,
        Username=username,
        Password=password,
        UserAttributes=[{"Name": "email", "Value": email}],
    )
    client.confirm_sign_up(ClientId=CLIENT_ID, Username=username, ConfirmationCode="123456")
    return response["UserConfirmed"]


def sign_in(client: CognitoIdentityProviderClient, username: str, password: str) -> str | None:
    response = client.initiate_auth(
        AuthFlow="USER_PASSWORD_AUTH",
        ClientId=CLIENT_ID,
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    if response.get("ChallengeName") == "NEW_PASSWORD_REQUIRED":
        challenge = client.respond_to_auth_challenge(
            ClientId=CLIENT_ID,
            ChallengeName="NEW_PASSWORD_REQUIRED",
            Session=response.get("Session", ""),
            ChallengeResponses={"USERNAME": username, "NEW_PASSWORD": password + "!"},
        )
        return challenge.get("AuthenticationResult", {}).get("AccessToken")
    return response.get("AuthenticationResult", {}).get("AccessToken")


def tokens(client: CognitoIdentityProviderClient, username: str, password: str, refresh: str) -> list[str]:
    """Guarded reads (what the plugin's absent-key check follows) and the flows' response variants."""
    response = client.admin_initiate_auth(
        UserPoolId=POOL,
        ClientId=CLIENT_ID,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password},
    )
    if "ChallengeName" in response:
        return [response["ChallengeName"]]
    if "AuthenticationResult" not in response:
        return []
    result = response["AuthenticationResult"]
    renewed = client.initiate_auth(
        AuthFlow="REFRESH_TOKEN_AUTH", ClientId=CLIENT_ID, AuthParameters={"REFRESH_TOKEN": refresh}
    )
    fresh = renewed.get("AuthenticationResult", {})
    return [result["AccessToken"], result["IdToken"], fresh.get("AccessToken", "")]


def admin(client: CognitoIdentityProviderClient, username: str) -> list[str]:
    client.admin_create_user(
        UserPoolId=POOL,
        Username=username,
        UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}],
        DesiredDeliveryMediums=["EMAIL"],
        MessageAction="SUPPRESS",
    )
    client.admin_set_user_password(UserPoolId=POOL, Username=username, Password="S3cure!pass", Permanent=True)
    client.admin_update_user_attributes(
        UserPoolId=POOL, Username=username, UserAttributes=[{"Name": "email_verified", "Value": "true"}]
    )
    client.create_group(GroupName="admins", UserPoolId=POOL, Description="Administrators", Precedence=1)
    client.admin_add_user_to_group(UserPoolId=POOL, Username=username, GroupName="admins")
    groups = client.admin_list_groups_for_user(UserPoolId=POOL, Username=username)
    user = client.admin_get_user(UserPoolId=POOL, Username=username)
    if user.get("UserStatus") == "FORCE_CHANGE_PASSWORD":
        client.admin_reset_user_password(UserPoolId=POOL, Username=username)
    return [group.get("GroupName", "") for group in groups.get("Groups", [])]


def configure(client: CognitoIdentityProviderClient) -> str:
    pool = client.describe_user_pool(UserPoolId=POOL).get("UserPool", {})
    app = client.create_user_pool_client(
        UserPoolId=POOL,
        ClientName="web",
        GenerateSecret=False,
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        AccessTokenValidity=60,
        TokenValidityUnits={"AccessToken": "minutes"},
        AuthSessionValidity=3,
    )
    client.update_user_pool(
        UserPoolId=POOL,
        MfaConfiguration="OPTIONAL",
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
    )
    client.set_user_pool_mfa_config(UserPoolId=POOL, SoftwareTokenMfaConfiguration={"Enabled": True})
    return pool.get("Name", "") + app.get("UserPoolClient", {}).get("ClientId", "")


def every_user(client: CognitoIdentityProviderClient) -> list[str]:
    names: list[str] = []
    for page in client.get_paginator("list_users").paginate(UserPoolId=POOL, PaginationConfig={"PageSize": 60}):
        names += [user.get("Username", "") for user in page.get("Users", [])]
    return names


def remove(client: CognitoIdentityProviderClient, username: str) -> bool:
    try:
        client.admin_delete_user(UserPoolId=POOL, Username=username)
    except client.exceptions.UserNotFoundException:
        return False
    client.global_sign_out(AccessToken="token")
    return True
