"""The rules the model's own documentation states about an update's payload, one test each
(codegen/merge_quirks.py: mirrors, one-of, describe-only keys), and contradictory arguments.

Each test queues the describe and exactly the update the documentation allows: without the quirk
entry, the merge sends another request and the Stubber fails the test.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
import support
from merge_helpers import stubbed
from test_merge_pairs import CLIENT, CLIENT_NOW, CLIENT_SENT, LAMBDA, POOL, POOL_NOW

from cognito_typed import RESET, ValidationError
from cognito_typed.models import LambdaConfigType, PreTokenGenerationVersionConfigType, VerificationMessageTemplateType

POOL_IDS = {"UserPoolId": POOL}
CLIENT_IDS = {"UserPoolId": POOL, "ClientId": CLIENT}


def pool_now(**changes: Any) -> dict[str, Any]:
    pool = copy.deepcopy(POOL_NOW)
    pool.update(changes)
    return pool


def sent_for(now: dict[str, Any]) -> dict[str, Any]:
    """The update that carries ``now`` unchanged (the read-only members left out, the traps applied)."""
    read_only = {"Id", "Arn", "Status", "CreationDate", "LastModifiedDate", "EstimatedNumberOfUsers", "Domain"}
    read_only |= {"CustomDomain", "SchemaAttributes", "UsernameAttributes", "UsernameConfiguration"}
    read_only |= {"EmailConfigurationFailure", "SmsConfigurationFailure", "AliasAttributes"}
    sent = {k: copy.deepcopy(v) for k, v in now.items() if k not in read_only and k != "Name"}
    sent["PoolName"] = now["Name"]
    sent["UserPoolId"] = POOL
    admin = sent.get("AdminCreateUserConfig", {})
    admin.pop("UnusedAccountValidityDays", None)  # TemporaryPasswordValidityDays is set
    return sent


def merged_pool(now: dict[str, Any], sent: dict[str, Any], **kwargs: Any) -> None:
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        client.merge_update_user_pool(user_pool_id=POOL, **kwargs)


def refused(now: dict[str, Any] | None, **kwargs: Any) -> ValidationError:
    """Refused before the update (and before the describe when ``now`` is None)."""
    with stubbed() as (client, stub):
        if now is not None:
            stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        with pytest.raises(ValidationError) as caught:
            client.merge_update_user_pool(user_pool_id=POOL, **kwargs)
    return caught.value


LEGACY_NOW = pool_now(
    LambdaConfig={
        "PreTokenGeneration": LAMBDA + "pre-token",
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": LAMBDA + "pre-token"},
    }
)

# --- "If you also set an ARN in PreTokenGenerationConfig, its value must be identical to PreTokenGeneration."

# The mirror's other side: botocore 1.30.1's model has no PreTokenGenerationConfig.
mirror = support.needs_installed_member("LambdaConfigType", "PreTokenGenerationConfig")


@mirror
def test_a_new_pre_token_arn_is_sent_to_the_legacy_trigger_too() -> None:
    sent = sent_for(LEGACY_NOW)
    new = LAMBDA + "pre-token-v2"
    sent["LambdaConfig"] = {
        "PreTokenGeneration": new,
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": new},
    }
    config = PreTokenGenerationVersionConfigType(lambda_version="V2_0", lambda_arn=new)
    merged_pool(LEGACY_NOW, sent, lambda_config=LambdaConfigType(pre_token_generation_config=config))


@mirror
def test_a_new_legacy_trigger_is_sent_to_the_config_too() -> None:
    sent = sent_for(LEGACY_NOW)
    new = LAMBDA + "pre-token-v2"
    sent["LambdaConfig"] = {
        "PreTokenGeneration": new,
        "PreTokenGenerationConfig": {"LambdaVersion": "V2_0", "LambdaArn": new},
    }
    merged_pool(LEGACY_NOW, sent, lambda_config=LambdaConfigType(pre_token_generation=new))


@mirror
def test_without_a_legacy_trigger_none_is_added() -> None:
    now = pool_now()  # PreTokenGenerationConfig only
    assert "PreTokenGeneration" not in now["LambdaConfig"]
    sent = sent_for(now)
    new = LAMBDA + "pre-token-v2"
    sent["LambdaConfig"]["PreTokenGenerationConfig"]["LambdaArn"] = new
    config = PreTokenGenerationVersionConfigType(lambda_version="V2_0", lambda_arn=new)
    merged_pool(now, sent, lambda_config=LambdaConfigType(pre_token_generation_config=config))


@mirror
def test_resetting_the_config_resets_the_legacy_trigger() -> None:
    sent = sent_for(LEGACY_NOW)
    sent["LambdaConfig"] = {k: v for k, v in sent["LambdaConfig"].items() if not k.startswith("PreTokenGeneration")}
    merged_pool(LEGACY_NOW, sent, reset_paths=["LambdaConfig.PreTokenGenerationConfig"])


@mirror
def test_resetting_the_legacy_trigger_resets_the_config() -> None:
    """The config without its LambdaArn lacks a required member: it goes as a whole."""
    sent = sent_for(LEGACY_NOW)
    sent["LambdaConfig"] = {k: v for k, v in sent["LambdaConfig"].items() if not k.startswith("PreTokenGeneration")}
    merged_pool(LEGACY_NOW, sent, reset_paths=["LambdaConfig.PreTokenGeneration"])


@mirror
def test_two_different_pre_token_arns_are_refused_before_any_call() -> None:
    config = PreTokenGenerationVersionConfigType(lambda_version="V2_0", lambda_arn=LAMBDA + "a")
    error = refused(
        LEGACY_NOW,
        lambda_config=LambdaConfigType(pre_token_generation=LAMBDA + "b", pre_token_generation_config=config),
    )
    (violation,) = error.violations
    assert violation.path == "LambdaConfig.PreTokenGeneration"
    assert "identical to LambdaConfig.PreTokenGenerationConfig.LambdaArn" in violation.rule


@mirror
def test_a_config_given_while_its_mirror_is_reset_is_refused() -> None:
    config = PreTokenGenerationVersionConfigType(lambda_version="V2_0", lambda_arn=LAMBDA + "a")
    error = refused(
        None,
        lambda_config=LambdaConfigType(pre_token_generation_config=config),
        reset_paths=["LambdaConfig.PreTokenGeneration"],
    )
    assert {v.path for v in error.violations} == {"LambdaConfig.PreTokenGenerationConfig.LambdaArn"}
    assert "mirror" in error.violations[0].problem


# --- the legacy verification members and the template ----------------------------------------------


def test_a_new_legacy_subject_is_sent_in_the_template_too() -> None:
    """The README's own example: the legacy member alone would be sent beside the old template value."""
    sent = sent_for(POOL_NOW)
    sent["EmailVerificationSubject"] = "Your new code"
    sent["VerificationMessageTemplate"]["EmailSubject"] = "Your new code"
    merged_pool(POOL_NOW, sent, email_verification_subject="Your new code")


