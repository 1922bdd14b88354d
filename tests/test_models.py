"""Models are real dataclasses: frozen, keyword-only, ``None`` for absent, a snapshot of the response.

One test per behaviour the issue lists (dataclasses' functions, copy, pickle, ``==``, pytest's
diff, pprint and rich), against request and response models alike.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import json
import pickle
import pprint
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from support import ROOT, SERVICE, STRUCTURES, model_class

import cognito_typed.models
from codegen import presence
from codegen.ir import Member
from codegen.types import reachable
from cognito_typed import MalformedResponseError, Model, Request, ResponseMetadata
from cognito_typed.models import (
    AdminGetUserResponse,
    AssetType,
    AttributeType,
    CreateUserPoolClientRequest,
    DescribeUserPoolClientResponse,
    DescribeUserPoolResponse,
    ListUsersResponse,
    SetUICustomizationRequest,
    TokenValidityUnitsType,
    UserPoolClientType,
)

POOL = "us-east-1_EXAMPLE"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


# What a response always carries (codegen.presence): the ids of an app client, a user pool, a user.
def client_wire(**members: Any) -> dict[str, Any]:
    return {"UserPoolId": POOL, "ClientId": "abc", "ClientName": "web", **members}


def pool_wire(**members: Any) -> dict[str, Any]:
    arn = f"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{POOL}"
    return {"Id": POOL, "Name": "pool", "Arn": arn, **members}


def user_wire(username: str, **members: Any) -> dict[str, Any]:
    return {
        "Username": username,
        "Attributes": [{"Name": "sub", "Value": "0f8fad5b-d9cb-469f-a165-70867728950e"}],
        "UserCreateDate": WHEN,
        "UserLastModifiedDate": WHEN,
        "Enabled": True,
        "UserStatus": "CONFIRMED",
        **members,
    }


def request() -> CreateUserPoolClientRequest:
    return CreateUserPoolClientRequest(
        user_pool_id=POOL,
        client_name="web",
        auth_session_validity=15,
        token_validity_units=TokenValidityUnitsType(access_token="hours"),
        callback_urls=["https://example.com/cb"],
    )


def response() -> DescribeUserPoolClientResponse:
    return DescribeUserPoolClientResponse.from_wire(
        {
            "UserPoolClient": client_wire(
                ClientSecret="s" * 30,
                CreationDate=WHEN,
                TokenValidityUnits={"RefreshToken": "days"},
                CallbackURLs=["https://example.com/cb"],
            ),
            "ResponseMetadata": {"RequestId": "req-1", "HTTPStatusCode": 200, "RetryAttempts": 0},
        }
    )


BOTH = pytest.mark.parametrize("make", [request, response], ids=["request", "response"])


# --- they are dataclasses --------------------------------------------------------------------


@BOTH
def test_is_a_dataclass(make: Any) -> None:
    model = make()
    assert dataclasses.is_dataclass(model) and dataclasses.is_dataclass(type(model))
    params = type(model).__dataclass_params__
    assert (params.init, params.repr, params.eq, params.frozen) == (True, True, True, True)
    assert all(f.kw_only for f in dataclasses.fields(model))
    assert type(model).__match_args__ == ()


def test_fields_follow_the_model_in_order_with_none_defaults() -> None:
    fields = dataclasses.fields(CreateUserPoolClientRequest)
    names = [f.name for f in fields]
    shape = SERVICE.shapes["CreateUserPoolClientRequest"]
    assert names == [m.py_name for m in shape.members]
    by_name = {f.name: f for f in fields}
    assert by_name["user_pool_id"].default is dataclasses.MISSING  # required stays required
    assert by_name["client_name"].default is dataclasses.MISSING
    assert by_name["auth_session_validity"].default is None
    assert by_name["auth_session_validity"].type == "int | None"
    assert [f.metadata["wire"] for f in fields] == [m.wire_name for m in shape.members]  # the wire names


@BOTH
def test_replace(make: Any) -> None:
    model = make()
    field = "client_name" if isinstance(model, CreateUserPoolClientRequest) else "user_pool_client"
    new_value: object = "mobile"
    if field == "user_pool_client":
        new_value = UserPoolClientType(user_pool_id=POOL, client_id="abc", client_name="mobile")
    changed = dataclasses.replace(model, **{field: new_value})
    assert getattr(changed, field) == new_value
    assert getattr(model, field) != new_value  # the original is untouched
    with pytest.raises(TypeError, match="no_such_field"):
        dataclasses.replace(model, no_such_field=1)
    if sys.version_info >= (3, 13):
        assert copy.replace(model, **{field: new_value}) == changed  # type: ignore[attr-defined]


@BOTH
def test_asdict_and_astuple(make: Any) -> None:
    model = make()
    as_dict = dataclasses.asdict(model)
    assert set(as_dict) == {f.name for f in dataclasses.fields(model)}
    if isinstance(model, CreateUserPoolClientRequest):
        assert as_dict["token_validity_units"] == {"access_token": "hours", "id_token": None, "refresh_token": None}
    else:
        assert as_dict["user_pool_client"]["client_secret"] == "s" * 30
        assert as_dict["response_metadata"]["request_id"] == "req-1"
    assert len(dataclasses.astuple(model)) == len(dataclasses.fields(model))


@BOTH
def test_copy_deepcopy_pickle(make: Any) -> None:
    model = make()
    for again in (copy.copy(model), copy.deepcopy(model), pickle.loads(pickle.dumps(model))):
        assert type(again) is type(model)
        assert again == model
        assert again.to_wire() == model.to_wire()
        with pytest.raises(dataclasses.FrozenInstanceError):
            again.x = 1  # type: ignore[attr-defined]


def test_frozen() -> None:
    model = request()
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.client_name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        model.generate_secret = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del model.client_name  # type: ignore[misc]
    assert model.client_name == "web"


def test_from_wire_gives_the_model_class_itself_frozen() -> None:
    # from_wire fills a same-layout subclass and then makes the object the model (base.filling):
    # what comes out is the model class itself, frozen like any other instance of it.
    page = ListUsersResponse.from_wire({"Users": [user_wire("a")], "PaginationToken": "t"})
    built = [page, page.users[0], *page.users[0].attributes]
    assert [type(m) for m in built] == [ListUsersResponse, cognito_typed.models.UserType, AttributeType]
    for model in built:
        with pytest.raises(dataclasses.FrozenInstanceError):
            model.pagination_token = "x"  # type: ignore[union-attr]
        assert pickle.loads(pickle.dumps(model)) == model
        assert copy.copy(model) == model and copy.deepcopy(model) == model
    assert page == ListUsersResponse(users=(page.users[0],), pagination_token="t")
    # its lists are tuples: immutable all through, so a response model is hashable as a whole
    assert type(page.users) is tuple and type(page.users[0].attributes) is tuple
    assert hash(page) == hash(ListUsersResponse(users=(page.users[0],), pagination_token="t"))
    assert hash(page.users[0].attributes[0]) == hash(AttributeType(name="sub", value=page.users[0].attributes[0].value))


def test_from_wire_of_a_subclass_with_its_own_layout() -> None:
    class Slotted(AttributeType):
        __slots__ = ()

    class WithDict(AttributeType):  # a __dict__: __class__ assignment refuses the layout; copied instead
        pass

    for cls in (Slotted, WithDict):
        made = cls.from_wire({"Name": "email", "Value": "a@x"})
        assert type(made) is cls
        assert (made.name, made.value) == ("email", "a@x")
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.name = "other"  # type: ignore[misc]


def test_the_constructor_of_a_model_and_of_its_subclasses() -> None:
    # Five fields or more are set as from_wire sets them (the class swapped to the filling class
    # and back); a subclass with a __dict__ refuses the swap and gets a slot setter per field.
    from cognito_typed.models import UserType

    assert len(dataclasses.fields(UserType)) >= 5

    class Slotted(UserType):
        __slots__ = ()

    class WithDict(UserType):
        pass

    when = datetime(2024, 1, 2, tzinfo=UTC)
    values = {
        "username": "alice",
        "attributes": (AttributeType(name="email", value="a@x"),),
        "user_create_date": when,
        "user_last_modified_date": when,
        "enabled": True,
        "user_status": "CONFIRMED",
    }
    for cls in (UserType, Slotted, WithDict):
        made = cls(**values)  # type: ignore[arg-type]  # (the dict's values are seen as object)
        assert type(made) is cls
        assert {name: getattr(made, name) for name in values} == values and made.mfa_options is None
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.username = "bob"  # type: ignore[misc]
        assert dataclasses.replace(made, username="bob").username == "bob"
    assert UserType(**values) == UserType.from_wire(UserType(**values).to_wire())  # type: ignore[arg-type]


def test_a_response_model_built_with_lists_holds_tuples() -> None:
    """Found by review: a class only responses use holds its lists as tuples; one a caller builds (a
    test double) with lists had kept them, unequal to the model from the wire and unhashable."""
    from cognito_typed.models import UserType

    when = datetime(2024, 1, 2, tzinfo=UTC)
    made = UserType(
        username="alice",
        attributes=[AttributeType(name="email", value="a@x")],  # type: ignore[arg-type]
        user_create_date=when,
        user_last_modified_date=when,
        enabled=True,
        user_status="CONFIRMED",
        mfa_options=[],  # type: ignore[arg-type]
    )
    assert type(made.attributes) is tuple and made.mfa_options == ()
    wire = UserType.from_wire(made.to_wire())
    assert made == wire and hash(made) == hash(wire)
    page = ListUsersResponse(users=[made])  # type: ignore[arg-type]
    assert page == ListUsersResponse.from_wire(page.to_wire()) and type(page.users) is tuple


def test_equality_and_hash() -> None:
    a, b = request(), request()
    assert a == b
    assert a != dataclasses.replace(a, auth_session_validity=14)
    units = TokenValidityUnitsType(access_token="hours")
    assert units == TokenValidityUnitsType.from_wire({"AccessToken": "hours"})
    assert hash(units) == hash(TokenValidityUnitsType.from_wire({"AccessToken": "hours"}))
    assert {units, TokenValidityUnitsType(access_token="hours")} == {units}
    assert TokenValidityUnitsType() != AttributeType.from_wire({"Name": "x"})  # other classes
    assert units != {"AccessToken": "hours"}
    with pytest.raises(TypeError):  # a list inside: unhashable, as for any frozen dataclass
        hash(a)


def test_response_metadata_is_typed_and_not_compared() -> None:
    model = response()
    assert model.response_metadata == ResponseMetadata(request_id="req-1", http_status_code=200, retry_attempts=0)
    assert model.response_metadata is not None and model.response_metadata.request_id == "req-1"
    other = dataclasses.replace(model, response_metadata=ResponseMetadata(request_id="req-2"))
    assert other == model  # the same data from two calls
    assert "req-1" not in repr(model)
    assert DescribeUserPoolClientResponse.from_wire(model.to_wire()).response_metadata == model.response_metadata


@pytest.mark.parametrize("headers", ["content-type", [("content-type", "json")], [1, 2], 5])
def test_response_metadata_to_wire_refuses_headers_that_are_no_mapping(headers: object) -> None:
    """Text or pairs given for the headers: a TypeError naming the type, not a dict of characters or pairs."""
    metadata = ResponseMetadata(request_id="r", http_headers=headers)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=rf"^{type(headers).__name__} is not a map$"):
        metadata.to_wire()
    mapping = MappingProxyType({"content-type": "json"})
    wire = ResponseMetadata(http_headers=mapping).to_wire()  # type: ignore[arg-type]
    assert wire == {"HTTPHeaders": {"content-type": "json"}} and type(wire["HTTPHeaders"]) is dict


def test_keyword_only_required_and_unknown_keywords() -> None:
    with pytest.raises(TypeError):
        CreateUserPoolClientRequest(POOL, "web")  # type: ignore[misc]
    with pytest.raises(TypeError, match="client_name"):
        CreateUserPoolClientRequest(user_pool_id=POOL)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="client_nme"):
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", client_nme="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="ClientName"):  # wire names are not keywords
        CreateUserPoolClientRequest(user_pool_id=POOL, client_name="web", ClientName="x")  # type: ignore[call-arg]


def test_signature_and_help_show_the_typed_fields() -> None:
    signature = inspect.signature(CreateUserPoolClientRequest)
    params = signature.parameters
    assert list(params) == [m.py_name for m in SERVICE.shapes["CreateUserPoolClientRequest"].members]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params.values())
    assert params["auth_session_validity"].annotation == "int | None"
    assert params["auth_session_validity"].default is None
    assert params["user_pool_id"].default is inspect.Parameter.empty
    text = pydoc_text(CreateUserPoolClientRequest)
    assert "auth_session_validity: 'int | None' = None" in text


def pydoc_text(obj: object) -> str:
    import pydoc

    return pydoc.render_doc(obj, renderer=pydoc.plaintext)


# --- None for absent ---------------------------------------------------------------------------


def test_absent_is_none_and_left_out_of_the_wire() -> None:
    model = request()
    assert model.generate_secret is None
    assert "GenerateSecret" not in model.to_wire()
    assert TokenValidityUnitsType.from_wire({"AccessToken": None}) == TokenValidityUnitsType()
    user = user_wire("alice")
    wire = {"UserAttributes": user.pop("Attributes"), **user}
    got = AdminGetUserResponse.from_wire(wire)
    assert got.preferred_mfa_setting is None and got.mfa_options is None
    assert "PreferredMfaSetting" not in got.to_wire() and got.to_wire() == wire


def test_a_required_member_missing_from_a_response_is_a_clear_error() -> None:
    with pytest.raises(MalformedResponseError) as info:
        AdminGetUserResponse.from_wire({})
    assert info.value.path == "Username"
    assert "Username" in str(info.value) and "requires" in str(info.value)


# --- snapshots -----------------------------------------------------------------------------------


def test_a_response_model_shares_nothing_with_the_dict_it_came_from() -> None:
    wire: dict[str, Any] = {
        "UserPoolClient": client_wire(
            CallbackURLs=["https://a"],
            TokenValidityUnits={"AccessToken": "hours"},
            AnalyticsConfiguration={"ApplicationId": "app"},
        )
    }
    model = DescribeUserPoolClientResponse.from_wire(wire)
    before = copy.deepcopy(model)
    wire["UserPoolClient"]["CallbackURLs"].append("https://b")
    wire["UserPoolClient"]["TokenValidityUnits"]["AccessToken"] = "days"
    wire["UserPoolClient"]["AnalyticsConfiguration"] = "oops"
    del wire["UserPoolClient"]
    assert model == before
    assert model.user_pool_client.callback_urls == ("https://a",)
    assert model.user_pool_client.token_validity_units == TokenValidityUnitsType(access_token="hours")

    users: dict[str, Any] = {"Users": [user_wire("a", Attributes=[{"Name": "email", "Value": "a@x"}])]}
    page = ListUsersResponse.from_wire(users)
    users["Users"][0]["Attributes"].clear()
    users["Users"].clear()
    assert page.users[0].attributes == (AttributeType(name="email", value="a@x"),)

    pool: dict[str, Any] = {"UserPool": pool_wire(UserPoolTags={"team": "a"}, SchemaAttributes=[{"Name": "email"}])}
    described = DescribeUserPoolResponse.from_wire(pool)
    pool["UserPool"]["UserPoolTags"]["team"] = "b"
    pool["UserPool"]["SchemaAttributes"][0]["Name"] = "phone"
    assert described.user_pool.user_pool_tags == {"team": "a"}
    assert described.user_pool.schema_attributes is not None
    assert described.user_pool.schema_attributes[0].name == "email"


# --- the JSON form -------------------------------------------------------------------------------


def test_to_json_is_json_and_comes_back() -> None:
    model = DescribeUserPoolClientResponse.from_wire(
        {"UserPoolClient": client_wire(CreationDate=WHEN, ReadAttributes=["email"])}
    )
    data = model.to_json()
    assert data["UserPoolClient"]["CreationDate"] == "2024-05-06T07:08:09+00:00"
    text = json.dumps(data)
    assert DescribeUserPoolClientResponse.from_wire(json.loads(text)) == model
    assert DescribeUserPoolClientResponse.from_wire(model.to_wire()) == model


def test_blobs_go_to_json_as_base64_and_come_back_as_bytes() -> None:
    asset = AssetType(category="FAVICON_ICO", color_mode="LIGHT", extension="ICO", bytes_=b"\x00\x01icon")
    data = asset.to_json()
    assert data["Bytes"] == "AAFpY29u"
    assert AssetType.from_wire(json.loads(json.dumps(data))) == asset
    assert AssetType.from_wire(asset.to_wire()) == asset


def test_a_blob_given_as_text_goes_to_json_as_the_base64_of_its_utf8_bytes() -> None:
    """As botocore sends it: the JSON form comes back as the bytes that were sent, not as base64-decoded text."""
    request = SetUICustomizationRequest(user_pool_id="us-east-1_abc", image_file="abcd")  # type: ignore[arg-type]
    data = json.loads(json.dumps(request.to_json()))
    assert data["ImageFile"] == "YWJjZA=="
    assert SetUICustomizationRequest.from_wire(data).image_file == b"abcd"
    assert request.to_wire()["ImageFile"] == b"abcd"


def test_timestamps_from_json_text_or_epoch_seconds() -> None:
    for value in ("2024-05-06T07:08:09Z", "2024-05-06T07:08:09+00:00", 1714979289, 1714979289.0):
        client = UserPoolClientType.from_wire(client_wire(CreationDate=value))
        assert client.creation_date == WHEN, value


# --- tools that print them -----------------------------------------------------------------------


def test_repr_is_the_dataclass_repr_without_secrets() -> None:
    units = TokenValidityUnitsType(access_token="hours", id_token="minutes")
    assert repr(units) == "TokenValidityUnitsType(access_token='hours', id_token='minutes', refresh_token=None)"
    client = UserPoolClientType(user_pool_id=POOL, client_id="abc", client_secret="s" * 30, client_name="web")
    assert "client_name='web'" in repr(client)
    assert "abc" not in repr(client) and "sss" not in repr(client)
    assert repr(client).startswith(
        f"UserPoolClientType(user_pool_id='{POOL}', client_name='web', client_secret_arn=None"
    )


@BOTH
def test_pprint_lays_out_field_by_field(make: Any) -> None:
    text = pprint.pformat(make(), width=60)
    lines = text.splitlines()
    assert len(lines) > 5
    assert lines[1].startswith(" " * (len(type(make()).__name__) + 1))  # one field per line, aligned
    assert "sss" not in text


@BOTH
def test_rich_lays_out_field_by_field(make: Any) -> None:
    pretty = pytest.importorskip("rich.pretty")
    text = pretty.pretty_repr(make(), max_width=60)
    assert len(text.splitlines()) > 5
    assert "sss" not in text


def test_pytest_shows_the_differing_fields(tmp_path: Path) -> None:
    test = tmp_path / "test_diff.py"
    test.write_text(
        textwrap.dedent(
            """
            from cognito_typed.models import TokenValidityUnitsType

            def test_diff():
                assert TokenValidityUnitsType(access_token="hours") == TokenValidityUnitsType(access_token="days")
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Differing attributes:" in result.stdout
    assert "['access_token']" in result.stdout
    assert "'hours' != 'days'" in result.stdout


