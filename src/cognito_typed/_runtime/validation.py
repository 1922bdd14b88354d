"""Client-side validation: one checker (a *kind*) per shape of the model, and ValidationError.

The generated ``cognito_typed.models._kinds`` module holds a kind per shape; each model's
generated ``_check`` calls the kinds of its members. A kind first checks the value's type,
then (unless ``constraints`` is false) the model's ranges, lengths, patterns and enum values.
Nothing is checked that failed its type check, and a value is shown in a message only when
neither the shape nor any container around it is sensitive.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any, Final, Literal, TypeAlias, cast

from cognito_typed._runtime.patterns import java_pattern

__all__ = [
    "Blob",
    "Bool",
    "Document",
    "Enum",
    "Int",
    "ListOf",
    "MapOf",
    "Rule",
    "Str",
    "Struct",
    "Timestamp",
    "ValidationError",
    "Violation",
    "lazily",
    "missing",
]

ViolationKind = Literal["type", "required", "constraint", "rule", "merge"]
Rule: TypeAlias = Callable[[Any, list["Violation"], Collection[str]], None]
"""A rule AWS documents that the model cannot state: ``rule(request, violations, failed_members)``."""

HIDDEN: Final = "<hidden>"
SKIPPABLE: Final = frozenset({"constraint", "rule"})
"""The kinds of violation that ``constraints=False`` does not check: the ones whose message names it."""
ESCAPE_HATCH: Final = (
    "constraints and documented rules are checked client-side: if AWS accepts the value, send it with "
    "constraints=False "
    "(CognitoIdentityProvider(..., constraints=False), client.with_options(constraints=False), "
    "or model.validate(constraints=False))"
)


class Violation:
    """One broken rule: where (the wire path), what is wrong with the value, and the rule.

    ``kind`` tells a wrong type (``"type"``), a missing required member (``"required"``), a
    constraint of the model (``"constraint"``: range, length, pattern, enum), a rule AWS
    documents that the model cannot state (``"rule"``), and a rule of a merged update
    (``"merge"``: a member both given and reset, a describe-only key, two members the service
    keeps identical). ``constraints=False`` skips ``"constraint"`` and ``"rule"`` checks only,
    and only an error holding one of those says so.
    """

    __slots__ = ("kind", "path", "problem", "rule")
    path: str
    problem: str
    rule: str
    kind: ViolationKind

    def __init__(self, path: str, problem: str, rule: str, kind: ViolationKind = "constraint") -> None:
        self.path, self.problem, self.rule, self.kind = path, problem, rule, kind

    def __str__(self) -> str:
        return f"{self.path}: {self.problem} (rule: {self.rule})"

    def __repr__(self) -> str:
        return f"Violation({self.path!r}, {self.problem!r}, {self.rule!r}, kind={self.kind!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Violation):
            return NotImplemented
        return (self.path, self.problem, self.rule, self.kind) == (other.path, other.problem, other.rule, other.kind)

    def __hash__(self) -> int:
        return hash((self.path, self.problem, self.rule, self.kind))


class ValidationError(ValueError):
    """Every rule a request breaks, found before anything is sent."""

    __module__ = "cognito_typed"  # where users import it from; shown in tracebacks
    model: str
    """The name of the model class that breaks the rules."""
    violations: tuple[Violation, ...]
    """Every broken rule, in the order of the model's members."""

    def __init__(self, model: str, violations: Sequence[Violation]) -> None:
        self.model = model
        self.violations = tuple(violations)
        count = len(self.violations)
        lines = "\n".join(f"  {v}" for v in self.violations)
        hint = f"\n({ESCAPE_HATCH})" if any(v.kind in SKIPPABLE for v in self.violations) else ""
        super().__init__(f"{count} invalid value{'s' if count != 1 else ''} in {model}:\n{lines}{hint}")

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.model, self.violations)


Entry = tuple[str, tuple[Any, ...], tuple[tuple[str, Any], ...]]


