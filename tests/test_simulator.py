"""Every merge pair on the simulator (:mod:`cognito_typed.testing`), from a resource with every setting set.

Parametrised over the generated specs (``cognito_typed.merges``), so a new pair fails here until it
has a rich setup (:data:`SETUPS`). For each pair:

(a) the setup: a resource made, then a raw full update with every member the update takes, each
    with a valid value that is not the documented default (the members left out are listed, each
    with the rule that forbids it, and the model is walked to prove nothing else is missing);
(b) a raw one-field update through boto3, for every carried member: what the request omits becomes
    what the generator's reset table (``codegen/resets.py``) says: its documented default, kept
    (the table's ``keeps``, members the describe always returns, members the update requires) or
    absent; the simulator's ``resets`` record lists exactly those; ``LastModifiedDate`` moves;
(c) the same one-field change through ``merge_*``: the whole describe output is identical before and
    after but for that member (and the mirrors the quirks table says the service keeps equal);
(d) the documented conflicts of the quirks table are refused with InvalidParameterException and
    change nothing; every operation the simulator answers reports a missing pool or resource with
    the error code the model declares for it;
(e) the seed: AuthSessionValidity=15, a raw rename gives 3, a merge rename keeps 15.

moto makes a user pool in about 0.2 s (it builds an RSA key per pool), so the pools are made once
per module: one parent pool for the pairs that have their own resource (each test makes a fresh
one in it), one pool per pair whose resource is the pool's configuration (each test first sends
the full rich update again, which replaces everything the previous test changed).
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from merge_helpers import (
    EMAIL_MESSAGE_UNUSED,
    SPECS,
    TRAP_OVERRIDES,
    Rich,
    kwargs_for,
    method,
    overlay,
    py,
    skip_unless_installed_has_pair,
)
from support import (
    COMMON_SERVICE,
    INSTALLED,
    SERVICE,
    installed_has_path,
    installed_only,
    run_python,
    skip_unless_installed_has,
)

from codegen import presence
from codegen.merge_quirks import QUIRKS
from codegen.resets import OMITTED
from cognito_typed import testing
from cognito_typed._runtime.merge import MergeSpec
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.testing import Simulator, simulate

PAIRS = sorted(SPECS)
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"
LOGO = b"\x89PNG\r\n\x1a\n a logo"

# --- rich values -----------------------------------------------------------------------------------

# On top of the values the Stubber tests use (TRAP_OVERRIDES): variant 0 (the setup) never holds a
# documented default, so that a reset to it shows; variant 1 (the change) is another valid value.
OVERRIDES: dict[str, Any] = {
    **TRAP_OVERRIDES,
    "UserPoolClientType.AuthSessionValidity": lambda v: 15 - 5 * v,
    "UserPoolClientType.RefreshTokenValidity": lambda v: 10 + v,
    "UserPoolClientType.EnableTokenRevocation": lambda v: v % 2 == 1,
    "UserPoolClientType.PreventUserExistenceErrors": lambda v: ("ENABLED", "LEGACY")[v % 2],
    "UserPoolType.UserPoolTier": lambda v: ("PLUS", "LITE")[v % 2],
    "UserPoolType.MfaConfiguration": lambda v: ("OPTIONAL", "ON")[v % 2],
    "GetUserPoolMfaConfigResponse.MfaConfiguration": lambda v: ("OPTIONAL", "ON")[v % 2],
    "PasswordPolicyType.TemporaryPasswordValidityDays": lambda v: 3 + v,
    # "Please use TemporaryPasswordValidityDays in PasswordPolicy instead of UnusedAccountValidityDays":
    # the two cannot be sent together, and the setup sets the newer one.
    "AdminCreateUserConfigType.UnusedAccountValidityDays": None,
    "VerificationMessageTemplateType.DefaultEmailOption": lambda v: ("CONFIRM_WITH_LINK", "CONFIRM_WITH_CODE")[v % 2],
    "IdentityProviderType.ProviderDetails": lambda v: {
        "client_id": f"client-{v}",
        "client_secret": f"secret-{v}",
        "attributes_request_method": ("GET", "POST")[v % 2],
        "oidc_issuer": f"https://idp{v}.example.com",
        "authorize_scopes": "openid email" if v % 2 == 0 else "openid",
    },
    "IdentityProviderType.AttributeMapping": lambda v: {"email": "email", "username": f"sub{v}"},
    "TermsType.Links": lambda v: {"cognito:default": f"https://example.com/terms/{v}"},
    "DomainDescriptionType.CustomDomainConfig": lambda v: {
        "CertificateArn": f"arn:aws:acm:us-east-1:123456789012:certificate/cert-{v}",
        "SecurityPolicy": ("TLS_V1_2_2021", "TLS_V1_3_2025")[v % 2],
    },
    "RoutingType.Failover": lambda v: {
        "SecondaryRegion": ("us-west-2", "eu-west-1")[v % 2],
        "PrimaryRoute53HealthCheckId": f"check-{v}",
    },
    "CIMDPolicyType.URLPatterns": lambda v: [f"https://app{v}.example.com/*"],
}


@cache
def rich(package: bool = False) -> Rich:
    """Rich values of the members the installed botocore has (all on the pinned one); ``package=True``: of
    every member of the package's model (what the parametrisation is made from, the same on any botocore)."""
    return Rich(SERVICE if package else COMMON_SERVICE, OVERRIDES)


