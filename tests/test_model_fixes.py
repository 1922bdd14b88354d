"""codegen/model_fixes.py: the corrections apply, warn when they no longer fit, and each one shows up
where users meet it (no false rejects, no shown secrets); the escape hatch; rules that never crash."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import replace
from typing import Any

import pytest
from botocore.stub import Stubber
from merge_helpers import raw_client
from support import SERVICE, pinned_fixtures

from codegen import model_fixes
from codegen.ir import Constraints, Member, Shape
from codegen.model_fixes import FIXES, Fix
from cognito_typed import MalformedResponseError, ValidationError
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.models import (
    AdminSetUserPasswordRequest,
    CompleteWebAuthnRegistrationRequest,
    CreateGroupRequest,
    CreateManagedLoginBrandingRequest,
    CreateUserPoolClientRequest,
    CreateUserPoolDomainRequest,
    DescribeManagedLoginBrandingResponse,
    ManagedLoginBrandingType,
    SignUpRequest,
    TokenValidityUnitsType,
)

POOL = "us-east-1_EXAMPLE"
CLIENT = "1example23456789"


# --- the table ---------------------------------------------------------------------------------


def test_every_fix_fits_the_pinned_model() -> None:
    """No entry names a shape or member the model lacks, and every corrected pattern is still the model's."""
    assert [w for w in SERVICE.warnings if w.startswith("model fix")] == []
    assert all(fix.evidence for fix in FIXES)


def test_the_fixes_are_applied() -> None:
    assert SERVICE.shapes["DomainType"].constraints.pattern is not None
    assert "\\." in SERVICE.shapes["DomainType"].constraints.pattern
    assert SERVICE.shapes["PasswordType"].constraints.pattern == r"^[\S]+.*[\S]+$"
    assert SERVICE.shapes["ConfirmationCodeType"].sensitive
    members = {m.wire_name: m for m in SERVICE.shapes["ContextDataType"].members}
    assert members["HttpHeaders"].sensitive and members["EncodedData"].sensitive
    assert not members["IpAddress"].sensitive
    assert not SERVICE.shapes["StringType"].sensitive  # a member's fix leaves its shared shape alone


def _service(*shapes: Shape) -> Any:
    return replace(SERVICE, shapes={s.name: s for s in shapes}, warnings=())


def test_a_fix_that_no_longer_fits_is_a_warning() -> None:
    service = _service(
        Shape("PasswordType", "string", constraints=Constraints(pattern=r"[\S\s]+")),
        Shape("ContextDataType", "structure", members=(Member("IpAddress", "ip_address", "StringType", False, ""),)),
    )
    fixes = (
        Fix("PasswordType", evidence="e", model_pattern=r"[\S]+", pattern="x"),
        Fix("DomainType", evidence="e", pattern="y"),
        Fix("ContextDataType.EncodedData", evidence="e", sensitive=True),
    )
    warnings = model_fixes.apply(service, fixes).warnings
    assert any("PasswordType" in w and "check whether the fix is still needed" in w for w in warnings)
    assert "model fix for DomainType: the model has no shape DomainType" in warnings
    assert "model fix for ContextDataType.EncodedData: ContextDataType has no member EncodedData" in warnings


# --- no false rejects --------------------------------------------------------------------------


@pytest.mark.parametrize("domain", ["auth.example.com", "login.my-company.co.uk", "myprefix", "a1"])
def test_custom_and_prefix_domains_are_accepted(domain: str) -> None:
    CreateUserPoolDomainRequest(domain=domain, user_pool_id=POOL).validate()


@pytest.mark.parametrize("domain", ["-bad", "bad-", "Auth.Example.com", "auth..example.com", "auth.example.com."])
def test_what_is_no_domain_name_is_still_refused(domain: str) -> None:
    with pytest.raises(ValidationError) as info:
        CreateUserPoolDomainRequest(domain=domain, user_pool_id=POOL).validate()
    assert [v.path for v in info.value.violations] == ["Domain"]


