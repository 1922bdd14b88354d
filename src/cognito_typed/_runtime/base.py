"""What every generated model stands on: a real dataclass, made without compiling code at import.

Each structure of the service model is generated into its own module as::

    @dataclass(frozen=True, kw_only=True)
    class TokenValidityUnitsType(Model):
        __slots__ = ("access_token", "id_token", "refresh_token")
        access_token: TimeUnitsType | None
        ...
        def __init__(self, *, access_token: TimeUnitsType | None = None, ...) -> None: ...

The ``dataclass`` here is :func:`dataclasses.dataclass` minus its import-time cost. The standard
decorator writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` and ``__delattr__`` for each class and compiles it with ``exec`` when the class
is created (about 0.7 ms a class here, 22 ms for the 31 classes that one ``describe_user_pool``
response needs), and with ``slots=True`` it builds every class a second time (70 us more). So:

- the generator writes ``__slots__`` and ``__init__`` out in the class body: compiled once into
  the ``.pyc``, and what ``inspect.signature``, ``help()`` and IDEs read. The fields' defaults
  are the ``__init__``'s (``None`` for every optional member): a slotted class cannot also
  hold them as class attributes;
- equality, hashing, freezing and pickling, which the standard decorator would add, come from
  :class:`Model` (the same semantics: field tuples compared and hashed, ``FrozenInstanceError``
  on assignment); ``__repr__`` and ``__eq__`` are dataclasses' own, made on first use (so that
  :mod:`pprint` and rich lay models out field by field and pytest shows the fields that differ);
- ``from_wire`` fills an instance of a same-layout subclass with plain slot stores and then makes
  it an instance of the model (:func:`filling`): a response's many small structures are built
  without a descriptor call per field; where the optional C builder is built
  (:mod:`cognito_typed._runtime.fill`), :func:`build`, ``__init__`` and ``to_wire`` take its plan of
  the class first (a table the generator writes beside ``from_wire``: ``_fill``), and these Python
  bodies are what runs without it, or for what it leaves to them;
- ``dataclasses.dataclass`` itself processes the class with its code-writing switched off: it
  makes the fields and ``__match_args__``. Each field then gets the default, ``repr`` (``False``
  for sensitive members) and ``compare`` the class has, its wire name as ``metadata["wire"]``,
  and ``__dataclass_params__`` says what the class does (``init``, ``repr``, ``eq``, ``frozen``).

The result is an ordinary frozen, keyword-only, slotted dataclass: ``dataclasses.is_dataclass``,
``fields``, ``replace``, ``asdict``, ``astuple``, :mod:`copy`, :mod:`pickle` and ``==`` work on it.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from operator import attrgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, Self, TypeVar, cast, dataclass_transform

from cognito_typed._runtime.fill import LARGE, PLANS, UNPLANNED, accepts, headers, plan
from cognito_typed._runtime.validation import DOCUMENT_DEPTH, Rule, ValidationError, Violation

__all__ = [
    "MalformedResponseError",
    "Model",
    "Request",
    "ResponseMetadata",
    "build",
    "dataclass",
    "filling",
    "malformed",
    "moved",
    "plan",
    "setters",
    "slot_by_slot",
]

T = TypeVar("T")
R = TypeVar("R")


class MalformedResponseError(ValueError):
    """A response does not have the shape the model gives it: a member of the wrong type, or a
    member that is missing although the model requires it or AWS always returns it (``codegen.presence``).

    ``path`` is the wire path of the member (``UserPoolClient.TokenValidityUnits``; empty for
    the data itself), ``expected`` what the model has there, ``found`` the type found.
    """

    __module__ = "cognito_typed"
    path: str
    expected: str
    found: str

    def __init__(self, path: str, expected: str, found: object, *, found_type: str | None = None) -> None:
        self.path, self.expected = path, expected
        self.found = found_type if found_type is not None else type(found).__name__
        super().__init__(f"{path or 'the data'}: expected {expected}, found {self.found}")

    def within(self, prefix: str) -> MalformedResponseError:
        """The same error seen from the structure that holds it (``prefix``: a member, ``Name[3]``)."""
        path = prefix if not self.path else f"{prefix}{self.path}" if self.path[0] == "[" else f"{prefix}.{self.path}"
        return MalformedResponseError(path, self.expected, None, found_type=self.found)

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild_malformed, (self.path, self.expected, self.found)


def _rebuild_malformed(path: str, expected: str, found: str) -> MalformedResponseError:
    return MalformedResponseError(path, expected, None, found_type=found)


def malformed(cls: type[Model], data: object, error: Exception) -> MalformedResponseError:
    """What is wrong with ``data`` as a ``cls``, once its ``from_wire`` failed with ``error``."""
    if not isinstance(data, Mapping):
        return MalformedResponseError("", f"a structure ({cls.__name__})", data)
    if isinstance(error, KeyError) and error.args:
        expected = "a value (the model requires it, or AWS always returns it)"
        return MalformedResponseError(str(error.args[0]), expected, None, found_type="none")
    return MalformedResponseError("", f"a structure ({cls.__name__})", None, found_type=repr(error))


class _DataclassMethod:
    """A model's ``__repr__`` or ``__eq__``: the one ``dataclasses`` writes, made the first time either is used.

    They are the standard dataclass methods (``Name(field=value, ...)`` without the ``repr=False``
    fields; field tuples compared), made by ``dataclasses`` for a stand-in class with the same
    fields, so that the tools that recognise dataclasses' own methods treat models as dataclasses:
    :mod:`pprint` and rich lay them out field by field, pytest shows the fields that differ.
    """

    __slots__ = ("name", "owner")

    def __init__(self, owner: type, name: str) -> None:
        self.owner, self.name = owner, name

    def __get__(self, obj: object, cls: type | None = None) -> Any:
        owner = self.owner
        shadow = dataclasses.make_dataclass(
            owner.__name__,
            [
                (f.name, object, dataclasses.field(default=None, repr=f.repr, compare=f.compare))
                for f in dataclasses.fields(owner)
            ],
            init=False,
        )
        for name in ("__repr__", "__eq__"):
            type.__setattr__(owner, name, shadow.__dict__[name])
        real = owner.__dict__[self.name]
        return real if obj is None else real.__get__(obj, cls)


def _values_getter(names: tuple[str, ...]) -> Any:
    """``obj -> (obj.a, obj.b, ...)``, as a class attribute that does not bind (C ``attrgetter``, or a staticmethod)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])

        def single(obj: object) -> tuple[Any, ...]:
            return (one(obj),)

        return staticmethod(single)

    def none(obj: object) -> tuple[Any, ...]:
        return ()

    return staticmethod(none)


