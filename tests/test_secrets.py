"""Sensitive values (the model's ``sensitive`` trait) never show in repr, str or validation errors."""

from __future__ import annotations

import dataclasses
from collections import Counter
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import WireStrategies
from support import SERVICE, model_class, model_violations

from codegen.ir import Member, Shape
from cognito_typed import ValidationError
from cognito_typed._runtime.patterns import java_pattern

TEXTS: Counter[str] = Counter()  # texts checked for a secret, by test (the closing note quotes them)
SECRET = "Zq7S3cr3tXv"  # recognisable, and valid for every sensitive string shape of the model
SHAPES = SERVICE.shapes


def is_sensitive(shape: Shape) -> bool:
    """A member hides its value if its shape is sensitive, or is a list/map of sensitive values."""
    inner = [SHAPES[s] for s in (shape.item, shape.key, shape.value) if s]
    return shape.sensitive or (shape.kind in ("list", "map") and any(is_sensitive(i) for i in inner))


def member_is_sensitive(structure: Shape, member: Member) -> bool:
    """Sensitive shape (or list/map of them), any member of a sensitive structure
    (``UserContextDataType``: the whole value is sensitive, not only some members), or a member
    that codegen/model_fixes.py makes sensitive."""
    return structure.sensitive or member.sensitive or is_sensitive(SHAPES[member.shape])


def sensitive_members() -> list[tuple[str, Member]]:
    return [(s.name, m) for s in SERVICE.structures() for m in s.members if member_is_sensitive(s, m)]


SENSITIVE = sensitive_members()
SENSITIVE_IDS = [f"{s}.{m.wire_name}" for s, m in SENSITIVE]


