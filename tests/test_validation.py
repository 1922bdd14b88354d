"""``validate()``: one accepted and one rejected value per kind of constraint, with the wire path."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from cognito_typed import Model, ValidationError, Violation
from cognito_typed.models import (
    AddCustomAttributesRequest,
    AdminInitiateAuthRequest,
    CreateGroupRequest,
    CreateTermsRequest,
    CreateUserPoolClientRequest,
    CreateUserPoolRequest,
    DescribeUserPoolClientResponse,
    InitiatePointInTimeRecoveryRequest,
    ListUsersRequest,
    SchemaAttributeType,
    SetUICustomizationRequest,
    SignInPolicyType,
    TokenValidityUnitsType,
    UserPoolAddOnsType,
    UserPoolPolicyType,
    VerifySoftwareTokenRequest,
)

POOL = "us-east-1_EXAMPLE"
CLIENT = "1example23456789"


def client_request(**changes: Any) -> CreateUserPoolClientRequest:
    return CreateUserPoolClientRequest(**{"user_pool_id": POOL, "client_name": "web", **changes})


def violations(model: Model) -> list[Violation]:
    with pytest.raises(ValidationError) as info:
        model.validate()
    return list(info.value.violations)


def paths_and_rules(model: Model) -> list[tuple[str, str]]:
    return [(v.path, v.rule) for v in violations(model)]


# --- valid values pass --------------------------------------------------------------------

VALID = {
    "required only": client_request(),
    "int at the bottom": client_request(auth_session_validity=3),
    "int at the top": client_request(auth_session_validity=15),
    "string at max length": CreateUserPoolClientRequest(user_pool_id=POOL, client_name="a" * 128),
    "string at min length": CreateUserPoolClientRequest(user_pool_id=POOL, client_name="a"),
    "min-only string": VerifySoftwareTokenRequest(user_code="123456", session="s" * 20),
    "max-only string": ListUsersRequest(user_pool_id=POOL, filter='email ^= "a"' + " " * 243),
    "min-only int": CreateGroupRequest(group_name="g", user_pool_id=POOL, precedence=0),
    "list at max length": client_request(callback_urls=[f"https://example.com/{i}" for i in range(100)]),
    "empty list allowed": client_request(callback_urls=[]),
    "nested list at min length": CreateUserPoolRequest(
        pool_name="p",
        policies=UserPoolPolicyType(sign_in_policy=SignInPolicyType(allowed_first_auth_factors=["PASSWORD"])),
    ),
    "map at min length": CreateTermsRequest(
        user_pool_id=POOL,
        client_id=CLIENT,
        terms_name="terms-of-use",
        terms_source="LINK",
        enforcement="NONE",
        links={"cognito:english": "https://example.com/terms"},
    ),
    "sensitive map": AdminInitiateAuthRequest(
        user_pool_id=POOL, client_id=CLIENT, auth_flow="ADMIN_USER_PASSWORD_AUTH", auth_parameters={"USERNAME": "bob"}
    ),
    "enum values": client_request(
        token_validity_units=TokenValidityUnitsType(access_token="minutes", id_token="hours", refresh_token="days"),
        access_token_validity=60,
        explicit_auth_flows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    ),
    "unicode letters in a \\p{L} pattern": client_request(callback_urls=["https://例え.jp/ログイン"]),
    "blob": SetUICustomizationRequest(user_pool_id=POOL, image_file=b"\x89PNG"),
    "timestamp": InitiatePointInTimeRecoveryRequest(
        user_pool_id=POOL, restore_timestamp=datetime(2024, 1, 1, tzinfo=UTC)
    ),
    "explicit None": client_request(generate_secret=None, callback_urls=None),
    "timestamp as epoch seconds (botocore takes them)": InitiatePointInTimeRecoveryRequest(
        user_pool_id=POOL, restore_timestamp=1700000000
    ),
    "timestamp as ISO 8601 text": InitiatePointInTimeRecoveryRequest(
        user_pool_id=POOL, restore_timestamp="2024-01-01T00:00:00Z"
    ),
    "tuple for a list": client_request(explicit_auth_flows=("ALLOW_USER_SRP_AUTH",)),
}


@pytest.mark.parametrize("model", VALID.values(), ids=VALID.keys())
def test_valid_values_pass(model: Model) -> None:
    model.validate()


# --- invalid values are rejected, with the wire path and the rule ---------------------------

INVALID: dict[str, tuple[Model, list[tuple[str, str]]]] = {
    # required, given as None
    "required missing": (
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name=None),  # type: ignore[arg-type]
        [("ClientName", "required")],
    ),
    "nested required missing": (
        CreateUserPoolRequest(
            pool_name="p",
            user_pool_add_ons=UserPoolAddOnsType(advanced_security_mode=None),  # type: ignore[arg-type]
        ),
        [("UserPoolAddOns.AdvancedSecurityMode", "required")],
    ),
    "type in a structure in a list": (
        AddCustomAttributesRequest(
            user_pool_id=POOL,
            custom_attributes=[SchemaAttributeType(name="ok"), SchemaAttributeType.from_wire({"Name": 5})],
        ),
        [("CustomAttributes[1].Name", "type str")],
    ),
    # types
    "str given int": (client_request(client_name=123), [("ClientName", "type str")]),
    "int given str": (client_request(auth_session_validity="15"), [("AuthSessionValidity", "type int")]),
    "int given bool": (client_request(auth_session_validity=True), [("AuthSessionValidity", "type int")]),
    "bool given str": (client_request(generate_secret="yes"), [("GenerateSecret", "type bool")]),
    "list given str": (client_request(callback_urls="https://example.com"), [("CallbackURLs", "type list")]),
    "map given list": (
        AdminInitiateAuthRequest(user_pool_id=POOL, client_id=CLIENT, auth_flow="USER_AUTH", client_metadata=["a"]),
        [("ClientMetadata", "type dict")],
    ),
    "structure given dict": (
        client_request(token_validity_units={"AccessToken": "hours"}),
        [("TokenValidityUnits", "type TokenValidityUnitsType")],
    ),
    "structure given another model": (
        client_request(token_validity_units=SignInPolicyType()),
        [("TokenValidityUnits", "type TokenValidityUnitsType")],
    ),
    "blob given int": (SetUICustomizationRequest(user_pool_id=POOL, image_file=7), [("ImageFile", "type bytes")]),
    "timestamp given a list": (
        InitiatePointInTimeRecoveryRequest(user_pool_id=POOL, restore_timestamp=[2024]),  # type: ignore[arg-type]
        [("RestoreTimestamp", "type datetime")],
    ),
    "timestamp given a string that is no timestamp": (
        InitiatePointInTimeRecoveryRequest(user_pool_id=POOL, restore_timestamp="the day before yesterday"),
        [("RestoreTimestamp", "type datetime")],
    ),
    "enum item given int": (client_request(explicit_auth_flows=[1]), [("ExplicitAuthFlows[0]", "type str")]),
    # integer ranges
    "int below min": (client_request(auth_session_validity=2), [("AuthSessionValidity", "3..15")]),
    "int above max": (client_request(auth_session_validity=16), [("AuthSessionValidity", "3..15")]),
    "int below a min-only range": (
        CreateGroupRequest(group_name="g", user_pool_id=POOL, precedence=-1),
        [("Precedence", ">= 0")],
    ),
    # string lengths
    "string above max length": (client_request(client_name="a" * 129), [("ClientName", "length 1..128")]),
    "string below a min-only length": (
        VerifySoftwareTokenRequest(user_code="123456", session="s" * 19),
        [("Session", "length 20..4096")],
    ),
    "string above a max-only length": (
        ListUsersRequest(user_pool_id=POOL, filter="x" * 257),
        [("Filter", "length <= 256")],
    ),
    # list and map lengths
    "list above max length": (
        client_request(callback_urls=[f"https://example.com/{i}" for i in range(101)]),
        [("CallbackURLs", "length 0..100")],
    ),
    "nested list below min length": (
        CreateUserPoolRequest(
            pool_name="p", policies=UserPoolPolicyType(sign_in_policy=SignInPolicyType(allowed_first_auth_factors=[]))
        ),
        [("Policies.SignInPolicy.AllowedFirstAuthFactors", "length 1..5")],
    ),
    "map below min length": (
        CreateTermsRequest(
            user_pool_id=POOL,
            client_id=CLIENT,
            terms_name="terms-of-use",
            terms_source="LINK",
            enforcement="NONE",
            links={},
        ),
        [("Links", "length 1..13")],
    ),
    # patterns
    "pattern": (
        CreateUserPoolClientRequest(user_pool_id="no pool here", client_name="web"),
        [("UserPoolId", r"pattern [\w-]+_[0-9a-zA-Z]+")],
    ),
    "pattern in a list item": (
        client_request(callback_urls=["https://example.com", "https://exa mple.com"]),
        [("CallbackURLs[1]", r"pattern [\p{L}\p{M}\p{S}\p{N}\p{P}]+")],
    ),
    "pattern of a map key": (
        CreateTermsRequest(
            user_pool_id=POOL,
            client_id=CLIENT,
            terms_name="terms-of-use",
            terms_source="LINK",
            enforcement="NONE",
            links={"english": "https://example.com/terms"},
        ),
        [
            (
                "Links key",
                "pattern ^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese"
                "|korean|portuguese-brazil|chinese-(simplified|traditional))$",
            )
        ],
    ),
    "pattern of a map value": (
        CreateTermsRequest(
            user_pool_id=POOL,
            client_id=CLIENT,
            terms_name="terms-of-use",
            terms_source="LINK",
            enforcement="NONE",
            links={"cognito:english": "https://example.com/a terms"},
        ),
        [("Links['cognito:english']", r"pattern ^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$")],
    ),
    "enum (nested)": (
        client_request(token_validity_units=TokenValidityUnitsType(access_token="weeks")),
        [("TokenValidityUnits.AccessToken", "one of days, hours, minutes, seconds")],
    ),
    "enum in a list item": (
        client_request(explicit_auth_flows=["ALLOW_USER_SRP_AUTH", "ALLOW_BOGUS"]),
        [("ExplicitAuthFlows[1]", "one of ")],
    ),
}


@pytest.mark.parametrize(("model", "expected"), INVALID.values(), ids=INVALID.keys())
def test_invalid_values_are_rejected_with_path_and_rule(model: Model, expected: list[tuple[str, str]]) -> None:
    found = paths_and_rules(model)
    assert [path for path, _ in found] == [path for path, _ in expected]
    for (_, rule), (_, wanted) in zip(found, expected, strict=True):
        assert rule.startswith(wanted), (rule, wanted)


def test_every_violation_is_reported_at_once() -> None:
    model = CreateUserPoolClientRequest(
        user_pool_id="bad id",
        client_name=None,  # type: ignore[arg-type]
        auth_session_validity=99,
        token_validity_units=TokenValidityUnitsType(access_token="weeks", id_token="eons"),  # type: ignore[arg-type]
        callback_urls=["https://ok.example", "not ok"],
    )
    assert [v.path for v in violations(model)] == [
        "UserPoolId",
        "ClientName",
        "TokenValidityUnits.AccessToken",
        "TokenValidityUnits.IdToken",
        "CallbackURLs[1]",
        "AuthSessionValidity",
    ]


def test_error_message_lists_every_violation() -> None:
    with pytest.raises(ValidationError) as info:
        client_request(auth_session_validity=2, client_name="").validate()
    error = info.value
    assert error.model == "CreateUserPoolClientRequest"
    message = str(error)
    assert message.startswith(f"{len(error.violations)} invalid values in CreateUserPoolClientRequest:")
    for v in error.violations:
        assert f"  {v.path}: {v.problem} (rule: {v.rule})" in message
    assert isinstance(error, ValueError)


def test_headline_message() -> None:
    with pytest.raises(ValidationError) as info:
        client_request(auth_session_validity=16).validate()
    assert str(info.value).splitlines()[:2] == [
        "1 invalid value in CreateUserPoolClientRequest:",
        "  AuthSessionValidity: 16 is out of range (rule: 3..15)",
    ]
    assert info.value.violations == (Violation("AuthSessionValidity", "16 is out of range", "3..15"),)


# --- enums newer than the model -------------------------------------------------------------

FUTURE_CLIENT = {
    "UserPoolClient": {
        "UserPoolId": POOL,
        "ClientName": "web",
        "ClientId": "1example23456789",
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_TELEPATHY"],
        "TokenValidityUnits": {"AccessToken": "fortnights"},
    }
}


def test_unknown_enum_value_in_a_response_is_kept() -> None:
    response = DescribeUserPoolClientResponse.from_wire(FUTURE_CLIENT)
    client = response.user_pool_client
    assert client.token_validity_units is not None
    assert client.explicit_auth_flows == ["ALLOW_USER_SRP_AUTH", "ALLOW_TELEPATHY"]
    assert client.token_validity_units.access_token == "fortnights"
    assert response.to_wire() == FUTURE_CLIENT


def test_unknown_enum_value_in_a_request_fails_validation() -> None:
    request = client_request(
        explicit_auth_flows=["ALLOW_TELEPATHY"], token_validity_units=TokenValidityUnitsType(access_token="fortnights")
    )
    found = violations(request)
    assert [v.path for v in found] == ["TokenValidityUnits.AccessToken", "ExplicitAuthFlows[0]"]
    assert "'fortnights' is not an allowed value" in found[0].problem
