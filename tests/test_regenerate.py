"""``python -m codegen.regenerate``: the runtime package regenerated for another botocore, with jinja2 but
without ruff, into a copy of the checkout; the code it writes runs on that botocore's model."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from botocore_releases import data_path, model_file
from support import HEADER, run_python

OLD = "1.27.65"  # a release whose model lacks operations the pinned one has (ListTerms, GetUserPoolMfaConfig...)

# `import ruff` and `import cognito_typed` fail in this interpreter, as in a checkout where neither is
# installed (the generator reads the checkout's own runtime files, never an installed package)
WITHOUT_RUFF = (
    "import runpy, sys; sys.modules['ruff'] = sys.modules['cognito_typed'] = None; sys.argv[0] = 'regenerate'; "
)

SCRIPT = textwrap.dedent(
    """
    import json
    import botocore.session
    from botocore.stub import Stubber

    import cognito_typed
    from cognito_typed.client import CognitoIdentityProvider

    raw = botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    ids = {"UserPoolId": "us-east-1_Example1", "ClientId": "1example23456789"}
    with Stubber(raw) as stub:
        stub.add_response("describe_user_pool_client", {"UserPoolClient": {**ids, "ClientName": "web"}}, ids)
        client = CognitoIdentityProvider(raw).describe_user_pool_client(
            user_pool_id=ids["UserPoolId"], client_id=ids["ClientId"]
        ).user_pool_client
    print(json.dumps({
        "file": cognito_typed.__file__,
        "client_name": client.client_name,
        "list_terms": hasattr(CognitoIdentityProvider, "list_terms"),
        "botocore_list_terms": hasattr(raw, "list_terms"),
    }))
    """
)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("regenerated")
    argv = ["--model", str(model_file(OLD)), "--out", str(out)]
    code = WITHOUT_RUFF + f"sys.argv[1:] = {argv!r}; runpy.run_module('codegen.regenerate', run_name='__main__')"
    result = run_python("-c", code, check=True)
    return out, result.stdout + result.stderr


def test_it_writes_the_runtime_package_for_that_botocore_without_ruff(regenerated: tuple[Path, str]) -> None:
    out, log = regenerated
    assert "ruff is not installed: the files are written unformatted" in log
    assert f"runtime from botocore {OLD}" in log
    client = (out / "src" / "cognito_typed" / "client.py").read_text()
    assert client.splitlines()[0] == f"{HEADER} from botocore {OLD} (cognito-idp 2016-04-18). Do not edit."
    assert "def describe_user_pool_client(" in client
    assert "def list_terms(" not in client  # the older model has no ListTerms: neither has the client
    assert not (out / "stubs").exists()  # only what was asked for
    assert (out / "pyproject.toml").is_file()  # pip can build it from there (--install)


def test_the_regenerated_package_runs_on_that_botocore(regenerated: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = regenerated
    script = tmp_path / "use.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {"PYTHONPATH": str(out / "src"), "AWS_DATA_PATH": str(data_path(OLD))}  # botocore loads OLD's model
    result = run_python(str(script), cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout)
    assert Path(seen["file"]).is_relative_to(out)
    assert seen == {**seen, "client_name": "web", "list_terms": False, "botocore_list_terms": False}


def test_check_says_it_needs_ruff(tmp_path: Path) -> None:
    code = WITHOUT_RUFF + "sys.argv[1:] = ['--check']; runpy.run_module('codegen', run_name='__main__')"
    result = run_python("-c", code)
    assert result.returncode == 2
    assert "--check compares with formatted files: it needs ruff" in result.stderr
