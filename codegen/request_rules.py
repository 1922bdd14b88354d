"""Which request models run which documented rules (``cognito_typed._runtime.rules``) in ``validate()``.

The rules are what AWS documents for app clients but the service model cannot state
(token validities counted in ``TokenValidityUnits``, no mixing of legacy and ``ALLOW_`` auth
flows, https redirect URLs, ...). Each entry names the rule set and the members its rules
read, so that the generator warns when a model lacks them (the rules themselves treat a
missing member as absent, so code generated from an older botocore still validates).
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.ir import Service


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
    # a merge of an app client also judges turning on EnablePropagateAdditionalUserContextData (rules.READS)
    "UpdateUserPoolClientRequest": RuleSet(
        "UPDATE_APP_CLIENT", (*_APP_CLIENT, "EnablePropagateAdditionalUserContextData")
    ),
}


def problems(service: Service) -> list[str]:
    """A warning for each entry naming a request, or a member of one, that the model does not have."""
    out: list[str] = []
    for name, rules in RULES.items():
        shape = service.shapes.get(name)
        if shape is None:
            out.append(f"request rules {rules.name}: the model has no shape {name}")
            continue
        members = {m.wire_name for m in shape.members}
        missing = [r for r in rules.reads if r not in members]
        if missing:
            out.append(f"request rules {rules.name}: {name} has no member {', '.join(missing)} (read as absent)")
    return out
