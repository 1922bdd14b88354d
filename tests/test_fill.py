"""The C builder of response models (cognito_typed._runtime.fill) gives exactly what ``from_wire`` gives,
for every structure, and leaves to ``from_wire`` whatever is not a response as botocore parses it."""

from __future__ import annotations

import copy
import dataclasses
import gc
import os
import pickle
import shutil
import sys
import sysconfig
import tracemalloc
import weakref
from collections import UserDict
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import STRUCTURES, model_class

from cognito_typed import models
from cognito_typed._runtime import fill
from cognito_typed._runtime.base import MalformedResponseError, Model, ResponseMetadata, build

needs_builder = pytest.mark.skipif(
    not fill.AVAILABLE,
    reason="no C builder: not built (no C compiler at install) or turned off (COGNITO_TYPED_PURE_PYTHON=1)",
)

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def user(name: str) -> dict[str, Any]:
    """A ListUsers user as botocore returns it."""
    return {
        "Username": name,
        "Attributes": [{"Name": "email", "Value": f"{name}@example.com"}],
        "UserCreateDate": WHEN,
        "UserLastModifiedDate": WHEN,
        "Enabled": True,
        "UserStatus": "CONFIRMED",
    }


METADATA = {"RequestId": "r-1", "HTTPStatusCode": 200, "HTTPHeaders": {"x-amzn-requestid": "r-1"}, "RetryAttempts": 0}


def test_built_wherever_a_compiler_is() -> None:
    """An install from source with a C compiler at hand has the builder: a broken build cannot go unseen."""
    compiler = (sysconfig.get_config_var("CC") or "").split()
    if os.environ.get("COGNITO_TYPED_PURE_PYTHON") or not compiler or shutil.which(compiler[0]) is None:
        pytest.skip("turned off, or no C compiler here")
    assert fill.AVAILABLE, "cognito_typed._runtime._fill did not build: see the install's output"


def same(a: Any, b: Any, path: str = "") -> None:
    """``a`` and ``b`` are equal down to every type and field, ``response_metadata`` included."""
    assert type(a) is type(b), path
    if isinstance(a, Model):
        for name in type(a).__slots__:  # every field, response_metadata included
            same(getattr(a, name), getattr(b, name), f"{path}.{name}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{path}[{i}]")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), path
        for k in a:
            same(a[k], b[k], f"{path}[{k!r}]")
    else:
        assert a == b, path


def takes_other(cls: type[Model]) -> bool:
    """``cls`` holds, at any depth, a member the builder leaves to from_wire (a blob)."""
    for _, _, kind, _, held in cls.__dict__["_fill"]:
        if kind == "other" or (held is not None and isinstance(held, type) and takes_other(held)):
            return True
    return False


@needs_builder
@pytest.mark.parametrize("name", STRUCTURES)
def test_the_builder_gives_what_from_wire_gives(name: str, wire: WireStrategies) -> None:
    cls = model_class(name)
    builder = fill.plan(cls)
    assert builder is not None
    response = "response_metadata" in cls.__slots__

    @given(wire.structure(name))
    def check(data: dict[str, Any]) -> None:
        if response:
            data = {**data, "ResponseMetadata": METADATA}
        expected = cls.from_wire(data)
        built = builder(data)
        if built is None:  # only for what it leaves to from_wire
            assert takes_other(cls), data
            built = build(cls, data)
        same(built, expected)
        assert built.to_wire() == expected.to_wire()
        before = copy.deepcopy(data)  # a snapshot, as from_wire's
        data.clear()
        assert built.to_wire() == {k: v for k, v in before.items() if k != "ResponseMetadata"} | (
            {"ResponseMetadata": built.response_metadata.to_wire()} if response else {}  # pyright: ignore
        )

    check()


def reordered(value: Any, random: Any) -> Any:
    """``value`` with every dict's items in a random order and under fresh key strings (equal, not the same)."""
    if isinstance(value, list):
        return [reordered(x, random) for x in value]
    if type(value) is not dict:
        return value
    items = list(value.items())
    random.shuffle(items)
    return {"".join(list(k)) if type(k) is str else k: reordered(v, random) for k, v in items}


