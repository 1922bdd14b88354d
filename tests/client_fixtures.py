"""What the typed-client tests share: the IR, real botocore clients, fake AWS settings, and
deterministic example wire values built from the model.

Imported by the ``test_client_*`` modules and ``test_moto_e2e``; it is not a conftest so
that it stays out of the way of the suite-wide one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # codegen is not an installed package; the tests read the IR from it
    sys.path.insert(0, str(ROOT))

import botocore.session  # noqa: E402
from support import INSTALLED_SERVICE, SERVICE, given  # noqa: E402

from codegen import naming  # noqa: E402
from codegen.ir import Operation, Service, Shape  # noqa: E402
from cognito_typed import models  # noqa: E402
from cognito_typed._runtime.base import Model, Request  # noqa: E402
from cognito_typed._runtime.client import Pages  # noqa: E402
from cognito_typed._runtime.patterns import java_pattern  # noqa: E402
from cognito_typed.client import CognitoIdentityProvider  # noqa: E402

REGION = "us-east-1"
FAKE_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": REGION,
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}


@cache
def load_ir() -> Service:
    """The IR of the installed botocore's model (the generator's own view of it): the pinned botocore's in the
    tests session; under ``nox -s tests_botocore_range`` an older one's, whose operations are all botocore can
    send (the typed client has every one of them)."""
    return INSTALLED_SERVICE


def operation(name: str) -> Operation:
    """An operation of the model the package was generated from (the typed models' own view)."""
    return next(op for op in SERVICE.operations if op.name == name)


def py_name(wire: str) -> str:
    return naming.snake(wire)


def botocore_client(**kwargs: Any) -> Any:
    """A real botocore ``cognito-idp`` client with fake credentials (nothing it sends would be signed for real)."""
    session = botocore.session.get_session()
    return session.create_client(
        "cognito-idp",
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        **kwargs,
    )


def run_python(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    """This venv's interpreter in a fresh process, from the repository root, with fake AWS settings."""
    result = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, **FAKE_ENV},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"{args} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


@cache
def shared_client() -> Any:
    """One botocore client for the tests that only stub it (making one costs ~0.15 s).

    Use it under ``with Stubber(shared_client())``: the stubber's handlers go away on exit.
    """
    return botocore_client()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake credentials and region; no profile, no config files, no instance metadata."""
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_PROFILE", raising=False)
    for name, value in FAKE_ENV.items():
        monkeypatch.setenv(name, value)


# --- deterministic example values -------------------------------------------------------

# Strings tried, in order, for a string shape; the first that fits the shape's pattern and
# length is used. They are ordinary values of the kinds the model's patterns describe.
_CANDIDATES = (
    "example",
    "Example-1",
    "us-east-1_Example1",
    "us-east-1_0a1b2c3d-4e5f",
    "import-0a1b2c3d",
    "user@example.com",
    "https://example.com/callback",
    "arn:aws:iam::123456789012:role/example-role",
    "arn:aws:s3:::example-bucket",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret/example-secret",
    "0f8fad5b-d9cb-469f-a165-70867728950e",
    "123456",
    "Level1",
    "cognito:default",
    "cognito:english",
    "terms-of-use",
    "privacy-policy",
    "tkn0123456789abcdefghijklmno",
    "Your code is {####}",
    "Click {##here##} to verify",
    "JBSWY3DPEHPK3PXPJBSWY3DP",
    "0123456789abcdefABCDEFGH",
    "a1b2c3",
)
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


class Examples:
    """Deterministic wire values of any shape, obeying the model's constraints.

    ``full=True`` fills every member of every structure, ``full=False`` only the required
    ones. Lists and maps get ``items`` entries (within the model's bounds); strings are
    at least ``text`` characters long where the shape allows it (padding keeps the pattern).
    """

    def __init__(self, *, full: bool = True, items: int = 2, text: int = 0, svc: Service | None = None) -> None:
        self.svc = load_ir() if svc is None else svc  # the installed model's (what botocore takes), by default
        self.full, self.items, self.text = full, items, text

    def __call__(self, name: str, index: int = 0) -> Any:
        shape = self.svc.shapes[name]
        c = shape.constraints
        match shape.kind:
            case "structure":
                return {m.wire_name: self(m.shape, index) for m in shape.members if m.required or self.full}
            case "string":
                return self.string(shape, index)
            case "enum":
                return shape.enum[index % len(shape.enum)]
            case "integer" | "long":
                lo = c.min if c.min is not None else 0
                hi = c.max if c.max is not None else lo + 1000
                return min(hi, max(lo, 5 + index))
            case "boolean":
                return True
            case "blob":
                size = max(c.min or 0, min(c.max or 16, 16))
                return bytes((index + i) % 256 for i in range(size))
            case "timestamp":
                return WHEN
            case "document":
                return {"key": "value", "n": index}
            case "list":
                assert shape.item is not None
                count = self._count(shape)
                return self.distinct(shape.item, count)
            case "map":
                assert shape.key is not None and shape.value is not None
                keys = self.distinct(shape.key, self._count(shape))
                return {k: self(shape.value, i) for i, k in enumerate(keys)}
        raise AssertionError(f"{name}: unknown kind {shape.kind}")

    def _count(self, shape: Shape) -> int:
        lo, hi = shape.constraints.min or 0, shape.constraints.max
        return max(lo, self.items if hi is None else min(hi, self.items))

    def distinct(self, name: str, count: int) -> list[Any]:
        """``count`` values of shape ``name``, pairwise different where the shape allows it."""
        out: list[Any] = []
        for i in range(count * 20):
            if len(out) == count:
                break
            value = self(name, i)
            if value not in out:
                out.append(value)
        while len(out) < count:  # a shape with fewer distinct values than asked for
            out.append(self(name, len(out)))
        return out

    def string(self, shape: Shape, index: int = 0) -> str:
        """The first candidate that fits ``shape``; for ``index`` > 0 a numbered variant of it,
        or failing that the index-th candidate that fits."""
        c = shape.constraints
        fits = [v for v in (self._fit(base, shape) for base in _CANDIDATES) if v is not None]
        if not fits:
            raise LookupError(f"no example value for string shape {shape.name} ({c})")
        if index == 0:
            return fits[0]
        suffix = str(index + 1)
        for base in _CANDIDATES:
            for variant in (base + suffix, base[:-1] + suffix, suffix + base):
                value = self._fit(variant, shape)
                if value is not None:
                    return value
        return fits[index % len(fits)]

    def _fit(self, value: str, shape: Shape) -> str | None:
        """``value`` (padded up to the wanted length) if it obeys ``shape``'s constraints, else None."""
        c = shape.constraints
        lo, hi = c.min or 0, c.max
        pattern = java_pattern(c.pattern) if c.pattern else None
        if len(value) < max(lo, self.text):
            value = self._pad(value, max(lo, self.text), hi, pattern)
        if len(value) < lo or (hi is not None and len(value) > hi):
            return None
        if pattern is not None and not pattern.fullmatch(value):
            return None
        return value

    @staticmethod
    def _pad(value: str, size: int, hi: int | None, pattern: Any) -> str:
        target = size if hi is None else min(size, hi)
        for filler in ("x", "0", "a", " "):
            padded = value + filler * (target - len(value))
            if pattern is None or pattern.fullmatch(padded):
                return padded
        return value

    def request(self, operation_name: str) -> dict[str, Any]:
        return self(operation(operation_name).input)

    def response(self, operation_name: str) -> dict[str, Any]:
        output = operation(operation_name).output
        return {} if output is None else self(output)


def request_class(operation_name: str) -> type[Request[Any]]:
    cls: type[Request[Any]] = getattr(models, operation(operation_name).input)
    return cls


def response_class(operation_name: str) -> type[Model]:
    """The model the typed method returns: its output's, or the shared EmptyResponse (no output shape)."""
    output = operation(operation_name).output
    return models.EmptyResponse if output is None else getattr(models, output)


def call(client: CognitoIdentityProvider, operation_name: str, wire: dict[str, Any]) -> Any:
    """Call the generated method for ``operation_name`` with the request given as a wire dict
    (turned into the method's keyword arguments: Python names, nested models)."""
    request = request_class(operation_name).from_wire(wire)
    return getattr(client, request.__method__)(**given(request))


def paginate(client: CognitoIdentityProvider, operation_name: str, wire: dict[str, Any]) -> Pages[Any, Any]:
    """``client.paginate_<op>(...)`` with the request given as a wire dict."""
    request = request_class(operation_name).from_wire(wire)
    pages: Pages[Any, Any] = getattr(client, "paginate_" + request.__method__)(**given(request))
    return pages
