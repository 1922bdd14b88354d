"""What the generated models stand on: the UNSET marker, the model base classes,
the per-shape descriptors that convert and validate values, and ValidationError.

The generated classes are declared like dataclasses (PEP 681 ``dataclass_transform``,
so type checkers synthesize the keyword-only ``__init__``), but their behaviour comes
from one shared implementation here, driven by a per-class field table. ``@dataclass``
would compile six methods per class at import time: for the ~400 structures of
cognito-idp that is ~0.3 s, more than importing boto3 itself.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Final,
    Generic,
    Self,
    TypeGuard,
    TypeVar,
    dataclass_transform,
    get_args,
)

from cognito_typed._patterns import java_pattern

__all__ = [
    "UNSET",
    "Field",
    "Model",
    "Request",
    "Schema",
    "Unset",
    "ValidationError",
    "Violation",
    "bind",
    "bind_operation",
]


class Unset(enum.Enum):
    """The type of :data:`UNSET`: a field that was not given (distinct from ``None``)."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return False


UNSET: Final = Unset.UNSET
"""Marks a field as not given: it is left out of the wire dict."""


class Violation:
    """One broken rule: where (wire path), what is wrong with the value, and the rule."""

    __slots__ = ("path", "problem", "rule")

    def __init__(self, path: str, problem: str, rule: str) -> None:
        self.path, self.problem, self.rule = path, problem, rule

    def __str__(self) -> str:
        return f"{self.path}: {self.problem} (rule: {self.rule})"

    def __repr__(self) -> str:
        return f"Violation({self.path!r}, {self.problem!r}, {self.rule!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Violation) and (self.path, self.problem, self.rule) == (
            other.path,
            other.problem,
            other.rule,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.problem, self.rule))


class ValidationError(ValueError):
    """Every rule a request breaks, found before anything is sent."""

    __module__ = "cognito_typed"  # where users import it from; shown in tracebacks

    def __init__(self, model: str, violations: Sequence[Violation]) -> None:
        self.model = model
        self.violations = tuple(violations)
        count = len(self.violations)
        lines = "\n".join(f"  {v}" for v in self.violations)
        super().__init__(f"{count} invalid value{'s' if count != 1 else ''} in {model}:\n{lines}")


# --- descriptors: one per shape, shared by every member of that shape -----------------


def _show(value: object, sensitive: bool) -> str:
    return "<hidden>" if sensitive else repr(value)


def _is_sequence(value: object) -> TypeGuard[Sequence[Any]]:
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))


def is_mapping(value: object) -> TypeGuard[Mapping[Any, Any]]:
    return isinstance(value, Mapping)


