"""Literal values outside the model's constraints: only the mypy plugin can see these."""

from typing import Final

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL: Final = "eu-west-1_AbCdEf123"
REGION: Final = "eu-west-1"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()


def broken() -> None:
    client.create_user_pool_client(UserPoolId=POOL, ClientName="", AuthSessionValidity=30)
    client.create_user_pool_client(UserPoolId=POOL, ClientName="web", AuthSessionValidity=2, RefreshTokenValidity=-1)
    client.admin_get_user(UserPoolId="eu-west-1", Username="alice")
    client.admin_get_user(UserPoolId=REGION, Username="alice")
    client.list_users(UserPoolId=POOL, Limit=61)
    client.update_user_pool(UserPoolId=POOL, AccountRecoverySetting={"RecoveryMechanisms": []})
    client.update_user_pool(
        UserPoolId=POOL, AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "admin_only", "Priority": 3}]}
    )
    client.tag_resource(ResourceArn="arn:aws:cognito-idp:eu-west-1:123456789012:userpool/x_1", Tags={"": "v"})
    client.admin_set_user_password(UserPoolId=POOL, Username="alice", Password="trailing space ")
    client.create_group(GroupName="admins", UserPoolId=POOL, Precedence=-1)
    client.get_paginator("list_users").paginate(UserPoolId="eu-west-1", PaginationConfig={"MaxItems": 10})


def fine(name: str, limit: int) -> None:
    # Values mypy does not know exactly are not reported.
    client.create_user_pool_client(UserPoolId=POOL, ClientName=name)
    client.list_users(UserPoolId=POOL, Limit=limit)
    # Values inside the constraints are not reported.
    client.list_users(UserPoolId=POOL, Limit=60)
    client.create_user_pool_client(UserPoolId=POOL, ClientName="web client", AuthSessionValidity=15)
    client.admin_get_user(UserPoolId=POOL, Username="élodie")
