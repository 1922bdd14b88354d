"""IR -> the views of the stub distribution in ``stubs/`` (``cognito-idp-typed-stubs``).

The distribution types existing boto3/botocore code that calls cognito-idp:

- ``literals.py`` / ``type_defs.py``: the Literal aliases and TypedDicts. They are plain
  Python that means the same at runtime as to a type checker, so one file serves both.
- ``client.pyi`` / ``paginator.pyi`` / ``exceptions.pyi``: what botocore builds at runtime,
  described typeshed-style; ``client.py`` / ``paginator.py`` are the runtime placeholders that
  make the names importable for annotations. ``exceptions.py`` defines no class on purpose: a
  placeholder in an ``except`` clause would never match what botocore raises.
- ``cognito_idp_typed_shims/{boto3,botocore}-stubs``: partial stub packages for the three ways to make the
  client, put on the type checkers' search path by a ``.pth`` file and used only while the
  real boto3-stubs is not installed (which always wins: it comes first on ``sys.path``).
- ``_constraints.py``: the model's rules for request values, read by ``mypy_plugin.py``.

Everything here reads the IR only; names come from :mod:`codegen.naming`, annotations from
:mod:`codegen.types`.
"""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from codegen import naming, output, presence
from codegen.ir import Operation, Service, Shape
from codegen.types import Ann, TypedDictNames, imports_for, reachable, typed_dict_annotation
from codegen.views import dependencies_first

PACKAGE = "cognito_idp_typed"
ROOT = f"stubs/{PACKAGE}"
SHIMS = "stubs/cognito_idp_typed_shims"  # not inside the package: see stubs/pyproject.toml
# mypy-boto3-cognito-idp's module names, as a PEP 561 stub-only package: type checkers prefer it to an
# installed mypy-boto3-cognito-idp, and boto3-stubs' overload for "cognito-idp" resolves to our client.
COMPAT = "stubs/mypy_boto3_cognito_idp-stubs"

# TypedDicts that are not model shapes: what botocore adds around every response and error.
RESPONSE_METADATA = naming.typed_dict("ResponseMetadata")
EMPTY_RESPONSE = naming.typed_dict("EmptyResponseMetadata")
PAGINATOR_CONFIG = naming.typed_dict("PaginatorConfig")
ERROR_DETAIL = naming.typed_dict("ClientErrorDetail")
ERROR_RESPONSE = naming.typed_dict("ClientErrorResponse")


def client_class(service: Service) -> str:
    """``Amazon Cognito Identity Provider`` -> ``CognitoIdentityProviderClient`` (botocore's class name + Client)."""
    name = re.sub(r"^(Amazon|AWS)\s+", "", service.full_name)
    return re.sub(r"[^0-9A-Za-z]", "", name) + "Client"


def paginate_request(op: Operation) -> str:
    """The TypedDict of a paginator's ``paginate(**kwargs)``: ``ListUsersRequestPaginateTypeDef``."""
    return naming.typed_dict(f"{op.input}Paginate")


def _names(service: Service) -> TypedDictNames:
    """The TypedDict names, with the response presence of :mod:`codegen.presence` (one instance per view)."""
    return TypedDictNames(service, presence.always_present(service))


def _paginated(service: Service) -> list[Operation]:
    return [op for op in service.operations if op.paginator is not None]


# --------------------------------------------------------------------------- literals


def literals(service: Service) -> dict[str, Any]:
    aliases = [{"name": naming.literal_alias(s.name), "values": sorted(s.enum)} for s in service.enums()]
    if _paginated(service):
        if "PaginatorName" in service.shapes:
            raise ValueError("the model has a shape named PaginatorName: rename the Literal of paginator names")
        aliases.append({"name": "PaginatorName", "values": sorted(op.py_name for op in _paginated(service))})
    return {"aliases": aliases, "all": sorted(a["name"] for a in aliases)}


# --------------------------------------------------------------------------- type_defs


