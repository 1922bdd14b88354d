"""Merge-on-update over a stubbed real botocore client: which pairs exist, and the exact full
update each sends.

Every merged pair is exercised from the generated specs in ``cognito_typed.merges``: for a rich
current resource (every member the describe call can return, each with a valid value) and a
change of one carried member, the update must be exactly the overlay (everything carried,
read-only members absent, renames applied) and the calls exactly describe + update; with
nothing changed, the describe alone. The Stubber checks each call's parameters
(``expected_params``), validates every request and response against botocore's model, and
fails on any call that was not queued.
"""

from __future__ import annotations

from typing import Any

import pytest
from merge_helpers import (
    EMAIL_MESSAGE_UNUSED,
    LEGACY_TEMPLATE,
    SPECS,
    change_value,
    describe_op,
    describe_response,
    expected_update,
    id_values,
    installed_carried,
    kwargs_for,
    method,
    model_carried,
    operation,
    resource_shape,
    rich,
    rich_resource,
    skip_unless_installed_has_pair,
    stubbed,
)
from support import GENERATED_FROM, INSTALLED, SERVICE, installed_only

from codegen.merges import derive
from cognito_typed import RESET
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.merges import SKIPPED

# The pairs the issue names; the model may give more (it does: session configuration, CIMD policies).
NAMED = {
    "UpdateUserPoolClient",
    "UpdateUserPool",
    "UpdateResourceServer",
    "UpdateIdentityProvider",
    "UpdateGroup",
    "UpdateUserPoolDomain",
    "UpdateTerms",
    "SetUserPoolMfaConfig",
    "SetRiskConfiguration",
    "SetUICustomization",
    "SetLogDeliveryConfiguration",
}
PAIRS = sorted(SPECS)
CARRIED = [(update, member) for update in PAIRS for member in model_carried(update)]


# --- which pairs -------------------------------------------------------------------------


def test_the_generated_pairs_are_the_derived_pairs() -> None:
    pairs, skipped = derive(SERVICE)
    assert set(SPECS) == {p.update.name for p in pairs}
    assert set(SPECS) >= NAMED
    assert set(SKIPPED) == {s.update.name for s in skipped}
    # Already merges server-side: left raw, with no merge/plan method.
    assert "UpdateManagedLoginBranding" in SKIPPED
    assert "UpdateManagedLoginBranding" not in SPECS
    assert hasattr(CognitoIdentityProvider, "update_managed_login_branding")
    assert not hasattr(CognitoIdentityProvider, "merge_update_managed_login_branding")
    assert not hasattr(CognitoIdentityProvider, "plan_update_managed_login_branding")


@pytest.mark.parametrize("update", PAIRS)
def test_each_spec_is_what_the_generator_derives(update: str) -> None:
    pair = next(p for p in derive(SERVICE)[0] if p.update.name == update)
    spec = SPECS[update]
    assert spec.describe.__operation__ == pair.describe.name
    assert dict(spec.carried) == dict(pair.carried)
    assert spec.identifiers == pair.identifiers
    assert (spec.resource, spec.updated, spec.last_modified) == (pair.resource, pair.updated, pair.last_modified)
    assert spec.drop_when_present == pair.quirks.drop_when_present
    assert spec.omit_empty == tuple(sorted(pair.quirks.omit_empty))
    assert spec.describe_only == tuple((d.member, d.keys, d.when) for d in pair.quirks.describe_only)
    assert spec.mirrors == tuple(m.paths for m in pair.quirks.mirrors)
    assert spec.one_of == tuple((o.structure, o.selector, o.members) for o in pair.quirks.one_of)
    assert pair.omitted is not None, f"{update} has no entry in codegen/resets.py"
    assert spec.omitted == pair.omitted.basis
    assert dict(spec.defaults) == {path: d.value for path, d in pair.omitted.defaults.items()}
    assert spec.keeps == tuple(pair.omitted.keeps)
    assert spec.resource_model.__name__ == resource_shape(update).name
    # And the carried members are what the model says, re-derived here without codegen.
    assert dict(spec.carried) == model_carried(update)
    assert callable(getattr(CognitoIdentityProvider, method(update, "plan_")))
    assert callable(getattr(CognitoIdentityProvider, method(update, "merge_")))


