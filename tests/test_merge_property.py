"""Property: for random valid current resources and random change sets, the update a merge sends
is exactly the overlay the issue defines, and no carried member is dropped or altered unless it
was changed.

Current resources come from ``tests/strategies.py`` (valid wire values of any shape, from the IR);
for the app client they are then made to agree with the documented rules a real client obeys
(validities within range in their units, one family of auth flows, https callbacks holding the
default, a secret when context data is on). A change set gives each carried member nothing, a
new value, or ``RESET``. Change sets may break a rule (a new unit that puts a kept validity out of
range, callbacks that drop the default): then the merge must refuse with ``ValidationError``
before sending the update, exactly when the overlay itself breaks a rule.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import support
from hypothesis import event, given
from hypothesis import strategies as st
from merge_helpers import (
    EMAIL_MESSAGE_UNUSED,
    LEGACY_TEMPLATE,
    SPECS,
    describe_op,
    describe_response,
    expected_update,
    id_values,
    installed_carried,
    kwargs_for,
    method,
    operation,
    resource_shape,
    rich,
    skip_unless_installed_has_pair,
    stubbed,
    update_shape,
)
from strategies import WireStrategies
from support import COMMON_SERVICE, INSTALLED_SERVICE

from cognito_typed import RESET, ValidationError

# Resources of the members the installed botocore has (all of them on the pinned one), with the package's
# constraints; the changes are of the carried members it can send.
WIRE = WireStrategies(COMMON_SERVICE)

# --- app-client values that obey the documented rules ------------------------------------------

SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
# validity member -> (TokenValidityUnits member, unit when none is given, range in seconds, model max)
VALIDITIES = {
    "AccessTokenValidity": ("AccessToken", "hours", (300, 86400), 86400),
    "IdTokenValidity": ("IdToken", "hours", (300, 86400), 86400),
    "RefreshTokenValidity": ("RefreshToken", "days", (3600, 315360000), 315360000),
}
LEGACY = ["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]
ALLOW = [f for f in COMMON_SERVICE.shapes["ExplicitAuthFlowsType"].enum if f.startswith("ALLOW_")]
URLS = [
    "https://app.example.com/callback",
    "https://other.example.org/cb?x=1",
    "http://localhost:3000/callback",
    "myapp://signed-in",
]
OAUTH_LISTS = ("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs")

flows = st.one_of(
    st.lists(st.sampled_from(ALLOW), unique=True, max_size=4),
    st.lists(st.sampled_from(LEGACY), unique=True, min_size=1, max_size=3),
)
url_lists = st.lists(st.sampled_from(URLS), unique=True, max_size=3)


def validity_in(draw: Any, unit: str, low_high: tuple[int, int], model_max: int) -> int:
    low, high = low_high
    return draw(st.integers(math.ceil(low / SECONDS[unit]), min(high // SECONDS[unit], model_max)))


@st.composite
def app_clients(draw: Any) -> dict[str, Any]:
    """A UserPoolClientType wire value as Cognito could return it."""
    client: dict[str, Any] = draw(WIRE.structure("UserPoolClientType"))
    units = client.get("TokenValidityUnits", {})
    for member, (unit_member, default, low_high, model_max) in VALIDITIES.items():
        if member in client:
            client[member] = validity_in(draw, units.get(unit_member, default), low_high, model_max)
    if "ExplicitAuthFlows" in client:
        client["ExplicitAuthFlows"] = draw(flows)
    for member in ("CallbackURLs", "LogoutURLs"):
        if member in client:
            client[member] = draw(st.lists(st.sampled_from(URLS), unique=True, max_size=3))
    if "DefaultRedirectURI" in client:
        if client.get("CallbackURLs"):
            client["DefaultRedirectURI"] = draw(st.sampled_from(client["CallbackURLs"]))
        else:
            del client["DefaultRedirectURI"]
    if client.get("EnablePropagateAdditionalUserContextData") and "ClientSecret" not in client:
        client["ClientSecret"] = rich()("ClientSecretType")
    return client


def client_change_values() -> dict[str, st.SearchStrategy[Any]]:
    """New values for the app client's carried members: valid alone, not always together."""
    shapes = {m.wire_name: m.shape for m in update_shape("UpdateUserPoolClient").members}
    values = {member: WIRE(shapes[member]) for member in installed_carried("UpdateUserPoolClient")}
    values.update(
        {
            "AccessTokenValidity": st.integers(5, 24),  # fine in minutes or hours, not in seconds or days
            "IdTokenValidity": st.integers(5, 24),
            "RefreshTokenValidity": st.integers(1, 90),
            "ExplicitAuthFlows": flows,
            "LogoutURLs": url_lists,
            "DefaultRedirectURI": st.sampled_from(URLS),
            "AllowedOAuthFlows": st.lists(WIRE("OAuthFlowType"), max_size=3, unique=True),
            "AllowedOAuthScopes": st.lists(WIRE("ScopeType"), max_size=2),
            "CallbackURLs": url_lists,
        }
    )
    return values


