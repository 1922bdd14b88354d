"""Load botocore's service model for cognito-idp. The only module that imports botocore."""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

SERVICE = "cognito-idp"


class _Loader(Protocol):
    """The one method of ``botocore.loaders.Loader`` used here (botocore ships no types)."""

    def load_service_model(self, service_name: str, type_name: str) -> dict[str, Any]: ...


@dataclass(frozen=True)
class RawModel:
    """The JSON documents the generator reads, and where they came from."""

    service: dict[str, Any]
    paginators: dict[str, Any]
    botocore_version: str
    source: str


def _read_json(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return cast("dict[str, Any]", json.loads(data))


def load(model_path: Path | None = None) -> RawModel:
    """Read the pinned botocore model, or the ``service-2.json[.gz]`` at ``model_path``.

    The builtin model is loaded with fixed search paths so that a user's
    ``~/.aws/models`` or ``AWS_DATA_PATH`` can never change the output.
    """
    import botocore  # pyright: ignore[reportMissingTypeStubs]
    from botocore.loaders import Loader  # pyright: ignore[reportMissingTypeStubs]

    if model_path is not None:
        service = _read_json(model_path)
        paginators: dict[str, Any] = {"pagination": {}}
        for name in ("paginators-1.json", "paginators-1.json.gz"):
            candidate = model_path.parent / name
            if candidate.exists():
                paginators = _read_json(candidate)
                break
        return RawModel(service, paginators, botocore.__version__, str(model_path))

    builtin = os.path.join(os.path.dirname(botocore.__file__), "data")
    loader = cast("_Loader", Loader(extra_search_paths=[builtin], include_default_search_paths=False))
    service = loader.load_service_model(SERVICE, "service-2")
    paginators = loader.load_service_model(SERVICE, "paginators-1")
    return RawModel(
        json.loads(json.dumps(service)),
        json.loads(json.dumps(paginators)),
        botocore.__version__,
        f"botocore {botocore.__version__}",
    )
