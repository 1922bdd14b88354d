"""The C builder of the models, when it is built: a plan per model class, made on first use.

Building a response's models in Python costs a few microseconds per structure, most of it the
interpreter's own work per field (a lookup, a store, the ``__class__`` change of :func:`filling`).
The optional extension ``cognito_typed._runtime._fill`` does the same from a table the generator
writes beside each ``from_wire`` (the class's ``_fill``: per field its slot, wire key, kind,
whether required, and the class it holds), for the common case only: a response as botocore
parses it. For anything else (a required member missing or null, a structure that is no ``dict``,
a timestamp that is no ``datetime``, a blob) a plan returns ``None`` and :func:`base.build
<cognito_typed._runtime.base.build>` runs ``from_wire``, which builds the model or raises its
located :class:`MalformedResponseError`. So the two paths give equal models, and the pure-Python
one is the reference (``tests/test_fill.py`` compares them on every response structure).

The same plans give ``validate()`` a quick yes (:func:`accepts`): a request that certainly keeps
every check of its model's ``_check`` is not checked again in Python; anything else is.

The extension is built from ``_fill.c`` when the package is installed from source with a C
compiler at hand (``optional`` in ``setup.py``: without one, the install goes on without it).
``COGNITO_TYPED_PURE_PYTHON=1`` in the environment (any value but ``0`` or empty) turns it off (the
benchmarks measure both).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from cognito_typed._runtime import validation as v
from cognito_typed._runtime.patterns import java_pattern

if TYPE_CHECKING:
    from cognito_typed._runtime import _fill

__all__ = ["AVAILABLE", "CHECKED", "KINDS", "LARGE", "PLANS", "UNPLANNED", "accepts", "plan"]

Plan: type[_fill.Plan] | None
Spec: type[_fill.Spec] | None
try:
    from cognito_typed._runtime import _fill
except ImportError:  # not built (no C compiler at install), or another interpreter
    Plan = Spec = None
else:
    Plan, Spec = _fill.Plan, _fill.Spec

AVAILABLE: Final = Plan is not None and os.environ.get("COGNITO_TYPED_PURE_PYTHON", "0") in ("", "0")
"""The C builder is there and not turned off: :func:`plan` gives builders."""

KINDS: Final = {
    "plain": 0,  # stored as it is (strings, numbers, booleans, enum values)
    "timestamp": 1,  # a datetime
    "list": 2,  # a list of plain values, copied
    "map": 3,  # a dict of plain values, copied
    "struct": 4,  # a structure: the plan of its class
    "structs": 5,  # a list of structures
    "struct_map": 6,  # a dict of structures
    "call": 7,  # a hook called with the value (ResponseMetadata's headers)
    "other": 8,  # left to from_wire (blobs, documents, lists of lists)
    "tuple": 9,  # a list of plain values, as a tuple (a class only responses use)
    "struct_tuple": 10,  # a list of structures, as a tuple (likewise)
}
_HOLDS_PLAN = frozenset({"struct", "structs", "struct_map", "struct_tuple"})

LARGE: Final = 500
"""A response with a list of at least this many items is built with the cyclic GC paused (see
:func:`base.build <cognito_typed._runtime.base.build>`): a plan pauses it itself, ``from_wire``'s
caller around it."""

PLANS: Final[dict[type, _fill.Plan | None]] = {}
"""Each class's builder once :func:`plan` made it (``None``: ``from_wire`` builds it)."""
UNPLANNED: Final[Any] = object()
"""``PLANS.get(cls, UNPLANNED)``: no plan made yet."""
_COMPILING: Final = threading.RLock()
"""Held while plans and their checks are made (each once, on first use)."""


def plan(cls: type) -> _fill.Plan | None:
    """The C builder's plan of ``cls`` (a generated model class, or ``ResponseMetadata``); ``None`` when
    the builder is unavailable or ``cls`` has no table of its own (a user's subclass of a model).

    ``plan(data)`` builds a ``cls`` from a response dict, or returns ``None`` when ``from_wire`` must;
    ``plan.to_wire(obj)`` is ``obj.to_wire()`` of an exact ``cls`` holding what its types say (else
    ``None``: the Python ``to_wire`` runs); ``plan.init(obj, values)`` sets the fields as ``__init__``
    does (the generated ``__init__`` and ``to_wire`` take these first)."""
    try:
        return PLANS[cls]
    except KeyError:
        pass
    made: _fill.Plan | None = None
    table: Any = cls.__dict__.get("_fill")
    if table is None:
        return None  # (not kept: a user's subclasses, made on the fly, stay collectable)
    if not AVAILABLE or Plan is None:
        PLANS[cls] = None
        return None
    with _COMPILING:  # (as in _checking: one thread at a time, nothing left behind by an error)
        if cls in PLANS:
            return PLANS[cls]
        PLANS[cls] = None  # (while its members' plans are made)
        try:
            entries: list[tuple[str, str, int, bool, Any]] = []
            for name, key, kind, required, held in table:
                if kind in _HOLDS_PLAN and (held := plan(held)) is None:
                    kind = "other"
                entries.append((name, key, KINDS[kind], required, held))
            made = Plan(cls, entries, LARGE)
        except BaseException:
            del PLANS[cls]
            raise
        PLANS[cls] = made
    return made


