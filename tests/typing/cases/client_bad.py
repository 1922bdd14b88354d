"""Misuse of the typed client's boto3 conventions: exactly the marked lines are errors."""

import boto3

from cognito_typed import CognitoIdentityProvider

cognito = CognitoIdentityProvider(boto3.client("cognito-idp", region_name="us-east-1"))
try:
    cognito.admin_get_user(user_pool_id="us-east-1_EXAMPLE", username="nobody")
except cognito.exceptions.UserNotFoundExceptio:  # E: attr-defined
    pass
code: int = cognito.exceptions.UserNotFoundException.code  # E: assignment
cognito.close(True)  # E: call-arg
