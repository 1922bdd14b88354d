from collections.abc import Callable, Iterable, Mapping
from typing import Any

class Plan:
    """Builds a ``cls`` from a response dict, or returns None (see cognito_typed._runtime.fill)."""

    cls: type
    def __new__(cls, model: type, entries: Iterable[tuple[str, str, int, bool, Any]], pause_at: int = 0, /) -> Plan: ...
    def __call__(self, data: Mapping[str, Any], /) -> Any: ...
    def to_wire(self, obj: object, /) -> dict[str, Any] | None: ...
    def init(self, obj: object, values: tuple[Any, ...], /) -> None: ...
    def set_checks(self, checks: Iterable[tuple[str, bool, bool, Spec]], /) -> bool: ...
    def accepts(self, obj: object, /) -> bool: ...

class Spec:
    """One kind of ``cognito_typed._runtime.validation``, as ``Plan.accepts`` judges it."""

    def __new__(
        cls,
        tag: str,
        sensitive: bool,
        lo: int | None,
        hi: int | None,
        set: set[str] | frozenset[str] | None,
        matcher: Callable[[str], object] | None,
        sub: Plan | None,
        item: Spec | None,
        value: Spec | None,
        run: bytes | None = None,
        run_min: int = 0,
        /,
    ) -> Spec: ...
