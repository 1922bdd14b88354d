"""The stub distribution (``stubs/``, cognito-idp-typed-stubs): it builds, installs, imports, lints
clean, and says the same as botocore about every operation, paginator and exception.

What the type checkers make of it is in test_typing_snapshots.py.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import typing
import zipfile
from pathlib import Path
from typing import Any

import botocore.session
import pytest

import codegen
from codegen import naming, stubs
from codegen.ir import Service
from codegen.loader import load
from codegen.parse import parse
from codegen.presence import always_present
from codegen.types import TypedDictNames, reachable

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "stubs"
PACKAGE = DIST / "cognito_idp_typed"
SERVICE: Service = codegen.read()

cognito_idp_typed = pytest.importorskip("cognito_idp_typed", reason="install the stubs: pip install -e ./stubs")


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def _defs(path: Path, cls: str) -> set[str]:
    """The names a class of a .pyi defines (methods and annotated attributes)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls).body
    names = {n.name for n in body if isinstance(n, ast.FunctionDef)}
    return names | {n.target.id for n in body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}


@pytest.fixture(scope="module")
def client() -> Any:
    return botocore.session.get_session().create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )


# --------------------------------------------------------------------------- agreement with botocore


def test_every_operation_is_a_client_method_and_nothing_else(client: Any) -> None:
    methods = _defs(PACKAGE / "client.pyi", "CognitoIdentityProviderClient")
    operations = {name for name in client.meta.method_to_api_mapping}
    base = {"meta", "exceptions", "waiter_names", "can_paginate", "close", "generate_presigned_url", "get_paginator"}
    assert methods == operations | base
    assert all(callable(getattr(client, name)) for name in methods - {"meta", "exceptions", "waiter_names"})


def test_get_paginator_overloads_are_exactly_the_pageable_operations(client: Any) -> None:
    text = (PACKAGE / "client.pyi").read_text(encoding="utf-8")
    names = set(re.findall(r'operation_name: Literal\["(\w+)"\]', text))
    pageable = {name for name in client.meta.method_to_api_mapping if client.can_paginate(name)}
    assert names == pageable
    for name in names:  # and the paginator class named for each exists
        assert naming.paginator_class(client.meta.method_to_api_mapping[name]) in text


def test_one_distinct_class_per_exception(client: Any) -> None:
    path = PACKAGE / "exceptions.pyi"
    attributes = _defs(path, "Exceptions") - {"ClientError"}
    botocore_names = {cls.__name__ for cls in client.exceptions._code_to_exception.values()}
    assert attributes == botocore_names
    classes = {n.name for n in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(n, ast.ClassDef)}
    assert botocore_names <= classes  # each its own class, not an alias of one base


def test_runtime_literals_are_the_model_enums() -> None:
    from cognito_idp_typed import literals

    for shape in SERVICE.enums():
        assert typing.get_args(getattr(literals, naming.literal_alias(shape.name))) == tuple(sorted(shape.enum))
    assert set(typing.get_args(literals.PaginatorName)) == {op.py_name for op in SERVICE.operations if op.paginator}


def test_runtime_typeddicts_require_the_model_and_what_aws_always_returns() -> None:
    """Requests require what the model requires; responses add codegen.presence (test_presence.py)."""
    from cognito_idp_typed import type_defs

    tds = TypedDictNames(SERVICE, always_present(SERVICE))
    for op in SERVICE.operations:
        request = getattr(type_defs, naming.typed_dict(op.input))
        shape = SERVICE.shapes[op.input]
        assert request.__required_keys__ == {m.wire_name for m in shape.members if m.required}, op.name
        assert request.__optional_keys__ == {m.wire_name for m in shape.members if not m.required}, op.name
        if op.output:
            response = getattr(type_defs, tds(op.output, "out"))
            out = SERVICE.shapes[op.output]
            want = {m.wire_name for m in out.members if tds.required(op.output, m, "out")}
            assert response.__required_keys__ == want | {"ResponseMetadata"}


