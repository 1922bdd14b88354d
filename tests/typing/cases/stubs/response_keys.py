"""Response keys: misspelled, of another type, or not required by the model (pyright reports those)."""

from datetime import datetime

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

auth = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc")
token: str = auth["AuthenticationResult"]["AccessToken"]
session: str = auth["Sesion"]
user = client.admin_get_user(UserPoolId=POOL, Username="alice")
name: str = user["Username"]
created: int = user["UserCreateDate"]
status: str = user["UserStatus"]
when: datetime = user.get("UserCreateDate", "never")
code: int = client.admin_add_user_to_group(UserPoolId=POOL, Username="a", GroupName="g")["ResponseMetadata"][
    "RequestId"
]
