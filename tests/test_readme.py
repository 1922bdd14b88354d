"""The README's Python code blocks type-check (mypy --strict and pyright strict, 0 errors) and the
outputs it quotes are what the code prints, so the docs cannot drift from the API."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import ROOT, run_python

pytestmark = pytest.mark.typecheck

README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return _BLOCK.findall(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def block_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("readme")
    paths = []
    for i, code in enumerate(blocks(), 1):
        path = root / f"readme_block_{i}.py"
        path.write_text(code, encoding="utf-8")
        paths.append(path)
    (root / "pyrightconfig.json").write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.11"}))
    return paths


def test_the_readme_has_code_to_check() -> None:
    assert len(blocks()) >= 3


def test_mypy_strict_on_the_readme(block_files: list[Path]) -> None:
    for path in block_files:  # each block on its own: they are separate examples
        result = run_python(
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            "--ignore-missing-imports",
            str(path),
        )
        assert result.returncode == 0, f"{path.name}:\n{path.read_text()}\n{result.stdout}"


def test_pyright_strict_on_the_readme(block_files: list[Path]) -> None:
    root = block_files[0].parent
    result = run_python("-m", "pyright", "--outputjson", "--project", str(root), *map(str, block_files))
    report = json.loads(result.stdout)
    errors = [
        f"{Path(d['file']).name}:{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
    assert errors == []
    assert report["summary"]["filesAnalyzed"] == len(block_files)


RUN = """
import contextlib, os, runpy, sys
os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1")
if sys.argv[2] == "moto":
    from moto import mock_aws
    around = mock_aws()
else:  # the example starts what it needs itself
    around = contextlib.nullcontext()
with around:
    runpy.run_path(sys.argv[1], run_name="__main__")
"""


def test_the_client_example_runs(block_files: list[Path]) -> None:
    """The typed-client example, on moto's Cognito: it makes its pool and app client and reads them back."""
    path = next(p for p in block_files if "paginate_list_users" in p.read_text())
    result = run_python("-c", RUN, str(path), "moto", check=True)
    assert result.stdout.splitlines()[0] == "web 15"


def test_the_models_example_runs_and_prints_what_the_readme_says(block_files: list[Path]) -> None:
    path = next(p for p in block_files if "CreateUserPoolClientRequest(" in p.read_text())
    code = path.read_text()
    quoted = code.split("req.to_wire()\n", 1)[1].split("\nmobile", 1)[0]
    expected = eval("".join(line.lstrip("# ") for line in quoted.splitlines()))  # the dict the README shows
    probe = path.with_name("probe_" + path.name)
    probe.write_text(code.replace("req.to_wire()\n", "print(repr(req.to_wire()))\n", 1))
    printed = run_python("-c", RUN, str(probe), "moto", check=True).stdout.splitlines()
    sent = eval(printed[0])
    assert sent["UserPoolId"].startswith("us-east-1_")
    assert {k: v for k, v in sent.items() if k != "UserPoolId"} == {
        k: v for k, v in expected.items() if k != "UserPoolId"
    }
    assert printed[1] == "web 15"  # the client as the service made it, read through the model
    assert json.loads(printed[2])["ClientName"] == "web"
    assert printed[3] == "(Violation('AuthSessionValidity', '30 is out of range', '3..15', kind='constraint'),)"


def test_the_simulator_example_runs_and_its_assert_holds(block_files: list[Path]) -> None:
    """The simulator example starts moto itself; its raw rename resets AuthSessionValidity, as it asserts."""
    path = next(p for p in block_files if "simulate()" in p.read_text())
    result = run_python("-c", RUN, str(path), "plain", check=True)
    assert result.stdout.splitlines() == ["['AuthSessionValidity']"]
