"""A value of the wrong type, top level and nested."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()


def run(limit: str, flow: str) -> None:
    client.list_users(UserPoolId=POOL, Limit=limit)
    client.list_users(UserPoolId=POOL, Limit="10")
    client.create_group(GroupName="g", UserPoolId=POOL, Precedence=1.5)
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes={"Name": "email", "Value": "b@x"})
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes=[{"Name": "email", "Value": 42}])
    # A str variable where the model has an enum: the stub's Literal type rejects it (the plugin
    # cannot know its value and says nothing).
    client.initiate_auth(AuthFlow=flow, ClientId="abc")
