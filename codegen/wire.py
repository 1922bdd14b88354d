"""How a member's value goes to and from the wire, as Python expressions for the generated models.

The one place that maps shapes to conversion code, as :mod:`codegen.types` is for annotations.
``from_wire`` expressions call the helpers of ``cognito_typed._runtime.base`` (``struct``,
``structs``, ``items``, ``timestamp``, ...); every helper they use is recorded so the template
imports exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from codegen import naming
from codegen.ir import Service
from codegen.types import Side

# Shapes whose wire value is the Python value: nothing to convert either way.
PLAIN = frozenset({"string", "enum", "integer", "long", "boolean"})


@dataclass
class Conversions:
    """Renders conversion expressions, collecting the runtime helpers and model classes they use.

    ``side``: as in :func:`codegen.types.model_annotation`, "out" for a class only responses use,
    whose lists are built as tuples."""

    service: Service
    side: Side = "in"
    helpers: set[str] = field(default_factory=set[str])
    classes: set[str] = field(default_factory=set[str])

    def _use(self, helper: str) -> str:
        self.helpers.add(helper)
        return helper

    def use(self, helper: str) -> str:
        """The name of runtime helper ``helper`` (``cognito_typed._runtime.base``), imported by the module."""
        return self._use(helper)

    def _cls(self, shape: str) -> str:
        cls = naming.model_class(shape)
        self.classes.add(cls)
        return cls

    def from_wire(self, shape_name: str, expr: str, wire_name: str) -> tuple[str, str, str | None]:
        """Python for the model value of wire value ``expr`` (never None) of shape ``shape_name``, and
        how an error inside it is located: ``("", None)`` it names its own path, ``("struct", None)``
        it is a nested structure's, ``("list" | "map", class)`` it is one item's."""
        shape = self.service.shapes[shape_name]
        name = repr(wire_name)
        match shape.kind:
            case "structure":
                return f"{self._cls(shape_name)}.from_wire({expr})", "struct", None
            case "list":
                assert shape.item is not None
                item = self.service.shapes[shape.item]
                made = "list" if self.side == "in" else "tuple"
                if item.kind in PLAIN:  # a copy: the model shares no list with the response
                    return (
                        f"{made}({expr}) if type({expr}) is list else {made}({self._use('items')}({expr}, {name}))",
                        "",
                        None,
                    )
                if item.kind == "structure":
                    cls = self._cls(shape.item)
                    self._use("located")
                    listed = f"{expr} if type({expr}) is list else {self._use('items')}({expr}, {name})"
                    return f"{made}(map({cls}.from_wire, {listed}))", "list", cls
                inner, _, _ = self.from_wire(shape.item, "x", f"{wire_name}[]")
                return f"{made}([{inner} for x in {self._use('items')}({expr}, {name})])", "", None
            case "map":
                assert shape.value is not None
                value = self.service.shapes[shape.value]
                if value.kind in PLAIN:
                    return f"dict({expr}) if type({expr}) is dict else {self._use('mapping')}({expr}, {name})", "", None
                if value.kind == "structure":
                    cls = self._cls(shape.value)
                    self._use("located")
                    return f"{{k: {cls}.from_wire(x) for k, x in {expr}.items()}}", "map", cls
                inner, _, _ = self.from_wire(shape.value, "x", f"{wire_name}[]")
                return f"{{k: {inner} for k, x in {self._use('mapping')}({expr}, {name}).items()}}", "", None
            case "timestamp":
                self.helpers.add("datetime")
                return f"{expr} if type({expr}) is datetime else {self._use('timestamp')}({expr}, {name})", "", None
            case "blob":
                return f"{self._use('blob')}({expr}, {name})", "", None
            case "document":
                return f"{self._use('document')}({expr}, {name})", "", None
            case _:
                return expr, "", None

    def fill(self, shape_name: str) -> tuple[str, str | None]:
        """How the C builder (``cognito_typed._runtime.fill``) takes a member of shape ``shape_name``:
        its kind there and the model class it holds, the same conversion as :meth:`from_wire`'s.
        ``"other"`` (blobs, documents, lists of lists): it leaves the structure to ``from_wire``."""
        shape = self.service.shapes[shape_name]
        match shape.kind:
            case "structure":
                return "struct", self._cls(shape_name)
            case "list" | "map":
                held = shape.item if shape.kind == "list" else shape.value
                assert held is not None
                inner = self.service.shapes[held]
                frozen = shape.kind == "list" and self.side == "out"  # (built as a tuple)
                if inner.kind in PLAIN:
                    return "tuple" if frozen else shape.kind, None
                if inner.kind == "structure":
                    kind = "struct_tuple" if frozen else "structs" if shape.kind == "list" else "struct_map"
                    return kind, self._cls(inner.name)
                return "other", None
            case "timestamp":
                return "timestamp", None
            case "blob" | "document":
                return "other", None
            case _:
                return "plain", None

    def to_wire(self, shape_name: str, expr: str) -> str:
        """Python for the wire value of model value ``expr`` (never None): dicts and lists botocore takes."""
        shape = self.service.shapes[shape_name]
        match shape.kind:
            case "structure":
                return f"{expr}.to_wire()"
            case "list":
                assert shape.item is not None
                if self.service.shapes[shape.item].kind in PLAIN:  # (a wrong type is refused, never made a list)
                    if self.side == "out":  # (a copy whatever it is: the wire's list is the caller's)
                        return f"list({expr}) if type({expr}) is tuple else list({self._use('as_list')}({expr}))"
                    return f"list({expr}) if type({expr}) is list else {self._use('as_list')}({expr})"
                return f"[{self.to_wire(shape.item, 'x')} for x in {self._use('as_list')}({expr})]"
            case "map":
                assert shape.value is not None
                if self.service.shapes[shape.value].kind in PLAIN:
                    return f"dict({expr}) if type({expr}) is dict else {self._use('as_map')}({expr})"
                return f"{{k: {self.to_wire(shape.value, 'x')} for k, x in {self._use('as_map')}({expr}).items()}}"
            case "blob":  # text is sent as its UTF-8 bytes, as botocore sends it: to_json() then gives base64
                return f"{expr}.encode() if isinstance({expr}, str) else {expr}"
            case "document":  # dicts and lists, as botocore takes them (a tuple, a Mapping: validate() takes them)
                return f"{self._use('wire_document')}({expr})"
            case _:
                return expr


JAVA_RANGES = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def suspect_expr(service: Service, name: str) -> str | None:
    """A Python condition on ``v`` that is false only when the value certainly keeps every rule of
    shape ``name``, so that the generated ``_check`` calls the shape's checker only for a value that
    may break one; None for the shapes whose checks always need the checker (structures, lists,
    maps, sensitive values)."""
    shape = service.shapes[name]
    c = shape.constraints
    if shape.sensitive:
        return None
    match shape.kind:
        case "integer" | "long":
            lo, hi = JAVA_RANGES[shape.kind]
            low, high = lo if c.min is None else c.min, hi if c.max is None else c.max
            return f"type(v) is not int or not {low} <= v <= {high}"
        case "boolean":
            return "type(v) is not bool"
        case "enum":
            return f"type(v) is not str or v not in k.{name}.allowed"
        case "string" if c.pattern is not None:  # a value seen to keep the length and pattern (validation.Str)
            return f"type(v) is not str or v not in k.{name}.matched"
        case "string":
            if c.min is None and c.max is None:
                return "type(v) is not str"
            low = 0 if c.min is None else c.min
            return f"type(v) is not str or not {low} <= len(v)" + (f" <= {c.max}" if c.max is not None else "")
        case _:
            return None


def kind_entry(service: Service, name: str, *, json_object: bool = False) -> str:
    """The checker of shape ``name``, as its entry in the generated ``models/_kinds.py``:
    ``(kind, arguments, keyword arguments)`` of a kind of ``cognito_typed._runtime.validation``,
    all constants (the module stays cheap to load; each kind is made when first used)."""
    shape = service.shapes[name]
    c = shape.constraints
    kw: list[tuple[str, object]] = []
    if shape.kind in ("string", "blob", "list", "map", "integer", "long"):  # lengths or ranges
        if c.min is not None:
            kw.append(("min", c.min))
        if c.max is not None:
            kw.append(("max", c.max))
    if shape.kind == "string" and c.pattern is not None:
        kw.append(("pattern", c.pattern))
    if shape.kind == "long":
        kw.append(("long", True))
    if shape.sensitive:
        kw.append(("sensitive", True))
    if shape.secret_keys:
        kw.append(("secret_keys", shape.secret_keys))
    if json_object:
        kw.append(("json_object", True))
    args: tuple[object, ...] = ()
    match shape.kind:
        case "string":
            kind = "Str"
        case "enum":
            kind, args = "Enum", (shape.enum,)
        case "integer" | "long":
            kind = "Int"
        case "boolean":
            kind = "Bool"
        case "blob":
            kind = "Blob"
        case "timestamp":
            kind = "Timestamp"
        case "document":
            kind = "Document"
        case "structure":
            kind = "Struct"
            args = (f"cognito_typed.models.{naming.model_module(name)}", naming.model_class(name))
        case "list":
            kind, args = "ListOf", (shape.item,)  # kinds, by name
        case "map":
            kind, args = "MapOf", (shape.key, shape.value)
        case _:
            raise AssertionError(shape.kind)
    return repr((kind, args, tuple(kw)))