# --- malformed responses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "path", "expected", "found"),
    [
        ("oops", "UserPoolClient", "a structure (UserPoolClientType)", "str"),
        (client_wire(TokenValidityUnits=[1]), "UserPoolClient.TokenValidityUnits", "a structure", "list"),
        (client_wire(CallbackURLs="https://x"), "UserPoolClient.CallbackURLs", "a list", "str"),
        (client_wire(CreationDate="yesterday"), "UserPoolClient.CreationDate", "a timestamp", "str"),
    ],
)
def test_a_malformed_response_names_the_member_and_the_type(client: Any, path: str, expected: str, found: str) -> None:
    with pytest.raises(MalformedResponseError) as info:
        DescribeUserPoolClientResponse.from_wire({"UserPoolClient": client})
    assert info.value.path == path
    assert expected in info.value.expected
    assert info.value.found == found
    assert str(info.value).startswith(path)


def test_a_malformed_item_names_its_index() -> None:
    with pytest.raises(MalformedResponseError) as info:
        ListUsersResponse.from_wire({"Users": [user_wire("a"), user_wire("b", Attributes=[{"Name": "x"}, 7])]})
    assert info.value.path == "Users[1].Attributes[1]"
    assert info.value.found == "int"
    with pytest.raises(MalformedResponseError) as missing:
        ListUsersResponse.from_wire({"Users": [user_wire("a", Attributes=[{"Value": "x"}])]})
    assert missing.value.path == "Users[0].Attributes[0].Name"
    assert pickle.loads(pickle.dumps(info.value)).path == info.value.path


