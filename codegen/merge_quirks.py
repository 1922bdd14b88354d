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
class Quirks:
    # update member -> the describe member it is returned as
    renames: dict[str, str] = field(default_factory=dict[str, str])
    # (path, other): when both are present, don't send ``path`` (wire paths, dotted)
    drop_when_present: tuple[tuple[str, str], ...] = ()
    # carried lists that are left out when empty, because the service rejects []
    omit_empty: tuple[str, ...] = ()
    # (map member, key): keys that describe returns in a map but the update refuses
    read_only_keys: tuple[tuple[str, str], ...] = ()
    # why this update gets no merge-on-update method (None: it gets one)
    skip: str | None = None
    # what a merged update cannot carry, said in the method's docstring
    caveat: str | None = None


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
    ),
    "UpdateUserPoolClient": Quirks(
        # Describe can return these as []; an update with an empty OAuth list is rejected
        # when OAuth is off, and absent means the same thing as empty here.
        omit_empty=("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs"),
    ),
    "UpdateIdentityProvider": Quirks(
        # DescribeIdentityProvider adds the SAML provider's ActiveEncryptionCertificate to
        # ProviderDetails; AWS documents it as returned only, not something you set.
        read_only_keys=(("ProviderDetails", "ActiveEncryptionCertificate"),),
    ),
    "UpdateManagedLoginBranding": Quirks(
        skip="UpdateManagedLoginBranding already merges server-side: omitted settings keep their values.",
    ),
    "SetUICustomization": Quirks(
        caveat="The logo (ImageFile) cannot be carried: GetUICustomization returns only its URL. "
        "Pass image_file again if the customization has one.",
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
        paths += list(quirks.omit_empty) + [member for member, _ in quirks.read_only_keys] + list(quirks.renames)
        for path in paths:
            if not _has_path(service, op.input, path):
                out.append(f"merge quirk for {name}: {op.input} has no member {path}")
    return out


def _has_path(service: Service, shape_name: str, path: str) -> bool:
    shape = service.shapes[shape_name]
    for part in path.split("."):
        member = next((m for m in shape.members if m.wire_name == part), None)
        if member is None:
            return False
        shape = service.shapes[member.shape]
    return True
