"""What a merge carries comes from the botocore model the client runs with, not only from the
generated code: a setting a newer botocore adds is kept by a merge without regenerating.

- The committed package, on a botocore client whose model (a botocore data path) has one more
  app-client member at the top level and one more inside TokenValidityUnits and LambdaConfig,
  through Stubber (which validates both calls against that model), and on the simulator.
- The seed itself: the code generated from botocore 1.27.65 (before AuthSessionValidity), on a
  client that loads botocore 1.27.66's model, keeps AuthSessionValidity=15 on a rename.
"""

from __future__ import annotations

import copy
import json
import textwrap
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from botocore.stub import Stubber
from botocore_releases import data_path, model_file
from support import copy_runtime, run_python

from codegen.loader import load
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.merges import UPDATE_USER_POOL, UPDATE_USER_POOL_CLIENT
from cognito_typed.models import TokenValidityUnitsType
from cognito_typed.testing import simulate

POOL, CLIENT = "us-east-1_Example1", "1example23456789"
IDS = {"UserPoolId": POOL, "ClientId": CLIENT}
LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:"


@pytest.fixture(scope="module")
def newer_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A botocore data path whose cognito-idp model adds FutureSetting (top level), and
    TokenValidityUnits.FutureToken and LambdaConfig.FutureTrigger (nested)."""
    raw = load()
    service: dict[str, Any] = copy.deepcopy(raw.service)
    shapes = service["shapes"]
    shapes["FutureSettingType"] = {"type": "integer", "min": 1, "max": 9}
    for owner in ("CreateUserPoolClientRequest", "UpdateUserPoolClientRequest", "UserPoolClientType"):
        assert "FutureSetting" not in shapes[owner]["members"]
        shapes[owner]["members"]["FutureSetting"] = {"shape": "FutureSettingType"}
    shapes["TokenValidityUnitsType"]["members"]["FutureToken"] = {"shape": "TimeUnitsType"}
    shapes["LambdaConfigType"]["members"]["FutureTrigger"] = {"shape": "ArnType"}
    root = tmp_path_factory.mktemp("newer") / "data"
    folder = root / "cognito-idp" / service["metadata"]["apiVersion"]
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(service), encoding="utf-8")
    (folder / "paginators-1.json").write_text(json.dumps(raw.paginators), encoding="utf-8")
    return root


def raw_client(data: Path) -> Any:
    session = botocore.session.Session()
    session.set_config_variable("data_path", str(data))
    client = session.create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    assert "FutureSetting" in client.meta.service_model.shape_for("UserPoolClientType").members
    return client


APP_CLIENT = {
    **IDS,
    "ClientName": "web",
    "RefreshTokenValidity": 30,
    "TokenValidityUnits": {"AccessToken": "minutes", "FutureToken": "hours"},
    "AccessTokenValidity": 60,
    "AuthSessionValidity": 15,
    "FutureSetting": 7,
}


def test_the_generated_models_do_not_know_the_members() -> None:
    """The control: what the tests below carry is not in the generated code."""
    assert "FutureSetting" not in UPDATE_USER_POOL_CLIENT.carried
    assert "future_token" not in {f for f in TokenValidityUnitsType.__dataclass_fields__}


def test_a_rename_carries_the_members_the_generated_code_never_saw(newer_model: Path) -> None:
    raw = raw_client(newer_model)
    typed = CognitoIdentityProvider(raw)
    sent = {**APP_CLIENT, "ClientName": "web-2"}
    with Stubber(raw) as stub:  # the Stubber validates both calls against the newer model
        stub.add_response("describe_user_pool_client", {"UserPoolClient": APP_CLIENT}, IDS)
        stub.add_response("update_user_pool_client", {"UserPoolClient": sent}, sent)
        plan = typed.plan_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-2")
        assert plan.unknown == ("FutureSetting",)
        assert "unknown to the generated models: FutureSetting" in plan.table()
        assert plan.params["TokenValidityUnits"] == {"AccessToken": "minutes", "FutureToken": "hours"}
        typed.apply(plan)


def test_a_change_inside_a_structure_keeps_its_new_sibling(newer_model: Path) -> None:
    raw = raw_client(newer_model)
    sent = {
        **APP_CLIENT,
        "TokenValidityUnits": {"AccessToken": "hours", "FutureToken": "hours"},
        "AccessTokenValidity": 1,
    }
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": APP_CLIENT}, IDS)
        stub.add_response("update_user_pool_client", {"UserPoolClient": sent}, sent)
        CognitoIdentityProvider(raw).merge_update_user_pool_client(
            user_pool_id=POOL,
            client_id=CLIENT,
            access_token_validity=1,
            token_validity_units=TokenValidityUnitsType(access_token="hours"),
        )


def test_a_pool_merge_keeps_a_new_trigger(newer_model: Path) -> None:
    raw = raw_client(newer_model)
    now = {
        "Id": POOL,
        "Name": "users",
        "Arn": f"arn:aws:cognito-idp:us-east-1:123456789012:userpool/{POOL}",  # always returned (codegen/presence.py)
        "LambdaConfig": {"PreSignUp": LAMBDA + "pre", "FutureTrigger": LAMBDA + "future"},
        "MfaConfiguration": "OFF",
    }
    sent = {"UserPoolId": POOL, "PoolName": "users", "LambdaConfig": now["LambdaConfig"], "MfaConfiguration": "ON"}
    if "PoolName" not in load().service["shapes"]["UpdateUserPoolRequest"]["members"]:
        del sent["PoolName"]  # an older botocore (before UpdateUserPool took PoolName) cannot send it: not carried
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool", {"UserPool": now}, {"UserPoolId": POOL})
        stub.add_response("update_user_pool", {}, sent)
        CognitoIdentityProvider(raw).merge_update_user_pool(user_pool_id=POOL, mfa_configuration="ON")
    assert "FutureTrigger" not in str(UPDATE_USER_POOL.members)


def test_a_value_for_the_new_member_is_checked_by_botocore_not_lost(newer_model: Path) -> None:
    """Carried raw: botocore's validator (of the newer model) judges it, before anything is sent."""
    raw = raw_client(newer_model)
    bad = {**APP_CLIENT, "FutureSetting": "seven"}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": APP_CLIENT}, IDS)
        plan = CognitoIdentityProvider(raw).plan_update_user_pool_client(
            user_pool_id=POOL, client_id=CLIENT, client_name="web-2"
        )
    assert plan.params["FutureSetting"] == 7
    from botocore.exceptions import ParamValidationError

    with pytest.raises(ParamValidationError, match="FutureSetting"):
        raw.update_user_pool_client(**{**bad, "ClientName": "web-2"})