def test_read_only_members_are_not_carried() -> None:
    pool = set(SPECS["UpdateUserPool"].carried.values())
    for read_only in (
        "Id",
        "Arn",
        "Status",
        "CreationDate",
        "LastModifiedDate",
        "EstimatedNumberOfUsers",
        "SchemaAttributes",
        "Domain",
        "CustomDomain",
        "UsernameAttributes",
        "AliasAttributes",
    ):
        assert read_only not in pool
    client = set(SPECS["UpdateUserPoolClient"].carried.values())
    for read_only in ("ClientSecret", "ClientSecretArn", "CreationDate", "LastModifiedDate", "ClientType"):
        assert read_only not in client
    # The rename: the pool's name is returned as Name and sent as PoolName.
    assert SPECS["UpdateUserPool"].carried["PoolName"] == "Name"
    # The settings a raw pool update is known to reset are carried.
    for kept in ("DeviceConfiguration", "UserPoolTags", "DeletionProtection", "UserAttributeUpdateSettings"):
        assert SPECS["UpdateUserPool"].carried[kept] == kept


# --- the full update for a one-field change, every pair, every carried member ------------------


def _update_response(update: str, sent: dict[str, Any]) -> dict[str, Any]:
    """What the stubbed update answers: the resource as updated when the update returns it."""
    spec = SPECS[update]
    if spec.updated is None:
        output = operation(update).output
        return {} if output is None else rich()(output)
    resource = rich_resource(update)  # a member sent absent keeps a value: the service's default
    for update_wire, describe_wire in spec.carried.items():
        if update_wire in sent:
            resource[describe_wire] = sent[update_wire]
    return {spec.updated: resource}


@pytest.mark.parametrize(("update", "member"), CARRIED, ids=[f"{u}.{m}" for u, m in CARRIED])
def test_one_field_change_sends_the_full_update(update: str, member: str) -> None:
    skip_unless_installed_has_pair(update, member)
    spec = SPECS[update]
    current = rich_resource(update)
    ids = id_values(update, current)
    new = change_value(update, member)
    assert new != current[spec.carried[member]]
    sent = expected_update(update, current, ids, {member: new})

    # Everything carried is sent, read-only members are not, the renamed member goes by its update name.
    returned = set(current)
    read_only = returned - set(spec.carried.values()) - set(ids)
    assert not (read_only & set(sent))
    # The carried members the resource has: all of them on the pinned botocore, those of the installed model else.
    here = installed_carried(update)
    assert here == dict(spec.carried) or INSTALLED != GENERATED_FROM
    for update_wire, describe_wire in here.items():
        if update_wire == member or (update == "UpdateUserPool" and update_wire == "AdminCreateUserConfig"):
            continue
        if update == "UpdateUserPool" and update_wire in ("VerificationMessageTemplate", *LEGACY_TEMPLATE):
            continue  # kept equal to each other, one message per email option: checked below
        assert sent[update_wire] == current[describe_wire]
    if update == "UpdateUserPool":
        template = sent["VerificationMessageTemplate"]
        unused = EMAIL_MESSAGE_UNUSED[template["DefaultEmailOption"]]
        assert unused not in template
        assert {k: v for k, v in current["VerificationMessageTemplate"].items() if k != unused} == template or (
            member in ("VerificationMessageTemplate", *LEGACY_TEMPLATE)
        )
        for legacy, in_template in LEGACY_TEMPLATE.items():
            if in_template in template:
                assert sent[legacy] == template[in_template]

    response = _update_response(update, sent)
    with stubbed() as (client, stub):
        stub.add_response(describe_op(update).py_name, describe_response(update, current), ids)
        stub.add_response(operation(update).py_name, response, sent)
        result = getattr(client, method(update))(**kwargs_for(update, ids, {member: new}))

    assert type(result) is spec.resource_model
    if spec.updated is not None:
        assert result == spec.resource_model.from_wire(response[spec.updated])
    else:  # no resource in the answer: the current one with the update laid over it
        got = result.to_wire().get(spec.carried[member])
        assert got == (None if new is RESET else sent[member])


@pytest.mark.parametrize("update", PAIRS)
def test_nothing_changed_sends_no_update(update: str) -> None:
    skip_unless_installed_has_pair(update)
    current = rich_resource(update)
    ids = id_values(update, current)
    with stubbed() as (client, stub):  # only the describe is queued: an update would fail the test
        stub.add_response(describe_op(update).py_name, describe_response(update, current), ids)
        result = getattr(client, method(update))(**kwargs_for(update, ids, {}))
    assert result == SPECS[update].resource_model.from_wire(current)


@pytest.mark.parametrize("update", PAIRS)
def test_passing_the_current_values_sends_no_update(update: str) -> None:
    """Every carried member passed with the value it has: nothing changes, nothing is sent."""
    skip_unless_installed_has_pair(update)
    spec = SPECS[update]
    current = rich_resource(update)
    ids = id_values(update, current)
    # UnusedAccountValidityDays included: passed back unchanged, it is no change (and still not sent). Every
    # carried member the installed botocore can send (all of them on the pinned one).
    same = {u: current[d] for u, d in installed_carried(update).items()}
    assert same.keys() == spec.carried.keys() or INSTALLED != GENERATED_FROM
    with stubbed() as (client, stub):
        stub.add_response(describe_op(update).py_name, describe_response(update, current), ids)
        plan = getattr(client, method(update, "plan_"))(**kwargs_for(update, ids, same))
        assert plan.noop and plan.changes == ()
        assert client.apply(plan) is plan.current