def lazily(module: str, entries: Mapping[str, Entry]) -> Callable[[str], Any]:
    """The ``__getattr__`` of a module of kinds: each kind is made from its entry on first read, and kept.

    An entry is ``(kind class name, arguments, keyword arguments)``; the arguments of ``ListOf`` and
    ``MapOf`` name the kinds of their items, read from the same module.
    """
    import sys

    namespace = sys.modules[module]
    classes: dict[str, type[Kind]] = {
        c.__name__: c for c in (Str, Enum, Int, Bool, Blob, Timestamp, Document, ListOf, MapOf, Struct)
    }

    def __getattr__(name: str) -> Any:  # Any: the generated code reads each kind's own attributes
        entry = entries.get(name)
        if entry is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        cls, args, kwargs = entry
        if cls in ("ListOf", "MapOf"):
            args = tuple(getattr(namespace, a) for a in args)
        kind: Kind = classes[cls](*args, **dict(kwargs))
        setattr(namespace, name, kind)
        return kind

    return __getattr__


def missing(path: str, name: str) -> Violation:
    return Violation(path + name, "is missing", "required", "required")


def show(value: object, hide: bool) -> str:
    """The value as a violation shows it: hidden, or its repr; never an error of its own (an int past
    Python's int-to-text limit of 4,300 digits, a ``__repr__`` that raises), which would hide the
    violation behind a traceback from inside the checks."""
    if hide:
        return HIDDEN
    try:
        return repr(value)
    except Exception:  # (any error of a value's repr: the violation still names the field)
        if isinstance(value, int):
            return f"<an int of {value.bit_length():,} bits>"
        return f"<a {type(value).__name__} whose repr fails>"


def _where(path: str, name: str | int) -> str:
    return f"{path}[{name}]" if isinstance(name, int) else path + name


def _wrong_type(value: object, path: str, name: str | int, expected: str, hide: bool) -> Violation:
    """A value of the wrong type: its type, and the value itself unless hidden or a container.

    A list, map or structure given something else passes ``hide=True``: what was given for a container
    can hold anything, a secret under any key or in any item (a provider's ``client_secret`` in a
    ``dict_items``, an attribute's value in a ``dict_values``), so only its type is named."""
    kind = type(value).__name__
    shown = "" if hide or isinstance(value, (dict, list, tuple, set)) else f" {show(value, False)}"
    return Violation(_where(path, name), f"{kind}{shown} is not {expected}", f"type {expected}", "type")


def _range(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}..{hi}"
    return f">= {lo}" if lo is not None else f"<= {hi}"


# --- kinds ----------------------------------------------------------------------------------


class Kind:
    """How values of one shape are checked.

    ``check(value, out, path, name, hide, constraints)`` appends a :class:`Violation` per broken
    rule; the value's path is ``path + name`` (``name`` an int: a list index), built only when a
    rule is broken.
    """

    __slots__ = ("sensitive",)

    def __init__(self, *, sensitive: bool = False) -> None:
        self.sensitive = sensitive

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        raise NotImplementedError


class _Sized(Kind):
    __slots__ = ("_hi", "_lo", "max", "min")
    unit = "length"

    def __init__(self, *, min: int | None = None, max: int | None = None, sensitive: bool = False) -> None:
        super().__init__(sensitive=sensitive)
        self.min, self.max = min, max
        self._lo = -math.inf if min is None else min
        self._hi = math.inf if max is None else max

    def _size(self, size: int, out: list[Violation], path: str, name: str | int) -> None:
        if not self._lo <= size <= self._hi:
            out.append(
                Violation(
                    _where(path, name),
                    f"{self.unit} {size} is out of range",
                    f"{self.unit} {_range(self.min, self.max)}",
                )
            )


MATCHED_KEPT: Final = 512
"""How many values that matched its pattern a string kind remembers (then it forgets them all)."""
MATCHED_LONGEST: Final = 256
"""The longest value a string kind remembers (a pagination token is long and never sent twice)."""