def test_a_new_template_is_sent_to_the_legacy_members_too() -> None:
    sent = sent_for(POOL_NOW)
    sent["EmailVerificationSubject"] = sent["VerificationMessageTemplate"]["EmailSubject"] = "New"
    sent["SmsVerificationMessage"] = sent["VerificationMessageTemplate"]["SmsMessage"] = "Code: {####}"
    merged_pool(
        POOL_NOW,
        sent,
        verification_message_template=VerificationMessageTemplateType(email_subject="New", sms_message="Code: {####}"),
    )


def test_resetting_the_template_resets_the_legacy_members() -> None:
    sent = sent_for(POOL_NOW)
    for key in ("VerificationMessageTemplate", "EmailVerificationSubject", "EmailVerificationMessage"):
        del sent[key]
    del sent["SmsVerificationMessage"]
    merged_pool(POOL_NOW, sent, verification_message_template=RESET)


def test_a_legacy_subject_different_from_the_new_template_subject_is_refused() -> None:
    error = refused(
        POOL_NOW,
        email_verification_subject="A",
        verification_message_template=VerificationMessageTemplateType(email_subject="B"),
    )
    assert [v.path for v in error.violations] == ["EmailVerificationSubject"]


# --- "When you supply both parameters with either choice, Amazon Cognito returns an error." -------


@pytest.mark.parametrize(
    ("option", "kept", "dropped"),
    [
        ("CONFIRM_WITH_CODE", "EmailMessage", "EmailMessageByLink"),
        ("CONFIRM_WITH_LINK", "EmailMessageByLink", "EmailMessage"),
    ],
)
def test_a_described_template_with_both_messages_is_sent_with_the_one_its_option_uses(
    option: str, kept: str, dropped: str
) -> None:
    template = {
        "SmsMessage": "Your code is {####}",
        "EmailMessage": "Your code is {####}",
        "EmailMessageByLink": "Verify: {##here##}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": option,
    }
    now = pool_now(VerificationMessageTemplate=template)
    sent = sent_for(now)
    del sent["VerificationMessageTemplate"][dropped]
    sent["MfaConfiguration"] = "ON"
    if dropped == "EmailMessage":  # the legacy member mirrors the template's code message, absent now
        sent["EmailVerificationMessage"] = now["EmailVerificationMessage"]
    assert kept in sent["VerificationMessageTemplate"]
    merged_pool(now, sent, mfa_configuration="ON")


