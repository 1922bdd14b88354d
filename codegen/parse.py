"""Turn the raw botocore JSON into the frozen IR. No botocore objects beyond this point."""

from __future__ import annotations

from typing import Any

from codegen import naming
from codegen.ir import Constraints, Member, Operation, Paginator, Service, Shape
from codegen.loader import RawModel

_SCALARS = {"string", "integer", "long", "boolean", "blob", "timestamp"}


def _tuple(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _shape(name: str, raw: dict[str, Any], warnings: list[str]) -> Shape:
    kind = raw["type"]
    common: dict[str, Any] = {
        "name": name,
        "documentation": raw.get("documentation", ""),
        "sensitive": bool(raw.get("sensitive", False)),
        "constraints": Constraints(raw.get("min"), raw.get("max"), raw.get("pattern")),
    }
    if kind == "structure" and raw.get("document"):
        warnings.append(f"shape {name} is a document type: typed Any, checked to be JSON")
        return Shape(kind="document", **common)
    if kind == "structure":
        required = set(raw.get("required", ()))
        members = tuple(
            Member(
                wire_name=wire,
                py_name=naming.snake(wire),
                shape=m["shape"],
                required=wire in required,
                documentation=m.get("documentation", ""),
                deprecated=bool(m.get("deprecated", False)),
            )
            for wire, m in raw["members"].items()
        )
        py_names = [m.py_name for m in members]
        if len(set(py_names)) != len(py_names):
            raise ValueError(f"{name}: two members share a Python name: {py_names}")
        error = raw.get("error", {})
        return Shape(
            kind="structure",
            members=members,
            exception=bool(raw.get("exception", False)),
            error_code=error.get("code", name) if raw.get("exception") else None,
            **common,
        )
    if kind == "list":
        return Shape(kind="list", item=raw["member"]["shape"], **common)
    if kind == "map":
        return Shape(kind="map", key=raw["key"]["shape"], value=raw["value"]["shape"], **common)
    if kind == "string" and "enum" in raw:
        return Shape(kind="enum", enum=tuple(sorted(raw["enum"])), **common)
    if kind in _SCALARS:
        return Shape(kind=kind, **common)
    warnings.append(f"shape {name} has unsupported type {kind!r}: rendered as Any")
    return Shape(kind="document", **common)


def _paginator(raw: dict[str, Any] | None) -> Paginator | None:
    if raw is None:
        return None
    result_key = _tuple(raw["result_key"])
    if len(result_key) != 1:
        raise ValueError(f"paginator with several result keys is not supported: {result_key}")
    return Paginator(
        input_token=_tuple(raw["input_token"]),
        output_token=_tuple(raw["output_token"]),
        result_key=result_key[0],
        limit_key=raw.get("limit_key"),
    )


def parse(raw: RawModel) -> Service:
    model = raw.service
    warnings: list[str] = []
    shapes = {name: _shape(name, model["shapes"][name], warnings) for name in sorted(model["shapes"])}
    pagination = raw.paginators.get("pagination", {})
    digests = raw.input_digests()
    operations = tuple(
        Operation(
            name=name,
            py_name=naming.snake(name),
            input=op["input"]["shape"],
            output=op["output"]["shape"] if "output" in op else None,
            errors=tuple(sorted({e["shape"] for e in op.get("errors", ())})),
            documentation=op.get("documentation", ""),
            deprecated=bool(op.get("deprecated", False)),
            paginator=_paginator(pagination.get(name)),
            input_digest=digests[name],
        )
        for name, op in sorted(model["operations"].items())
    )
    meta = model["metadata"]
    return Service(
        source=raw.source,
        botocore_version=raw.botocore_version,
        api_version=meta["apiVersion"],
        service_name=meta.get("endpointPrefix", "cognito-idp"),
        full_name=meta["serviceFullName"],
        shapes=shapes,
        operations=operations,
        warnings=tuple(warnings),
    )