# --- the two main pairs, spelled out by hand --------------------------------------------------

POOL = "us-east-1_Example1"
CLIENT = "1example23456789"
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"

CLIENT_NOW: dict[str, Any] = {
    "UserPoolId": POOL,
    "ClientName": "web",
    "ClientId": CLIENT,
    "ClientSecret": "s3cr3tvalue0123456789abcdefghijkl",
    "LastModifiedDate": rich()("DateType"),
    "CreationDate": rich()("DateType"),
    "RefreshTokenValidity": 30,
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "ReadAttributes": ["email", "name"],
    "WriteAttributes": ["name"],
    "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
    "SupportedIdentityProviders": ["COGNITO"],
    "CallbackURLs": ["https://app.example.com/callback", "http://localhost:3000/callback"],
    "LogoutURLs": ["https://app.example.com/logout"],
    "DefaultRedirectURI": "https://app.example.com/callback",
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthScopes": ["openid", "email"],
    "AllowedOAuthFlowsUserPoolClient": True,
    "AnalyticsConfiguration": {
        "ApplicationId": "0123456789abcdef0123456789abcdef",
        "RoleArn": "arn:aws:iam::123456789012:role/analytics",
        "ExternalId": "ext",
        "UserDataShared": False,
    },
    "PreventUserExistenceErrors": "ENABLED",
    "EnableTokenRevocation": True,
    "EnablePropagateAdditionalUserContextData": True,
    "AuthSessionValidity": 5,
    "RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 10},
}
CLIENT_SENT: dict[str, Any] = {
    "UserPoolId": POOL,
    "ClientId": CLIENT,
    "ClientName": "web-renamed",  # the change
    "RefreshTokenValidity": 30,
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "ReadAttributes": ["email", "name"],
    "WriteAttributes": ["name"],
    "ExplicitAuthFlows": ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
    "SupportedIdentityProviders": ["COGNITO"],
    "CallbackURLs": ["https://app.example.com/callback", "http://localhost:3000/callback"],
    "LogoutURLs": ["https://app.example.com/logout"],
    "DefaultRedirectURI": "https://app.example.com/callback",
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthScopes": ["openid", "email"],
    "AllowedOAuthFlowsUserPoolClient": True,
    "AnalyticsConfiguration": {
        "ApplicationId": "0123456789abcdef0123456789abcdef",
        "RoleArn": "arn:aws:iam::123456789012:role/analytics",
        "ExternalId": "ext",
        "UserDataShared": False,
    },
    "PreventUserExistenceErrors": "ENABLED",
    "EnableTokenRevocation": True,
    "EnablePropagateAdditionalUserContextData": True,
    "AuthSessionValidity": 5,
    "RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 10},
}


# On an older botocore the hand-written resources and updates lose the members its model lacks (installed_only):
# what is left is still sent exactly.


def test_app_client_rename_sends_every_setting_by_hand() -> None:
    now = installed_only("UserPoolClientType", CLIENT_NOW)
    updated = {**now, "ClientName": "web-renamed"}
    with stubbed() as (client, stub):
        stub.add_response(
            "describe_user_pool_client", {"UserPoolClient": now}, {"UserPoolId": POOL, "ClientId": CLIENT}
        )
        stub.add_response(
            "update_user_pool_client",
            {"UserPoolClient": updated},
            installed_only("UpdateUserPoolClientRequest", CLIENT_SENT),
        )
        result = client.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-renamed")
    assert result.client_name == "web-renamed"
    assert result.client_secret == CLIENT_NOW["ClientSecret"]  # the response's resource, read-only parts too


