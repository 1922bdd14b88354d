"""What the merge-on-update tests share: the generated specs, a deterministic builder of rich
resources from the IR, an independent oracle for the update a merge must send, and a typed
client over a stubbed real botocore client.

The oracle (:func:`expected_update`) restates the change semantics of the issue from the
model, not from ``cognito_typed.merges``: carried = update input members that the describe
resource returns (with the one rename the issue names), nested structures merged member by
member, lists/maps whole, ``RESET`` absent, the traps applied. The tests compare the engine
against it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from typing import Any

import botocore.session
from botocore.stub import Stubber
from support import (
    COMMON_SERVICE,
    SERVICE,
    installed_only,
    model_class,
    skip_unless_installed_has,
    skip_unless_installed_has_member,
)

from codegen import naming
from codegen.ir import Service, Shape
from cognito_typed import merges
from cognito_typed._runtime.merge import RESET, MergeSpec
from cognito_typed._runtime.patterns import java_pattern
from cognito_typed.client import CognitoIdentityProvider

# --- the generated specs ---------------------------------------------------------------

SPECS: dict[str, MergeSpec[Any, Any]] = {
    spec.update.__operation__: spec for name in merges.__all__ if name != "SKIPPED" for spec in [getattr(merges, name)]
}

# Update member -> describe member, where the describe output names it differently (the issue names this one).
RENAMES: dict[str, dict[str, str]] = {"UpdateUserPool": {"PoolName": "Name"}}


def operation(name: str) -> Any:
    return next(op for op in SERVICE.operations if op.name == name)


def describe_op(update: str) -> Any:
    return operation(SPECS[update].describe.__operation__)


def resource_shape(update: str) -> Shape:
    """The shape of the resource the describe call returns (its one structure member, or the output)."""
    spec = SPECS[update]
    out = SERVICE.shapes[describe_op(update).output]
    if spec.resource is None:
        return out
    member = next(m for m in out.members if m.wire_name == spec.resource)
    return SERVICE.shapes[member.shape]


def update_shape(update: str) -> Shape:
    return SERVICE.shapes[operation(update).input]


def identifiers(update: str) -> list[str]:
    """The describe input members: the caller passes them, both calls take them."""
    return [m.wire_name for m in SERVICE.shapes[describe_op(update).input].members]


def model_carried(update: str, service: Service = SERVICE) -> dict[str, str]:
    """update member -> describe member, straight from the model (the oracle's own derivation); with
    ``service=COMMON_SERVICE``, those the installed botocore can both receive and send (installed_carried)."""
    returned = {m.wire_name for m in service.shapes[resource_shape(update).name].members}
    ids = set(identifiers(update))
    renames = RENAMES.get(update, {})
    return {
        m.wire_name: renames.get(m.wire_name, m.wire_name)
        for m in service.shapes[update_shape(update).name].members
        if m.wire_name not in ids and renames.get(m.wire_name, m.wire_name) in returned
    }


def installed_carried(update: str) -> dict[str, str]:
    """The carried members a merge sends over the installed botocore: the typed client leaves out what its
    model lacks (botocore 1.30.1's UpdateUserPool takes no PoolName). All of them on the pinned botocore."""
    return model_carried(update, COMMON_SERVICE)


def py(wire: str) -> str:
    return naming.snake(wire)


# --- deterministic rich values from the IR ----------------------------------------------

WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
LATER = datetime(2024, 5, 6, 9, 10, 11, tzinfo=UTC)

# Tried in order for a string shape; the first that fits its length and (Java) pattern is used.
STRINGS = (
    "example",
    "Example value",
    "us-east-1_Example1",
    "us-east-1",
    "user@example.com",
    "https://example.com/path",
    "arn:aws:lambda:us-east-1:123456789012:function:example",
    "arn:aws:s3:::example-bucket",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret/example-secret",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "123456789012",
    "Level1",
    "cognito:english",
    "terms-of-use",
    "privacy-policy",
    "Your code is {####}",
    "Click {##here##} to verify {####}",
    "Your code is {####}. Click {##here##}",
    "abcdefghijklmnopqrstuvwxyz012345",
    "0a1b2c3d",
)


class Rich:
    """Every member of every structure present, with a valid value; ``variant`` gives other valid values.

    By default the structures are those of the package's model less the members the installed botocore's
    model lacks (``support.COMMON_SERVICE``: all of them on the pinned botocore), so that its Stubber takes them.

    ``overrides`` fixes the value of ``"Structure.Member"`` (a callable of the variant) where
    Cognito needs members to agree with each other (the traps of the issue).
    """

    def __init__(self, service: Service = COMMON_SERVICE, overrides: Mapping[str, Any] | None = None) -> None:
        self.svc = service
        self.overrides = dict(overrides or {})

    def __call__(self, name: str, variant: int = 0) -> Any:
        shape = self.svc.shapes[name]
        c = shape.constraints
        match shape.kind:
            case "structure":
                out = {}
                for m in shape.members:
                    key = f"{name}.{m.wire_name}"
                    if key in self.overrides:
                        value = self.overrides[key]
                        value = value(variant) if callable(value) else value
                        if value is not None:  # less what this model lacks (a hand-written override)
                            out[m.wire_name] = installed_only(m.shape, value, self.svc)
                    else:
                        out[m.wire_name] = self(m.shape, variant)
                return out
            case "string":
                return self.string(shape, variant)
            case "enum":
                return shape.enum[variant % len(shape.enum)]
            case "integer" | "long":
                lo = c.min if c.min is not None else 0
                hi = c.max if c.max is not None else lo + 1000
                return min(hi, lo + 1 + variant)
            case "boolean":
                return variant % 2 == 0
            case "blob":
                return bytes([65 + variant % 26]) * max(c.min or 0, 4)
            case "timestamp":
                return WHEN
            case "document":
                return {"key": "value", "n": variant}
            case "list":
                assert shape.item is not None
                wanted = 2 if variant % 2 == 0 else 1  # odd variants differ in length too
                count = max(c.min or 0, wanted if c.max is None else min(c.max, wanted))
                return self.distinct(shape.item, count, variant)
            case "map":
                assert shape.key is not None and shape.value is not None
                count = max(c.min or 0, 2 if c.max is None else min(c.max, 2))
                keys = self.distinct(shape.key, count, variant)
                return {k: self(shape.value, variant + i) for i, k in enumerate(keys)}
        raise AssertionError(f"{name}: unknown kind {shape.kind}")

    def distinct(self, name: str, count: int, variant: int) -> list[Any]:
        out: list[Any] = []
        for i in range(variant * count, variant * count + 40):
            value = self(name, i)
            if value not in out:
                out.append(value)
            if len(out) == count:
                break
        return out

    def string(self, shape: Shape, variant: int) -> str:
        fits = [s for s in (self._fit(base, shape) for base in STRINGS) if s is not None]
        assert fits, f"no example string for {shape.name} {shape.constraints}"
        if variant == 0:
            return fits[0]
        for base in fits:  # a numbered variant of a fitting value, else another fitting value
            for candidate in (f"{base}{variant}", f"{variant}{base}", f"{base[:-1]}{variant}"):
                value = self._fit(candidate, shape)
                if value is not None:
                    return value
        return fits[variant % len(fits)]

    @staticmethod
    def _fit(value: str, shape: Shape) -> str | None:
        c = shape.constraints
        if c.min is not None and len(value) < c.min:
            value = value + "x" * (c.min - len(value))
        if c.max is not None and len(value) > c.max:
            return None
        if c.pattern is not None and not java_pattern(c.pattern).fullmatch(value):
            return None
        return value


# The traps of the issue, as Cognito would return a real resource: members that must agree.
TRAP_OVERRIDES: dict[str, Any] = {
    # App client: validities counted in their units and in range, ALLOW_ flows only, https
    # callbacks (and http://localhost) with the default among them, a secret for context data.
    "UserPoolClientType.TokenValidityUnits": lambda v: {
        "AccessToken": "minutes",
        "IdToken": "minutes",
        "RefreshToken": "days" if v % 2 == 0 else "hours",
    },
    "UserPoolClientType.AccessTokenValidity": lambda v: 60 + v,
    "UserPoolClientType.IdTokenValidity": lambda v: 90 + v,
    "UserPoolClientType.RefreshTokenValidity": lambda v: 30 + v,
    "UserPoolClientType.AuthSessionValidity": lambda v: 3 + v % 13,
    "UserPoolClientType.ExplicitAuthFlows": lambda v: (
        ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"] if v % 2 == 0 else ["ALLOW_REFRESH_TOKEN_AUTH"]
    ),
    # Every variant's list holds both possible defaults, so any variant of one agrees with the other.
    "UserPoolClientType.CallbackURLs": lambda v: [
        "https://app.example.com/callback",
        *([f"https://app{v}.example.com/callback"] if v else []),
        "http://localhost:3000/callback",
    ],
    "UserPoolClientType.DefaultRedirectURI": lambda v: (
        "https://app.example.com/callback" if v % 2 == 0 else "http://localhost:3000/callback"
    ),
    "UserPoolClientType.LogoutURLs": lambda v: [f"https://app{v}.example.com/logout"],
    "UserPoolClientType.AllowedOAuthFlows": lambda v: ["code"] if v % 2 == 0 else ["code", "implicit"],
    "UserPoolClientType.AllowedOAuthScopes": lambda v: ["openid", "email"] if v % 2 == 0 else ["openid"],
    "UserPoolClientType.SupportedIdentityProviders": lambda v: ["COGNITO"] if v % 2 == 0 else ["COGNITO", "Google"],
    "UserPoolClientType.ReadAttributes": lambda v: ["email", "name"] if v % 2 == 0 else ["email"],
    "UserPoolClientType.WriteAttributes": lambda v: ["name"] if v % 2 == 0 else ["name", "locale"],
    # User pool: describe returns both of these; sending both fails.
    "AdminCreateUserConfigType.UnusedAccountValidityDays": lambda v: 7 + v,
    "PasswordPolicyType.TemporaryPasswordValidityDays": lambda v: 7 + v,
    "PasswordPolicyType.MinimumLength": lambda v: 12 + v,
    "VerificationMessageTemplateType.EmailMessageByLink": lambda v: f"Verify: {{##link {v}##}}",
    "AccountRecoverySettingType.RecoveryMechanisms": lambda v: [
        {"Name": "verified_email" if v % 2 == 0 else "verified_phone_number", "Priority": 1}
    ],
}


@cache
def rich() -> Rich:
    return Rich(overrides=TRAP_OVERRIDES)


def rich_resource(update: str, variant: int = 0) -> dict[str, Any]:
    """A resource as the describe call would return it: every member present with a valid value."""
    return rich()(resource_shape(update).name, variant)


def skip_unless_installed_has_pair(update: str, member: str | None = None) -> None:
    """Skip a test of the pair ``update`` (and of its carried member ``member``) when the installed botocore's
    model lacks the update or describe operation, the update member, or the describe member it is read from."""
    skip_unless_installed_has(update)
    skip_unless_installed_has(SPECS[update].describe.__operation__)
    if member is not None:
        skip_unless_installed_has_member(update_shape(update).name, member)
        skip_unless_installed_has_member(resource_shape(update).name, model_carried(update)[member])


def change_value(update: str, member: str) -> Any:
    """A valid new wire value for update member ``member`` (the member of the next variant of the
    resource), or RESET where the shape has no other value."""
    value = rich_resource(update, variant=1)[model_carried(update)[member]]
    if value == rich_resource(update)[model_carried(update)[member]]:
        return RESET  # the shape has one value only (a one-value enum): the change can only be a reset
    if update == "UpdateUserPool" and member == "AdminCreateUserConfig":
        # Changing UnusedAccountValidityDays while TemporaryPasswordValidityDays is set is refused (a trap).
        value = {k: v for k, v in value.items() if k != "UnusedAccountValidityDays"}
    if update == "UpdateUserPool" and member == "VerificationMessageTemplate":
        # A template with both messages is refused: the one the option does not use is left out.
        value = {k: v for k, v in value.items() if k != EMAIL_MESSAGE_UNUSED[value["DefaultEmailOption"]]}
    return value


def id_values(update: str, resource: Mapping[str, Any]) -> dict[str, Any]:
    """Identifier wire values: the resource's own where it returns them, else a valid example."""
    shapes = {m.wire_name: m.shape for m in SERVICE.shapes[describe_op(update).input].members}
    return {wire: resource.get(wire, rich()(shape)) for wire, shape in shapes.items()}


def describe_response(update: str, resource: Mapping[str, Any]) -> dict[str, Any]:
    spec = SPECS[update]
    return dict(resource) if spec.resource is None else {spec.resource: dict(resource)}


def member_shape(structure: str, wire: str) -> Shape:
    return SERVICE.shapes[next(m.shape for m in SERVICE.shapes[structure].members if m.wire_name == wire)]


def to_python(shape: Shape, value: Any) -> Any:
    """A wire value of ``shape`` as the typed methods take it (nested models), from the IR."""
    if shape.kind == "structure":
        return model_class(shape.name).from_wire(value)
    if shape.kind == "list" and shape.item is not None:
        return [to_python(SERVICE.shapes[shape.item], v) for v in value]
    if shape.kind == "map" and shape.value is not None:
        return {k: to_python(SERVICE.shapes[shape.value], v) for k, v in value.items()}
    return value


def kwargs_for(update: str, ids: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword arguments of ``merge_*``/``plan_*``: identifiers + changes (wire name -> wire value or RESET)."""
    request = update_shape(update).name
    kwargs = {py(w): v for w, v in ids.items()}
    for wire, value in changes.items():
        kwargs[py(wire)] = value if value is RESET else to_python(member_shape(request, wire), value)
    return kwargs


# --- the oracle ---------------------------------------------------------------------------


def overlay(structure: str, base: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    """Structures member by member, lists/maps/scalars whole (the issue's semantics), from the IR."""
    out = dict(base)
    for wire, value in change.items():
        shape = member_shape(structure, wire)
        if shape.kind == "structure" and isinstance(out.get(wire), dict):
            out[wire] = overlay(shape.name, out[wire], value)
        else:
            out[wire] = value
    return out


# DefaultEmailOption -> the message member the template must not hold ("When you supply both
# parameters with either choice, Amazon Cognito returns an error").
EMAIL_MESSAGE_UNUSED = {"CONFIRM_WITH_CODE": "EmailMessageByLink", "CONFIRM_WITH_LINK": "EmailMessage"}
# Legacy pool members and the template member the service keeps identical to each.
LEGACY_TEMPLATE = {
    "EmailVerificationSubject": "EmailSubject",
    "EmailVerificationMessage": "EmailMessage",
    "SmsVerificationMessage": "SmsMessage",
}
# Lists not sent when empty (the service rejects [] when OAuth is off; absent means the same).
OMIT_EMPTY = {"UpdateUserPoolClient": ("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs")}
# Map keys the describe returns and the update refuses.
READ_ONLY_KEYS = {"UpdateIdentityProvider": {"ProviderDetails": ("ActiveEncryptionCertificate",)}}


def expected_update(
    update: str, current: Mapping[str, Any], ids: Mapping[str, Any], changes: Mapping[str, Any]
) -> dict[str, Any]:
    """The full update a merge must send for ``changes`` (wire values, or RESET) over ``current``."""
    carried = {u: current[d] for u, d in installed_carried(update).items() if d in current}
    for name, keys in READ_ONLY_KEYS.get(update, {}).items():
        if name in carried:
            carried[name] = {k: v for k, v in carried[name].items() if k not in keys}
    merged = overlay(update_shape(update).name, carried, {w: v for w, v in changes.items() if v is not RESET})
    for wire, value in changes.items():
        if value is RESET:
            merged.pop(wire, None)
    for name in OMIT_EMPTY.get(update, ()):
        if merged.get(name) == []:
            del merged[name]
    if update == "UpdateUserPool":
        _pool_invariants(merged, changes)
        temporary = merged.get("Policies", {}).get("PasswordPolicy", {}).get("TemporaryPasswordValidityDays")
        given = changes.get("AdminCreateUserConfig")
        legacy_given = isinstance(given, dict) and given.get("UnusedAccountValidityDays") is not None
        # the legacy member goes with the setting: sent only when given, once the setting is reset
        if (temporary is not None or (changes.get("Policies") is RESET and not legacy_given)) and (
            "AdminCreateUserConfig" in merged
        ):
            merged["AdminCreateUserConfig"] = {
                k: v for k, v in merged["AdminCreateUserConfig"].items() if k != "UnusedAccountValidityDays"
            }
    return {**merged, **ids}


def _pool_invariants(merged: dict[str, Any], changes: Mapping[str, Any]) -> None:
    """What the pool's documentation asks of an update: the legacy members equal to the template's,
    the legacy pre-token trigger equal to the configured one, one email message per option."""
    template = merged.get("VerificationMessageTemplate")
    if template:
        template = merged["VerificationMessageTemplate"] = dict(template)
    new_template = changes.get("VerificationMessageTemplate")
    for legacy, member in LEGACY_TEMPLATE.items():
        new_legacy = changes.get(legacy)
        if new_legacy is not None and new_legacy is not RESET and template and member in template:
            template[member] = new_legacy
        elif isinstance(new_template, dict) and member in new_template and legacy in merged:
            merged[legacy] = new_template[member]
        if new_legacy is RESET and template:
            template.pop(member, None)
        if new_template is RESET:
            merged.pop(legacy, None)
    lambdas, new_lambdas = merged.get("LambdaConfig"), changes.get("LambdaConfig")
    if isinstance(new_lambdas, dict) and lambdas:
        lambdas = merged["LambdaConfig"] = dict(lambdas)
        config = lambdas.get("PreTokenGenerationConfig")
        if (
            "PreTokenGeneration" in new_lambdas
            and config
            and "LambdaArn" not in new_lambdas.get("PreTokenGenerationConfig", {})
        ):
            lambdas["PreTokenGenerationConfig"] = {**config, "LambdaArn": new_lambdas["PreTokenGeneration"]}
        new_config = new_lambdas.get("PreTokenGenerationConfig") or {}
        if "LambdaArn" in new_config and "PreTokenGeneration" in lambdas and "PreTokenGeneration" not in new_lambdas:
            lambdas["PreTokenGeneration"] = new_config["LambdaArn"]
    if template and template.get("DefaultEmailOption") in EMAIL_MESSAGE_UNUSED:
        template.pop(EMAIL_MESSAGE_UNUSED[template["DefaultEmailOption"]], None)


# --- a typed client over a stubbed botocore client ----------------------------------------------


@cache
def raw_client() -> Any:
    """A real botocore cognito-idp client (fake credentials); every test stubs it."""
    return botocore.session.get_session().create_client(
        "cognito-idp",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


_BY_METHOD = {op.py_name: op for op in SERVICE.operations}


class InstalledStubber(Stubber):
    """botocore's Stubber, whose queued responses and expected requests lose the members the installed
    botocore's model lacks (``support.installed_only``): the typed client sends none of them there, and that
    botocore's Stubber refuses them. On the pinned botocore it is botocore's Stubber as it is."""

    def add_response(self, method: str, service_response: Any, expected_params: Any = None) -> None:
        op = _BY_METHOD.get(method)
        if op is not None and COMMON_SERVICE is not SERVICE:
            if op.output is not None:
                service_response = installed_only(op.output, service_response)
            if expected_params is not None:
                expected_params = installed_only(op.input, expected_params)
        super().add_response(method, service_response, expected_params)


@contextmanager
def stubbed(*, all_used: bool = True) -> Iterator[tuple[CognitoIdentityProvider, Stubber]]:
    """The typed client over a Stubber; on a clean exit every queued response must have been used
    (unless ``all_used`` is false).

    A call with no queued response fails with botocore's ``UnStubbedResponseError``, so a test that
    queues only the describe proves the update was never sent.
    """
    raw = raw_client()
    with InstalledStubber(raw) as stubber:
        yield CognitoIdentityProvider(raw), stubber
        if all_used:
            stubber.assert_no_pending_responses()


def method(update: str, prefix: str = "merge_") -> str:
    return prefix + py(update)
