"""Which request models run which documented rules (``cognito_typed._runtime.rules``) in ``validate()``.

The rules are what AWS documents for app clients but the service model cannot state
(token validities counted in ``TokenValidityUnits``, no mixing of legacy and ``ALLOW_`` auth
flows, https redirect URLs, ...). Each entry names the rule set and the members its rules
read, so that the generator warns when a model lacks them (the rules themselves treat a
missing member as absent, so code generated from an older botocore still validates).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleSet:
    name: str  # the tuple of rules in cognito_typed._runtime.rules
    reads: tuple[str, ...]  # wire members of the request the rules read


_APP_CLIENT = (
    "AccessTokenValidity",
    "IdTokenValidity",
    "RefreshTokenValidity",
    "TokenValidityUnits",
    "ExplicitAuthFlows",
    "CallbackURLs",
    "LogoutURLs",
    "DefaultRedirectURI",
)

RULES: dict[str, RuleSet] = {
    "CreateUserPoolClientRequest": RuleSet(
        "CREATE_APP_CLIENT", (*_APP_CLIENT, "EnablePropagateAdditionalUserContextData", "GenerateSecret")
    ),
    "UpdateUserPoolClientRequest": RuleSet("UPDATE_APP_CLIENT", _APP_CLIENT),
}