@pytest.mark.parametrize("password", ["correct horse battery staple", "Tr0ub4dor&3", "a b"])
def test_passphrases_with_inner_spaces_are_accepted(password: str) -> None:
    AdminSetUserPasswordRequest(user_pool_id=POOL, username="alice", password=password).validate()
    SignUpRequest(client_id=CLIENT, username="alice", password=password).validate()


@pytest.mark.parametrize("password", [" leading", "trailing ", "tab\tin\tthe\tmiddle\t"])
def test_passwords_with_outer_spaces_are_refused_without_showing_them(password: str) -> None:
    with pytest.raises(ValidationError) as info:
        AdminSetUserPasswordRequest(user_pool_id=POOL, username="alice", password=password).validate()
    assert [v.path for v in info.value.violations] == ["Password"]
    assert password.strip() not in str(info.value)


@pytest.mark.parametrize(
    "url",
    ["http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "http://[::1]:8080/cb", "http://127.1.2.3/cb"],
)
def test_http_redirects_to_a_loopback_address_are_accepted(url: str) -> None:
    """The developer guide: 'Amazon Cognito requires HTTPS over HTTP except for http://localhost'; the
    Cognito team (microsoft/vscode#256122, 2025-08-28): 'Cognito now supports adding the loopback IP
    literal as a callback URL on the userpool client in all regions.'"""
    CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", callback_urls=[url]).validate()


def test_http_to_any_other_host_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(
            user_pool_id=POOL, client_name="web", callback_urls=["http://10.0.0.1/cb"]
        ).validate()
    assert [v.path for v in info.value.violations] == ["CallbackURLs[0]"]


# --- every bad value is a ValidationError ---------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"token_validity_units": {"AccessToken": "minutes"}},
        {"callback_urls": 5},
        {"explicit_auth_flows": [None]},
        {"callback_urls": ["https://[abc/cb"], "default_redirect_uri": "https://[abc/cb"},
        {"callback_urls": ["http://[abc/cb"]},
        {"logout_urls": ["http://exa\uff20mple.com/out"]},
        {"default_redirect_uri": 7, "callback_urls": ["https://a.example.com"]},
        {"access_token_validity": "60", "token_validity_units": TokenValidityUnitsType(access_token="weeks")},  # type: ignore[arg-type]
        {"explicit_auth_flows": "ALLOW_USER_SRP_AUTH"},
    ],
)
def test_the_app_client_rules_never_crash_on_wrongly_typed_values(changes: dict[str, Any]) -> None:
    """The rules run only on values that passed their own type check: the only error is ValidationError."""
    request = dataclasses.replace(CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web"), **changes)
    try:
        request.validate()
    except ValidationError as error:
        assert error.violations
    with pytest.raises(ValidationError):
        dataclasses.replace(request, client_name=None).validate()


def test_a_url_urllib_cannot_split_is_a_violation_not_a_crash() -> None:
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", callback_urls=["http://[abc/cb"]).validate()
    assert info.value.violations[0].path == "CallbackURLs[0]"
    assert "is not a URL" in info.value.violations[0].problem


def test_a_required_document_given_none_is_missing() -> None:
    with pytest.raises(ValidationError) as info:
        CompleteWebAuthnRegistrationRequest(access_token="t" * 20, credential=None).validate()
    assert [(v.path, v.rule) for v in info.value.violations] == [("Credential", "required")]


@pytest.mark.parametrize("settings", ["x", 5, ["a"], None])
def test_a_document_the_docs_describe_as_a_json_object_must_be_one(settings: Any) -> None:
    request = CreateManagedLoginBrandingRequest(user_pool_id=POOL, client_id=CLIENT, settings=settings)
    if settings is None:
        request.validate()  # absent: the optional member is not sent
        return
    with pytest.raises(ValidationError) as info:
        request.validate()
    assert [v.path for v in info.value.violations] == ["Settings"]


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ({"a": object()}, "Settings['a']"),
        ({"a": [1, math.nan]}, "Settings['a'][1]"),
        ({"a": {1: "x"}}, "Settings['a'] key"),
        ({"a": {"b": {1, 2}}}, "Settings['a']['b']"),
        ({"a": [10**5000]}, "Settings['a'][0]"),  # json.dumps (so botocore) fails on it with a bare ValueError
    ],
)
def test_a_document_holds_json_values_only(value: Any, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        CreateManagedLoginBrandingRequest(user_pool_id=POOL, client_id=CLIENT, settings=value).validate()
    assert [v.path for v in info.value.violations] == [path]


def _nested(levels: int) -> dict[str, Any]:
    document: dict[str, Any] = {"leaf": 1}
    for _ in range(levels - 1):
        document = {"k": document}
    return document


def test_a_document_nested_deeper_than_validate_allows_is_malformed_in_a_response() -> None:
    """The depth validate() allows (65 levels) a response may have; deeper, or a dict that holds itself,
    is a MalformedResponseError naming the member, where from_wire raised a RecursionError."""
    branding = {"ManagedLoginBrandingId": "b", "UserPoolId": POOL}
    allowed = ManagedLoginBrandingType.from_wire({**branding, "Settings": _nested(65)}).settings
    CreateManagedLoginBrandingRequest(user_pool_id=POOL, client_id=CLIENT, settings=allowed).validate()
    endless: dict[str, Any] = {}
    endless["self"] = endless
    for settings in (_nested(66), _nested(5000), endless):
        with pytest.raises(MalformedResponseError, match=r"^ManagedLoginBranding\.Settings: expected a JSON document"):
            DescribeManagedLoginBrandingResponse.from_wire({"ManagedLoginBranding": {**branding, "Settings": settings}})
    with pytest.raises(ValidationError, match="nested deeper than 64 levels"):
        CreateManagedLoginBrandingRequest(user_pool_id=POOL, client_id=CLIENT, settings=_nested(66)).validate()


@pytest.mark.parametrize("constraints", [True, False])
def test_integers_beyond_the_java_type_are_refused_even_without_constraints(constraints: bool) -> None:
    """PrecedenceType has a minimum and no maximum: Java's int still ends at 2**31 - 1."""
    CreateGroupRequest(group_name="g", user_pool_id=POOL, precedence=2**31 - 1).validate(constraints=constraints)
    with pytest.raises(ValidationError) as info:
        CreateGroupRequest(group_name="g", user_pool_id=POOL, precedence=2**31).validate(constraints=constraints)
    assert "does not fit a Java int" in info.value.violations[0].problem


# --- the escape hatch --------------------------------------------------------------------------


def test_a_constraint_violation_says_how_to_send_anyway() -> None:
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", auth_session_validity=30).validate()
    assert "constraints=False" in str(info.value)
    assert info.value.violations[0].kind == "constraint"


def test_a_type_violation_does_not_offer_the_escape_hatch() -> None:
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name=5).validate()  # type: ignore[arg-type]
    assert "constraints=False" not in str(info.value)


