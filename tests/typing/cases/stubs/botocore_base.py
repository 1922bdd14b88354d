"""Our client is a botocore BaseClient, so code typed for botocore-stubs accepts it."""

import boto3
from botocore.client import BaseClient

from cognito_idp_typed import CognitoIdentityProviderClient


def close_all(clients: list[BaseClient]) -> None:
    for c in clients:
        c.close()


client: CognitoIdentityProviderClient = boto3.client("cognito-idp")
close_all([client])
base: BaseClient = client