POOL_NOW: dict[str, Any] = {
    "Id": POOL,
    "Name": "customers",
    "Arn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL,
    "Status": "Enabled",
    "CreationDate": rich()("DateType"),
    "LastModifiedDate": rich()("DateType"),
    "EstimatedNumberOfUsers": 42,
    "Domain": "customers-auth",
    "CustomDomain": "auth.example.com",
    "SchemaAttributes": [{"Name": "email", "AttributeDataType": "String", "Mutable": True, "Required": True}],
    "UsernameAttributes": ["email"],
    "UsernameConfiguration": {"CaseSensitive": False},
    "EmailConfigurationFailure": "none",
    "SmsConfigurationFailure": "none",
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 12,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "PasswordHistorySize": 5,
            "TemporaryPasswordValidityDays": 3,
        },
        "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {
        "PreSignUp": LAMBDA + "pre-sign-up",
        "PostConfirmation": LAMBDA + "post-confirmation",
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": LAMBDA + "pre-token"},
    },
    "AutoVerifiedAttributes": ["email"],
    "SmsVerificationMessage": "Your code is {####}",
    "EmailVerificationMessage": "Your code is {####}",
    "EmailVerificationSubject": "Your code",
    "VerificationMessageTemplate": {
        "SmsMessage": "Your code is {####}",
        "EmailMessage": "Your code is {####}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
    },
    "SmsAuthenticationMessage": "Your sign-in code is {####}",
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "MfaConfiguration": "OPTIONAL",
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "SmsConfiguration": {
        "SnsCallerArn": "arn:aws:iam::123456789012:role/sms",
        "ExternalId": "ext",
        "SnsRegion": "us-east-1",
    },
    "UserPoolTags": {"team": "identity", "env": "prod"},
    "AdminCreateUserConfig": {
        "AllowAdminCreateUserOnly": True,
        "UnusedAccountValidityDays": 3,
        "InviteMessageTemplate": {"EmailSubject": "Welcome", "EmailMessage": "Hi {username}, {####}"},
    },
    "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    "UserPoolTier": "ESSENTIALS",
}
POOL_SENT: dict[str, Any] = {
    "UserPoolId": POOL,
    "PoolName": "customers",
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 14,  # the change: one member of a nested structure
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "PasswordHistorySize": 5,
            "TemporaryPasswordValidityDays": 3,
        },
        "SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP"]},
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {
        "PreSignUp": LAMBDA + "pre-sign-up",
        "PostConfirmation": LAMBDA + "post-confirmation",
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": LAMBDA + "pre-token"},
    },
    "AutoVerifiedAttributes": ["email"],
    "SmsVerificationMessage": "Your code is {####}",
    "EmailVerificationMessage": "Your code is {####}",
    "EmailVerificationSubject": "Your code",
    "VerificationMessageTemplate": {
        "SmsMessage": "Your code is {####}",
        "EmailMessage": "Your code is {####}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
    },
    "SmsAuthenticationMessage": "Your sign-in code is {####}",
    "UserAttributeUpdateSettings": {"AttributesRequireVerificationBeforeUpdate": ["email"]},
    "MfaConfiguration": "OPTIONAL",
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "SmsConfiguration": {
        "SnsCallerArn": "arn:aws:iam::123456789012:role/sms",
        "ExternalId": "ext",
        "SnsRegion": "us-east-1",
    },
    "UserPoolTags": {"team": "identity", "env": "prod"},
    "AdminCreateUserConfig": {  # UnusedAccountValidityDays dropped: TemporaryPasswordValidityDays is set
        "AllowAdminCreateUserOnly": True,
        "InviteMessageTemplate": {"EmailSubject": "Welcome", "EmailMessage": "Hi {username}, {####}"},
    },
    "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    "UserPoolTier": "ESSENTIALS",
}


def test_pool_password_length_change_sends_every_setting_by_hand() -> None:
    from cognito_typed.models import PasswordPolicyType, UserPoolPolicyType

    with stubbed() as (client, stub):
        stub.add_response(
            "describe_user_pool", {"UserPool": installed_only("UserPoolType", POOL_NOW)}, {"UserPoolId": POOL}
        )
        stub.add_response("update_user_pool", {}, installed_only("UpdateUserPoolRequest", POOL_SENT))
        result = client.merge_update_user_pool(
            user_pool_id=POOL,
            policies=UserPoolPolicyType(password_policy=PasswordPolicyType(minimum_length=14)),
        )
    # UpdateUserPool returns nothing: the result is the pool as it was, with the update laid over it.
    assert result.policies is not None and result.policies.password_policy is not None
    assert result.policies.password_policy.minimum_length == 14
    assert result.policies.password_policy.require_symbols is False
    assert result.name == "customers" and result.arn == POOL_NOW["Arn"]
    assert result.user_pool_tags == {"team": "identity", "env": "prod"}


def test_pool_reset_sends_the_field_absent() -> None:
    sent = {k: v for k, v in POOL_SENT.items() if k != "LambdaConfig"}
    sent["Policies"] = POOL_NOW["Policies"]
    with stubbed() as (client, stub):
        stub.add_response(
            "describe_user_pool", {"UserPool": installed_only("UserPoolType", POOL_NOW)}, {"UserPoolId": POOL}
        )
        stub.add_response("update_user_pool", {}, installed_only("UpdateUserPoolRequest", sent))
        result = client.merge_update_user_pool(user_pool_id=POOL, lambda_config=RESET)
    assert result.lambda_config is None
