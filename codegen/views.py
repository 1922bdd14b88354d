"""IR -> the plain data each template loops over. All decisions live here, not in templates."""

from __future__ import annotations

import keyword
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypedDict

from codegen import docs, naming, presence
from codegen.ir import Service
from codegen.merges import derive as derive_merges
from codegen.types import (
    Ann,
    Side,
    TypedDictNames,
    imports_for,
    kind_expr,
    model_annotation,
    reachable,
    typed_dict_annotation,
)


@dataclass(frozen=True)
class FieldView:
    name: str
    annotation: str
    default: str | None  # None: required, no default
    doc: str


@dataclass(frozen=True)
class ClassView:
    name: str
    base: str
    doc: str
    fields: tuple[FieldView, ...]
    functional: bool = False  # a key is no valid identifier: use TypedDict("Name", {...})


class KindView(TypedDict):
    name: str
    expr: str


class BindFieldView(TypedDict):
    name: str
    wire: str
    kind: str
    required: bool


class BindView(TypedDict):
    cls: str
    sensitive: bool
    fields: list[BindFieldView]


class BoundOperationView(TypedDict):
    request: str
    name: str
    method: str
    response: str


class PaginatorView(TypedDict):
    item: str
    input_token: str
    output_token: str
    result: str


class MethodView(TypedDict):
    method: str
    request: str
    response: str | None
    params: list[FieldView]
    doc: str
    paginator: PaginatorView | None


class MergeSpecView(TypedDict):
    name: str
    update_model: str
    describe_model: str
    resource_model: str
    resource: str | None
    updated: str | None
    identifiers: tuple[str, ...]
    carried: tuple[tuple[str, str], ...]
    dropped: tuple[str, ...]
    last_modified: str | None
    drop_when_present: tuple[tuple[str, str], ...]
    omit_empty: tuple[str, ...]
    read_only_keys: tuple[tuple[str, str], ...]
    doc: str


class MergeMethodView(TypedDict):
    method: str
    spec: str
    update_model: str
    resource_model: str
    params: list[FieldView]
    operation: str
    describe: str
    plan_doc: str
    merge_doc: str
    concurrency: bool


def _literal_imports(anns: list[Ann]) -> list[str]:
    return sorted(set[str]().union(*(a.literals for a in anns)))


def literals(service: Service) -> dict[str, Any]:
    enums = service.enums()
    return {
        "enums": [
            {"name": naming.literal_alias(s.name), "members": s.enum, "doc": docs.summary(s.documentation)}
            for s in enums
        ],
        "all": sorted(naming.literal_alias(s.name) for s in enums),
    }


def dependencies_first(names: Iterable[str], deps: Callable[[str], Iterable[str]]) -> list[str]:
    """``names`` with each one's dependencies (among ``names``) first; ties in name order.

    Generated modules define everything before use (``typing`` evaluates TypedDict bodies at
    class creation), so a cycle is an error that names the shape, not a silent misordering.
    """
    wanted = set(names)
    order: list[str] = []
    state: dict[str, bool] = {}  # name -> finished

    def visit(name: str) -> None:
        if state.get(name) is True:
            return
        if name in state:
            raise ValueError(f"{name} refers to itself through its members: it needs a quoted forward reference")
        state[name] = False
        for dep in sorted(deps(name)):
            if dep in wanted:
                visit(dep)
        state[name] = True
        order.append(name)

    for name in sorted(wanted):
        visit(name)
    return order


def _children(service: Service, name: str) -> set[str]:
    shape = service.shapes[name]
    return {m.shape for m in shape.members} | {s for s in (shape.item, shape.key, shape.value) if s}


def type_defs(service: Service) -> dict[str, Any]:
    tds = TypedDictNames(service, presence.always_present(service))  # responses: what AWS always returns
    structures = [s.name for s in service.structures()]
    # Every TypedDict is defined before use: typing evaluates NotRequired[] at class creation.
    order = dependencies_first(structures, lambda n: _children_structs(service, n))
    classes: list[ClassView] = []
    anns: list[Ann] = []
    for name in order:
        shape = service.shapes[name]
        for side in tds.sides(name):
            fields: list[FieldView] = []
            for m in shape.members:
                ann = typed_dict_annotation(service, m.shape, side, tds)
                anns.append(ann)
                text = ann.text if tds.required(name, m, side) else f"NotRequired[{ann.text}]"
                fields.append(FieldView(m.wire_name, text, None, docs.summary(m.documentation, 200)))
            functional = any(not f.name.isidentifier() or keyword.iskeyword(f.name) for f in fields)
            doc = docs.summary(shape.documentation)
            classes.append(ClassView(tds(name, side), "TypedDict", doc, tuple(fields), functional))
    return {
        "classes": classes,
        "imports": imports_for(anns),
        "literals": _literal_imports(anns),
        "all": sorted(c.name for c in classes),
    }


def _children_structs(service: Service, name: str) -> set[str]:
    """Structures reachable from ``name`` through lists and maps, not through other structures."""
    out: set[str] = set()
    for child in _children(service, name):
        shape = service.shapes[child]
        if shape.kind == "structure":
            out.add(child)
        elif shape.kind in ("list", "map"):
            out |= _children_structs(service, child)
    return out


