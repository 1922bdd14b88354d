"""Small hand-written models (tests/fixtures/*/service-2.json) -> generate -> import -> round trip.

Each fixture is generated into a temporary project with ``--model``; the generated modules
are imported from there in a subprocess (with the temporary ``src`` first on the path), so
the committed package is never shadowed in this process.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support import FIXTURES, HEADER, ROOT, copy_runtime, literal_values, run_python

import codegen
from codegen import output

EDGE = FIXTURES / "edge" / "service-2.json"
WIRE_KEYWORDS = FIXTURES / "wire_keywords" / "service-2.json"
# The files that hold the models (package-relative); the others (typed client, merges) are tested on the real model.
MODEL_FILES = ("literals.py", "type_defs.py", "errors.py", "models/")


def build_model_files(model: Path) -> tuple[list[str], dict[str, str]]:
    """``codegen.build`` restricted to the model files: parse, render, format."""
    service = codegen.read(model)
    prefix = f"{codegen.PACKAGE}/"
    rendered = {
        rel: text
        for rel, text in codegen.render(service).items()
        if rel.startswith(prefix) and rel[len(prefix) :].startswith(MODEL_FILES)
    }
    return list(service.warnings), output.format_files(rendered)


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, str]]:
    root = tmp_path_factory.mktemp("edge")
    warnings, files = build_model_files(EDGE)
    copy_runtime(root)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    package = f"{codegen.PACKAGE}/"
    return root, warnings, {rel[len(package) :]: text for rel, text in files.items()}


def run_in(root: Path, code: str) -> Any:
    """Run ``code`` against the package generated under ``root``; it prints one JSON value."""
    result = run_python("-c", code, cwd=root, env={"PYTHONPATH": str(root / "src")}, check=True)
    return json.loads(result.stdout)


def test_cli_generates_every_file_from_a_small_model(tmp_path: Path) -> None:
    """The whole pipeline, typed client and merges included, works for a model other than cognito-idp's."""
    result = run_python("-m", "codegen", "--model", str(EDGE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "2 operations" in result.stdout
    package = tmp_path / "src" / "cognito_typed"
    written = {p.relative_to(package).as_posix() for p in package.rglob("*.py")}
    assert {"literals.py", "type_defs.py", "errors.py", "client.py", "merges.py", "models/__init__.py"} <= written
    assert {"models/_put_thing_request.py", "models/_thing_type.py", "models/_kinds.py"} <= written


def test_document_member_is_any_with_a_warning(edge: tuple[Path, list[str], dict[str, str]]) -> None:
    _, warnings, files = edge
    assert warnings == ["shape ExtraDocument is a document type: typed Any, checked to be JSON"]
    assert "    extra: Any | None\n" in files["models/_put_thing_request.py"]
    assert "    Extra: NotRequired[Any]\n" in files["type_defs.py"]


def test_document_warning_goes_to_stderr(tmp_path: Path) -> None:
    result = run_python("-m", "codegen", "--model", str(EDGE), "--out", str(tmp_path))
    warning = "codegen: warning: shape ExtraDocument is a document type: typed Any, checked to be JSON"
    assert result.stderr.splitlines()[0] == warning
    assert warning not in result.stdout


def test_keyword_members_are_escaped(edge: tuple[Path, list[str], dict[str, str]]) -> None:
    _, _, files = edge
    models, thing, type_defs = (
        files["models/_put_thing_request.py"],
        files["models/_thing_type.py"],
        files["type_defs.py"],
    )
    assert "    from_: str\n" in models
    assert "    class_: str | None\n" in thing
    assert "    global_: int | None\n" in thing
    assert 'self.from_ = v if (v := data["From"]) is not None else null("From")' in models
    # TypedDicts keep the wire names
    assert "    From: str\n" in type_defs
    assert "    Class: NotRequired[str]\n" in type_defs


def test_generated_fixture_has_the_expected_types(edge: tuple[Path, list[str], dict[str, str]]) -> None:
    _, _, files = edge
    models, response = files["models/_put_thing_request.py"], files["models/_put_thing_response.py"]
    assert "    secret: str | None\n" in models
    hidden = '    _hidden = (\n        "secret",\n        "pin",\n        "consent",\n        "born",\n    )\n'
    assert hidden in models  # the sensitive members: left out of repr
    assert "    color: ColorType | None\n" in models
    assert "    payload: bytes | None\n" in models
    assert "    when: datetime | str | float | None\n" in models  # requests take text and epoch seconds too
    assert "    created: datetime | None\n" in response  # responses give datetimes
    assert "    groups: Sequence[Mapping[str, ThingType]] | None\n" in models  # request side
    assert "    thing: ThingType | None\n" in response
    assert "    big: int | None\n" in models
    assert "        big: int | None = None,\n" in models  # the default is __init__'s
    assert literal_values(files["literals.py"], "ColorType") == ["BLUE", "GREEN", "RED"]
    assert "class PutThingRequest(Request[PutThingResponse]):" in models
    assert "class DeleteThingRequest(Request[EmptyResponse]):" in files["models/_delete_thing_request.py"]
    header = models.splitlines()[0]
    assert header.startswith(f"{HEADER} from a cognito-idp model (sha256 ")  # no path: the same from anywhere
    assert header.endswith("(edge 2024-01-01). Do not edit.")


ROUND_TRIP = """
import dataclasses
import json
from datetime import datetime, timezone
from typing import get_args

import cognito_typed
from cognito_typed import ValidationError, errors, literals, models, type_defs

wire = {
    "Name": "abc",
    "From": "me",
    "Secret": "hunter2hunter2",
    "Color": "RED",
    "Payload": b"\\x00\\x01",
    "When": datetime(2024, 2, 29, 12, 0, tzinfo=timezone.utc),
    "Extra": {"free": [1, "form", None, {"x": 1.5}]},
    "Groups": [{"one": {"Label": "l", "Class": "c", "Global": 3}}, {"two": {"Label": "m"}}],
    "Count": 5,
    "Enabled": True,
    "Big": 2**40,
    "Pin": 4321,
    "Consent": True,
    "Born": datetime(1987, 6, 5, tzinfo=timezone.utc),
}
m = models.PutThingRequest.from_wire(wire)
m.validate()
bad = dataclasses.replace(
    m,
    name="ABC",
    from_=1,
    secret="short",
    color="PURPLE",
    payload=bytes(17),
    extra=object(),
    groups=[{}, {"ok": models.ThingType(label=None, class_="c", global_=0)}],
    count=9,
    enabled="yes",
    big="2",
    pin=123456,
    consent="sure",
    born="not a date",  # botocore (dateutil) would take 05/06/1987; this it refuses
    when=None,
)
try:
    bad.validate()
    found = []
except ValidationError as error:
    found = [[v.path, v.rule] for v in error.violations]
    message = str(error)
try:
    models.PutThingRequest(name="abc")
    missing = ""
except TypeError as error:
    missing = str(error)
thing = m.groups[0]["one"]
print(json.dumps({
    "file": models.__file__,
    "round_trip": m.to_wire() == wire,
    "again": models.PutThingRequest.from_wire(m.to_wire()) == m,
    "from_": m.from_,
    "class_": thing.class_,
    "global_": thing.global_,
    "nested": type(thing).__name__,
    "when": m.when.isoformat(),
    "repr": repr(m),
    "violations": found,
    "message": message,
    "missing": missing,
    "built": models.PutThingRequest(name="abc", from_="me", color="GREEN").to_wire(),
    "operation": [models.PutThingRequest.__operation__, models.PutThingRequest.__response__.__name__],
    "delete": [models.DeleteThingRequest.__operation__, models.DeleteThingRequest.__response__.__name__],
    "response": models.PutThingResponse.from_wire({"Color": "ULTRAVIOLET", "Thing": {"Label": "x"}}).to_wire(),
    "errors": {code: [cls.__name__, cls.code] for code, cls in errors.ERRORS.items()},
    "literals": list(get_args(literals.ColorType)),
    "required": sorted(type_defs.PutThingRequestTypeDef.__required_keys__),
    "fields": [
        [f.name, f.default is dataclasses.MISSING, not f.repr] for f in dataclasses.fields(models.PutThingRequest)
    ],
    "wire": list(m.to_wire()),
}))
"""


@pytest.fixture(scope="module")
def observed(edge: tuple[Path, list[str], dict[str, str]]) -> dict[str, Any]:
    root, _, _ = edge
    result: dict[str, Any] = run_in(root, ROUND_TRIP)
    assert Path(result["file"]).is_relative_to(root)  # the generated module, not the committed one
    return result


def test_fixture_round_trips(observed: dict[str, Any]) -> None:
    assert observed["round_trip"] is True
    assert observed["again"] is True
    assert observed["nested"] == "ThingType"
    assert (observed["from_"], observed["class_"], observed["global_"]) == ("me", "c", 3)
    assert observed["when"] == "2024-02-29T12:00:00+00:00"
    assert observed["built"] == {"Name": "abc", "From": "me", "Color": "GREEN"}
    assert observed["response"] == {"Thing": {"Label": "x"}, "Color": "ULTRAVIOLET"}


def test_fixture_field_table(observed: dict[str, Any]) -> None:
    assert observed["fields"] == [
        ["name", True, False],
        ["from_", True, False],
        ["secret", False, True],
        ["color", False, False],
        ["payload", False, False],
        ["when", False, False],
        ["extra", False, False],
        ["groups", False, False],
        ["count", False, False],
        ["enabled", False, False],
        ["big", False, False],
        ["pin", False, True],
        ["consent", False, True],
        ["born", False, True],
    ]
    wires = ["Name", "From", "Secret", "Color", "Payload", "When", "Extra", "Groups", "Count", "Enabled", "Big"]
    assert observed["wire"] == [*wires, "Pin", "Consent", "Born"]
    assert observed["required"] == ["From", "Name"]
    assert "from_" in observed["missing"]


def test_fixture_validation(observed: dict[str, Any]) -> None:
    assert observed["violations"] == [
        ["Name", "pattern [a-z]+"],
        ["From", "type str"],
        ["Secret", "length >= 8"],
        ["Color", "one of BLUE, GREEN, RED"],
        ["Payload", "size <= 16"],
        ["Extra", "a JSON document (dict with str keys, list, str, int, float, bool, None)"],
        ["Groups[0]", "length >= 1"],
        ["Groups[1]['ok'].Label", "required"],
        ["Groups[1]['ok'].Global", "1..5"],
        ["Count", "1..5"],
        ["Enabled", "type bool"],
        ["Big", "type int"],
        ["Pin", "1000..9999"],
        ["Consent", "type bool"],
        ["Born", "type datetime"],
    ]
    assert "short" not in observed["message"]


def test_fixture_secret_hidden(observed: dict[str, Any]) -> None:
    assert "hunter2" not in observed["repr"]
    assert "secret=" not in observed["repr"]  # left out of repr


def test_fixture_sensitive_scalars_hidden(observed: dict[str, Any]) -> None:
    """Sensitive integers, booleans and timestamps (common in botocore models) hide like strings."""
    assert "4321" not in observed["repr"]
    assert "pin=" not in observed["repr"]
    assert "consent=" not in observed["repr"]
    assert "1987" not in observed["repr"]
    for shown in ("123456", "'sure'", "05/06/1987"):
        assert shown not in observed["message"], shown


def test_fixture_operations_and_errors(observed: dict[str, Any]) -> None:
    assert observed["operation"] == ["PutThing", "PutThingResponse"]
    assert observed["delete"] == ["DeleteThing", "EmptyResponse"]  # no output shape: what botocore adds
    assert observed["errors"] == {
        "ThingNotFound": ["ThingNotFoundException", "ThingNotFound"],
        "ThrottledException": ["ThrottledException", "ThrottledException"],
    }
    assert observed["literals"] == ["BLUE", "GREEN", "RED"]


def test_wire_names_that_are_python_keywords(tmp_path: Path) -> None:
    """botocore models have lower-case members named ``from``, ``in``, ``lambda``, ``None`` (apigateway,
    bedrock, ...): the models escape them, and the TypedDicts must still be valid Python with those keys."""
    warnings, files = build_model_files(WIRE_KEYWORDS)
    assert warnings == []
    copy_runtime(tmp_path)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    observed = run_in(
        tmp_path,
        "import json; from cognito_typed import models, type_defs;"
        "m = models.FilterRequest.from_wire({'from': 'a', 'in': ['b'], 'None': 'c'});"
        "print(json.dumps([m.to_wire(), m.from_, m.in_, m.none,"
        " sorted(type_defs.FilterRequestTypeDef.__required_keys__),"
        " sorted(type_defs.FilterRequestTypeDef.__optional_keys__)]))",
    )
    assert observed == [{"from": "a", "in": ["b"], "None": "c"}, "a", ["b"], "c", ["from"], ["None", "in"]]


@pytest.mark.typecheck
def test_generated_fixture_type_checks(edge: tuple[Path, list[str], dict[str, str]]) -> None:
    root, _, _ = edge
    package = root / "src" / "cognito_typed"
    targets = [str(package / name) for name in MODEL_FILES]
    targets += [str(package / "_runtime")]
    result = run_python(
        "-m",
        "mypy",
        "--config-file",
        str(ROOT / "pyproject.toml"),  # for its botocore/boto3 ignore_missing_imports
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        *targets,
        cwd=root / "src",
    )
    assert result.returncode == 0, result.stdout
