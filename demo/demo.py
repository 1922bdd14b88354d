"""cognito-typed's main job, end to end in process: no AWS account, no network.

It runs on :func:`cognito_typed.testing.simulate`: moto's in-process Cognito with Amazon
Cognito's replace-on-update semantics laid over it (moto merges updates, the service does not).
Run with ``python3 -m nox -s demo``. It

1. creates a user pool with Lambda triggers, deletion protection and a strict password
   policy, and two identical app clients with AuthSessionValidity 15 and token validities
   in minutes;
2. shows that a bad setting is refused before anything is sent;
3. prints the plan of renaming an app client;
4. renames one client with a raw one-field UpdateUserPoolClient and the other with
   merge-on-update, and prints their settings side by side: the raw rename reset
   AuthSessionValidity to 3 and the token validities, the merge kept everything;
5. does the same with one pool setting: raw UpdateUserPool against merge-on-update.
"""

from __future__ import annotations

import dataclasses
import os
import textwrap
from collections.abc import Callable
from typing import Any

# Fake credentials and a fixed region, set before boto3 is imported, so that neither
# the user's ~/.aws files nor an instance-metadata lookup come into play.
os.environ.update(
    AWS_ACCESS_KEY_ID="demo-access-key",
    AWS_SECRET_ACCESS_KEY="demo-secret-key",
    AWS_SESSION_TOKEN="demo-session-token",
    AWS_DEFAULT_REGION="us-east-1",
    AWS_CONFIG_FILE=os.devnull,
    AWS_SHARED_CREDENTIALS_FILE=os.devnull,
    AWS_EC2_METADATA_DISABLED="true",
)
os.environ.pop("AWS_PROFILE", None)

import boto3

from cognito_typed import CognitoIdentityProvider, Model, ValidationError
from cognito_typed.models import (
    DeviceConfigurationType,
    LambdaConfigType,
    PasswordPolicyType,
    TokenValidityUnitsType,
    UserPoolPolicyType,
)
from cognito_typed.testing import simulate

LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"


def step(title: str) -> None:
    print(f"\n== {title}")


def show(text: object) -> None:
    print(textwrap.indent(str(text), "   "))


