"""Type-checker snapshots of the stub distribution (``stubs/``, cognito-idp-typed-stubs).

Each case in ``tests/typing/cases/stubs/NAME.py`` is boto3 code, correct or deliberately wrong;
beside it ``NAME.mypy.txt`` and ``NAME.pyright.txt`` hold what mypy (strict, with the plugin)
and pyright (standard) report on it, paths relative and one diagnostic a line. A case whose first
line is ``# checkers: mypy`` has no pyright snapshot. A subfolder with its own ``mypy.ini`` (the
plugin's strict setting, another plugin listed first) holds cases that need that configuration;
there, only files that start with ``# checkers:`` are cases.

The test runs mypy once per folder and pyright once over all its cases, then compares. Regenerate
the expected files on purpose with ``UPDATE_TYPING_SNAPSHOTS=1 pytest tests/test_typing_snapshots.py``
and review the diff.

The checkers run on this interpreter's environment, which must have the stubs installed
(``pip install -e ./stubs``). ``TYPING_PYTHON=/other/venv/bin/python`` runs them in another one
instead, e.g. one that also has boto3-stubs (``nox -s typing-boto3-stubs``): the snapshots must hold
with and without it, and with mypy-boto3-cognito-idp installed as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "typing" / "cases" / "stubs"
PYTHON = os.environ.get("TYPING_PYTHON", sys.executable)
UPDATE = os.environ.get("UPDATE_TYPING_SNAPSHOTS") == "1"


def _cases() -> list[Path]:
    cases = sorted(CASES.glob("*.py"))
    for folder in sorted(p.parent for p in CASES.glob("*/mypy.ini")):
        cases += [p for p in sorted(folder.glob("*.py")) if p.read_text(encoding="utf-8").startswith("# checkers:")]
    return cases


def _id(case: Path) -> str:
    return case.relative_to(CASES).with_suffix("").as_posix()


def _checkers(case: Path) -> set[str]:
    first = case.read_text(encoding="utf-8").split("\n", 1)[0]
    if first.startswith("# checkers:"):
        return {name.strip() for name in first.removeprefix("# checkers:").split(",")}
    return {"mypy", "pyright"}


def _run(*args: str, cwd: Path = CASES) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, *args], cwd=cwd, capture_output=True, text=True, timeout=900)


@cache
def _stubs_installed() -> bool:
    return _run("-c", "import cognito_idp_typed.mypy_plugin").returncode == 0


@cache
def _mypy() -> dict[str, list[str]]:
    """mypy's lines per case (by id), from one cold run per configuration folder."""
    by_case: dict[str, list[str]] = {}
    folders = sorted({c.parent for c in _cases() if "mypy" in _checkers(c)})
    for folder in folders:
        files = [c.name for c in _cases() if c.parent == folder and "mypy" in _checkers(c)]
        with tempfile.TemporaryDirectory() as cache_dir:
            result = _run(
                "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", cache_dir, "--no-error-summary", *files,
                cwd=folder,
            )  # fmt: skip
        if result.returncode not in (0, 1) or result.stderr.strip():
            raise RuntimeError(f"mypy failed in {folder} ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        prefix = folder.relative_to(CASES).as_posix()
        for name in files:
            by_case[_id(folder / name)] = []
        for line in result.stdout.splitlines():
            name = line.split(":", 1)[0]
            by_case.setdefault(f"{prefix}/{name}".removeprefix("./").removesuffix(".py"), []).append(line)
    return by_case


@cache
def _pyright() -> dict[str, list[str]]:
    """pyright's diagnostics per case (first two lines of each message), from one run over all cases."""
    files = [c.name for c in _cases() if "pyright" in _checkers(c)]
    result = _run("-m", "pyright", "--outputjson", "-p", "pyrightconfig.json", "--pythonpath", PYTHON, *files)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"pyright failed ({result.returncode}):\n{result.stdout}\n{result.stderr}") from None
    by_case: dict[str, list[str]] = {name.removesuffix(".py"): [] for name in files}
    for d in report["generalDiagnostics"]:
        name = Path(d["file"]).name
        start = d["range"]["start"]
        message = " / ".join(line.strip() for line in d["message"].split("\n")[:2])  # the rest is detail
        rule = f" ({d['rule']})" if d.get("rule") else ""
        by_case.setdefault(name.removesuffix(".py"), []).append(
            f"{name}:{start['line'] + 1}:{start['character'] + 1} - {d['severity']}: {message}{rule}"
        )
    return by_case