def _range(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"{lo}..{hi}"
    return f">= {lo}" if lo is not None else f"<= {hi}"


class Kind:
    """How values of one shape go to and from the wire, and how they are checked.

    ``check`` appends a :class:`Violation` per broken rule; with ``hide`` (inside a
    sensitive container) or for a sensitive shape, values are never shown.
    """

    __slots__ = ()
    nested: bool = False  # values hold models: from_wire builds them (deferred to first access)
    rewrites: bool = False  # to_wire rebuilds the value (models -> dicts, any sequence -> list, ...)
    sensitive: bool = False

    def to_wire(self, value: Any) -> Any:
        return value

    def from_wire(self, value: Any) -> Any:
        return value

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        raise NotImplementedError


class _Sized(Kind):
    __slots__ = ("_hi", "_lo", "max", "min", "sensitive")
    unit: ClassVar[str] = "length"

    def __init__(self, *, min: int | None = None, max: int | None = None, sensitive: bool = False) -> None:
        self.min, self.max, self.sensitive = min, max, sensitive
        # One chained comparison on the hot path instead of two None checks.
        self._lo = -(2**63) if min is None else min
        self._hi = 2**63 if max is None else max

    def _check_size(self, size: int, path: str, out: list[Violation]) -> None:
        if not self._lo <= size <= self._hi:
            out.append(
                Violation(path, f"{self.unit} {size} is out of range", f"{self.unit} {_range(self.min, self.max)}")
            )


class Str(_Sized):
    __slots__ = ("_matches", "pattern")

    def __init__(
        self, *, min: int | None = None, max: int | None = None, pattern: str | None = None, sensitive: bool = False
    ) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.pattern = pattern
        self._matches: Callable[[str], bool] | None = None  # compiled on first use, not at import

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not isinstance(value, str):
            out.append(
                Violation(
                    path, f"{type(value).__name__} {_show(value, hide or self.sensitive)} is not a string", "type str"
                )
            )
            return
        if not self._lo <= len(value) <= self._hi:
            self._check_size(len(value), path, out)
        if self.pattern is None:
            return
        if self._matches is None:
            self._matches = java_pattern(self.pattern).fullmatch
        if not self._matches(value):
            out.append(
                Violation(
                    path,
                    f"{_show(value, hide or self.sensitive)} does not match the pattern",
                    f"pattern {self.pattern}",
                )
            )


class EnumOf(Kind):
    """A string enum; responses keep values newer than the model, requests reject them."""

    __slots__ = ("sensitive", "values")

    def __init__(self, alias: Any, *, sensitive: bool = False) -> None:
        self.values: tuple[str, ...] = get_args(alias)
        self.sensitive = sensitive

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not isinstance(value, str):
            out.append(
                Violation(
                    path, f"{type(value).__name__} {_show(value, hide or self.sensitive)} is not a string", "type str"
                )
            )
        elif value not in self.values:
            out.append(
                Violation(
                    path,
                    f"{_show(value, hide or self.sensitive)} is not an allowed value",
                    "one of " + ", ".join(self.values),
                )
            )


class Int(_Sized):
    __slots__ = ()

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            shown = _show(value, hide or self.sensitive)
            out.append(Violation(path, f"{type(value).__name__} {shown} is not an integer", "type int"))
        elif not self._lo <= value <= self._hi:
            out.append(
                Violation(path, f"{_show(value, hide or self.sensitive)} is out of range", _range(self.min, self.max))
            )


class _Plain(Kind):
    """A kind with no constraints but sensitivity."""

    __slots__ = ("sensitive",)

    def __init__(self, *, sensitive: bool = False) -> None:
        self.sensitive = sensitive


class Bool(_Plain):
    __slots__ = ()

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not isinstance(value, bool):
            shown = _show(value, hide or self.sensitive)
            out.append(Violation(path, f"{type(value).__name__} {shown} is not a boolean", "type bool"))


class Blob(_Sized):
    __slots__ = ()
    unit = "size"

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if isinstance(value, str):
            value = value.encode()
        if not isinstance(value, (bytes, bytearray)):
            out.append(Violation(path, f"{type(value).__name__} is not bytes", "type bytes"))
            return
        self._check_size(len(value), path, out)


class Timestamp(_Plain):
    """A datetime; a request may give a timestamp string instead, as botocore takes it."""

    __slots__ = ()

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if isinstance(value, datetime):
            return
        hide = hide or self.sensitive
        if isinstance(value, str):
            # botocore's own parser decides, so what passes here passes botocore (loaded only when needed)
            from botocore.utils import (  # pyright: ignore[reportMissingTypeStubs]
                parse_to_aware_datetime,  # pyright: ignore[reportUnknownVariableType]
            )

            try:
                parse_to_aware_datetime(value)
            except (ValueError, TypeError, OverflowError):
                out.append(Violation(path, f"{_show(value, hide)} is not a timestamp", "type datetime"))
            return
        out.append(Violation(path, f"{type(value).__name__} {_show(value, hide)} is not a datetime", "type datetime"))


class Document(_Plain):
    """A free-form JSON document: passed through, not validated."""

    __slots__ = ()

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        return None


class ListOf(_Sized):
    __slots__ = ("item", "nested")
    rewrites = True  # a tuple or any other sequence goes out as a list

    def __init__(self, item: Kind, *, min: int | None = None, max: int | None = None, sensitive: bool = False) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.item = item
        self.nested = item.nested

    def to_wire(self, value: Any) -> Any:
        return [self.item.to_wire(v) for v in value] if self.item.rewrites else list(value)

    def from_wire(self, value: Any) -> Any:
        return [self.item.from_wire(v) for v in value] if self.nested else value

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not _is_sequence(value):
            out.append(Violation(path, f"{type(value).__name__} is not a list", "type list"))
            return
        self._check_size(len(value), path, out)
        for i, item in enumerate(value):
            self.item.check(item, f"{path}[{i}]", out, hide or self.sensitive)


class MapOf(_Sized):
    __slots__ = ("key", "nested", "value")
    rewrites = True  # any mapping goes out as a dict

    def __init__(
        self, key: Kind, value: Kind, *, min: int | None = None, max: int | None = None, sensitive: bool = False
    ) -> None:
        super().__init__(min=min, max=max, sensitive=sensitive)
        self.key, self.value = key, value
        self.nested = value.nested

    def to_wire(self, value: Any) -> Any:
        return {k: self.value.to_wire(v) for k, v in value.items()} if self.value.rewrites else dict(value)

    def from_wire(self, value: Any) -> Any:
        return {k: self.value.from_wire(v) for k, v in value.items()} if self.nested else value

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if not is_mapping(value):
            out.append(Violation(path, f"{type(value).__name__} is not a mapping", "type dict"))
            return
        self._check_size(len(value), path, out)
        hide = hide or self.sensitive
        for k, v in value.items():
            self.key.check(k, f"{path} key", out, hide)
            self.value.check(v, f"{path}[{_show(k, hide)}]", out, hide)


class StructOf(Kind):
    __slots__ = ("model", "sensitive")
    nested = True
    rewrites = True

    def __init__(self, model: type[Model], *, sensitive: bool = False) -> None:
        self.model = model
        self.sensitive = sensitive

    def to_wire(self, value: Any) -> Any:
        return value.to_wire()

    def from_wire(self, value: Any) -> Any:
        return self.model.from_wire(value)

    def check(self, value: Any, path: str, out: list[Violation], hide: bool = False) -> None:
        if type(value) is not self.model:
            out.append(
                Violation(path, f"{type(value).__name__} is not a {self.model.__name__}", f"type {self.model.__name__}")
            )
        else:
            value.check_into(path + ".", out, hide or self.sensitive)


# --- models ---------------------------------------------------------------------------


class Field:
    """One member of a structure: Python name, wire name, shape descriptor, required."""

    __slots__ = ("kind", "name", "nested", "required", "rewrites", "sensitive", "wire")

    def __init__(self, name: str, wire: str, kind: Kind, required: bool = False) -> None:
        self.name, self.wire, self.kind, self.required = name, wire, kind, required
        self.sensitive = kind.sensitive
        self.nested, self.rewrites = kind.nested, kind.rewrites

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.wire!r}, required={self.required})"