def models(service: Service) -> dict[str, Any]:
    tds = TypedDictNames(service)
    responses = {op.input: op for op in service.operations}
    classes: list[ClassView] = []
    anns: list[Ann] = []
    for shape in service.structures():
        side: Side = "in" if shape.name in tds.inputs else "out"
        fields: list[FieldView] = []
        for m in shape.members:
            ann = model_annotation(service, m.shape, side)
            anns.append(ann)
            text = ann.text if m.required else f"{ann.text} | Unset"
            default = None if m.required else "UNSET"
            fields.append(FieldView(m.py_name, text, default, docs.summary(m.documentation, 200)))
        op = responses.get(shape.name)
        base = "Model"
        if op is not None:
            base = f'Request["{naming.model_class(op.output)}"]' if op.output else "Request[None]"
        classes.append(
            ClassView(naming.model_class(shape.name), base, docs.summary(shape.documentation), tuple(fields))
        )

    referenced: set[str] = set()
    for s in service.structures():
        referenced |= reachable(service, _children(service, s.name))
    kind_order = dependencies_first(
        referenced,
        lambda n: _children(service, n) if service.shapes[n].kind in ("list", "map") else set(),
    )
    kinds: list[KindView] = [{"name": f"_{n}", "expr": kind_expr(service.shapes[n])} for n in kind_order]
    binds: list[BindView] = [
        {
            "cls": naming.model_class(s.name),
            "sensitive": s.sensitive,
            "fields": [
                {"name": m.py_name, "wire": m.wire_name, "kind": f"_{m.shape}", "required": m.required}
                for m in s.members
            ],
        }
        for s in service.structures()
    ]
    operations: list[BoundOperationView] = [
        {
            "request": naming.model_class(op.input),
            "name": op.name,
            "method": op.py_name,
            "response": naming.model_class(op.output) if op.output else "None",
        }
        for op in service.operations
    ]
    runtime = {"Field", "Model", "bind"} | {k["expr"].split("(", 1)[0] for k in kinds}
    runtime |= {"Request", "bind_operation"} if operations else set()
    runtime |= {"UNSET", "Unset"} if any(f.default for c in classes for f in c.fields) else set()
    enum_kinds = sorted(n for n in kind_order if service.shapes[n].kind == "enum")
    return {
        "classes": classes,
        "imports": imports_for(anns),
        "literals": sorted(set(_literal_imports(anns)) | {naming.literal_alias(n) for n in enum_kinds}),
        "kinds": kinds,
        "runtime": sorted(runtime, key=lambda n: (not n.isupper(), n)),
        "binds": binds,
        "operations": operations,
        "all": sorted(c.name for c in classes),
    }


def errors(service: Service) -> dict[str, Any]:
    excs = service.exceptions()
    return {
        "classes": [
            {"name": naming.model_class(s.name), "code": s.error_code, "doc": docs.summary(s.documentation)}
            for s in excs
        ],
        "all": sorted(naming.model_class(s.name) for s in excs),
    }


def header(service: Service) -> str:
    return (
        f"# Generated by `python -m codegen` from {service.source} "
        f"({service.service_name} {service.api_version}). Do not edit."
    )


def counts(service: Service) -> dict[str, int]:
    return {
        "operations": len(service.operations),
        "structures": len(service.structures()),
        "enums": len(service.enums()),
        "exceptions": len(service.exceptions()),
        "paginators": sum(1 for op in service.operations if op.paginator),
    }


def client(service: Service) -> dict[str, Any]:
    """One method per operation, plus a ``paginate_*`` method per paginator."""
    operations: list[MethodView] = []
    anns: list[Ann] = []
    for op in service.operations:
        shape = service.shapes[op.input]
        params: list[FieldView] = []
        for m in shape.members:
            ann = model_annotation(service, m.shape, "in")
            anns.append(ann)
            text = ann.text if m.required else f"{ann.text} | Unset"
            params.append(FieldView(m.py_name, text, None if m.required else "UNSET", ""))
        view: MethodView = {
            "method": op.py_name,
            "request": naming.model_class(op.input),
            "response": naming.model_class(op.output) if op.output else None,
            "params": params,
            "doc": docs.summary(op.documentation, 600, 92)
            + ("\n\nDeprecated by the service model." if op.deprecated else ""),
            "paginator": None,
        }
        if op.paginator is not None:
            assert op.output is not None and len(op.paginator.input_token) == 1, op.name
            out = service.shapes[op.output]
            by_wire = {m.wire_name: m for m in out.members}
            result = by_wire[op.paginator.result_key]
            item_shape = service.shapes[result.shape].item
            assert item_shape is not None, op.name
            item = model_annotation(service, item_shape, "out")
            anns.append(item)
            in_by_wire = {m.wire_name: m for m in shape.members}
            view["paginator"] = {
                "item": item.text,
                "input_token": in_by_wire[op.paginator.input_token[0]].py_name,
                "output_token": by_wire[op.paginator.output_token[0]].py_name,
                "result": result.py_name,
            }
        operations.append(view)
    merge_methods = _merge_methods(service)
    refs = {o["request"] for o in operations} | {o["response"] for o in operations if o["response"]}
    refs |= {m["update_model"] for m in merge_methods} | {m["resource_model"] for m in merge_methods}
    anns += [
        model_annotation(service, m.shape, "in")
        for p in derive_merges(service)[0]
        for m in service.shapes[p.update.input].members
    ]
    return {
        "operations": operations,
        "merges": merge_methods,
        "imports": imports_for(anns),
        "literals": _literal_imports(anns),
        "models": sorted(refs.union(*(a.refs for a in anns))),
        "counts": counts(service),
    }


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=96, break_long_words=False, break_on_hyphens=False)