class Str(_Sized):
    __slots__ = ("_matches", "matched", "pattern")

    def __init__(
        self, *, min: int | None = None, max: int | None = None, pattern: str | None = None, sensitive: bool = False
    ) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.pattern = pattern
        self._matches: Callable[[str], object] | None = None  # compiled on first use, not at import
        # ``matched``: values seen to keep the length and the pattern. A program passes the same
        # pool id, client id, names and URLs again and again, and a regex match costs more than the
        # rest of a check. Only exact ``str`` values that are not secrets (no hidden member, no
        # sensitive shape) are kept; at most MATCHED_KEPT, none longer than MATCHED_LONGEST.
        self.matched: set[str] = set()

    def matches(self) -> Callable[[str], object] | None:
        """The model's pattern as a fast full-match callable (compiled on first use), or None."""
        if self._matches is None and self.pattern is not None:
            self._matches = java_pattern(self.pattern).matcher()
        return self._matches

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if type(value) is not str and not isinstance(value, str):
            out.append(_wrong_type(value, path, name, "str", hide or self.sensitive))
            return
        if not constraints:
            return
        sized = self._lo <= len(value) <= self._hi
        joined: str | None = None  # (its surrogate pairs joined: looked for only when a check fails, once)
        looked = False
        if not sized:
            joined, looked = _pairs_joined(value), True
            if joined is not None and self._lo <= len(joined) <= self._hi:
                sized = True  # (counted as the service counts it: a pair is one character)
            else:
                self._size(len(value if joined is None else joined), out, path, name)
        if self.pattern is None:
            return
        matched = self.matched
        if type(value) is str and value in matched:
            return
        matches = self._matches or self.matches()
        if matches is None:
            return
        if not matches(value) and (
            (joined := joined if looked else _pairs_joined(value)) is None or not matches(joined)
        ):
            out.append(
                Violation(
                    _where(path, name),
                    f"{show(value, hide or self.sensitive)} does not match the pattern",
                    f"pattern {self.pattern}",
                )
            )
        elif sized and not hide and not self.sensitive and type(value) is str:
            self.remember(value)

    def remember(self, value: str) -> None:
        """Keep ``value`` (an exact ``str`` seen to keep the length and pattern, no secret) in
        :attr:`matched`, unless it is longer than MATCHED_LONGEST; past MATCHED_KEPT, forget all first."""
        if len(value) <= MATCHED_LONGEST:
            if len(self.matched) >= MATCHED_KEPT:
                self.matched.clear()
            self.matched.add(value)


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _pairs_joined(value: str) -> str | None:
    """``value`` with each UTF-16 surrogate pair it holds as two code points joined into the character
    they encode, or None if it holds none. botocore's JSON escapes them as such a pair, so the service
    reads the character: a pattern or a length judges that. (Run only when a check fails.)"""
    if _SURROGATE.search(value) is None:
        return None
    joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return None if joined == value else joined


class Enum(Kind):
    """A string enum: requests must use one of the model's values (responses keep newer ones)."""

    __slots__ = ("allowed", "values")

    def __init__(self, values: Sequence[str], *, sensitive: bool = False) -> None:
        super().__init__(sensitive=sensitive)
        self.values = tuple(values)
        self.allowed = frozenset(values)

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if type(value) is not str and not isinstance(value, str):
            out.append(_wrong_type(value, path, name, "str", hide or self.sensitive))
        elif constraints and value not in self.allowed:
            out.append(
                Violation(
                    _where(path, name),
                    f"{show(value, hide or self.sensitive)} is not an allowed value",
                    "one of " + ", ".join(self.values),
                )
            )


JAVA_INT: Final = (-(2**31), 2**31 - 1)
JAVA_LONG: Final = (-(2**63), 2**63 - 1)


class Int(_Sized):
    """An ``integer`` (Java ``int``) or ``long`` shape: the model's range, else the Java type's range."""

    __slots__ = ("_type_hi", "_type_lo", "long")

    def __init__(
        self, *, min: int | None = None, max: int | None = None, long: bool = False, sensitive: bool = False
    ) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.long = long
        self._type_lo, self._type_hi = JAVA_LONG if long else JAVA_INT

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if type(value) is not int and (not isinstance(value, int) or isinstance(value, bool)):
            out.append(_wrong_type(value, path, name, "int", hide or self.sensitive))
        elif not self._type_lo <= value <= self._type_hi:
            # beyond what the service's Java type holds: a type error, even without constraints
            java = "long" if self.long else "int"
            out.append(
                Violation(
                    _where(path, name),
                    f"{show(value, hide or self.sensitive)} does not fit a Java {java}",
                    f"type {java} {self._type_lo}..{self._type_hi}",
                    "type",
                )
            )
        elif constraints and not self._lo <= value <= self._hi:
            out.append(
                Violation(
                    _where(path, name),
                    f"{show(value, hide or self.sensitive)} is out of range",
                    _range(self.min, self.max),
                )
            )


