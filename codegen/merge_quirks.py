"""The few facts about Cognito's update calls that the model does not state.

Everything else about merge-on-update is derived from the model: which update has a
describe/get partner, which members are carried (update input members the describe
output also returns), which are read-only (returned but not accepted). This table
only names what differs from that rule, with the reason beside each entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen.ir import Service


@dataclass(frozen=True)
class DescribeOnly:
    """Keys that describe returns in a map member but the update does not take."""

    member: str  # the map member (wire name)
    keys: tuple[str, ...]
    when: tuple[str, str] | None  # (describe member, value): only for resources where it holds
    evidence: str


@dataclass(frozen=True)
class Mirror:
    """Two members the service keeps identical: a change to one is sent to both, a reset resets both."""

    paths: tuple[str, str]  # wire paths in the update request
    evidence: str


@dataclass(frozen=True)
class OneOf:
    """Members of a structure of which the value of ``selector`` allows one: the others are not sent."""

    structure: str  # wire path of the structure
    selector: str  # its member that chooses
    members: tuple[tuple[str, str], ...]  # (selector value, the member it goes with)
    evidence: str


@dataclass(frozen=True)
class Uncompared:
    """A member of the described resource that moves with no write to it: check_concurrent ignores it."""

    member: str  # wire name, in the describe output's resource
    evidence: str


@dataclass(frozen=True)
class NotCarried:
    """An update member the describe shows but cannot give back: an update without it loses it."""

    member: str  # the update's member (wire name)
    shown_by: str  # the described resource's member that says there is one
    evidence: str


@dataclass(frozen=True)
class Quirks:
    # update member -> the describe member it is returned as
    renames: dict[str, str] = field(default_factory=dict[str, str])
    # (path, other): when both are present, don't send ``path`` (wire paths, dotted)
    drop_when_present: tuple[tuple[str, str], ...] = ()
    # carried lists that are left out when empty, because the service rejects []
    omit_empty: tuple[str, ...] = ()
    describe_only: tuple[DescribeOnly, ...] = ()
    mirrors: tuple[Mirror, ...] = ()
    one_of: tuple[OneOf, ...] = ()
    uncompared: tuple[Uncompared, ...] = ()
    not_carried: tuple[NotCarried, ...] = ()
    # why this update gets no merge-on-update method (None: it gets one)
    skip: str | None = None
    # what a merged update cannot carry, said in the method's docstring
    caveat: str | None = None


_LEGACY = (
    "{legacy}: This parameter is no longer used. (UpdateUserPool) The template member is the setting; "
    "DescribeUserPool returns both, and a merge sends the two equal."
)
_PROVIDER_DETAILS = (
    "IdentityProviderType.ProviderDetails documentation: its {kind} 'Describe response' example has these "
    "keys, its 'Create or update request' example does not."
)


def _describe_only(kind: str, *keys: str) -> DescribeOnly:
    return DescribeOnly("ProviderDetails", keys, ("ProviderType", kind), _PROVIDER_DETAILS.format(kind=kind))


QUIRKS: dict[str, Quirks] = {
    "UpdateUserPool": Quirks(
        # DescribeUserPool returns the pool's name as Name; UpdateUserPool takes PoolName.
        renames={"PoolName": "Name"},
        # Describe returns both; sending both fails with "Please use TemporaryPasswordValidityDays
        # in PasswordPolicy instead of UnusedAccountValidityDays".
        drop_when_present=(
            (
                "AdminCreateUserConfig.UnusedAccountValidityDays",
                "Policies.PasswordPolicy.TemporaryPasswordValidityDays",
            ),
        ),
        mirrors=(
            Mirror(
                ("LambdaConfig.PreTokenGeneration", "LambdaConfig.PreTokenGenerationConfig.LambdaArn"),
                "If you also set an ARN in PreTokenGenerationConfig, its value must be identical to "
                "PreTokenGeneration. (LambdaConfigType.PreTokenGeneration)",
            ),
            Mirror(
                ("EmailVerificationSubject", "VerificationMessageTemplate.EmailSubject"),
                _LEGACY.format(legacy="EmailVerificationSubject"),
            ),
            Mirror(
                ("EmailVerificationMessage", "VerificationMessageTemplate.EmailMessage"),
                _LEGACY.format(legacy="EmailVerificationMessage"),
            ),
            Mirror(
                ("SmsVerificationMessage", "VerificationMessageTemplate.SmsMessage"),
                _LEGACY.format(legacy="SmsVerificationMessage"),
            ),
        ),
        uncompared=(
            Uncompared(
                "EstimatedNumberOfUsers",
                "A number estimating the size of the user pool. (UserPoolType.EstimatedNumberOfUsers): it moves "
                "as users sign up, with no write to the pool; an update neither takes nor overwrites it.",
            ),
        ),
        one_of=(
            OneOf(
                "VerificationMessageTemplate",
                "DefaultEmailOption",
                (("CONFIRM_WITH_CODE", "EmailMessage"), ("CONFIRM_WITH_LINK", "EmailMessageByLink")),
                "For CONFIRM_WITH_LINK, specify an EmailMessageByLink and leave EmailMessage blank. For "
                "CONFIRM_WITH_CODE, specify an EmailMessage and leave EmailMessageByLink blank. When you supply "
                "both parameters with either choice, Amazon Cognito returns an error. "
                "(UpdateUserPoolRequest.VerificationMessageTemplate)",
            ),
        ),
    ),
    "UpdateUserPoolClient": Quirks(
        # Describe can return these as []; an update with an empty OAuth list is rejected
        # when OAuth is off, and absent means the same thing as empty here.
        omit_empty=("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs"),
    ),
    "UpdateIdentityProvider": Quirks(
        describe_only=(
            _describe_only("OIDC", "attributes_url_add_attributes"),
            _describe_only("SAML", "ActiveEncryptionCertificate", "SLORedirectBindingURI", "SSORedirectBindingURI"),
            _describe_only(
                "Google",
                *("attributes_url", "attributes_url_add_attributes", "authorize_url", "oidc_issuer"),
                *("token_request_method", "token_url"),
            ),
            _describe_only(
                "LoginWithAmazon",
                *("attributes_url", "attributes_url_add_attributes", "authorize_url", "token_request_method"),
                "token_url",
            ),
            _describe_only(
                "Facebook",
                *("attributes_url", "attributes_url_add_attributes", "authorize_url", "token_request_method"),
                "token_url",
            ),
            _describe_only(
                "SignInWithApple",
                *("attributes_url_add_attributes", "authorize_url", "oidc_issuer", "token_request_method"),
                "token_url",
            ),
        ),
        caveat='Sign in with Apple: DescribeIdentityProvider does not return the private_key ("Describe operations '
        "don't return the private key\"), so a merge cannot carry it; pass provider_details with it when the "
        "update needs it.",
    ),
    "UpdateManagedLoginBranding": Quirks(
        skip="UpdateManagedLoginBranding already merges server-side: omitted settings keep their values.",
    ),
    "SetUICustomization": Quirks(
        caveat="The logo (ImageFile) cannot be carried: GetUICustomization returns only its URL. "
        "Pass image_file again if the customization has one.",
        not_carried=(
            NotCarried(
                "ImageFile",
                "ImageUrl",
                "UICustomizationType.ImageUrl: 'A URL path to the hosted logo image of your UI customization.' "
                "(the image itself is never returned, and SetUICustomization replaces the customization whole)",
            ),
        ),
    ),
}


def problems(service: Service) -> list[str]:
    """A warning for each entry naming an operation, or a member path, that the model does not have."""
    out: list[str] = []
    operations = {op.name: op for op in service.operations}
    for name, quirks in QUIRKS.items():
        op = operations.get(name)
        if op is None:
            out.append(f"merge quirk for {name}: the model has no operation {name}")
            continue
        paths = [p for pair in quirks.drop_when_present for p in pair]
        paths += [p for mirror in quirks.mirrors for p in mirror.paths]
        paths += [f"{o.structure}.{m}" for o in quirks.one_of for m in (o.selector, *(m for _, m in o.members))]
        paths += list(quirks.omit_empty) + [d.member for d in quirks.describe_only] + list(quirks.renames)
        for path in paths:
            if not service.has_path(op.input, path):
                out.append(f"merge quirk for {name}: {op.input} has no member {path}")
        returned = {m.wire_name for s in service.structures() for m in s.members}  # (the describe's, loosely)
        for u in quirks.uncompared:
            if u.member not in returned:
                out.append(f"merge quirk for {name}: no structure has a member {u.member}")
        for n in quirks.not_carried:
            if not service.has_path(op.input, n.member) or n.shown_by not in returned:
                out.append(f"merge quirk for {name}: {n.member} or {n.shown_by} is no member")
    return out