def carried(update: str) -> dict[str, str]:
    """update member -> describe member (the generated spec; test_merge_pairs holds it to the model), less
    the members the installed botocore's model lacks (none on the pinned botocore)."""
    update_members = {m.wire_name for m in COMMON_SERVICE.shapes[_input(update)].members}
    returned = {m.wire_name for m in COMMON_SERVICE.shapes[resource_shape(update)].members}
    return {u: d for u, d in SPECS[update].carried.items() if u in update_members and d in returned}


def _input(operation: str) -> str:
    return next(o.input for o in SERVICE.operations if o.name == operation)


def resource_shape(update: str) -> str:
    spec = SPECS[update]
    op = next(o for o in SERVICE.operations if o.name == spec.describe.__operation__)
    out = SERVICE.shapes[op.output]
    if spec.resource is None:
        return out.name
    return next(m.shape for m in out.members if m.wire_name == spec.resource)


def settings(update: str, variant: int, package: bool = False) -> dict[str, Any]:
    """The carried members of the update with valid values (variant 0: the setup, 1: the change); those the
    installed botocore can send, or with ``package=True`` every one."""
    resource = rich(package)(resource_shape(update), variant)
    names = SPECS[update].carried if package else carried(update)
    out = {u: resource[d] for u, d in names.items() if d in resource}
    template = out.get("VerificationMessageTemplate")
    if template is not None:  # "When you supply both parameters with either choice, Amazon Cognito returns an error."
        out["VerificationMessageTemplate"] = {
            k: v for k, v in template.items() if k != EMAIL_MESSAGE_UNUSED[template["DefaultEmailOption"]]
        }
    return out


# --- the world: one simulator, the pools, fresh resources -------------------------------------------


@dataclass
class World:
    sim: Simulator
    raw: Any
    typed: CognitoIdentityProvider
    pools: dict[str, str] = field(default_factory=dict[str, str])

    def pool(self, name: str = "parent") -> str:
        if name not in self.pools:
            self.pools[name] = self.raw.create_user_pool(PoolName=f"pool-{name}")["UserPool"]["Id"]
        return self.pools[name]

    def client(self) -> str:
        made = self.raw.create_user_pool_client(UserPoolId=self.pool(), ClientName="web", GenerateSecret=True)
        return str(made["UserPoolClient"]["ClientId"])

    def call(self, operation: str, **params: Any) -> dict[str, Any]:
        response = dict(getattr(self.raw, py(operation))(**params))
        response.pop("ResponseMetadata", None)
        return response

    def describe(self, update: str, ids: Mapping[str, Any]) -> dict[str, Any]:
        spec = SPECS[update]
        response = self.call(spec.describe.__operation__, **ids)
        return response if spec.resource is None else response[spec.resource]


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    with simulate() as sim:
        raw = boto3.client(
            "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
        )
        yield World(sim, raw, CognitoIdentityProvider(raw))


@dataclass(frozen=True)
class Setup:
    """How to make a pair's resource, and what the rich update leaves out of what the update takes."""

    make: Callable[[World], dict[str, Any]]  # -> the identifiers, wire names
    extra: Mapping[str, Any] = field(default_factory=dict[str, Any])  # update-only members (not carried)
    left_out: Mapping[str, str] = field(default_factory=dict[str, str])  # update member path -> why
    # carried members a raw one-field update still sends, as they are, beside what the update requires -> why
    raw_needs: Mapping[str, str] = field(default_factory=dict[str, str])
    # carried members that are not settings (no one-field change of them is a change of the resource) -> why
    fixed: Mapping[str, str] = field(default_factory=dict[str, str])
    # change values that must name something that exists (made when the test runs)
    live_change: Callable[[World], dict[str, Any]] = lambda w: {}


def _own_pool(update: str) -> Callable[[World], dict[str, Any]]:
    return lambda w: {"UserPoolId": w.pool(update)}


def _client(w: World) -> dict[str, Any]:
    return {"UserPoolId": w.pool(), "ClientId": w.client()}


def _group(w: World) -> dict[str, Any]:
    name = f"group-{uuid.uuid4().hex[:8]}"
    w.raw.create_group(UserPoolId=w.pool(), GroupName=name)
    return {"UserPoolId": w.pool(), "GroupName": name}


def _resource_server(w: World) -> dict[str, Any]:
    identifier = f"https://api-{uuid.uuid4().hex[:8]}.example.com"
    w.raw.create_resource_server(UserPoolId=w.pool(), Identifier=identifier, Name="api")
    return {"UserPoolId": w.pool(), "Identifier": identifier}


