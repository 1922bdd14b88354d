"""Rules AWS documents for app clients that the service model cannot state.

They run in ``validate()`` of the request models that ``codegen/request_rules.py`` names (so
the typed client checks them before sending), after the model's own checks, with the same
:class:`Violation` reporting. A rule reads members by name and treats a member the model
does not have (an older botocore) as absent; it never judges a member whose own check
failed (``failed``: the top-level wire names with a violation already), so it only ever
sees values of the right type.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Final
from urllib.parse import urlsplit

from cognito_typed._runtime.validation import Rule, Violation, show

__all__ = ["CREATE_APP_CLIENT", "UPDATE_APP_CLIENT", "check_given", "check_merged"]


_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}
# (field, wire, TokenValidityUnits member, unit when none is given, allowed range in seconds, as documented)
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


def _value(request: Any, field: str, failed: Collection[str], wire: str) -> Any:
    """The member's value, or None when it is absent, unknown to this model, or failed its own check."""
    return None if wire in failed else getattr(request, field, None)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _strings(value: Any) -> Sequence[str] | None:
    """``value`` as a list of strings, or None when it is not one (its own check reports that)."""
    strings: Sequence[Any] = value  # (typed before the test narrows value; no cast: a call each)
    if not isinstance(value, (list, tuple)):
        return None
    for v in strings:
        if type(v) is not str:
            return None
    return strings


def token_validities(request: Any, out: list[Violation], failed: Collection[str], *, partial: bool = False) -> None:
    """Token validities are counted in TokenValidityUnits; the documented ranges are in time.

    ``partial``: the request holds only what a caller gave, so a unit it does not give is
    unknown (not the default) and that validity is left for the merged request.
    """
    units = _value(request, "token_validity_units", failed, "TokenValidityUnits")
    for field, wire, unit_field, default_unit, (low, high), rule in _VALIDITIES:
        value = _value(request, field, failed, wire)
        if not _int(value):
            continue
        unit = getattr(units, unit_field, None) if units is not None else None
        if unit is None and partial:
            continue
        unit = default_unit if unit is None else unit
        if unit in _SECONDS and not low <= value * _SECONDS[unit] <= high:
            out.append(
                Violation(wire, f"{value} {unit} is out of range", f"{rule} (unit from TokenValidityUnits)", "rule")
            )


def auth_flows(request: Any, out: list[Violation], failed: Collection[str]) -> None:
    flows = _strings(_value(request, "explicit_auth_flows", failed, "ExplicitAuthFlows"))
    if flows is None:
        return
    if _LEGACY_FLOWS.isdisjoint(flows):
        return
    legacy = sorted(set(flows) & _LEGACY_FLOWS)
    if any(f.startswith("ALLOW_") for f in flows):
        out.append(
            Violation(
                "ExplicitAuthFlows",
                f"mixes legacy {', '.join(legacy)} with ALLOW_ values",
                "use only ALLOW_ values, or only legacy values",
                "rule",
            )
        )


def redirect_urls(request: Any, out: list[Violation], failed: Collection[str]) -> None:
    for field, wire in _URL_LISTS:
        urls = _strings(_value(request, field, failed, wire))
        if urls and not _GOOD_URLS.issuperset(urls):
            for i, url in enumerate(urls):
                check_url(url, wire, out, i)
    default = _value(request, "default_redirect_uri", failed, "DefaultRedirectURI")
    if isinstance(default, str) and not (type(default) is str and default in _GOOD_URLS):
        check_url(default, "DefaultRedirectURI", out)


_URL_LISTS = (("callback_urls", "CallbackURLs"), ("logout_urls", "LogoutURLs"))


def default_redirect_in_callbacks(
    request: Any, out: list[Violation], failed: Collection[str], *, partial: bool = False
) -> None:
    default = _value(request, "default_redirect_uri", failed, "DefaultRedirectURI")
    if not isinstance(default, str) or "CallbackURLs" in failed:
        return
    callbacks = _strings(getattr(request, "callback_urls", None))
    if partial and callbacks is None:
        return
    if callbacks is None or default not in callbacks:
        out.append(
            Violation(
                "DefaultRedirectURI", f"{default!r} is not one of CallbackURLs", "must be in CallbackURLs", "rule"
            )
        )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, path: str, out: list[Violation], index: int | None = None) -> None:
    """A redirect URL: https (http only for a loopback host), no fragment, and one that parses
    (``index``: the URL is item ``index`` of the list at ``path``)."""
    # Only exact strings are kept and looked up: a subclass may say it equals anything.
    keep = type(url) is str and len(_GOOD_URLS) < GOOD_URLS_KEPT
    if type(url) is str and url in _GOOD_URLS:
        return
    if "#" not in url and not url[:5].lower().startswith("http:"):  # https, or an app's own scheme (myapp://)
        if keep:
            _GOOD_URLS.add(url)
        return
    if index is not None:
        path = f"{path}[{index}]"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        out.append(Violation(path, f"{show(url, False)} is not a URL ({error})", "an absolute URL", "rule"))
        return
    if parts.fragment or "#" in url:
        out.append(Violation(path, f"{url!r} has a fragment", "no #fragment in redirect URLs", "rule"))
    if parts.scheme == "http" and not (host and _loopback(host)):
        out.append(Violation(path, f"{url!r} uses http", "https, except http://localhost", "rule"))
    elif not parts.fragment and "#" not in url and keep:
        _GOOD_URLS.add(url)


