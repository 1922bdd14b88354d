"""The one place that maps model shapes to Python types.

Every annotation is an :class:`Ann`: the text to write plus the names it needs
imported, so templates never keep import lists by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from codegen import naming
from codegen.ir import Member, Service, Shape

Side = Literal["in", "out"]

_IMPORTS = {
    "Any": "typing",
    "Literal": "typing",
    "Mapping": "collections.abc",
    "Sequence": "collections.abc",
    "datetime": "datetime",
}


@dataclass(frozen=True)
class Ann:
    text: str
    names: frozenset[str] = frozenset()  # names from _IMPORTS
    literals: frozenset[str] = frozenset()  # Literal aliases
    refs: frozenset[str] = frozenset()  # generated classes this refers to

    def wrap(self, template: str) -> Ann:
        return Ann(template.format(self.text), self.names, self.literals, self.refs)


def _join(template: str, *parts: Ann, names: Iterable[str] = ()) -> Ann:
    return Ann(
        template.format(*(p.text for p in parts)),
        frozenset(names).union(*(p.names for p in parts)),
        frozenset[str]().union(*(p.literals for p in parts)),
        frozenset[str]().union(*(p.refs for p in parts)),
    )


def imports_for(anns: Iterable[Ann]) -> dict[str, list[str]]:
    """``{"typing": ["Any"], ...}`` for the names the annotations use."""
    by_module: dict[str, set[str]] = {}
    for ann in anns:
        for name in ann.names:
            by_module.setdefault(_IMPORTS[name], set()).add(name)
    return {module: sorted(names) for module, names in sorted(by_module.items())}


_SCALARS = {"string": "str", "integer": "int", "long": "int", "boolean": "bool"}


def _scalar(shape: Shape, side: Side) -> Ann | None:
    if shape.kind in _SCALARS:
        return Ann(_SCALARS[shape.kind])
    if shape.kind == "enum":
        return Ann(naming.literal_alias(shape.name), literals=frozenset({shape.name}))
    if shape.kind == "document":
        return Ann("Any", frozenset({"Any"}))
    if shape.kind == "blob":
        return Ann("bytes | bytearray | str" if side == "in" else "bytes")
    if shape.kind == "timestamp":
        # botocore takes ISO 8601 text and epoch seconds too
        return Ann("datetime | str | float" if side == "in" else "datetime", frozenset({"datetime"}))
    return None


def model_annotation(service: Service, name: str, side: Side) -> Ann:
    """Annotation of a dataclass field (or list item / map value) of shape ``name``, in a class that
    requests use (``side="in"``: ``Sequence``/``Mapping``, whatever the caller has) or in one only
    responses use (``"out"``: what the model holds, its lists as tuples, so that a response is
    immutable all through and the cyclic GC can leave a page of it alone)."""
    shape = service.shapes[name]
    if shape.kind == "structure":
        cls = naming.model_class(name)
        return Ann(cls, refs=frozenset({cls}))
    if shape.kind == "blob":
        return Ann("bytes")
    if shape.kind == "list":  # a response model's lists are tuples: a snapshot, immutable as the model
        assert shape.item is not None
        item = model_annotation(service, shape.item, side)
        return _join(
            "Sequence[{}]" if side == "in" else "tuple[{}, ...]", item, names={"Sequence"} if side == "in" else ()
        )
    if shape.kind == "map":
        assert shape.key is not None and shape.value is not None
        key, value = model_annotation(service, shape.key, side), model_annotation(service, shape.value, side)
        return _join(
            "Mapping[{}, {}]" if side == "in" else "dict[{}, {}]", key, value, names={"Mapping"} if side == "in" else ()
        )
    ann = _scalar(shape, side)
    assert ann is not None, shape
    return ann


def typed_dict_annotation(service: Service, name: str, side: Side, td_name: TypedDictNames) -> Ann:
    """Annotation of a TypedDict key: requests take Sequence/Mapping/datetime|str, responses give list/dict/datetime."""
    shape = service.shapes[name]
    if shape.kind == "structure":
        cls = td_name(name, side)
        return Ann(cls, refs=frozenset({cls}))
    if shape.kind == "list":
        assert shape.item is not None
        item = typed_dict_annotation(service, shape.item, side, td_name)
        return _join("Sequence[{}]" if side == "in" else "list[{}]", item, names={"Sequence"} if side == "in" else ())
    if shape.kind == "map":
        assert shape.key is not None and shape.value is not None
        key = typed_dict_annotation(service, shape.key, side, td_name)
        value = typed_dict_annotation(service, shape.value, side, td_name)
        return _join(
            "Mapping[{}, {}]" if side == "in" else "dict[{}, {}]", key, value, names={"Mapping"} if side == "in" else ()
        )
    ann = _scalar(shape, side)
    assert ann is not None, shape
    return ann


class TypedDictNames:
    """Which TypedDicts exist for each structure: one, or an input and an ``Output`` variant."""

    def __init__(self, service: Service, present: frozenset[tuple[str, str]] = frozenset()) -> None:
        """``present``: output members required beyond the model (``codegen.presence``); they split a shape too."""
        self.service = service
        self.present = present
        self.inputs = reachable(service, [op.input for op in service.operations])
        self.outputs = reachable(service, [op.output for op in service.operations if op.output])
        self._differs: dict[str, bool] = {}

    def differs(self, name: str) -> bool:
        """True when the input and output renderings of a shape are not the same text."""
        if name not in self._differs:
            self._differs[name] = False  # cycles: assume equal while visiting
            shape = self.service.shapes[name]
            children = [m.shape for m in shape.members] + [s for s in (shape.item, shape.key, shape.value) if s]
            self._differs[name] = (
                shape.kind in ("list", "map", "blob", "timestamp")
                or any((name, m.wire_name) in self.present for m in shape.members)
                or any(self.differs(c) for c in children)
            )
        return self._differs[name]

    def required(self, shape: str, member: Member, side: Side) -> bool:
        """Whether a key is required in the ``side`` TypedDict of ``shape``."""
        return member.required or (side == "out" and (shape, member.wire_name) in self.present)

    def split(self, name: str) -> bool:
        return name in self.inputs and name in self.outputs and self.differs(name)

    def sides(self, name: str) -> list[Side]:
        if self.split(name):
            return ["in", "out"]
        return ["in"] if name in self.inputs else ["out"]

    def __call__(self, name: str, side: Side) -> str:
        return naming.typed_dict(name, output_variant=side == "out" and self.split(name))


def reachable(service: Service, roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    stack = list(roots)
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = service.shapes[name]
        stack.extend(m.shape for m in shape.members)
        stack.extend(s for s in (shape.item, shape.key, shape.value) if s)
    return seen
