"""The optional C builder of the models (cognito_typed._runtime.fill); everything else is in pyproject.toml.

``optional=True``: where no C compiler is at hand the install goes on without it, and the models are built by
their pure-Python ``from_wire`` (the same models). ``COGNITO_TYPED_PURE_PYTHON=1`` at build time leaves it out
(a ``py3-none-any`` wheel, as ``nox -s build`` makes beside the platform's wheel).
"""

import os

from setuptools import Extension, setup

FILL = Extension("cognito_typed._runtime._fill", ["src/cognito_typed/_runtime/_fill.c"], optional=True)

setup(ext_modules=[FILL] if os.environ.get("COGNITO_TYPED_PURE_PYTHON", "0") in ("", "0") else [])
