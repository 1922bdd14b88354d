"""A member a future botocore adds is carried with no code change.

botocore's own cognito-idp model gets one more member, ``FutureSetting`` (a new boolean shape), on
both UpdateUserPoolClientRequest and UserPoolClientType. The unchanged generator, run on that
model into a temporary root, must put it in UPDATE_USER_POOL_CLIENT's carried map; and the
package generated from it, driven by a real botocore client that knows the extended model (so
the Stubber validates both calls against it), must carry the setting through a merge that
changes something else.
"""

from __future__ import annotations

import copy
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import support
from botocore_releases import model_file
from support import copy_package, run_python

from codegen.loader import load

MEMBER = "FutureSetting"


@pytest.fixture(scope="module")
def future(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    # The model the package was generated from: the installed one on the pinned botocore, else the pinned
    # release's file (which the installed botocore then loads through AWS_DATA_PATH, extended).
    raw = load() if support.INSTALLED == support.GENERATED_FROM else load(model_file(support.GENERATED_FROM))
    service: dict[str, Any] = copy.deepcopy(raw.service)
    shapes = service["shapes"]
    assert MEMBER not in shapes["UpdateUserPoolClientRequest"]["members"]
    assert "FutureSettingType" not in shapes
    shapes["FutureSettingType"] = {"type": "boolean"}
    for owner in ("UpdateUserPoolClientRequest", "UserPoolClientType"):
        shapes[owner]["members"][MEMBER] = {"shape": "FutureSettingType", "documentation": "<p>New.</p>"}

    tmp = tmp_path_factory.mktemp("future")
    api = service["metadata"]["apiVersion"]
    model_dir = tmp / "data" / "cognito-idp" / api  # also a botocore data path, for the client below
    model_dir.mkdir(parents=True)
    model = model_dir / "service-2.json"
    model.write_text(json.dumps(service), encoding="utf-8")
    (model_dir / "paginators-1.json").write_text(json.dumps(raw.paginators), encoding="utf-8")

    root = tmp / "root"
    copy_package(root)  # the hand-written files (and the committed generated ones, which the run rewrites)
    run_python("-m", "codegen", "--model", str(model), "--out", str(root), check=True)
    return {"root": root, "data": tmp / "data"}


def test_the_generated_spec_carries_the_new_member(future: dict[str, Path]) -> None:
    text = (future["root"] / "src" / "cognito_typed" / "merges.py").read_text(encoding="utf-8")
    start = text.index("UPDATE_USER_POOL_CLIENT: Final = MergeSpec(")
    block = text[start : text.index('"""', start)]
    carried = block[block.index("carried={") : block.index("}", block.index("carried={"))]
    assert f'"{MEMBER}": "{MEMBER}"' in carried
    from cognito_typed.merges import UPDATE_USER_POOL_CLIENT

    assert f"carries {len(UPDATE_USER_POOL_CLIENT.carried) + 1} members" in text[start:]  # one more than before
    # Only this pair changed: the member is on no other update (its members table, its carried table).
    assert text.count(f'"{MEMBER}"') == 3


SCRIPT = textwrap.dedent(
    """
    import botocore.session
    from botocore.stub import Stubber

    import cognito_typed
    from cognito_typed import merges
    from cognito_typed.client import CognitoIdentityProvider

    print(cognito_typed.__file__)
    assert merges.UPDATE_USER_POOL_CLIENT.carried["FutureSetting"] == "FutureSetting"
    raw = botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    ids = {"UserPoolId": "us-east-1_Example1", "ClientId": "1example23456789"}
    now = {**ids, "ClientName": "web", "FutureSetting": True, "EnableTokenRevocation": True}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": now}, ids)
        sent = {**ids, "ClientName": "web-2", "FutureSetting": True, "EnableTokenRevocation": True}
        stub.add_response("update_user_pool_client", {"UserPoolClient": {**now, "ClientName": "web-2"}}, sent)
        result = CognitoIdentityProvider(raw).merge_update_user_pool_client(
            user_pool_id=ids["UserPoolId"], client_id=ids["ClientId"], client_name="web-2"
        )
        stub.assert_no_pending_responses()
    assert result.future_setting is True, result
    print("carried")
    """
)


def test_the_generated_package_carries_the_new_member(future: dict[str, Path], tmp_path: Path) -> None:
    script = tmp_path / "future_merge.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = run_python(
        str(script),
        cwd=tmp_path,
        env={"PYTHONPATH": str(future["root"] / "src"), "AWS_DATA_PATH": str(future["data"])},
        check=True,
    )
    imported, outcome = result.stdout.split()
    assert Path(imported).is_relative_to(future["root"])  # the regenerated package, not the committed one
    assert outcome == "carried"


def test_the_committed_package_does_not_know_the_member() -> None:
    """The control: what the test above proves came from regenerating, not from the committed code."""
    from cognito_typed import merges

    assert MEMBER not in merges.UPDATE_USER_POOL_CLIENT.carried
