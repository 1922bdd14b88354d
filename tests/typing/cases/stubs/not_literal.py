"""Arguments that are not literals: what can be known is checked, what cannot is not reported (mypy).

pyright has no plugin: it checks these with the stubs' types (see its snapshot).
"""

import os
from typing import Final

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient
from cognito_idp_typed.type_defs import AttributeTypeDef

client: CognitoIdentityProviderClient = boto3.client("cognito-idp")
POOL: Final = "eu-west-1_AbCdEf123"
FLOW: Final = "USER_PASWORD_AUTH"


def unknown_values(flow: str, username: str, email: str, medium: str) -> None:
    # A str variable for an enum parameter: its value is not known before run time.
    client.initiate_auth(AuthFlow=flow, ClientId="abc")
    # A list or dict built in a variable first: mypy infers list[dict[str, str]], not the TypedDict.
    attributes = [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}]
    client.admin_create_user(UserPoolId=POOL, Username=username, UserAttributes=attributes)
    client.admin_create_user(UserPoolId=POOL, Username=username, DesiredDeliveryMediums=[medium])
    recovery = {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]}
    client.update_user_pool(UserPoolId=POOL, AccountRecoverySetting=recovery)
    # A **params dict: which keys it holds is not known.
    params = {"UserPoolId": POOL, "Filter": f'email = "{email}"'}
    client.list_users(**params)
    client.admin_update_user_attributes(UserPoolId=POOL, Username=username, UserAttributes=attributes)


def client_settings_in_a_dict() -> CognitoIdentityProviderClient:
    # boto3.client("cognito-idp", **settings): the service name is read, the settings' keys are not known.
    settings = {"region_name": "eu-west-1", "aws_session_token": os.environ.get("AWS_SESSION_TOKEN")}
    return boto3.client("cognito-idp", **settings)


def still_checked(limit: str, email: str, region: str | None) -> None:
    # What can be known of a variable is still checked: its kind and its scalar type.
    client.list_users(UserPoolId=POOL, Limit=limit)
    attributes = {"Name": "email", "Value": email}
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes=attributes)
    client.admin_get_user(UserPoolId=os.environ.get("POOL_ID"), Username="bob")
    # Literal displays, Final constants and variables typed with the stubs are checked in full.
    client.initiate_auth(AuthFlow=FLOW, ClientId="abc")
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes=[{"Name": "email", "Valu": email}])
    typed: list[AttributeTypeDef] = [{"Name": "email", "Value": email}]
    client.admin_create_user(UserPoolId=POOL, Username="bob", UserAttributes=typed, MessageAction="SUPRESS")
