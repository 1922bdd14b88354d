"""Response presence (codegen/presence.py): what the rules and the table decide, and that moto agrees.

Every member ``always_present`` lists must be in every response moto returns for it: the scenario
below calls each operation moto's cognito-idp implements whose response holds such a member, and
a walker checks each structure of each response against the set. A member reached only through
operations moto does not implement is checked against AWS's documentation alone (the table's
evidence); the coverage test names those operations.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
import support
from moto import mock_aws
from moto.cognitoidp.responses import CognitoIdpResponse

from codegen import naming, presence
from codegen.ir import Operation, Service
from codegen.loader import load
from codegen.parse import parse
from codegen.types import TypedDictNames, reachable

pytestmark = support.pinned_botocore

SERVICE: Service = parse(load())
PRESENT = presence.always_present(SERVICE)
OPERATIONS = {op.py_name: op for op in SERVICE.operations}
PASSWORD = "Correct-Horse-9-battery"


# --------------------------------------------------------------------------- the rules, on the model


def test_the_rules_find_the_resources_lists_and_identifiers() -> None:
    why = presence.reasons(SERVICE)
    assert why[("DescribeUserPoolResponse", "UserPool")] == "rule resource"
    assert why[("AdminCreateUserResponse", "User")] == "rule resource"
    assert why[("DescribeTermsByClientResponse", "Terms")] == "rule resource"
    assert why[("ListUsersResponse", "Users")] == "rule listing"
    assert why[("UserPoolType", "Id")] == why[("UserPoolType", "Arn")] == "rule identifier"
    assert why[("UserPoolClientDescription", "ClientId")] == "rule identifier"  # read by DescribeUserPoolClient
    assert why[("GroupType", "GroupName")] == "rule identifier"
    assert why[("AttributeType", "Value")].startswith("table: ")


@pytest.mark.parametrize(
    ("shape", "member"),
    [
        ("InitiateAuthResponse", "AuthenticationResult"),  # the result of an auth flow
        ("InitiateAuthResponse", "ChallengeName"),
        ("RespondToAuthChallengeResponse", "ChallengeName"),  # absent after the final challenge
        ("AuthenticationResultType", "RefreshToken"),  # not returned by REFRESH_TOKEN_AUTH
        ("AuthenticationResultType", "NewDeviceMetadata"),
        ("ListUsersResponse", "PaginationToken"),  # pagination tokens
        ("UserPoolClientType", "ClientSecret"),  # only when generated
        ("UserPoolType", "Domain"),  # optional settings of a described resource
        ("GetUserPoolMfaConfigResponse", "SoftwareTokenMfaConfiguration"),  # MFA settings
        ("AdminGetUserResponse", "UserMFASettingList"),
        ("DescribeUserPoolDomainResponse", "DomainDescription"),  # DomainDescription, not a resource name
        ("DomainDescriptionType", "UserPoolId"),  # {} for a domain that does not exist
        ("IdentityProviderType", "UserPoolId"),  # the table removes it: moto leaves it out
        ("ListTagsForResourceResponse", "Tags"),  # a map, not a list
    ],
)
def test_what_can_be_absent_stays_optional(shape: str, member: str) -> None:
    assert (shape, member) not in PRESENT


def test_members_the_model_requires_are_not_listed() -> None:
    for shape, member in PRESENT:
        assert not next(m for m in SERVICE.shapes[shape].members if m.wire_name == member).required


def test_every_table_entry_has_evidence_and_a_source() -> None:
    for entry in presence.TABLE:
        assert len(entry.evidence) > 40 and entry.source, entry
    assert list(presence.TABLE) == sorted(presence.TABLE, key=lambda e: (e.shape, e.member))


def test_every_entry_fits_the_pinned_model() -> None:
    """For the pinned botocore, no entry of TABLE or VARIANTS is skipped, trimmed or obsolete."""
    assert presence.problems(SERVICE) == []


def test_an_entry_that_does_not_fit_the_model_is_a_problem_and_is_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """A member the model lacks (a misspelling, or an older botocore): named by problems(), which the generator
    prints as warnings, and left out of the result instead of failing the generation."""
    bad = presence.Entry("UserPoolType", "Nmae", True, "x" * 50, "nowhere")
    obsolete = presence.Entry("UserPoolType", "Id", True, "x" * 50, "nowhere")  # a rule derives it
    monkeypatch.setattr(presence, "TABLE", (*presence.TABLE, bad, obsolete))
    assert presence.problems(SERVICE) == [
        "presence table UserPoolType.Nmae: UserPoolType has no member Nmae (entry skipped)",
        "presence table UserPoolType.Id: a rule derives it already (entry obsolete)",
    ]
    assert presence.always_present(SERVICE) == PRESENT


STUBS_MISSING = "install the stubs: pip install -e ./stubs"


def test_shapes_on_both_sides_split_and_requests_keep_the_model() -> None:
    """AttributeType is in requests and responses: only the response TypedDict requires Value."""
    stub = pytest.importorskip("cognito_idp_typed.type_defs", reason=STUBS_MISSING)

    import cognito_typed.type_defs as runtime

    tds = TypedDictNames(SERVICE, PRESENT)
    assert tds.split("AttributeType")
    for module in (stub, runtime):
        request = getattr(module, tds("AttributeType", "in"))
        response = getattr(module, tds("AttributeType", "out"))
        assert request.__required_keys__ == {"Name"}
        assert response.__required_keys__ == {"Name", "Value"}


@pytest.mark.parametrize("module_name", ["cognito_idp_typed.type_defs", "cognito_typed.type_defs"])
def test_both_packages_require_exactly_the_model_plus_presence(module_name: str) -> None:
    module = pytest.importorskip(module_name, reason=STUBS_MISSING)
    tds = TypedDictNames(SERVICE, PRESENT)
    checked = 0
    for shape in SERVICE.structures():
        for side in tds.sides(shape.name):
            td = getattr(module, tds(shape.name, side), None)
            if td is None:  # the stubs type only what operations reach
                continue
            want = {m.wire_name for m in shape.members if tds.required(shape.name, m, side)}
            assert td.__required_keys__ - {"ResponseMetadata"} == want, td.__name__
            checked += 1
    assert checked > 300


# --------------------------------------------------------------------------- moto agrees


def _implemented(op: Operation) -> bool:
    return callable(getattr(CognitoIdpResponse, op.py_name, None))


class Walker:
    """Checks responses against PRESENT (plus the members of the variant the request selects) and records
    which (operation, structure) and which (operation, variant) it saw."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()
        self.variants: set[tuple[str, str]] = set()
        self.missing: list[str] = []

    def check(self, method: str, response: dict[str, Any], request: dict[str, Any] | None = None) -> None:
        op = OPERATIONS[method]
        if op.output is None:
            return
        variant = presence.selected(SERVICE, op.name, request or {})
        if variant is not None:
            self.variants.add((op.name, variant.name))
        present = PRESENT | set(variant.present if variant else ())
        self._walk(method, op.output, response, op.output, present)

    def _walk(self, method: str, name: str, value: Any, path: str, present: set[tuple[str, str]]) -> None:
        shape = SERVICE.shapes[name]
        if shape.kind == "structure" and isinstance(value, dict):
            self.seen.add((method, name))
            value = typing.cast(dict[str, Any], value)
            for m in shape.members:
                if (name, m.wire_name) in present and m.wire_name not in value:
                    self.missing.append(f"{method}: {path}.{m.wire_name} ({name})")
                if m.wire_name in value:
                    self._walk(method, m.shape, value[m.wire_name], f"{path}.{m.wire_name}", present)
        elif shape.kind == "list" and isinstance(value, list) and shape.item:
            for i, item in enumerate(typing.cast(list[Any], value)):
                self._walk(method, shape.item, item, f"{path}[{i}]", present)
        elif shape.kind == "map" and isinstance(value, dict) and shape.value:
            for k, item in typing.cast(dict[str, Any], value).items():
                self._walk(method, shape.value, item, f"{path}[{k!r}]", present)


