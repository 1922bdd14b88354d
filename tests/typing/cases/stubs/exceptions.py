"""client.exceptions: one class per error shape; a misspelled one is an error."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

try:
    client.admin_get_user(UserPoolId=POOL, Username="alice")
except client.exceptions.UserNotFoundException as error:
    code: int = error.response["Error"]["Code"]
except client.exceptions.UserNotFound:
    pass
except (client.exceptions.NotAuthorizedException, client.exceptions.ResourceNotFound):
    pass
except client.exceptions.ClientError as error:
    operation: str = error.operation_name