def _finish(cls: type[T]) -> type[T]:
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, order=False, frozen=False, kw_only=True)
    params = made.__dataclass_params__
    params.init = params.repr = params.eq = params.frozen = True  # what the class does (module docstring)
    fields = dataclasses.fields(made)
    defaults: dict[str, Any] = made.__init__.__kwdefaults__ or {}
    wire = dict(made.__dict__.get("_wire", ()))
    hidden = set(made.__dict__.get("_hidden", ()))
    for f in fields:
        if f.name in defaults:
            f.default = defaults[f.name]
        if f.name in wire:
            f.metadata = MappingProxyType({"wire": wire[f.name]})  # the member's name on the wire
        if f.name in hidden:
            f.repr = False  # sensitive: never shown
        if f.name == "response_metadata":
            f.repr = f.compare = False  # botocore's, not the service's data
    made.__repr__ = _DataclassMethod(made, "__repr__")
    made.__eq__ = _DataclassMethod(made, "__eq__")
    made._compared = _values_getter(tuple(f.name for f in fields if f.compare))
    made._names = tuple(f.name for f in fields)
    return made  # type: ignore[no-any-return]


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(*, frozen: bool = True, kw_only: bool = True) -> Callable[[type[T]], type[T]]:
    """``@dataclasses.dataclass(frozen=True, kw_only=True)`` for classes whose ``__init__`` is
    written out and whose base is :class:`Model` (see the module docstring)."""
    if not (frozen and kw_only):
        raise TypeError("generated models are frozen and keyword-only")
    return _finish


