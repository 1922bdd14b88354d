"""Project tasks. From the repository root, with only Python >= 3.11 and pip:

    python3 -m pip install nox && python3 -m nox -s tests

Sessions: ``tests``, ``lint``, ``typecheck`` (run by a bare ``nox``), and ``generate``,
``bench``, ``demo``. Arguments after ``--`` go to the underlying tool, e.g.
``nox -s tests -- -k wire`` or ``nox -s generate -- --check``.

Every session runs on the interpreter that runs nox (no version is pinned here; the
project itself needs 3.11+). nox gives each session its own virtualenv; they are
reused between runs, and a session skips ``pip install`` when its venv already holds
exactly what it asks for from the current ``pyproject.toml`` (``--reuse-venv=never``
rebuilds from scratch).
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 11):  # noqa: UP036 - this file is read by whatever Python runs nox
    raise SystemExit(f"cognito-typed needs Python >= 3.11; nox is running on {sys.version.split()[0]}")

import hashlib
import re
import shutil
import tomllib
from pathlib import Path

import nox

nox.needs_version = ">=2024.3.2"
nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.error_on_external_run = True
nox.options.sessions = ["lint", "typecheck", "tests"]

ROOT = Path(__file__).resolve().parent
PYPROJECT = ROOT / "pyproject.toml"
REQUIREMENTS = ROOT / "requirements-dev.txt"  # the development tools' exact pins (not a published extra)
DEV = ("-e", ".", "-r", "requirements-dev.txt", "-e", "./stubs")
ON_REQUEST = frozenset({"corpus", "instructions"})  # benchmarks `nox -s bench` runs only when named


def _requirements() -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _pin(name: str) -> str:
    """The requirement for ``name`` exactly as requirements-dev.txt pins it (one place for versions)."""
    for requirement in _requirements():
        match = re.match(r"[A-Za-z0-9._-]+", requirement)
        if match and match.group().lower().replace("_", "-") == name.lower().replace("_", "-"):
            return requirement
    raise LookupError(f"{name} is not in requirements-dev.txt")


def _install(session: nox.Session, *args: str) -> None:
    """``pip install *args`` into the session's venv, unless this venv already did so for this pyproject.toml.

    The stamp lives inside the venv, so a recreated venv always installs.
    """
    stamp = Path(session.virtualenv.location) / ".cognito-typed-installed"
    inputs = [PYPROJECT.read_text(encoding="utf-8"), REQUIREMENTS.read_text(encoding="utf-8"), *args]
    key = hashlib.sha256("\0".join(inputs).encode()).hexdigest()
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == key:
        session.log(f"already installed: {' '.join(args)}")
        return
    session.install(*args)
    stamp.write_text(key, encoding="utf-8")


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite with pytest (arguments after -- go to pytest)."""
    _install(session, *DEV)
    session.run("pytest", *session.posargs)


