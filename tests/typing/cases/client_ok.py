"""Typical use of the typed client's boto3 conventions: mypy --strict and pyright (strict) report nothing."""

from typing import assert_type

import boto3
from botocore.client import BaseClient

import cognito_typed.errors
from cognito_typed import CognitoIdentityProvider, OperationNotInBotocoreError, UnsupportedByBotocoreError
from cognito_typed.errors import CognitoIdentityProviderError, UserNotFoundException

cognito = CognitoIdentityProvider(boto3.client("cognito-idp", region_name="us-east-1"))
raw: BaseClient = cognito.raw
region: str = cognito.meta.region_name
try:
    cognito.admin_get_user(user_pool_id="us-east-1_EXAMPLE", username="nobody")
except cognito.exceptions.UserNotFoundException as error:
    assert_type(error, UserNotFoundException)
    print(error.message, error.request_id)
except cognito.raw.exceptions.UserNotFoundException:  # the raw client's classes: Any without botocore-stubs
    pass
except cognito_typed.errors.UsernameExistsException as error:
    print(error.code)
except cognito.exceptions.ClientError as error:  # botocore's ClientError
    code: str = error.response["Error"]["Code"]
assert_type(cognito.exceptions.from_code("UserNotFoundException"), type[CognitoIdentityProviderError])
try:
    cognito.list_terms(user_pool_id="us-east-1_EXAMPLE")
except OperationNotInBotocoreError as error:
    print(error.botocore_version, error.generated_from, error.missing)
except UnsupportedByBotocoreError as error:
    for kind, where, detail in error.missing:
        print(kind, where, detail)
if hasattr(cognito, "list_terms"):
    print("the installed botocore has ListTerms")
cognito.close()
