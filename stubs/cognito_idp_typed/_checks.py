"""The model's rules for request values, checked against what a checker knows of an argument.

Shared by the mypy plugin (:mod:`cognito_idp_typed.mypy_plugin`) and the command line
(:mod:`cognito_idp_typed.check`): each turns its own syntax tree into the small value tree below,
then :class:`Checker` walks it along the model's shapes and reports, with the same messages, every
value that certainly breaks a rule. What a checker does not know exactly (a variable, a call, a
``**spread``) is :data:`UNKNOWN` and is never reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final, Generic, TypeVar

from cognito_idp_typed._constraints import OPERATIONS, PAGINATORS, RULES, Rule

__all__ = ["UNKNOWN", "Checker", "Known", "ListValue", "MapValue", "Problem", "Value", "operation_shape"]

_C = TypeVar("_C")  # the checker's own node, where a problem is reported


@dataclass(frozen=True)
class Known(Generic[_C]):
    """A str or int the checker knows exactly (a literal, a ``Final`` constant)."""

    value: str | int
    node: _C


@dataclass(frozen=True)
class ListValue(Generic[_C]):
    """A list/tuple/set display; ``items`` are values (possibly unknown)."""

    items: tuple[Value[_C], ...]
    node: _C


@dataclass(frozen=True)
class MapValue(Generic[_C]):
    """A dict display. ``complete`` is false when it has a ``**spread`` (its size is not known)."""

    items: tuple[tuple[Value[_C], Value[_C]], ...]
    node: _C
    complete: bool = True


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()

Value = Known[_C] | ListValue[_C] | MapValue[_C] | _Unknown

_SENSITIVE: Final = "<sensitive value>"


@dataclass(frozen=True)
class Problem(Generic[_C]):
    message: str  # e.g. '"list_users": Limit is 61, above the model\'s maximum 60 (QueryLimitType)'
    node: _C


def operation_shape(method: str, paginator: str | None = None) -> str | None:
    """The input shape whose rules apply to ``method`` (or to ``paginate`` of a paginator class)."""
    if paginator is not None:
        return PAGINATORS.get(paginator)
    return OPERATIONS.get(method)


class Checker(Generic[_C]):
    """Walks the keyword arguments of one call along the model's shapes; ``report`` gets each problem."""

    def __init__(self, method: str, report: Callable[[Problem[_C]], None]) -> None:
        self.method, self.report = method, report

    def arguments(self, shape: str, keywords: Iterator[tuple[str, Value[_C]]]) -> None:
        members = RULES[shape].members or {}
        for name, value in keywords:
            if name in members:
                self.value(members[name], value, name)

    def value(self, shape: str, value: Value[_C], path: str) -> None:
        rule = RULES.get(shape)
        if rule is None or isinstance(value, _Unknown):
            return
        if rule.kind == "structure" and isinstance(value, MapValue):
            members = rule.members or {}
            for key, item in value.items:
                if isinstance(key, Known) and isinstance(key.value, str) and key.value in members:
                    self.value(members[key.value], item, f'{path}["{key.value}"]')
        elif rule.kind == "list" and isinstance(value, ListValue):
            self._count(rule, shape, value.node, len(value.items), path, "items")
            if rule.item is not None:
                for i, item in enumerate(value.items):
                    self.value(rule.item, item, f"{path}[{i}]")
        elif rule.kind == "map" and isinstance(value, MapValue):
            if value.complete:
                self._count(rule, shape, value.node, len(value.items), path, "entries")
            for key, item in value.items:
                if rule.key is not None:
                    self.value(rule.key, key, f"{path} key")
                if rule.value is not None:
                    known = isinstance(key, Known) and isinstance(key.value, str)
                    where = f"{path}[{key.value!r}]" if isinstance(key, Known) and known else f"{path}[...]"
                    self.value(rule.value, item, where)
        elif isinstance(value, Known):
            self._scalar(rule, shape, value, path)

    def _scalar(self, rule: Rule, shape: str, known: Known[_C], path: str) -> None:
        value = known.value
        shown = _SENSITIVE if rule.sensitive else repr(value)
        if rule.kind == "integer" and type(value) is int and (bound := _outside(value, rule)):
            self._fail(f"{path} is {shown}, {bound}", shape, known.node)
        if rule.kind != "string" or not isinstance(value, str):
            return
        if rule.enum and value not in rule.enum:
            self._fail(
                f"{path} is {shown}, not one of its {len(rule.enum)} values{_suggest(value, rule)}", shape, known.node
            )
        elif bound := _outside(len(value), rule):
            self._fail(f"{path} has length {len(value)}, {bound}", shape, known.node)
        elif rule.pattern is not None and not _compiled(rule.regex or rule.pattern).fullmatch(value):
            self._fail(f"{path} is {shown}, which does not match the model's pattern {rule.pattern}", shape, known.node)

    def _count(self, rule: Rule, shape: str, node: _C, count: int, path: str, what: str) -> None:
        if bound := _outside(count, rule):
            self._fail(f"{path} has {count} {what}, {bound}", shape, node)

    def _fail(self, problem: str, shape: str, node: _C) -> None:
        self.report(Problem(f'"{self.method}": {problem} ({shape})', node))


def _outside(n: int, rule: Rule) -> str:
    """How ``n`` (a value, length or count) breaks the rule's bounds, or ``""``."""
    if rule.min is not None and n < rule.min:
        return f"below the model's minimum {rule.min}"
    if rule.max is not None and n > rule.max:
        return f"above the model's maximum {rule.max}"
    return ""


def _suggest(value: str, rule: Rule) -> str:
    close = difflib.get_close_matches(value, sorted(rule.enum), n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    values = sorted(rule.enum)
    listed = ", ".join(f'"{v}"' for v in values[:6])
    return f"; expected one of {listed}" + (f" (and {len(values) - 6} more)" if len(values) > 6 else "")


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.ASCII)
