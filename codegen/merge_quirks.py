"""The few facts about Cognito's update calls that the model does not state.

Everything else about merge-on-update is derived from the model: which update has a
describe/get partner, which members are carried (update input members the describe
output also returns), which are read-only (returned but not accepted). This table
only names what differs from that rule, with the reason beside each entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