class Schema:
    """A structure's field table, by Python name and by wire name.

    A sensitive structure (``UserContextDataType``) hides every member, not only the
    members whose own shapes are sensitive.
    """

    __slots__ = ("by_name", "by_wire", "fields", "required", "sensitive")

    def __init__(self, fields: tuple[Field, ...], sensitive: bool = False) -> None:
        self.sensitive = sensitive
        if sensitive:
            for f in fields:
                f.sensitive = True
        self.fields = fields
        self.by_name = {f.name: f for f in fields}
        self.by_wire = {f.wire: f for f in fields}
        self.required = frozenset(f.name for f in fields if f.required)


_PENDING = " pending"  # key in an instance's __dict__: wire values of nested fields not built yet
_NO_DEFAULT: Any = object()


class _Deferred:
    """Class attribute of a field whose values hold models (a structure, a list or map of them).

    ``from_wire`` keeps such a field's wire value; the models are built on first access
    and stored on the instance, which then shadows this descriptor. A response is thus
    as cheap to receive as the fields that are read from it.
    """

    __slots__ = ("default", "field")

    def __init__(self, field: Field, default: Any) -> None:
        self.field, self.default = field, default

    def __get__(self, obj: Model | None, owner: type[Model] | None = None) -> Any:
        if obj is None:
            return self if self.default is _NO_DEFAULT else self.default
        state = obj.__dict__
        name = self.field.name
        pending = state.get(_PENDING)
        if pending is not None and name in pending:
            value = state[name] = self.field.kind.from_wire(pending[name])
            return value
        if name in state:  # built by another thread meanwhile
            return state[name]
        if self.default is _NO_DEFAULT:
            raise AttributeError(f"{type(obj).__name__}.{name} is required by the model but was not in the data")
        return self.default


def bind(model: type[Model], *fields: Field, sensitive: bool = False) -> None:
    """Attach the field table to a generated class (called once per class at import)."""
    model.__schema__ = Schema(fields, sensitive)
    for field in fields:
        if field.nested:
            setattr(model, field.name, _Deferred(field, model.__dict__.get(field.name, _NO_DEFAULT)))


