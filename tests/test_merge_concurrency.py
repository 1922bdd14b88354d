"""Concurrent writers on the simulator: merges in one process never lose each other's changes;
``check_concurrent`` catches a write made between a plan and its apply.

The figures (how many updates raw code and unchecked plans lose) are measured, not asserted:
``python bench/bench_merge.py``.
"""

from __future__ import annotations

import threading
from typing import Any

import boto3
import pytest

from cognito_typed import ConcurrentModificationError
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.testing import simulate

SETTINGS: list[tuple[str, str, Any]] = [
    ("ClientName", "client_name", lambda r: f"web-{r}"),
    ("AuthSessionValidity", "auth_session_validity", lambda r: 3 + r % 13),
    ("RefreshTokenValidity", "refresh_token_validity", lambda r: 1 + r),
    ("AccessTokenValidity", "access_token_validity", lambda r: 1 + r % 24),
    ("IdTokenValidity", "id_token_validity", lambda r: 1 + (r + 5) % 24),
    ("CallbackURLs", "callback_urls", lambda r: [f"https://r{r}.example.com/callback"]),
    ("LogoutURLs", "logout_urls", lambda r: [f"https://r{r}.example.com/logout"]),
    ("PreventUserExistenceErrors", "prevent_user_existence_errors", lambda r: ("LEGACY", "ENABLED")[r % 2]),
]


@pytest.fixture
def app_client() -> Any:
    with simulate():
        raw = boto3.client(
            "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
        )
        pool = raw.create_user_pool(PoolName="users")["UserPool"]["Id"]
        made = raw.create_user_pool_client(UserPoolId=pool, ClientName="web", AuthSessionValidity=15)
        yield raw, {"UserPoolId": pool, "ClientId": made["UserPoolClient"]["ClientId"]}


def test_eight_threads_merging_different_settings_lose_nothing(app_client: Any) -> None:
    raw, ids = app_client
    typed = CognitoIdentityProvider(raw)
    snake = {"user_pool_id": ids["UserPoolId"], "client_id": ids["ClientId"]}
    for r in range(1, 6):
        start = threading.Barrier(len(SETTINGS))
        errors: list[BaseException] = []

        def run(k: int, r: int = r, start: threading.Barrier = start, errors: list[BaseException] = errors) -> None:
            _, name, value = SETTINGS[k]
            start.wait()
            try:
                typed.merge_update_user_pool_client(**snake, **{name: value(r)})
            except BaseException as error:  # reported below, in the test's thread
                errors.append(error)

        threads = [threading.Thread(target=run, args=(k,)) for k in range(len(SETTINGS))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        now = raw.describe_user_pool_client(**ids)["UserPoolClient"]
        assert {wire: now.get(wire) for wire, _, _ in SETTINGS} == {wire: value(r) for wire, _, value in SETTINGS}


def test_check_concurrent_catches_a_write_between_plan_and_apply(app_client: Any) -> None:
    raw, ids = app_client
    typed = CognitoIdentityProvider(raw)
    plan = typed.plan_update_user_pool_client(
        user_pool_id=ids["UserPoolId"], client_id=ids["ClientId"], auth_session_validity=10
    )
    raw.update_user_pool_client(**ids, ClientName="someone-else")  # another writer (a raw one: it resets too)
    with pytest.raises(ConcurrentModificationError, match="ClientName"):
        typed.apply(plan, check_concurrent=True)
    assert raw.describe_user_pool_client(**ids)["UserPoolClient"]["ClientName"] == "someone-else"  # not sent


def test_without_the_check_the_stale_plan_overwrites_the_other_write(app_client: Any) -> None:
    """The control: what the check prevents does happen without it."""
    raw, ids = app_client
    typed = CognitoIdentityProvider(raw)
    plan = typed.plan_update_user_pool_client(
        user_pool_id=ids["UserPoolId"], client_id=ids["ClientId"], auth_session_validity=10
    )
    raw.update_user_pool_client(**ids, ClientName="someone-else", AuthSessionValidity=15)
    typed.apply(plan)
    assert raw.describe_user_pool_client(**ids)["UserPoolClient"]["ClientName"] == "web"  # the other write is lost
