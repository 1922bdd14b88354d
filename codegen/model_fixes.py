"""Where botocore's model of cognito-idp is wrong, or says less than the service does: one table.

Each entry names a shape (or ``Shape.Member``), what the model says there, the correction or the
extra sensitivity, and the public evidence for it (a sentence of the AWS documentation, of the
model's own documentation, or the service's error text). :func:`apply` lays the table over the
IR; the generator warns when an entry names a shape or member the model does not have, or when
the model no longer says what the entry corrects (the entry may be obsolete).

What the corrections change: the client-side checks of the runtime package (``validate()``) and
the stub package's constraint checks (mypy plugin), the hiding of values in ``repr``, error
messages and merge plans. The wire format is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from codegen.ir import Constraints, Service, Shape


@dataclass(frozen=True)
class Fix:
    target: str  # "Shape" or "Shape.Member" (wire name)
    evidence: str
    model_pattern: str | None = None  # what the model says (to notice when the model changes)
    pattern: str | None = None  # the corrected pattern (Java regex, whole-string match)
    sensitive: bool = False  # the values are secrets the model does not mark sensitive
    secret_keys: tuple[str, ...] = ()  # a map whose values under these keys are secrets
    json_object: bool = False  # a document member that must be a JSON object


_LABEL = r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?"

FIXES: tuple[Fix, ...] = (
    Fix(
        "DomainType",
        model_pattern=r"^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$",
        pattern=rf"^{_LABEL}(?:\.{_LABEL})*$",
        evidence="The model's own documentation of CreateUserPoolDomain's Domain: 'For custom domains, this "
        "is the fully-qualified domain name, such as auth.example.com.' The model's pattern has no dots.",
    ),
    Fix(
        "PasswordType",
        model_pattern=r"[\S]+",
        pattern=r"^[\S]+.*[\S]+$",
        evidence="The service's error text for a password it refuses: \"Value at 'password' failed to satisfy "
        'constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$"; and the developer '
        "guide's password policy (user-pool-settings-policies): 'The non-leading, non-trailing space "
        "character is also treated as a special character.' A passphrase with inner spaces is a password.",
    ),
    Fix(
        "ConfirmationCodeType",
        sensitive=True,
        evidence="The model's documentation of ConfirmSignUp's ConfirmationCode: 'The confirmation code that "
        "your user pool sent in response to the SignUp request.', and of VerifyUserAttribute's Code: 'The "
        "verification code that your user pool sent to the added or changed attribute': one-time "
        "credentials, as the TOTP code SoftwareTokenMFAUserCodeType is, which the model marks sensitive.",
    ),
    Fix(
        "ContextDataType.HttpHeaders",
        sensitive=True,
        evidence="The model's documentation of ContextDataType's HttpHeaders: 'The HTTP headers from your "
        "user's authentication request.' Those carry the user's cookies and Authorization header.",
    ),
    Fix(
        "ContextDataType.EncodedData",
        sensitive=True,
        evidence="The model's documentation of ContextDataType's EncodedData: 'Encoded device-fingerprint "
        "details that your app collected with the Amazon Cognito context data collection library.' The "
        "same data in UserContextDataType is sensitive in the model.",
    ),
    Fix(
        "DeviceSecretVerifierConfigType.PasswordVerifier",
        sensitive=True,
        evidence="The model's documentation of DeviceSecretVerifierConfigType's PasswordVerifier: 'A password "
        "verifier for a user's device. Used in SRP authentication.'",
    ),
    Fix(
        "DeviceSecretVerifierConfigType.Salt",
        sensitive=True,
        evidence="The model's documentation of DeviceSecretVerifierConfigType's Salt: 'The salt that you want "
        "to use in SRP authentication with the user's device.' (with the verifier, what SRP keeps secret)",
    ),
    Fix(
        "ProviderDetailsType",
        secret_keys=("client_secret", "private_key"),
        evidence="The model's own documentation of ProviderDetails: the keys of each IdP type include "
        '\'"client_secret": "provider-app-client-secret"\' (OIDC, Google, Facebook, LoginWithAmazon) and '
        '\'"private_key": "..."\' (SignInWithApple); the map itself is not marked sensitive.',
    ),
    Fix(
        "CompleteWebAuthnRegistrationRequest.Credential",
        json_object=True,
        evidence="The model's documentation of Credential: 'A RegistrationResponseJSON public-key credential "
        "response from the user's passkey provider.' (WebAuthn's RegistrationResponseJSON is a JSON object).",
    ),
    Fix(
        "CreateManagedLoginBrandingRequest.Settings",
        json_object=True,
        evidence="The model's documentation of Settings: 'A JSON file, encoded as a Document type, with the "
        "the settings that you want to apply to your style.' (settings by component name: a JSON object).",
    ),
    Fix(
        "UpdateManagedLoginBrandingRequest.Settings",
        json_object=True,
        evidence="The model's documentation of Settings: 'A JSON file, encoded as a Document type, with the "
        "the settings that you want to apply to your style.' (settings by component name: a JSON object).",
    ),
)


SERVICE = "cognito-idp"  # the model this table is about (other models, the tests' fixtures, get none of it)


def apply(service: Service, fixes: tuple[Fix, ...] = FIXES) -> Service:
    """``service`` with the table laid over it, and a warning for each entry that does not fit the model."""
    if service.service_name != SERVICE:
        return service
    shapes = dict(service.shapes)
    warnings = list(service.warnings)
    for fix in fixes:
        name, _, member = fix.target.partition(".")
        shape = shapes.get(name)
        if shape is None:
            warnings.append(f"model fix for {fix.target}: the model has no shape {name}")
            continue
        if member:
            found = [m for m in shape.members if m.wire_name == member]
            if not found:
                warnings.append(f"model fix for {fix.target}: {name} has no member {member}")
                continue
            members = tuple(
                replace(m, sensitive=m.sensitive or fix.sensitive, json_object=m.json_object or fix.json_object)
                if m.wire_name == member
                else m
                for m in shape.members
            )
            shapes[name] = replace(shape, members=members)
            continue
        shapes[name] = _fix_shape(shape, fix, warnings)
    return replace(service, shapes=shapes, warnings=tuple(warnings))


def _fix_shape(shape: Shape, fix: Fix, warnings: list[str]) -> Shape:
    if fix.pattern is not None:
        if shape.constraints.pattern != fix.model_pattern:
            warnings.append(
                f"model fix for {fix.target}: the model's pattern is now {shape.constraints.pattern!r}, not "
                f"{fix.model_pattern!r}: check whether the fix is still needed"
            )
        shape = replace(shape, constraints=Constraints(shape.constraints.min, shape.constraints.max, fix.pattern))
    if fix.secret_keys:
        if shape.kind != "map":
            warnings.append(f"model fix for {fix.target}: secret keys on a {shape.kind}, not a map")
        shape = replace(shape, secret_keys=fix.secret_keys)
    if fix.sensitive:
        shape = replace(shape, sensitive=True)
    return shape