class Model:
    """Base of every generated structure: a frozen, keyword-only dataclass.

    An absent member is ``None``, and left out of :meth:`to_wire`. Members the model marks
    sensitive (passwords, tokens, secrets) are left out of ``repr``.
    """

    __slots__ = ()
    if TYPE_CHECKING:
        __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    _compared: ClassVar[Any]  # obj -> the tuple of its compared fields (set by @dataclass)
    _wire: ClassVar[tuple[tuple[str, str], ...]] = ()  # (field, wire name); also each field's metadata["wire"]
    _hidden: ClassVar[tuple[str, ...]] = ()  # sensitive fields: repr=False
    # (field, wire name, kind, required, class held): how the C builder takes each member (see fill)
    _fill: ClassVar[tuple[tuple[str, str, str, bool, type[Model] | None], ...]]
    _names: ClassVar[tuple[str, ...]]

    # What a frozen dataclass compiles per class, once for all models (same behaviour); ``__eq__``
    # and ``__repr__`` are dataclasses' own, made per class on first use (see _DataclassMethod).
    def __hash__(self) -> int:
        return hash(self._compared(self))

    if not TYPE_CHECKING:  # type checkers know the class is frozen from @dataclass

        def __setattr__(self, name: str, value: object) -> None:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

        def __delattr__(self, name: str) -> None:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._names)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        if not gc.is_tracked(self):  # a model the C builder left untracked, filled again (see _fill.c)
            raise dataclasses.FrozenInstanceError(
                f"cannot set the state of this {type(self).__name__} again: it is frozen"
            )
        for name, value in zip(self._names, state, strict=True):
            object.__setattr__(self, name, value)

    def __replace__(self, **changes: Any) -> Self:
        """``copy.replace`` (Python 3.13+); ``dataclasses.replace`` works on every version."""
        return dataclasses.replace(self, **changes)

    # Written out per class by the generator.
    def to_wire(self) -> dict[str, Any]:
        """The dict boto3 takes and gives: wire names, absent members left out.

        It converts a valid model (the typed client validates every request first). A list or map member
        where :meth:`validate` finds a value of another type (text or a set given for a list, pairs for a
        map), and a structure member that is no model, raise the :class:`~cognito_typed.ValidationError`
        naming it. A model of another class, and a plain value (text, number, flag, timestamp), are sent
        as they are, unchecked: :meth:`validate` checks those.
        """
        raise NotImplementedError

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Self:
        """The model of a wire dict (as boto3 returns it, or as :meth:`to_wire`/:meth:`to_json` give it).

        Every nested model is built now: the result shares no list or dict with ``data``.
        Unknown keys are ignored. :class:`MalformedResponseError` names a required member that is missing
        or null, a structure, list or map member that is none, and a timestamp or blob that is neither one
        nor its JSON text. Scalar members (strings, numbers, booleans, enum values) are kept as given, as
        botocore's parser gives them: :meth:`validate` says what is wrong with any other.
        """
        raise NotImplementedError

    def _unsendable(self, error: Exception) -> Exception:
        """What ``to_wire`` raises when converting a value failed (a model built with a value of a wrong
        type, never validated): the :class:`~cognito_typed.ValidationError` naming the field, or the
        error itself if the types are right after all."""
        try:
            self.validate(constraints=False)
        except ValidationError as invalid:
            return invalid
        return error

    def to_json(self) -> dict[str, Any]:
        """:meth:`to_wire` ready for :func:`json.dumps`: timestamps as ISO 8601 text, blobs as base64."""
        return _jsonable(self.to_wire())  # type: ignore[no-any-return]

    def validate(self, *, constraints: bool = True) -> None:
        """Raise :class:`~cognito_typed.ValidationError` listing every rule of the model this breaks.

        ``constraints=False`` checks types and required members only, not the model's ranges,
        lengths, patterns and enum values, nor the rules AWS documents beyond the model: for the
        day they are stricter than the service.
        """
        out: list[Violation] = []
        if not (constraints and accepts(self)):  # (the C check's quick yes, else the model's own checks)
            self._check(out, "", False, constraints)
        rules = self.__rules__ if constraints else ()  # the documented rules are constraints too
        if rules:
            failed = frozenset(v.path.split(".", 1)[0].split("[", 1)[0] for v in out) if out else _NONE_FAILED
            for rule in rules:
                rule(self, out, failed)
        if out:
            raise ValidationError(type(self).__name__, out)

    def _check(self, out: list[Violation], path: str, hide: bool, constraints: bool) -> None:
        """Append a violation per broken rule, with wire paths under ``path`` (generated per class)."""

    __rules__: ClassVar[tuple[Rule, ...]] = ()
    """Rules AWS documents for this request that the model cannot state (``cognito_typed._runtime.rules``)."""