class Bool(Kind):
    __slots__ = ()

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if type(value) is not bool:
            out.append(_wrong_type(value, path, name, "bool", hide or self.sensitive))


class Blob(_Sized):
    __slots__ = ()
    unit = "size"

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if isinstance(value, str):  # botocore sends text as its UTF-8 bytes
            try:
                value = value.encode()
            except UnicodeEncodeError:  # (a lone surrogate: botocore could not send it)
                out.append(Violation(_where(path, name), "text that is not valid UTF-8", "type bytes", "type"))
                return
        if not isinstance(value, (bytes, bytearray)):  # what botocore's validator takes (no memoryview)
            out.append(_wrong_type(value, path, name, "bytes", True))
        elif constraints:
            self._size(len(cast("bytes", value)), out, path, name)


class Timestamp(Kind):
    """A ``datetime``; as botocore does, a request may give ISO 8601 text or epoch seconds instead."""

    __slots__ = ()

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if isinstance(value, datetime):
            return
        hide = hide or self.sensitive
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            # botocore's own parser decides, so what passes here passes botocore (loaded only when needed)
            from botocore.utils import (  # pyright: ignore[reportMissingTypeStubs]
                parse_to_aware_datetime,  # pyright: ignore[reportUnknownVariableType]
            )

            try:
                parse_to_aware_datetime(value)
            except (ValueError, TypeError, OverflowError, OSError, RuntimeError):
                # RuntimeError: botocore's "Unable to calculate correct timezone offset" for an epoch
                # beyond what its parsers take (1e20, inf), which botocore itself would raise when sending
                out.append(
                    Violation(_where(path, name), f"{show(value, hide)} is not a timestamp", "type datetime", "type")
                )
            return
        out.append(_wrong_type(value, path, name, "datetime", hide))


class Document(Kind):
    """A free-form document: any JSON value (objects with string keys, arrays, strings, finite
    numbers, booleans, null); with ``json_object``, a JSON object at the top."""

    __slots__ = ("json_object",)

    def __init__(self, *, sensitive: bool = False, json_object: bool = False) -> None:
        super().__init__(sensitive=sensitive)
        self.json_object = json_object

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if self.json_object and not isinstance(value, Mapping):
            out.append(_wrong_type(value, path, name, "a JSON object (dict)", True))
            return
        problem = _not_json(value, "")
        if problem is not None:
            where, found = problem
            out.append(
                Violation(
                    _where(path, name) + where,
                    f"{found} is not a JSON value",
                    "a JSON document (dict with str keys, list, str, int, float, bool, None)",
                    "type",
                )
            )


DOCUMENT_DEPTH: Final = 64
"""How deep a document may nest: deeper is refused by ``validate()`` and is malformed in a response."""


def _not_json(value: Any, where: str, depth: int = 0) -> tuple[str, str] | None:
    if value is None or isinstance(value, (str, bool)):
        return None
    if isinstance(value, int):
        if value.bit_length() > 10_000:  # beyond Python's int-to-text limit (4,300 digits), json.dumps fails
            try:
                str(value)
            except ValueError:
                return (where, "an int too long to write as JSON text")
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else (where, repr(value))
    if depth > DOCUMENT_DEPTH:
        return (where, f"a document nested deeper than {DOCUMENT_DEPTH} levels")
    if isinstance(value, Mapping):
        for k, v in value.items():  # pyright: ignore[reportUnknownVariableType]
            if not isinstance(k, str):
                return (f"{where} key", type(k).__name__)  # pyright: ignore[reportUnknownArgumentType]
            problem = _not_json(v, f"{where}[{show(k, False)}]", depth + 1)
            if problem is not None:
                return problem
        return None
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
            problem = _not_json(v, f"{where}[{i}]", depth + 1)
            if problem is not None:
                return problem
        return None
    return (where, type(value).__name__)