def change_sets(update: str, values: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Each carried member: left alone (most often), a new value, or RESET."""
    pick = {
        member: st.one_of(st.just(None), st.just(None), strategy, st.just(RESET)) for member, strategy in values.items()
    }
    return st.fixed_dictionaries(pick).map(lambda d: {k: v for k, v in d.items() if v is not None})


# --- the property -------------------------------------------------------------------------------


POOL_MIRRORED = ("VerificationMessageTemplate", "LambdaConfig", *LEGACY_TEMPLATE)


def refused_by_rules(
    update: str, current: dict[str, Any], changes: dict[str, Any], sent: dict[str, Any], noop: bool
) -> bool:
    """Whether the overlay breaks a rule (the model's constraints, the documented rules, the traps)."""
    spec = SPECS[update]
    required = {m.wire_name for m in update_shape(update).members if m.required}
    # and what the installed botocore's model requires (the typed client checks that too)
    required |= {m.wire_name for m in INSTALLED_SERVICE.shapes[update_shape(update).name].members if m.required}
    if any(changes.get(member) is RESET for member in required):
        return True  # a member the update requires cannot be sent absent: refused before the describe
    if any(changes.get(member) is RESET for member in spec.keeps):
        return True  # sent absent it would stay as it is (the service keeps it): refused before the describe
    if required - set(sent):  # neither carried nor given: refused, unless nothing is sent at all
        return not noop
    request = spec.update.from_wire(sent)
    try:
        request.validate()  # the current resource is valid: anything this finds comes from the changes
    except ValidationError:
        return True
    propagate = "EnablePropagateAdditionalUserContextData"
    turned_on = sent.get(propagate) is True and current.get(propagate) is not True
    if (
        update == "UpdateUserPoolClient"
        and turned_on
        and not (current.get("ClientSecret") or current.get("ClientSecretArn"))
    ):
        return True  # a secret cannot be added by an update
    if update == "UpdateUserPool" and _breaks_the_pool_docs(current, changes, sent):
        return True
    if update == "UpdateUserPool":
        given = changes.get("AdminCreateUserConfig")
        if given is not RESET and given and "UnusedAccountValidityDays" in given:
            now = current.get("AdminCreateUserConfig", {}).get("UnusedAccountValidityDays")
            temporary = sent.get("Policies", {}).get("PasswordPolicy", {}).get("TemporaryPasswordValidityDays")
            # An explicit change is refused; the value passed back unchanged is not a change.
            return temporary is not None and given["UnusedAccountValidityDays"] != now
    return False


def _breaks_the_pool_docs(current: dict[str, Any], changes: dict[str, Any], sent: dict[str, Any]) -> bool:
    """A change the pool's documentation forbids: both email messages for one option, two values for
    members the service keeps identical, or a member given while its mirror is reset."""
    template = changes.get("VerificationMessageTemplate")
    if isinstance(template, dict):
        unused = EMAIL_MESSAGE_UNUSED.get((sent.get("VerificationMessageTemplate") or {}).get("DefaultEmailOption"))
        was = (current.get("VerificationMessageTemplate") or {}).get(unused)
        if unused and template.get(unused) is not None and template[unused] != was:
            return True
    for legacy, member in LEGACY_TEMPLATE.items():
        new = changes.get(legacy)
        in_template = template.get(member) if isinstance(template, dict) else None
        if new is not None and new is not RESET and in_template is not None and in_template != new:
            return True
        if (new is RESET and in_template is not None) or (template is RESET and new not in (None, RESET)):
            return True
    lambdas = changes.get("LambdaConfig")
    if isinstance(lambdas, dict):
        legacy_arn = lambdas.get("PreTokenGeneration")
        arn = (lambdas.get("PreTokenGenerationConfig") or {}).get("LambdaArn")
        if legacy_arn is not None and arn is not None and legacy_arn != arn:
            return True
    return False


def check_merge_sends_the_overlay(update: str, current: dict[str, Any], changes: dict[str, Any]) -> None:
    spec = SPECS[update]
    ids = id_values(update, current)
    sent = expected_update(update, current, ids, changes)
    unchanged = expected_update(update, current, ids, {})
    noop = sent == unchanged
    refused = refused_by_rules(update, current, changes, sent, noop=noop)
    event("refused" if refused else "no-op" if noop else "update sent")

    # No carried member is dropped or altered unless changed (the traps aside).
    for update_wire, describe_wire in installed_carried(update).items():  # spec.carried on the pinned botocore
        if update_wire in changes or describe_wire not in current:
            continue
        if update == "UpdateUserPool" and update_wire in ("AdminCreateUserConfig", *POOL_MIRRORED):
            continue  # the traps and the members kept equal: expected_update says what is sent
        if update in ("UpdateUserPoolClient",) and update_wire in OAUTH_LISTS and current[describe_wire] == []:
            assert update_wire not in sent
            continue
        assert sent[update_wire] == current[describe_wire]

    # A refusal may come before the describe (input bad on its own) or after it; never after the update.
    with stubbed(all_used=not refused) as (client, stub):
        stub.add_response(describe_op(update).py_name, describe_response(update, current), ids)
        if not refused and not noop:
            answer: dict[str, Any] = {}
            if spec.updated is not None:
                answer = {spec.updated: current}
            elif operation(update).output is not None:
                answer = rich()(operation(update).output)
            stub.add_response(operation(update).py_name, answer, sent)
        call = getattr(client, method(update))
        if refused:
            with pytest.raises(ValidationError):
                call(**kwargs_for(update, ids, changes))
        else:
            call(**kwargs_for(update, ids, changes))


@given(current=app_clients(), changes=change_sets("UpdateUserPoolClient", client_change_values()))
def test_app_client_merge_sends_the_overlay(current: dict[str, Any], changes: dict[str, Any]) -> None:
    check_merge_sends_the_overlay("UpdateUserPoolClient", current, changes)


def _values(update: str) -> dict[str, st.SearchStrategy[Any]]:
    shapes = {m.wire_name: m.shape for m in update_shape(update).members}
    return {member: WIRE(shapes[member]) for member in installed_carried(update)}


# Half the pools carry both UnusedAccountValidityDays and TemporaryPasswordValidityDays, as Cognito describes them.
pools = st.one_of(
    WIRE.structure("UserPoolType"),
    WIRE.structure(
        "UserPoolType",
        overrides={
            "Policies": WIRE.structure(
                "UserPoolPolicyType",
                overrides={
                    "PasswordPolicy": WIRE.structure(
                        "PasswordPolicyType",
                        overrides={"TemporaryPasswordValidityDays": WIRE("TemporaryPasswordValidityDaysType")},
                    )
                },
            ),
            "AdminCreateUserConfig": WIRE.structure(
                "AdminCreateUserConfigType",
                overrides={"UnusedAccountValidityDays": WIRE("AdminCreateUserUnusedAccountValidityDaysType")},
            ),
        },
    ),
)


@given(current=pools, changes=change_sets("UpdateUserPool", _values("UpdateUserPool")))
def test_user_pool_merge_sends_the_overlay(current: dict[str, Any], changes: dict[str, Any]) -> None:
    check_merge_sends_the_overlay("UpdateUserPool", current, changes)


OTHERS = sorted(set(SPECS) - {"UpdateUserPoolClient", "UpdateUserPool"})


@pytest.mark.parametrize("update", OTHERS)
def test_every_other_merge_sends_the_overlay(update: str) -> None:
    skip_unless_installed_has_pair(update)

    @given(current=WIRE.structure(resource_shape(update).name), changes=change_sets(update, _values(update)))
    def prop(current: dict[str, Any], changes: dict[str, Any]) -> None:
        check_merge_sends_the_overlay(update, current, changes)

    prop()


def test_resetting_an_empty_provider_details_is_a_change() -> None:
    """Found by the property above: a described ``ProviderDetails={}`` reset is sent without it, as any
    other map reset is (the diff of a map holding secrets, key by key, once saw no change in it)."""
    current = {"ProviderName": "0", "ProviderType": "Facebook", "ProviderDetails": {}}

    @given(st.just(current), st.just({"ProviderDetails": RESET}))
    def once(current: dict[str, Any], changes: dict[str, Any]) -> None:
        check_merge_sends_the_overlay("UpdateIdentityProvider", current, changes)

    once()


@pytest.mark.parametrize(
    ("update", "current", "changes"),
    [
        ("SetUserPoolMfaConfig", {}, {"WebAuthnConfiguration": {}}),
        (
            "UpdateIdentityProvider",
            {"ProviderName": "0", "ProviderType": "Facebook", "ProviderDetails": {}},
            {"AcrMapping": {}},
        ),
    ],
)
def test_an_empty_map_newly_given_is_sent(update: str, current: dict[str, Any], changes: dict[str, Any]) -> None:
    """Found by the property above, the other way round: a map the caller gives, even empty, is a change."""
    for member in changes:
        support.skip_unless_installed_has_member(update_shape(update).name, member)

    @given(st.just(current), st.just(changes))
    def once(current: dict[str, Any], changes: dict[str, Any]) -> None:
        check_merge_sends_the_overlay(update, current, changes)

    once()
