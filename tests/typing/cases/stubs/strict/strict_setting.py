# checkers: mypy
"""With strict = True, a str variable, a list built in a variable and a **params dict are errors again."""

from typing import Final

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

client: CognitoIdentityProviderClient = boto3.client("cognito-idp")
POOL: Final = "eu-west-1_AbCdEf123"


def unknown_values(flow: str, email: str) -> None:
    client.initiate_auth(AuthFlow=flow, ClientId="abc")
    attributes = [{"Name": "email", "Value": email}]
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes=attributes)
    params = {"UserPoolId": POOL, "Filter": f'email = "{email}"'}
    client.list_users(**params)
    client.list_users(UserPoolId=POOL, Limit=61)  # the constraint checks are the same
