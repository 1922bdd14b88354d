"""IR -> the plain data each template loops over. All decisions live here, not in templates."""

from __future__ import annotations

import dataclasses
import keyword
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypedDict

from codegen import docs, naming, presence, request_rules
from codegen.ir import Operation, Service, Shape
from codegen.merges import derive as derive_merges
from codegen.types import (
    Ann,
    Side,
    TypedDictNames,
    imports_for,
    model_annotation,
    reachable,
    typed_dict_annotation,
)
from codegen.wire import Conversions, kind_entry, suspect_expr


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


class PaginatorView(TypedDict):
    item: str
    input_token: str
    output_token: str
    result: str


class MethodView(TypedDict):
    method: str
    operation: str
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
    members: tuple[tuple[str, str], ...]
    carried: tuple[tuple[str, str], ...]
    secrets: tuple[tuple[str, tuple[str, ...]], ...]
    dropped: tuple[str, ...]
    last_modified: str | None
    drop_when_present: tuple[tuple[str, str], ...]
    omit_empty: tuple[str, ...]
    describe_only: tuple[tuple[str, tuple[str, ...], tuple[str, str] | None], ...]
    mirrors: tuple[tuple[str, str], ...]
    one_of: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]
    uncompared: tuple[str, ...]
    not_carried: tuple[tuple[str, str], ...]
    defaults: tuple[tuple[str, object], ...]
    keeps: tuple[str, ...]
    omitted: str  # "documented" or "assumed": how sure the reset table is of what a raw update omits
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


@dataclass(frozen=True)
class ModelFieldView:
    name: str  # Python name
    wire: str
    annotation: str  # of the field and of the __init__ parameter
    init_default: str  # "" (required) or " = None"
    doc: str
    from_wire: str  # expression of the field's value in from_wire
    guard: str  # "" (errors name their own path), "struct", "list" or "map": see wire.Conversions.from_wire
    guard_class: str | None
    fill: str  # the field's entry in the class's ``_fill`` table (see wire.Conversions.fill)
    to_wire: str  # expression of the wire value of ``v`` (the field's value, not None)
    kind: str  # the member's checker in models/_kinds.py
    suspect: str | None  # a condition on v, false only for a certainly valid value (skips the checker)
    required: bool
    hide: bool  # sensitive member: its values are never shown
    repr: bool  # shown in repr (not a sensitive member, nor a map with secret values)
    tuple_list: bool  # a list held as a tuple (a class only responses use): __init__ makes a given list one


@dataclass(frozen=True)
class ModelView:
    name: str
    base: str
    doc: str
    fields: tuple[ModelFieldView, ...]
    response: bool  # an operation's output: gets response_metadata
    hidden: tuple[str, ...]  # sensitive fields: left out of repr
    walrus: bool  # from_wire names a member's value ``v`` on the way (a conversion, or response_metadata)
    sensitive: bool  # the whole structure is sensitive
    operation: str | None  # a request model: its operation, botocore method, response class, rule set
    method: str | None
    response_class: str | None
    rules: str | None
    input_digest: str | None
    fill_init: bool  # __init__ fills the fields in as from_wire does, not by a slot setter each (see below)
    converts: bool  # to_wire converts some value (a nested model, a list, a map, a blob): it may meet a wrong type


FILL_INIT_FROM = 5
"""From this many fields on, ``__init__`` sets them as ``from_wire`` does (two ``__class__`` changes,
then plain stores): below, a slot setter per field costs less (callgrind, ``bench/instructions.py``)."""


EMPTY_RESPONSE = "EmptyResponse"
"""The model of what an operation without an output shape returns: botocore still adds
``ResponseMetadata`` to its response (boto3-stubs' ``EmptyResponseMetadataTypeDef``), so the typed
method returns this one shared structure of no members, which carries ``response_metadata``."""


def response_model(op: Operation) -> str:
    """The model class an operation's typed method returns."""
    return naming.model_class(op.output) if op.output else EMPTY_RESPONSE


def with_empty_response(service: Service) -> Service:
    """``service`` with :data:`EMPTY_RESPONSE` among its shapes, for the models (not the TypedDicts
    and stubs, which mirror botocore's own shapes)."""
    if EMPTY_RESPONSE in service.shapes:
        raise ValueError(f"the model has a shape named {EMPTY_RESPONSE}: the shared empty response needs another name")
    doc = "The response of an operation that returns no data: only what botocore adds to every response."
    empty = Shape(name=EMPTY_RESPONSE, kind="structure", documentation=doc)
    return dataclasses.replace(service, shapes={**service.shapes, EMPTY_RESPONSE: empty})


