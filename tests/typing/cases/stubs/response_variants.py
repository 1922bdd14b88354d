"""Responses that depend on the request (codegen.presence.VARIANTS): the overload the call selects."""

import os
from typing import Literal

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient
from cognito_idp_typed.type_defs import InitiateAuthResponseTypeDef, RespondToAuthChallengeResponseTypeDef

client: CognitoIdentityProviderClient = boto3.client("cognito-idp")


def sign_in() -> str:
    """A password flow: tokens come with a refresh token (once the challenge test is passed)."""
    auth = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc", AuthParameters={"USERNAME": "u"})
    if "AuthenticationResult" in auth:
        return auth["AuthenticationResult"]["RefreshToken"]
    return auth["AuthenticationResult"]["AccessToken"]  # error: a challenge instead of tokens


def refresh(token: str) -> str:
    """A refresh always returns tokens, without a new refresh token."""
    auth = client.admin_initiate_auth(
        UserPoolId="eu-west-1_AbCdEf123",
        ClientId="abc",
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": token},
    )
    tokens = auth["AuthenticationResult"]
    return tokens["AccessToken"] + tokens["RefreshToken"]  # error: a refresh returns none


def srp(srp_a: str) -> str:
    """USER_SRP_AUTH always answers with the PASSWORD_VERIFIER challenge, its parameters and a session."""
    auth = client.initiate_auth(AuthFlow="USER_SRP_AUTH", ClientId="abc", AuthParameters={"SRP_A": srp_a})
    return auth["ChallengeName"] + auth["ChallengeParameters"]["SRP_B"] + auth["Session"]


def final_challenge(session: str) -> str:
    """Tokens after a challenge come with a refresh token; the challenge test is still needed."""
    done = client.respond_to_auth_challenge(ClientId="abc", ChallengeName="SMS_MFA", Session=session)
    if "AuthenticationResult" in done:
        return done["AuthenticationResult"]["RefreshToken"]
    return done["AuthenticationResult"]["IdToken"]  # error: another challenge instead of tokens


def mfa_setup(session: str) -> str:
    """AssociateSoftwareToken and VerifySoftwareToken called with a session return one."""
    associated = client.associate_software_token(Session=session)
    verified = client.verify_software_token(Session=associated["Session"], UserCode="123456")
    by_token = client.associate_software_token(AccessToken="token")
    return verified["Session"] + by_token["Session"]  # error: no session without one in the request


def flow_not_known(flow: str) -> str:
    """A flow in a str variable gets the model's response (mypy, through the plugin)."""
    auth = client.initiate_auth(AuthFlow=flow, ClientId="abc")  # an error for pyright: str is no AuthFlowType
    return auth["AuthenticationResult"]["AccessToken"]


def flow_typed(flow: Literal["REFRESH_TOKEN_AUTH", "USER_PASSWORD_AUTH"]) -> str:
    """A Literal-typed flow: the union of the two responses."""
    auth = client.initiate_auth(AuthFlow=flow, ClientId="abc")
    if "AuthenticationResult" in auth:
        return auth["AuthenticationResult"]["AccessToken"]
    return ""


def annotated_with_the_base() -> tuple[InitiateAuthResponseTypeDef, RespondToAuthChallengeResponseTypeDef]:
    """Each variant is a subtype of the model's TypedDict: code annotated with the base name keeps checking."""
    auth = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=os.environ["CLIENT_ID"])
    done = client.respond_to_auth_challenge(ClientId="abc", ChallengeName="SMS_MFA", Session=auth.get("Session", ""))
    return auth, done


def keys_that_depend_on_the_request_are_read_only(auth: InitiateAuthResponseTypeDef) -> None:
    """What makes a variant a subtype of its base: the varying keys cannot be written or deleted."""
    auth["AvailableChallenges"] = []
    auth["Session"] = "s"  # error: read-only


def paginate_with_the_limit() -> list[str]:
    """A paginator passes the operation's limit key through as the page size (ListUserPools requires one)."""
    pages = client.get_paginator("list_user_pools").paginate(MaxResults=10)
    return [pool["Id"] for page in pages for pool in page["UserPools"]]
