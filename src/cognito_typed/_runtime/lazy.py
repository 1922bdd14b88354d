"""Module attributes loaded on first use (PEP 562), for the generated ``cognito_typed.models``.

Type checkers never see this: the generated package imports every name under
``TYPE_CHECKING`` and defines ``__getattr__`` only outside it, so a misspelled name is an
error for them and every class has its real type.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["attach"]


def attach(package: str, where: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: ``where`` maps each name to its submodule.

    A name is imported from its submodule the first time it is read, then stored in the
    package, so later reads are ordinary attribute lookups.
    """
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
