"""reset_paths: send one member of a nested structure absent, keep its siblings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
import support
from botocore.stub import Stubber
from merge_helpers import InstalledStubber
from merge_helpers import stubbed as stubbed_client

from cognito_typed import RESET, CognitoIdentityProvider, ValidationError

POOL = "us-east-1_Example1"
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"
CURRENT: dict[str, Any] = {
    "Id": POOL,
    "Name": "pool",
    "Arn": f"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{POOL}",
    "LambdaConfig": {"PreSignUp": LAMBDA + "pre", "PostConfirmation": LAMBDA + "post"},
    "DeletionProtection": "ACTIVE",
    "UserPoolTags": {"team": "id"},
}


@pytest.fixture
def stubbed() -> Iterator[tuple[CognitoIdentityProvider, Stubber]]:
    raw = botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    with InstalledStubber(raw) as stubber:  # what the installed botocore's model lacks left out of the stubs
        yield CognitoIdentityProvider(raw), stubber
        stubber.assert_no_pending_responses()


def test_one_nested_member_is_sent_absent_and_its_siblings_kept(
    stubbed: tuple[CognitoIdentityProvider, Stubber],
) -> None:
    cognito, stubber = stubbed
    stubber.add_response("describe_user_pool", {"UserPool": CURRENT}, {"UserPoolId": POOL})
    stubber.add_response(
        "update_user_pool",
        {},
        {
            "UserPoolId": POOL,
            "PoolName": "pool",
            "LambdaConfig": {"PostConfirmation": LAMBDA + "post"},
            "DeletionProtection": "ACTIVE",
            "UserPoolTags": {"team": "id"},
        },
    )
    updated = cognito.merge_update_user_pool(user_pool_id=POOL, reset_paths=["LambdaConfig.PreSignUp"])
    assert updated.to_wire()["LambdaConfig"] == {"PostConfirmation": LAMBDA + "post"}


@support.needs_installed_member("UpdateUserPoolRequest", "PoolName")
def test_a_reset_pool_name_is_sent_absent_and_the_pool_keeps_its_name(
    stubbed: tuple[CognitoIdentityProvider, Stubber],
) -> None:
    """UpdateUserPool returns no pool: the merge lays the update over the pool it described. A pool always
    has a name (codegen.presence), so an update without PoolName leaves it as it is, and so does the result."""
    cognito, stubber = stubbed
    stubber.add_response("describe_user_pool", {"UserPool": CURRENT}, {"UserPoolId": POOL})
    stubber.add_response(
        "update_user_pool",
        {},
        {
            "UserPoolId": POOL,
            "LambdaConfig": CURRENT["LambdaConfig"],
            "DeletionProtection": "ACTIVE",
            "UserPoolTags": {"team": "id"},
        },
    )
    updated = cognito.merge_update_user_pool(user_pool_id=POOL, pool_name=RESET, deletion_protection="ACTIVE")
    assert updated.name == "pool"
    assert updated.to_wire() == CURRENT


def test_the_plan_shows_the_reset_member_as_a_change(stubbed: tuple[CognitoIdentityProvider, Stubber]) -> None:
    cognito, stubber = stubbed
    stubber.add_response("describe_user_pool", {"UserPool": CURRENT}, {"UserPoolId": POOL})
    plan = cognito.plan_update_user_pool(user_pool_id=POOL, reset_paths="LambdaConfig.PreSignUp")  # one, bare
    assert [(c.path, c.current, c.new) for c in plan.changes] == [("LambdaConfig.PreSignUp", LAMBDA + "pre", None)]
    assert "LambdaConfig.PreSignUp" in plan.table()


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("LambdaConfig.PreSignIn", "LambdaConfigType has no member 'PreSignIn'"),
        ("DeletionProtection.Mode", "DeletionProtection is not a structure"),
        ("lambda_config.pre_sign_up", "UpdateUserPoolRequest has no member 'lambda_config'"),
    ],
)
def test_a_path_that_names_no_member_is_refused_before_any_call(
    stubbed: tuple[CognitoIdentityProvider, Stubber], path: str, problem: str
) -> None:
    cognito, _ = stubbed  # nothing queued: any call would fail with UnStubbedResponseError
    with pytest.raises(ValidationError) as info:
        cognito.plan_update_user_pool(user_pool_id=POOL, reset_paths=[path])
    assert [(v.path, v.problem) for v in info.value.violations] == [(f"reset_paths {path!r}", problem)]


def test_a_reset_temporary_password_validity_takes_the_legacy_member_along() -> None:
    """Found by review: DescribeUserPool returns both AdminCreateUserConfig.UnusedAccountValidityDays
    (legacy) and PasswordPolicy.TemporaryPasswordValidityDays, and a merge sends only the latter. Once
    that one was reset, the legacy one was carried again, and with it the old setting: the reset did
    nothing."""
    from test_merge_pairs import POOL_NOW

    now = support.installed_only("UserPoolType", POOL_NOW)
    assert now["AdminCreateUserConfig"]["UnusedAccountValidityDays"] == 3
    resets: list[tuple[str, dict[str, Any]]] = [
        ("Policies.PasswordPolicy.TemporaryPasswordValidityDays", {}),
        ("Policies.PasswordPolicy", {}),
        ("Policies", {"policies": RESET}),
    ]
    for reset, given in resets:
        with stubbed_client() as (cognito, stubber):
            stubber.add_response("describe_user_pool", {"UserPool": now}, {"UserPoolId": POOL})
            plan = cognito.plan_update_user_pool(user_pool_id=POOL, **(given or {"reset_paths": [reset]}))
        assert "UnusedAccountValidityDays" not in plan.params["AdminCreateUserConfig"], reset
        policy = (plan.params.get("Policies") or {}).get("PasswordPolicy") or {}
        assert "TemporaryPasswordValidityDays" not in policy, reset
        assert [c.path for c in plan.changes] == [reset]  # (the legacy member is not the caller's change)

    # Found by review: the pool's own legacy value passed back (not a change) went out all the same.
    from cognito_typed.models import AdminCreateUserConfigType

    back = AdminCreateUserConfigType(allow_admin_create_user_only=False, unused_account_validity_days=3)
    with stubbed_client() as (cognito, stubber):
        stubber.add_response("describe_user_pool", {"UserPool": now}, {"UserPoolId": POOL})
        plan = cognito.plan_update_user_pool(
            user_pool_id=POOL, admin_create_user_config=back, reset_paths=[resets[0][0]]
        )
    assert "UnusedAccountValidityDays" not in plan.params["AdminCreateUserConfig"]

    # A pool described with the legacy member alone: it is the setting, and its loss is shown.
    legacy_only = {**now, "Policies": {"PasswordPolicy": {"MinimumLength": 12}}}
    with stubbed_client() as (cognito, stubber):
        stubber.add_response("describe_user_pool", {"UserPool": legacy_only}, {"UserPoolId": POOL})
        plan = cognito.plan_update_user_pool(user_pool_id=POOL, reset_paths=[resets[0][0]])
    assert [(c.path, c.current, c.new) for c in plan.changes] == [
        ("AdminCreateUserConfig.UnusedAccountValidityDays", 3, None)
    ]
