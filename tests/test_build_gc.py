"""What building a response does to the cyclic garbage collector (``base.build``).

A response with a list of at least ``LARGE`` items is built with the collector paused; a program
finds the collector as it left it, and its own cyclic garbage is collected as before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from cognito_typed import models
from cognito_typed._runtime import fill
from cognito_typed._runtime.base import MalformedResponseError, build
from cognito_typed._runtime.fill import LARGE

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def page(n: int) -> dict[str, Any]:
    users = [
        {
            "Username": f"user-{i}",
            "Attributes": [{"Name": "email", "Value": f"user-{i}@example.com"}],
            "UserCreateDate": WHEN,
            "UserLastModifiedDate": WHEN,
            "Enabled": True,
            "UserStatus": "CONFIRMED",
        }
        for i in range(n)
    ]
    return {"Users": users, "PaginationToken": "next"}


@pytest.fixture(autouse=True, params=["C plan", "from_wire"])
def builder(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test runs with the C builder's plan (which pauses the collector itself) and with the
    pure-Python ``from_wire`` (which ``build`` pauses it around), as without a C compiler."""
    cls = models.ListUsersResponse
    if request.param == "C plan":
        if fill.plan(cls) is None:
            pytest.skip("the C builder is not there")
        yield
        return
    fill.plan(cls)
    kept = fill.PLANS[cls]
    fill.PLANS[cls] = None
    try:
        yield
    finally:
        fill.PLANS[cls] = kept


@pytest.fixture(autouse=True)
def collector(builder: None) -> Iterator[None]:
    """Each test starts with the collector running, and leaves it as it found it."""
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


def test_a_large_build_pauses_the_collector_and_resumes_it() -> None:
    events: list[str] = []

    def spy(phase: str, info: dict[str, Any]) -> None:
        events.append(phase)

    data = page(LARGE)
    build(models.ListUsersResponse, page(1))  # (the class's first build makes its plans: not the point here)
    gc.collect()  # (the young count starts at 0: a collection now would be the page's, not the build's)
    gc.callbacks.append(spy)
    try:
        built = build(models.ListUsersResponse, data)
        during = len(events)
    finally:
        gc.callbacks.remove(spy)
    assert gc.isenabled()
    assert during == 0  # no collection while its objects were made (without the pause: dozens)
    assert len(built.users or ()) == LARGE


def test_a_program_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    build(models.ListUsersResponse, page(LARGE))
    assert not gc.isenabled()


def test_an_error_in_the_build_resumes_the_collector() -> None:
    data = page(LARGE)
    del data["Users"][-1]["UserLastModifiedDate"]  # always returned: from_wire names it missing
    with pytest.raises(MalformedResponseError, match=rf"Users\[{LARGE - 1}\]\.UserLastModifiedDate"):
        build(models.ListUsersResponse, data)
    assert gc.isenabled()


class RaisingKey(str):
    """A key equal in hash to ``Users`` whose comparison raises: an error from inside the build itself."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash("Users")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("a key that cannot be compared")


@pytest.mark.parametrize("running", [True, False])
def test_an_error_raised_inside_the_build_leaves_the_collector_as_it_was(running: bool) -> None:
    data = page(LARGE)
    data = {"PaginationToken": "next", RaisingKey("Users"): data["Users"]}  # (the plan looks "Users" up: it raises)
    (gc.enable if running else gc.disable)()
    with pytest.raises(RuntimeError, match="cannot be compared"):
        build(models.ListUsersResponse, data)
    assert gc.isenabled() is running


class Node:
    other: Node


def test_garbage_made_between_large_builds_is_collected() -> None:
    """The program's own reference cycles are not kept from the collector by the builds between them
    (a step that moved young objects to the oldest generation with gc.freeze() kept almost all)."""
    data = page(LARGE)
    made = 0
    for _ in range(400):
        for _ in range(50):
            a, b = Node(), Node()
            a.other, b.other = b, a
            made += 2
        build(models.ListUsersResponse, data)
    del a, b
    alive = sum(1 for o in gc.get_objects() if type(o) is Node)
    assert alive < made // 10, f"{alive} of {made} unreachable Node objects not collected"