def test_on_the_simulator_a_raw_rename_resets_the_new_member_and_a_merge_keeps_it(
    newer_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_DATA_PATH", str(newer_model))
    with simulate() as cognito:
        raw = boto3.Session().client(
            "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
        )
        pool = raw.create_user_pool(PoolName="users")["UserPool"]["Id"]
        made = raw.create_user_pool_client(UserPoolId=pool, ClientName="web", FutureSetting=7)["UserPoolClient"]
        ids = {"UserPoolId": pool, "ClientId": made["ClientId"]}
        CognitoIdentityProvider(raw).merge_update_user_pool_client(**_snake(ids), client_name="merged")
        assert raw.describe_user_pool_client(**ids)["UserPoolClient"]["FutureSetting"] == 7
        raw.update_user_pool_client(**ids, ClientName="raw")
        assert "FutureSetting" not in raw.describe_user_pool_client(**ids)["UserPoolClient"]
        assert [r.member for r in cognito.resets if r.member == "FutureSetting"] == ["FutureSetting"]


def _snake(ids: dict[str, Any]) -> dict[str, Any]:
    return {"user_pool_id": ids["UserPoolId"], "client_id": ids["ClientId"]}


# --- the seed: generated from 1.27.65, running on 1.27.66 ---------------------------------------

SEED = textwrap.dedent(
    """
    import botocore.session
    from botocore.stub import Stubber

    import cognito_typed
    from cognito_typed.client import CognitoIdentityProvider
    from cognito_typed.models import UserPoolClientType

    print(cognito_typed.__file__)
    print("auth_session_validity" in UserPoolClientType.__dataclass_fields__)
    raw = botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    print("AuthSessionValidity" in raw.meta.service_model.shape_for("UserPoolClientType").members)
    ids = {"UserPoolId": "us-east-1_Example1", "ClientId": "1example23456789"}
    now = {**ids, "ClientName": "web", "RefreshTokenValidity": 30, "AuthSessionValidity": 15}
    sent = {**now, "ClientName": "web-2"}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, ids)
        stub.add_response("update_user_pool_client", {"UserPoolClient": sent}, sent)
        plan = CognitoIdentityProvider(raw).plan_update_user_pool_client(
            user_pool_id=ids["UserPoolId"], client_id=ids["ClientId"], client_name="web-2"
        )
        CognitoIdentityProvider(raw).apply(plan)
        stub.assert_no_pending_responses()
    print(plan.params["AuthSessionValidity"], ",".join(plan.unknown))
    """
)


def test_the_seed_code_generated_before_auth_session_validity_keeps_it(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    root = tmp_path_factory.mktemp("botocore-1.27.65")
    copy_runtime(root)
    run_python("-m", "codegen", "--model", str(model_file("1.27.65")), "--out", str(root), check=True)
    script = tmp_path / "seed.py"
    script.write_text(SEED, encoding="utf-8")
    env = {"PYTHONPATH": str(root / "src"), "AWS_DATA_PATH": str(data_path("1.27.66"))}
    result = run_python(str(script), cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    imported, generated_knows, live_knows, outcome = result.stdout.splitlines()
    assert Path(imported).is_relative_to(root)  # the code generated from 1.27.65
    assert (generated_knows, live_knows) == ("False", "True")
    assert outcome == "15 AuthSessionValidity"  # sent as described, and shown as unknown to the models