@needs_builder
@pytest.mark.parametrize("name", STRUCTURES)
def test_any_order_unknown_keys_and_other_key_objects_give_what_from_wire_gives(
    name: str, wire: WireStrategies
) -> None:
    """The builder walks a dict's items beside the model's members (botocore's order, botocore's key
    strings, adopted): a dict in another order, keyed by other equal strings, with members the generated
    model lacks anywhere among them, is built all the same, and so is botocore's again after it."""
    cls = model_class(name)
    builder = fill.plan(cls)
    assert builder is not None

    @given(wire.structure(name), st.randoms(use_true_random=False), st.lists(st.integers(0, 40), max_size=3))
    def check(data: dict[str, Any], random: Any, where: list[int]) -> None:
        expected = cls.from_wire(data)
        items = list(reordered(data, random).items())
        for i, at in enumerate(where):  # members a newer botocore has: a plain value, a structure
            items.insert(min(at, len(items)), (f"NewerMember{i}", {"Nested": i} if i % 2 else "x"))
        for each in (dict(items), data, dict(items)):
            built = builder(each)
            if built is None:  # only for what it leaves to from_wire
                assert takes_other(cls), each
                built = build(cls, each)
            same(built, expected)

    check()


@needs_builder
def test_a_required_member_out_of_order_is_found_and_a_missing_one_is_not_invented() -> None:
    users = [user("u")]
    first, *rest = users[0].items()
    builder = fill.plan(models.UserType)
    assert builder is not None
    moved = dict([*rest, first])  # Username, required, after the rest
    same(builder(moved), models.UserType.from_wire(moved))
    late = {"Extra": 1, **dict(rest), "Username": "u"}
    same(builder(late), models.UserType.from_wire(late))
    assert builder(dict(rest)) is None  # no Username anywhere: from_wire says so
    with pytest.raises(MalformedResponseError, match="Username"):
        build(models.UserType, dict(rest))


@needs_builder
def test_code_that_empties_the_dict_being_walked_cannot_crash_it() -> None:
    """The hook of ResponseMetadata's headers runs the mapping's own code, which may change the dict walked."""
    meta: dict[str, Any] = {}

    class Headers(UserDict[str, str]):
        def keys(self) -> Any:
            meta.clear()
            return super().keys()

        def __iter__(self) -> Any:
            meta.clear()
            return super().__iter__()

    meta.update({**METADATA, "HTTPHeaders": Headers(METADATA["HTTPHeaders"])})
    meta["RetryAttempts"] = meta.pop("RetryAttempts")  # after the headers
    meta["RequestId"] = request_id = "".join(["r", "-1"])  # (an object of its own, to count its references)
    builder = fill.plan(ResponseMetadata)
    assert builder is not None
    before = sys.getrefcount(request_id)
    built = builder(meta)
    assert meta == {}
    assert built is not None  # the items held while walked: all there
    same(built, ResponseMetadata.from_wire({**METADATA, "RequestId": request_id}))
    del built
    assert sys.getrefcount(request_id) == before - 1  # (the dict's own reference, cleared): nothing kept


@needs_builder
def test_responses_of_every_day_are_built_by_it() -> None:
    """What botocore returns (timestamps as datetime, HTTPHeaders a mapping that is no dict) takes the C path."""

    class Headers(UserDict[str, str]):  # botocore's HTTPHeaders is a MutableMapping, not a dict
        pass

    data = {
        "Users": [user("u")],
        "ResponseMetadata": {**METADATA, "HTTPHeaders": Headers(METADATA["HTTPHeaders"])},
    }
    builder = fill.plan(models.ListUsersResponse)
    assert builder is not None
    built = builder(data)
    assert built is not None
    same(built, models.ListUsersResponse.from_wire(data))
    assert type(built.response_metadata.http_headers) is dict


@needs_builder
@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["UserPoolClient"].pop("ClientId"),  # a required member missing
        lambda d: d["UserPoolClient"].update(ClientId=None),  # or null
        lambda d: d.update(UserPoolClient=UserDict(d["UserPoolClient"])),  # a structure that is no dict
        lambda d: d["UserPoolClient"].update(CreationDate="2026-01-01T00:00:00Z"),  # a timestamp as text
        lambda d: d["UserPoolClient"].update(CallbackURLs=("https://a.example.com",)),  # a list that is no list
    ],
)
def test_anything_else_is_left_to_from_wire(change: Any) -> None:
    data: dict[str, Any] = {"UserPoolClient": {"UserPoolId": "us-east-1_A", "ClientName": "c", "ClientId": "1a"}}
    change(data)
    builder = fill.plan(models.DescribeUserPoolClientResponse)
    assert builder is not None
    assert builder(data) is None
    try:
        expected: Any = models.DescribeUserPoolClientResponse.from_wire(data)
    except Exception as error:  # from_wire names what is wrong, whichever path build took
        with pytest.raises(type(error), match=str(error)[:40].replace("(", r"\(").replace("[", r"\[")):
            build(models.DescribeUserPoolClientResponse, data)
    else:
        same(build(models.DescribeUserPoolClientResponse, data), expected)


