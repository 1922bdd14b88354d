"""Load botocore's service model for cognito-idp. The only module that imports botocore."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol, cast

SERVICE = "cognito-idp"


class _Loader(Protocol):
    """The one method of ``botocore.loaders.Loader`` used here (botocore ships no types)."""

    def load_service_model(self, service_name: str, type_name: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class RawModel:
    """The JSON documents the generator reads, and where they came from.

    ``source`` names the model without its path (``botocore 1.44.8``, or the model file's
    SHA-256 when no botocore release can be told), so the output is the same wherever the file is.
    """

    service: dict[str, Any]
    paginators: dict[str, Any]
    botocore_version: str
    source: str

    def input_digests(self) -> dict[str, str]:
        """Operation -> the digest of its input that the typed client compares with the live model's
        (``cognito_typed._runtime.installed.input_digest``, over botocore's reading of this model)."""
        from botocore.model import ServiceModel  # pyright: ignore[reportMissingTypeStubs]

        input_digest = _runtime_installed().input_digest
        model: Any = ServiceModel(self.service)
        return {name: input_digest(model.operation_model(name).input_shape) for name in model.operation_names}


@cache
def _runtime_installed() -> Any:
    """The checkout's own ``cognito_typed/_runtime/installed.py``, loaded from its file: the digest is
    the function the generated code will run with, whether or not (and whichever) cognito_typed is
    installed (the module imports only the standard library)."""
    path = Path(__file__).resolve().parent.parent / "src" / "cognito_typed" / "_runtime" / "installed.py"
    spec = importlib.util.spec_from_file_location("_cognito_typed_installed", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_json(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return cast("dict[str, Any]", json.loads(data))


_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


def _release_of(model_path: Path) -> str | None:
    """The botocore release a model file belongs to, when it sits in a botocore package's data
    folder (``.../botocore/data/cognito-idp/2016-04-18/service-2.json``)."""
    package = model_path.resolve().parents[3] if len(model_path.resolve().parents) > 3 else None
    init = package / "__init__.py" if package is not None else None
    if init is None or package is None or package.name != "botocore" or not init.is_file():
        return None
    found = _VERSION.search(init.read_text(encoding="utf-8"))
    return found.group(1) if found else None


def _builtin() -> tuple[dict[str, Any], dict[str, Any], str]:
    """The installed botocore's cognito-idp model and paginators, and its version.

    Loaded with fixed search paths so that a user's ``~/.aws/models`` or ``AWS_DATA_PATH`` can never change
    the output.
    """
    import botocore  # pyright: ignore[reportMissingTypeStubs]
    from botocore.loaders import Loader  # pyright: ignore[reportMissingTypeStubs]

    builtin = os.path.join(os.path.dirname(botocore.__file__), "data")
    loader = cast("_Loader", Loader(extra_search_paths=[builtin], include_default_search_paths=False))
    service = json.loads(json.dumps(loader.load_service_model(SERVICE, "service-2")))
    paginators = json.loads(json.dumps(loader.load_service_model(SERVICE, "paginators-1")))
    return service, paginators, str(botocore.__version__)


def load(model_path: Path | None = None, botocore_version: str | None = None) -> RawModel:
    """Read the installed botocore's model, or the ``service-2.json[.gz]`` at ``model_path``
    (``botocore_version``: the release it comes from, when it is not in a botocore package).

    The header names a model file's release, never its path: the one given, else the botocore package the
    file sits in, else the installed botocore when the file (and the paginators beside it) are its model,
    else the SHA-256 of the file's content. So the same model gives the same bytes wherever it lies.
    """
    if model_path is None:
        builtin_service, builtin_paginators, installed = _builtin()
        return RawModel(builtin_service, builtin_paginators, installed, f"botocore {installed}")
    service = _read_json(model_path)
    paginators: dict[str, Any] = {"pagination": {}}
    for name in ("paginators-1.json", "paginators-1.json.gz"):
        candidate = model_path.parent / name
        if candidate.exists():
            paginators = _read_json(candidate)
            break
    version = botocore_version or _release_of(model_path)
    if version is None:
        installed_service, installed_paginators, installed = _builtin()
        if (service, paginators) == (installed_service, installed_paginators):
            version = installed
    if version is not None:
        return RawModel(service, paginators, version, f"botocore {version}")
    content = json.dumps([service, paginators], sort_keys=True).encode()
    digest = hashlib.sha256(content).hexdigest()[:16]
    return RawModel(service, paginators, "unknown", f"a cognito-idp model (sha256 {digest})")
