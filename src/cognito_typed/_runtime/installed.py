"""What the installed botocore's ``cognito-idp`` model has, against what the typed client was generated from.

The typed client is generated from one botocore release's model; at run time it sends through
whatever botocore is installed, whose model (``client.meta.service_model``: botocore's own, or one
from ``AWS_DATA_PATH``/``~/.aws/models``) may be older. Before anything is sent, what the caller
passes is checked against that live model, so that an operation, a parameter or an enum value it
lacks raises :class:`UnsupportedByBotocoreError` naming it, the installed botocore release and what
to do, instead of ``AttributeError: ... has no attribute 'list_terms'`` or botocore's bare
``Unknown parameter in input``.

Everything is read from the live model once per service model (a botocore client has one; the
cache holds it weakly) and per operation on its first call: a call then costs a subset test of its
wire dict's keys per structure it passes, and a set test per enum value; a method costs nothing
when the model has its operation (``bench/bench_client.py`` measures it).
"""

from __future__ import annotations

import hashlib
import json
import weakref
from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal, cast

__all__ = [
    "Installed",
    "OperationNotInBotocoreError",
    "UnsupportedByBotocoreError",
    "installed",
]

Missing = Literal["operation", "parameter", "enum value"]


class UnsupportedByBotocoreError(Exception):
    """What the caller asked for is not in the installed botocore's ``cognito-idp`` model.

    Raised before anything is sent. ``missing`` lists each thing the model lacks, as
    ``(kind, where, detail)``: kind ``"operation"`` (``where`` is its name), ``"parameter"``
    (``where`` is the wire path, ``CreateUserPoolClient.TokenValidityUnits.AccessToken``; ``detail``
    the structure that lacks it) or ``"enum value"`` (``where`` the path, ``detail`` the value).
    ``botocore_version`` is the installed release, ``generated_from`` the release whose model the
    typed client was generated from. The fix is either to upgrade botocore to a release whose model
    has it (``generated_from``'s has), or to regenerate cognito_typed for the installed botocore.
    An enum value the installed model lacks is a constraint: botocore itself does not check enum
    values, so ``constraints=False`` sends it, for the service to judge.
    """

    __module__ = "cognito_typed"
    operation: str
    missing: tuple[tuple[Missing, str, str], ...]
    botocore_version: str
    generated_from: str

    def __init__(
        self,
        operation: str,
        missing: Iterable[tuple[Missing, str, str]],
        botocore_version: str,
        generated_from: str,
    ) -> None:
        self.operation, self.missing = operation, tuple(missing)
        self.botocore_version, self.generated_from = botocore_version, generated_from
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [_describe(kind, where, detail) for kind, where, detail in self.missing]
        if len(lines) == 1:
            what = f"has no {lines[0]}"
        else:
            what = "lacks what this call passes:\n" + "\n".join(f"  {line}" for line in lines)
        known = self.generated_from not in ("", "unknown")
        source = f"botocore {self.generated_from}'s model" if known else "a model"
        return (
            f"the cognito-idp model of the installed botocore {self.botocore_version} {what}\n"
            f"(cognito_typed was generated from {source}, which has it). "
            "Upgrade botocore to a release whose model has it"
            + (f" ({self.generated_from}'s does)" if known else "")
            + f", or regenerate cognito_typed for botocore {self.botocore_version} (python -m codegen.regenerate)"
            + (
                "; or, since botocore does not check enum values, send it anyway with constraints=False."
                if all(kind == "enum value" for kind, _, _ in self.missing)
                else "."
            )
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.operation, self.missing, self.botocore_version, self.generated_from)


class OperationNotInBotocoreError(UnsupportedByBotocoreError, AttributeError):
    """An operation the installed botocore's model lacks: reading the typed client's method raises it.

    It is an :class:`AttributeError` too, as reading the method of a boto3 client is, so that
    ``hasattr(client, "list_terms")`` is ``False`` on a botocore without ListTerms, as boto3 users
    test for it, and ``getattr(client, name, None)`` works as usual.
    """

    __module__ = "cognito_typed"


def _describe(kind: Missing, where: str, detail: str) -> str:
    if kind == "operation":
        return f"operation {where}"
    if kind == "parameter":
        return f"parameter {where} (no member {where.rsplit('.', 1)[-1]} in {detail})"
    return f"enum value {detail!r} for {where}"