@dataclass(frozen=True)
class TypedDictView:
    name: str
    fields: tuple[tuple[str, str], ...]  # (key, annotation) for type_defs.py
    stub_fields: tuple[tuple[str, str], ...]  # (key, annotation) for type_defs.pyi: ReadOnly where marked
    deps: frozenset[str]  # TypedDicts this one refers to
    functional: bool  # a key is no identifier (``from``, ``None``): TypedDict("Name", {...}) syntax


# A TypedDict key: (wire name, annotation, required, read-only). Read-only keys are the members whose presence
# or type depends on the request (codegen.presence.VARIANTS): a variant is then a subtype of the base TypedDict,
# so code annotated with the base name accepts every variant.
Field = tuple[str, Ann, bool, bool]


def _typed_dict(name: str, fields: list[Field]) -> tuple[TypedDictView, list[Ann]]:
    def text(ann: Ann, required: bool, readonly: bool) -> str:
        inner = f"ReadOnly[{ann.text}]" if readonly else ann.text
        return inner if required else f"NotRequired[{inner}]"

    rendered = tuple((key, text(ann, required, False)) for key, ann, required, _ in fields)
    stub = tuple((key, text(ann, required, readonly)) for key, ann, required, readonly in fields)
    deps = frozenset[str]().union(*(ann.refs for _, ann, _, _ in fields))
    functional = any(not key.isidentifier() or keyword.iskeyword(key) for key, _, _, _ in fields)
    return TypedDictView(name, rendered, stub, deps, functional), [ann for _, ann, _, _ in fields]


def _extra_typed_dicts() -> list[tuple[str, list[Field]]]:
    """The dicts botocore wraps around the model's: response metadata, pagination config, error responses.

    ``RequestId``, ``HTTPStatusCode``, ``HTTPHeaders`` and ``RetryAttempts`` are set by botocore on
    every cognito-idp response (the service always sends a request id); ``HostId`` is S3's only.
    """
    s, i, d = Ann("str"), Ann("int"), Ann("dict[str, str]")

    def ref(name: str) -> Ann:
        return Ann(name, refs=frozenset({name}))

    plain: list[tuple[str, list[tuple[str, Ann, bool]]]] = [
        (
            RESPONSE_METADATA,
            [
                ("RequestId", s, True),
                ("HTTPStatusCode", i, True),
                ("HTTPHeaders", d, True),
                ("RetryAttempts", i, True),
                ("HostId", s, False),
            ],
        ),
        (EMPTY_RESPONSE, [("ResponseMetadata", ref(RESPONSE_METADATA), True)]),
        (PAGINATOR_CONFIG, [("MaxItems", i, False), ("PageSize", i, False), ("StartingToken", s, False)]),
        (ERROR_DETAIL, [("Code", s, True), ("Message", s, True)]),
        (
            ERROR_RESPONSE,
            [("Error", ref(ERROR_DETAIL), True), ("ResponseMetadata", ref(RESPONSE_METADATA), True)],
        ),
    ]
    return [(name, [(k, a, r, False) for k, a, r in fields]) for name, fields in plain]


_METADATA_FIELD: Field = ("ResponseMetadata", Ann(RESPONSE_METADATA, refs=frozenset({RESPONSE_METADATA})), True, False)


def _type_def_specs(service: Service, tds: TypedDictNames) -> list[tuple[str, list[Field]]]:
    """Every TypedDict of type_defs.py: (name, [(key, annotation, required, read-only)])."""
    outputs = {op.output for op in service.operations if op.output}
    varying = _varying_members(service)
    specs = _extra_typed_dicts()
    for shape in service.structures():
        if shape.name not in tds.inputs and shape.name not in tds.outputs:
            continue
        for side in tds.sides(shape.name):
            fields: list[Field] = [
                (
                    m.wire_name,
                    typed_dict_annotation(service, m.shape, side, tds),
                    tds.required(shape.name, m, side),
                    side == "out" and (shape.name, m.wire_name) in varying,
                )
                for m in shape.members
            ]
            if shape.name in outputs and side == "out":  # botocore adds it to every response
                fields.append(_METADATA_FIELD)
            specs.append((tds(shape.name, side), fields))
    for op in _paginated(service):
        assert op.paginator is not None
        # The limit key stays (botocore passes it through as the page size), never required: PageSize can set it.
        fields = [
            (
                m.wire_name,
                typed_dict_annotation(service, m.shape, "in", tds),
                m.required and m.wire_name != op.paginator.limit_key,
                False,
            )
            for m in service.shapes[op.input].members
            if m.wire_name not in op.paginator.input_token
        ]
        fields.append(("PaginationConfig", Ann(PAGINATOR_CONFIG, refs=frozenset({PAGINATOR_CONFIG})), False, False))
        specs.append((paginate_request(op), fields))
    return specs + _variant_specs(service, tds)


