"""Typical, correct boto3 code: neither checker reports anything."""

from typing import TYPE_CHECKING, Final, get_args

import boto3
import boto3.session

from cognito_idp_typed import CognitoIdentityProviderClient, ListUsersPaginator
from cognito_idp_typed.literals import AuthFlowType
from cognito_idp_typed.type_defs import (
    AdminCreateUserRequestTypeDef,
    AttributeTypeDef,
    InitiateAuthResponseTypeDef,
)

if TYPE_CHECKING:
    from cognito_idp_typed.exceptions import UserNotFoundException

POOL: Final = "eu-west-1_AbCdEf123"

client: CognitoIdentityProviderClient = boto3.client("cognito-idp", region_name="eu-west-1")
other: CognitoIdentityProviderClient = boto3.session.Session(profile_name="dev").client("cognito-idp")


def sign_in(username: str, password: str, flow: AuthFlowType = "USER_PASSWORD_AUTH") -> str | None:
    response = client.initiate_auth(
        AuthFlow=flow, ClientId="abc123", AuthParameters={"USERNAME": username, "PASSWORD": password}
    )
    result = response.get("AuthenticationResult")
    if result is None:
        return None
    return result.get("AccessToken")


def id_token(response: InitiateAuthResponseTypeDef) -> str:
    if "AuthenticationResult" in response and "IdToken" in response["AuthenticationResult"]:
        return response["AuthenticationResult"]["IdToken"]
    return response["ResponseMetadata"]["RequestId"]


def create(username: str, email: str) -> str:
    attributes: list[AttributeTypeDef] = [
        {"Name": "email", "Value": email},
        {"Name": "email_verified", "Value": "true"},
    ]
    request: AdminCreateUserRequestTypeDef = {
        "UserPoolId": POOL,
        "Username": username,
        "UserAttributes": attributes,
        "DesiredDeliveryMediums": ["EMAIL"],
        "MessageAction": "SUPPRESS",
    }
    user = client.admin_create_user(**request).get("User", {})
    return user.get("UserStatus", "UNKNOWN")


def usernames() -> list[str]:
    paginator: ListUsersPaginator = client.get_paginator("list_users")
    names: list[str] = []
    for page in paginator.paginate(UserPoolId=POOL, Filter='email ^= "a"', PaginationConfig={"PageSize": 60}):
        names += [user.get("Username", "") for user in page.get("Users", [])]
    return names


def configure() -> bool:
    client.create_user_pool_client(
        UserPoolId=POOL,
        ClientName="web",
        AuthSessionValidity=3,
        AccessTokenValidity=60,
        TokenValidityUnits={"AccessToken": "minutes"},
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        CallbackURLs=["https://example.com/callback"],
    )
    client.update_user_pool(
        UserPoolId=POOL,
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
        UserPoolTags={"team": "identity"},
    )
    client.admin_add_user_to_group(UserPoolId=POOL, Username="alice", GroupName="admins")
    status = client.admin_get_user(UserPoolId=POOL, Username="alice").get("UserStatus")
    return status == "CONFIRMED" and client.can_paginate("list_groups")


def delete(username: str) -> bool:
    try:
        client.admin_delete_user(UserPoolId=POOL, Username=username)
    except client.exceptions.UserNotFoundException as error:
        return error.response["Error"]["Code"] == "UserNotFoundException"
    except (client.exceptions.TooManyRequestsException, client.exceptions.InternalErrorException):
        raise
    return True


def describe(error: "UserNotFoundException") -> str:
    return f"{error.operation_name}: {error.response['Error']['Message']}"


AUTH_FLOWS = get_args(AuthFlowType)
client.close()
