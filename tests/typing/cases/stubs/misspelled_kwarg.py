"""Misspelled parameter names, a positional argument, a misspelled operation."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

client.admin_get_user(UserPoolId=POOL, Usernme="alice")
client.list_users(UserPoolId=POOL, limit=10)
client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc", AuthParams={"USERNAME": "a"})
client.admin_get_user(POOL, "alice")
client.admin_get_usr(UserPoolId=POOL, Username="alice")