def _model_view(service: Service, name: str, tds: TypedDictNames, conv: Conversions) -> ModelView:
    shape = service.shapes[name]
    side: Side = "in" if name in tds.inputs else "out"
    fields: list[ModelFieldView] = []
    for m in shape.members:
        ann = model_annotation(service, m.shape, side).text
        hide = shape.sensitive or service.shapes[m.shape].sensitive or m.sensitive
        converted, guard, guard_class = conv.from_wire(m.shape, "v", m.wire_name)
        required = tds.required(name, m, side)  # a response member AWS always returns is required too
        if required:  # a null (None) is as malformed as a missing key: the field's type has no None
            annotation, init_default = ann, ""
            null = f"{conv.use('null')}({(m.wire_name if not guard else '')!r})"  # guarded: the guard adds the path
            value = f"({converted})" if _conditional(converted) else converted  # a conditional itself: grouped
            from_wire = f"{value} if (v := data[{m.wire_name!r}]) is not None else {null}"
        else:
            annotation, init_default = f"{ann} | None", " = None"
            get = f"data.get({m.wire_name!r})"
            from_wire = get if converted == "v" else f"None if (v := {get}) is None else {converted}"
        fields.append(
            ModelFieldView(
                name=m.py_name,
                wire=m.wire_name,
                annotation=annotation,
                init_default=init_default,
                doc=docs.summary(m.documentation, 200),
                from_wire=from_wire,
                guard=guard,
                guard_class=guard_class,
                fill=_fill_entry(m.py_name, m.wire_name, *conv.fill(m.shape), required),
                to_wire=conv.to_wire(m.shape, "v"),
                kind=naming.member_kind(m.shape, json_object=m.json_object),
                suspect=suspect_expr(service, m.shape),
                required=required,
                hide=hide,
                repr=not (hide or service.shapes[m.shape].secret_keys),  # a map holding secrets: all of it
                tuple_list=side == "out" and service.shapes[m.shape].kind == "list",
            )
        )
    op = next((o for o in service.operations if o.input == name), None)
    rules = request_rules.RULES.get(name)
    response_class = response_model(op) if op is not None else None
    if response_class is not None:
        conv.classes.add(response_class)
    outputs = {o.output or EMPTY_RESPONSE for o in service.operations}
    return ModelView(
        name=naming.model_class(name),
        base="Model" if op is None else f"Request[{response_class}]",
        doc=docs.summary(shape.documentation) or naming.model_class(name),
        fields=tuple(fields),
        response=name in outputs,
        hidden=tuple(f.name for f in fields if not f.repr),
        walrus=name in outputs or any("(v :=" in f.from_wire for f in fields),
        sensitive=shape.sensitive,
        operation=op.name if op else None,
        method=op.py_name if op else None,
        response_class=response_class,
        rules=rules.name if rules and op else None,
        input_digest=op.input_digest if op else None,
        fill_init=len(fields) + (name in outputs) >= FILL_INIT_FROM,
        converts=name in outputs or any(f.to_wire != "v" for f in fields),  # (response_metadata is a model)
    )


def _conditional(expr: str) -> bool:
    """Whether ``expr`` is a conditional expression itself (an ``if`` outside every bracket)."""
    depth = 0
    for i, char in enumerate(expr):
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and expr.startswith(" if ", i):
            return True
    return False


def _fill_entry(name: str, wire: str, kind: str, cls: str | None, required: bool) -> str:
    return f"({name!r}, {wire!r}, {kind!r}, {required}, {cls or 'None'})".replace("'", '"')