def test_a_subclass_of_a_model_is_built_by_from_wire() -> None:
    class Mine(models.AttributeType):
        pass

    assert fill.plan(Mine) is None
    built = build(Mine, {"Name": "email", "Value": "x"})
    assert type(built) is Mine and built.value == "x"


@needs_builder
def test_a_page_of_users_is_untracked_all_through() -> None:
    """A response model holds its lists as tuples: a page of users (its tuple, each user, each tuple of
    attributes, each attribute) holds no container anything can be put into, so it can be in no
    reference cycle, and the GC never walks it however long the page (the per-user cost stays flat)."""
    page = build(models.ListUsersResponse, {"Users": [user("u"), user("v")]})
    first = page.users[0]
    assert type(page.users) is tuple and type(first.attributes) is tuple
    assert not any(gc.is_tracked(x) for x in (page, page.users, first, first.attributes, first.attributes[0]))
    assert page == models.ListUsersResponse.from_wire({"Users": [user("u"), user("v")]})  # as from_wire builds it


@needs_builder
def test_what_could_be_in_a_cycle_stays_tracked() -> None:
    """Tracked: a model that holds a list (a class requests use too, such as AccountRecoverySettingType),
    a dict (ResponseMetadata's headers), or a tuple holding a container (a malformed item, kept as it
    came), and everything holding one of those."""
    recovery = {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]}
    pool = build(
        models.DescribeUserPoolResponse,
        {"UserPool": {"Id": "us-east-1_A", "Name": "p", "Arn": "a", "AccountRecoverySetting": recovery}},
    )
    setting = pool.user_pool.account_recovery_setting
    assert setting is not None and type(setting.recovery_mechanisms) is list
    assert gc.is_tracked(setting) and gc.is_tracked(pool.user_pool) and gc.is_tracked(pool)

    metadata = {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {"a": "b"}, "RetryAttempts": 0}
    page = build(models.ListUsersResponse, {"Users": [user("u")], "ResponseMetadata": metadata})
    assert gc.is_tracked(page) and not gc.is_tracked(page.users)

    odd: Any = {
        "UserPoolClient": {"UserPoolId": "us-east-1_A", "ClientName": "c", "ClientId": "1a", "CallbackURLs": [["x"]]}
    }
    client = build(models.DescribeUserPoolClientResponse, odd).user_pool_client
    assert client.callback_urls == (["x"],)  # (a response is the service's: not validated, kept)
    assert gc.is_tracked(client.callback_urls) and gc.is_tracked(client)

    class Node:
        pass

    node = Node()
    node.client = client  # type: ignore[attr-defined]
    client.callback_urls[0].append(node)  # type: ignore[attr-defined]  # client -> tuple -> list -> node -> client
    freed = weakref.ref(node)
    del client, odd, node
    gc.collect()
    assert freed() is None  # the cycle through the malformed item was seen and freed (leaked: node kept)


@needs_builder
def test_building_keeps_no_reference_and_leaks_nothing() -> None:
    value = "a-value-" + "x" * 10
    data = {"UserPoolClient": {"UserPoolId": value, "ClientName": "c", "ClientId": "1a", "ReadAttributes": [value]}}
    builder = fill.plan(models.DescribeUserPoolClientResponse)
    assert builder is not None
    refs = sys.getrefcount(value)
    for _ in range(100):
        assert builder(data) is not None
    assert sys.getrefcount(value) == refs
    tracemalloc.start()
    for _ in range(1000):
        builder(data)
        builder({"UserPoolClient": {"ClientName": "c"}})  # (and when it gives up half-way)
    first = tracemalloc.get_traced_memory()[0]
    for _ in range(20_000):
        builder(data)
        builder({"UserPoolClient": {"ClientName": "c"}})
    grown = tracemalloc.get_traced_memory()[0] - first
    tracemalloc.stop()
    assert grown < 10_000, grown


@needs_builder
def test_a_key_that_changes_the_response_while_looked_up_cannot_crash_it() -> None:
    """A dict key whose ``__eq__`` runs code (only a hostile caller's) may empty the response mid-build."""
    users: list[Any] = [user("u1"), user("u2"), user("u3")]
    armed = False

    class Hostile:
        def __hash__(self) -> int:
            return hash("Username")

        def __eq__(self, other: object) -> bool:
            if armed:
                users.clear()
            return False

    users[0] = {Hostile(): 1, **users[0]}  # met first when the first user's "Username" is looked up
    armed = True
    builder = fill.plan(models.ListUsersResponse)
    assert builder is not None
    assert builder({"Users": users}) is None  # the list it walked shrank: left to from_wire
    assert users == []