def test_paginate_requests_leave_the_tokens_to_pagination_config() -> None:
    """The tokens are PaginationConfig's; the limit key stays optional (botocore passes it through as the page
    size, and PageSize sets it), also where the operation requires it (ListUserPools' MaxResults)."""
    from cognito_idp_typed import type_defs

    for op in SERVICE.operations:
        if op.paginator is None:
            continue
        td = getattr(type_defs, stubs.paginate_request(op))
        assert "PaginationConfig" in td.__annotations__
        assert not set(op.paginator.input_token) & td.__annotations__.keys(), op.name
        assert op.paginator.limit_key in td.__optional_keys__, op.name


def test_runtime_names_import_and_exceptions_do_not() -> None:
    import cognito_idp_typed.exceptions as exceptions
    from cognito_idp_typed import CognitoIdentityProviderClient, ListUsersPaginator

    assert CognitoIdentityProviderClient.__module__ == "cognito_idp_typed.client"
    assert ListUsersPaginator.__name__ == "ListUsersPaginator"
    with pytest.raises(AttributeError, match=r"client\.exceptions\.UserNotFoundException"):
        exceptions.UserNotFoundException  # noqa: B018
    with pytest.raises(ImportError):
        from cognito_idp_typed.exceptions import UserNotFoundException  # noqa: F401


# --------------------------------------------------------------------------- the generator's pattern rewrite


@pytest.mark.parametrize(
    ("java", "python"),
    [
        (r"[\w+=,.@-]+", r"[\w+=,.@-]+"),
        (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", r"[\x21-\x7e\x80-\U0010ffff]+"),
        (r"\p{N}+", r"[\x30-\x39\x80-\U0010ffff]+"),
        (r"[^_\p{Z}]+", r"[^_\x20]+"),
    ],
)
def test_python_pattern(java: str, python: str) -> None:
    assert stubs.python_pattern(java) == python


def test_plugin_and_its_data_name_the_same_client() -> None:
    from cognito_idp_typed import _constraints, mypy_plugin

    assert mypy_plugin.CLIENT == _constraints.CLIENT
    assert _constraints.MODEL.startswith("botocore ")


def test_every_model_pattern_is_in_the_plugin_data() -> None:
    from cognito_idp_typed._constraints import RULES

    checked = {rule.pattern for rule in RULES.values() if rule.pattern}
    inputs = reachable(SERVICE, [op.input for op in SERVICE.operations])
    in_requests = {SERVICE.shapes[n].constraints.pattern for n in inputs} - {None}
    assert checked == in_requests


@pytest.mark.parametrize(
    ("shape", "value"),
    [("UsernameType", "élodie"), ("EmailAddressType", "jöhn@exämple.com"), ("GroupNameType", "管理者")],
)
def test_non_ascii_is_never_the_reason_to_reject(shape: str, value: str) -> None:
    """A static check may only accept more than the service does, never less."""
    from cognito_idp_typed._constraints import RULES

    rule = RULES[shape]
    assert rule.pattern is not None and r"\p{" in rule.pattern
    assert re.fullmatch(rule.regex or rule.pattern, value, re.ASCII)


# --------------------------------------------------------------------------- other models


@pytest.mark.parametrize("fixture", ["edge", "wire_keywords"])
def test_stubs_from_small_models(tmp_path: Path, fixture: str) -> None:
    """Other models (keys that are keywords, no paginators, document shapes) give stubs that import and check."""
    from codegen import output, views

    service = parse(load(ROOT / "tests" / "fixtures" / fixture / "service-2.json"))
    common = {"header": views.header(service), "full_name": service.full_name}
    files = output.format_files(
        {path: output.render(template, {**common, **view(service)}) for path, (template, view) in stubs.TARGETS.items()}
    )
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    package = tmp_path / "stubs"
    imported = _run(sys.executable, "-c", "import cognito_idp_typed.type_defs, cognito_idp_typed.client", cwd=package)
    assert imported.returncode == 0, imported.stderr
    lint = _run(sys.executable, "-m", "ruff", "check", "--isolated", "--select", "PYI,F", ".", cwd=package)
    assert lint.returncode == 0, lint.stdout
    # Without site-packages, the shims stand in for boto3/botocore and the stub-only package is checked
    # as the module it stands for: plain stub folders on MYPYPATH.
    stand_ins = tmp_path / "stand-ins"
    for source, name in [
        (package / "cognito_idp_typed_shims" / "boto3-stubs", "boto3"),
        (package / "cognito_idp_typed_shims" / "botocore-stubs", "botocore"),
        (package / "mypy_boto3_cognito_idp-stubs", "mypy_boto3_cognito_idp"),
    ]:
        shutil.copytree(source, stand_ins / name)
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "--no-site-packages",
         "-p", "cognito_idp_typed", "-p", "mypy_boto3_cognito_idp"],
        cwd=package, capture_output=True, text=True, timeout=600, env={**os.environ, "MYPYPATH": str(stand_ins)},
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout


# --------------------------------------------------------------------------- the distribution


def test_generated_stubs_lint_clean_typeshed_style() -> None:
    result = _run(
        sys.executable, "-m", "ruff", "check", "--isolated", "--select", "PYI,F,E,W", "--line-length", "120", "stubs"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_stub_package_passes_mypy_strict() -> None:
    result = _run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        "-p",
        "cognito_idp_typed",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_builds_and_installs(tmp_path: Path) -> None:
    """The wheel carries the package, the partial boto3/botocore stubs inside it (never a top-level
    ``boto3-stubs``, which would clash with the real one), and the .pth that shows them to type checkers."""
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(DIST))
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("cognito_idp_typed_stubs-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cognito_idp_typed_shims.pth" in names
    assert zipfile.ZipFile(wheel).read("cognito_idp_typed_shims.pth").decode().strip() == "cognito_idp_typed_shims"
    assert {"cognito_idp_typed/py.typed", "cognito_idp_typed/client.pyi", "cognito_idp_typed/mypy_plugin.py"} <= names
    assert "cognito_idp_typed_shims/boto3-stubs/py.typed" in names
    assert {"cognito_idp_typed_shims/botocore-stubs/client.pyi", "mypy_boto3_cognito_idp-stubs/type_defs.pyi"} <= names
    assert not any(n.startswith(("boto3-stubs/", "botocore-stubs/")) or "__pycache__" in n for n in names)

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", str(venv)).returncode == 0
    python = venv / "bin" / "python"
    installed = _run(sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    probe = "import sys, cognito_idp_typed.type_defs; print([p for p in sys.path if p.endswith('shims')])"
    result = _run(str(python), "-c", probe)
    assert result.returncode == 0, result.stderr
    assert "site-packages/cognito_idp_typed_shims" in result.stdout


# --------------------------------------------------------------------------- mypy-boto3-cognito-idp's names


def _public(path: Path) -> set[str]:
    """A stub's ``__all__``."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"{path} has no __all__")


def test_compat_package_has_every_name_of_mypy_boto3_cognito_idp() -> None:
    """Code written against mypy-boto3-cognito-idp imports nothing our stand-in lacks (run where that package
    is installed: TYPING_PYTHON=... or the typing-boto3-stubs nox session with mypy-boto3)."""
    python = os.environ.get("TYPING_PYTHON", sys.executable)
    probe = "import os, mypy_boto3_cognito_idp as m; print(os.path.dirname(m.__file__))"
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True)
    if found.returncode != 0:
        pytest.skip(f"mypy-boto3-cognito-idp is not installed for {python}")
    theirs = Path(found.stdout.strip())
    ours = DIST / "mypy_boto3_cognito_idp-stubs"
    for module in ("__init__", "client", "paginator", "literals", "type_defs"):
        missing = _public(theirs / f"{module}.pyi") - _public(ours / f"{module}.pyi")
        assert not missing, f"{module}: {sorted(missing)}"


def test_compat_names_alias_ours() -> None:
    """Every mypy-boto3 TypedDict/Literal name is an alias of one of ours (no second definition)."""
    text = (DIST / "mypy_boto3_cognito_idp-stubs" / "type_defs.pyi").read_text(encoding="utf-8")
    assert "class " not in text
    assert "AttributeTypeTypeDef = _t.AttributeTypeDef" in text  # requests' name; responses use the Output one
    assert "AttributeTypeOutputTypeDef = _t.AttributeOutputTypeDef" in text
    assert "UserTypeTypeDef = _t.UserTypeDef" in text
    literals = (DIST / "mypy_boto3_cognito_idp-stubs" / "literals.pyi").read_text(encoding="utf-8")
    assert "AuthFlowTypeType: TypeAlias = _l.AuthFlowType" in literals
    assert "ChallengeNameType: TypeAlias = _l.ChallengeName\n" in literals  # theirs: shape ChallengeName