def _constant(op_name: str) -> str:
    return naming.snake(op_name).upper()


def merges(service: Service) -> dict[str, Any]:
    """One MergeSpec per update/describe pair; the skipped updates with the reason."""
    pairs, skipped = derive_merges(service)
    specs: list[MergeSpecView] = []
    for p in pairs:
        assert p.describe.output is not None
        resource_shape = (
            next(m.shape for m in service.shapes[p.describe.output].members if m.wire_name == p.resource)
            if p.resource
            else p.describe.output
        )
        specs.append(
            {
                "name": _constant(p.update.name),
                "update_model": naming.model_class(p.update.input),
                "describe_model": naming.model_class(p.describe.input),
                "resource_model": naming.model_class(resource_shape),
                "resource": p.resource,
                "updated": p.updated,
                "identifiers": p.identifiers,
                "carried": p.carried,
                "dropped": p.dropped,
                "last_modified": p.last_modified,
                "drop_when_present": p.quirks.drop_when_present,
                "omit_empty": tuple(sorted(p.quirks.omit_empty)),
                "read_only_keys": p.quirks.read_only_keys,
                "doc": f"{p.update.name} merged over {p.describe.name}: carries {len(p.carried)} members, "
                f"drops {len(p.dropped)} read-only ones ({', '.join(p.dropped) or 'none'}).",
            }
        )
    return {
        "specs": specs,
        "skipped": [
            {"name": s.update.name, "reason": textwrap.wrap(s.reason, 90, drop_whitespace=False)} for s in skipped
        ],
        "models": sorted({s[k] for s in specs for k in ("update_model", "describe_model", "resource_model")}),
    }


def _merge_methods(service: Service) -> list[MergeMethodView]:
    pairs, _ = derive_merges(service)
    specs: dict[str, MergeSpecView] = {s["name"]: s for s in merges(service)["specs"]}
    methods: list[MergeMethodView] = []
    for p in pairs:
        spec = specs[_constant(p.update.name)]
        carried = {u for u, _ in p.carried}
        describe_in = {m.wire_name: m for m in service.shapes[p.describe.input].members}
        params: list[FieldView] = []
        for wire in p.identifiers:
            m = describe_in[wire]
            ann = model_annotation(service, m.shape, "in").text
            params.append(
                FieldView(m.py_name, ann if m.required else f"{ann} | Unset", None if m.required else "UNSET", "")
            )
        for m in service.shapes[p.update.input].members:
            if m.wire_name in p.identifiers:
                continue
            ann = model_annotation(service, m.shape, "in").text
            params.append(
                FieldView(
                    m.py_name, f"{ann} | Unset | Reset" if m.wire_name in carried else f"{ann} | Unset", "UNSET", ""
                )
            )
        caveat = f"\n\n{_wrap(p.quirks.caveat)}" if p.quirks.caveat else ""
        plan_doc = _wrap(
            f"Plan a merged {p.update.name}: call {p.describe.name} and lay the given fields over the current "
            "settings. Nothing is updated; the plan lists every change and holds the full, validated request. "
            "Fields not given keep their value; ``RESET`` sends one absent (Cognito's default); ``reset_paths`` "
            'sends members of nested structures absent (``["LambdaConfig.PreSignUp"]``).'
        )
        concurrency = (
            " ``check_concurrent`` re-reads LastModifiedDate just before sending and raises "
            "``ConcurrentModificationError`` if it moved (this narrows the window; Cognito has no conditional update)."
            if p.last_modified
            else ""
        )
        merge_doc = _wrap(
            f"{p.update.name} without resetting what you did not pass: describe, overlay, send the full update, "
            f"return the updated resource. Sends no update when nothing changes.{concurrency} "
            f"The raw ``{naming.snake(p.update.name)}`` resets every omitted setting to its default."
        )
        methods.append(
            {
                "method": naming.snake(p.update.name),
                "spec": spec["name"],
                "update_model": spec["update_model"],
                "resource_model": spec["resource_model"],
                "params": params,
                "operation": p.update.name,
                "describe": p.describe.name,
                "plan_doc": plan_doc + caveat,
                "merge_doc": merge_doc + caveat,
                "concurrency": p.last_modified is not None,
            }
        )
    return methods