# --- the live model, compiled for the check ------------------------------------------------
#
# A node is ``None`` where nothing needs checking (a scalar without enum, a document), else:
# a structure (its name and wire member -> node), a list (its item's node), a map (its key's
# and value's nodes), or an enum (its name and values).


class _Struct:
    __slots__ = ("members", "name", "nested")

    def __init__(self, name: str) -> None:
        self.name, self.members = name, dict[str, "_Node"]()
        self.nested: tuple[tuple[str, _Node], ...] = ()  # the members whose node is not None


class _List:
    __slots__ = ("item",)

    def __init__(self, item: _Node) -> None:
        self.item = item


class _Map:
    __slots__ = ("key", "value")

    def __init__(self, key: _Node, value: _Node) -> None:
        self.key, self.value = key, value


class _Enum:
    __slots__ = ("name", "values")

    def __init__(self, name: str, values: Iterable[str]) -> None:
        self.name, self.values = name, frozenset(values)


_Node = _Struct | _List | _Map | _Enum | None
_ABSENT: Final[Any] = object()


def _compile(shape: Any, memo: dict[str, _Struct]) -> _Node:
    """The node of a botocore shape (``memo``: by shape name, for recursive shapes)."""
    kind = shape.type_name
    if kind == "structure" and not getattr(shape, "is_document_type", False):  # a document: free-form JSON
        name = shape.name
        if name in memo:
            return memo[name]
        node = memo[name] = _Struct(name)
        node.members.update((wire, _compile(member, memo)) for wire, member in shape.members.items())
        node.nested = tuple((wire, child) for wire, child in node.members.items() if child is not None)
        return node
    if kind == "list":
        item = _compile(shape.member, memo)
        return None if item is None else _List(item)
    if kind == "map":
        key, value = _compile(shape.key, memo), _compile(shape.value, memo)
        return None if key is None and value is None else _Map(key, value)
    if kind == "string" and shape.enum:
        return _Enum(shape.name, shape.enum)
    return None


def _fits(node: _Node, value: Any, enums: bool) -> bool:
    """Whether the live model has all of ``value``: the fast path of every call (no paths made)."""
    if isinstance(node, _Struct):
        if type(value) is not dict:
            return True
        data = cast("dict[str, Any]", value)
        if not data.keys() <= node.members.keys():
            return False
        for wire, child in node.nested:
            item = data.get(wire)
            if item is not None and not _fits(child, item, enums):
                return False
        return True
    if isinstance(node, _Enum):
        return not enums or type(value) is not str or value in node.values
    if isinstance(node, _List):
        if not isinstance(value, (list, tuple)):
            return True
        items = cast("list[Any]", value)
        if isinstance(node.item, _Enum):
            try:
                return not enums or node.item.values.issuperset(items)
            except TypeError:  # unhashable items: the validation's (or botocore's) to refuse
                return True
        return all(_fits(node.item, item, enums) for item in items)
    if isinstance(node, _Map) and isinstance(value, dict):
        entries: dict[Any, Any] = value  # pyright: ignore[reportUnknownVariableType]
        return all(
            (node.key is None or _fits(node.key, key, enums)) and (node.value is None or _fits(node.value, item, enums))
            for key, item in entries.items()
        )
    return True


def _walk(node: _Node, value: Any, path: str, out: list[tuple[Missing, str, str]], enums: bool) -> None:
    """Append what ``value`` (wire data at ``path``) has that ``node`` lacks."""
    if isinstance(node, _Struct):
        if type(value) is not dict:
            return  # a type error is the validation's (or, with constraints=False, botocore's)
        members = node.members
        for key, item in cast("dict[str, Any]", value).items():
            child = members.get(key, _ABSENT)
            if child is None:
                continue
            where = f"{path}.{key}"
            if child is _ABSENT:
                out.append(("parameter", where, node.name))
            else:
                _walk(child, item, where, out, enums)
    elif isinstance(node, _Enum):
        if enums and type(value) is str and value not in node.values:
            out.append(("enum value", path, value))
    elif isinstance(node, _List):
        if isinstance(value, (list, tuple)):
            for i, item in enumerate(value):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
                _walk(node.item, item, f"{path}[{i}]", out, enums)
    elif isinstance(node, _Map) and isinstance(value, dict):
        for key, item in value.items():  # pyright: ignore[reportUnknownVariableType]
            if node.key is not None:
                _walk(node.key, key, f"{path} (key)", out, enums)
            if node.value is not None:
                _walk(node.value, item, f"{path}[{key!r}]", out, enums)