_NONE_FAILED: Final[frozenset[str]] = frozenset()


class Request(Model, Generic[R]):
    """A request model; ``R`` is the model of its response (``EmptyResponse`` for an operation with no output)."""

    __slots__ = ()
    __operation__: ClassVar[str]
    """The operation's name in the model (``DescribeUserPool``)."""
    __method__: ClassVar[str]
    """The botocore client method (``describe_user_pool``)."""
    __response__: ClassVar[type[Model]]
    __input_digest__: ClassVar[str | None] = None
    """The input digest of the model this class was generated from (``installed.input_digest``)."""


@dataclass(frozen=True, kw_only=True)
class ResponseMetadata(Model):
    """What botocore adds to every response: the request id, HTTP status and headers, and retries."""

    __slots__ = ("host_id", "http_headers", "http_status_code", "request_id", "retry_attempts")

    request_id: str | None
    http_status_code: int | None
    http_headers: dict[str, str] | None
    retry_attempts: int | None
    host_id: str | None

    _wire = (
        ("request_id", "RequestId"),
        ("http_status_code", "HTTPStatusCode"),
        ("http_headers", "HTTPHeaders"),
        ("retry_attempts", "RetryAttempts"),
        ("host_id", "HostId"),
    )
    _fill = (
        ("request_id", "RequestId", "plain", False, None),
        ("http_status_code", "HTTPStatusCode", "plain", False, None),
        ("http_headers", "HTTPHeaders", "call", False, headers),  # type: ignore[assignment]
        ("retry_attempts", "RetryAttempts", "plain", False, None),
        ("host_id", "HostId", "plain", False, None),
    )
    _checks: ClassVar[tuple[Any, ...]] = ()  # (no rule: what botocore adds is taken as it is)

    def __init__(
        self,
        *,
        request_id: str | None = None,
        http_status_code: int | None = None,
        http_headers: dict[str, str] | None = None,
        retry_attempts: int | None = None,
        host_id: str | None = None,
    ) -> None:
        _set = object.__setattr__
        _set(self, "request_id", request_id)
        _set(self, "http_status_code", http_status_code)
        _set(self, "http_headers", http_headers)
        _set(self, "retry_attempts", retry_attempts)
        _set(self, "host_id", host_id)

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> Self:
        # On every response: filled in as a generated model is (see filling()), the ABC tests only
        # for what is no dict.
        if type(cast(object, data)) is not dict and not isinstance(cast(object, data), Mapping):
            raise MalformedResponseError("ResponseMetadata", "a structure (ResponseMetadata)", data)
        self: Any = _FILLING_METADATA()
        self.request_id = data.get("RequestId")
        self.http_status_code = data.get("HTTPStatusCode")
        self.http_headers = headers(data.get("HTTPHeaders"))  # (the C builder's hook too)
        self.retry_attempts = data.get("RetryAttempts")
        self.host_id = data.get("HostId")
        try:
            self.__class__ = cls
        except TypeError:  # a subclass with a layout of its own (a __dict__)
            return moved(cls, self)
        built: Self = self
        return built

    def to_wire(self) -> dict[str, Any]:
        """The dict botocore gives; headers that are no mapping raise :class:`TypeError` naming their type
        (as a generated model's map member does), never a dict made of pairs or characters."""
        out: dict[str, Any] = {}
        for name, wire in self._wire:
            value = getattr(self, name)
            if value is not None:
                out[wire] = dict(as_map(value)) if name == "http_headers" else value
        return out


