"""Other botocore releases' cognito-idp models, for the tests that generate from them.

``release(version)`` downloads the botocore wheel from PyPI once (``pip download``; the wheel is
kept in ``$COGNITO_TYPED_BOTOCORE_CACHE``, default ``~/.cache/cognito-typed/botocore``) and unpacks
its ``botocore/__init__.py`` and ``botocore/data/cognito-idp`` into a folder laid out like the
package, so that ``python -m codegen --model`` tells the release from the path and a botocore
client can load the model through ``AWS_DATA_PATH``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

CACHE = Path(os.environ.get("COGNITO_TYPED_BOTOCORE_CACHE", Path.home() / ".cache" / "cognito-typed" / "botocore"))
API = "2016-04-18"
MODEL_NAMES = ("service-2.json", "service-2.json.gz")  # newer releases ship the model compressed


@cache
def release(version: str) -> Path:
    """The folder holding ``botocore/__init__.py`` and ``botocore/data/cognito-idp/`` of ``version``."""
    target = CACHE / version
    folder = target / "botocore" / "data" / "cognito-idp" / API
    if any((folder / name).is_file() for name in MODEL_NAMES):
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    wheels = sorted(CACHE.glob(f"botocore-{version}-*.whl"))
    if not wheels:
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"),
                *("--dest", str(CACHE), f"botocore=={version}"),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        wheels = sorted(CACHE.glob(f"botocore-{version}-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        for name in wheel.namelist():
            if name == "botocore/__init__.py" or name.startswith("botocore/data/cognito-idp/"):
                wheel.extract(name, target)
    return target


def model_file(version: str) -> Path:
    folder = release(version) / "botocore" / "data" / "cognito-idp" / API
    return next(folder / name for name in MODEL_NAMES if (folder / name).is_file())


def data_path(version: str) -> Path:
    """A folder to put on ``AWS_DATA_PATH`` so that a botocore client loads ``version``'s model."""
    return release(version) / "botocore" / "data"
