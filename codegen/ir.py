"""The intermediate representation: small, frozen, botocore-free.

Shapes are keyed by name (never by identity); every reference between nodes is
a shape name looked up in :attr:`Service.shapes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

ShapeKind = Literal[
    "string",
    "enum",
    "integer",
    "long",
    "boolean",
    "blob",
    "timestamp",
    "document",
    "structure",
    "list",
    "map",
]


@dataclass(frozen=True)
class Constraints:
    """What the model says a value must satisfy (lengths for strings, lists and maps)."""

    min: int | None = None
    max: int | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Member:
    wire_name: str
    py_name: str
    shape: str
    required: bool
    documentation: str
    deprecated: bool = False
    sensitive: bool = False  # the member's values are secrets (the shape's trait, or codegen/model_fixes.py)
    json_object: bool = False  # a document member that must be a JSON object (codegen/model_fixes.py)


@dataclass(frozen=True)
class Shape:
    name: str
    kind: ShapeKind
    documentation: str = ""
    constraints: Constraints = Constraints()
    sensitive: bool = False
    enum: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()  # structure
    item: str | None = None  # list
    key: str | None = None  # map
    value: str | None = None  # map
    exception: bool = False
    error_code: str | None = None
    secret_keys: tuple[str, ...] = ()  # a map whose values under these keys are secrets (model_fixes.py)


@dataclass(frozen=True)
class Paginator:
    input_token: tuple[str, ...]
    output_token: tuple[str, ...]
    result_key: str
    limit_key: str | None


@dataclass(frozen=True)
class Operation:
    name: str
    py_name: str
    input: str
    output: str | None
    errors: tuple[str, ...]
    documentation: str
    deprecated: bool
    paginator: Paginator | None
    input_digest: str = ""  # what the client compares with the live model's (installed.input_digest)


@dataclass(frozen=True)
class Service:
    source: str
    botocore_version: str
    api_version: str
    service_name: str
    full_name: str
    shapes: Mapping[str, Shape]
    operations: tuple[Operation, ...]
    warnings: tuple[str, ...]

    def structures(self) -> list[Shape]:
        return [s for s in self.shapes.values() if s.kind == "structure" and not s.exception]

    def exceptions(self) -> list[Shape]:
        return [s for s in self.shapes.values() if s.exception]

    def enums(self) -> list[Shape]:
        return [s for s in self.shapes.values() if s.kind == "enum"]

    def has_path(self, shape_name: str, path: str) -> bool:
        """Whether the dotted wire ``path`` names a member of structure ``shape_name`` (through nested ones)."""
        shape = self.shapes[shape_name]
        for part in path.split("."):
            member = next((m for m in shape.members if m.wire_name == part), None)
            if member is None:
                return False
            shape = self.shapes[member.shape]
        return True
