"""Hypothesis strategies for valid wire values of any shape, derived from the IR.

``wire(service, name)`` is a strategy for values of shape ``name`` as botocore takes
and returns them: dicts with wire names for structures, lists, dicts, ``str`` obeying
length, enum and (Java) pattern constraints, ``int`` within range, ``bytes``,
``datetime`` and JSON documents. Collections are kept small and nesting is bounded,
so every strategy is finite even for a recursive model.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from hypothesis import strategies as st

from codegen import presence
from codegen.ir import Member, Service, Shape
from cognito_typed._runtime.patterns import java_pattern

# A few non-ASCII characters of each Unicode category, so patterns with \p{..} see more than ASCII.
NON_ASCII = {
    "L": "éßЖ中",
    "M": "\u0301\u0903",
    "S": "€©",
    "N": "٣½",
    "P": "¿«",
    "Z": "\u00a0\u2003",
    "C": "\u200b",
}
CANDIDATES = [chr(i) for i in range(128)] + sorted("".join(NON_ASCII.values()))

MAX_DEPTH = 8  # structures nested deeper than this get only their required members
EXTRA_ITEMS = 2  # lists and maps hold at most min + EXTRA_ITEMS entries
EXTRA_CHARS = 24  # strings and blobs are at most min + EXTRA_CHARS long

_SINGLE_CLASS = re.compile(r"\^?(\[(?:\\.|[^\\\]])+\])([+*])\$?")
_CATEGORY = re.compile(r"\\p\{([A-Z])\}")

_JSON_SCALARS = (
    st.booleans()
    | st.integers(-(2**31), 2**31 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
)
# Documents are JSON: a top-level None would mean "absent" on the wire, so the top is never None.
DOCUMENTS = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner | st.none(), max_size=2) | st.dictionaries(st.text(max_size=6), inner, max_size=2),
    max_leaves=4,
)


def _category_members(category: str) -> str:
    ascii_members = "".join(chr(i) for i in range(128) if unicodedata.category(chr(i)).startswith(category))
    return re.escape(ascii_members + NON_ASCII[category])


def python_regex(pattern: str) -> str:
    """The model's Java pattern as a Python regex over our candidate characters (``\\p{X}`` spelled out)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        match = _CATEGORY.match(pattern, i)
        if match:
            members = _category_members(match.group(1))
            out.append(members if in_class else f"[{members}]")
            i = match.end()
            continue
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _bounds(shape: Shape, default_min: int = 0) -> tuple[int, int | None]:
    lo = shape.constraints.min if shape.constraints.min is not None else default_min
    return lo, shape.constraints.max


def strings(shape: Shape) -> st.SearchStrategy[str]:
    """Strings of ``shape``'s length range that fully match its pattern (as Java would)."""
    lo, hi = _bounds(shape)
    pattern = shape.constraints.pattern
    if pattern is None:
        top = lo + EXTRA_CHARS if hi is None else min(hi, lo + EXTRA_CHARS)
        return st.text(st.characters(exclude_categories=["Cs"]), min_size=lo, max_size=top)

    java = java_pattern(pattern)
    single = _SINGLE_CLASS.fullmatch(pattern)
    if single:  # "[...]+" or "[...]*": draw from the characters the class accepts
        char_class = java_pattern(single.group(1))
        alphabet = [c for c in CANDIDATES if char_class.fullmatch(c)]
        lo = max(lo, 1 if single.group(2) == "+" else 0)
        top = lo + EXTRA_CHARS if hi is None else min(hi, lo + EXTRA_CHARS)
        return st.text(st.sampled_from(alphabet), min_size=lo, max_size=top).filter(java.fullmatch)

    regex = re.compile(python_regex(pattern), re.ASCII | re.DOTALL if pattern.startswith("(?s)") else re.ASCII)
    return st.from_regex(regex, fullmatch=True, alphabet=st.sampled_from(CANDIDATES)).filter(
        lambda s: len(s) >= lo and (hi is None or len(s) <= hi) and java.fullmatch(s)
    )


class WireStrategies:
    """Strategies for the wire values of every shape of one service, built lazily and cached.

    A member that AWS returns on every success (``codegen.presence``) is always drawn, as a
    required one is: a response without it is malformed for the models."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.present = presence.always_present(service)
        self._cache: dict[tuple[str, int], st.SearchStrategy[Any]] = {}

    def __call__(self, name: str, depth: int = 0) -> st.SearchStrategy[Any]:
        key = (name, min(depth, MAX_DEPTH + 1))
        if key not in self._cache:
            self._cache[key] = st.deferred(lambda: self._build(name, key[1]))
        return self._cache[key]

    def structure(
        self, name: str, overrides: Mapping[str, st.SearchStrategy[Any]] | None = None, depth: int = 0
    ) -> st.SearchStrategy[dict[str, Any]]:
        """Wire dicts of structure ``name``; ``overrides`` forces members (present, from the given strategy)."""
        shape = self.service.shapes[name]
        overrides = dict(overrides or {})
        unknown = overrides.keys() - {m.wire_name for m in shape.members}
        assert not unknown, f"{name} has no members {unknown}"
        needed = [m for m in shape.members if m.required or (name, m.wire_name) in self.present]
        required = {m.wire_name: self.member(m, depth + 1) for m in needed}
        optional = {}
        if depth <= MAX_DEPTH:
            optional = {m.wire_name: self.member(m, depth + 1) for m in shape.members if m not in needed}
        required.update(overrides)
        for wire in overrides:
            optional.pop(wire, None)
        return st.fixed_dictionaries(required, optional=optional)

    def member(self, member: Member, depth: int) -> st.SearchStrategy[Any]:
        """Values of one member: its shape's, a JSON object where the model fixes say the document is one."""
        if member.json_object:
            return st.dictionaries(st.text(max_size=6), DOCUMENTS | st.none(), max_size=3)
        return self(member.shape, depth)

    def _build(self, name: str, depth: int) -> st.SearchStrategy[Any]:
        shape = self.service.shapes[name]
        c = shape.constraints
        match shape.kind:
            case "structure":
                return self.structure(name, depth=depth)
            case "string":
                return strings(shape)
            case "enum":
                return st.sampled_from(shape.enum)
            case "integer" | "long":
                bits = 31 if shape.kind == "integer" else 63
                return st.integers(-(2**bits) if c.min is None else c.min, 2**bits - 1 if c.max is None else c.max)
            case "boolean":
                return st.booleans()
            case "blob":
                lo, hi = _bounds(shape)
                return st.binary(min_size=lo, max_size=lo + EXTRA_CHARS if hi is None else min(hi, lo + EXTRA_CHARS))
            case "timestamp":
                return st.datetimes(
                    min_value=datetime(1970, 1, 2), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
                )
            case "document":
                return DOCUMENTS
            case "list":
                assert shape.item is not None
                lo, hi = _bounds(shape)
                top = lo if depth > MAX_DEPTH else lo + EXTRA_ITEMS
                return st.lists(self(shape.item, depth + 1), min_size=lo, max_size=top if hi is None else min(hi, top))
            case "map":
                assert shape.key is not None and shape.value is not None
                lo, hi = _bounds(shape)
                top = lo if depth > MAX_DEPTH else lo + EXTRA_ITEMS
                return st.dictionaries(
                    self(shape.key, depth + 1),
                    self(shape.value, depth + 1),
                    min_size=lo,
                    max_size=top if hi is None else min(hi, top),
                )
        raise AssertionError(f"{name}: unknown kind {shape.kind}")
