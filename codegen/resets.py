"""What each update does to the settings its request leaves out: a fact the model does not state.

Cognito's update calls replace the resource: a member the request omits is reset to its default.
The merge-on-update methods exist because of that, and the simulator
(:mod:`cognito_typed.testing`) plays it back on top of moto, which merges instead. This table says,
per update with a describe partner, what an omitted member becomes, with the sentence of the AWS
documentation each entry follows. Entries the documentation is silent on are marked ``assumed``:
the simulator then replaces as well (the pessimistic choice: code that keeps its settings against a
replacing service keeps them against a merging one too), and the closing notes list them as
unverified against real AWS.

An omitted member becomes:

- the value in ``defaults`` (wire paths, dotted for members of nested structures), when the docs
  name one;
- its current value, when it is in ``keeps`` (the docs say so), or when the describe output always
  returns it (a required member of the resource, or one ``codegen.presence`` lists: a client's name
  cannot become absent);
- absent, otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from codegen.ir import Service

Basis = Literal["documented", "assumed"]


@dataclass(frozen=True)
class Default:
    value: object
    evidence: str


@dataclass(frozen=True)
class Omitted:
    """What one update does to the members its request omits."""

    basis: Basis
    evidence: str  # the sentence of the AWS docs (or, for "assumed", why the simulator replaces)
    source: str  # where the sentence is
    defaults: Mapping[str, Default] = field(default_factory=lambda: MappingProxyType({}))
    keeps: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # member -> evidence


_MODEL = "botocore's cognito-idp model (the operation's documentation)"
_REPLACES = "If you don't provide a value for an attribute, Amazon Cognito sets it to its default value."

OMITTED: dict[str, Omitted] = {
    "UpdateUserPoolClient": Omitted(
        "documented",
        _REPLACES,
        _MODEL + ", UpdateUserPoolClient",
        defaults={
            "RefreshTokenValidity": Default(
                30,
                "If you don't specify otherwise in the configuration of your app client, your refresh tokens are "
                "valid for 30 days. (RefreshTokenValidity; the default unit is days)",
            ),
            "AccessTokenValidity": Default(
                1,
                "If you don't specify otherwise in the configuration of your app client, your access tokens are "
                "valid for one hour. (AccessTokenValidity; the default unit is hours)",
            ),
            "IdTokenValidity": Default(
                1,
                "If you don't specify otherwise in the configuration of your app client, your ID tokens are valid "
                "for one hour. (IdTokenValidity; the default unit is hours)",
            ),
            "AuthSessionValidity": Default(
                3,
                "Valid values for authSessionValidity are between 3 and 15, with a default value of 3. "
                "(the AWS provider's UserPoolClient documentation; botocore's model states the range only)",
            ),
            "AllowedOAuthFlowsUserPoolClient": Default(
                False,
                "If you don't set a value for AllowedOAuthFlowsUserPoolClient in a request with the CLI or SDKs, "
                "it defaults to false.",
            ),
            "PreventUserExistenceErrors": Default("LEGACY", "Defaults to LEGACY. (PreventUserExistenceErrors)"),
            "EnableTokenRevocation": Default(
                True,
                "If you don't include this parameter, token revocation is automatically activated for the new user "
                "pool client. (CreateUserPoolClient's EnableTokenRevocation: the default an update falls back to)",
            ),
            "EnablePropagateAdditionalUserContextData": Default(
                False,
                "If you don't include this parameter, you can't send the source IP address to Amazon Cognito "
                "threat protection features.",
            ),
        },
    ),
    "UpdateUserPool": Omitted(
        "documented",
        _REPLACES,
        _MODEL + ", UpdateUserPool",
        defaults={
            "UserPoolTier": Default("ESSENTIALS", "Defaults to ESSENTIALS. (UserPoolTier)"),
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays": Default(
                7, "Defaults to 7. (PasswordPolicyType.TemporaryPasswordValidityDays)"
            ),
            "MfaConfiguration": Default(
                "OFF",
                "CreateUserPool without MfaConfiguration makes a pool whose DescribeUserPool says "
                "MfaConfiguration OFF (moto returns the same); an update falls back to it.",
            ),
        },
        keeps={
            "DcrConfiguration": "If you omit this parameter, Amazon Cognito keeps the existing configuration.",
        },
    ),
    "UpdateResourceServer": Omitted(
        "documented",
        "If you don't provide a value for an attribute, it is set to the default value.",
        _MODEL + ", UpdateResourceServer",
    ),
    "UpdateGroup": Omitted(
        "documented",
        "If you don't provide a value for an attribute, it will be set to the default value.",
        "botocore 1.20.0's cognito-idp model, UpdateGroup (later releases dropped the sentence)",
        defaults={},  # "The default Precedence value is null.": absent, as every other omitted member
    ),
    "SetRiskConfiguration": Omitted(
        "documented",
        "To set the risk configuration for the user pool to defaults, send this request with only the "
        "UserPoolId parameter.",
        _MODEL + ", SetRiskConfiguration",
    ),
    "SetUserPoolClientSessionConfiguration": Omitted(
        "documented",
        "This operation performs a full replacement of the client-level session configuration; every request "
        "parameter is required, and session tracking must be enabled for the user pool.",
        _MODEL + ", SetUserPoolClientSessionConfiguration",
    ),
    "SetUserPoolSessionConfiguration": Omitted(
        "documented",
        "This operation performs a full replacement of the pool-level session configuration; every request "
        "parameter is required.",
        _MODEL + ", SetUserPoolSessionConfiguration",
    ),
    "SetLogDeliveryConfiguration": Omitted(
        "assumed",
        "Sets up or modifies the logging configuration of a user pool. (LogConfigurations is the whole "
        "configuration: the request's list replaces it)",
        _MODEL + ", SetLogDeliveryConfiguration",
    ),
    "SetUICustomization": Omitted(
        "assumed",
        "The docs do not say; GetUICustomization cannot return the logo (ImageFile) for a merge to carry, so "
        "the simulator replaces the customization as a Set call suggests.",
        _MODEL + ", SetUICustomization",
    ),
    "SetUserPoolMfaConfig": Omitted(
        "assumed",
        "The docs do not say what an omitted MFA configuration becomes; the simulator replaces.",
        _MODEL + ", SetUserPoolMfaConfig",
    ),
    "UpdateIdentityProvider": Omitted(
        "assumed",
        "The docs do not say (ProviderDetails: 'The identity provider details to be updated'); the simulator replaces.",
        _MODEL + ", UpdateIdentityProvider",
    ),
    "UpdateUserPoolDomain": Omitted(
        "assumed",
        "The docs do not say what an omitted ManagedLoginVersion or CustomDomainConfig becomes; the simulator "
        "replaces.",
        _MODEL + ", UpdateUserPoolDomain",
    ),
    "UpdateCIMDPolicy": Omitted(
        "assumed",
        "The docs do not say what an omitted PolicyName or CacheDuration becomes; the simulator replaces.",
        _MODEL + ", UpdateCIMDPolicy",
    ),
    "UpdateTerms": Omitted(
        "assumed",
        "The docs do not say; every member of a terms document is required in the describe output, so an "
        "omitted one keeps its value.",
        _MODEL + ", UpdateTerms",
    ),
}


def problems(service: Service) -> list[str]:
    """A warning for each entry naming an operation, or a member path, that the model does not have."""
    out: list[str] = []
    operations = {op.name: op for op in service.operations}
    for name, entry in OMITTED.items():
        op = operations.get(name)
        if op is None:
            out.append(f"reset table entry for {name}: the model has no operation {name}")
            continue
        for path in [*entry.defaults, *entry.keeps]:
            if not service.has_path(op.input, path):
                out.append(f"reset table entry for {name}: {op.input} has no member {path}")
    from codegen.merges import derive

    for pair in derive(service)[0]:
        if pair.update.name not in OMITTED:
            out.append(f"reset table: no entry for {pair.update.name}; the simulator replaces what it omits (assumed)")
    return out
