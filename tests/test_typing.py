"""The generated code type-checks and lints clean, and the checkers really see the models' types.

The case files in tests/typing/cases are snapshots of use: ``models_ok.py`` must check clean,
and in ``models_bad.py`` exactly the lines marked ``# E: <mypy error code>`` must be errors, for
both checkers; ``# E[mypy]: <code>`` marks what only mypy can see (pyright does not check the
keywords of ``dataclasses.replace`` of any dataclass: typeshed gives it ``**changes: Any``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import GENERATED, PACKAGE, ROOT, run_python

pytestmark = pytest.mark.typecheck

CASES = Path(__file__).resolve().parent / "typing" / "cases"
GENERATED_PATHS = [str(PACKAGE / name) for name in GENERATED]
MYPY = ("-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null")
_MARK = re.compile(r"#\s*E(\[mypy\])?:\s*([\w-]+)")
_MYPY_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[\w-]+)\]$")


def expected_errors(path: Path, checker: str = "mypy") -> dict[int, str]:
    return {
        n: m.group(2)
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if (m := _MARK.search(line)) is not None and (checker == "mypy" or m.group(1) is None)
    }


def test_mypy_strict_on_the_package() -> None:
    result = run_python(*MYPY, str(PACKAGE))
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyright_strict_on_the_package() -> None:
    result = run_python("-m", "pyright", "--outputjson")  # pyproject: include src/cognito_typed, strict
    report = json.loads(result.stdout)
    assert report["summary"]["errorCount"] == 0, [d["message"] for d in report["generalDiagnostics"]]
    assert report["summary"]["filesAnalyzed"] >= len(GENERATED)
    assert result.returncode == 0


def test_ruff_check_on_the_generated_files() -> None:
    result = run_python("-m", "ruff", "check", *GENERATED_PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_on_the_generated_files() -> None:
    result = run_python("-m", "ruff", "format", "--check", *GENERATED_PATHS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_accepts_correct_use() -> None:
    result = run_python(*MYPY, str(CASES / "models_ok.py"))
    assert result.returncode == 0, result.stdout


def test_mypy_rejects_misuse() -> None:
    path = CASES / "models_bad.py"
    expected = expected_errors(path)
    assert len(expected) >= 10
    result = run_python(*MYPY, str(path))
    assert result.returncode == 1
    found: dict[int, set[str]] = {}
    for text in result.stdout.splitlines():
        if m := _MYPY_LINE.match(text):
            found.setdefault(int(m.group("line")), set()).add(m.group("code"))
    missing, unexpected = sorted(set(expected) - set(found)), sorted(set(found) - set(expected))
    assert (missing, unexpected) == ([], []), f"lines not reported: {missing}, reported but not marked: {unexpected}"
    for number, code in expected.items():
        assert code in found[number], (number, found[number])


def test_pyright_agrees_on_the_cases() -> None:
    result = run_python("-m", "pyright", "--outputjson", str(CASES / "models_ok.py"), str(CASES / "models_bad.py"))
    report = json.loads(result.stdout)
    lines: dict[str, set[int]] = {}
    for d in report["generalDiagnostics"]:
        if d["severity"] == "error":
            lines.setdefault(Path(d["file"]).name, set()).add(d["range"]["start"]["line"] + 1)
    assert "models_ok.py" not in lines, report["generalDiagnostics"]
    expected = set(expected_errors(CASES / "models_bad.py", "pyright"))
    missing, unexpected = sorted(expected - lines["models_bad.py"]), sorted(lines["models_bad.py"] - expected)
    assert (missing, unexpected) == ([], []), f"lines not reported: {missing}, reported but not marked: {unexpected}"


def test_case_files_import_the_installed_package() -> None:
    """The checkers see the package under src/ (editable install), not some other copy."""
    result = run_python("-c", "import cognito_typed.models as m; print(m.__file__)", check=True)
    assert Path(result.stdout.strip()) == PACKAGE / "models" / "__init__.py"
    assert (ROOT / "pyproject.toml").is_file()


def test_pyright_verifytypes_sees_every_public_type() -> None:
    """The package's public types are known to tools (``pyright --verifytypes``): the issue's floor is 99%."""
    result = run_python("-m", "pyright", "--verifytypes", "cognito_typed", "--outputjson")
    report = json.loads(result.stdout)["typeCompleteness"]
    assert report["completenessScore"] >= 0.99, report["completenessScore"]
    unknown = [s["name"] for s in report["symbols"] if s["isExported"] and not s["isTypeKnown"]]
    assert unknown == []


def test_the_typed_clients_boto3_conventions_check_under_both() -> None:
    """``.raw``, ``.meta``, ``.exceptions``, ``.close()`` and the botocore-version errors: clean use is
    clean under mypy --strict and pyright strict, and the marked misuse is reported by both."""
    ok, bad = CASES / "client_ok.py", CASES / "client_bad.py"
    expected = set(expected_errors(bad))
    assert len(expected) >= 3
    mypy = run_python(*MYPY, str(ok), str(bad))
    found = {int(m.group("line")) for t in mypy.stdout.splitlines() if (m := _MYPY_LINE.match(t)) and "client_" in t}
    assert not [t for t in mypy.stdout.splitlines() if t.startswith(str(ok)) or "client_ok" in t], mypy.stdout
    assert found == expected, mypy.stdout
    report = json.loads(run_python("-m", "pyright", "--outputjson", str(ok), str(bad)).stdout)
    lines: dict[str, set[int]] = {}
    for d in report["generalDiagnostics"]:
        if d["severity"] == "error":
            lines.setdefault(Path(d["file"]).name, set()).add(d["range"]["start"]["line"] + 1)
    assert "client_ok.py" not in lines, report["generalDiagnostics"]
    assert lines["client_bad.py"] == expected
