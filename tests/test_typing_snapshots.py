"""Type-checker snapshots of the stub distribution (``stubs/``, cognito-idp-typed-stubs).

Each case in ``tests/typing/cases/stubs/NAME.py`` is boto3 code, correct or deliberately wrong;
beside it ``NAME.mypy.txt`` and ``NAME.pyright.txt`` hold what mypy (strict, with the plugin)
and pyright (standard) report on it, paths relative and one diagnostic a line. The test runs
both checkers once over all cases and compares. A case whose first line is ``# checkers: mypy``
has no pyright snapshot.

Regenerate the expected files on purpose with ``UPDATE_TYPING_SNAPSHOTS=1 pytest
tests/test_typing_snapshots.py`` and review the diff.

The checkers run on this interpreter's environment, which must have the stubs installed
(``pip install -e ./stubs``). ``TYPING_PYTHON=/other/venv/bin/python`` runs them in another one
instead, e.g. one that also has boto3-stubs: the snapshots must hold with and without it.
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
    return sorted(CASES.glob("*.py"))


def _checkers(case: Path) -> set[str]:
    first = case.read_text(encoding="utf-8").split("\n", 1)[0]
    if first.startswith("# checkers:"):
        return {name.strip() for name in first.removeprefix("# checkers:").split(",")}
    return {"mypy", "pyright"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, *args], cwd=CASES, capture_output=True, text=True, timeout=900)


@cache
def _stubs_installed() -> bool:
    return _run("-c", "import cognito_idp_typed.mypy_plugin").returncode == 0


@cache
def _mypy() -> dict[str, list[str]]:
    """mypy's lines per case file, from one cold run over all cases."""
    files = [c.name for c in _cases() if "mypy" in _checkers(c)]
    with tempfile.TemporaryDirectory() as cache_dir:
        result = _run("-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", cache_dir, "--no-error-summary", *files)
    if result.returncode not in (0, 1) or result.stderr.strip():
        raise RuntimeError(f"mypy failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    by_file: dict[str, list[str]] = {name: [] for name in files}
    for line in result.stdout.splitlines():
        by_file.setdefault(line.split(":", 1)[0], []).append(line)
    return by_file


@cache
def _pyright() -> dict[str, list[str]]:
    """pyright's diagnostics per case file (first two lines of each message), from one run over all cases."""
    files = [c.name for c in _cases() if "pyright" in _checkers(c)]
    result = _run("-m", "pyright", "--outputjson", "-p", "pyrightconfig.json", "--pythonpath", PYTHON, *files)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"pyright failed ({result.returncode}):\n{result.stdout}\n{result.stderr}") from None
    by_file: dict[str, list[str]] = {name: [] for name in files}
    for d in report["generalDiagnostics"]:
        name = Path(d["file"]).name
        start = d["range"]["start"]
        message = " / ".join(line.strip() for line in d["message"].split("\n")[:2])  # the rest is detail
        rule = f" ({d['rule']})" if d.get("rule") else ""
        by_file.setdefault(name, []).append(
            f"{name}:{start['line'] + 1}:{start['character'] + 1} - {d['severity']}: {message}{rule}"
        )
    return by_file


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


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_mypy_snapshot(case: Path) -> None:
    if "mypy" not in _checkers(case):
        pytest.skip("pyright-only case")
    _compare(case, "mypy", _mypy()[case.name])


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_pyright_snapshot(case: Path) -> None:
    if "pyright" not in _checkers(case):
        pytest.skip("mypy-only case")
    _compare(case, "pyright", _pyright()[case.name])


def test_correct_code_checks_clean() -> None:
    """ok_calls.py is the program that must produce no diagnostic at all, in either checker."""
    assert _mypy()["ok_calls.py"] == []
    assert _pyright()["ok_calls.py"] == []


def test_plugin_infers_all_three_construction_forms() -> None:
    revealed = [line for line in _mypy()["inference.py"] if "Revealed type" in line]
    client = '"cognito_idp_typed.client.CognitoIdentityProviderClient"'
    assert sum(line.endswith(client) for line in revealed) == 7, revealed
    assert revealed[-1].endswith('"Any"'), "another service keeps boto3's own answer"


def test_no_unexpected_snapshot_files() -> None:
    """Every expected-output file belongs to a case that runs that checker."""
    cases = {c.stem: _checkers(c) for c in _cases()}
    for path in CASES.glob("*.txt"):
        stem, checker = path.name.removesuffix(".txt").rsplit(".", 1)
        assert checker in cases.get(stem, set()), f"stale snapshot {path.name}"
