from collections.abc import Iterable
from typing import Any

class Plan:
    """Builds a ``cls`` from a response dict, or returns None (see cognito_typed._runtime.fill)."""

    cls: type
    def __new__(cls, model: type, entries: Iterable[tuple[str, str, int, bool, Any]], /) -> Plan: ...
    def __call__(self, data: dict[str, Any], /) -> Any: ...