@pytest.fixture(scope="module")
def walked() -> Iterator[Walker]:
    walker = Walker()
    with pytest.MonkeyPatch.context() as mp, mock_aws():
        for name, value in {
            "AWS_ACCESS_KEY_ID": "x",
            "AWS_SECRET_ACCESS_KEY": "x",
            "AWS_DEFAULT_REGION": "us-east-1",
        }.items():
            mp.setenv(name, value)
        mp.delenv("AWS_PROFILE", raising=False)
        _scenario(boto3.client("cognito-idp", region_name="us-east-1"), walker.check)
    yield walker


def _scenario(c: Any, check: Callable[[str, dict[str, Any], dict[str, Any]], None]) -> None:
    """Every moto-implemented operation whose response can hold an always-present member, twice where
    the shape of the call changes what comes back (a bare pool and a configured one, with and without a secret)."""

    def call(method: str, **kwargs: Any) -> dict[str, Any]:
        response: dict[str, Any] = getattr(c, method)(**kwargs)
        check(method, response, kwargs)
        return response

    bare = call("create_user_pool", PoolName="bare")["UserPool"]["Id"]
    pool = call(
        "create_user_pool",
        PoolName="full",
        Policies={"PasswordPolicy": {"MinimumLength": 8}},
        Schema=[{"Name": "team", "AttributeDataType": "String", "Mutable": True}],
        MfaConfiguration="OFF",
        UserPoolTags={"team": "identity"},
    )["UserPool"]["Id"]
    call("describe_user_pool", UserPoolId=bare)
    call("describe_user_pool", UserPoolId=pool)
    call("list_user_pools", MaxResults=10)

    app = call(
        "create_user_pool_client",
        UserPoolId=pool,
        ClientName="app",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    secret = call("create_user_pool_client", UserPoolId=pool, ClientName="secret", GenerateSecret=True)
    call("describe_user_pool_client", UserPoolId=pool, ClientId=app)
    call("describe_user_pool_client", UserPoolId=pool, ClientId=secret["UserPoolClient"]["ClientId"])
    call(
        "update_user_pool_client",
        UserPoolId=pool,
        ClientId=app,
        ClientName="app",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )
    call("list_user_pool_clients", UserPoolId=pool, MaxResults=10)

    call("create_group", UserPoolId=pool, GroupName="plain")
    call(
        "create_group",
        UserPoolId=pool,
        GroupName="admins",
        Description="d",
        Precedence=1,
        RoleArn="arn:aws:iam::123456789012:role/x",
    )
    call("get_group", UserPoolId=pool, GroupName="plain")
    call("update_group", UserPoolId=pool, GroupName="plain", Description="now described")
    call("list_groups", UserPoolId=pool)

    call(
        "admin_create_user",
        UserPoolId=pool,
        Username="alice",
        TemporaryPassword=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": "alice@example.com"}],
        MessageAction="SUPPRESS",
    )
    call("admin_create_user", UserPoolId=pool, Username="bob", MessageAction="SUPPRESS")
    call("admin_get_user", UserPoolId=pool, Username="alice")
    call("admin_get_user", UserPoolId=pool, Username="bob")
    call("list_users", UserPoolId=pool)
    call("list_users", UserPoolId=pool, AttributesToGet=["email"], Limit=1)
    call("admin_add_user_to_group", UserPoolId=pool, Username="alice", GroupName="admins")
    call("list_users_in_group", UserPoolId=pool, GroupName="admins")
    call("admin_list_groups_for_user", UserPoolId=pool, Username="alice")

    # The auth flows: a challenge first (temporary password), then tokens, then a refresh (no refresh token).
    challenge = call(
        "initiate_auth",
        ClientId=app,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "alice", "PASSWORD": PASSWORD},
    )
    call(
        "respond_to_auth_challenge",
        ClientId=app,
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": "alice", "NEW_PASSWORD": PASSWORD + "!"},
    )
    c.admin_set_user_password(UserPoolId=pool, Username="bob", Password=PASSWORD, Permanent=False)
    admin_challenge = call(
        "admin_initiate_auth",
        UserPoolId=pool,
        ClientId=app,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "bob", "PASSWORD": PASSWORD},
    )
    call(
        "admin_respond_to_auth_challenge",
        UserPoolId=pool,
        ClientId=app,
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=admin_challenge["Session"],
        ChallengeResponses={"USERNAME": "bob", "NEW_PASSWORD": PASSWORD + "?"},
    )
    tokens = call(
        "initiate_auth",
        ClientId=app,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "alice", "PASSWORD": PASSWORD + "!"},
    )["AuthenticationResult"]
    call(
        "admin_initiate_auth",
        UserPoolId=pool,
        ClientId=app,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "bob", "PASSWORD": PASSWORD + "?"},
    )
    call(
        "initiate_auth",
        ClientId=app,
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
    )
    call(
        "admin_initiate_auth",
        UserPoolId=pool,
        ClientId=app,
        AuthFlow="REFRESH_TOKEN_AUTH",
        AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]},
    )
    call("get_user", AccessToken=tokens["AccessToken"])
    call("associate_software_token", AccessToken=tokens["AccessToken"])
    call("verify_software_token", AccessToken=tokens["AccessToken"], UserCode="123456")
    call("initiate_auth", ClientId=app, AuthFlow="USER_SRP_AUTH", AuthParameters={"USERNAME": "alice", "SRP_A": "a1"})
    call(
        "admin_initiate_auth",
        UserPoolId=pool,
        ClientId=app,
        AuthFlow="ADMIN_NO_SRP_AUTH",
        AuthParameters={"USERNAME": "alice", "PASSWORD": PASSWORD + "!"},
    )
    # TOTP set up inside a sign-in: the challenge's session goes to AssociateSoftwareToken, its session on.
    call("admin_create_user", UserPoolId=pool, Username="carol", TemporaryPassword=PASSWORD, MessageAction="SUPPRESS")
    first = call(
        "initiate_auth",
        ClientId=app,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "carol", "PASSWORD": PASSWORD},
    )
    associated = call("associate_software_token", Session=first["Session"])
    call("verify_software_token", Session=associated["Session"], UserCode="123456")

    details = {"client_id": "id", "client_secret": "s", "authorize_scopes": "openid"}
    call(
        "create_identity_provider",
        UserPoolId=pool,
        ProviderName="Google",
        ProviderType="Google",
        ProviderDetails=details,
    )
    call("describe_identity_provider", UserPoolId=pool, ProviderName="Google")
    call("update_identity_provider", UserPoolId=pool, ProviderName="Google", AttributeMapping={"email": "email"})
    call("list_identity_providers", UserPoolId=pool)

    call("create_resource_server", UserPoolId=pool, Identifier="api", Name="API")
    call(
        "create_resource_server",
        UserPoolId=pool,
        Identifier="scoped",
        Name="Scoped",
        Scopes=[{"ScopeName": "read", "ScopeDescription": "read"}],
    )
    call("describe_resource_server", UserPoolId=pool, Identifier="api")
    call("list_resource_servers", UserPoolId=pool, MaxResults=10)