def _compare(case: Path, checker: str, actual: list[str]) -> None:
    expected_path = case.with_suffix(f".{checker}.txt")
    text = "".join(f"{line}\n" for line in actual)
    if UPDATE:
        expected_path.write_text(text, encoding="utf-8")
        return
    assert expected_path.is_file(), f"no snapshot {expected_path.name}: run with UPDATE_TYPING_SNAPSHOTS=1"
    assert text == expected_path.read_text(encoding="utf-8"), f"{checker} output changed for {case.name}"


@pytest.fixture(autouse=True)
def _need_stubs() -> None:
    if not _stubs_installed():
        pytest.skip(f"cognito-idp-typed-stubs is not installed for {PYTHON}: pip install -e ./stubs")


@pytest.mark.parametrize("case", [c for c in _cases() if "mypy" in _checkers(c)], ids=_id)
def test_mypy_snapshot(case: Path) -> None:
    _compare(case, "mypy", _mypy()[_id(case)])


@pytest.mark.parametrize("case", [c for c in _cases() if "pyright" in _checkers(c)], ids=_id)
def test_pyright_snapshot(case: Path) -> None:
    _compare(case, "pyright", _pyright()[_id(case)])


def test_correct_code_checks_clean() -> None:
    """ok_calls.py is the program that must produce no diagnostic at all, in either checker."""
    assert _mypy()["ok_calls"] == []
    assert _pyright()["ok_calls"] == []


def test_plugin_infers_all_three_construction_forms() -> None:
    revealed = [line for line in _mypy()["inference"] if "Revealed type" in line]
    client = '"cognito_idp_typed.client.CognitoIdentityProviderClient"'
    assert sum(line.endswith(client) for line in revealed) == 7, revealed
    assert revealed[-1].endswith('"Any"'), "another service keeps boto3's own answer"


def test_no_unexpected_snapshot_files() -> None:
    """Every expected-output file belongs to a case that runs that checker."""
    cases = {_id(c): _checkers(c) for c in _cases()}
    for path in CASES.rglob("*.txt"):
        stem, checker = path.relative_to(CASES).as_posix().removesuffix(".txt").rsplit(".", 1)
        assert checker in cases.get(stem, set()), f"stale snapshot {path.name}"


def test_the_other_plugin_would_hide_our_checks_if_we_stayed_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """What other_plugin/coexistence shows is the plugin's doing: kept at its configured place (second),
    none of its hooks runs. In-process, so that the plugin class can be changed for the run."""
    if sys.executable != PYTHON:
        pytest.skip("in-process check: runs on this interpreter only")
    from cognito_idp_typed.mypy_plugin import CognitoIdpPlugin
    from mypy import api

    def stay(self: CognitoIdpPlugin) -> None:
        self._chain = []  # pyright: ignore[reportPrivateUsage]

    monkeypatch.setattr(CognitoIdpPlugin, "_front", stay)
    folder = CASES / "other_plugin"
    monkeypatch.chdir(folder)
    with tempfile.TemporaryDirectory() as cache_dir:
        out, _, _ = api.run(["--config-file", "mypy.ini", "--cache-dir", cache_dir, "coexistence.py"])
    assert "other_plugin saw list_users" in out
    assert "cognito-constraint" not in out and "cognito-absent-key" not in out
    assert 'Revealed type is "cognito_idp_typed.client.CognitoIdentityProviderClient"' in out  # the shim still types it