def _within(known: set[str] | frozenset[str], items: Sequence[Any]) -> bool:
    """Whether every item is an exact ``str`` and one of ``known`` (one set test for the values).
    A ``str`` subclass or a ``UserString`` that equals a known value is not: its kind says what
    is wrong with it."""
    for v in items:
        if type(v) is not str:
            return False
    return known.issuperset(items)


class ListOf(_Sized):
    __slots__ = ("item",)

    def __init__(self, item: Kind, *, min: int | None = None, max: int | None = None, sensitive: bool = False) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.item = item

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        items: Sequence[Any] = value  # (typed before the tests narrow value; no cast: a call per list)
        if type(value) is not list and (not isinstance(value, Sequence) or isinstance(value, (str, bytes, bytearray))):
            out.append(_wrong_type(value, path, name, "list", True))
            return
        item = self.item
        if constraints:
            if not self._lo <= len(items) <= self._hi:
                self._size(len(items), out, path, name)
            # The common lists (enum values, strings) are judged here without a call per item; at the
            # first item that may break a rule, every item goes to its kind, which says what is wrong.
            if type(item) is Enum:
                if _within(item.allowed, items):
                    return
            elif type(item) is Str:
                lo, hi = item._lo, item._hi  # pyright: ignore[reportPrivateUsage]
                matches = item._matches or item.matches()  # pyright: ignore[reportPrivateUsage]
                matched = item.matched
                if matched and _within(matched, items):
                    return
                keep = not (hide or self.sensitive or item.sensitive)  # (see Str: secrets are not kept)
                for v in items:
                    if type(v) is not str or not lo <= len(v) <= hi:
                        break
                    if matches is None or v in matched:
                        continue
                    if not matches(v):
                        break
                    if keep:
                        item.remember(v)
                else:
                    return
        where, hide = _where(path, name), hide or self.sensitive
        for i, v in enumerate(items):
            item.check(v, out, where, i, hide, constraints)


class MapOf(_Sized):
    __slots__ = ("key", "secret_keys", "value")

    def __init__(
        self,
        key: Kind,
        value: Kind,
        *,
        min: int | None = None,
        max: int | None = None,
        sensitive: bool = False,
        secret_keys: Collection[str] = (),
    ) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.key, self.value = key, value
        self.secret_keys = frozenset(secret_keys)  # the values under these keys are secrets

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        if not isinstance(value, Mapping):
            out.append(_wrong_type(value, path, name, "dict", True))
            return
        entries = cast("Mapping[Any, Any]", value)  # type: ignore[redundant-cast]  # (mypy narrowed it; pyright did not)
        if constraints:
            self._size(len(entries), out, path, name)
        where = _where(path, name)
        hide = hide or self.sensitive
        secret = self.secret_keys
        for k, v in entries.items():
            self.key.check(k, out, where, " key", hide, constraints)
            self.value.check(v, out, where, f"[{show(k, hide)}]", hide or k in secret, constraints)


class Struct(Kind):
    """A nested structure: its model class, imported by module and name on first use (so that
    the module of kinds, loaded with the first model, loads no other model)."""

    __slots__ = ("_cls", "module", "name")

    def __init__(self, module: str, name: str, *, sensitive: bool = False) -> None:
        super().__init__(sensitive=sensitive)
        self.module, self.name = module, name
        self._cls: type[Any] | None = None  # a model class (this module imports none: base imports this one)

    def check(
        self, value: Any, out: list[Violation], path: str, name: str | int, hide: bool, constraints: bool
    ) -> None:
        cls = self._cls or self.resolve()
        if type(value) is not cls and not isinstance(value, cls):
            out.append(_wrong_type(value, path, name, self.name, True))
            return
        model: Any = value
        model._check(out, _where(path, name) + ".", hide or self.sensitive, constraints)

    def resolve(self) -> type[Any]:
        """The model class (imported on first use)."""
        cls = self._cls
        if cls is None:
            from importlib import import_module

            cls = self._cls = getattr(import_module(self.module), self.name)
        return cls
