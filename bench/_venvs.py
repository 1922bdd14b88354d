"""Fresh venvs for the type-checking benchmarks (bench_stubs.py, corpus.py): one per setup, reused.

A venv is rebuilt only when the packages asked for change (a stamp file records them). The tools'
versions come from requirements-dev.txt, so every setup checks with the same mypy/pyright.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUBS = ROOT / "stubs"

# The versions the corpus counts were taken with (boto3-stubs is not in requirements-dev.txt).
BOTO3_STUBS = "boto3-stubs==1.43.126"
BOTOCORE_STUBS = "botocore-stubs==1.43.126"
MYPY_BOTO3_COGNITO_IDP = "mypy-boto3-cognito-idp==1.43.108"


def pins(*names: str) -> dict[str, str]:
    """requirements-dev.txt's requirement for each name (one place for versions)."""
    lines = (line.split("#", 1)[0].strip() for line in (ROOT / "requirements-dev.txt").read_text().splitlines())
    dev = [line for line in lines if line]
    found = {m.group(): r for r in dev if (m := re.match(r"[A-Za-z0-9._-]+", r)) and m.group() in names}
    missing = set(names) - found.keys()
    if missing:
        raise LookupError(f"not in requirements-dev.txt: {sorted(missing)}")
    return found


def python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _stubs_fingerprint() -> str:
    """Changes whenever a file of the stub distribution does: a venv with it installed is then rebuilt."""
    digest = hashlib.sha256()
    for path in sorted(p for p in STUBS.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(STUBS)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(venv: Path, packages: tuple[str, ...]) -> Path:
    """A venv at ``venv`` with exactly ``packages`` installed (rebuilt when they change); its python."""
    stamp = venv / "installed.json"
    key = [*packages, _stubs_fingerprint()] if str(STUBS) in packages else list(packages)
    if not (stamp.is_file() and json.loads(stamp.read_text()) == key):
        print(f"  installing {venv.name}: {' '.join(packages)}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run(
            [str(python(venv)), "-m", "pip", "install", "-q", "--disable-pip-version-check", *packages], check=True
        )
        stamp.write_text(json.dumps(key))
    return python(venv)


def versions(interpreter: Path, shown: tuple[str, ...]) -> str:
    out = subprocess.run(
        [str(interpreter), "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = {p["name"].lower(): p["version"] for p in json.loads(out)}
    return ", ".join(f"{name} {rows[name]}" for name in shown if name in rows)
