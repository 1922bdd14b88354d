"""What a user installs: both wheels carry the licence; the runtime's metadata asks for botocore's supported
range (no upper pin), has its optional dependencies as extras and no development tools."""

from __future__ import annotations

import email.parser
import re
import tomllib
import zipfile
from pathlib import Path

import pytest
from support import ROOT, run_python


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    dist = tmp_path_factory.mktemp("dist")
    for project in (ROOT, ROOT / "stubs"):
        run_python("-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(project), check=True)
    found = {path.name.split("-", 1)[0]: path for path in dist.glob("*.whl")}
    assert set(found) == {"cognito_typed", "cognito_idp_typed_stubs"}, found
    return found


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode())


@pytest.mark.parametrize("project", ["cognito_typed", "cognito_idp_typed_stubs"])
def test_each_wheel_carries_the_licence(wheels: dict[str, Path], project: str) -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    with zipfile.ZipFile(wheels[project]) as archive:
        carried = [n for n in archive.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert len(carried) == 1, archive.namelist()
        assert archive.read(carried[0]).decode() == licence
    meta = metadata(wheels[project])
    assert meta["License-Expression"] == "Apache-2.0"
    assert meta.get_all("License-File") == ["LICENSE"]


def test_the_runtime_metadata_has_the_range_and_no_dev_extra(wheels: dict[str, Path]) -> None:
    meta = metadata(wheels["cognito_typed"])
    assert sorted(meta.get_all("Provides-Extra") or []) == ["boto3", "codegen", "testing"]
    requires = meta.get_all("Requires-Dist") or []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "dev" not in project["optional-dependencies"]
    assert [r for r in requires if "extra ==" not in r] == project["dependencies"]
    (botocore,) = project["dependencies"]
    assert re.fullmatch(r"botocore>=[0-9.]+", botocore)  # a floor and no upper pin
    (boto3,) = [r for r in requires if r.endswith('extra == "boto3"')]
    assert re.fullmatch(r'boto3>=[0-9.]+; extra == "boto3"', boto3)
    for tool in ("pytest", "mypy", "pyright", "ruff", "hypothesis", "rich", "nox"):
        assert not any(r.startswith(tool) for r in requires), tool
    assert [r for r in requires if r.startswith("moto")] == ['moto[cognitoidp]>=5.2.5; extra == "testing"']


def test_the_development_pins_are_exact() -> None:
    lines = [line.split("#", 1)[0].strip() for line in (ROOT / "requirements-dev.txt").read_text().splitlines()]
    pins = [line for line in lines if line]
    assert pins and all("==" in pin for pin in pins), pins
    assert {"boto3==1.44.8", "botocore==1.44.8", "rich==15.0.0"} <= set(pins)