def test_moto_returns_every_always_present_member(walked: Walker) -> None:
    assert walked.missing == []


def test_the_scenario_reaches_every_moto_operation_that_matters(walked: Walker) -> None:
    """Each moto-implemented operation whose response can hold an always-present member was called, and
    each structure with such members was seen in its response."""
    with_present = {shape for shape, _ in PRESENT}
    wanted = {
        (op.py_name, name)
        for op in SERVICE.operations
        if op.output and _implemented(op)
        for name in reachable(SERVICE, [op.output]) & with_present
        # what an auth flow returns depends on the flow: the scenario sees every structure on some call
        if not (name in ("AuthenticationResultType", "NewDeviceMetadataType") and "auth" in op.py_name)
    }
    wanted |= {
        (m, "AuthenticationResultType")
        for m in (
            "initiate_auth",
            "admin_initiate_auth",
            "respond_to_auth_challenge",
            "admin_respond_to_auth_challenge",
        )
    }
    assert wanted - walked.seen == set()


def test_what_moto_cannot_check_is_named() -> None:
    """The always-present members no moto operation returns rest on AWS's documentation alone."""
    moto_reach = set[str]().union(
        *(reachable(SERVICE, [op.output]) for op in SERVICE.operations if op.output and _implemented(op))
    )
    unchecked = sorted({naming.typed_dict(s) for s, _ in PRESENT if s not in moto_reach})
    assert "UserPoolTypeDef" not in unchecked and "AuthenticationResultTypeDef" not in unchecked
    assert "UserImportJobTypeDef" in unchecked  # moto implements no import job: the rule alone decides