GOOD_URLS_KEPT: Final = 256
_GOOD_URLS: set[str] = set()
"""The redirect URLs :func:`check_url` found good (at most GOOD_URLS_KEPT; a URL is no secret): a
program passes the same ones call after call, and a list of them is judged by one set test."""


def context_data_needs_secret(request: Any, out: list[Violation], failed: Collection[str]) -> None:
    propagate = _value(
        request, "enable_propagate_additional_user_context_data", failed, "EnablePropagateAdditionalUserContextData"
    )
    if propagate is True and _value(request, "generate_secret", failed, "GenerateSecret") is not True:
        out.append(
            Violation(
                "EnablePropagateAdditionalUserContextData",
                "is true for a client without a secret",
                "needs GenerateSecret=true",
                "rule",
            )
        )


def _context_data_needs_the_clients_secret(
    params: Mapping[str, Any], before: Mapping[str, Any], described: Mapping[str, Any], out: list[Violation]
) -> None:
    """Turning on EnablePropagateAdditionalUserContextData needs a client with a secret (one kept in
    Secrets Manager, ClientSecretArn, counts): a secret cannot be added by an update."""
    wire = "EnablePropagateAdditionalUserContextData"
    turned_on = params.get(wire) is True and before.get(wire) is not True
    if turned_on and not described.get("ClientSecret") and not described.get("ClientSecretArn"):
        out.append(Violation(wire, "is true for a client without a secret", "needs a client secret", "rule"))


def _partial(rule: Callable[..., None]) -> Rule:
    return lambda request, out, failed: rule(request, out, failed, partial=True)


UPDATE_APP_CLIENT: tuple[Rule, ...] = (auth_flows, redirect_urls, token_validities, default_redirect_in_callbacks)
CREATE_APP_CLIENT: tuple[Rule, ...] = (*UPDATE_APP_CLIENT, context_data_needs_secret)

# The same rules judging only what a merge's caller gave, before anything is read.
_GIVEN: Mapping[str, Sequence[Rule]] = {
    "UpdateUserPoolClientRequest": (
        auth_flows,
        redirect_urls,
        _partial(token_validities),
        _partial(default_redirect_in_callbacks),
    ),
}
# The request members the merge-time rules read (codegen/request_rules.py names the same, for the
# generator's warnings): a merge that changes none of them cannot break those rules.
READS: Mapping[str, frozenset[str]] = {
    "UpdateUserPoolClientRequest": frozenset(
        {
            *("AccessTokenValidity", "IdTokenValidity", "RefreshTokenValidity", "TokenValidityUnits"),
            *("ExplicitAuthFlows", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI"),
            "EnablePropagateAdditionalUserContextData",
        }
    ),
}
# The rules that read several members, judging the merged request against the resource as it is.
_MERGED: Mapping[str, Sequence[Rule]] = {
    "UpdateUserPoolClientRequest": (token_validities, default_redirect_in_callbacks),
}


def check_given(partial: Any, out: list[Violation]) -> None:
    """The rules that can judge the values a merge's caller gave, on their own."""
    failed = frozenset(v.path.split(".", 1)[0].split("[", 1)[0] for v in out)
    for rule in _GIVEN.get(type(partial).__name__, ()):
        rule(partial, out, failed)


def check_merged(
    model: Any,
    params: Mapping[str, Any],
    before: Mapping[str, Any],
    described: Mapping[str, Any],
    out: list[Violation],
) -> None:
    """The rules that read several members, on the merged update: what it breaks that ``before`` (the
    resource as it is, as the update would send it) does not; and the rules that need the resource."""
    if model.__name__ == "UpdateUserPoolClientRequest":
        _context_data_needs_the_clients_secret(params, before, described, out)
    rules = _MERGED.get(model.__name__, ())
    if not rules:
        return
    after_out: list[Violation] = []
    before_out: list[Violation] = []
    merged_request = model.from_wire(params)
    before_request = model.from_wire(before)
    for rule in rules:
        rule(merged_request, after_out, ())
        rule(before_request, before_out, ())
    known = set(before_out)
    out += [v for v in after_out if v not in known]