def _client_with_domain(**options: Any) -> tuple[CognitoIdentityProvider, Stubber]:
    raw = raw_client()
    return CognitoIdentityProvider(raw, **options), Stubber(raw)


@pytest.mark.parametrize("how", ["per client", "per call"])
def test_constraints_false_sends_what_the_model_refuses(how: str) -> None:
    """The day the model is wrong again: a value outside its pattern goes to the service as it is."""
    typed, stubber = _client_with_domain(**({"constraints": False} if how == "per client" else {}))
    if how == "per call":
        typed = typed.with_options(constraints=False)
    wire = {"Domain": "Not_A_Domain", "UserPoolId": POOL}
    with stubber:
        stubber.add_response("create_user_pool_domain", {}, wire)
        typed.create_user_pool_domain(domain="Not_A_Domain", user_pool_id=POOL)
        stubber.assert_no_pending_responses()


def test_constraints_false_still_checks_types_and_required_members() -> None:
    typed, stubber = _client_with_domain(constraints=False)
    with stubber, pytest.raises(ValidationError) as info:
        typed.create_user_pool_domain(domain=5, user_pool_id=POOL)  # type: ignore[arg-type]
    assert [v.kind for v in info.value.violations] == ["type"]
    typed_default, _ = _client_with_domain()
    assert typed_default.with_options(constraints=False) is not typed_default