def test_every_variant_moto_implements_was_checked(walked: Walker) -> None:
    """Each (operation, variant) was selected by some call; moto has no USER_SRP_AUTH for AdminInitiateAuth
    and no CUSTOM_AUTH/USER_AUTH flow (those rest on the evidence alone)."""
    wanted = {(op, v.name) for v in presence.variants(SERVICE) for op in v.operations}
    assert wanted - walked.variants == {("AdminInitiateAuth", "Srp")}


def test_variants_pick_by_the_request() -> None:
    def pick(op: str, **request: object) -> str | None:
        v = presence.selected(SERVICE, op, request)
        return v.name if v else None

    assert pick("InitiateAuth", AuthFlow="REFRESH_TOKEN_AUTH") == "Refresh"
    assert pick("AdminInitiateAuth", AuthFlow="ADMIN_USER_PASSWORD_AUTH") == "SignIn"
    assert pick("InitiateAuth", AuthFlow="USER_SRP_AUTH") == "Srp"
    assert pick("RespondToAuthChallenge", ChallengeName="SMS_MFA") == "SignIn"  # every call
    assert pick("AssociateSoftwareToken", Session="s") == "WithSession"
    assert pick("AssociateSoftwareToken", AccessToken="t") is None
    assert pick("ListUsers", UserPoolId="p") is None
    # Every sign-in flow of the model is covered by exactly one InitiateAuth variant.
    flows = SERVICE.shapes["AuthFlowType"].enum
    assert all(pick("InitiateAuth", AuthFlow=f) is not None for f in flows)


