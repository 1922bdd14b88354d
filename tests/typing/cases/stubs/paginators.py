"""Paginator names and paginate() arguments."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()

client.get_paginator("list_user")
client.get_paginator("admin_get_user")
groups = client.get_paginator("list_groups")
groups.paginate(UserPoolId=POOL, NextToken="abc")
groups.paginate(UserPoolId=POOL, PaginationConfig={"PageSize": 10, "MaxItem": 5})
for page in groups.paginate(UserPoolId=POOL):
    for group in page.get("Groups", []):
        precedence: str = group.get("Precedence", 0)