# --------------------------------------------------------------------------- presence by request


def variant_name(base: str, variant: str) -> str:
    """``InitiateAuthResponseTypeDef`` + ``Refresh`` -> ``InitiateAuthRefreshResponseTypeDef``;
    ``AuthenticationResultTypeDef`` + ``SignIn`` -> ``AuthenticationResultSignInTypeDef``."""
    stem = base.removesuffix("TypeDef")
    for part in ("Response", "Request"):
        if stem.endswith(part):
            return f"{stem.removesuffix(part)}{variant}{part}TypeDef"
    return f"{stem}{variant}TypeDef"


def _varied(service: Service, v: presence.Variant, root: str) -> set[str]:
    """The structures of ``root``'s tree that get a variant TypedDict: those ``v`` changes and those that hold one."""
    changed = {shape for shape, _ in v.present}
    out: set[str] = set()

    def visit(name: str, path: frozenset[str]) -> bool:
        shape = service.shapes[name]
        if shape.kind != "structure" or name in path:
            return False
        holds = [visit(m.shape, path | {name}) for m in shape.members]
        if name in changed or any(holds):
            out.add(name)
            return True
        return False

    visit(root, frozenset())
    for name in reachable(service, [root]) - out:  # a changed structure only reached through a list or map
        if name in changed:
            raise ValueError(f"presence variant {v.name}: {name} is inside a list or map of {root}")
    return out


def _varying_members(service: Service) -> set[tuple[str, str]]:
    """(structure, member) whose presence or TypedDict some variant changes: read-only in the base TypedDicts."""
    ops = {op.name: op for op in service.operations}
    out: set[tuple[str, str]] = set()
    for v in presence.variants(service):
        for name in v.operations:
            output = ops[name].output
            assert output is not None
            varied = _varied(service, v, output)
            for s in varied:
                for m in service.shapes[s].members:
                    if (s, m.wire_name) in v.present or m.shape in varied:
                        out.add((s, m.wire_name))
    return out


@dataclass(frozen=True)
class Overload:
    request: str
    response: str


def _variant_specs(service: Service, tds: TypedDictNames) -> list[tuple[str, list[Field]]]:
    """The TypedDicts of :data:`codegen.presence.VARIANTS`: a response (and nested structures) per variant, and
    for a variant that depends on the request, the request TypedDict its overload takes."""
    ops = {op.name: op for op in service.operations}
    specs: dict[str, list[Field]] = {}

    def add(name: str, fields: list[Field]) -> None:
        if name in specs and specs[name] != fields:
            raise ValueError(f"two presence variants make different TypedDicts named {name}")
        specs[name] = fields

    for v in presence.variants(service):
        for op_name in v.operations:
            op = ops[op_name]
            assert op.output is not None
            varied = _varied(service, v, op.output)
            for s in sorted(varied):
                fields: list[Field] = []
                for m in service.shapes[s].members:
                    if m.shape in varied:
                        inner = variant_name(tds(m.shape, "out"), v.name)
                        ann = Ann(inner, refs=frozenset({inner}))
                    else:
                        ann = typed_dict_annotation(service, m.shape, "out", tds)
                    present = (s, m.wire_name) in v.present
                    changes = present or m.shape in varied
                    fields.append((m.wire_name, ann, tds.required(s, m, "out") or present, changes))
                if s == op.output:
                    fields.append(_METADATA_FIELD)
                add(variant_name(tds(s, "out"), v.name), fields)
            if v.when is not None:
                add(variant_name(tds(op.input, "in"), v.name), _variant_request(service, op, v, tds))
    return sorted(specs.items())


