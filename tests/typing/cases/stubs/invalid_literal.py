"""Enum values that are not in the model, top level and nested (the plugin adds the nearest value)."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

client.initiate_auth(AuthFlow="USER_PASWORD_AUTH", ClientId="abc")
client.admin_create_user(UserPoolId=POOL, Username="bob", MessageAction="RESENT")
client.admin_create_user(UserPoolId=POOL, Username="bob", DesiredDeliveryMediums=["EMAIL", "PIGEON"])
client.update_user_pool(
    UserPoolId=POOL, AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_emial", "Priority": 1}]}
)
client.create_user_pool_client(UserPoolId=POOL, ClientName="web", TokenValidityUnits={"AccessToken": "weeks"})