# --- what the generated from_wire / to_wire call -------------------------------------------

M = TypeVar("M", bound=Model)

new: Final = object.__new__
"""``new(cls)``: an instance before any field is set (``from_wire`` sets them all)."""


def setters(cls: type[Model]) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of ``cls``'s slots in field order: how ``__init__`` and ``from_wire`` set a
    field of a frozen model (the slot's own descriptor: no ``__setattr__``, no lookup)."""
    return tuple(cls.__dict__[name].__set__ for name in cls._names)  # pyright: ignore[reportPrivateUsage]


def filling(cls: type[Model]) -> type[Any]:
    """The class of a ``cls`` while ``from_wire`` fills it in: a subclass with no slots of its own
    (so the same layout) whose fields are assigned as a plain slotted class's.

    Setting the slots of a frozen model goes through a descriptor call per field (``setters``); an
    ordinary ``obj.name = value`` on this class is a store the interpreter specialises, about twice
    as fast for a response's many small structures. Once every field is set, ``from_wire`` assigns
    ``obj.__class__ = cls``: from then on the object is a ``cls`` and nothing else (frozen, equal to
    and pickled as any other), and the filling class is never seen outside ``from_wire``.
    """
    namespace = {
        "__slots__": (),
        "__init__": object.__init__,  # ``Filling()``: an empty instance, made faster than by ``object.__new__``
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": f"{cls.__qualname__}.<filling>",
        "__doc__": f"A {cls.__name__} being built by from_wire (never seen outside it).",
    }
    made: type[Any] = type(cls.__name__, (cls,), namespace)
    FILLING[cls] = made
    return made


FILLING: dict[type[Model], type[Any]] = {}
"""Each model's filling class (see :func:`filling`), for code that builds a model outside its module."""
_FILLING_METADATA: Final = filling(ResponseMetadata)


def slot_by_slot(obj: Model, slot_setters: tuple[Callable[[Any, Any], None], ...], values: Iterable[Any]) -> None:
    """Set ``obj``'s fields to ``values`` (in field order) by their slots' setters: for an instance of a
    user's subclass of a model with a layout of its own (a ``__dict__``), which ``__class__``
    assignment to the filling class refuses."""
    for set_field, value in zip(slot_setters, values, strict=True):
        set_field(obj, value)


def moved(cls: type[M], filled: Model) -> M:
    """``filled``'s fields in a new ``cls``: ``from_wire`` of a user's subclass of a model whose layout
    differs from the model's (a subclass with a ``__dict__``), which ``__class__`` assignment refuses."""
    model: type[Model] = type(filled).__mro__[1]
    out = new(cls)
    slot_by_slot(out, setters(model), [getattr(filled, name) for name in model._names])  # pyright: ignore[reportPrivateUsage]
    return out


def located(
    error: Exception, name: str, value: object, cls: type[Model], container: str = "list"
) -> MalformedResponseError:
    """What is wrong with list (or ``container="map"``) member ``name`` of ``cls`` items, once
    building it failed with ``error``: the member itself when it is no list (map), else the first
    item that is no ``cls``, seen from the member."""
    entries: list[tuple[str, Any]]
    if value is None:  # a null where the model requires a value (see null())
        return MalformedResponseError(
            name, "a value (the model requires it, or AWS always returns it)", None, found_type="null"
        )
    if container == "map":
        if not isinstance(value, Mapping):
            return MalformedResponseError(name, f"a map of {cls.__name__}", value)
        pairs = cast("Mapping[Any, Any]", value)  # type: ignore[redundant-cast]  # (mypy narrowed it; pyright did not)
        entries = [(repr(k), v) for k, v in pairs.items()]
    else:
        if not isinstance(value, (list, tuple)):
            return MalformedResponseError(name, f"a list of {cls.__name__}", value)
        entries = [(str(i), v) for i, v in enumerate(cast("Sequence[Any]", value))]
    for key, item in entries:
        try:
            cls.from_wire(item)
        except MalformedResponseError as found:
            return found.within(f"{name}[{key}]")
    if isinstance(error, MalformedResponseError):
        return error.within(name)
    kind: str = type(cast(object, value)).__name__
    return MalformedResponseError(name, f"a {container} of {cls.__name__}", None, found_type=kind)


def null(name: str) -> Any:
    """Raise for a null (``None``) where the model requires a value, or AWS always returns one (``name``: the
    member; empty when the caller's guard names it). ``Any``: it stands in a field's expression, and never returns."""
    raise MalformedResponseError(
        name, "a value (the model requires it, or AWS always returns it)", None, found_type="null"
    )


def as_list(value: object) -> list[Any]:
    """A model's list as a list, for ``to_wire``: the value itself if it is a list, else a new list of
    any sequence but text, as ``validate()`` takes. Anything else (text, a set, a generator, a dict)
    raises :class:`TypeError` (``to_wire`` then raises the :class:`~cognito_typed.ValidationError`
    naming the field), never a list of its characters or keys."""
    # (the casts: mypy narrowed value, pyright did not)
    if type(value) is list:
        return cast("list[Any]", value)  # type: ignore[redundant-cast]
    if type(value) is tuple:  # (the common other sequence, without the abstract isinstance below)
        return list(cast("tuple[Any, ...]", value))  # type: ignore[redundant-cast]
    if not isinstance(value, Sequence) or isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"{type(value).__name__} is not a list")
    return list(cast("Sequence[Any]", value))  # type: ignore[redundant-cast]


