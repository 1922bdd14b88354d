"""Rules AWS documents for app clients that the service model cannot state.

They run in ``validate()`` of the request models named in :data:`RULES` (so the typed
client checks them before sending), with the same :class:`Violation` reporting as the
model's own constraints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from cognito_typed._runtime import UNSET, Violation

__all__ = ["RULES", "VALUE_RULES", "check_merge"]

Rule = Callable[[Any, list[Violation]], None]

_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
# (field, TokenValidityUnits member, unit when none is given, allowed range in seconds, range as documented)
_VALIDITIES = (
    ("access_token_validity", "AccessTokenValidity", "access_token", "hours", (300, 86400), "5 minutes..1 day"),
    ("id_token_validity", "IdTokenValidity", "id_token", "hours", (300, 86400), "5 minutes..1 day"),
    (
        "refresh_token_validity",
        "RefreshTokenValidity",
        "refresh_token",
        "days",
        (3600, 315360000),
        "60 minutes..10 years",
    ),
)
_LEGACY_FLOWS = frozenset({"ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"})


def _token_validities(request: Any, out: list[Violation], *, partial: bool = False) -> None:
    """Token validities are counted in TokenValidityUnits; the documented ranges are in time.

    ``partial``: the request holds only what a caller gave, so a unit it does not give is
    unknown (not the default) and that validity is left for the full request.
    """
    units = request.token_validity_units
    for field, wire, unit_field, default_unit, (low, high), rule in _VALIDITIES:
        value = getattr(request, field)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        unit = getattr(units, unit_field) if units is not UNSET else UNSET
        if unit is UNSET and partial:
            continue
        unit = default_unit if unit is UNSET else unit
        if unit in _SECONDS and not low <= value * _SECONDS[unit] <= high:
            out.append(Violation(wire, f"{value} {unit} is out of range", f"{rule} (unit from TokenValidityUnits)"))


def _auth_flows(request: Any, out: list[Violation]) -> None:
    flows = request.explicit_auth_flows
    if flows is UNSET:
        return
    legacy = sorted(set(flows) & _LEGACY_FLOWS)
    if legacy and any(str(f).startswith("ALLOW_") for f in flows):
        out.append(
            Violation(
                "ExplicitAuthFlows",
                f"mixes legacy {', '.join(legacy)} with ALLOW_ values",
                "use only ALLOW_ values, or only legacy values",
            )
        )


def _redirect_urls(request: Any, out: list[Violation]) -> None:
    for field, wire in (("callback_urls", "CallbackURLs"), ("logout_urls", "LogoutURLs")):
        urls = getattr(request, field)
        for i, url in enumerate(() if urls is UNSET else urls):
            _check_url(url, f"{wire}[{i}]", out)
    if request.default_redirect_uri is not UNSET:
        _check_url(request.default_redirect_uri, "DefaultRedirectURI", out)


def _default_redirect_in_callbacks(request: Any, out: list[Violation], *, partial: bool = False) -> None:
    default = request.default_redirect_uri
    if default is UNSET or (partial and request.callback_urls is UNSET):
        return
    callbacks = request.callback_urls
    if callbacks is UNSET or default not in callbacks:
        out.append(
            Violation("DefaultRedirectURI", f"{default!r} is not one of CallbackURLs", "must be in CallbackURLs")
        )


def _check_url(url: Any, path: str, out: list[Violation]) -> None:
    if not isinstance(url, str):
        return  # the model's own type check reports it
    parts = urlsplit(url)
    if parts.fragment or "#" in url:
        out.append(Violation(path, f"{url!r} has a fragment", "no #fragment in redirect URLs"))
    if parts.scheme == "http" and parts.hostname != "localhost":
        out.append(Violation(path, f"{url!r} uses http", "https, except http://localhost"))


def _context_data_needs_secret(request: Any, out: list[Violation]) -> None:
    if request.enable_propagate_additional_user_context_data is True and request.generate_secret is not True:
        out.append(
            Violation(
                "EnablePropagateAdditionalUserContextData",
                "is true for a client without a secret",
                "needs GenerateSecret=true",
            )
        )


_APP_CLIENT: Sequence[Rule] = (_auth_flows, _redirect_urls, _token_validities, _default_redirect_in_callbacks)
# The same rules judging only the fields a merge's caller gave, before anything is read.
_APP_CLIENT_GIVEN: Sequence[Rule] = (
    _auth_flows,
    _redirect_urls,
    partial(_token_validities, partial=True),
    partial(_default_redirect_in_callbacks, partial=True),
)

RULES: Mapping[str, Sequence[Rule]] = {
    "CreateUserPoolClientRequest": (*_APP_CLIENT, _context_data_needs_secret),
    "UpdateUserPoolClientRequest": _APP_CLIENT,
}
VALUE_RULES: Mapping[str, Sequence[Rule]] = {"UpdateUserPoolClientRequest": _APP_CLIENT_GIVEN}
"""The rules of :data:`RULES` that can judge the fields given for a merge before the describe."""


def check_merge(request: Any, current: Any) -> None:
    """Rules that need the resource as it is now (merge-on-update only)."""
    from cognito_typed._runtime import ValidationError

    out: list[Violation] = []
    if (
        type(request).__name__ == "UpdateUserPoolClientRequest"
        and request.enable_propagate_additional_user_context_data is True
        and current.client_secret is UNSET
        and current.client_secret_arn is UNSET  # a secret kept in Secrets Manager is a secret too
    ):
        out.append(
            Violation(
                "EnablePropagateAdditionalUserContextData",
                "is true for a client without a secret",
                "needs a client secret",
            )
        )
    if out:
        raise ValidationError(type(request).__name__, out)
