# checkers: mypy
"""With another plugin listed first, every check of ours still runs, and so does the other plugin."""

import boto3

client = boto3.client("cognito-idp")
reveal_type(client)
client.list_users(UserPoolId="eu-west-1_AbC", Limit=61)
tokens = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc")["AuthenticationResult"]


def relaxed(flow: str) -> None:
    client.initiate_auth(AuthFlow=flow, ClientId="abc")