def headers(value: Any) -> dict[str, Any] | None:
    """``ResponseMetadata.http_headers`` of a botocore ``HTTPHeaders`` value (a mapping, not a dict)."""
    return dict(value) if isinstance(value, Mapping) else None  # pyright: ignore[reportUnknownArgumentType]


# --- validate()'s quick yes ------------------------------------------------------------------

CHECKED: Final[dict[type, _fill.Plan | None]] = {}
"""Each class's plan once its checks are set (``None``: the Python ``_check`` alone judges it)."""


def accepts(model: object) -> bool:
    """True when ``model`` certainly keeps every check of its model's ``_check`` (with constraints), so
    that ``validate()`` need not run it; False when not sure (then ``_check`` runs and says what is
    wrong, if anything). The C plan judges from the class's ``_checks`` table (per field its kind,
    whether required, whether secret), the kinds of ``validation`` compiled once into ``Spec``s:
    exact types only, a pattern by the values its kind has seen match (a secret's by the regex)."""
    cls = type(model)
    try:
        checked = CHECKED[cls]
    except KeyError:
        checked = _checking(cls)
    return checked is not None and checked.accepts(model)


def _checking(cls: type) -> _fill.Plan | None:
    """``cls``'s plan with its checks set, made once (``None``: no C builder, or no table of its own).

    One thread at a time compiles (so no thread sees another's half-made structure and judges it in
    Python for good); an error or an interrupt meanwhile leaves nothing behind, to try again next time."""
    table: Any = cls.__dict__.get("_checks")
    made = plan(cls) if table is not None else None
    checks: tuple[tuple[str, v.Kind, bool, bool], ...] = table or ()
    if made is None or Spec is None:
        if table is not None:
            CHECKED[cls] = None
        return None  # (a user's subclass is not kept, as in plan())
    with _COMPILING:
        if cls in CHECKED:  # made by another thread meanwhile, or being made by this one (a recursive shape)
            return CHECKED[cls]
        CHECKED[cls] = None  # (while its members' are made)
        try:
            made.set_checks([(name, required, hide, _spec(kind)) for name, kind, required, hide in checks])
        except BaseException:
            del CHECKED[cls]
            raise
        CHECKED[cls] = made
    return made


def _spec(kind: v.Kind) -> _fill.Spec:
    """``kind`` as the C check judges it (``_fill.c``: a Spec says yes only where ``kind`` finds nothing)."""
    assert Spec is not None
    k: Any = kind
    sensitive, t = kind.sensitive, type(kind)
    if t is v.Str:
        if k.pattern is None:
            return Spec("str", sensitive, k.min, k.max, None, None, None, None, None)
        run, least = java_pattern(k.pattern).ascii_run() or (None, 0)  # (ASCII values then judged without a regex)
        return Spec("str", sensitive, k.min, k.max, k.matched, k.matches(), None, None, None, run, least)
    if t is v.Enum:
        return Spec("enum", sensitive, None, None, k.allowed, None, None, None, None)
    if t is v.Int:
        lo = k._type_lo if k.min is None else max(k.min, k._type_lo)
        hi = k._type_hi if k.max is None else min(k.max, k._type_hi)
        return Spec("int", sensitive, lo, hi, None, None, None, None, None)
    if t is v.Bool:
        return Spec("bool", sensitive, None, None, None, None, None, None, None)
    if t is v.Timestamp:
        return Spec("timestamp", sensitive, None, None, None, None, None, None, None)
    if t is v.ListOf:
        return Spec("list", sensitive, k.min, k.max, None, None, None, _spec(k.item), None)
    if t is v.MapOf:
        secret = k.secret_keys or None
        return Spec("map", sensitive, k.min, k.max, secret, None, None, _spec(k.key), _spec(k.value))
    if t is v.Struct and (sub := CHECKED.get(held := k.resolve(), UNPLANNED)) is not None:
        if sub is UNPLANNED:
            sub = _checking(held)
        if sub is not None:
            return Spec("struct", sensitive, None, None, None, None, sub, None, None)
    return Spec("other", sensitive, None, None, None, None, None, None, None)