def secret_string(shape: Shape) -> str:
    """The secret, fitted to the shape's length range and pattern."""
    lo, hi = shape.constraints.min or 0, shape.constraints.max
    for base in (SECRET, "918273645091827364"):
        size = max(lo, len(base)) if hi is None else min(hi, max(lo, len(base)))
        value = (base * (size // len(base) + 1))[:size]
        if shape.constraints.pattern is None or java_pattern(shape.constraints.pattern).fullmatch(value):
            return value
    raise AssertionError(f"no secret fits {shape.name}")


def secret_wire(shape: Shape) -> Any:
    """A valid wire value of ``shape`` whose every string is (a fitted copy of) the secret."""
    match shape.kind:
        case "string":
            return secret_string(shape)
        case "map":
            assert shape.key and shape.value
            return {secret_string(SHAPES[shape.key]): secret_wire(SHAPES[shape.value])}
        case "list":
            assert shape.item
            return [secret_wire(SHAPES[shape.item])] * max(1, SHAPES[shape.name].constraints.min or 0)
        case "structure":
            return {
                m.wire_name: secret_wire(SHAPES[m.shape]) for m in shape.members if SHAPES[m.shape].kind == "string"
            }
    raise AssertionError(f"no secret for {shape.name} ({shape.kind})")


def secret_texts(shape: Shape) -> set[str]:
    """Every secret string inside ``secret_wire(shape)`` (map keys too; not structure member names)."""
    found: set[str] = set()

    def walk(shape: Shape, value: Any) -> None:
        if shape.kind == "string":
            found.add(value)
        elif shape.kind == "map":
            assert shape.key and shape.value
            for k, v in value.items():
                walk(SHAPES[shape.key], k)
                walk(SHAPES[shape.value], v)
        elif shape.kind == "list":
            assert shape.item
            for v in value:
                walk(SHAPES[shape.item], v)
        elif shape.kind == "structure":
            for m in shape.members:
                if m.wire_name in value:
                    walk(SHAPES[m.shape], value[m.wire_name])

    walk(shape, secret_wire(shape))
    return found


def invalid_secret_wires(shape: Shape) -> list[Any]:
    """Wire values of ``shape`` that break a rule and still carry the secret."""
    match shape.kind:
        case "string":
            value = secret_string(shape)
            bad: list[Any] = [value.encode(), [value]]  # wrong types
            if shape.constraints.max is not None:
                bad.append(value * (shape.constraints.max // len(value) + 1))
            if shape.constraints.pattern is not None:
                pattern = java_pattern(shape.constraints.pattern)
                bad += [v for v in (value + " ", value + " \x00", "\n" + value) if not pattern.fullmatch(v)][:1]
            return bad
        case "map":
            assert shape.key and shape.value
            key, value = secret_string(SHAPES[shape.key]), secret_wire(SHAPES[shape.value])
            return [{key: value.encode()}, {key: 5}, [key, value]]
        case "list":
            assert shape.item
            return [[bad] for bad in invalid_secret_wires(SHAPES[shape.item])]
        case "structure":
            members = [m for m in shape.members if SHAPES[m.shape].kind == "string"]
            return [
                {**secret_wire(shape), m.wire_name: bad}
                for m in members
                for bad in invalid_secret_wires(SHAPES[m.shape])
            ]
    raise AssertionError(shape.kind)


def parents(name: str) -> list[tuple[str, Member, str]]:
    """(structure, member, how) for each structure member that holds ``name``: directly, in a list or a map."""
    found = []
    for s in SERVICE.structures():
        for m in s.members:
            shape = SHAPES[m.shape]
            if m.shape == name:
                found.append((s.name, m, "direct"))
            elif shape.kind == "list" and shape.item == name:
                found.append((s.name, m, "list"))
            elif shape.kind == "map" and shape.value == name:
                found.append((s.name, m, "map"))
    return found


def wrap(value: Any, how: str) -> Any:
    return {"direct": value, "list": [value], "map": {"k": value}}[how]


def leaks(text: str, secrets: set[str], counted: str = "") -> list[str]:
    TEXTS[counted] += 1
    return [s for s in secrets if s in text]


def test_sensitive_members_are_derived() -> None:
    ids = set(SENSITIVE_IDS)
    assert "AdminInitiateAuthRequest.AuthParameters" in ids
    assert "AdminInitiateAuthRequest.ClientId" in ids
    assert "UserPoolClientType.ClientSecret" in ids
    assert "SignUpRequest.Password" in ids
    assert "SignUpRequest.UserContextData" in ids  # a sensitive structure ...
    assert "UserContextDataType.IpAddress" in ids  # ... hides all its members
    assert len({s for s, _ in SENSITIVE}) > 50


def hidden_in_repr(structure: Shape, member: Member) -> bool:
    """Sensitive, or a map with secret values under some keys (ProviderDetails): left out of repr whole."""
    return member_is_sensitive(structure, member) or bool(SHAPES[member.shape].secret_keys)


def test_exactly_the_sensitive_members_are_left_out_of_repr() -> None:
    wrong = [
        f"{s.name}.{m.wire_name}"
        for s in SERVICE.structures()
        for m in s.members
        if {f.name: f for f in dataclasses.fields(model_class(s.name))}[m.py_name].repr == hidden_in_repr(s, m)
    ]
    assert wrong == []


def test_the_model_fixes_add_the_secrets_the_model_does_not_mark() -> None:
    ids = set(SENSITIVE_IDS)
    for secret in (
        "ConfirmSignUpRequest.ConfirmationCode",
        "ConfirmForgotPasswordRequest.ConfirmationCode",
        "VerifyUserAttributeRequest.Code",
        "ContextDataType.HttpHeaders",
        "ContextDataType.EncodedData",
        "DeviceSecretVerifierConfigType.PasswordVerifier",
        "DeviceSecretVerifierConfigType.Salt",
    ):
        assert secret in ids, secret
    assert SHAPES["ProviderDetailsType"].secret_keys == ("client_secret", "private_key")


@pytest.mark.parametrize("structure", ["CreateIdentityProviderRequest", "UpdateIdentityProviderRequest"])
def test_provider_secrets_never_show(structure: str) -> None:
    """An IdP's client_secret and Apple's private_key: not in repr, not in a violation of their own,
    and not when another member of the request is wrong."""
    details = {"client_id": "1example23456789", "client_secret": SECRET, "private_key": SECRET + "k"}
    ids = {"user_pool_id": "us-east-1_EXAMPLE", "provider_name": "Google"}
    extra = {"provider_type": "Google"} if structure.startswith("Create") else {}
    model = model_class(structure)(**ids, **extra, provider_details=details)
    assert SECRET not in repr(model) and SECRET not in str(model)
    bad = dataclasses.replace(
        model, provider_details={**details, "client_secret": SECRET.encode(), "private_key": [SECRET]}
    )
    with pytest.raises(ValidationError) as info:
        bad.validate()
    paths = sorted(v.path for v in info.value.violations)
    assert paths == ["ProviderDetails['client_secret']", "ProviderDetails['private_key']"]  # keys name no secret
    assert SECRET not in str(info.value) and SECRET not in repr(info.value.violations)


_DETAILS = {"client_id": "1example23456789", "client_secret": SECRET}
_PROVIDER = {"user_pool_id": "us-east-1_EXAMPLE", "provider_name": "Google", "provider_type": "Google"}
_USER = {"user_pool_id": "us-east-1_EXAMPLE", "username": "u"}
_AUTH = {"user_pool_id": "us-east-1_EXAMPLE", "client_id": "1example23456789", "auth_flow": "ADMIN_USER_PASSWORD_AUTH"}
WRAPPED = {  # a secret inside something of the wrong type given for a map, a list or a structure
    "map: dict_items": ("CreateIdentityProviderRequest", {**_PROVIDER, "provider_details": _DETAILS.items()}),
    "map: frozenset of pairs": (
        "CreateIdentityProviderRequest",
        {**_PROVIDER, "provider_details": frozenset(_DETAILS.items())},
    ),
    "map: text": ("CreateIdentityProviderRequest", {**_PROVIDER, "provider_details": f"client_secret={SECRET}"}),
    "list: dict_values": (
        "AdminCreateUserRequest",
        {**_USER, "user_attributes": {"pin": {"Name": "custom:pin", "Value": SECRET}}.values()},
    ),
    "list: a set": ("AdminCreateUserRequest", {**_USER, "user_attributes": frozenset({SECRET})}),
    "structure: an object": (
        "AdminInitiateAuthRequest",
        {**_AUTH, "context_data": SimpleNamespace(encoded_data=SECRET)},
    ),
}


@pytest.mark.parametrize("case", WRAPPED.values(), ids=WRAPPED.keys())
def test_a_secret_inside_a_wrong_type_is_never_shown(case: tuple[str, dict[str, Any]]) -> None:
    """What is given for a container can hold a secret: validate() and to_wire() name its field and its
    type, never its contents (a provider's client_secret in a dict_items had been shown by repr)."""
    structure, fields = case
    model = model_class(structure)(**fields)
    for act in (model.validate, model.to_wire):
        with pytest.raises(ValidationError) as info:
            act()
        assert [v.kind for v in info.value.violations] == ["type"]
        text = str(info.value) + repr(info.value.violations) + repr(info.value.args)
        assert SECRET not in text, text


@pytest.mark.parametrize(("structure", "member"), SENSITIVE, ids=SENSITIVE_IDS)
@settings(max_examples=3)
@given(data=st.data())
def test_secret_not_in_repr(structure: str, member: Member, wire: WireStrategies, data: st.DataObject) -> None:
    shape = SHAPES[member.shape]
    secrets = secret_texts(shape)
    d = data.draw(wire.structure(structure, {member.wire_name: st.just(secret_wire(shape))}))
    model = model_class(structure).from_wire(d)
    assert model_violations(model) == []
    assert model.to_wire()[member.wire_name] == secret_wire(shape)  # the secret is really there
    assert leaks(repr(model), secrets, "model") == []
    assert leaks(str(model), secrets, "model") == []

    for parent, via, how in parents(structure)[:3]:
        p = data.draw(wire.structure(parent, {via.wire_name: st.just(wrap(d, how))}))
        outer = model_class(parent).from_wire(p)
        assert leaks(repr(outer), secrets, "model") == [], f"{parent}.{via.wire_name}"


@pytest.mark.parametrize(("structure", "member"), SENSITIVE, ids=SENSITIVE_IDS)
@settings(max_examples=2)
@given(data=st.data())
def test_secret_not_in_validation_error(
    structure: str, member: Member, wire: WireStrategies, data: st.DataObject
) -> None:
    shape = SHAPES[member.shape]
    secrets = secret_texts(shape)
    valid = model_class(structure).from_wire(data.draw(wire.structure(structure)))
    for bad in invalid_secret_wires(shape):
        model = dataclasses.replace(valid, **{member.py_name: bad})
        with pytest.raises(ValidationError) as info:
            model.validate()
        error = info.value
        assert member.wire_name in {v.path.split(".")[0].split("[")[0].split(" ")[0] for v in error.violations}
        text = str(error) + repr(error.violations) + repr(error.args)
        assert leaks(text, secrets, "error") == [], repr(bad)

        for parent, via, how in parents(structure)[:2]:
            outer_valid = model_class(parent).from_wire(data.draw(wire.structure(parent)))
            outer_model = dataclasses.replace(outer_valid, **{via.py_name: wrap(model, how)})
            with pytest.raises(ValidationError) as outer:
                outer_model.validate()
            assert leaks(str(outer.value), secrets, "error") == [], f"{parent}.{via.wire_name}"


def test_the_secret_fuzzing_ran() -> None:
    """The counts the closing note quotes (this test runs after the two above in file order)."""
    print(f"\nsecrets: {len(SENSITIVE)} sensitive members; {TEXTS['model']} model texts, {TEXTS['error']} error texts")
    assert TEXTS["model"] > 2 * len(SENSITIVE) and TEXTS["error"] > len(SENSITIVE)


def test_sensitive_map_keys_are_hidden_in_paths() -> None:
    from cognito_typed.models import AdminInitiateAuthRequest

    request = AdminInitiateAuthRequest(
        user_pool_id="us-east-1_EXAMPLE",
        client_id="1example23456789",
        auth_flow="ADMIN_USER_PASSWORD_AUTH",
        auth_parameters={"PASSWORD": 12345678, SECRET: "x"},
    )
    with pytest.raises(ValidationError) as info:
        request.validate()
    assert [v.path for v in info.value.violations] == ["AuthParameters[<hidden>]"]
    assert "12345678" not in str(info.value)
    assert "auth_parameters" not in repr(request)  # a sensitive member is left out of repr
    assert SECRET not in repr(request) and "12345678" not in repr(request)


def test_the_simulator_shows_no_secret_in_its_resets_or_errors() -> None:
    """What the simulator records (a reset: printed in a test's failure) and the errors it raises for a
    documented payload rule: identifiers the model marks sensitive (ClientId) and IdP secrets never show."""
    import boto3
    from botocore.exceptions import ClientError

    from cognito_typed.testing import SimulatedReset, simulate

    with simulate() as cognito:
        raw = boto3.client("cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
        pool = raw.create_user_pool(PoolName="p")["UserPool"]["Id"]
        client_id = raw.create_user_pool_client(UserPoolId=pool, ClientName="web", RefreshTokenValidity=10)[
            "UserPoolClient"
        ]["ClientId"]
        raw.update_user_pool_client(UserPoolId=pool, ClientId=client_id, ClientName="web-2")  # resets the validity
        details = {"client_id": "1example23456789", "client_secret": SECRET, "authorize_scopes": "email"}
        raw.create_identity_provider(
            UserPoolId=pool, ProviderName="Google", ProviderType="Google", ProviderDetails=details
        )
        with pytest.raises(ClientError) as refused:  # token_url: returned by describe, refused by the update
            raw.update_identity_provider(
                UserPoolId=pool, ProviderName="Google", ProviderDetails={**details, "token_url": SECRET + "u"}
            )
        resets = cognito.resets
    assert "RefreshTokenValidity" in {r.member for r in resets}
    assert all(r.identifiers["ClientId"] == client_id for r in resets)  # the data is there ...
    assert client_id not in repr(resets) and client_id not in str(resets)  # ... its text hides it
    assert "token_url" in str(refused.value) and SECRET not in str(refused.value)
    hidden = SimulatedReset("UpdateX", {"UserPoolId": "p"}, "Secret", SECRET, None, frozenset({"Secret"}))
    assert SECRET not in repr(hidden) and "<hidden>" in repr(hidden) and "'p'" in repr(hidden)
