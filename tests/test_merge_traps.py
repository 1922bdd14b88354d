"""The known traps of Cognito's update calls, one test each, over a stubbed real botocore client.

Where the current resource matters, the describe is queued and the update is not: a test that
expects a ``ValidationError`` then also proves the update was never sent (botocore's Stubber
raises ``UnStubbedResponseError`` for a call nothing was queued for). Where the input is bad on
its own, nothing is queued at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import support
from merge_helpers import (
    SPECS,
    describe_op,
    id_values,
    method,
    py,
    rich_resource,
    skip_unless_installed_has_pair,
    stubbed,
    update_shape,
)
from support import SERVICE, skip_unless_installed_has_member
from test_merge_pairs import CLIENT, CLIENT_NOW, CLIENT_SENT, POOL, POOL_NOW, POOL_SENT

from cognito_typed import RESET, ValidationError, Violation
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.models import (
    AdminCreateUserConfigType,
    PasswordPolicyType,
    RiskExceptionConfigurationType,
    TokenValidityUnitsType,
    UserPoolPolicyType,
)

CLIENT_IDS = {"UserPoolId": POOL, "ClientId": CLIENT}
POOL_IDS = {"UserPoolId": POOL}


def client_update(
    call: Callable[[CognitoIdentityProvider], Any],
    sent: dict[str, Any],
    now: dict[str, Any] = CLIENT_NOW,
) -> Any:
    """Describe ``now``, expect exactly ``sent`` as the update."""
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, CLIENT_IDS)
        stub.add_response("update_user_pool_client", {"UserPoolClient": now}, sent)
        return call(client)


def client_refused(call: Callable[[CognitoIdentityProvider], Any], now: dict[str, Any] = CLIENT_NOW) -> ValidationError:
    """Describe ``now``; the update must be refused before it is sent."""
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, CLIENT_IDS)
        with pytest.raises(ValidationError) as caught:
            call(client)
    return caught.value


def refused_without_any_call(call: Callable[[CognitoIdentityProvider], Any]) -> ValidationError:
    """Nothing queued: input that is bad on its own must be refused before the describe too."""
    with stubbed() as (client, _), pytest.raises(ValidationError) as caught:
        call(client)
    return caught.value


def paths(error: ValidationError) -> set[str]:
    return {v.path for v in error.violations}


def merge_client(**kwargs: Any) -> Callable[[CognitoIdentityProvider], Any]:
    return lambda client: client.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, **kwargs)


def merge_pool(**kwargs: Any) -> Callable[[CognitoIdentityProvider], Any]:
    return lambda client: client.merge_update_user_pool(user_pool_id=POOL, **kwargs)


# --- UnusedAccountValidityDays vs TemporaryPasswordValidityDays ------------------------------------


def test_unused_account_validity_is_dropped_when_temporary_password_validity_is_set() -> None:
    assert "UnusedAccountValidityDays" in POOL_NOW["AdminCreateUserConfig"]
    assert "TemporaryPasswordValidityDays" in POOL_NOW["Policies"]["PasswordPolicy"]
    sent = {**POOL_SENT, "Policies": POOL_NOW["Policies"], "MfaConfiguration": "ON"}
    assert "UnusedAccountValidityDays" not in sent["AdminCreateUserConfig"]
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        merge_pool(mfa_configuration="ON")(client)


def test_unused_account_validity_is_carried_when_it_is_the_only_one() -> None:
    policy = {k: v for k, v in POOL_NOW["Policies"]["PasswordPolicy"].items() if k != "TemporaryPasswordValidityDays"}
    now = {**POOL_NOW, "Policies": {**POOL_NOW["Policies"], "PasswordPolicy": policy}}
    sent = {**POOL_SENT, "Policies": now["Policies"], "AdminCreateUserConfig": POOL_NOW["AdminCreateUserConfig"]}
    sent["EmailVerificationSubject"] = "New subject"  # and the template's, which the service keeps equal
    sent["VerificationMessageTemplate"] = {**POOL_SENT["VerificationMessageTemplate"], "EmailSubject": "New subject"}
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": now}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        merge_pool(email_verification_subject="New subject")(client)


def test_changing_unused_account_validity_while_temporary_password_validity_is_set_is_refused() -> None:
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        with pytest.raises(ValidationError) as caught:
            merge_pool(admin_create_user_config=AdminCreateUserConfigType(unused_account_validity_days=30))(client)
    assert paths(caught.value) == {"AdminCreateUserConfig.UnusedAccountValidityDays"}
    assert "TemporaryPasswordValidityDays" in str(caught.value)


def test_unused_account_validity_can_be_sent_once_the_password_policy_is_reset() -> None:
    sent = {k: v for k, v in POOL_SENT.items() if k != "Policies"}
    sent["AdminCreateUserConfig"] = {**POOL_NOW["AdminCreateUserConfig"], "UnusedAccountValidityDays": 30}
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        merge_pool(policies=RESET, admin_create_user_config=AdminCreateUserConfigType(unused_account_validity_days=30))(
            client
        )


def test_passing_back_the_unchanged_unused_account_validity_is_not_a_change() -> None:
    as_described = AdminCreateUserConfigType.from_wire(POOL_NOW["AdminCreateUserConfig"])
    sent = {**POOL_SENT, "Policies": POOL_NOW["Policies"]}
    sent["AdminCreateUserConfig"] = {**POOL_SENT["AdminCreateUserConfig"], "AllowAdminCreateUserOnly": False}
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        merge_pool(admin_create_user_config=as_described.__replace__(allow_admin_create_user_only=False))(client)


# --- token validities and their units ---------------------------------------------------------


def test_a_validity_change_is_sent_with_all_three_validities_and_their_units() -> None:
    sent = {**CLIENT_SENT, "ClientName": "web", "AccessTokenValidity": 30}
    client_update(merge_client(access_token_validity=30), sent)


def test_a_unit_change_merges_into_the_units_and_keeps_the_validities() -> None:
    sent = {**CLIENT_SENT, "ClientName": "web", "RefreshTokenValidity": 30}
    sent["TokenValidityUnits"] = {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "hours"}
    client_update(merge_client(token_validity_units=TokenValidityUnitsType(refresh_token="hours")), sent)


def test_access_token_validity_2_in_minutes_is_refused_before_sending() -> None:
    assert CLIENT_NOW["TokenValidityUnits"]["AccessToken"] == "minutes"
    error = client_refused(merge_client(access_token_validity=2))
    assert paths(error) == {"AccessTokenValidity"}
    assert "2 minutes" in str(error)


def test_a_unit_change_that_puts_a_carried_validity_out_of_range_is_refused() -> None:
    # 60 minutes is fine; 60 hours is more than a day.
    error = client_refused(merge_client(token_validity_units=TokenValidityUnitsType(access_token="hours")))
    assert paths(error) == {"AccessTokenValidity"}


OK, NEEDS_CURRENT, ALONE = "sent", "refused after the describe", "refused before any call"
IN_MINUTES = TokenValidityUnitsType(refresh_token="minutes")


@pytest.mark.parametrize(
    ("kwargs", "outcome"),
    [
        # The current units (CLIENT_NOW): access and ID tokens in minutes, refresh tokens in days.
        ({"access_token_validity": 5}, OK),
        ({"access_token_validity": 4}, NEEDS_CURRENT),
        ({"access_token_validity": 1440}, OK),
        ({"access_token_validity": 1441}, NEEDS_CURRENT),
        ({"id_token_validity": 5}, OK),
        ({"id_token_validity": 4}, NEEDS_CURRENT),
        ({"id_token_validity": 1441}, NEEDS_CURRENT),
        ({"refresh_token_validity": 3650}, OK),
        ({"refresh_token_validity": 3651}, NEEDS_CURRENT),
        # With the unit given too, the value is judged before anything is read.
        ({"refresh_token_validity": 60, "token_validity_units": IN_MINUTES}, OK),
        ({"refresh_token_validity": 59, "token_validity_units": IN_MINUTES}, ALONE),
        ({"access_token_validity": 2, "token_validity_units": TokenValidityUnitsType(access_token="minutes")}, ALONE),
        # AuthSessionValidity is always in minutes: the model's own range.
        ({"auth_session_validity": 3}, OK),
        ({"auth_session_validity": 15}, OK),
        ({"auth_session_validity": 2}, ALONE),
        ({"auth_session_validity": 16}, ALONE),
    ],
)
def test_unit_aware_ranges(kwargs: dict[str, Any], outcome: str) -> None:
    from cognito_typed.models import UpdateUserPoolClientRequest

    if outcome == NEEDS_CURRENT:
        client_refused(merge_client(**kwargs))
        return
    if outcome == ALONE:
        refused_without_any_call(merge_client(**kwargs))
        return
    change = UpdateUserPoolClientRequest(user_pool_id=POOL, client_id=CLIENT, **kwargs).to_wire()
    sent = {**CLIENT_SENT, "ClientName": "web"}
    for wire, value in change.items():
        sent[wire] = {**sent[wire], **value} if isinstance(value, dict) else value
    client_update(merge_client(**kwargs), sent)


# --- explicit auth flows ------------------------------------------------------------------------


def test_legacy_and_allow_flows_cannot_be_mixed() -> None:
    error = refused_without_any_call(
        merge_client(explicit_auth_flows=["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    )
    assert paths(error) == {"ExplicitAuthFlows"}


def test_flows_replace_whole_so_allow_flows_can_replace_legacy_ones() -> None:
    now = {**CLIENT_NOW, "ExplicitAuthFlows": ["ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"]}
    sent = {**CLIENT_SENT, "ClientName": "web", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"]}
    client_update(merge_client(explicit_auth_flows=["ALLOW_USER_SRP_AUTH"]), sent, now)


def test_carried_legacy_flows_alone_are_fine() -> None:
    now = {**CLIENT_NOW, "ExplicitAuthFlows": ["ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"]}
    sent = {**CLIENT_SENT, "ExplicitAuthFlows": ["ADMIN_NO_SRP_AUTH", "USER_PASSWORD_AUTH"]}
    client_update(merge_client(client_name="web-renamed"), sent, now)


# --- redirect URLs ----------------------------------------------------------------------------


def test_default_redirect_uri_must_be_one_of_the_current_callback_urls() -> None:
    error = client_refused(merge_client(default_redirect_uri="https://elsewhere.example.com/cb"))
    assert paths(error) == {"DefaultRedirectURI"}


def test_callback_urls_without_the_current_default_are_refused() -> None:
    error = client_refused(merge_client(callback_urls=["https://new.example.com/cb"]))
    assert paths(error) == {"DefaultRedirectURI"}


def test_new_callback_urls_with_a_matching_default_are_sent() -> None:
    urls = ["https://new.example.com/cb"]
    sent = {**CLIENT_SENT, "ClientName": "web", "CallbackURLs": urls, "DefaultRedirectURI": urls[0]}
    client_update(merge_client(callback_urls=urls, default_redirect_uri=urls[0]), sent)


def test_resetting_the_callbacks_needs_the_default_reset_too() -> None:
    client_refused(merge_client(callback_urls=RESET))
    sent = {k: v for k, v in CLIENT_SENT.items() if k not in ("CallbackURLs", "DefaultRedirectURI")}
    client_update(merge_client(callback_urls=RESET, default_redirect_uri=RESET), {**sent, "ClientName": "web"})


@pytest.mark.parametrize("field", ["callback_urls", "logout_urls"])
def test_redirect_urls_must_be_https(field: str) -> None:
    error = refused_without_any_call(
        merge_client(**{field: ["https://app.example.com/callback", "http://example.com/cb"]})
    )
    assert paths(error) == {("CallbackURLs" if field == "callback_urls" else "LogoutURLs") + "[1]"}


def test_http_localhost_is_allowed() -> None:
    urls = ["https://app.example.com/callback", "http://localhost:8080/cb"]
    client_update(merge_client(callback_urls=urls), {**CLIENT_SENT, "ClientName": "web", "CallbackURLs": urls})


# --- input that is bad on its own: refused before any call ------------------------------------------

BAD_ON_ITS_OWN = {
    "access 2 minutes": {
        "access_token_validity": 2,
        "token_validity_units": TokenValidityUnitsType(
            access_token="minutes", id_token="minutes", refresh_token="days"
        ),
    },
    "auth session 2": {"auth_session_validity": 2},
    "mixed flows": {"explicit_auth_flows": ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]},
    "http callback": {"callback_urls": ["http://example.com/cb"], "default_redirect_uri": "http://example.com/cb"},
    "default not in callbacks": {
        "callback_urls": ["https://a.example.com/cb"],
        "default_redirect_uri": "https://b.example.com/cb",
    },
    "wrong type": {"client_name": 42},
}


@pytest.mark.parametrize("kwargs", BAD_ON_ITS_OWN.values(), ids=BAD_ON_ITS_OWN.keys())
def test_bad_input_is_refused_before_any_call(kwargs: dict[str, Any]) -> None:
    refused_without_any_call(merge_client(**kwargs))


# --- client secret for context data ---------------------------------------------------------------

NO_SECRET = {k: v for k, v in CLIENT_NOW.items() if k != "ClientSecret"} | {
    "EnablePropagateAdditionalUserContextData": False
}


def test_context_data_needs_a_client_secret() -> None:
    error = client_refused(merge_client(enable_propagate_additional_user_context_data=True), NO_SECRET)
    assert paths(error) == {"EnablePropagateAdditionalUserContextData"}


def test_context_data_with_a_client_secret_is_sent() -> None:
    now = {**CLIENT_NOW, "EnablePropagateAdditionalUserContextData": False}
    sent = {**CLIENT_SENT, "ClientName": "web", "EnablePropagateAdditionalUserContextData": True}
    client_update(merge_client(enable_propagate_additional_user_context_data=True), sent, now)


def test_a_client_without_secret_can_still_be_changed() -> None:
    sent = {**CLIENT_SENT, "EnablePropagateAdditionalUserContextData": False}
    client_update(merge_client(client_name="web-renamed"), sent, NO_SECRET)


@support.needs_installed_member("UserPoolClientType", "ClientSecretArn")
def test_a_secret_kept_in_secrets_manager_is_a_client_secret() -> None:
    now = {k: v for k, v in CLIENT_NOW.items() if k != "ClientSecret"}
    now["ClientSecretArn"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret/web-client"
    assert now["EnablePropagateAdditionalUserContextData"] is True
    client_update(merge_client(client_name="web-renamed"), CLIENT_SENT, now)


# --- absent is not empty -------------------------------------------------------------------------


def test_absent_read_and_write_attributes_stay_absent() -> None:
    now = {k: v for k, v in CLIENT_NOW.items() if k not in ("ReadAttributes", "WriteAttributes")}
    sent = {k: v for k, v in CLIENT_SENT.items() if k not in ("ReadAttributes", "WriteAttributes")}
    client_update(merge_client(client_name="web-renamed"), sent, now)


OAUTH_OFF = {
    **CLIENT_NOW,
    "AllowedOAuthFlows": [],
    "AllowedOAuthScopes": [],
    "CallbackURLs": [],
    "LogoutURLs": [],
    "AllowedOAuthFlowsUserPoolClient": False,
}
OAUTH_OFF.pop("DefaultRedirectURI")


def test_empty_oauth_lists_are_not_sent() -> None:
    sent = {k: v for k, v in CLIENT_SENT.items() if k not in ("AllowedOAuthFlows", "AllowedOAuthScopes")}
    sent = {k: v for k, v in sent.items() if k not in ("CallbackURLs", "LogoutURLs", "DefaultRedirectURI")}
    sent["AllowedOAuthFlowsUserPoolClient"] = False
    client_update(merge_client(client_name="web-renamed"), sent, OAUTH_OFF)


def test_empty_oauth_lists_left_out_are_no_change() -> None:
    """Left out of the update, they are still what the client has: nothing to send, nothing in the plan."""
    with stubbed() as (client, stub):  # only the describe is queued
        stub.add_response("describe_user_pool_client", {"UserPoolClient": OAUTH_OFF}, CLIENT_IDS)
        merge_client(client_name="web")(client)
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool_client", {"UserPoolClient": OAUTH_OFF}, CLIENT_IDS)
        plan = client.plan_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-2")
    assert [c.path for c in plan.changes] == ["ClientName"]


def test_other_empty_lists_are_carried_as_they_are() -> None:
    now = {**CLIENT_NOW, "ReadAttributes": []}
    client_update(merge_client(client_name="web-renamed"), {**CLIENT_SENT, "ReadAttributes": []}, now)


def test_empty_oauth_lists_passed_by_the_caller_are_not_sent() -> None:
    sent = {k: v for k, v in CLIENT_SENT.items() if k not in ("AllowedOAuthFlows", "AllowedOAuthScopes")}
    sent |= {"ClientName": "web", "AllowedOAuthFlowsUserPoolClient": False}
    client_update(
        merge_client(allowed_oauth_flows=[], allowed_oauth_scopes=[], allowed_oauth_flows_user_pool_client=False), sent
    )


# --- what a raw pool update resets survives a merged one ---------------------------------------------


def test_pool_settings_a_raw_update_resets_survive_a_merged_update() -> None:
    sent = {**POOL_SENT, "Policies": POOL_NOW["Policies"], "AutoVerifiedAttributes": ["email", "phone_number"]}
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        result = merge_pool(auto_verified_attributes=["email", "phone_number"])(client)
    for member in ("DeviceConfiguration", "UserPoolTags", "DeletionProtection", "UserAttributeUpdateSettings"):
        assert sent[member] == POOL_NOW[member]
    assert result.device_configuration is not None
    assert result.deletion_protection == "ACTIVE"


def test_a_nested_pool_change_keeps_the_sibling_members() -> None:
    policies = UserPoolPolicyType(password_policy=PasswordPolicyType(require_symbols=True))
    sent = {**POOL_SENT}
    sent["Policies"] = {
        **POOL_NOW["Policies"],
        "PasswordPolicy": {**POOL_NOW["Policies"]["PasswordPolicy"], "RequireSymbols": True},
    }
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool", {"UserPool": POOL_NOW}, POOL_IDS)
        stub.add_response("update_user_pool", {}, sent)
        merge_pool(policies=policies)(client)


# --- identity providers ---------------------------------------------------------------------------

SAML_NOW = {
    "UserPoolId": POOL,
    "ProviderName": "corp-saml",
    "ProviderType": "SAML",
    "ProviderDetails": {
        "MetadataURL": "https://idp.example.com/metadata.xml",
        "IDPSignout": "false",
        "EncryptedResponses": "true",
        # Read-only: DescribeIdentityProvider adds it; UpdateIdentityProvider rejects it with
        # "ActiveEncryptionCertificate is not a valid key for SAML identity provider details"
        # (hashicorp/terraform-provider-aws#36311 removes it before updating).
        "ActiveEncryptionCertificate": "MIICvTCCAaWgAwIBAgIJAKexample",
    },
    "AttributeMapping": {"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"},
    "IdpIdentifiers": ["corp"],
    "LastModifiedDate": POOL_NOW["LastModifiedDate"],
    "CreationDate": POOL_NOW["CreationDate"],
}


def test_saml_provider_details_are_sent_without_the_read_only_certificate() -> None:
    ids = {"UserPoolId": POOL, "ProviderName": "corp-saml"}
    details = {k: v for k, v in SAML_NOW["ProviderDetails"].items() if k != "ActiveEncryptionCertificate"}
    mapping = {"email": "email", "name": "name"}
    sent = {**ids, "ProviderDetails": details, "AttributeMapping": mapping, "IdpIdentifiers": ["corp"]}
    with stubbed() as (client, stub):
        stub.add_response("describe_identity_provider", {"IdentityProvider": SAML_NOW}, ids)
        stub.add_response("update_identity_provider", {"IdentityProvider": SAML_NOW}, sent)
        client.merge_update_identity_provider(user_pool_id=POOL, provider_name="corp-saml", attribute_mapping=mapping)


# --- what cannot be merged is refused before the describe --------------------------------------


def required_identifiers(update: str) -> set[str]:
    """The identifiers the describe or the update requires (SetRiskConfiguration's ClientId is optional:
    without it, the configuration is the pool's)."""
    describe = SERVICE.shapes[describe_op(update).input]
    return {m.wire_name for s in (describe, update_shape(update)) for m in s.members if m.required}


@pytest.mark.parametrize("update", sorted(SPECS))
@pytest.mark.parametrize("given", [None, RESET, "reset_paths"], ids=["None", "RESET", "reset_paths"])
def test_an_identifier_missing_or_reset_is_refused_before_any_call(update: str, given: Any) -> None:
    """The describe needs every identifier it requires: one given as None (untyped code) or reset had
    reached botocore's ParamValidationError, the describe call itself, or (reset_paths) nothing at all."""
    skip_unless_installed_has_pair(update)
    spec = SPECS[update]
    for missing in spec.identifiers:
        if given is None and missing not in required_identifiers(update):
            continue
        kwargs = {py(w): v for w, v in id_values(update, rich_resource(update)).items() if w in spec.identifiers}
        if given == "reset_paths":
            kwargs["reset_paths"] = [missing]
        else:
            kwargs[py(missing)] = given
        for prefix in ("plan_", "merge_"):
            # nothing queued: any call would fail with UnStubbedResponseError
            with stubbed() as (client, _), pytest.raises(ValidationError) as info:
                getattr(client, method(update, prefix))(**kwargs)
            (violation,) = info.value.violations
            assert violation.path == missing and violation.kind == "required"
            assert violation.problem == ("is missing" if given is None else "cannot be reset: it names the resource")


def test_an_optional_identifier_left_out_is_the_pool_s_resource() -> None:
    """Found by review of the fix above: without ClientId, SetRiskConfiguration and SetUICustomization
    are the pool's ("If ClientId is null, then the risk configuration is mapped to UserPoolId")."""
    assert {"SetRiskConfiguration", "SetUICustomization"} <= {
        u for u in SPECS if set(SPECS[u].identifiers) - required_identifiers(u)
    }
    ids = {"UserPoolId": POOL}
    with stubbed() as (client, stub):
        stub.add_response("get_ui_customization", {"UICustomization": {**ids, "CSS": ".a {}"}}, ids)
        stub.add_response("set_ui_customization", {"UICustomization": {**ids, "CSS": ".b {}"}}, {**ids, "CSS": ".b {}"})
        client.merge_set_ui_customization(user_pool_id=POOL, css=".b {}")
        stub.add_response("describe_risk_configuration", {"RiskConfiguration": ids}, ids)
        ranges = {"BlockedIPRangeList": ["192.0.2.0/24"]}
        sent = {**ids, "RiskExceptionConfiguration": ranges}
        stub.add_response(
            "set_risk_configuration", {"RiskConfiguration": {**ids, "RiskExceptionConfiguration": ranges}}, sent
        )
        client.merge_set_risk_configuration(
            user_pool_id=POOL,
            risk_exception_configuration=RiskExceptionConfigurationType(blocked_ip_range_list=["192.0.2.0/24"]),
        )


def test_reset_paths_that_are_no_str_are_named() -> None:
    with stubbed() as (client, _), pytest.raises(ValidationError) as info:
        client.plan_update_user_pool(user_pool_id=POOL, reset_paths=[None, ["Policies"], 1])  # type: ignore[list-item]
    assert [(v.path, v.problem) for v in info.value.violations] == [
        ("reset_paths None", "is no str"),
        ("reset_paths ['Policies']", "is no str"),
        ("reset_paths 1", "is no str"),
    ]


def refused_reset(update: str, member: str, how: str) -> Violation:
    """The one violation of a plan that resets ``member`` (by RESET or reset_paths), made with no call."""
    skip_unless_installed_has_pair(update)
    skip_unless_installed_has_member(update_shape(update).name, member)
    spec = SPECS[update]
    kwargs: dict[str, Any] = {
        py(w): v for w, v in id_values(update, rich_resource(update)).items() if w in spec.identifiers
    }
    if how == "RESET":
        kwargs[py(member)] = RESET
    else:
        kwargs["reset_paths"] = [member]
    with stubbed() as (client, _), pytest.raises(ValidationError) as info:  # nothing queued: no call is made
        getattr(client, method(update, "plan_"))(**kwargs)
    (violation,) = info.value.violations
    return violation


REQUIRED_RESETTABLE = [
    (update, m.wire_name)
    for update in sorted(SPECS)
    for m in update_shape(update).members
    if m.required and m.wire_name not in SPECS[update].identifiers and m.py_name in SPECS[update].members
]


def test_some_update_requires_a_member_that_names_nothing() -> None:
    assert ("UpdateResourceServer", "Name") in REQUIRED_RESETTABLE  # (so the test below is not empty)


@pytest.mark.parametrize(("update", "member"), REQUIRED_RESETTABLE)
@pytest.mark.parametrize("how", ["RESET", "reset_paths"])
def test_a_member_the_update_requires_cannot_be_reset(update: str, member: str, how: str) -> None:
    """It had been refused only after the describe call (the merged update then lacked it)."""
    violation = refused_reset(update, member, how)
    assert (violation.path, violation.problem) == (member, "cannot be reset: the update requires it")


KEPT = [(update, member) for update in sorted(SPECS) for member in SPECS[update].keeps]


def test_some_update_keeps_an_omitted_member() -> None:
    assert ("UpdateUserPool", "DcrConfiguration") in KEPT  # (so the test below is not empty)


@pytest.mark.parametrize(("update", "member"), KEPT)
@pytest.mark.parametrize("how", ["RESET", "reset_paths"])
def test_a_member_the_service_keeps_when_omitted_cannot_be_reset(update: str, member: str, how: str) -> None:
    """AWS: "If you omit this parameter, Amazon Cognito keeps the existing configuration." (UpdateUserPool's
    DcrConfiguration): sent absent, a reset had been a silent no-op."""
    violation = refused_reset(update, member, how)
    assert violation.path == member and "keeps its current value" in violation.problem


@support.needs_installed_member("UpdateUserPoolDomainRequest", "ManagedLoginVersion")
def test_an_unknown_domain_is_named_as_such() -> None:
    """DescribeUserPoolDomain answers a domain that does not exist with an empty description, no error:
    the merged update then lacked its UserPoolId, and the error said only that it was missing."""
    with stubbed() as (client, stub):
        stub.add_response("describe_user_pool_domain", {"DomainDescription": {}}, {"Domain": "nope"})
        with pytest.raises(ValidationError) as info:
            client.merge_update_user_pool_domain(domain="nope", managed_login_version=2)
    (violation,) = info.value.violations
    assert violation.path == "UserPoolId"
    assert violation.problem == "is missing: DescribeUserPoolDomain returned an empty resource (is there one?)"
