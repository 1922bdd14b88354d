"""End to end against moto's in-process Cognito: a raw UpdateUserPool resets what it is not given
(moto, like Cognito, replaces the pool's settings); merge_update_user_pool keeps them.

moto merges app-client updates on its own, so it cannot show the client case; that is proven
with the Stubber in test_merge_pairs / test_merge_traps. The client merge still runs here once,
to show that moto accepts the full request it sends.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from moto import mock_aws

from codegen.loader import load
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.models import LambdaConfigType, PasswordPolicyType, UserPoolPolicyType

LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:pre-sign-up"
PASSWORD_POLICY = {
    "MinimumLength": 14,
    "RequireUppercase": True,
    "RequireLowercase": True,
    "RequireNumbers": True,
    "RequireSymbols": False,
    "TemporaryPasswordValidityDays": 3,
}
POOL_SETTINGS: dict[str, Any] = {
    "Policies": {"PasswordPolicy": PASSWORD_POLICY},
    "LambdaConfig": {"PreSignUp": LAMBDA},
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "UserPoolTags": {"team": "identity", "env": "prod"},
    "DeletionProtection": "ACTIVE",
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "AutoVerifiedAttributes": ["email"],
}


@pytest.fixture
def cognito(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, CognitoIdentityProvider]]:
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    with mock_aws():
        raw = botocore.session.get_session().create_client("cognito-idp", region_name="us-east-1")
        yield raw, CognitoIdentityProvider(raw)


def updates_sent(raw: Any) -> list[dict[str, Any]]:
    """Records the params of every UpdateUserPool / UpdateUserPoolClient botocore is asked to send."""
    sent: list[dict[str, Any]] = []

    def record(params: dict[str, Any], model: Any, **_: Any) -> None:
        if model.name.startswith("Update"):
            sent.append(dict(params))

    raw.meta.events.register("provide-client-params.cognito-idp", record)
    return sent


def new_pool(raw: Any) -> str:
    pool_id: str = raw.create_user_pool(PoolName="customers", **POOL_SETTINGS)["UserPool"]["Id"]
    described = raw.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    for member, value in POOL_SETTINGS.items():  # the starting point really has every setting
        assert described[member] == value, member
    return pool_id


def test_a_raw_one_field_update_resets_the_pool(cognito: tuple[Any, CognitoIdentityProvider]) -> None:
    raw, typed = cognito
    pool_id = new_pool(raw)
    typed.update_user_pool(user_pool_id=pool_id, email_verification_subject="Your code")
    after = raw.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert after["EmailVerificationSubject"] == "Your code"
    for lost in ("LambdaConfig", "DeviceConfiguration", "UserPoolTags", "DeletionProtection"):
        assert lost not in after or not after[lost], lost
    assert after["Policies"]["PasswordPolicy"]["MinimumLength"] != 14  # back to the default


def test_merge_update_user_pool_keeps_the_pool(cognito: tuple[Any, CognitoIdentityProvider]) -> None:
    raw, typed = cognito
    pool_id = new_pool(raw)
    sent = updates_sent(raw)
    result = typed.merge_update_user_pool(user_pool_id=pool_id, email_verification_subject="Your code")
    after = raw.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert after["EmailVerificationSubject"] == "Your code"
    for member, value in POOL_SETTINGS.items():
        assert after[member] == value, member
    assert after["Name"] == "customers"
    assert len(sent) == 1
    if "PoolName" in load().service["shapes"]["UpdateUserPoolRequest"]["members"]:
        assert sent[0]["PoolName"] == "customers"
    else:  # an older botocore (before UpdateUserPool took PoolName) cannot send it: not carried, name kept
        assert "PoolName" not in sent[0]
    assert "UnusedAccountValidityDays" not in sent[0].get("AdminCreateUserConfig", {})
    assert result.email_verification_subject == "Your code"
    assert result.lambda_config == LambdaConfigType(pre_sign_up=LAMBDA)
    assert result.user_pool_tags == POOL_SETTINGS["UserPoolTags"]


def test_merge_a_nested_member_then_nothing(cognito: tuple[Any, CognitoIdentityProvider]) -> None:
    raw, typed = cognito
    pool_id = new_pool(raw)
    sent = updates_sent(raw)
    policies = UserPoolPolicyType(password_policy=PasswordPolicyType(minimum_length=16))
    typed.merge_update_user_pool(user_pool_id=pool_id, policies=policies)
    after = raw.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert after["Policies"]["PasswordPolicy"] == {**PASSWORD_POLICY, "MinimumLength": 16}
    assert after["LambdaConfig"] == POOL_SETTINGS["LambdaConfig"]
    # The same change again changes nothing: no update is sent.
    typed.merge_update_user_pool(user_pool_id=pool_id, policies=policies)
    assert len(sent) == 1


def test_moto_accepts_the_full_app_client_update(cognito: tuple[Any, CognitoIdentityProvider]) -> None:
    raw, typed = cognito
    pool_id = new_pool(raw)
    settings: dict[str, Any] = {
        "ClientName": "web",
        "GenerateSecret": True,
        "RefreshTokenValidity": 30,
        "AccessTokenValidity": 60,
        "IdTokenValidity": 60,
        "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
        "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
        "SupportedIdentityProviders": ["COGNITO"],
        "CallbackURLs": ["https://app.example.com/callback"],
        "DefaultRedirectURI": "https://app.example.com/callback",
        "AllowedOAuthFlows": ["code"],
        "AllowedOAuthScopes": ["openid"],
        "AllowedOAuthFlowsUserPoolClient": True,
    }
    client_id = raw.create_user_pool_client(UserPoolId=pool_id, **settings)["UserPoolClient"]["ClientId"]
    sent = updates_sent(raw)
    result = typed.merge_update_user_pool_client(user_pool_id=pool_id, client_id=client_id, client_name="web-2")
    assert result.client_name == "web-2"
    assert len(sent) == 1
    for member, value in settings.items():
        if member not in ("GenerateSecret", "ClientName"):
            assert sent[0][member] == value, member
    assert "ClientSecret" not in sent[0]