@dataclass_transform(kw_only_default=True, frozen_default=True)
class Model:
    """Base of every generated structure: keyword-only, frozen, compared by value.

    A field that was not given is absent from the instance (reads as :data:`UNSET`)
    and absent from :meth:`to_wire`. Sensitive members show as ``<hidden>`` in repr.
    """

    __schema__: ClassVar[Schema] = Schema(())

    if not TYPE_CHECKING:  # type checkers synthesize a typed __init__ per class

        def __init__(self, **kwargs: Any) -> None:
            schema = self.__schema__
            state = self.__dict__
            for name, value in kwargs.items():
                if name not in schema.by_name:
                    raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {name!r}")
                if value is not UNSET:
                    state[name] = value
            missing = schema.required - state.keys()
            if missing:
                names = ", ".join(sorted(missing))
                raise TypeError(f"{type(self).__name__}() missing required keyword argument(s): {names}")

        def __getattr__(self, name: str) -> Any:
            # Only reached for a required field that a response left out.
            if name in self.__schema__.by_name:
                raise AttributeError(f"{type(self).__name__}.{name} is required by the model but was not in the data")
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _state(self) -> dict[str, Any]:
        """The given fields by Python name, with every deferred field built."""
        state = self.__dict__
        pending: dict[str, Any] | None = state.get(_PENDING)
        if pending is not None:
            by_name = self.__schema__.by_name
            for name, raw in pending.items():
                if name not in state:
                    state[name] = by_name[name].kind.from_wire(raw)
            state.pop(_PENDING, None)
        return state

    if not TYPE_CHECKING:  # hidden from type checkers, which then report any assignment (frozen)

        def __setattr__(self, name: str, value: object) -> None:
            from dataclasses import FrozenInstanceError  # imported only when needed: it costs import time

            raise FrozenInstanceError(f"cannot assign to field {name!r}")

        def __delattr__(self, name: str) -> None:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._state() == other._state()

    def __hash__(self) -> int:
        return hash((type(self), frozenset(self._state().items())))

    def __repr__(self) -> str:
        state = self._state()
        parts = [
            f"{f.name}=<hidden>" if f.sensitive else f"{f.name}={state[f.name]!r}"
            for f in self.__schema__.fields
            if f.name in state
        ]
        return f"{type(self).__name__}({', '.join(parts)})"

    def __replace__(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied (``copy.replace`` on Python 3.13+)."""
        return type(self)(**{**self._state(), **changes})

    def __getstate__(self) -> dict[str, Any]:
        return dict(self._state())

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def given(self) -> dict[str, Any]:
        """The fields that were given, by Python name."""
        return dict(self._state())

    def to_wire(self) -> dict[str, Any]:
        """The dict botocore expects: wire names, absent fields left out."""
        by_name = self.__schema__.by_name
        out: dict[str, Any] = {}
        for name, value in self._state().items():
            field = by_name[name]
            out[field.wire] = field.kind.to_wire(value) if field.rewrites else value
        return out

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Self:
        """Build the model from a wire dict (as botocore returns it). Unknown keys are ignored.

        Nested models are built when first read (or compared, printed, sent, validated).
        """
        obj = cls.__new__(cls)
        state = obj.__dict__
        pending: dict[str, Any] | None = None
        by_wire = cls.__schema__.by_wire
        for wire, value in data.items():
            field = by_wire.get(wire)
            if field is None or value is None:
                continue
            if field.nested:
                if pending is None:
                    pending = state[_PENDING] = {}
                pending[field.name] = value
            else:
                state[field.name] = value
        return obj

    def validate(self) -> None:
        """Raise :class:`ValidationError` listing every constraint of the model this breaks."""
        out: list[Violation] = []
        self.check_into("", out)
        for rule in _semantic_rules().get(type(self).__name__, ()):
            rule(self, out)
        if out:
            raise ValidationError(type(self).__name__, out)

    def check_into(self, prefix: str, out: list[Violation], hide: bool = False) -> None:
        """Append a :class:`Violation` per broken rule, with paths under ``prefix``."""
        state = self._state()
        hide = hide or self.__schema__.sensitive
        for field in self.__schema__.fields:
            if field.name in state:
                field.kind.check(state[field.name], prefix + field.wire, out, hide)
            elif field.required:
                out.append(Violation(prefix + field.wire, "is missing", "required"))


_rules_by_model: Mapping[str, Sequence[Callable[[Any, list[Violation]], None]]] | None = None


def _semantic_rules() -> Mapping[str, Sequence[Callable[[Any, list[Violation]], None]]]:
    """Rules AWS documents that the model cannot state (see ``cognito_typed._rules``), by model name."""
    global _rules_by_model
    if _rules_by_model is None:
        from cognito_typed._rules import RULES  # loaded on first validate(), not at import

        _rules_by_model = RULES
    return _rules_by_model


R = TypeVar("R")


class Request(Model, Generic[R]):
    """A request model; ``R`` is the model of its response (``None`` for no output)."""

    __operation__: ClassVar[str]
    __method__: ClassVar[str]
    __response__: ClassVar[type[Model] | None]


def bind_operation(request: type[Request[Any]], operation: str, method: str, response: type[Model] | None) -> None:
    """Record which operation (and botocore client method) a request model is for, and its response model."""
    request.__operation__ = operation
    request.__method__ = method
    request.__response__ = response