@needs_builder
def test_a_hook_that_fails_leaves_it_to_from_wire_but_an_interrupt_goes_through() -> None:
    assert fill.Plan is not None

    def broken(value: Any) -> Any:
        raise ValueError("no")

    def interrupted(value: Any) -> Any:
        raise KeyboardInterrupt

    table = [("http_headers", "HTTPHeaders", fill.KINDS["call"], False, broken)]
    assert fill.Plan(ResponseMetadata, table)({"HTTPHeaders": {}}) is None
    table = [("http_headers", "HTTPHeaders", fill.KINDS["call"], False, interrupted)]
    with pytest.raises(KeyboardInterrupt):
        fill.Plan(ResponseMetadata, table)({"HTTPHeaders": {}})


@needs_builder
@pytest.mark.parametrize(
    ("entry", "error"),
    [
        (("no_such_slot", "X", 0, False, None), "no slot"),
        (("name", "Name", 99, False, None), "unknown kind"),
        (("name", "Name", 4, False, None), "needs the plan"),
        (("name", "Name", 7, False, None), "needs a callable"),
    ],
)
def test_a_wrong_table_is_refused_when_the_plan_is_made(entry: tuple[Any, ...], error: str) -> None:
    assert fill.Plan is not None
    with pytest.raises((TypeError, ValueError), match=error):
        fill.Plan(models.AttributeType, [entry])