def model_modules(service: Service) -> dict[str, dict[str, Any]]:
    """One module per structure under ``cognito_typed/models/``: the model class, written out.

    A response member that AWS returns on every success (``codegen.presence``) is a required field,
    as in the response TypedDicts: typed code does not narrow what is always there, and a response
    without it is a :class:`MalformedResponseError` naming it. A shape that requests use too
    (``AttributeType``) keeps the model's optional members: one class serves both sides."""
    service = with_empty_response(service)
    tds = TypedDictNames(service, presence.always_present(service))
    shape_of = {naming.model_class(s.name): s.name for s in service.structures()}
    modules: dict[str, dict[str, Any]] = {}
    for shape in service.structures():
        side: Side = "in" if shape.name in tds.inputs else "out"
        conv = Conversions(service, side)
        view = _model_view(service, shape.name, tds, conv)
        anns = [model_annotation(service, m.shape, side) for m in shape.members]
        runtime: set[str] = {"Model", "dataclass", "malformed"} | ({"Request"} if view.operation else set())
        runtime |= {"setters", "filling", "moved", "plan"} if view.fields or view.response else {"new"}
        runtime |= {"slot_by_slot"} if view.fill_init else set()
        runtime |= {"tupled"} if any(f.tuple_list for f in view.fields) else set()
        runtime |= conv.helpers - {"datetime"} | ({"ResponseMetadata"} if view.response else set())
        if any(f.guard for f in view.fields):
            runtime.add("MalformedResponseError")
        nested = sorted(conv.classes.union(*(a.refs for a in anns)) - {view.name})
        modules[naming.model_module(shape.name)] = {
            "cls": view,
            "typing": ["Any", "Self"],
            "imports": _with_mapping(imports_for(anns)),
            "runtime": sorted(runtime, key=str.lower),
            "literals": _literal_imports(anns),
            "nested": [(naming.model_module(shape_of[c]), c) for c in nested],
        }
    names = [m.lower() for m in modules]
    if len(set(names)) != len(names):
        raise ValueError("two structures would share a module name (case-insensitively)")
    return modules


def _with_mapping(imports: dict[str, list[str]]) -> dict[str, list[str]]:
    """``imports`` without ``typing`` (the template imports what it needs), with ``Mapping``
    (``from_wire`` takes one)."""
    out = {k: v for k, v in imports.items() if k != "typing"}
    out["collections.abc"] = sorted({*out.get("collections.abc", []), "Mapping"})
    return dict(sorted(out.items()))


def models_index(service: Service) -> dict[str, Any]:
    """``cognito_typed.models``: every class by name, loaded on first use."""
    service = with_empty_response(service)
    classes = sorted((naming.model_class(s.name), naming.model_module(s.name)) for s in service.structures())
    return {"classes": classes, "all": sorted([c for c, _ in classes] + ["ResponseMetadata"])}