def _floor(name: str) -> str:
    """The lowest release of ``name`` pyproject.toml allows (its ``>=``), for botocore or the boto3 extra."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["boto3"]]:
        found = re.fullmatch(rf"{name}>=([0-9.]+)", requirement)
        if found:
            return found.group(1)
    raise LookupError(f"pyproject.toml gives no floor for {name}")


# The runtime part of the suite: everything but the type-checker runs. Off the pinned botocore, the tests that
# compare the generator's output with the installed model, and those whose Stubber fixtures hold members of the
# pinned model, skip themselves, saying why (tests/support.py: pinned_botocore, pinned_fixtures); tests of an
# operation the installed model lacks skip naming it (skip_unless_installed_has).
RUNTIME_TESTS = ("-m", "not typecheck")


@nox.session(name="tests_botocore_range")
@nox.parametrize("end", ["oldest", "newest"])
def tests_botocore_range(session: nox.Session, end: str) -> None:
    """The runtime tests on the oldest botocore pyproject.toml allows (with the boto3 of its release) and on
    the newest on PyPI. The oldest end first installs the built wheel beside that boto3 and fails if pip
    changed botocore, and runs the tests with the models built in pure Python."""
    botocore_floor, boto3_floor = _floor("botocore"), _floor("boto3")
    tools = [r for r in _requirements() if not re.match(r"(boto3|botocore)\b", r)]
    pair = [f"botocore=={botocore_floor}", f"boto3=={boto3_floor}"] if end == "oldest" else ["botocore", "boto3"]
    stamp = Path(session.virtualenv.location) / ".cognito-typed-installed"
    if end == "newest":
        stamp.unlink(missing_ok=True)  # always the newest release: ask PyPI again
        session.install("--upgrade", *pair)
    _install(session, *pair, *tools)
    if end == "oldest":
        _check_install_keeps_botocore(session, botocore_floor)
    session.install("--no-deps", "-e", ".")
    installed = session.run("python", "-c", "import botocore; print(botocore.__version__)", silent=True)
    session.log(f"botocore {str(installed).strip()}")
    # The oldest end runs with the C builder of the models turned off: the pure-Python path, what an install
    # without a C compiler runs, passes the same tests (tests/test_fill.py: the C one gives the same models).
    pure = {"COGNITO_TYPED_PURE_PYTHON": "1"} if end == "oldest" else {}
    session.log(
        "models built in pure Python (COGNITO_TYPED_PURE_PYTHON=1)" if pure else "models built by the C builder"
    )
    session.run("pytest", "-p", "no:cacheprovider", *RUNTIME_TESTS, *session.posargs, env=pure)


def _check_install_keeps_botocore(session: nox.Session, expected: str) -> None:
    """pip install the built wheel (with its dependencies) where botocore ``expected`` is installed; botocore
    must be the same afterwards."""
    dist = Path(session.virtualenv.location) / "dist"  # not create_tmp(): that would set TMPDIR for the tests
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist), ".")
    (wheel,) = dist.glob("cognito_typed-*.whl")
    session.install(str(wheel))
    after = str(session.run("python", "-c", "import botocore; print(botocore.__version__)", silent=True)).strip()
    if after != expected:
        session.error(f"installing {wheel.name} changed botocore {expected} to {after}")
    session.run("python", "-m", "pip", "check")
    session.log(f"installing {wheel.name} kept botocore {after}")
    session.run("python", "-m", "pip", "uninstall", "--yes", "--quiet", "cognito-typed")


@nox.session
def build(session: nox.Session) -> None:
    """Build the runtime's wheels and sdist and the stubs' wheel and sdist into dist/ (arguments: none).

    The runtime has two wheels: this platform's, with the C builder of the models when a C compiler is at
    hand (cognito_typed._runtime.fill), and a py3-none-any one without it, for any platform."""
    _install(session, "build")
    dist = ROOT / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(dist), ".")
    session.run("python", "-m", "build", "--wheel", "--outdir", str(dist), ".", env={"COGNITO_TYPED_PURE_PYTHON": "1"})
    session.run("python", "-m", "build", "--outdir", str(dist), "stubs")
    for path in sorted(dist.iterdir()):
        session.log(f"built {path.relative_to(ROOT)}")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check (arguments after -- replace the default path '.')."""
    _install(session, _pin("ruff"))
    paths = session.posargs or ["."]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy and pyright, strict, over the paths pyproject.toml gives them (arguments after -- go to both)."""
    _install(session, *DEV)
    session.run("mypy", *session.posargs)  # [tool.mypy] files: src/cognito_typed and codegen
    session.run("pyright", *session.posargs)  # [tool.pyright] include: src/cognito_typed and codegen


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate the code from botocore's model (`nox -s generate -- --check` only checks it is fresh)."""
    _install(session, *DEV)
    session.run("python", "-m", "codegen", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks in bench/ (figures only, never a pass/fail); `-- NAME` runs bench/NAME.py alone.

    ``corpus`` (real public code, read from git mirrors: see bench/corpus.py) runs only when named.
    """
    scripts = sorted(p for p in (ROOT / "bench").glob("*.py") if not p.name.startswith("_"))
    if not session.posargs:
        scripts = [p for p in scripts if p.stem not in ON_REQUEST]
    if session.posargs:
        wanted = {name.removesuffix(".py") for name in session.posargs}
        unknown = wanted - {p.stem for p in scripts}
        if unknown:
            session.error(
                f"no such benchmark: {', '.join(sorted(unknown))} (have: {', '.join(p.stem for p in scripts)})"
            )
        scripts = [p for p in scripts if p.stem in wanted]
    _install(session, *DEV)
    for script in scripts:
        session.run("python", str(script.relative_to(ROOT)))


@nox.session
def demo(session: nox.Session) -> None:
    """The demo against moto's in-process Cognito: no AWS account, no network."""
    _install(session, "-e", ".", _pin("boto3"), _pin("botocore"), _pin("moto"))
    session.run("python", "demo/demo.py", *session.posargs)


@nox.session(name="typing-boto3-stubs")
@nox.parametrize("beside", ["boto3-stubs", "mypy-boto3-cognito-idp"])
def typing_boto3_stubs(session: nox.Session, beside: str) -> None:
    """The type-checker snapshots again with the real boto3-stubs and botocore-stubs installed beside ours, and
    (``beside=mypy-boto3-cognito-idp``) mypy-boto3-cognito-idp too. The stubs are installed as a user installs
    them (not editable): a PEP 561 ``-stubs`` package only takes precedence from site-packages."""
    extra = ["mypy-boto3-cognito-idp"] if beside == "mypy-boto3-cognito-idp" else []
    _install(session, "-e", ".", "-r", "requirements-dev.txt", "boto3-stubs", "botocore-stubs", *extra)
    session.install("--no-deps", "--force-reinstall", "./stubs")  # always the current files
    # test_stubs: the stub package passes mypy --strict against the real botocore-stubs, and has every
    # name of the installed mypy-boto3-cognito-idp.
    session.run(
        "pytest", "-p", "no:cacheprovider", "tests/test_typing_snapshots.py", "tests/test_stubs.py", *session.posargs
    )
