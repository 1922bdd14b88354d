"""Code generated from older botocore models (1.20.0, 1.27.65): it imports and passes mypy --strict, pyright
strict and ruff, and its validation and its merges run, on today's botocore, without an error from inside our
rules (the rules were written against members such models lack: EnablePropagateAdditionalUserContextData,
ClientSecretArn, ...). tests/old_models.py sweeps more releases by hand."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from botocore_releases import model_file
from old_models import problems
from support import copy_runtime, run_python

VERSIONS = ["1.20.0", "1.27.65"]


@pytest.fixture(scope="module", params=VERSIONS)
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    version: str = request.param
    root = tmp_path_factory.mktemp(f"botocore-{version}")
    copy_runtime(root)
    result = run_python("-m", "codegen", "--model", str(model_file(version)), "--out", str(root), check=True)
    (root / "warnings.txt").write_text(result.stderr, encoding="utf-8")
    return version, root


def test_the_tables_say_what_an_older_model_lacks(generated: tuple[str, Path]) -> None:
    """A fix, a merge quirk or a rule that names what the model does not have is a warning, not silence."""
    version, root = generated
    warnings = (root / "warnings.txt").read_text().splitlines()
    assert (
        "codegen: warning: merge quirk for UpdateManagedLoginBranding: the model has no operation "
        "UpdateManagedLoginBranding" in warnings
    )
    assert any(
        w.startswith("codegen: warning: model fix for CreateManagedLoginBrandingRequest.Settings") for w in warnings
    )
    if version == "1.20.0":
        assert (
            "codegen: warning: request rules CREATE_APP_CLIENT: CreateUserPoolClientRequest has no member "
            "EnablePropagateAdditionalUserContextData (read as absent)"
        ) in warnings


SCRIPT = textwrap.dedent(
    """
    import json
    import botocore.session
    from botocore.stub import Stubber

    import cognito_typed
    from cognito_typed import ValidationError, models
    from cognito_typed.client import CognitoIdentityProvider

    print(cognito_typed.__file__)
    POOL, CLIENT = "us-east-1_Example1", "1example23456789"
    outcomes = {}

    # validate(): the app-client rules on a request of this model
    good = models.CreateUserPoolClientRequest(
        user_pool_id=POOL, client_name="web", callback_urls=["https://a.example.com"],
        default_redirect_uri="https://a.example.com", explicit_auth_flows=["ALLOW_USER_SRP_AUTH"],
        access_token_validity=1, refresh_token_validity=30,
    )
    good.validate()
    try:
        models.UpdateUserPoolClientRequest(
            user_pool_id=POOL, client_id=CLIENT, callback_urls=["http://example.com"],
            explicit_auth_flows=["ADMIN_NO_SRP_AUTH", "ALLOW_USER_SRP_AUTH"],
        ).validate()
        outcomes["refused"] = []
    except ValidationError as error:
        outcomes["refused"] = sorted(v.path for v in error.violations)

    # a merge through Stubber, on today's botocore
    raw = botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    ids = {"UserPoolId": POOL, "ClientId": CLIENT}
    now = {**ids, "ClientName": "web", "RefreshTokenValidity": 30, "EnableTokenRevocation": True}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, ids)
        stub.add_response("update_user_pool_client", {"UserPoolClient": {**now, "ClientName": "web-2"}})
        result = CognitoIdentityProvider(raw).merge_update_user_pool_client(
            user_pool_id=POOL, client_id=CLIENT, client_name="web-2"
        )
        stub.assert_no_pending_responses()
    outcomes["merged"] = [result.client_name, result.refresh_token_validity]

    # a merge that the merge-time rules judge (they read members such a model may lack)
    urls = {"CallbackURLs": ["https://b.example.com"], "DefaultRedirectURI": "https://b.example.com"}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, ids)
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, ids)
        typed = CognitoIdentityProvider(raw)
        plan = typed.plan_update_user_pool_client(
            user_pool_id=POOL, client_id=CLIENT, access_token_validity=2,
            callback_urls=urls["CallbackURLs"], default_redirect_uri=urls["DefaultRedirectURI"],
        )
        outcomes["judged"] = sorted(c.path for c in plan.changes)
        try:
            typed.plan_update_user_pool_client(
                user_pool_id=POOL, client_id=CLIENT, access_token_validity=48,
                default_redirect_uri="https://c.example.com",
            )
            outcomes["refused_merge"] = []
        except ValidationError as error:
            outcomes["refused_merge"] = sorted(v.path for v in error.violations)
    print(json.dumps(outcomes))
    """
)


def test_validation_and_merges_run_on_code_generated_from_an_older_model(
    generated: tuple[str, Path], tmp_path: Path
) -> None:
    version, root = generated
    header = (root / "src" / "cognito_typed" / "client.py").read_text().splitlines()[0]
    assert f"from botocore {version} " in header  # the release, told from the model's place
    script = tmp_path / "old_model.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = run_python(str(script), cwd=tmp_path, env={"PYTHONPATH": str(root / "src")})
    assert result.returncode == 0, result.stderr[-3000:]
    imported, outcome = result.stdout.splitlines()
    assert Path(imported).is_relative_to(root)
    import json

    outcomes = json.loads(outcome)
    assert outcomes["refused"] == ["CallbackURLs[0]", "ExplicitAuthFlows"]
    assert outcomes["merged"] == ["web-2", 30]
    assert outcomes["judged"] == ["AccessTokenValidity", "CallbackURLs", "DefaultRedirectURI"]
    assert outcomes["refused_merge"] == ["AccessTokenValidity", "DefaultRedirectURI"]  # 48 hours; not a callback


@pytest.mark.typecheck
def test_code_generated_from_an_older_model_imports_type_checks_and_lints(generated: tuple[str, Path]) -> None:
    _, root = generated
    assert problems(root) == {}