def test_turned_off_by_the_environment() -> None:
    """``COGNITO_TYPED_PURE_PYTHON=1``: every model is built by its from_wire (what the benchmarks compare)."""
    import subprocess

    code = "from cognito_typed._runtime import fill; from cognito_typed import models; "
    code += "print(fill.AVAILABLE, fill.plan(models.AttributeType))"
    env = {**os.environ, "COGNITO_TYPED_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "None"]


@needs_builder
@pytest.mark.parametrize("name", STRUCTURES)
def test_its_constructor_and_to_wire_give_what_the_python_ones_give(
    name: str, wire: WireStrategies, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The generated ``__init__`` and ``to_wire`` take the plan first; without it (``_PLAN = None``,
    as with no C builder) their Python bodies run: the same fields, the same wire dict."""
    cls = model_class(name)
    module = sys.modules[cls.__module__]
    assert module._PLAN is fill.plan(cls) is not None

    @given(wire.structure(name))
    def check(data: dict[str, Any]) -> None:
        parsed = cls.from_wire(data)
        fields = {n: getattr(parsed, n) for n in cls.__slots__}
        by_plan, wired = cls(**fields), parsed.to_wire()
        with monkeypatch.context() as patched:
            patched.setattr(module, "_PLAN", None)
            by_python, python_wired = cls(**fields), parsed.to_wire()
        same(by_plan, by_python)
        same(wired, python_wired)
        assert wired == data

    check()


@needs_builder
def test_to_wire_of_what_the_types_do_not_say_is_the_python_one() -> None:
    """A tuple for a list, a subclass of a nested model: the plan says "not me" and the Python body runs."""

    class Units(models.TokenValidityUnitsType):
        pass

    request = models.CreateUserPoolClientRequest(
        user_pool_id="us-east-1_A",
        client_name="c",
        callback_urls=("https://a.example.com",),  # type: ignore[arg-type]
        token_validity_units=Units(access_token="minutes"),
    )
    plan = fill.plan(models.CreateUserPoolClientRequest)
    assert plan is not None and plan.to_wire(request) is None
    assert request.to_wire() == {
        "UserPoolId": "us-east-1_A",
        "ClientName": "c",
        "CallbackURLs": ["https://a.example.com"],
        "TokenValidityUnits": {"AccessToken": "minutes"},
    }
    assert plan.to_wire(Units()) is None  # (and the plan of a class builds only that class)


# --- what the review of the C builder found (each failed before its fix) -------------------------


@needs_builder
def test_a_model_holding_a_dict_or_a_model_stays_tracked_and_its_cycles_are_collected() -> None:
    """Only a model of atoms (strings, numbers, timestamps) is untracked: a copied dict of strings is
    untracked by CPython itself until a container goes into it, so it does not count as one."""
    import weakref

    class Payload:  # (something weakly referenceable, to see it collected)
        pass

    data = {
        "IdentityProvider": {
            "UserPoolId": "us-east-1_A",
            "ProviderName": "Google",
            "ProviderType": "Google",
            "ProviderDetails": {"client_id": "x"},
            "AttributeMapping": {"email": "email"},
            "CreationDate": WHEN,
            "LastModifiedDate": WHEN,
        }
    }
    built = build(models.DescribeIdentityProviderResponse, data)
    provider = built.identity_provider
    assert gc.is_tracked(provider) and gc.is_tracked(built)
    payload = Payload()
    gone = weakref.ref(payload)
    provider.attribute_mapping["cycle"] = built  # type: ignore[index,assignment]  # pyright: ignore
    provider.attribute_mapping["payload"] = payload  # type: ignore[index,assignment]  # pyright: ignore
    del built, provider, payload
    gc.collect()
    assert gone() is None


@needs_builder
@pytest.mark.parametrize("how", ["__init__", "__setstate__"])
def test_a_model_built_untracked_cannot_be_filled_again(how: str) -> None:
    """Found by review: an attribute of an untracked page filled again (its constructor run again, or
    the pickle protocol's __setstate__) with a list holding its user made a cycle through the
    untracked user and tuple, which the GC never freed. A frozen model is filled once."""
    page = build(models.ListUsersResponse, {"Users": [user("u")]})
    first = page.users[0]
    attribute = first.attributes[0]
    assert not gc.is_tracked(attribute)
    with pytest.raises(dataclasses.FrozenInstanceError, match="again: it is frozen"):
        if how == "__init__":
            attribute.__init__(name="email", value=[first])  # type: ignore[misc,arg-type]
        else:
            attribute.__setstate__(("email", [first]))
    assert attribute.value == "u@example.com"  # as it was built
    assert pickle.loads(pickle.dumps(page)) == page and copy.deepcopy(page) == page  # (new instances: filled once)
    fresh = models.AttributeType(name="email", value="v")  # tracked, as every new instance
    fresh.__init__(name="email", value="w")  # type: ignore[misc]  # (run again: as any frozen dataclass lets it)
    assert fresh.value == "w"


@needs_builder
def test_a_half_built_list_is_never_seen_by_code_that_runs_meanwhile() -> None:
    """A colliding key's ``__eq__`` runs while a list is being filled: gc.get_objects() must not give it
    (its empty items would crash whoever reads them)."""
    seen: list[Any] = []

    class Collides:
        def __hash__(self) -> int:
            return hash("Name")

        def __eq__(self, other: object) -> bool:
            for o in gc.get_objects():
                if type(o) in (list, tuple) and len(o) == 3 and type(o[0]) is models.AttributeType:
                    seen.append(repr(o))  # reads every item: a NULL one would crash here
            return False

    hostile = {Collides(): 1, "Name": "email", "Value": "v"}
    first = {**user("u"), "Attributes": [{"Name": "a", "Value": "1"}, hostile, {"Name": "c", "Value": "3"}]}
    built = build(models.UserType, first)
    assert [a.name for a in built.attributes] == ["a", "email", "c"]
    assert seen == []  # the list being filled was not among the objects the GC knows


@needs_builder
@pytest.mark.parametrize("target", ["builtin", "borrowed"])
def test_a_plan_refuses_a_class_or_slot_it_cannot_write_safely(target: str) -> None:
    assert fill.Plan is not None
    if target == "builtin":
        with pytest.raises(TypeError, match="no class statement"):
            fill.Plan(int, [("real", "Real", 0, False, None)])
        return

    class Small:
        __slots__ = ("x",)

    class Big:
        __slots__ = tuple(f"s{i}" for i in range(50))

    borrowed = type("Borrowed", (Small,), {"y": Big.__dict__["s49"]})  # a slot past Small's end
    with pytest.raises(TypeError, match="no slot"):
        fill.Plan(borrowed, [("y", "Y", 0, False, None)])


@needs_builder
def test_to_wire_of_a_model_never_filled_in_is_the_python_one() -> None:
    empty = object.__new__(models.AttributeType)
    with pytest.raises(AttributeError):
        empty.to_wire()


def test_zero_leaves_it_on_and_a_subclass_is_not_kept() -> None:
    import subprocess

    code = "from cognito_typed._runtime import fill; print(fill.AVAILABLE == (fill.Plan is not None))"
    env = {**os.environ, "COGNITO_TYPED_PURE_PYTHON": "0"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"]

    class Mine(models.AttributeType):
        pass

    build(Mine, {"Name": "email"})
    assert Mine not in fill.PLANS
