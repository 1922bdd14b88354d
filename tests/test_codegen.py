"""The generator: golden record, determinism, --check, --out, --model, pinning, naming, IR."""

from __future__ import annotations

import ast
import dataclasses
import gzip
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, get_args

import botocore
import pytest
import support
from support import GENERATED, HEADER, PACKAGE, ROOT, SERVICE, TARGETS, copy_package, literal_values, run_python

import codegen
import cognito_typed.literals
import cognito_typed.type_defs
from codegen import naming, output
from codegen.loader import load
from codegen.parse import parse
from codegen.presence import always_present
from codegen.types import TypedDictNames

pytestmark = support.pinned_botocore

EXPECTED_FILES = sorted(TARGETS)
N = len(EXPECTED_FILES)


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    _, files = codegen.generate()
    return files


@pytest.fixture(scope="module")
def raw_model() -> dict[str, Any]:
    return load().service


# --- golden record ---------------------------------------------------------------------------


def test_committed_output_is_what_the_generator_makes(generated: dict[str, str]) -> None:
    assert {"errors.py", "literals.py", "models/__init__.py", "models/_kinds.py", "type_defs.py"} <= set(GENERATED)
    modules = [name for name in GENERATED if name.startswith("models/_") and name != "models/__init__.py"]
    assert len(modules) == 399 + 2  # one per structure, the shared EmptyResponse, and _kinds
    assert sorted(generated) == EXPECTED_FILES
    assert output.diff(ROOT, generated) == []
    for rel, text in generated.items():
        assert (ROOT / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run `python -m codegen`"


def test_generation_is_deterministic(generated: dict[str, str]) -> None:
    again = codegen.build(codegen.read())
    assert again == generated
    assert {k: v.encode() for k, v in again.items()} == {k: v.encode() for k, v in generated.items()}


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """Set and dict iteration must not leak into the output: two runs with different PYTHONHASHSEEDs."""
    for seed in ("1", "2"):
        run_python("-m", "codegen", "--out", str(tmp_path / seed), env={"PYTHONHASHSEED": seed}, check=True)
    for rel in EXPECTED_FILES:
        assert (tmp_path / "1" / rel).read_bytes() == (tmp_path / "2" / rel).read_bytes(), rel


def test_cli_out_writes_the_committed_files(tmp_path: Path) -> None:
    result = run_python("-m", "codegen", "--out", str(tmp_path), check=True)
    assert "153 operations, 399 structures, 70 enums, 60 exceptions" in result.stdout
    assert f"{N} of {N} files changed" in result.stdout
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == EXPECTED_FILES
    for rel in written:
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    again = run_python("-m", "codegen", "--out", str(tmp_path), check=True)
    assert f"0 of {N} files changed" in again.stdout  # a second run rewrites nothing


def test_check_passes_on_a_fresh_copy(tmp_path: Path) -> None:
    copy_package(tmp_path)
    result = run_python("-m", "codegen", "--check", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"generated code is fresh ({N} files" in result.stdout


def test_formatting_does_not_depend_on_where_the_temporary_folder_is(tmp_path: Path) -> None:
    """ruff skips the files of a folder this checkout's .gitignore ignores: a TMPDIR there (a nox session's,
    under .nox/) must still give formatted output."""
    copy_package(tmp_path)
    (ROOT / ".nox").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / ".nox") as ignored:
        result = run_python("-m", "codegen", "--check", "--out", str(tmp_path), env={"TMPDIR": ignored})
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_lists_a_modified_file(tmp_path: Path) -> None:
    package = copy_package(tmp_path)
    module = "models/_create_user_pool_client_request.py"
    models = package / module
    models.write_text(models.read_text().replace("auth_session_validity", "auth_session_validty", 1))
    result = run_python("-m", "codegen", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"stale: src/cognito_typed/{module}"]
    assert "generated code is stale" in result.stderr
    assert (PACKAGE / module).read_text() != models.read_text()  # the real tree is untouched


def test_check_lists_a_missing_file(tmp_path: Path) -> None:
    package = copy_package(tmp_path)
    (package / "literals.py").unlink()
    result = run_python("-m", "codegen", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "stale: src/cognito_typed/literals.py" in result.stdout.splitlines()


def test_stale_generated_files_are_listed_and_deleted(tmp_path: Path) -> None:
    package = copy_package(tmp_path)
    (package / "old_models.py").write_text(f"{HEADER} from an older botocore. Do not edit.\nX = 1\n")
    (package / "handwritten.py").write_text("# not generated\nY = 2\n")
    result = run_python("-m", "codegen", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["stale: src/cognito_typed/old_models.py"]

    run_python("-m", "codegen", "--out", str(tmp_path), check=True)
    assert not (package / "old_models.py").exists()
    assert (package / "handwritten.py").exists()  # only files with the generated header are removed
    assert run_python("-m", "codegen", "--check", "--out", str(tmp_path)).returncode == 0


def test_every_file_records_its_inputs(generated: dict[str, str]) -> None:
    header = f"{HEADER} from botocore {botocore.__version__} (cognito-idp 2016-04-18). Do not edit."
    for rel, text in generated.items():
        assert text.splitlines()[0] == header, rel


def test_document_shapes_warn_by_name(tmp_path: Path) -> None:
    result = run_python("-m", "codegen", "--out", str(tmp_path), check=True)
    assert "codegen: warning: shape Document is a document type" in result.stderr
    assert SERVICE.warnings == ("shape Document is a document type: typed Any, checked to be JSON",)


def test_builtin_model_ignores_user_model_paths(tmp_path: Path, raw_model: dict[str, Any]) -> None:
    """A user's ~/.aws/models or AWS_DATA_PATH must not change what is generated."""
    fake = json.loads(json.dumps(raw_model))
    fake["shapes"]["UserPoolClientType"]["members"]["Hijacked"] = {"shape": "StringType"}
    for base in (tmp_path / "data", tmp_path / "home" / ".aws" / "models"):
        target = base / "cognito-idp" / "2016-04-18"
        target.mkdir(parents=True)
        (target / "service-2.json").write_text(json.dumps(fake))
    copy_package(tmp_path / "out")
    env = {"AWS_DATA_PATH": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}
    result = run_python("-m", "codegen", "--check", "--out", str(tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stdout + result.stderr


# --- --model -----------------------------------------------------------------------------------


def future_model(raw: dict[str, Any]) -> dict[str, Any]:
    model = json.loads(json.dumps(raw))
    model["shapes"]["UserPoolClientType"]["members"]["FutureSetting"] = {
        "shape": "StringType",
        "documentation": "<p>A setting from the future.</p>",
    }
    model["shapes"]["ExplicitAuthFlowsType"]["enum"].append("ALLOW_FUTURE_FLOW")
    return model


def class_body(text: str, name: str) -> str:
    start = text.index(f"\nclass {name}(")
    end = text.find("\nclass ", start + 1)
    return text[start : end if end != -1 else len(text)]


@pytest.mark.parametrize("compressed", [False, True], ids=["json", "json.gz"])
def test_model_option_picks_up_new_members_and_enum_values(
    tmp_path: Path, raw_model: dict[str, Any], compressed: bool
) -> None:
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    data = json.dumps(future_model(raw_model)).encode()
    model_path = model_dir / ("service-2.json.gz" if compressed else "service-2.json")
    model_path.write_bytes(gzip.compress(data) if compressed else data)

    result = run_python("-m", "codegen", "--model", str(model_path), "--out", str(tmp_path / "out"), check=True)
    assert "0 paginators" in result.stdout  # no paginators-1.json beside it: none
    package = tmp_path / "out" / "src" / "cognito_typed"
    module = "models/_user_pool_client_type.py"
    models = (package / module).read_text()
    type_defs = (package / "type_defs.py").read_text()
    literals = (package / "literals.py").read_text()

    assert "    future_setting: str | None\n" in class_body(models, "UserPoolClientType")
    assert "        future_setting: str | None = None,\n" in class_body(models, "UserPoolClientType")  # __init__
    assert 'self.future_setting = data.get("FutureSetting")' in models
    assert "FutureSetting: NotRequired[str]" in class_body(type_defs, "UserPoolClientTypeDef")
    assert "ALLOW_FUTURE_FLOW" in literal_values(literals, "ExplicitAuthFlowsType")
    assert literal_values(literals, "TimeUnitsType") == ["days", "hours", "minutes", "seconds"]
    # the header names the model by its content, not by its path
    assert models.splitlines()[0].startswith(f"{HEADER} from a cognito-idp model (sha256 ")
    assert str(tmp_path) not in models
    # only the change differs from the committed output
    committed = (PACKAGE / module).read_text().splitlines()[1:]
    changed = [line for line in models.splitlines()[1:] if line not in committed]
    assert changed and all("future" in line.lower() for line in changed), changed


def test_model_option_reads_paginators_beside_it(tmp_path: Path, raw_model: dict[str, Any]) -> None:
    (tmp_path / "service-2.json").write_text(json.dumps(raw_model))
    paginators = load().paginators
    (tmp_path / "paginators-1.json").write_text(json.dumps(paginators))
    result = run_python(
        "-m", "codegen", "--model", str(tmp_path / "service-2.json"), "--out", str(tmp_path / "out"), check=True
    )
    assert f"{len(paginators['pagination'])} paginators" in result.stdout
    for name in GENERATED:  # a copy of the installed model is told for that release: GENERATED_FROM too
        text = (tmp_path / "out" / "src" / "cognito_typed" / name).read_text().split("\n", 1)[1]
        assert text == (PACKAGE / name).read_text().split("\n", 1)[1], name  # same, but for the header


def _model_at(folder: Path, service: dict[str, Any], paginators: dict[str, Any]) -> Path:
    folder.mkdir(parents=True)
    (folder / "service-2.json.gz").write_bytes(gzip.compress(json.dumps(service).encode()))
    (folder / "paginators-1.json").write_text(json.dumps(paginators))
    return folder / "service-2.json.gz"


LONG = "a folder name long enough that a header naming the path would break ruff's line length"


def test_the_same_model_at_two_paths_gives_the_same_bytes(tmp_path: Path, raw_model: dict[str, Any]) -> None:
    """A copy of the installed botocore's model, anywhere (not inside a botocore package), is told for what it
    is: the header names that release, so --check passes against the committed code; a changed model is named
    by its content. Neither output depends on the path, and ruff passes on it however long the path is."""
    paginators = load().paginators
    for name, service in (("installed", raw_model), ("changed", future_model(raw_model))):
        short = _model_at(tmp_path / name / "m", service, paginators)
        deep = _model_at(tmp_path / name / LONG / LONG / "cognito idp", service, paginators)
        outs = []
        for model in (short, deep):
            out = tmp_path / name / f"out-{len(outs)}"
            run_python("-m", "codegen", "--model", str(model), "--out", str(out), check=True)
            outs.append(out)
        texts = [{rel: (out / rel).read_text() for rel in TARGETS} for out in outs]
        assert texts[0] == texts[1], name
        assert not any(str(tmp_path) in text for text in texts[1].values())
        header = texts[1][f"{codegen.PACKAGE}/client.py"].split("\n", 1)[0]
        if name == "installed":
            assert header == f"{HEADER} from botocore {botocore.__version__} (cognito-idp 2016-04-18). Do not edit."
            copy_package(tmp_path / "committed")
            check = run_python("-m", "codegen", "--check", "--model", str(deep), "--out", str(tmp_path / "committed"))
            assert check.returncode == 0, check.stdout + check.stderr
        else:
            assert header.startswith(f"{HEADER} from a cognito-idp model (sha256 "), header
            check = run_python("-m", "codegen", "--check", "--model", str(short), "--out", str(outs[1]))
            assert check.returncode == 0, check.stdout + check.stderr
        lint = run_python("-m", "ruff", "check", "--isolated", "--line-length", "120", str(outs[1]))
        assert lint.returncode == 0, lint.stdout


# --- the IR --------------------------------------------------------------------------------------


def test_ir_counts_match_the_raw_model(raw_model: dict[str, Any]) -> None:
    raw_shapes = raw_model["shapes"]
    assert len(SERVICE.shapes) == len(raw_shapes) == 730
    assert list(SERVICE.shapes) == sorted(raw_shapes)
    assert len(SERVICE.operations) == len(raw_model["operations"]) == 153
    assert [op.name for op in SERVICE.operations] == sorted(raw_model["operations"])
    exceptions = {n for n, s in raw_shapes.items() if s.get("exception")}
    assert {s.name for s in SERVICE.exceptions()} == exceptions
    enums = {n for n, s in raw_shapes.items() if s["type"] == "string" and "enum" in s}
    assert {s.name for s in SERVICE.enums()} == enums
    for shape in SERVICE.structures():
        raw = raw_shapes[shape.name]
        assert [m.wire_name for m in shape.members] == list(raw["members"])
        assert {m.wire_name for m in shape.members if m.required} == set(raw.get("required", ()))


def test_ir_details() -> None:
    shapes = SERVICE.shapes
    assert shapes["AuthSessionValidityType"].kind == "integer"
    assert (shapes["AuthSessionValidityType"].constraints.min, shapes["AuthSessionValidityType"].constraints.max) == (
        3,
        15,
    )
    assert shapes["ClientSecretType"].sensitive
    assert shapes["UserPoolIdType"].constraints.pattern == r"[\w-]+_[0-9a-zA-Z]+"
    assert shapes["TimeUnitsType"].enum == ("days", "hours", "minutes", "seconds")
    assert shapes["CallbackURLsListType"].item == "RedirectUrlType"
    assert (shapes["AuthParametersType"].key, shapes["AuthParametersType"].value) == ("StringType", "StringType")
    assert shapes["Document"].kind == "document"
    assert shapes["UserNotFoundException"].exception
    assert shapes["UserNotFoundException"].error_code == "UserNotFoundException"
    create = next(op for op in SERVICE.operations if op.name == "CreateUserPoolClient")
    assert (create.input, create.output, create.py_name) == (
        "CreateUserPoolClientRequest",
        "CreateUserPoolClientResponse",
        "create_user_pool_client",
    )
    list_users = next(op for op in SERVICE.operations if op.name == "ListUsers")
    assert list_users.paginator is not None
    assert list_users.paginator.result_key == "Users"


def test_ir_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SERVICE.shapes["TimeUnitsType"].enum = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        SERVICE.operations[0].name = "x"  # type: ignore[misc]


def test_operation_names_are_botocore_method_names(client: Any) -> None:
    assert {op.py_name for op in SERVICE.operations} <= set(dir(client))
    for op in SERVICE.operations:
        assert botocore.xform_name(op.name) == op.py_name


def test_only_the_loader_imports_botocore() -> None:
    for path in sorted((ROOT / "codegen").glob("*.py")):
        tree = ast.parse(path.read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} | {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        }
        uses_botocore = any(name.split(".")[0] == "botocore" for name in imported)
        assert uses_botocore == (path.name == "loader.py"), path.name


def test_parse_does_not_change_its_input(raw_model: dict[str, Any]) -> None:
    raw = load()
    before = json.dumps(raw.service, sort_keys=True)
    parse(raw)
    assert json.dumps(raw.service, sort_keys=True) == before


# --- generated files agree with the IR ----------------------------------------------------------


def test_literals_match_the_enums() -> None:
    for shape in SERVICE.enums():
        alias = getattr(cognito_typed.literals, naming.literal_alias(shape.name))
        assert get_args(alias) == shape.enum
        assert list(shape.enum) == sorted(shape.enum)
    assert len(cognito_typed.literals.__all__) == len(SERVICE.enums()) == 70


def test_type_defs_match_the_structures() -> None:
    names = set(cognito_typed.type_defs.__all__)
    tds = TypedDictNames(SERVICE, always_present(SERVICE))
    for shape in SERVICE.structures():
        td = getattr(cognito_typed.type_defs, naming.typed_dict(shape.name))
        assert td.__name__ in names
        assert set(td.__annotations__) == {m.wire_name for m in shape.members}
        # The name without "Output" is the request side where a shape has both; responses add what AWS
        # always returns (codegen.presence, tested in test_presence.py).
        side = "in" if shape.name in tds.inputs else "out"
        assert td.__required_keys__ == {m.wire_name for m in shape.members if tds.required(shape.name, m, side)}
    assert "UserPoolClientTypeDef" in names
    assert "UserPoolClientTypeTypeDef" not in names  # no stutter


# --- naming -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("AuthSessionValidity", "auth_session_validity"),
        ("CallbackURLs", "callback_urls"),
        ("LogoutURLs", "logout_urls"),
        ("DefaultRedirectURI", "default_redirect_uri"),
        ("AllowedOAuthFlows", "allowed_oauth_flows"),
        ("AllowedOAuthFlowsUserPoolClient", "allowed_oauth_flows_user_pool_client"),
        ("IdpIdentifiers", "idp_identifiers"),
        ("SMSMfaSettings", "sms_mfa_settings"),
        ("MFAOptions", "mfa_options"),
        ("UserMFASettingList", "user_mfa_setting_list"),
        ("CIMDPolicyId", "cimd_policy_id"),
        ("URL", "url"),
        ("ClientId", "client_id"),
        ("From", "from_"),
        ("Class", "class_"),
        ("Validate", "validate_"),
        ("ToWire", "to_wire_"),
    ],
)
def test_snake_case(wire: str, python: str) -> None:
    assert naming.snake(wire) == python


def test_names_do_not_depend_on_the_python_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated code must be the same whichever supported Python (>= 3.11) runs the generator.
    Python 3.12 made ``type`` a soft keyword, and the model has members named ``Type``."""
    import keyword

    assert "type" in {m.py_name.rstrip("_") for s in SERVICE.structures() for m in s.members}
    before = {w: naming.snake(w) for w in ("Type", "Match", "Case", "From", "ClientId")}
    monkeypatch.setattr(keyword, "softkwlist", ["_", "case", "match", "type"])
    monkeypatch.setattr(keyword, "issoftkeyword", frozenset(["_", "case", "match", "type"]).__contains__)
    assert {w: naming.snake(w) for w in before} == before


def test_python_names_never_shadow_model_methods() -> None:
    """A member whose name equals a method of Model would replace that method on the class
    (e.g. a ``CheckInto`` member would break nested validation)."""
    from cognito_typed import Model

    methods = sorted(n for n in vars(Model) if not n.startswith("_") and callable(getattr(Model, n)))
    assert {"to_wire", "from_wire", "validate"} <= set(methods)
    wires = ["".join(part.capitalize() for part in name.split("_")) for name in methods]
    shadowing = [f"member {w!r} would shadow Model.{naming.snake(w)}()" for w in wires if naming.snake(w) in methods]
    assert shadowing == []


def test_python_names_are_unique_and_valid() -> None:
    for shape in SERVICE.structures():
        names = [m.py_name for m in shape.members]
        assert len(set(names)) == len(names)
        assert all(n.isidentifier() and not n.startswith("_") for n in names)


def test_typed_dict_names() -> None:
    assert naming.typed_dict("UserPoolClientType") == "UserPoolClientTypeDef"
    assert naming.typed_dict("CreateUserPoolClientRequest") == "CreateUserPoolClientRequestTypeDef"
    assert naming.typed_dict("UserPoolClientType", output_variant=True) == "UserPoolClientOutputTypeDef"


def test_generator_runs_from_a_copy_of_the_checkout(tmp_path: Path) -> None:
    """The templates live beside the generator; nothing outside codegen/ and the output is needed."""
    shutil.copytree(ROOT / "codegen", tmp_path / "codegen", ignore=shutil.ignore_patterns("__pycache__"))
    copy_package(tmp_path)
    result = run_python("-m", "codegen", "--check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