def test_the_plan_lists_the_message_the_option_leaves_out_as_lost() -> None:
    """Found by review: the message the option does not use is not sent, and the update replaces the
    template, so the pool loses it; the plan had not said so (noop stays noop: nothing is sent then)."""
    template = {
        "EmailMessage": "Your code is {####}",
        "EmailMessageByLink": "Verify: {##here##}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": "CONFIRM_WITH_LINK",
    }
    now = pool_now(VerificationMessageTemplate=template)
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        changed = client.plan_update_user_pool(user_pool_id=POOL, mfa_configuration="ON")
        unchanged = client.plan_update_user_pool(user_pool_id=POOL)
    lost = ("VerificationMessageTemplate.EmailMessage", "Your code is {####}", None)
    assert [(c.path, c.current, c.new) for c in changed.changes] == [("MfaConfiguration", "OPTIONAL", "ON"), lost]
    assert "VerificationMessageTemplate.EmailMessage" in changed.table()
    assert unchanged.noop
    # passed back as it is (a template replaced with one member changed): lost the same, and listed
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        current = client.plan_update_user_pool(user_pool_id=POOL).current.verification_message_template
        assert current is not None
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        back = client.plan_update_user_pool(
            user_pool_id=POOL, verification_message_template=dataclasses.replace(current, email_subject="New")
        )
    assert lost in [(c.path, c.current, c.new) for c in back.changes]


def test_a_link_message_given_for_the_code_option_is_refused() -> None:
    error = refused(
        POOL_NOW,
        verification_message_template=VerificationMessageTemplateType(email_message_by_link="Verify: {##here##}"),
    )
    (violation,) = error.violations
    assert violation.path == "VerificationMessageTemplate.EmailMessageByLink"
    assert "DefaultEmailOption is CONFIRM_WITH_CODE" in violation.problem


def test_changing_the_option_with_its_message_is_sent() -> None:
    sent = sent_for(POOL_NOW)
    sent["VerificationMessageTemplate"] = {
        "SmsMessage": "Your code is {####}",
        "EmailSubject": "Your code",
        "EmailMessageByLink": "Verify: {##here##}",
        "DefaultEmailOption": "CONFIRM_WITH_LINK",
    }
    merged_pool(
        POOL_NOW,
        sent,
        verification_message_template=VerificationMessageTemplateType(
            default_email_option="CONFIRM_WITH_LINK", email_message_by_link="Verify: {##here##}"
        ),
    )


# --- ProviderDetails keys that only describe returns ----------------------------------------------

GOOGLE_DETAILS = {  # the documented Google describe response
    "attributes_url": "https://people.googleapis.com/v1/people/me?personFields=",
    "attributes_url_add_attributes": "true",
    "authorize_scopes": "email profile openid",
    "authorize_url": "https://accounts.google.com/o/oauth2/v2/auth",
    "client_id": "1example23456789.apps.googleusercontent.com",
    "client_secret": "provider-app-client-secret",
    "oidc_issuer": "https://accounts.google.com",
    "token_request_method": "POST",
    "token_url": "https://www.googleapis.com/oauth2/v4/token",
}
OIDC_DETAILS = {  # the documented OIDC describe response
    "attributes_request_method": "GET",
    "attributes_url": "https://auth.example.com/userInfo",
    "attributes_url_add_attributes": "false",
    "authorize_scopes": "openid profile email",
    "authorize_url": "https://auth.example.com/authorize",
    "client_id": "1example23456789",
    "client_secret": "provider-app-client-secret",
    "jwks_uri": "https://auth.example.com/.well-known/jwks.json",
    "oidc_issuer": "https://auth.example.com",
    "token_url": "https://example.com/token",
}


def provider(kind: str, details: dict[str, str]) -> dict[str, Any]:
    return {
        "UserPoolId": POOL,
        "ProviderName": kind,
        "ProviderType": kind,
        "ProviderDetails": details,
        "AttributeMapping": {"email": "email"},
    }