# --- the classes follow the model ----------------------------------------------------------------


# The shapes a request reaches: their classes serve both sides, so only the model's ``required`` counts.
REQUEST_SIDE = reachable(SERVICE, [op.input for op in SERVICE.operations])
ALWAYS_PRESENT = presence.always_present(SERVICE)


def required_field(shape: str, member: Member) -> bool:
    """A required field: the model requires the member, or a response always carries it (codegen.presence)."""
    return member.required or ((shape, member.wire_name) in ALWAYS_PRESENT and shape not in REQUEST_SIDE)


@pytest.mark.parametrize("name", STRUCTURES)
def test_class_matches_the_model(name: str) -> None:
    """Fields, their order, defaults, annotations and __init__ signature follow the IR and codegen.presence."""
    shape = SERVICE.shapes[name]
    cls = model_class(name)
    assert issubclass(cls, Model) and dataclasses.is_dataclass(cls)
    fields = [f for f in dataclasses.fields(cls) if f.name != "response_metadata"]
    assert [f.name for f in fields] == [m.py_name for m in shape.members]
    params = inspect.signature(cls).parameters
    for m, f in zip(shape.members, fields, strict=True):
        assert m.py_name.isidentifier()
        required = required_field(name, m)
        assert (f.default is dataclasses.MISSING) == required, m.wire_name
        assert (params[m.py_name].default is inspect.Parameter.empty) == required, m.wire_name
        assert isinstance(f.type, str) and f.type.endswith(" | None") != required, (m.wire_name, f.type)
    is_output = any(op.output == name for op in SERVICE.operations)
    assert ("response_metadata" in {f.name for f in dataclasses.fields(cls)}) == is_output


