"""Response keys AWS always returns are required; keys it can leave out are not (codegen/presence.py)."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient

POOL = "eu-west-1_AbCdEf123"


def connect() -> CognitoIdentityProviderClient:
    return boto3.client("cognito-idp")


client = connect()


def always_there() -> list[str]:
    """Nothing to narrow: the resource of a Describe/Create, the list of a List, identifiers, token fields."""
    pool = client.create_user_pool(PoolName="pool")["UserPool"]
    app = client.create_user_pool_client(UserPoolId=pool["Id"], ClientName="web")["UserPoolClient"]
    described = client.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    users = client.list_users(UserPoolId=POOL)["Users"]
    emails = [a["Value"] for u in users for a in u.get("Attributes", []) if a["Name"] == "email"]
    statuses = [u["UserStatus"] for u in users]
    user = client.admin_get_user(UserPoolId=POOL, Username="alice")
    subs = [a["Value"] for a in user["UserAttributes"] if a["Name"] == "sub"]
    groups = [g["GroupName"] for g in client.list_groups(UserPoolId=POOL)["Groups"]]
    clients = [c["ClientId"] for c in client.list_user_pool_clients(UserPoolId=POOL)["UserPoolClients"]]
    pools = [p["Id"] + p["Name"] for p in client.list_user_pools(MaxResults=10)["UserPools"]]
    auth = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=app["ClientId"])
    tokens = auth.get("AuthenticationResult")
    access = [tokens["AccessToken"], tokens["IdToken"], tokens["TokenType"]] if tokens else []
    return [described["Arn"], *emails, *statuses, *subs, *groups, *clients, *pools, *access]


def can_be_absent() -> list[str]:
    """Each read below can raise KeyError: both checkers report it (mypy through the plugin)."""
    auth = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc")
    token = auth["AuthenticationResult"]["IdToken"]  # a challenge instead of tokens
    challenge = auth["ChallengeName"]  # tokens instead of a challenge
    refresh = client.initiate_auth(AuthFlow="REFRESH_TOKEN_AUTH", ClientId="abc")
    rotated = refresh.get("AuthenticationResult", {})["RefreshToken"]  # REFRESH_TOKEN_AUTH returns none
    page = client.list_users(UserPoolId=POOL)["PaginationToken"]  # the last page has none
    secret = client.describe_user_pool_client(UserPoolId=POOL, ClientId="abc")["UserPoolClient"]["ClientSecret"]
    domain = client.describe_user_pool(UserPoolId=POOL)["UserPool"]["Domain"]  # an optional setting
    mfa = client.get_user_pool_mfa_config(UserPoolId=POOL)["SoftwareTokenMfaConfiguration"]  # MFA settings
    preferred = client.admin_get_user(UserPoolId=POOL, Username="alice")["PreferredMfaSetting"]
    return [token, challenge, rotated, page, secret, domain, str(mfa), preferred]
