"""What building a response does to the cyclic garbage collector (``base.build``, ``fill.settle``).

A response with a list of at least ``LARGE`` items is built with the collector paused, then its new
objects go to the oldest generation, so that no young collection walks them all at once; a program
that turned the collector off, or froze objects of its own, finds it as it left it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from cognito_typed import models
from cognito_typed._runtime import fill
from cognito_typed._runtime.base import LARGE, MalformedResponseError, build

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
SETTLES: list[Callable[[], bool]] = [fill._settle]  # pyright: ignore[reportPrivateUsage]
if fill.settle is not fill._settle:  # pyright: ignore[reportPrivateUsage]  (the extension's, when built)
    SETTLES.append(fill.settle)


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


def generation(obj: object) -> int | None:
    """The collector's generation that holds ``obj`` (None: untracked, or frozen)."""
    for g in range(3):
        if any(o is obj for o in gc.get_objects(generation=g)):
            return g
    return None


@pytest.fixture(autouse=True)
def collector() -> Iterator[None]:
    """Each test starts with the collector running and nothing frozen, and leaves it so."""
    was = gc.isenabled()
    gc.enable()
    gc.collect()
    assert gc.get_freeze_count() == 0
    try:
        yield
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_a_large_response_ends_in_the_oldest_generation_with_the_collector_running() -> None:
    built = build(models.ListUsersResponse, page(LARGE))
    assert gc.isenabled()
    assert len(built.users or ()) == LARGE
    users = built.users or []
    assert generation(built) == 2 and generation(users) == 2 and generation(users[-1]) == 2
    assert gc.get_count()[0] < LARGE  # the young generation's count starts again (freeze resets it)


def test_a_small_response_is_left_to_the_collector() -> None:
    built = build(models.ListUsersResponse, page(3))
    assert gc.isenabled()
    assert generation(built) == 0  # young, as any new object


def test_a_program_that_turned_the_collector_off_keeps_it_off_and_nothing_moves() -> None:
    gc.disable()
    built = build(models.ListUsersResponse, page(LARGE))
    assert not gc.isenabled()
    assert generation(built) == 0


def test_objects_a_program_froze_stay_frozen() -> None:
    kept = [{"a": [1]}]
    gc.freeze()  # as a server does before it forks
    frozen = gc.get_freeze_count()
    assert frozen > 0 and generation(kept) is None
    built = build(models.ListUsersResponse, page(LARGE))
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen and generation(kept) is None
    assert generation(built) == 0  # not moved: the young collection will walk it, as without the step


def test_an_error_in_the_build_resumes_the_collector() -> None:
    data = page(LARGE)
    del data["Users"][-1]["UserLastModifiedDate"]  # always returned: from_wire names it missing
    with pytest.raises(MalformedResponseError, match=rf"Users\[{LARGE - 1}\]\.UserLastModifiedDate"):
        build(models.ListUsersResponse, data)
    assert gc.isenabled()


@pytest.mark.parametrize("settle", SETTLES, ids=lambda f: "C" if f is not fill._settle else "Python")  # pyright: ignore[reportPrivateUsage]
def test_settle_moves_every_tracked_object_to_the_oldest_generation_unless_some_are_frozen(
    settle: Callable[[], bool],
) -> None:
    young = [[i] for i in range(10)]
    assert generation(young) == 0
    assert settle() is True
    assert generation(young) == 2 and generation(young[3]) == 2 and gc.get_freeze_count() == 0
    gc.freeze()
    frozen = gc.get_freeze_count()
    newer = [[1]]
    assert settle() is False
    assert gc.get_freeze_count() == frozen and generation(newer) == 0
