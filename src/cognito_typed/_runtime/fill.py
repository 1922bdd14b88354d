"""The C builder of response models, when it is built: a plan per model class, made on first use.

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

The extension is built from ``_fill.c`` when the package is installed from source with a C
compiler at hand (``optional`` in ``setup.py``: without one, the install goes on without it).
``COGNITO_TYPED_PURE_PYTHON=1`` in the environment (any value but ``0`` or empty) turns it off (the
benchmarks measure both).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from cognito_typed._runtime import _fill

__all__ = ["AVAILABLE", "KINDS", "PLANS", "UNPLANNED", "plan"]

Plan: type[_fill.Plan] | None
try:
    from cognito_typed._runtime import _fill
except ImportError:  # not built (no C compiler at install), or another interpreter
    Plan = None
else:
    Plan = _fill.Plan

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
}
_HOLDS_PLAN = frozenset({"struct", "structs", "struct_map"})

PLANS: Final[dict[type, _fill.Plan | None]] = {}
"""Each class's builder once :func:`plan` made it (``None``: ``from_wire`` builds it)."""
UNPLANNED: Final[Any] = object()
"""``PLANS.get(cls, UNPLANNED)``: no plan made yet."""


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
    if AVAILABLE and Plan is not None:
        PLANS[cls] = None  # (while its members' plans are made)
        entries: list[tuple[str, str, int, bool, Any]] = []
        for name, key, kind, required, held in table:
            if kind in _HOLDS_PLAN and (held := plan(held)) is None:
                kind = "other"
            entries.append((name, key, KINDS[kind], required, held))
        made = Plan(cls, entries)
    PLANS[cls] = made
    return made


def headers(value: Any) -> dict[str, Any] | None:
    """``ResponseMetadata.http_headers`` of a botocore ``HTTPHeaders`` value (a mapping, not a dict)."""
    return dict(value) if isinstance(value, Mapping) else None  # pyright: ignore[reportUnknownArgumentType]
