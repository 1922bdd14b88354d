"""Merge-on-update: what a merge costs beside the describe and update written by hand, and how
many updates concurrent writers lose, with and without ``check_concurrent``.

1. Cost (target <= 1.3x): the typed ``merge_update_user_pool_client`` / ``merge_update_user_pool``
   against raw boto3 code that describes, copies the settings an update takes and sends it,
   both through the same botocore ``Stubber`` responses (a realistic app client; a pool with its
   21 standard schema attributes), interleaved in batches.
2. Lost updates: 8 threads, each changing its own setting of one app client, 20 rounds, on
   :func:`cognito_typed.testing.simulate` (moto with Cognito's replace-on-update). After each
   round a describe shows which of the 8 changes survived. Four ways: raw describe+update by
   hand; ``plan_*`` + ``apply`` (a writer that plans and sends apart: another process, in
   effect); the same with ``check_concurrent=True`` and a retry when it raises; ``merge_*``.

    python bench/bench_merge.py [--rounds 30] [--batch 40]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import boto3
import botocore.session
from _timing import paired_ratio
from botocore.stub import Stubber

from cognito_typed import ConcurrentModificationError
from cognito_typed._runtime import fill
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.merges import UPDATE_USER_POOL, UPDATE_USER_POOL_CLIENT

POOL, CLIENT = "us-east-1_Example1", "1example23456789"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"

APP_CLIENT: dict[str, Any] = {
    "UserPoolId": POOL,
    "ClientName": "web",
    "ClientId": CLIENT,
    "ClientSecret": "secret-value-" + "x" * 40,
    "LastModifiedDate": NOW,
    "CreationDate": NOW,
    "RefreshTokenValidity": 30,
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "ReadAttributes": ["email", "name", "phone_number"],
    "WriteAttributes": ["name"],
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    "SupportedIdentityProviders": ["COGNITO", "Google"],
    "CallbackURLs": ["https://app.example.com/callback", "http://localhost:3000/callback"],
    "LogoutURLs": ["https://app.example.com/logout"],
    "DefaultRedirectURI": "https://app.example.com/callback",
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthScopes": ["openid", "email", "profile"],
    "AllowedOAuthFlowsUserPoolClient": True,
    "PreventUserExistenceErrors": "ENABLED",
    "EnableTokenRevocation": True,
    "EnablePropagateAdditionalUserContextData": False,
    "AuthSessionValidity": 15,
}
STANDARD_ATTRIBUTES = [
    "sub",
    "name",
    "given_name",
    "family_name",
    "middle_name",
    "nickname",
    "preferred_username",
    "profile",
    "picture",
    "website",
    "email",
    "email_verified",
    "gender",
    "birthdate",
    "zoneinfo",
    "locale",
    "phone_number",
    "phone_number_verified",
    "address",
    "updated_at",
    "custom:tenant",
]
POOL_NOW: dict[str, Any] = {
    "Id": POOL,
    "Name": "customers",
    "Arn": "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + POOL,
    "Status": "Enabled",
    "CreationDate": NOW,
    "LastModifiedDate": NOW,
    "EstimatedNumberOfUsers": 42,
    "SchemaAttributes": [
        {"Name": n, "AttributeDataType": "String", "Mutable": True, "Required": n == "email"}
        for n in STANDARD_ATTRIBUTES
    ],
    "Policies": {
        "PasswordPolicy": {
            "MinimumLength": 12,
            "RequireUppercase": True,
            "RequireLowercase": True,
            "RequireNumbers": True,
            "RequireSymbols": False,
            "TemporaryPasswordValidityDays": 3,
        }
    },
    "DeletionProtection": "ACTIVE",
    "LambdaConfig": {"PreSignUp": LAMBDA + "pre-sign-up", "PostConfirmation": LAMBDA + "welcome"},
    "AutoVerifiedAttributes": ["email"],
    "VerificationMessageTemplate": {
        "SmsMessage": "Your code is {####}",
        "EmailMessage": "Your code is {####}",
        "EmailSubject": "Your code",
        "DefaultEmailOption": "CONFIRM_WITH_CODE",
    },
    "MfaConfiguration": "OPTIONAL",
    "DeviceConfiguration": {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
    "EmailConfiguration": {"EmailSendingAccount": "COGNITO_DEFAULT"},
    "UserPoolTags": {"team": "identity", "env": "prod"},
    "AdminCreateUserConfig": {"AllowAdminCreateUserOnly": True},
    "UserPoolAddOns": {"AdvancedSecurityMode": "AUDIT"},
    "AccountRecoverySetting": {"RecoveryMechanisms": [{"Priority": 1, "Name": "verified_email"}]},
    "UserPoolTier": "ESSENTIALS",
}
# What the hand-written code copies: the update members the describe returns (as one would
# list them by hand from the API reference).
CLIENT_KEYS = tuple(UPDATE_USER_POOL_CLIENT.carried)
POOL_KEYS = tuple(u for u in UPDATE_USER_POOL.carried if u != "PoolName")


def raw_client() -> Any:
    return botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="bench", aws_secret_access_key="bench"
    )


def hand_client_rename(raw: Any) -> None:
    current = raw.describe_user_pool_client(UserPoolId=POOL, ClientId=CLIENT)["UserPoolClient"]
    params = {k: current[k] for k in CLIENT_KEYS if k in current}
    params.update(UserPoolId=POOL, ClientId=CLIENT, ClientName="web-2")
    raw.update_user_pool_client(**params)


def hand_pool_change(raw: Any) -> None:
    current = raw.describe_user_pool(UserPoolId=POOL)["UserPool"]
    params = {k: current[k] for k in POOL_KEYS if k in current}
    params.update(UserPoolId=POOL, PoolName=current["Name"], MfaConfiguration="ON")
    raw.update_user_pool(**params)


def per_call(stub: Stubber, queue: Callable[[], None], call: Callable[[], Any], batch: int) -> float:
    for _ in range(batch):
        queue()
    gc.collect()
    started = time.perf_counter()
    for _ in range(batch):
        call()
    elapsed = time.perf_counter() - started
    stub.assert_no_pending_responses()
    return elapsed / batch


def cost(
    title: str,
    queue: Callable[[Stubber], None],
    hand: Callable[[Any], None],
    typed: Callable[[Any], Any],
    rounds: int,
    batch: int,
) -> float:
    raw = raw_client()
    client = CognitoIdentityProvider(raw)
    with Stubber(raw) as stub:
        for _ in range(3):
            per_call(stub, lambda: queue(stub), lambda: hand(raw), 10)
            per_call(stub, lambda: queue(stub), lambda: typed(client), 10)
        by_hand: list[float] = []
        merged: list[float] = []
        for r in range(rounds):
            sides = [(by_hand, lambda: hand(raw)), (merged, lambda: typed(client))]
            for out, call in sides if r % 2 == 0 else reversed(sides):
                out.append(per_call(stub, lambda: queue(stub), call, batch))
    hand_us, merge_us = statistics.median(by_hand) * 1e6, statistics.median(merged) * 1e6
    ratio, q1, q3 = paired_ratio(merged, by_hand)
    print(title)
    print(f"  by hand (raw boto3 describe + update)  median {hand_us:8.1f} us   (min {min(by_hand) * 1e6:.1f})")
    print(f"  merge_* (typed)                         median {merge_us:8.1f} us   (min {min(merged) * 1e6:.1f})")
    verdict = "within" if ratio <= 1.3 else "OVER"
    print(
        f"  ratio merge/by hand = {ratio:.3f} (per round; quartiles {q1:.3f}..{q3:.3f}; of the medians "
        f"{merge_us / hand_us:.3f})   ({verdict} the target of <= 1.30x; {rounds} rounds x {batch})\n"
    )
    return ratio


def queue_client(stub: Stubber) -> None:
    stub.add_response("describe_user_pool_client", {"UserPoolClient": APP_CLIENT})
    stub.add_response("update_user_pool_client", {"UserPoolClient": {**APP_CLIENT, "ClientName": "web-2"}})


def queue_pool(stub: Stubber) -> None:
    stub.add_response("describe_user_pool", {"UserPool": POOL_NOW})
    stub.add_response("update_user_pool", {})


# --- lost updates --------------------------------------------------------------------------------

# Each thread owns one setting; round r sets it to a value no other round used just before it.
SETTINGS: list[tuple[str, str, Callable[[int], Any]]] = [
    ("ClientName", "client_name", lambda r: f"web-{r}"),
    ("AuthSessionValidity", "auth_session_validity", lambda r: 3 + r % 13),
    ("RefreshTokenValidity", "refresh_token_validity", lambda r: 1 + r),
    ("AccessTokenValidity", "access_token_validity", lambda r: 1 + r % 24),
    ("IdTokenValidity", "id_token_validity", lambda r: 1 + (r + 5) % 24),
    ("CallbackURLs", "callback_urls", lambda r: [f"https://r{r}.example.com/callback"]),
    ("LogoutURLs", "logout_urls", lambda r: [f"https://r{r}.example.com/logout"]),
    ("PreventUserExistenceErrors", "prevent_user_existence_errors", lambda r: ("LEGACY", "ENABLED")[r % 2]),
]


def write(
    mode: str,
    typed: CognitoIdentityProvider,
    raw: Any,
    ids: dict[str, str],
    k: int,
    r: int,
    counts: dict[str, int],
    lock: threading.Lock,
) -> None:
    wire, name, value = SETTINGS[k]
    snake = {"user_pool_id": ids["UserPoolId"], "client_id": ids["ClientId"]}
    if mode == "raw describe + update":
        current = raw.describe_user_pool_client(**ids)["UserPoolClient"]
        params = {key: current[key] for key in CLIENT_KEYS if key in current}
        raw.update_user_pool_client(**{**params, **ids, wire: value(r)})
    elif mode == "merge_*":
        typed.merge_update_user_pool_client(**snake, **{name: value(r)})
    else:
        check = mode.endswith("check_concurrent")
        while True:
            plan = typed.plan_update_user_pool_client(**snake, **{name: value(r)})
            time.sleep(0)  # let another writer run between the read and the write, as a process would
            try:
                typed.apply(plan, check_concurrent=check)
                return
            except ConcurrentModificationError:
                with lock:
                    counts["detected"] += 1


def lost_updates(mode: str, rounds: int) -> dict[str, int]:
    from cognito_typed.testing import simulate

    counts = {"lost": 0, "merges": 0, "detected": 0}
    lock = threading.Lock()
    with simulate():
        raw = boto3.client("cognito-idp", region_name="us-east-1")
        typed = CognitoIdentityProvider(raw)
        pool = raw.create_user_pool(PoolName="bench")["UserPool"]["Id"]
        made = raw.create_user_pool_client(UserPoolId=pool, ClientName="web", AuthSessionValidity=15)
        ids = {"UserPoolId": pool, "ClientId": made["UserPoolClient"]["ClientId"]}
        for r in range(1, rounds + 1):
            start = threading.Barrier(len(SETTINGS))

            def run(k: int, r: int = r, start: threading.Barrier = start) -> None:
                start.wait()
                write(mode, typed, raw, ids, k, r, counts, lock)

            threads = [threading.Thread(target=run, args=(k,)) for k in range(len(SETTINGS))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            now = raw.describe_user_pool_client(**ids)["UserPoolClient"]
            counts["merges"] += len(SETTINGS)
            counts["lost"] += sum(1 for wire, _, value in SETTINGS if now.get(wire) != value(r))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--batch", type=int, default=40)
    parser.add_argument("--concurrency-rounds", type=int, default=20)
    args = parser.parse_args()

    builder = "the C builder" if fill.AVAILABLE else "pure Python (no C builder)"
    print(f"== merge cost, through Stubber, interleaved (models built by {builder})\n")
    client_ratio = cost(
        "app client rename (24 settings)",
        queue_client,
        hand_client_rename,
        lambda c: c.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-2"),
        args.rounds,
        args.batch,
    )
    pool_ratio = cost(
        "user pool MFA change (21 schema attributes read-only)",
        queue_pool,
        hand_pool_change,
        lambda c: c.merge_update_user_pool(user_pool_id=POOL, mfa_configuration="ON"),
        args.rounds,
        args.batch,
    )
    print(f"== lost updates: {len(SETTINGS)} threads x {args.concurrency_rounds} rounds on the simulator\n")
    modes = ["raw describe + update", "plan + apply", "plan + apply, check_concurrent", "merge_*"]
    results = {mode: lost_updates(mode, args.concurrency_rounds) for mode in modes}
    for mode, c in results.items():
        detected = f", {c['detected']} conflicts detected and retried" if "check" in mode else ""
        print(f"  {mode:<32} lost {c['lost']:>3} of {c['merges']}{detected}")
    print("\nsummary:")
    print(f"  merge cost: app client {client_ratio:.2f}x, pool {pool_ratio:.2f}x the hand-written describe+update")
    print("  lost: " + "; ".join(f"{m} {c['lost']}/{c['merges']}" for m, c in results.items()))


if __name__ == "__main__":
    main()