def as_map(value: object) -> dict[Any, Any]:
    """A model's map as a dict, for ``to_wire``: the value itself if it is a dict, else a new dict of any
    mapping, as ``validate()`` takes; anything else (pairs, a list of keys) raises :class:`TypeError`,
    as :func:`as_list` does."""
    if type(value) is dict:
        return cast("dict[Any, Any]", value)  # type: ignore[redundant-cast]
    if not isinstance(value, Mapping):
        raise TypeError(f"{type(value).__name__} is not a map")
    return dict(cast("Mapping[Any, Any]", value))  # type: ignore[redundant-cast]


def items(value: object, name: str) -> list[Any]:
    """A copy of a list of scalars (the response shares nothing with botocore's dict)."""
    if not isinstance(value, (list, tuple)):
        raise MalformedResponseError(name, "a list", value)
    return list(cast("Sequence[Any]", value))


def mapping(value: object, name: str) -> dict[Any, Any]:
    """A copy of a map of scalars (or of lists of scalars)."""
    if not isinstance(value, Mapping):
        raise MalformedResponseError(name, "a map", value)
    entries: Mapping[Any, Any] = value  # pyright: ignore[reportUnknownVariableType]
    return {k: list(v) if isinstance(v, list) else v for k, v in entries.items()}  # pyright: ignore[reportUnknownArgumentType]


def timestamp(value: Any, name: str) -> datetime:
    """A timestamp as botocore gives it (``datetime``), or as JSON carries it (ISO 8601 text, epoch seconds)."""
    if type(value) is datetime:
        return value
    if isinstance(value, datetime):
        return value
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        from botocore.utils import parse_timestamp  # pyright: ignore[reportMissingTypeStubs, reportUnknownVariableType]

        try:
            parsed: datetime = parse_timestamp(value)
            return parsed
        except (ValueError, TypeError, OverflowError, OSError, RuntimeError):  # RuntimeError: an epoch like 1e20
            pass
    raise MalformedResponseError(name, "a timestamp", value)