def test_a_documented_rule_names_the_escape_hatch_too() -> None:
    """The app-client rules are client-side checks as the model's constraints are, and constraints=False
    skips them: their message must say so (the day AWS accepts, say, another http host)."""
    with pytest.raises(ValidationError) as info:
        CreateUserPoolClientRequest(
            user_pool_id=POOL, client_name="web", callback_urls=["http://10.0.0.1/cb"]
        ).validate()
    assert [v.kind for v in info.value.violations] == ["rule"]
    assert "constraints=False" in str(info.value)


@pytest.mark.parametrize("how", ["per client", "per call"])
def test_constraints_false_sends_what_a_documented_rule_refuses(how: str) -> None:
    typed, stubber = _client_with_domain(**({"constraints": False} if how == "per client" else {}))
    if how == "per call":
        typed = typed.with_options(constraints=False)
    wire = {"UserPoolId": POOL, "ClientName": "web", "CallbackURLs": ["http://10.0.0.1/cb"]}
    answer = {"UserPoolClient": {"UserPoolId": POOL, "ClientId": CLIENT, "ClientName": "web"}}
    with stubber:
        stubber.add_response("create_user_pool_client", answer, wire)
        typed.create_user_pool_client(user_pool_id=POOL, client_name="web", callback_urls=["http://10.0.0.1/cb"])
        stubber.assert_no_pending_responses()


@pytest.mark.parametrize("constraints", [True, False])
def test_a_merge_rule_does_not_offer_an_escape_hatch_that_would_not_lift_it(constraints: bool) -> None:
    """A member both given and reset is refused with or without constraints: offering
    constraints=False there would send the user in a circle."""
    typed, stubber = _client_with_domain(constraints=constraints)
    with stubber, pytest.raises(ValidationError) as info:
        typed.plan_update_user_pool_client(
            user_pool_id=POOL, client_id=CLIENT, client_name="web-2", reset_paths=["ClientName"]
        )
    assert [v.kind for v in info.value.violations] == ["merge"]
    assert "constraints=False" not in str(info.value)


def test_every_violation_that_offers_the_escape_hatch_is_lifted_by_it() -> None:
    """Each kind of violation: constraint (range, length, pattern, enum) and rule; with constraints=False
    the same request validates."""
    requests = [
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", auth_session_validity=30),
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name=""),
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", explicit_auth_flows=["NOPE"]),  # type: ignore[list-item]
        CreateUserPoolDomainRequest(domain="Not_A_Domain", user_pool_id=POOL),
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", callback_urls=["http://10.0.0.1/cb"]),
        CreateUserPoolClientRequest(
            user_pool_id=POOL, client_name="web", explicit_auth_flows=["ADMIN_NO_SRP_AUTH", "ALLOW_USER_SRP_AUTH"]
        ),
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", access_token_validity=48),
    ]
    for request in requests:
        with pytest.raises(ValidationError) as info:
            request.validate()
        assert "constraints=False" in str(info.value)
        assert {v.kind for v in info.value.violations} <= {"constraint", "rule"}
        request.validate(constraints=False)


# --- nothing sensitive in a plan -------------------------------------------------------------------

PROVIDER = {
    "UserPoolId": POOL,
    "ProviderName": "Google",
    "ProviderType": "Google",
    "ProviderDetails": {
        "client_id": "1example23456789",
        "client_secret": "old-provider-secret-0123456789",
        "authorize_scopes": "openid email",
    },
    "AttributeMapping": {"email": "email"},
}