def test_variant_entries_have_evidence_and_are_checked_against_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    for v in presence.VARIANTS:
        assert len(v.evidence) > 40 and v.source.startswith("https://"), v
    bad = presence.Variant(
        "Bad",
        ("InitiateAuth",),
        (("InitiateAuthResponse", "Session"),),
        "x" * 50,
        "nowhere",
        when="AuthFlow",
        values=("USER_SRP_AUTH",),
    )
    monkeypatch.setattr(presence, "VARIANTS", (*presence.VARIANTS, bad))
    with pytest.raises(ValueError, match="overlaps another variant of InitiateAuth"):
        presence.variants(SERVICE)
    older = presence.Variant(
        "Bad",
        ("AssociateSoftwareToken",),
        (("AssociateSoftwareTokenResponse", "Sesion"),),
        "x" * 50,
        "nowhere",
        when="Session",
    )
    monkeypatch.setattr(presence, "VARIANTS", (*presence.VARIANTS[:1], older))
    assert presence.problems(SERVICE) == [
        "presence variant Bad of AssociateSoftwareToken: the model has no AssociateSoftwareTokenResponse.Sesion "
        "(variant skipped)"
    ]
    assert [v.name for v in presence.variants(SERVICE)] == ["Refresh"]
    # An enum value the model lacks (USER_AUTH before botocore 1.35): left out of the variant.
    newer = dataclasses.replace(presence.VARIANTS[0], values=("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN_V2"))
    monkeypatch.setattr(presence, "VARIANTS", (newer,))
    assert presence.problems(SERVICE) == [
        "presence variant Refresh of AdminInitiateAuth/InitiateAuth: AuthFlow has no value REFRESH_TOKEN_V2"
    ]
    assert presence.variants(SERVICE)[0].values == ("REFRESH_TOKEN_AUTH",)


def test_the_walker_reports_a_member_moto_leaves_out() -> None:
    walker = Walker()
    walker.check("describe_user_pool", {"UserPool": {"Arn": "arn", "Name": "n"}})
    walker.check("list_users", {"Users": [{"Username": "u", "Attributes": [{"Name": "sub"}]}]})
    tokens = {"AccessToken": "a", "IdToken": "i", "ExpiresIn": 1, "TokenType": "Bearer"}
    walker.check("initiate_auth", {"AuthenticationResult": tokens}, {"AuthFlow": "USER_PASSWORD_AUTH"})
    walker.check("initiate_auth", {"AuthenticationResult": tokens}, {"AuthFlow": "REFRESH_TOKEN_AUTH"})
    assert "describe_user_pool: DescribeUserPoolResponse.UserPool.Id (UserPoolType)" in walker.missing
    assert "list_users: ListUsersResponse.Users[0].Attributes[0].Value (AttributeType)" in walker.missing
    # The password flow's tokens lack the refresh token its variant requires; the refresh's need none.
    refresh = "initiate_auth: InitiateAuthResponse.AuthenticationResult.RefreshToken (AuthenticationResultType)"
    assert walker.missing.count(refresh) == 1