def _identity_provider(w: World) -> dict[str, Any]:
    name = f"Corp{uuid.uuid4().hex[:8]}"
    details = {"client_id": "first", "authorize_scopes": "openid", "attributes_request_method": "GET"}
    w.raw.create_identity_provider(
        UserPoolId=w.pool(),
        ProviderName=name,
        ProviderType="OIDC",
        ProviderDetails={**details, "oidc_issuer": "https://idp.example.com"},
    )
    return {"UserPoolId": w.pool(), "ProviderName": name}


def _domain(w: World) -> dict[str, Any]:
    domain = f"auth-{uuid.uuid4().hex[:10]}"
    w.raw.create_user_pool_domain(UserPoolId=w.pool(), Domain=domain)
    return {"Domain": domain}


def _terms(w: World) -> dict[str, Any]:
    made = w.raw.create_terms(
        UserPoolId=w.pool(),
        ClientId=w.client(),
        TermsName="terms-of-use",
        TermsSource="LINK",
        Enforcement="NONE",
        Links={"cognito:english": "https://example.com/first"},
    )
    return {"UserPoolId": w.pool(), "TermsId": made["Terms"]["TermsId"]}


def _cimd_policy(w: World) -> dict[str, Any]:
    made = w.raw.create_cimd_policy(
        UserPoolId=w.pool(), ClientId=w.client(), PolicyName="first", URLPatterns=["https://first.example.com/*"]
    )
    return {"UserPoolId": w.pool(), "CIMDPolicyId": made["CIMDPolicy"]["CIMDPolicyId"]}


_EMAIL_ONE_OF = (
    "DefaultEmailOption CONFIRM_WITH_LINK goes with EmailMessageByLink: 'When you supply both parameters "
    "with either choice, Amazon Cognito returns an error.'"
)

SETUPS: dict[str, Setup] = {
    "UpdateUserPool": Setup(
        _own_pool("UpdateUserPool"),
        left_out={
            "AdminCreateUserConfig.UnusedAccountValidityDays": "refused beside "
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays, which the setup sets",
            "VerificationMessageTemplate.EmailMessage": _EMAIL_ONE_OF,
        },
    ),
    "UpdateUserPoolClient": Setup(
        _client,
        left_out={
            "PublishSecretsInAWSSecretsManager": "an action, not a setting: the describe has no member for it "
            "(it returns ClientSecretArn instead of ClientSecret), and the simulator does not model Secrets Manager",
        },
    ),
    "UpdateGroup": Setup(_group),
    "UpdateResourceServer": Setup(_resource_server),
    "UpdateIdentityProvider": Setup(_identity_provider),
    "UpdateUserPoolDomain": Setup(
        _domain,
        fixed={
            "UserPoolId": "names the pool the domain is in: 'The ID of the user pool that is associated with "
            "the domain you're updating.'"
        },
    ),
    "UpdateTerms": Setup(_terms),
    "UpdateCIMDPolicy": Setup(_cimd_policy, live_change=lambda w: {"ClientId": w.client()}),
    "SetUserPoolMfaConfig": Setup(
        _own_pool("SetUserPoolMfaConfig"),
        raw_needs={
            "MfaConfiguration": "moto refuses a request without it ('[MfaConfiguration] must be one of ...')",
            "SoftwareTokenMfaConfiguration": "with MFA on or optional a factor must stay: 'Invalid MFA "
            "configuration given, can't disable all MFAs with a required or optional configuration.' (AWS's "
            "error, quoted in anomalyco/sst#5177; moto: 'At least one of [SmsMfaConfiguration] or "
            "[SoftwareTokenMfaConfiguration] must be provided.')",
        },
    ),
    "SetUserPoolSessionConfiguration": Setup(_own_pool("SetUserPoolSessionConfiguration")),
    "SetLogDeliveryConfiguration": Setup(_own_pool("SetLogDeliveryConfiguration")),
    "SetUserPoolClientSessionConfiguration": Setup(_client),
    "SetRiskConfiguration": Setup(_client),
    "SetUICustomization": Setup(_client, extra={"ImageFile": LOGO}),
}


def setup_for(update: str) -> Setup:
    found = SETUPS.get(update)
    if found is None:
        pytest.fail(f"{update} is a merge pair with no rich setup here: add it to SETUPS")
    return found


def rich_request(world: World, update: str, ids: Mapping[str, Any]) -> dict[str, Any]:
    request = {**settings(update, 0), **setup_for(update).extra, **ids}
    if update == "UpdateUserPoolDomain":  # its pool is carried (and required): the one it is in
        request["UserPoolId"] = world.pool()
    if update == "UpdateCIMDPolicy":  # the client it belongs to is carried (and required)
        request["ClientId"] = world.describe(update, ids)["ClientId"]
    return request


