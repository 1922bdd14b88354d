"""mypy reports reads of response keys that can be absent unless they are guarded, as pyright does."""

import boto3

from cognito_idp_typed import CognitoIdentityProviderClient
from cognito_idp_typed.type_defs import InitiateAuthResponseTypeDef

client: CognitoIdentityProviderClient = boto3.client("cognito-idp")


def sign_in(username: str, password: str) -> str:
    response = client.initiate_auth(
        AuthFlow="USER_PASSWORD_AUTH", ClientId="abc", AuthParameters={"USERNAME": username, "PASSWORD": password}
    )
    return response["AuthenticationResult"]["AccessToken"]


def guarded_by_in(response: InitiateAuthResponseTypeDef) -> str:
    if "AuthenticationResult" in response:
        return response["AuthenticationResult"]["AccessToken"]
    return response["Session"]  # no tokens: a challenge, and its Session (the auth contract; mypy only)


def guarded_by_early_return(response: InitiateAuthResponseTypeDef) -> str:
    if "AuthenticationResult" not in response:
        raise RuntimeError(response.get("ChallengeName"))
    return response["AuthenticationResult"]["IdToken"]


def guarded_by_get(response: InitiateAuthResponseTypeDef) -> str:
    if response.get("ChallengeName") == "NEW_PASSWORD_REQUIRED" and response.get("Session") is not None:
        return response["Session"] + response["ChallengeName"]
    return response["AuthenticationResult"]["IdToken"] if response.get("AuthenticationResult") else ""


def guarded_by_try(response: InitiateAuthResponseTypeDef) -> str | None:
    try:
        return response["AuthenticationResult"]["RefreshToken"]
    except KeyError:
        return None


def guarded_by_assert(response: InitiateAuthResponseTypeDef) -> int:
    assert "AuthenticationResult" in response
    return response["AuthenticationResult"]["ExpiresIn"]


def not_guarded_after_rebinding(response: InitiateAuthResponseTypeDef) -> str:
    if "Session" in response:
        response = client.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId="abc")
        return response["Session"]
    return ""


def not_guarded_by_a_broad_handler(response: InitiateAuthResponseTypeDef) -> str:
    try:
        return response["Session"]
    except Exception:  # the KeyError is swallowed: the code is still wrong for a tokens response
        return ""


def writes_and_gets_are_fine(response: InitiateAuthResponseTypeDef) -> str | None:
    response["AvailableChallenges"] = ["PASSWORD"]
    return response.get("Session")


def guarded_by_the_auth_contract(response: InitiateAuthResponseTypeDef) -> str:
    """Without a challenge the tokens are there; with one, its session and parameters are (mypy only)."""
    if "ChallengeName" in response:
        return response["Session"] + str(response["ChallengeParameters"])
    return response["AuthenticationResult"]["AccessToken"]


def guarded_by_an_early_return_on_the_challenge(response: InitiateAuthResponseTypeDef) -> str:
    if response.get("ChallengeName"):
        raise RuntimeError("a challenge")
    return response["AuthenticationResult"]["IdToken"]


def reported_once(response: InitiateAuthResponseTypeDef) -> str:
    name = response["ChallengeName"]  # the one unguarded read: the rest follow from it (mypy)
    return name + response["Session"] + response["ChallengeName"]