def kinds(service: Service) -> dict[str, Any]:
    """``cognito_typed/models/_kinds.py``: the checker of every shape a member uses."""
    used: set[str] = set()
    entries: dict[str, str] = {}
    for s in service.structures():
        used |= reachable(service, [m.shape for m in s.members])
        for m in s.members:
            if m.json_object:  # a member-level variant of its shape's checker
                entries[naming.member_kind(m.shape, json_object=True)] = kind_entry(service, m.shape, json_object=True)
    entries |= {n: kind_entry(service, n) for n in used}
    if "ResponseMetadata" in entries:
        raise ValueError("the model has a shape named ResponseMetadata: its checker needs another name")
    metadata = ("cognito_typed._runtime.base", "ResponseMetadata")  # every response's, written as kind_entry writes
    entries["ResponseMetadata"] = repr(("Struct", metadata, ()))
    return {"kinds": [{"name": n, "entry": entries[n]} for n in sorted(entries)]}


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
            text = ann.text if m.required else f"{ann.text} | None"
            params.append(FieldView(m.py_name, text, None if m.required else "None", ""))
        view: MethodView = {
            "method": op.py_name,
            "operation": op.name,
            "request": naming.model_class(op.input),
            "response": response_model(op),
            "params": params,
            "doc": _method_doc(service, op),
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
    refs = {o["response"] for o in operations if o["response"]}  # requests are built as models.X: not imported
    refs |= {m["update_model"] for m in merge_methods} | {m["resource_model"] for m in merge_methods}
    anns += [
        model_annotation(service, m.shape, "in")
        for p in derive_merges(service)[0]
        for m in service.shapes[p.update.input].members
    ]
    needs: dict[str, tuple[str, ...]] = {o["method"]: (o["operation"],) for o in operations}
    needs |= {f"paginate_{o['method']}": (o["operation"],) for o in operations if o["paginator"]}
    for merge in merge_methods:
        needs[f"plan_{merge['method']}"] = needs[f"merge_{merge['method']}"] = (merge["operation"], merge["describe"])
    return {
        "operations": operations,
        "merges": merge_methods,
        "needs": sorted(needs.items()),
        "botocore_version": service.botocore_version,
        "imports": imports_for(anns),
        "literals": _literal_imports(anns),
        "models": sorted(refs.union(*(a.refs for a in anns))),
        "counts": counts(service),
    }


def _method_doc(service: Service, op: Operation) -> str:
    """The model's summary of the operation, and the errors the model says it can raise."""
    doc = docs.summary(op.documentation, 600, 92)
    if op.deprecated:
        doc += "\n\nDeprecated by the service model."
    errors = [naming.model_class(e) for e in op.errors if service.shapes[e].exception]
    if errors:
        listed = textwrap.fill(
            "Raises (cognito_typed.errors): " + ", ".join(errors) + ".", width=92, break_on_hyphens=False
        )
        doc += "\n\n" + listed
    needs = textwrap.fill(
        f"Needs a botocore whose {service.service_name} model has {op.name}, as the model this client was "
        "generated from has (cognito_typed.client.GENERATED_FROM); see cognito_typed.UnsupportedByBotocoreError.",
        width=92,
        break_on_hyphens=False,
    )
    return doc + "\n\n" + needs


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
                "members": tuple((m.py_name, m.wire_name) for m in service.shapes[p.update.input].members),
                "secrets": _secrets(service, p.update.input),
                "carried": p.carried,
                "dropped": p.dropped,
                "last_modified": p.last_modified,
                "drop_when_present": p.quirks.drop_when_present,
                "omit_empty": tuple(sorted(p.quirks.omit_empty)),
                "describe_only": tuple((d.member, d.keys, d.when) for d in p.quirks.describe_only),
                "mirrors": tuple(m.paths for m in p.quirks.mirrors),
                "one_of": tuple((o.structure, o.selector, o.members) for o in p.quirks.one_of),
                "uncompared": tuple(u.member for u in p.quirks.uncompared),
                "not_carried": tuple((n.member, n.shown_by) for n in p.quirks.not_carried),
                "defaults": tuple((path, d.value) for path, d in p.omitted.defaults.items()) if p.omitted else (),
                "keeps": tuple(p.omitted.keeps) if p.omitted else (),
                "omitted": p.omitted.basis if p.omitted else "assumed",
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


def _secrets(service: Service, name: str, prefix: str = "") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The wire paths inside structure ``name`` whose values are secrets the botocore model does not
    mark (codegen/model_fixes.py): ``(path, ())`` for a whole value, ``(path, keys)`` for a map's keys."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for m in service.shapes[name].members:
        shape = service.shapes[m.shape]
        path = prefix + m.wire_name
        if m.sensitive:
            out.append((path, ()))
        elif shape.secret_keys:
            out.append((path, shape.secret_keys))
        elif shape.kind == "structure" and prefix.count(".") < 4:
            out += _secrets(service, m.shape, path + ".")
    return tuple(out)


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
                FieldView(m.py_name, ann if m.required else f"{ann} | None", None if m.required else "None", "")
            )
        for m in service.shapes[p.update.input].members:
            if m.wire_name in p.identifiers:
                continue
            ann = model_annotation(service, m.shape, "in").text
            params.append(
                FieldView(m.py_name, f"{ann} | Reset | None" if m.wire_name in carried else f"{ann} | None", "None", "")
            )
        caveat = f"\n\n{_wrap(p.quirks.caveat)}" if p.quirks.caveat else ""
        plan_doc = _wrap(
            f"Plan a merged {p.update.name}: call {p.describe.name} and lay the given fields over the current "
            "settings. Nothing is updated; the plan lists every change and holds the full, validated request. "
            "Fields not given (``None``) keep their value; ``RESET`` sends one absent (Cognito's default); "
            '``reset_paths`` sends members of nested structures absent (``["LambdaConfig.PreSignUp"]``).'
        )
        raw = f"``{naming.snake(p.update.name)}``"
        if p.omitted is not None and p.omitted.basis == "documented":
            resets = f"The raw {raw} resets every omitted setting to its default (AWS docs: {p.omitted.evidence})"
        else:
            resets = f"The AWS docs do not say whether the raw {raw} resets what it omits; the merge sends it all."
        merge_doc = _wrap(
            f"{p.update.name} without resetting what you did not pass: describe, overlay, send the full update, "
            "return the updated resource. Sends no update when nothing changes. Merges of one resource in this "
            "process run one at a time. ``check_concurrent`` reads the resource again just before sending and "
            "raises ``ConcurrentModificationError`` if anything in it changed (other writers: this narrows the "
            f"window; Cognito has no conditional update). {resets}"
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
            }
        )
    return methods