@pytest.mark.parametrize(
    ("kind", "details", "request_keys"),
    [
        ("Google", GOOGLE_DETAILS, {"authorize_scopes", "client_id", "client_secret"}),
        ("OIDC", OIDC_DETAILS, set(OIDC_DETAILS) - {"attributes_url_add_attributes"}),
    ],
)
def test_provider_details_are_sent_with_the_keys_a_request_takes(
    kind: str, details: dict[str, str], request_keys: set[str]
) -> None:
    ids = {"UserPoolId": POOL, "ProviderName": kind}
    now = provider(kind, details)
    sent = {
        **ids,
        "ProviderDetails": {k: v for k, v in details.items() if k in request_keys},
        "AttributeMapping": {"email": "email", "name": "name"},
    }
    with stubbed() as (client, stub):
        stub.add_response("describe_identity_provider", {"IdentityProvider": now}, ids)
        stub.add_response("update_identity_provider", {"IdentityProvider": now}, sent)
        client.merge_update_identity_provider(
            user_pool_id=POOL, provider_name=kind, attribute_mapping={"email": "email", "name": "name"}
        )


def test_details_passed_back_as_described_are_sent_without_the_describe_only_keys() -> None:
    ids = {"UserPoolId": POOL, "ProviderName": "Google"}
    now = provider("Google", GOOGLE_DETAILS)
    details = {**GOOGLE_DETAILS, "authorize_scopes": "email openid"}  # read, changed, passed back whole
    sent = {
        **ids,
        "ProviderDetails": {k: details[k] for k in ("authorize_scopes", "client_id", "client_secret")},
        "AttributeMapping": {"email": "email"},
    }
    with stubbed() as (client, stub):
        stub.add_response("describe_identity_provider", {"IdentityProvider": now}, ids)
        stub.add_response("update_identity_provider", {"IdentityProvider": now}, sent)
        client.merge_update_identity_provider(user_pool_id=POOL, provider_name="Google", provider_details=details)


def test_a_describe_only_key_given_a_new_value_is_refused() -> None:
    ids = {"UserPoolId": POOL, "ProviderName": "Google"}
    with stubbed() as (client, stub):
        stub.add_response("describe_identity_provider", {"IdentityProvider": provider("Google", GOOGLE_DETAILS)}, ids)
        with pytest.raises(ValidationError) as caught:
            client.merge_update_identity_provider(
                user_pool_id=POOL,
                provider_name="Google",
                provider_details={**GOOGLE_DETAILS, "token_url": "https://example.com/token"},
            )
    (violation,) = caught.value.violations
    assert violation.path == "ProviderDetails.token_url"
    assert "returned by describe only" in violation.problem


# --- contradictory arguments -----------------------------------------------------------------------


def test_a_value_and_a_reset_of_the_same_nested_member_are_refused_before_any_call() -> None:
    error = refused(
        None, lambda_config=LambdaConfigType(pre_sign_up=LAMBDA + "new"), reset_paths=["LambdaConfig.PreSignUp"]
    )
    assert [v.path for v in error.violations] == ["LambdaConfig.PreSignUp"]
    assert "both given a new value and reset" in error.violations[0].problem


def test_a_value_for_one_nested_member_and_a_reset_of_another_are_both_sent() -> None:
    sent = sent_for(POOL_NOW)
    sent["LambdaConfig"] = {
        "PreSignUp": LAMBDA + "new",
        "PreTokenGenerationConfig": POOL_NOW["LambdaConfig"]["PreTokenGenerationConfig"],
    }
    merged_pool(
        POOL_NOW,
        sent,
        lambda_config=LambdaConfigType(pre_sign_up=LAMBDA + "new"),
        reset_paths=["LambdaConfig.PostConfirmation"],
    )


# --- values the caller never passed do not block a merge -----------------------------------------


@pytest.mark.parametrize(
    "returned",
    [
        {"PreventUserExistenceErrors": "SOMETHING_NEWER"},  # an enum value newer than the model
        {"ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_FUTURE_AUTH"]},
        {"RefreshTokenValidity": 0},  # outside the unit-aware range: Cognito's own value
    ],
)
def test_a_returned_value_our_rules_would_refuse_is_carried_as_returned(returned: dict[str, Any]) -> None:
    now = {**CLIENT_NOW, **returned}
    sent = {**CLIENT_SENT, **returned}
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, CLIENT_IDS)
        stub.add_response("update_user_pool_client", {"UserPoolClient": {**now, "ClientName": "web-renamed"}}, sent)
        client.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-renamed")