def _variant_request(service: Service, op: Operation, v: presence.Variant, tds: TypedDictNames) -> list[Field]:
    fields: list[Field] = []
    for m in service.shapes[op.input].members:
        ann = typed_dict_annotation(service, m.shape, "in", tds)
        if m.wire_name != v.when:
            fields.append((m.wire_name, ann, m.required, False))
        elif v.values:  # the values that select the variant
            literal = ", ".join(f'"{value}"' for value in sorted(v.values))
            fields.append((m.wire_name, Ann(f"Literal[{literal}]", frozenset({"Literal"})), m.required, False))
        else:  # selected by being passed
            fields.append((m.wire_name, ann, True, False))
    return fields


def _selectors(service: Service, tds: TypedDictNames) -> dict[str, list[tuple[str, str, str]]]:
    """For the plugin: method -> [(overload's request TypedDict, selecting member, its values as Python text)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for op in service.operations:
        for v in presence.variants(service):
            if op.name in v.operations and v.when is not None:
                values = f"frozenset({sorted(v.values)!r})" if v.values else "None"
                out.setdefault(op.py_name, []).append((variant_name(tds(op.input, "in"), v.name), v.when, values))
    return dict(sorted(out.items()))


def overloads(service: Service, op: Operation, tds: TypedDictNames) -> list[Overload]:
    """The signatures of ``op``'s client method, most specific first: one per variant, then the model's."""
    base = Overload(tds(op.input, "in"), _response(service, op, tds))
    found: list[Overload] = []
    for v in presence.variants(service):
        if op.name not in v.operations:
            continue
        response = variant_name(base.response, v.name)
        if v.when is None:
            return [Overload(base.request, response)]
        found.append(Overload(variant_name(base.request, v.name), response))
    return [*found, base]


def type_defs(service: Service) -> dict[str, Any]:
    specs = _type_def_specs(service, _names(service))
    names = [name for name, _ in specs]
    if len(set(names)) != len(names):
        raise ValueError(f"two TypedDicts share a name: {sorted(n for n in names if names.count(n) > 1)}")
    views: list[TypedDictView] = []
    anns: list[Ann] = []
    for name, fields in specs:
        view, used = _typed_dict(name, fields)
        views.append(view)
        anns += used
    imports = imports_for(anns)
    imports["typing"] = sorted({*imports.get("typing", []), "NotRequired", "TypedDict"})
    by_name = {v.name: v for v in views}
    readonly = any(a != b for v in views for a, b in zip(v.fields, v.stub_fields, strict=True))
    return {
        "classes": [by_name[n] for n in dependencies_first(by_name, lambda n: by_name[n].deps)],
        "imports": imports,
        # typing.ReadOnly is Python 3.13's: the .pyi takes typing_extensions' (type checkers always have it)
        "stub_imports": {**imports, "typing_extensions": ["ReadOnly"]} if readonly else imports,
        "literals": sorted(frozenset[str]().union(*(a.literals for a in anns))),
        "all": sorted(names),
    }


# --------------------------------------------------------------------------- client, paginators, exceptions


def _response(service: Service, op: Operation, tds: TypedDictNames) -> str:
    return tds(op.output, "out") if op.output else EMPTY_RESPONSE


def client(service: Service) -> dict[str, Any]:
    tds = _names(service)
    signatures = {op.py_name: overloads(service, op, tds) for op in service.operations}
    paginators = [{"name": op.py_name, "cls": naming.paginator_class(op.name)} for op in _paginated(service)]
    used = {name for sigs in signatures.values() for sig in sigs for name in (sig.request, sig.response)}
    return {
        "cls": client_class(service),
        "operations": [{"method": method, "overloads": sigs} for method, sigs in signatures.items()],
        "paginators": paginators,
        "type_defs": sorted(used),
        "overload": len(paginators) > 1 or any(len(sigs) > 1 for sigs in signatures.values()),
    }


def paginator(service: Service) -> dict[str, Any]:
    tds = _names(service)
    paginators = [
        {
            "cls": naming.paginator_class(op.name),
            "request": paginate_request(op),
            "response": _response(service, op, tds),
        }
        for op in _paginated(service)
    ]
    return {
        "paginators": paginators,
        "type_defs": sorted({p["request"] for p in paginators} | {p["response"] for p in paginators}),
        "all": sorted(["PageIterator", *(p["cls"] for p in paginators)]),
    }


def exceptions(service: Service) -> dict[str, Any]:
    names = sorted(naming.model_class(s.name) for s in service.exceptions())
    return {
        "exceptions": names,
        "error_response": ERROR_RESPONSE,
        "all": sorted(["BotocoreClientError", "Exceptions", *names]),
    }


# --------------------------------------------------------------------------- runtime modules and shims


def runtime_client(service: Service) -> dict[str, Any]:
    cls = client_class(service)
    return {
        "doc": "The client name, importable for annotations; type checkers read client.pyi.",
        "classes": [
            {
                "name": cls,
                "doc": f"The boto3/botocore ``{service.service_name}`` client (its real class is made by botocore).",
            }
        ],
        "generic": [],
        "all": [cls],
    }


def runtime_paginator(service: Service) -> dict[str, Any]:
    classes = [
        {
            "name": naming.paginator_class(op.name),
            "doc": f'What ``get_paginator("{op.py_name}")`` returns.',
        }
        for op in _paginated(service)
    ]
    return {
        "doc": "The paginator names, importable for annotations; type checkers read paginator.pyi.",
        "classes": classes,
        "generic": [{"name": "PageIterator", "doc": "What ``paginate()`` returns: an iterable of response pages."}],
        "all": sorted(["PageIterator", *(c["name"] for c in classes)]),
    }


def runtime_exceptions(service: Service) -> dict[str, Any]:
    return {"service_name": service.service_name}


def package_init(service: Service) -> dict[str, Any]:
    return {
        "cls": client_class(service),
        "service_name": service.service_name,
        "paginators": [naming.paginator_class(op.name) for op in _paginated(service)],
        "model": f"{service.source} ({service.service_name} {service.api_version})",
        "all": sorted([client_class(service), *(naming.paginator_class(op.name) for op in _paginated(service))]),
    }


# boto3.client, boto3.session.Session.client and botocore's Session.create_client take the same arguments.
_CLIENT_PARAMS = (
    "region_name: str | None = None",
    "api_version: str | None = None",
    "use_ssl: bool | None = True",
    "verify: bool | str | None = None",
    "endpoint_url: str | None = None",
    "aws_access_key_id: str | None = None",
    "aws_secret_access_key: str | None = None",
    "aws_session_token: str | None = None",
    "config: Config | None = None",
    "aws_account_id: str | None = None",
)
_SESSION_PARAMS = (
    "aws_access_key_id: str | None = None",
    "aws_secret_access_key: str | None = None",
    "aws_session_token: str | None = None",
    "region_name: str | None = None",
    "botocore_session: BotocoreSession | None = None",
    "profile_name: str | None = None",
    "aws_account_id: str | None = None",
)


def shim(service: Service) -> dict[str, Any]:
    return {
        "cls": client_class(service),
        "service_name": service.service_name,
        "client_module": f"{PACKAGE}.client",
        "client_params": ", ".join(_CLIENT_PARAMS),
        "session_params": ", ".join(_SESSION_PARAMS),
    }


# --------------------------------------------------------------------------- mypy-boto3 names

# mypy-boto3-builder's names, for the PEP 561 stub package that gives code written against
# mypy-boto3-cognito-idp our types: its module is mypy_boto3_<service>, a structure's TypedDict is
# <Shape>TypeDef (no stutter removal), the response variant <Shape>OutputTypeDef, the request union
# <Shape>UnionTypeDef, an enum's Literal <Shape>Type. These are names only: every one is an alias of ours.


def compat_package(service: Service) -> str:
    return "mypy_boto3_" + service.service_name.replace("-", "_")


def _compat_names(service: Service) -> list[tuple[str, str]]:
    """(mypy-boto3 name, our TypedDict name or union text) for every TypedDict of type_defs.py."""
    tds = _names(service)
    have = {name for name, _ in _type_def_specs(service, tds)}
    out: dict[str, str] = {}
    for shape in service.structures():
        if shape.name not in tds.inputs and shape.name not in tds.outputs:
            continue
        ours_in, ours_out = tds(shape.name, "in"), tds(shape.name, "out")
        # The request name is the input variant where there is one; an output-only shape has one TypedDict.
        main = ours_in if shape.name in tds.inputs else ours_out
        out[f"{shape.name}TypeDef"] = main
        if shape.name in tds.outputs:
            out[f"{shape.name}OutputTypeDef"] = ours_out
        if shape.name in tds.inputs and shape.name in tds.outputs:
            out[f"{shape.name}UnionTypeDef"] = f"{ours_in} | {ours_out}" if ours_in != ours_out else ours_in
    for name in (RESPONSE_METADATA, EMPTY_RESPONSE, PAGINATOR_CONFIG):
        out[name] = name
    for op in _paginated(service):
        out[paginate_request(op)] = paginate_request(op)
    missing = {ref for text in out.values() for ref in text.split(" | ")} - have
    if missing:
        raise ValueError(f"mypy-boto3 names refer to TypedDicts type_defs.py does not define: {sorted(missing)}")
    return sorted(out.items())


def compat(service: Service) -> dict[str, Any]:
    enums = [(f"{s.name}Type", naming.literal_alias(s.name)) for s in service.enums()]
    paginator_names = [(f"{op.name}PaginatorName", op.py_name) for op in _paginated(service)]
    typed_dicts = _compat_names(service)
    classes = [(n, t) for n, t in typed_dicts if " | " not in t]
    unions = [(n, t) for n, t in typed_dicts if " | " in t]
    cls = client_class(service)
    paginators = [naming.paginator_class(op.name) for op in _paginated(service)]
    service_name = re.sub(r"Client$", "", cls) + "ServiceName"
    literal_names = [n for n, _ in enums] + [n for n, _ in paginator_names]
    literal_names += ["PaginatorName"] if paginator_names else []
    literal_names += [service_name, "ServiceName", "ResourceServiceName", "RegionName"]
    # mypy-boto3 names the request type of blobs; ours is what codegen.types gives a blob on the request side.
    inputs = reachable(service, [op.input for op in service.operations])
    blob = [("BlobTypeDef", "bytes | bytearray | str")] if any(service.shapes[n].kind == "blob" for n in inputs) else []
    return {
        "package": compat_package(service),
        "aliases": blob,
        "cls": cls,
        "paginators": paginators,
        "enums": sorted(enums),
        "paginator_names": sorted(paginator_names),
        "service_literal": service_name,
        "classes": classes,
        "unions": [(n, " | ".join(f"_t.{part}" for part in t.split(" | "))) for n, t in unions],
        "literals_all": sorted(literal_names),
        "type_defs_all": sorted([*(n for n, _ in typed_dicts), *(n for n, _ in blob)]),
        "init_all": sorted([cls, "Client", *paginators]),
    }


# --------------------------------------------------------------------------- constraints for the mypy plugin

_JAVA_CLASS = re.compile(r"\\p\{([A-Z])\}")


_NON_ASCII = "\\x80-\\U0010ffff"


def _ascii_ranges(categories: str) -> str:
    """The ASCII members of the Unicode categories (``"LN"``: letters and numbers) as class ranges."""
    points = [i for i in range(128) if unicodedata.category(chr(i))[0] in categories]
    out: list[str] = []
    start: int | None = None
    for i, p in enumerate(points):
        start = p if start is None else start
        if i + 1 == len(points) or points[i + 1] != p + 1:
            out.append(f"\\x{start:02x}" if start == p else f"\\x{start:02x}-\\x{p:02x}")
            start = None
    return "".join(out)


def python_pattern(pattern: str) -> str:
    """The model's Java pattern for Python's ``re`` (used with ``re.ASCII`` and ``fullmatch``).

    ``re`` has no ``\\p{X}``: it becomes X's ASCII members plus, outside a negated class, every
    non-ASCII character. A check built on it can only accept more than the service does, never less:
    the plugin reports a value only when it is certainly wrong.
    """
    if "&&" in pattern:
        raise ValueError(f"class intersection is not supported: {pattern}")
    out: list[str] = []
    categories = ""  # the \\p{X} of the class being read
    in_class = negated = False
    i = 0
    while i < len(pattern):
        match = _JAVA_CLASS.match(pattern, i)
        if match and in_class:
            categories += match.group(1)
        elif match:
            out.append(f"[{_ascii_ranges(match.group(1))}{_NON_ASCII}]")
        elif pattern[i] == "\\":
            out.append(pattern[i : i + 2])
        elif pattern[i] == "[" and not in_class:
            in_class, negated = True, pattern.startswith("[^", i)
            out.append("[^" if negated else "[")
            i += 1 if negated else 0
        elif pattern[i] == "]" and in_class and (categories or out[-1] not in ("[", "[^")):
            if categories:
                out.append(_ascii_ranges(categories) + ("" if negated else _NON_ASCII))
            in_class, negated, categories = False, False, ""
            out.append("]")
        else:
            out.append(pattern[i])
        i = match.end() if match else i + (2 if pattern[i] == "\\" else 1)
    translated = "".join(out)
    re.compile(translated, re.ASCII)
    return translated


def _raw(text: str) -> str:
    """``text`` as a Python string literal, raw where that reads better (regular expressions)."""
    return f'r"{text}"' if "\\" in text and '"' not in text and not text.endswith("\\") else repr(text)


@dataclass(frozen=True)
class RuleView:
    name: str
    args: str  # the Rule(...) keyword arguments


def _rule_args(shape: Shape, relevant: set[str], warn: Callable[[str], None]) -> str | None:
    """``Rule(...)`` arguments for a shape the plugin can check a literal against, or None."""
    c = shape.constraints
    args: list[str] = []
    if shape.kind in ("string", "enum", "integer", "long", "list", "map"):
        args += [f"min={c.min}"] if c.min is not None else []
        args += [f"max={c.max}"] if c.max is not None else []
    if shape.kind in ("string", "enum") and c.pattern is not None:
        try:
            regex = python_pattern(c.pattern)
        except (ValueError, re.error) as exc:
            warn(f"shape {shape.name}: pattern {c.pattern!r} is not checked by the mypy plugin ({exc})")
        else:
            args.append(f"pattern={_raw(c.pattern)}")
            args += [f"regex={_raw(regex)}"] if regex != c.pattern else []
    if shape.kind == "enum":
        args.append(f"enum=frozenset({sorted(shape.enum)!r})")
    if shape.kind == "structure":
        members = {m.wire_name: m.shape for m in shape.members if m.shape in relevant}
        args += [f"members={members!r}"] if members else []
    if shape.kind == "list" and shape.item in relevant:
        args.append(f"item={shape.item!r}")
    if shape.kind == "map":
        args += [f"key={shape.key!r}"] if shape.key in relevant else []
        args += [f"value={shape.value!r}"] if shape.value in relevant else []
    if not args:
        return None
    if shape.sensitive:
        args.append("sensitive=True")
    kind = {"long": "integer", "enum": "string"}.get(shape.kind, shape.kind)
    return ", ".join([repr(kind), *args])


def _relevant(service: Service, names: Iterable[str]) -> set[str]:
    """Shapes with a rule of their own, or with one somewhere below them."""
    names = set(names)

    def own(shape: Shape) -> bool:
        c = shape.constraints
        return shape.kind == "enum" or (
            shape.kind in ("string", "integer", "long", "list", "map")
            and (c.min is not None or c.max is not None or (shape.kind == "string" and c.pattern is not None))
        )

    relevant = {n for n in names if own(service.shapes[n])}
    changed = True
    while changed:  # a container is relevant when a child is; iterate to the fixed point (cycles included)
        changed = False
        for n in names - relevant:
            s = service.shapes[n]
            children = [m.shape for m in s.members] + [x for x in (s.item, s.key, s.value) if x]
            if any(c in relevant for c in children):
                relevant.add(n)
                changed = True
    return relevant


def constraints(service: Service) -> dict[str, Any]:
    inputs = reachable(service, [op.input for op in service.operations])
    relevant = _relevant(service, inputs)
    rules: list[RuleView] = []
    for name in sorted(relevant):
        args = _rule_args(service.shapes[name], relevant, output.warn)
        if args is not None:
            rules.append(RuleView(name, args))
    kept = {r.name for r in rules}
    tds = _names(service)
    # The response TypedDicts whose optional keys the plugin's absent-key check reads: output-only shapes
    # and the Output variants (a TypedDict shared with requests may be one the caller filled in).
    responses = sorted(
        {tds(n, "out") for n in tds.outputs if service.shapes[n].kind == "structure"}
        - {tds(n, "in") for n in tds.inputs if service.shapes[n].kind == "structure"}
        | {name for name, _ in _variant_specs(service, tds) if not name.endswith("RequestTypeDef")}
    )
    return {
        "responses": responses,
        "model": f"{service.source} ({service.service_name} {service.api_version})",
        "client": f"{PACKAGE}.client.{client_class(service)}",
        "operations": {op.py_name: op.input for op in service.operations if op.input in kept},
        "paginators": {
            f"{PACKAGE}.paginator.{naming.paginator_class(op.name)}": op.input
            for op in _paginated(service)
            if op.input in kept
        },
        "paginator_classes": {op.py_name: naming.paginator_class(op.name) for op in _paginated(service)},
        "selectors": _selectors(service, tds),
        "rules": rules,
    }


# The files of the distribution: output path -> (template, view builder). ``codegen.TARGETS`` includes these.
TARGETS: dict[str, tuple[str, Callable[[Service], dict[str, Any]]]] = {
    f"{ROOT}/__init__.py": ("stubs/__init__.py.jinja", package_init),
    f"{ROOT}/literals.py": ("stubs/literals.py.jinja", literals),
    f"{ROOT}/type_defs.py": ("stubs/type_defs.py.jinja", type_defs),
    f"{ROOT}/type_defs.pyi": ("stubs/type_defs.pyi.jinja", type_defs),
    f"{ROOT}/client.pyi": ("stubs/client.pyi.jinja", client),
    f"{ROOT}/client.py": ("stubs/placeholders.py.jinja", runtime_client),
    f"{ROOT}/paginator.pyi": ("stubs/paginator.pyi.jinja", paginator),
    f"{ROOT}/paginator.py": ("stubs/placeholders.py.jinja", runtime_paginator),
    f"{ROOT}/exceptions.pyi": ("stubs/exceptions.pyi.jinja", exceptions),
    f"{ROOT}/exceptions.py": ("stubs/exceptions.py.jinja", runtime_exceptions),
    f"{ROOT}/_constraints.py": ("stubs/_constraints.py.jinja", constraints),
    f"{SHIMS}/boto3-stubs/__init__.pyi": ("stubs/shim_boto3.pyi.jinja", shim),
    f"{SHIMS}/boto3-stubs/session.pyi": ("stubs/shim_boto3_session.pyi.jinja", shim),
    f"{SHIMS}/botocore-stubs/__init__.pyi": ("stubs/shim_botocore.pyi.jinja", shim),
    f"{SHIMS}/botocore-stubs/session.pyi": ("stubs/shim_botocore_session.pyi.jinja", shim),
    f"{SHIMS}/botocore-stubs/client.pyi": ("stubs/shim_botocore_client.pyi.jinja", shim),
    f"{COMPAT}/__init__.pyi": ("stubs/compat_init.pyi.jinja", compat),
    f"{COMPAT}/client.pyi": ("stubs/compat_client.pyi.jinja", compat),
    f"{COMPAT}/paginator.pyi": ("stubs/compat_paginator.pyi.jinja", compat),
    f"{COMPAT}/literals.pyi": ("stubs/compat_literals.pyi.jinja", compat),
    f"{COMPAT}/type_defs.pyi": ("stubs/compat_type_defs.pyi.jinja", compat),
}