def blob(value: Any, name: str) -> bytes:
    """Bytes as botocore gives them, or as JSON carries them (base64 text)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if isinstance(value, str):
        import base64
        import binascii

        try:
            return base64.b64decode(value, validate=True)
        except binascii.Error:
            pass
    raise MalformedResponseError(name, "bytes (or base64 text)", value)


def document(value: Any, name: str, depth: int = 0) -> Any:
    """A document member: free-form JSON, copied so that the model shares nothing with the response.
    Deeper than :data:`DOCUMENT_DEPTH` (a dict that holds itself is endless) is malformed."""
    if isinstance(value, (dict, list)):
        if depth > DOCUMENT_DEPTH:
            expected = f"a JSON document nested at most {DOCUMENT_DEPTH} levels deep"
            raise MalformedResponseError(name, expected, cast(object, value))
        if isinstance(value, dict):
            return {k: document(v, name, depth + 1) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
        return [document(v, name, depth + 1) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


def tupled(value: T) -> T:
    """A list given to the constructor of a class only responses use, as the tuple the class holds (a
    model from the wire holds one): so that the two are equal and hash alike. Anything else as it is."""
    given: Any = value
    return cast(T, tuple(cast("list[Any]", given))) if type(given) is list else value  # type: ignore[redundant-cast]


def wire_document(value: Any, depth: int = 0) -> Any:
    """A document member's wire value, for ``to_wire``: a copy made of the dicts and lists botocore
    takes. ``validate()`` accepts any JSON value, a tuple or another Mapping among them (as
    ``json.dumps`` does), which botocore's validator refuses. Deeper than :data:`DOCUMENT_DEPTH`
    raises :class:`ValueError` (``to_wire`` then raises the ``ValidationError`` naming the field)."""
    if isinstance(value, (Mapping, list, tuple)):
        if depth > DOCUMENT_DEPTH:
            raise ValueError(f"a document nested deeper than {DOCUMENT_DEPTH} levels")
        if isinstance(value, Mapping):
            entries: Mapping[Any, Any] = value  # pyright: ignore[reportUnknownVariableType]
            return {k: wire_document(v, depth + 1) for k, v in entries.items()}
        return [wire_document(v, depth + 1) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        import base64

        return base64.b64encode(value).decode("ascii")
    return value


def build(cls: type[M], data: Mapping[str, Any]) -> M:
    """``cls.from_wire(data)``, as the typed client builds every response.

    A large response (a list of at least :data:`~cognito_typed._runtime.fill.LARGE` items) is built
    with the cyclic garbage collector paused: its thousands of new objects, all alive until the build
    ends, would otherwise be traversed by collection after collection (and promoted, so that full
    collections follow), making the cost per item grow with the size of the response. The collector
    is resumed right after, only if it was running: a program that turned it off keeps it off.
    Cognito's own pages hold at most 60 items, so against AWS this never pauses.

    When the C builder is there (:mod:`cognito_typed._runtime.fill`), it builds the common case
    (a response as botocore parses it, pausing the collector itself) and ``from_wire`` the rest:
    equal models either way.
    """
    fast = PLANS.get(cls, UNPLANNED)
    if fast is UNPLANNED:
        fast = plan(cls)
    if fast is not None and (made := fast(data)) is not None:  # (None for anything but a dict)
        built: M = made  # (no typing.cast on every response: it is a call)
        return built
    paused = gc.isenabled() and _holds_large_list(data)
    if paused:
        gc.disable()
    try:
        return cls.from_wire(data)
    finally:
        if paused:
            gc.enable()


def _holds_large_list(data: Mapping[str, Any]) -> bool:
    if isinstance(data, dict):  # (anything else is for from_wire to take or call malformed)
        for v in data.values():  # (a loop, not any() over a generator: without the C builder this runs on every call)
            if type(v) is list and len(v) >= LARGE:  # pyright: ignore[reportUnknownArgumentType]
                return True
    return False


def metadata(data: Mapping[str, Any]) -> ResponseMetadata | None:
    """The response's ``ResponseMetadata``, if botocore added one."""
    value = data.get("ResponseMetadata")
    return None if value is None else ResponseMetadata.from_wire(value)
