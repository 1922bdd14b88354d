"""Generate the package from another botocore release's model and check it as the committed code is checked:
every module imports, ``mypy --strict``, pyright strict and ruff pass. Used by tests/test_old_models.py for a
few releases, and by hand for a sweep (one line per release):
``PYTHONPATH=.:tests python tests/old_models.py 1.20.0 1.25.0 ...``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from botocore_releases import model_file
from support import ROOT, copy_runtime, run_python

IMPORT_ALL = (
    "import importlib, pkgutil, cognito_typed, cognito_typed.models as m; "
    "names = [i.name for i in pkgutil.walk_packages(cognito_typed.__path__, 'cognito_typed.')]; "
    "[importlib.import_module(n) for n in names]; "
    "[getattr(m, n) for n in m.__all__]; "
    "print(cognito_typed.__file__, len(names), len(m.__all__))"
)


def generate(version: str, root: Path) -> str:
    """The package generated from ``version``'s model under ``root/src``; the generator's warnings."""
    copy_runtime(root)
    result = run_python("-m", "codegen", "--model", str(model_file(version)), "--out", str(root), check=True)
    return result.stderr


def problems(root: Path) -> dict[str, str]:
    """What fails on the package under ``root/src``, by check (empty: all pass)."""
    package = root / "src" / "cognito_typed"
    found: dict[str, str] = {}
    imported = run_python("-c", IMPORT_ALL, cwd=root, env={"PYTHONPATH": str(root / "src")})
    if imported.returncode != 0 or not imported.stdout.startswith(str(package)):
        found["import"] = (imported.stdout + imported.stderr)[-2000:]
    mypy = run_python(
        *("-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null"),
        *("--config-file", str(ROOT / "pyproject.toml"), str(package)),
        cwd=root,
        env={"MYPYPATH": str(root / "src")},
    )
    if mypy.returncode != 0:
        found["mypy"] = mypy.stdout[-2000:]
    config = {"include": ["src/cognito_typed"], "typeCheckingMode": "strict", "pythonVersion": "3.11"}
    (root / "pyrightconfig.json").write_text(json.dumps(config))
    pyright = run_python("-m", "pyright", "--outputjson", "--project", str(root), cwd=root)
    report = json.loads(pyright.stdout)
    if report["summary"]["errorCount"] or pyright.returncode != 0:
        found["pyright"] = "\n".join(d["message"] for d in report["generalDiagnostics"])[-2000:]
    ruff = run_python("-m", "ruff", "check", "--config", str(ROOT / "pyproject.toml"), str(package), cwd=root)
    if ruff.returncode != 0:
        found["ruff"] = ruff.stdout[-2000:]
    return found


def main(versions: list[str]) -> int:
    failed = 0
    for version in versions:
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            warnings = generate(version, root)
            found = problems(root)
        failed += bool(found)
        verdict = "ok" if not found else "FAILED " + ", ".join(found)
        print(
            f"botocore {version}: {verdict} ({warnings.count('warning:')} warnings, "
            f"{time.perf_counter() - started:.0f}s)",
            flush=True,
        )
        for check, text in found.items():
            print(f"  {check}: {text}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