def test_request_classes_know_their_operation() -> None:
    requests = [c for c in map(model_class, STRUCTURES) if issubclass(c, Request)]
    assert len(requests) == len(SERVICE.operations)
    for op in SERVICE.operations:
        cls = model_class(op.input)
        assert cls.__operation__ == op.name
        assert cls.__method__ == op.py_name  # the botocore client method
        assert cls.__response__ is (model_class(op.output) if op.output else cognito_typed.models.EmptyResponse)
    assert model_class("AdminDeleteUserRequest").__response__ is cognito_typed.models.EmptyResponse
    assert not issubclass(UserPoolClientType, Request)


def test_models_module_exports_exactly_the_structures() -> None:
    assert sorted(cognito_typed.models.__all__) == sorted([*STRUCTURES, "ResponseMetadata", "EmptyResponse"])
    assert set(dir(cognito_typed.models)) >= set(cognito_typed.models.__all__)
    with pytest.raises(AttributeError, match="NoSuchModel"):
        cognito_typed.models.NoSuchModel  # type: ignore[attr-defined]  # noqa: B018


def test_classes_are_created_on_first_use() -> None:
    code = textwrap.dedent(
        """
        import sys
        import cognito_typed.client
        import cognito_typed.models
        loaded = lambda: sorted(m for m in sys.modules if m.startswith("cognito_typed.models._"))
        print(len(loaded()))
        from cognito_typed.models import TokenValidityUnitsType
        print(loaded())
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    first, second = result.stdout.splitlines()
    assert first == "0"
    assert second == "['cognito_typed.models._kinds', 'cognito_typed.models._token_validity_units_type']"