def rich_state(world: World, update: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A resource of the pair with every setting set: (identifiers, the full update that set it)."""
    skip_unless_installed_has_pair(update)
    ids = setup_for(update).make(world)
    request = rich_request(world, update, ids)
    world.call(update, **request)
    return ids, request


# --- what DescribeIdentityProvider shows, from the model's documentation --------------------------------


@cache
def provider_details_examples() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """Provider type -> (its "Create or update request" example, its "Describe response" example), parsed
    from IdentityProviderType.ProviderDetails' documentation (the keys of all its request examples)."""
    # The package's model's documentation (the installed one's on the pinned botocore): the simulator shows
    # ProviderDetails as botocore 1.44.8 documents it, whatever botocore it runs on.
    shape = SERVICE.shapes["IdentityProviderType"]
    doc = next(m.documentation for m in shape.members if m.wire_name == "ProviderDetails")
    out: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for title, body in re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", doc, re.S):
        kind = re.sub(r".*\((\w+)\)$", r"\1", title.strip())  # "OpenID Connect (OIDC)" -> OIDC
        pairs = r'"(\w+)"\s*:\s*"([^"]*)"'
        requests = re.findall(r"Create or update request[^:]*:\s*<code>(.*?)</code>", body, re.S)
        described = re.findall(r"Describe response:\s*<code>(.*?)</code>", body, re.S)
        assert requests and len(described) == 1, title
        request = {k: v for text in requests for k, v in re.findall(pairs, text)}
        out[kind] = (request, dict(re.findall(pairs, described[0])))
    return out


# SAML's describe-only keys (ActiveEncryptionCertificate, the SSO/SLO binding URIs) are read from the
# metadata document: the simulator does not add them.
NOT_SIMULATED = {"SAML"}


def described_details(kind: str, sent: Mapping[str, str]) -> dict[str, str]:
    """The ProviderDetails a describe shows for ``sent``: without the keys the describe example does not
    have, with the keys only the describe example has (the provider's fixed endpoints, as documented)."""
    request, described = provider_details_examples()[kind]
    out = {k: v for k, v in sent.items() if k not in request or k in described}
    if kind not in NOT_SIMULATED:
        out.update({k: v for k, v in described.items() if k not in request})
    return out


def as_described(update: str, member: str, value: Any, resource: Mapping[str, Any]) -> Any:
    if update == "UpdateIdentityProvider" and member == "ProviderDetails":
        return described_details(resource["ProviderType"], value)
    return value


# --- (a) the setup is rich ------------------------------------------------------------------------


def test_every_pair_has_a_setup_and_only_pairs_do() -> None:
    assert set(SETUPS) == set(SPECS)


def _paths(shape: Any, prefix: str = "") -> Iterator[str]:
    """Every member path of a botocore structure shape (into structures, and into list items)."""
    for name, member in shape.members.items():
        path = prefix + name
        yield path
        inner = member.member if member.type_name == "list" else member
        if inner.type_name == "structure" and inner.name != shape.name:
            yield from _paths(inner, path + ".")


def _has(value: Any, path: str) -> bool:
    head, _, rest = path.partition(".")
    if isinstance(value, list):
        return bool(value) and all(_has(item, path) for item in value)
    if not isinstance(value, dict) or head not in value:
        return False
    return not rest or _has(value[head], rest)


@pytest.mark.parametrize("update", PAIRS)
def test_a_the_setup_sets_every_setting_the_update_takes(world: World, update: str) -> None:
    ids, request = rich_state(world, update)
    shape = world.raw.meta.service_model.operation_model(update).input_shape
    left_out = setup_for(update).left_out
    missing = [
        p for p in _paths(shape) if not _has(request, p) and not any(p == x or p.startswith(x + ".") for x in left_out)
    ]
    assert not missing, f"{update}: the rich setup leaves out {missing}"
    for path in left_out:
        assert not _has(request, path), path
    described = world.describe(update, ids)
    for member, wire in carried(update).items():
        assert described[wire] == as_described(update, member, request[member], described), member
    for path, default in OMITTED[update].defaults.items():
        if not installed_has_path(_input(update), path):  # a member the installed botocore cannot send
            continue
        assert _get(request, path) not in (None, default.value), f"{path} is its default in the setup"


def _get(data: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


# --- (b) a raw one-field update resets what the table says --------------------------------------------


def _always(update: str) -> set[str]:
    """The describe members the resource always has: the model requires them, or codegen.presence lists them."""
    shape = SERVICE.shapes[resource_shape(update)]
    present = presence.always_present(SERVICE)
    return {m.wire_name for m in shape.members if m.required or (shape.name, m.wire_name) in present}


def _defaults(update: str) -> dict[str, Any]:
    """Update member -> what the table says it becomes when omitted (nested defaults as structures)."""
    out: dict[str, Any] = {}
    for path, default in OMITTED[update].defaults.items():
        node = out
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = copy.deepcopy(default.value)
    return out


def changes(update: str, package: bool = True) -> list[str]:
    """The carried members a one-field update can change (a one-value enum has no other value), in the
    package's model (the parametrisation: the tests skip those the installed botocore lacks, naming them) or
    with ``package=False`` in what the installed botocore can send."""
    fixed = setup_for(update).fixed if update in SETUPS else {}
    one, other = settings(update, 1, package), settings(update, 0, package)
    return [
        m
        for m in (SPECS[update].carried if package else carried(update))
        if m not in fixed and one.get(m) != other.get(m)
    ]


def skip_unless_installed_can_change(update: str, member: str) -> None:
    """Skip a one-field change the installed botocore cannot send: the pair or member is not in its model, or
    the member's other value differs only in members its model lacks."""
    skip_unless_installed_has_pair(update, member)
    if member not in changes(update, package=False):
        pytest.skip(f"in botocore {INSTALLED}'s model {update}'s {member} has no other value to change to")


def change_to(world: World, update: str, member: str) -> Any:
    return setup_for(update).live_change(world).get(member, settings(update, 1)[member])


CHANGES = [(update, member) for update in PAIRS for member in changes(update)]
UNCHANGEABLE = {update: sorted(set(SPECS[update].carried) - set(changes(update))) for update in PAIRS}


def test_the_members_no_change_can_reach_are_one_value_enums() -> None:
    for update, members in UNCHANGEABLE.items():
        request = next(o.input for o in SERVICE.operations if o.name == update)
        for member in (m for m in members if m not in SETUPS[update].fixed):
            shape = SERVICE.shapes[next(m.shape for m in SERVICE.shapes[request].members if m.wire_name == member)]
            assert shape.kind == "enum" and len(shape.enum) == 1, (update, member)


def _one_field(
    world: World, update: str, ids: Mapping[str, Any], before: Mapping[str, Any], member: str
) -> dict[str, Any]:
    """The raw request: the identifiers, the change, and what the update requires (as it is)."""
    required = world.raw.meta.service_model.operation_model(update).input_shape.required_members
    request: dict[str, Any] = dict(ids)
    for name in [*required, *setup_for(update).raw_needs]:
        if name in carried(update) and name != member:
            request[name] = before[carried(update)[name]]
    request[member] = change_to(world, update, member)
    return request


@pytest.mark.parametrize(("update", "member"), CHANGES)
def test_b_a_raw_one_field_update_resets_what_the_table_says(world: World, update: str, member: str) -> None:
    skip_unless_installed_can_change(update, member)
    ids, _ = rich_state(world, update)
    before = world.describe(update, ids)
    request = _one_field(world, update, ids, before, member)
    recorded = len(world.sim.resets)
    world.call(update, **request)
    after = world.describe(update, ids)

    table, always, defaults = OMITTED[update], _always(update), _defaults(update)
    expected = {k: v for k, v in before.items() if k not in carried(update).values()}  # read-only: as they were
    for name, wire in carried(update).items():
        if name in request:
            expected[wire] = as_described(update, name, request[name], before)
        elif wire in always or name in table.keeps:
            expected[wire] = before[wire]
        elif name in defaults:
            expected[wire] = defaults[name]
    _stamps(update, before, after, expected)
    if update == "SetUICustomization":  # the logo is the request's ImageFile: this one has none
        expected.pop("ImageUrl")
    assert after == expected
    reset = {r.member for r in world.sim.resets[recorded:]}
    assert reset == {w for n, w in carried(update).items() if n not in request and before.get(w) != after.get(w)}
    assert reset == {w for n, w in carried(update).items() if n not in request and before.get(w) != expected.get(w)}


def _stamps(update: str, before: Mapping[str, Any], after: Mapping[str, Any], expected: dict[str, Any]) -> None:
    """LastModifiedDate moves on every write; a customization's CSSVersion is new on every write."""
    if SPECS[update].last_modified is not None:
        assert after["LastModifiedDate"] > before["LastModifiedDate"]
        expected["LastModifiedDate"] = after["LastModifiedDate"]
    if update == "SetUICustomization":
        assert after["CSSVersion"] != before["CSSVersion"]
        expected["CSSVersion"] = after["CSSVersion"]


# --- (c) the same change through merge_* keeps everything else -------------------------------------------


def _mirrored(update: str, expected: dict[str, Any], before: Mapping[str, Any], member: str, value: Any) -> None:
    """Apply the quirks table's mirrors: a change to one side goes to the other, where it is set."""
    quirks = QUIRKS.get(update)
    names = carried(update)
    for mirror in quirks.mirrors if quirks else ():
        for this, other in (mirror.paths, mirror.paths[::-1]):
            head, _, rest = this.partition(".")
            if head != member:
                continue
            new = _get(value, rest) if rest else value
            other_head, _, other_rest = other.partition(".")
            wire = names[other_head]
            if new is None or _get({wire: before.get(wire)}, wire + ("." + other_rest if other_rest else "")) is None:
                continue
            if other_rest:
                target = copy.deepcopy(expected[wire])
                node = target
                *parents, last = other_rest.split(".")
                for part in parents:
                    node = node[part]
                node[last] = new
                expected[wire] = target
            else:
                expected[wire] = new


def _one_of(update: str, expected: dict[str, Any]) -> None:
    """Apply the quirks table's one_of: the member the selector does not choose is not kept."""
    quirks = QUIRKS.get(update)
    for rule in quirks.one_of if quirks else ():
        wire = carried(update)[rule.structure]
        node = expected.get(wire)
        if isinstance(node, dict):
            expected[wire] = {
                k: v
                for k, v in node.items()
                if not any(m == k and node.get(rule.selector) != c for c, m in rule.members)
            }


@pytest.mark.parametrize(("update", "member"), CHANGES)
def test_c_the_same_change_merged_keeps_everything_else(world: World, update: str, member: str) -> None:
    skip_unless_installed_can_change(update, member)
    ids, _ = rich_state(world, update)
    before = world.describe(update, ids)
    value = change_to(world, update, member)
    args = kwargs_for(update, ids, {member: value})
    if update == "SetUICustomization":  # the logo cannot be carried (the merge's caveat): passed again
        args["image_file"] = LOGO
    recorded = len(world.sim.resets)
    getattr(world.typed, method(update))(**args)
    after = world.describe(update, ids)

    request_shape = next(o.input for o in SERVICE.operations if o.name == update)
    wire = carried(update)[member]
    expected = dict(before)
    sent = overlay(request_shape, {member: before.get(wire)}, {member: value})[member]
    expected[wire] = as_described(update, member, sent, before)
    _mirrored(update, expected, before, member, value)
    _one_of(update, expected)
    _stamps(update, before, after, expected)
    assert after == expected
    assert world.sim.resets[recorded:] == []  # the simulator saw nothing reset


# --- (d) documented conflicts, missing resources ------------------------------------------------------


def _conflicts() -> list[tuple[str, str, dict[str, Any]]]:
    """(update, what, the members that conflict): one per entry of the quirks table."""
    out: list[tuple[str, str, dict[str, Any]]] = []
    for update in PAIRS:
        spec: MergeSpec[Any, Any] = SPECS[update]
        for structure, selector, choices in spec.one_of:
            node = {selector: choices[0][0], **{m: "Your code is {####}" for _, m in choices}}
            out.append((update, f"one_of {structure}", _at(structure, node)))
        for a, b in spec.mirrors:
            out.append((update, f"mirror {a}", _merge(_at(a, LAMBDA + "one"), _at(b, LAMBDA + "two"))))
        for path, other in spec.drop_when_present:
            out.append((update, f"{path} beside {other}", _merge(_at(path, 7), _at(other, 3))))
        for member, keys, when in spec.describe_only:
            assert when is not None
            for key in keys:
                out.append((update, f"{member}.{key} of {when[1]}", {"ProviderType": when[1], member: {key: "x"}}))
    return out


def _at(path: str, value: Any) -> dict[str, Any]:
    head, _, rest = path.partition(".")
    return {head: _at(rest, value) if rest else value}


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for k, v in b.items():
        out[k] = _merge(out[k], v) if isinstance(out.get(k), dict) and isinstance(v, dict) else v
    return out


CONFLICTS = _conflicts()
PROVIDER_DETAILS = {  # what each provider type is made with
    "OIDC": {
        "client_id": "c",
        "client_secret": "s",
        "authorize_scopes": "openid",
        "attributes_request_method": "GET",
        "oidc_issuer": "https://idp.example.com",
    },
    "SAML": {"MetadataURL": "https://idp.example.com/saml/metadata"},
    "Google": {"client_id": "c", "client_secret": "s", "authorize_scopes": "openid"},
    "LoginWithAmazon": {"client_id": "c", "client_secret": "s", "authorize_scopes": "profile"},
    "Facebook": {"client_id": "c", "client_secret": "s", "authorize_scopes": "public_profile"},
    "SignInWithApple": {
        "client_id": "c",
        "team_id": "t",
        "key_id": "k",
        "private_key": "p",
        "authorize_scopes": "email",
    },
}


def test_every_pair_with_conflicts_in_the_table_has_them_here() -> None:
    with_rules = {
        u for u in PAIRS if SPECS[u].one_of or SPECS[u].mirrors or SPECS[u].describe_only or SPECS[u].drop_when_present
    }
    assert {u for u, _, _ in CONFLICTS} == with_rules
    assert with_rules == {"UpdateUserPool", "UpdateIdentityProvider"}  # the quirks table's documented conflicts


@pytest.mark.parametrize(("update", "what", "conflict"), CONFLICTS, ids=[f"{u}-{w}" for u, w, _ in CONFLICTS])
def test_d_a_documented_conflict_is_refused_and_changes_nothing(
    world: World, update: str, what: str, conflict: dict[str, Any]
) -> None:
    if update == "UpdateIdentityProvider":
        provider = conflict.pop("ProviderType")
        name = f"{provider[:8]}{uuid.uuid4().hex[:8]}"
        world.raw.create_identity_provider(
            UserPoolId=world.pool(),
            ProviderName=name,
            ProviderType=provider,
            ProviderDetails=PROVIDER_DETAILS[provider],
        )
        ids: dict[str, Any] = {"UserPoolId": world.pool(), "ProviderName": name}
        request = {**ids, "ProviderDetails": {**PROVIDER_DETAILS[provider], **conflict["ProviderDetails"]}}
    else:
        if installed_only(_input(update), conflict) != conflict:
            pytest.skip(f"botocore {INSTALLED}'s {_input(update)} lacks a member of the conflict {what}")
        ids, rich_update = rich_state(world, update)
        request = _merge(rich_update, conflict)
    before = world.describe(update, ids)
    recorded = len(world.sim.resets)
    with pytest.raises(ClientError) as raised:
        world.call(update, **request)
    assert raised.value.response["Error"]["Code"] == "InvalidParameterException"
    assert world.describe(update, ids) == before
    assert world.sim.resets[recorded:] == []


# --- (e) the seed -----------------------------------------------------------------------------------------


def test_e_the_seed_raw_rename_resets_auth_session_validity_and_a_merge_keeps_it(world: World) -> None:
    made = world.raw.create_user_pool_client(UserPoolId=world.pool(), ClientName="web", AuthSessionValidity=15)
    ids = {"UserPoolId": world.pool(), "ClientId": made["UserPoolClient"]["ClientId"]}
    other = world.raw.create_user_pool_client(UserPoolId=world.pool(), ClientName="web", AuthSessionValidity=15)
    other_ids = {"UserPoolId": world.pool(), "ClientId": other["UserPoolClient"]["ClientId"]}

    world.raw.update_user_pool_client(**ids, ClientName="renamed")
    assert world.describe("UpdateUserPoolClient", ids)["AuthSessionValidity"] == 3

    merged = world.typed.merge_update_user_pool_client(
        user_pool_id=other_ids["UserPoolId"], client_id=other_ids["ClientId"], client_name="renamed"
    )
    assert merged.auth_session_validity == 15
    assert world.describe("UpdateUserPoolClient", other_ids)["AuthSessionValidity"] == 15


# --- (d) a missing pool, a missing resource: the error the model declares ---------------------------------

MISSING_POOL = "us-east-1_Missing0000"
SERVICE_MODEL = (
    boto3.Session()
    .client("cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    .meta.service_model
)
ROLES = sorted(
    (operation, kind, pair.spec.update.__operation__)
    for operation, (kind, pair) in Simulator()._roles(SERVICE_MODEL).items()  # pyright: ignore[reportPrivateUsage]
)


def _minimal(operation: str) -> dict[str, Any]:
    """The members the operation requires, each with a valid value (from the IR)."""
    shape = COMMON_SERVICE.shapes[_input(operation)]
    # What the installed botocore requires too (botocore 1.30.1's UpdateUserPoolDomain requires CustomDomainConfig).
    required = set(SERVICE_MODEL.operation_model(operation).input_shape.required_members)
    return {m.wire_name: rich()(m.shape) for m in shape.members if m.required or m.wire_name in required}


def _missing_cases() -> list[tuple[str, str, str, str]]:
    """(operation, role, pair, what is missing): the pool, and for a resource below it, the resource."""
    out = []
    for operation, kind, update in ROLES:
        if operation != "CreateUserPool":  # the one operation with no pool to miss
            out.append((operation, kind, update, "pool"))
        spec = SPECS[update]
        below = [i for i in spec.identifiers if i != "UserPoolId"]
        if kind in ("describe", "update", "delete") and below:
            out.append((operation, kind, update, "resource"))
    return out


MISSING = _missing_cases()


def test_the_simulator_answers_every_operation_of_every_pair() -> None:
    answered = {u for _, _, u in ROLES}
    assert answered == set(SPECS)
    for update in SPECS:
        assert (SPECS[update].update.__operation__, "update", update) in ROLES
        assert (SPECS[update].describe.__operation__, "describe", update) in ROLES


@pytest.mark.parametrize(
    ("operation", "kind", "update", "missing"), MISSING, ids=[f"{o}-{m}" for o, _, _, m in MISSING]
)
def test_d_a_missing_pool_or_resource_is_the_error_the_model_declares(
    world: World, operation: str, kind: str, update: str, missing: str
) -> None:
    skip_unless_installed_has(operation)
    params = _minimal(operation)
    input_members = SERVICE_MODEL.operation_model(operation).input_shape.members
    if "UserPoolId" in input_members:
        params["UserPoolId"] = MISSING_POOL if missing == "pool" else world.pool()
    if "ClientId" in input_members and ("ClientId" in params or "ClientId" in SPECS[update].identifiers):
        # the pair's own ClientId is the missing resource; another's (CreateTerms') is a client that exists
        params["ClientId"] = "missingclient0000" if "ClientId" in SPECS[update].identifiers else world.client()
    recorded = len(world.sim.resets)
    if operation == "DescribeUserPoolDomain":
        # A domain nobody has is described as empty, not refused (moto does the same; code written against
        # AWS reads an empty DomainDescription as "no such domain"). Unverified against AWS here.
        assert world.call(operation, **params) == {"DomainDescription": {}}
        return
    with pytest.raises(ClientError) as raised:
        world.call(operation, **params)
    code = raised.value.response["Error"]["Code"]
    declared = {e.name for e in SERVICE_MODEL.operation_model(operation).error_shapes}
    assert code == "ResourceNotFoundException", raised.value
    assert code in declared
    assert world.sim.resets[recorded:] == []


# --- users' own code: the usage the package documents ------------------------------------------------------


def test_the_documented_usage_runs_as_written(tmp_path: Any) -> None:
    """The module docstring's example, in a fresh interpreter (as user code runs it), with its ``...``
    filled in by an app client and a check of what it prints."""
    doc = testing.__doc__ or ""
    block = re.search(r"::\n\n((?:    .*\n|\n)+)", doc)
    assert block is not None, "the docstring has no example"
    code = "\n".join(line[4:] for line in block.group(1).splitlines())
    assert code.count("\n    ...\n") == 1
    code = code.replace(
        "\n    ...\n",
        "\n    made = raw.create_user_pool_client(UserPoolId=pool, ClientName='web', AuthSessionValidity=15)\n"
        "    client_id = made['UserPoolClient']['ClientId']\n",
    )
    code += "reset = {r.member: (r.before, r.after) for r in cognito.resets}\nprint(sorted(reset.items()))\n"
    script = tmp_path / "user_code.py"
    script.write_text(code, encoding="utf-8")
    env = {
        "AWS_CONFIG_FILE": "/dev/null",
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    result = run_python(str(script), cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    printed, mine = result.stdout.strip().splitlines()
    assert "SimulatedReset(operation='UpdateUserPoolClient'" in printed
    resets = dict(eval(mine))  # the printed (member, (before, after)) pairs
    assert resets["AuthSessionValidity"] == (15, 3)
    assert "ClientName" not in resets  # the one member the update named
    assert set(resets) <= set(OMITTED["UpdateUserPoolClient"].defaults) | set(carried("UpdateUserPoolClient"))


# --- simulator fixes: what an update names must be there, and be the resource's own -----------------------


def test_a_domain_update_naming_another_pool_is_refused_and_changes_nothing(world: World) -> None:
    """Without the check the simulator moved the domain to the pool named (even one that does not exist)."""
    ids, request = rich_state(world, "UpdateUserPoolDomain")
    before = world.describe("UpdateUserPoolDomain", ids)
    for pool, code in (
        (world.pool("SetUserPoolMfaConfig"), "InvalidParameterException"),
        (MISSING_POOL, "ResourceNotFoundException"),
    ):
        with pytest.raises(ClientError) as raised:
            world.call("UpdateUserPoolDomain", **{**request, "UserPoolId": pool})
        assert raised.value.response["Error"]["Code"] == code
        assert world.describe("UpdateUserPoolDomain", ids) == before


def test_a_cimd_policy_moved_to_a_missing_client_is_refused_and_changes_nothing(world: World) -> None:
    ids, request = rich_state(world, "UpdateCIMDPolicy")
    before = world.describe("UpdateCIMDPolicy", ids)
    with pytest.raises(ClientError) as raised:
        world.call("UpdateCIMDPolicy", **{**request, "ClientId": "missingclient0000"})
    assert raised.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert world.describe("UpdateCIMDPolicy", ids) == before


# --- simulator fix: an identity provider is described as the documentation's examples show ----------------

KINDS = sorted(k for k in provider_details_examples() if k not in NOT_SIMULATED)


def test_the_documented_describe_only_keys_are_the_quirks_tables() -> None:
    """The keys only a describe example has are the ones the merge never sends back (describe_only)."""
    table = {when[1]: set(keys) for _, keys, when in SPECS["UpdateIdentityProvider"].describe_only if when}
    for kind, (request, described) in provider_details_examples().items():
        assert set(described) - set(request) == table.get(kind, set()), kind


@pytest.mark.parametrize("kind", KINDS)
def test_an_identity_provider_is_described_as_documented_and_a_merge_keeps_it(world: World, kind: str) -> None:
    """Without the fix the describe echoed the request: the describe-only keys a merge must not send back
    never came up, and a SignInWithApple private_key was returned."""
    request, _ = provider_details_examples()[kind]
    name = f"{kind[:8]}{uuid.uuid4().hex[:8]}"
    ids = {"UserPoolId": world.pool(), "ProviderName": name}
    world.raw.create_identity_provider(**ids, ProviderType=kind, ProviderDetails=request)
    before = world.describe("UpdateIdentityProvider", ids)
    assert before["ProviderDetails"] == described_details(kind, request)
    assert before["ProviderDetails"] != request  # keys added, or the private key hidden

    # Raw code that sends back what it read is refused, as the service refuses it.
    with pytest.raises(ClientError) as raised:
        world.raw.update_identity_provider(**ids, ProviderDetails=before["ProviderDetails"])
    assert raised.value.response["Error"]["Code"] == "InvalidParameterException"

    world.typed.merge_update_identity_provider(
        user_pool_id=ids["UserPoolId"], provider_name=name, attribute_mapping={"email": "email"}
    )
    after = world.describe("UpdateIdentityProvider", ids)
    assert after["LastModifiedDate"] > before["LastModifiedDate"]
    assert after == {**before, "AttributeMapping": {"email": "email"}, "LastModifiedDate": after["LastModifiedDate"]}