def test_a_plan_never_shows_an_identity_providers_secrets() -> None:
    raw = raw_client()
    typed = CognitoIdentityProvider(raw)
    new_details = {**PROVIDER["ProviderDetails"], "client_secret": "new-provider-secret-9876543210"}
    with Stubber(raw) as stubber:
        stubber.add_response(
            "describe_identity_provider",
            {"IdentityProvider": PROVIDER},
            {"UserPoolId": POOL, "ProviderName": "Google"},
        )
        plan = typed.plan_update_identity_provider(
            user_pool_id=POOL, provider_name="Google", provider_details=new_details
        )
    assert [(c.path, c.sensitive) for c in plan.changes] == [("ProviderDetails.client_secret", True)]
    texts = [repr(plan), str(plan), plan.table(), repr(plan.changes), str(plan.current), repr(plan.current)]
    texts += [repr(plan.request), str(plan.request)]
    for text in texts:
        assert "provider-secret" not in text, text
    assert plan.params["ProviderDetails"]["client_secret"] == "new-provider-secret-9876543210"  # sent as given


# Each secret key of ProviderDetails, with a provider type whose details hold it (the model's docs).
PROVIDERS = {
    "client_secret": ("Google", {"client_id": "1example23456789", "authorize_scopes": "openid email"}),
    "private_key": ("SignInWithApple", {"client_id": "com.example.app", "team_id": "TEAM1", "key_id": "KEY1"}),
}


@pytest.mark.parametrize("key", SERVICE.shapes["ProviderDetailsType"].secret_keys)
def test_no_text_of_a_plan_or_an_error_shows_a_provider_secret(key: str) -> None:
    """The old and the new secret, changed alone and beside a shown key: in no text of the plan, its
    changes, its typed views (pprint and rich too), nor of the error when the new value is of the wrong type."""
    import pprint

    from rich.pretty import pretty_repr

    kind, details = PROVIDERS[key]
    old, new = f"{key}-OLD-0123456789", f"{key}-NEW-9876543210"
    current = {"UserPoolId": POOL, "ProviderName": kind, "ProviderType": kind, "ProviderDetails": {**details, key: old}}

    def planned(given: dict[str, Any]) -> Any:
        raw = raw_client()
        with Stubber(raw) as stubber:
            stubber.add_response("describe_identity_provider", {"IdentityProvider": current})
            return CognitoIdentityProvider(raw).plan_update_identity_provider(
                user_pool_id=POOL, provider_name=kind, provider_details=given
            )

    for given in ({**details, key: new}, {**details, key: new, "client_id": "other.client"}):
        plan = planned(given)
        assert f"ProviderDetails.{key}" in [c.path for c in plan.changes]
        texts = [repr(plan), str(plan), plan.table(), repr(plan.changes), str(plan.changes)]
        texts += [repr(plan.current), str(plan.current), pprint.pformat(plan.current), pretty_repr(plan.current)]
        texts += [repr(plan.request), str(plan.request), pprint.pformat(plan.request), pretty_repr(plan.request)]
        assert [t for t in texts if old in t or new in t] == []
        assert plan.params["ProviderDetails"][key] == new  # sent as given
    for wrong in (new.encode(), [new], {"nested": new}):
        with pytest.raises(ValidationError) as info:
            planned({**details, key: wrong})
        text = str(info.value) + repr(info.value.violations) + repr(info.value.args)
        assert old not in text and new not in text
        assert [v.path for v in info.value.violations] == [f"ProviderDetails[{key!r}]"]


def _members_of(shape: str) -> list[tuple[str, Member]]:
    """(request structure, member) for every request member of ``shape``, from the model."""
    return [
        (s.name, m) for s in SERVICE.structures() if s.name.endswith("Request") for m in s.members if m.shape == shape
    ]


