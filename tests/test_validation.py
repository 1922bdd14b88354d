"""``validate()``: one accepted and one rejected value per kind of constraint, with the wire path."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import pytest

from codegen import naming
from codegen.ir import Service
from cognito_typed import Model, ValidationError, Violation, models
from cognito_typed.models import (
    AddCustomAttributesRequest,
    AdminCreateUserRequest,
    AdminInitiateAuthRequest,
    AttributeType,
    CreateGroupRequest,
    CreateTermsRequest,
    CreateUserPoolClientRequest,
    CreateUserPoolRequest,
    DescribeUserPoolClientResponse,
    DescribeUserPoolRequest,
    EmptyResponse,
    InitiatePointInTimeRecoveryRequest,
    ListUsersRequest,
    ResponseMetadata,
    SchemaAttributeType,
    SetUICustomizationRequest,
    SignInPolicyType,
    TokenValidityUnitsType,
    UserPoolAddOnsType,
    UserPoolClientType,
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
    "blob given memoryview (botocore's validator refuses it)": (
        SetUICustomizationRequest(user_pool_id=POOL, image_file=memoryview(b"\x89PNG")),  # type: ignore[arg-type]
        [("ImageFile", "type bytes")],
    ),
    "blob given text that is no UTF-8 (a lone surrogate)": (
        SetUICustomizationRequest(user_pool_id=POOL, image_file="\ud800"),  # type: ignore[arg-type]
        [("ImageFile", "type bytes")],
    ),
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
    assert client.explicit_auth_flows == ("ALLOW_USER_SRP_AUTH", "ALLOW_TELEPATHY")
    assert client.token_validity_units.access_token == "fortnights"
    assert response.to_wire() == FUTURE_CLIENT


def test_unknown_enum_value_in_a_request_fails_validation() -> None:
    request = client_request(
        explicit_auth_flows=["ALLOW_TELEPATHY"], token_validity_units=TokenValidityUnitsType(access_token="fortnights")
    )
    found = violations(request)
    assert [v.path for v in found] == ["TokenValidityUnits.AccessToken", "ExplicitAuthFlows[0]"]
    assert "'fortnights' is not an allowed value" in found[0].problem


# --- values seen to match their pattern ----------------------------------------------------


def test_a_value_seen_to_match_is_not_matched_again_and_a_bad_one_is_never_kept() -> None:
    from cognito_typed._runtime.validation import Str

    calls: list[str] = []
    kind = Str(pattern="[a-z]+")
    real = kind.matches()
    assert real is not None

    def counting(value: str) -> object:
        calls.append(value)
        return real(value)

    kind._matches = counting  # pyright: ignore[reportPrivateUsage]
    for _ in range(3):
        out: list[Violation] = []
        kind.check("abc", out, "", "Name", False, True)
        kind.check("ABC", out, "", "Name", False, True)
        assert [v.path for v in out] == ["Name"]  # the bad value fails every time
    assert calls == ["abc", "ABC", "ABC", "ABC"]


def test_no_secret_and_no_str_subclass_is_kept_and_the_memory_is_bounded() -> None:
    from cognito_typed._runtime.validation import MATCHED_KEPT, Str

    secret, hidden, plain = Str(pattern=".+", sensitive=True), Str(pattern=".+"), Str(pattern="v[0-9]+")
    secret.check("hunter2-password", [], "", "Password", False, True)
    hidden.check("1example23456789", [], "", "ClientId", True, True)  # a member the model hides

    class Shouty(str):
        pass

    plain.check(Shouty("v1"), [], "", "Name", False, True)
    assert not secret.matched and not hidden.matched and not plain.matched
    for i in range(MATCHED_KEPT * 2 + 1):
        plain.check(f"v{i}", [], "", "Name", False, True)
    assert 0 < len(plain.matched) <= MATCHED_KEPT


def test_a_list_of_strings_keeps_what_matched_but_not_under_a_secret_and_reports_what_did_not() -> None:
    from cognito_typed._runtime.validation import ListOf, Str

    item, secret_item = Str(pattern="[a-z]+"), Str(pattern="[a-z]+")
    plain, secret = ListOf(item), ListOf(secret_item, sensitive=True)
    out: list[Violation] = []
    plain.check(["abc", "def"], out, "", "Names", False, True)
    secret.check(["ghi"], out, "", "Secrets", False, True)
    assert not out
    assert item.matched == {"abc", "def"} and not secret_item.matched
    plain.check(["abc", "BAD", "def"], out, "", "Names", False, True)
    assert [v.path for v in out] == ["Names[1]"]  # the kept ones pass, the bad one is named


def test_a_value_that_matches_but_breaks_the_length_fails_every_time() -> None:
    from cognito_typed._runtime.validation import Str

    kind = Str(max=3, pattern="[a-z]+")
    for _ in range(2):
        out: list[Violation] = []
        kind.check("abcdef", out, "", "Name", False, True)
        assert len(out) == 1 and "length 6 is out of range" in str(out[0])
    assert not kind.matched


def test_a_patterned_member_refuses_a_bad_value_before_and_after_a_good_one_is_remembered() -> None:
    """The generated check of a patterned member skips the kind for a value seen to pass: a bad
    value is refused every time, the good one before and after it is accepted."""
    good, bad = "us-east-1_Example1", "not a pool id"
    for value in (good, bad, good, bad):
        request = DescribeUserPoolRequest(user_pool_id=value)
        if value == good:
            request.validate()
        else:
            with pytest.raises(ValidationError, match="UserPoolId"):
                request.validate()


def test_a_list_with_an_unhashable_item_is_named_not_a_crash() -> None:
    from cognito_typed._runtime.validation import Enum, ListOf, Str

    for kind in (ListOf(Enum(("code", "implicit"))), ListOf(Str(pattern="[a-z]+"))):
        kind.check(["code"], [], "", "Flows", False, True)  # seen to pass (kept for the Str kind)
        out: list[Violation] = []
        kind.check(["code", {"not": "hashable"}], out, "", "Flows", False, True)
        assert [v.path for v in out] == ["Flows[1]"]


def test_a_list_item_that_only_equals_a_known_value_is_still_checked() -> None:
    from collections import UserString

    def problems(**members: Any) -> list[str]:
        request = CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", **members)
        try:
            request.validate()
        except ValidationError as error:
            return [v.path for v in error.violations]
        return []

    url = "https://app.example.com/cb"
    assert problems(callback_urls=[url]) == []  # the URL is now a value seen to pass
    assert problems(callback_urls=[UserString(url)]) == ["CallbackURLs[0]"]
    assert problems(explicit_auth_flows=[UserString("ALLOW_USER_SRP_AUTH")]) == ["ExplicitAuthFlows[0]"]

    class Sly(str):
        def __hash__(self) -> int:
            return hash(url)

        def __eq__(self, other: object) -> bool:
            return True

    assert problems(callback_urls=[Sly("has space and\ttab")]) == ["CallbackURLs[0]"]


def test_a_long_value_is_not_kept() -> None:
    from cognito_typed._runtime.validation import MATCHED_LONGEST, Str

    kind = Str(pattern="x+")
    kind.check("x" * (MATCHED_LONGEST + 1), [], "", "Token", False, True)
    kind.check("x" * MATCHED_LONGEST, [], "", "Token", False, True)
    assert [len(v) for v in kind.matched] == [MATCHED_LONGEST]


def test_a_redirect_url_found_good_is_remembered_and_a_bad_one_never() -> None:
    """The URLs that pass (https, an app's scheme, http://localhost) are kept to skip judging them
    again; nothing that fails is, and a list with one bad URL among good ones is judged item by item."""
    from cognito_typed._runtime import rules

    for _ in range(2):
        out: list[Any] = []
        rules.check_url("http://localhost:3000/callback", "CallbackURLs", out, 0)
        rules.check_url("http://example.com/callback", "CallbackURLs", out, 1)
        rules.check_url("http://localhost:3000/callback#frag", "CallbackURLs", out, 2)
        assert [(v.path, v.rule) for v in out] == [
            ("CallbackURLs[1]", "https, except http://localhost"),
            ("CallbackURLs[2]", "no #fragment in redirect URLs"),
        ]
    good = rules._GOOD_URLS  # pyright: ignore[reportPrivateUsage]
    rules.check_url("https://app.example.com/cb", "CallbackURLs", [], 0)
    assert {"http://localhost:3000/callback", "https://app.example.com/cb"} <= good
    assert not {"http://example.com/callback", "http://localhost:3000/callback#frag"} & good
    request = CreateUserPoolClientRequest(
        user_pool_id="us-east-1_Example1",
        client_name="web",
        callback_urls=["https://app.example.com/cb", "http://example.com/callback"],
        logout_urls=["http://localhost:3000/callback"],
        default_redirect_uri="https://app.example.com/cb",
    )
    with pytest.raises(ValidationError) as caught:
        request.validate()
    assert [(v.path, v.rule) for v in caught.value.violations] == [
        ("CallbackURLs[1]", "https, except http://localhost")
    ]


def test_a_str_subclass_url_is_judged_each_time_and_never_remembered() -> None:
    """Only exact strings are remembered: a str subclass may claim to equal any URL that passed."""
    from cognito_typed._runtime import rules

    class Liar(str):
        __slots__ = ()

        def __eq__(self, other: object) -> bool:
            return True

        def __hash__(self) -> int:
            return hash("https://app.example.com/cb")

    rules.check_url("https://app.example.com/cb", "CallbackURLs", [], 0)
    out: list[Any] = []
    rules.check_url(Liar("http://example.com/cb"), "DefaultRedirectURI", out)
    assert [(v.path, v.rule) for v in out] == [("DefaultRedirectURI", "https, except http://localhost")]
    rules.check_url(Liar("https://fine.example.com/cb"), "DefaultRedirectURI", [])
    assert all(type(url) is str for url in rules._GOOD_URLS)  # pyright: ignore[reportPrivateUsage]


def test_to_wire_of_a_model_holding_a_wrong_type_raises_the_validation_error_naming_the_field() -> None:
    """A model built with a wrong type and never validated: to_wire (and to_json) say which field is wrong,
    with its path, where they raised an AttributeError or TypeError from inside the generated code."""
    units_as_dict = client_request(token_validity_units={"AccessToken": "hours"})
    with pytest.raises(ValidationError, match=r"TokenValidityUnits: dict is not TokenValidityUnitsType"):
        units_as_dict.to_wire()
    nested = CreateUserPoolRequest(
        pool_name="p",
        schema=[SchemaAttributeType(name="a", string_attribute_constraints=7)],  # type: ignore[arg-type]
    )
    for convert in (nested.to_wire, nested.to_json):
        with pytest.raises(
            ValidationError, match=r"Schema\[0\]\.StringAttributeConstraints: int is not StringAttributeConstraintsType"
        ):
            convert()
    assert client_request(token_validity_units=TokenValidityUnitsType(access_token="hours")).to_wire()[
        "TokenValidityUnits"
    ] == {"AccessToken": "hours"}


def _collections(service: Service) -> list[tuple[str, str, str]]:
    """(model class, field, wire name) of every list and map member of every structure of the model."""
    found = []
    for shape in service.shapes.values():
        if shape.kind == "structure" and not shape.exception:
            for m in shape.members:
                if service.shapes[m.shape].kind in ("list", "map"):
                    found.append((naming.model_class(shape.name), m.py_name, m.wire_name))
    return found


class _ItemsOnly:
    """Has ``items()`` as a dict has, but is no Mapping: validate() refuses it for a map."""

    def items(self) -> list[tuple[str, AttributeType]]:
        return [("k", AttributeType(name="email", value="e"))]


WRONG_COLLECTIONS = {
    "text": "https://app.example.com/cb",
    "bytes": b"bytes",
    "pairs": [("Key", "value")],
    "keys view": {"a": 1}.keys(),
    "set of a model": frozenset({AttributeType(name="email", value="e")}),
    "generator": (x for x in ()),
    "dict of a model": {"k": AttributeType(name="email", value="e")},
    "dict keyed by a model": {AttributeType(name="email", value="e"): 1},  # (for a list: its keys went out)
    "items but no mapping": _ItemsOnly(),  # (for a map of structures: its items went out)
}


@pytest.mark.parametrize("wrong", WRONG_COLLECTIONS.values(), ids=WRONG_COLLECTIONS.keys())
def test_to_wire_never_turns_a_wrong_type_into_a_list_or_a_map(service: Service, wrong: Any) -> None:
    """Text given for a list went to the wire as a list of its characters, a list of pairs given for a
    map as a dict, and a set or a generator of models given for a list of structures as a list, with no
    error: botocore takes all three. Every list and map member of every model now refuses in to_wire what
    validate() refuses as a wrong type, naming the field."""
    checked = 0
    for cls_name, field, wire_name in _collections(service):
        cls = getattr(models, cls_name)
        required = {f.name: None for f in dataclasses.fields(cls) if f.default is dataclasses.MISSING}
        model = cls(**{**required, field: wrong})
        try:
            model.validate(constraints=False)
        except ValidationError as refused:
            if not any(v.path == wire_name and v.kind == "type" for v in refused.violations):
                continue  # (validate() takes the collection here and refuses only its items: pairs for a list)
        else:
            continue
        with pytest.raises(ValidationError) as raised:
            model.to_wire()
        assert any(v.path == wire_name and v.kind == "type" for v in raised.value.violations)
        checked += 1
    assert checked >= 40, checked  # (not vacuous: the model has 120 list and 47 map members)


def test_to_wire_sends_a_tuple_or_a_mapping_as_validate_takes_them() -> None:
    """What validate() takes for a list (any sequence but text) or a map (any mapping) goes to the wire as
    a list or a dict: the checks above refuse no more than validate() refuses."""
    request = client_request(callback_urls=("https://a.example.com/cb",))
    request.validate()
    assert request.to_wire()["CallbackURLs"] == ["https://a.example.com/cb"]
    pool = CreateUserPoolRequest(pool_name="p", user_pool_tags=MappingProxyType({"team": "id"}))
    pool.validate()
    assert pool.to_wire()["UserPoolTags"] == {"team": "id"}
    attributes = (AttributeType(name="email", value="e"),)
    user = AdminCreateUserRequest(user_pool_id=POOL, username="u", user_attributes=attributes)  # type: ignore[arg-type]
    user.validate()
    assert user.to_wire()["UserAttributes"] == [{"Name": "email", "Value": "e"}]


def test_a_response_metadata_of_a_wrong_type_is_named_by_validate_and_to_wire() -> None:
    """response_metadata is a field of every response: a dict there is named, not blamed on another field."""
    for model in (
        EmptyResponse(response_metadata={"RequestId": "r"}),  # type: ignore[arg-type]
        DescribeUserPoolClientResponse(
            user_pool_client=UserPoolClientType(user_pool_id=POOL, client_name="c", client_id="1example23456789"),
            response_metadata={"RequestId": "r"},  # type: ignore[arg-type]
        ),
    ):
        for act in (model.validate, model.to_wire):
            with pytest.raises(ValidationError, match=r"ResponseMetadata: dict is not ResponseMetadata"):
                act()
    fine = EmptyResponse(response_metadata=ResponseMetadata(request_id="r"))
    fine.validate()
    assert fine.to_wire() == {"ResponseMetadata": {"RequestId": "r"}}


class _ReprFails:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


BIG = 10**5000  # past Python's limit of 4,300 digits for int-to-text: its repr raises ValueError
BIG_SHOWN = "<an int of 16,610 bits>"


@pytest.mark.parametrize(
    ("request_", "path", "shown"),
    [
        (
            CreateUserPoolClientRequest(user_pool_id=POOL, client_name="w", auth_session_validity=BIG),
            "AuthSessionValidity",
            BIG_SHOWN,
        ),
        (CreateUserPoolClientRequest(user_pool_id=BIG, client_name="w"), "UserPoolId", BIG_SHOWN),  # type: ignore[arg-type]
        (ListUsersRequest(user_pool_id=POOL, attributes_to_get=[BIG]), "AttributesToGet[0]", BIG_SHOWN),  # type: ignore[list-item]
        (
            CreateUserPoolClientRequest(user_pool_id=POOL, client_name=_ReprFails()),
            "ClientName",
            "<a _ReprFails whose repr fails>",
        ),  # type: ignore[arg-type]
    ],
)
def test_a_value_whose_repr_fails_is_named_not_a_crash(request_: Model, path: str, shown: str) -> None:
    """A value whose repr raises (an int past the digit limit, a __repr__ that fails) had made validate()
    raise that error from inside the checks; the violation names the field and shows what it can."""
    with pytest.raises(ValidationError) as raised:
        request_.validate()
    (violation,) = raised.value.violations
    assert violation.path == path and shown in violation.problem, violation


def test_a_surrogate_pair_held_as_two_code_points_is_judged_as_its_character() -> None:
    """botocore's JSON escapes a character past U+FFFF as a surrogate pair, and one held as two code
    points is sent as the very same text: the service reads one character. The pattern and the
    length had judged the two code points (refused: no letter, symbol, ...; one too long)."""
    pair, character = "\ud83d\ude00", "\U0001f600"
    assert json.dumps(pair) == json.dumps(character)  # the same text on the wire
    for username in (pair, "a" + pair, "a" * 127 + pair):  # (UsernameType: at most 128 characters)
        models.AdminGetUserRequest(user_pool_id="us-east-1_A", username=username).validate()
    with pytest.raises(ValidationError, match="Username: <hidden> does not match the pattern"):
        models.AdminGetUserRequest(user_pool_id="us-east-1_A", username="\ud83d").validate()  # a lone one: no character
    with pytest.raises(ValidationError, match="Username: length 129"):  # (counted as the service counts)
        models.AdminGetUserRequest(user_pool_id="us-east-1_A", username="a" * 128 + pair).validate()
