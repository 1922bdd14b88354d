"""Required parameters left out, top level and nested."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

client.admin_get_user(Username="alice")
client.initiate_auth(ClientId="abc")
client.admin_update_user_attributes(UserPoolId=POOL, Username="alice", UserAttributes=[{"Value": "x"}])