@pytest.mark.parametrize(
    ("shape", "value"), [("DomainType", "auth.example.com"), ("PasswordType", "correct horse battery staple")]
)
def test_every_request_member_of_a_corrected_shape_takes_the_value_the_model_refused(shape: str, value: str) -> None:
    from support import model_class

    from cognito_typed._runtime.patterns import java_pattern

    members = _members_of(shape)
    assert len(members) >= 4
    fix = next(f for f in FIXES if f.target == shape)
    assert fix.model_pattern is not None and not java_pattern(fix.model_pattern).fullmatch(value)  # refused before
    for structure, member in members:
        model_class(structure).from_wire({**_minimal(structure), member.wire_name: value}).validate()


def _minimal(structure: str) -> dict[str, Any]:
    from client_fixtures import Examples

    return Examples(full=False, items=1)(structure)


DOMAIN = "auth.example.com"
CERT = {"CertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/abc"}


@pinned_fixtures
def test_every_custom_domain_call_sends_a_dotted_domain() -> None:
    """create/describe/delete/update and the merge: the calls reach botocore with the domain as given."""
    from cognito_typed.models import CustomDomainConfigType

    raw = raw_client()
    typed = CognitoIdentityProvider(raw)
    described = {"DomainDescription": {"Domain": DOMAIN, "UserPoolId": POOL, "CustomDomainConfig": CERT}}
    with Stubber(raw) as stubber:
        stubber.add_response(
            "create_user_pool_domain", {}, {"Domain": DOMAIN, "UserPoolId": POOL, "CustomDomainConfig": CERT}
        )
        stubber.add_response("describe_user_pool_domain", described, {"Domain": DOMAIN})
        stubber.add_response("delete_user_pool_domain", {}, {"Domain": DOMAIN, "UserPoolId": POOL})
        stubber.add_response("describe_user_pool_domain", described, {"Domain": DOMAIN})
        stubber.add_response(
            "update_user_pool_domain",
            {},
            {"Domain": DOMAIN, "UserPoolId": POOL, "CustomDomainConfig": CERT, "ManagedLoginVersion": 2},
        )
        config = CustomDomainConfigType(certificate_arn=CERT["CertificateArn"])
        typed.create_user_pool_domain(domain=DOMAIN, user_pool_id=POOL, custom_domain_config=config)
        assert typed.describe_user_pool_domain(domain=DOMAIN).domain_description.domain == DOMAIN  # type: ignore[union-attr]
        typed.delete_user_pool_domain(domain=DOMAIN, user_pool_id=POOL)
        typed.merge_update_user_pool_domain(domain=DOMAIN, user_pool_id=POOL, managed_login_version=2)
        stubber.assert_no_pending_responses()


def _without_member(structure: str, wire: str) -> Any:
    """The pinned model with one member taken out of one structure (as an older model would lack it)."""
    shape = SERVICE.shapes[structure]
    members = tuple(m for m in shape.members if m.wire_name != wire)
    assert len(members) == len(shape.members) - 1
    return replace(SERVICE, shapes={**SERVICE.shapes, structure: replace(shape, members=members)})


def test_a_merge_quirk_or_a_request_rule_that_names_a_missing_member_is_a_warning() -> None:
    from codegen import merge_quirks, request_rules

    assert merge_quirks.problems(SERVICE) == [] and request_rules.problems(SERVICE) == []
    lacking = _without_member("AdminCreateUserConfigType", "UnusedAccountValidityDays")
    assert merge_quirks.problems(lacking) == [
        "merge quirk for UpdateUserPool: UpdateUserPoolRequest has no member "
        "AdminCreateUserConfig.UnusedAccountValidityDays"
    ]
    lacking = _without_member("UpdateUserPoolClientRequest", "TokenValidityUnits")
    assert request_rules.problems(lacking) == [
        "request rules UPDATE_APP_CLIENT: UpdateUserPoolClientRequest has no member TokenValidityUnits (read as absent)"
    ]


def test_the_generator_names_every_member_the_merge_time_rules_read() -> None:
    """rules.READS (what a merge's rules read) and codegen/request_rules.py (what the generator warns about)."""
    from codegen.request_rules import RULES
    from cognito_typed._runtime.rules import READS

    for request, reads in READS.items():
        assert reads <= set(RULES[request].reads), request
