"""Readers that touch every member of a response, written out as a user would write them.

For a fair "every field read on both sides", the raw reader reads dict keys
(``r["UserPool"]["Policies"]["PasswordPolicy"]["MinimumLength"]``) and the typed reader the
same members as attributes (``r.user_pool.policies.password_policy.minimum_length``). Both are
generated from the same botocore shape as plain Python functions (no reflection at read time),
so they differ only in how a member is read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import cognito_typed.models


def _py_names(shape_name: str) -> dict[str, str]:
    """wire name -> field name of the model class of ``shape_name``."""
    cls = getattr(cognito_typed.models, shape_name)
    return {f.metadata["wire"]: f.name for f in dataclasses.fields(cls) if "wire" in f.metadata}


class _Writer:
    def __init__(self, typed: bool) -> None:
        self.typed = typed
        self.lines: list[str] = []
        self.count = 0

    def var(self) -> str:
        self.count += 1
        return f"v{self.count}"

    def read(self, shape: Any, expr: str, indent: int) -> None:
        pad = " " * indent
        kind = shape.type_name
        if kind == "structure":
            names = _py_names(shape.name) if self.typed else {}
            for wire, member in shape.members.items():
                var = self.var()
                access = f"{expr}.{names[wire]}" if self.typed else f"{expr}.get({wire!r})"
                self.lines.append(f"{pad}{var} = {access}")
                if member.type_name in ("structure", "list", "map"):
                    self.lines.append(f"{pad}if {var} is not None:")
                    self.read(member, var, indent + 4)
        elif kind == "list" and shape.member.type_name in ("structure", "list", "map"):
            item = self.var()
            self.lines.append(f"{pad}for {item} in {expr}:")
            self.read(shape.member, item, indent + 4)
        elif kind == "map" and shape.value.type_name in ("structure", "list", "map"):
            item = self.var()
            self.lines.append(f"{pad}for {item} in {expr}.values():")
            self.read(shape.value, item, indent + 4)
        else:  # a list or map of scalars: read every item
            item = self.var()
            self.lines.append(f"{pad}for {item} in {expr}:")
            self.lines.append(f"{pad}    pass")


def reader(shape: Any, *, typed: bool) -> Callable[[Any], None]:
    """A function that reads every member of a value of botocore shape ``shape``."""
    writer = _Writer(typed)
    writer.read(shape, "r", 4)
    source = "def read(r):\n" + "\n".join(writer.lines or ["    pass"]) + "\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<reader {shape.name} {'typed' if typed else 'raw'}>", "exec"), namespace)
    read: Callable[[Any], None] = namespace["read"]
    return read