def flat(model: Model, prefix: str = "") -> dict[str, Any]:
    """Every setting of a model as ``{wire path: value}`` (nested models flattened)."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(model):
        value = getattr(model, field.name)
        if value is None or field.name == "response_metadata":
            continue
        wire = field.metadata["wire"]
        if isinstance(value, Model):
            out.update(flat(value, f"{prefix}{wire}."))
        else:
            out[prefix + wire] = value if field.repr else "<hidden>"  # repr=False: a sensitive member
    return out


def table(columns: dict[str, dict[str, Any]], only: list[str] | None = None) -> str:
    """Settings side by side; a ``*`` marks a row whose values differ."""
    names = list(columns)
    keys = only or sorted(set().union(*(c.keys() for c in columns.values())))
    rows = [["", "setting", *names]]
    for key in keys:
        values = [repr(columns[n].get(key, "<absent>")) if key in columns[n] else "<absent>" for n in names]
        rows.append(["*" if len(set(values)) > 1 else "", key, *(v[:44] for v in values)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows)


def main() -> None:
    with simulate() as simulator:
        raw = boto3.client("cognito-idp", region_name="us-east-1")
        cognito = CognitoIdentityProvider(raw)
        calls: list[str] = []
        raw.meta.events.register("before-parameter-build.cognito-idp", lambda model, **_: calls.append(model.name))

        step("1. A pool with Lambda triggers, deletion protection and a strict password policy")
        settings: dict[str, Any] = {
            "deletion_protection": "ACTIVE",
            "lambda_config": LambdaConfigType(pre_sign_up=LAMBDA + "pre-sign-up", post_confirmation=LAMBDA + "welcome"),
            "policies": UserPoolPolicyType(
                password_policy=PasswordPolicyType(
                    minimum_length=14,
                    require_uppercase=True,
                    require_lowercase=True,
                    require_numbers=True,
                    require_symbols=True,
                    temporary_password_validity_days=2,
                )
            ),
            "device_configuration": DeviceConfigurationType(challenge_required_on_new_device=True),
            "user_pool_tags": {"team": "identity"},
        }
        pool = cognito.create_user_pool(pool_name="demo-pool", **settings).user_pool
        assert pool is not None and pool.id is not None
        show(f"pool {pool.id}")

        step("2. Two identical app clients: AuthSessionValidity 15, token validities in minutes")
        clients = [
            cognito.create_user_pool_client(
                user_pool_id=pool.id,
                client_name=name,
                auth_session_validity=15,
                access_token_validity=30,
                id_token_validity=30,
                refresh_token_validity=7 * 24 * 60,
                token_validity_units=TokenValidityUnitsType(
                    access_token="minutes", id_token="minutes", refresh_token="minutes"
                ),
                explicit_auth_flows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                callback_urls=["https://app.example.com/callback"],
                prevent_user_existence_errors="ENABLED",
            ).user_pool_client
            for name in ("web", "web-raw")
        ]
        app, twin = clients
        assert app is not None and app.client_id is not None and twin is not None and twin.client_id is not None
        show(f"clients {app.client_name!r} and {twin.client_name!r}: auth_session_validity=15")

        step("3. Bad settings are refused before anything is sent")
        sent = len(calls)
        pool_id, client_id = pool.id, app.client_id
        attempts: list[Callable[[], object]] = [
            lambda: cognito.plan_update_user_pool_client(
                user_pool_id=pool_id, client_id=client_id, auth_session_validity=30
            ),
            lambda: cognito.plan_update_user_pool_client(
                user_pool_id=pool_id, client_id=client_id, access_token_validity=2
            ),
        ]
        for attempt in attempts:
            try:
                attempt()
            except ValidationError as error:
                show(error)
        show(f"calls since: {calls[sent:] or 'none'}")

        step("4. Plan a rename of the app client (nothing is sent but the describe)")
        plan = cognito.plan_update_user_pool_client(user_pool_id=pool.id, client_id=app.client_id, client_name="web-v2")
        show(plan.table())
        show(f"the full update it would send carries {len(plan.params)} members")

        step("5. One rename, two ways: raw UpdateUserPoolClient vs merge_update_user_pool_client")
        raw.update_user_pool_client(UserPoolId=pool.id, ClientId=twin.client_id, ClientName="web-raw-v2")
        merged = cognito.apply(plan)
        raw_renamed = cognito.describe_user_pool_client(user_pool_id=pool.id, client_id=twin.client_id)
        assert raw_renamed.user_pool_client is not None
        raw_flat, merged_flat = flat(raw_renamed.user_pool_client), flat(merged)
        watch = [
            "ClientName",
            "AuthSessionValidity",
            "AccessTokenValidity",
            "IdTokenValidity",
            "RefreshTokenValidity",
            "TokenValidityUnits.AccessToken",
            "TokenValidityUnits.IdToken",
            "TokenValidityUnits.RefreshToken",
            "ExplicitAuthFlows",
            "CallbackURLs",
            "PreventUserExistenceErrors",
        ]
        show(table({"raw update_user_pool_client": raw_flat, "merge_update_user_pool_client": merged_flat}, watch))
        lost = [k for k in watch[1:] if raw_flat.get(k) != merged_flat.get(k)]
        show(f"the raw rename reset {len(lost)} of {len(watch) - 1} settings; the merge changed only the name")

        step("6. Nothing to change: no update is sent")
        sent = len(calls)
        cognito.merge_update_user_pool_client(user_pool_id=pool.id, client_id=app.client_id, client_name="web-v2")
        show(f"calls: {calls[sent:]}")

        step("7. One pool setting, two ways: raw UpdateUserPool vs merge_update_user_pool")
        merged_pool = cognito.create_user_pool(pool_name="demo-pool-merged", **settings).user_pool
        assert merged_pool is not None and merged_pool.id is not None
        subject = "Your demo code"
        cognito.update_user_pool(user_pool_id=pool.id, email_verification_subject=subject)
        cognito.merge_update_user_pool(user_pool_id=merged_pool.id, email_verification_subject=subject)
        raw_after = cognito.describe_user_pool(user_pool_id=pool.id).user_pool
        merged_after = cognito.describe_user_pool(user_pool_id=merged_pool.id).user_pool
        assert raw_after is not None and merged_after is not None
        watch = [
            "EmailVerificationSubject",
            "VerificationMessageTemplate.EmailSubject",
            "DeletionProtection",
            "LambdaConfig.PreSignUp",
            "LambdaConfig.PostConfirmation",
            "DeviceConfiguration.ChallengeRequiredOnNewDevice",
            "UserPoolTags",
            "Policies.PasswordPolicy.MinimumLength",
            "Policies.PasswordPolicy.TemporaryPasswordValidityDays",
        ]
        show(table({"raw update_user_pool": flat(raw_after), "merge_update_user_pool": flat(merged_after)}, watch))
        lost = [k for k in watch[2:] if flat(raw_after).get(k) != flat(merged_after).get(k)]
        show(f"the raw update reset {len(lost)} of {len(watch) - 2} settings it was not given; the merge kept them all")
        show(f"resets the simulator saw, all from the two raw updates: {len(simulator.resets)}")


if __name__ == "__main__":
    main()
