"""Code written against mypy-boto3-cognito-idp's names checks unchanged with our package instead."""

from typing import TYPE_CHECKING

import boto3

from mypy_boto3_cognito_idp import CognitoIdentityProviderClient, ListUsersPaginator
from mypy_boto3_cognito_idp.literals import AuthFlowTypeType, ChallengeNameTypeType
from mypy_boto3_cognito_idp.type_defs import (
    AdminGetUserResponseTypeDef,
    AttributeTypeTypeDef,
    InitiateAuthResponseTypeDef,
    UserTypeTypeDef,
)

if TYPE_CHECKING:
    from mypy_boto3_cognito_idp.client import CognitoIdentityProviderClient as Client

POOL = "eu-west-1_AbCdEf123"
client: CognitoIdentityProviderClient = boto3.client("cognito-idp")


def create(username: str, email: str) -> UserTypeTypeDef:
    attributes: list[AttributeTypeTypeDef] = [{"Name": "email", "Value": email}]
    return client.admin_create_user(UserPoolId=POOL, Username=username, UserAttributes=attributes)["User"]


def email_of(user: AdminGetUserResponseTypeDef) -> str:
    return next(a["Value"] for a in user["UserAttributes"] if a["Name"] == "email")


def sign_in(flow: AuthFlowTypeType, other: "Client") -> InitiateAuthResponseTypeDef:
    challenge: ChallengeNameTypeType = "SMS_MFA"
    paginator: ListUsersPaginator = other.get_paginator("list_users")
    for page in paginator.paginate(UserPoolId=POOL):
        print(len(page["Users"]), challenge)
    return client.initiate_auth(AuthFlow=flow, ClientId="abc")


# Mistakes are still found through these names.
wrong: AuthFlowTypeType = "USER_PASWORD_AUTH"
missing: AttributeTypeTypeDef = {"Value": "x"}