def input_digest(shape: Any) -> str:
    """A digest of what the check reads of an operation's input ``shape`` (a botocore shape, or
    ``None``): every structure's member names and every enum's values, through lists, maps and
    nested structures. The generator records it per request class (``__input_digest__``) from
    the model it generates from; a live model with the same digest has everything a validated
    request of that class can pass, so the check has nothing to look at."""
    node = None if shape is None else _compile(shape, {})
    text = json.dumps(_canonical(node, set()), separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _canonical(node: _Node, seen: set[str]) -> Any:
    """``node`` as nested lists of names (JSON-encoded by the caller: no two nodes give one text)."""
    if node is None:
        return None
    if isinstance(node, _Struct):
        if node.name in seen:
            return ["@", node.name]
        seen.add(node.name)
        return ["S", node.name, [[wire, _canonical(node.members[wire], seen)] for wire in sorted(node.members)]]
    if isinstance(node, _List):
        return ["L", _canonical(node.item, seen)]
    if isinstance(node, _Map):
        return ["M", _canonical(node.key, seen), _canonical(node.value, seen)]
    return ["E", node.name, sorted(node.values)]


class Installed:
    """What one live service model has: its operations, and each operation's input compiled on first use."""

    __slots__ = (
        "__weakref__",
        "_inputs",
        "_model",
        "botocore_version",
        "digests",
        "error_classes",
        "lacking",
        "operations",
    )

    def __init__(self, service_model: Any) -> None:
        import botocore  # pyright: ignore[reportMissingTypeStubs]

        self.botocore_version: str = str(botocore.__version__)  # pyright: ignore[reportUnknownMemberType, reportUnknownArgumentType]
        self.operations: frozenset[str] = frozenset(service_model.operation_names)
        self._model = weakref.ref(service_model)
        self._inputs: dict[str, _Struct] = {}
        self.digests: dict[str, str] = {}
        """Operation -> :func:`input_digest` of its live input, for the operations asked about so far."""
        self.lacking: dict[int, frozenset[str]] = {}
        """id of a client class's operations table (a module constant) -> the methods whose operations it lacks."""
        self.error_classes: dict[tuple[type, type], type] = {}
        """(generated class, the raw client's class for the code) -> the class raised (see ``client.typed_error``)."""

    def input(self, operation: str) -> _Struct:
        found = self._inputs.get(operation)
        if found is None:
            model = self._model()
            assert model is not None  # the client that holds the model is calling
            shape = model.operation_model(operation).input_shape
            node = None if shape is None else _compile(shape, {})
            found = self._inputs[operation] = node if isinstance(node, _Struct) else _Struct(operation)
        return found

    def digest(self, operation: str) -> str:
        """:func:`input_digest` of the live model's input of ``operation`` (which it has)."""
        found = self.digests.get(operation)
        if found is None:
            model = self._model()
            assert model is not None  # the client that holds the model is calling
            found = self.digests[operation] = input_digest(model.operation_model(operation).input_shape)
        return found

    def lacks(
        self, operation: str, params: Mapping[str, Any], *, enums: bool, digest: str | None = None
    ) -> list[tuple[Missing, str, str]]:
        """What ``params`` (the wire dict of ``operation``'s request) has that the live model lacks.

        ``digest``: the input digest of the model the request class was generated from, when
        ``params`` is a validated request of that class (or with ``enums=False``, any of its wire
        dicts): a live input with the same digest lacks nothing of it, and nothing is walked."""
        if operation not in self.operations:
            return [("operation", operation, "")]
        if not params or (digest is not None and digest == self.digest(operation)):
            return []
        node = self.input(operation)
        if _fits(node, params, enums):
            return []
        out: list[tuple[Missing, str, str]] = []
        _walk(node, params, operation, out, enums)
        return out


_INSTALLED: weakref.WeakKeyDictionary[Any, Installed] = weakref.WeakKeyDictionary()


def installed(service_model: Any) -> Installed:
    """The (cached) record of a live botocore service model."""
    found = _INSTALLED.get(service_model)
    if found is None:
        found = _INSTALLED[service_model] = Installed(service_model)
    return found
