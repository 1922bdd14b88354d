"""``python -m cognito_idp_typed.check PATH...``: the model's constraints on literal arguments, without mypy.

For pyright users and CI: the same rules and messages as the mypy plugin's ``cognito-constraint``
checks (both come from :mod:`cognito_idp_typed._checks`), found by reading the source alone.
Prints one line per problem, ``path:line: error: message  [cognito-constraint]`` as mypy does, and
exits 1 if there is any, 0 if there is none, 2 if a path cannot be read or parsed.

Which calls are cognito-idp calls is found without a type checker, from how the client is made:
a name or ``self.`` attribute assigned ``boto3.client("cognito-idp")`` (also ``service_name=``,
``Session(...).client(...)``, botocore's ``create_client(...)``, a ``Final`` constant for the name),
a parameter or variable annotated ``CognitoIdentityProviderClient``, a function annotated to return it
or that returns such a call, and ``get_paginator("...")`` on any of these. A value is checked when it
is a literal, a display of literals, or a module-level ``Final`` constant, as under mypy.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cognito_idp_typed._checks import UNKNOWN, Checker, Known, ListValue, MapValue, Problem, Value, operation_shape
from cognito_idp_typed._constraints import PAGINATOR_CLASSES

__all__ = ["check_file", "check_source", "main"]

SERVICE = "cognito-idp"
CLIENT_CLASS = "CognitoIdentityProviderClient"
_FACTORIES = frozenset({"client", "create_client"})


@dataclass
class _Scope:
    clients: set[str] = field(default_factory=set[str])  # names (and "self.x") bound to a client
    paginators: dict[str, str] = field(default_factory=dict[str, str])  # name -> paginator class


class _Finder:
    """What the module binds to clients, and which of its functions return one."""

    def __init__(self, tree: ast.Module) -> None:
        self.finals = _finals(tree)
        self.factories: set[str] = set()  # local functions that return a client
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and self._returns_client(node):
                self.factories.add(node.name)

    def service(self, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return expr.value
        if isinstance(expr, ast.Name) and isinstance(self.finals.get(expr.id), str):
            return str(self.finals[expr.id])
        return None

    def is_client(self, expr: ast.expr | None, scope: _Scope) -> bool:
        if expr is None:
            return False
        if isinstance(expr, ast.Call):
            func = expr.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
            if name in _FACTORIES:
                first = expr.args[0] if expr.args else None
                by_name = next((k.value for k in expr.keywords if k.arg == "service_name"), None)
                given = first if first is not None else by_name
                return given is not None and self.service(given) == SERVICE
            return isinstance(func, ast.Name) and func.id in self.factories
        ref = _reference(expr)
        return ref is not None and ref in scope.clients

    def _returns_client(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        if _names_client_class(node.returns):
            return True
        returns = [n.value for n in ast.walk(node) if isinstance(n, ast.Return)]
        return bool(returns) and all(r is not None and self.is_client(r, _Scope()) for r in returns)


def _finals(tree: ast.Module) -> dict[str, object]:
    """Module-level ``NAME: Final = <literal>``."""
    out: dict[str, object] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(node.value, ast.Constant)
            and _is_final(node.annotation)
        ):
            out[node.target.id] = node.value.value
    return out


def _is_final(annotation: ast.expr) -> bool:
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    return (isinstance(annotation, ast.Name) and annotation.id == "Final") or (
        isinstance(annotation, ast.Attribute) and annotation.attr == "Final"
    )


def _names_client_class(annotation: ast.expr | None) -> bool:
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        return annotation.value.rpartition(".")[2] == CLIENT_CLASS
    if isinstance(annotation, ast.Name):
        return annotation.id == CLIENT_CLASS
    return isinstance(annotation, ast.Attribute) and annotation.attr == CLIENT_CLASS


def _reference(expr: ast.expr) -> str | None:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
        return f"{expr.value.id}.{expr.attr}"
    return None


def _targets(stmt: ast.AST) -> list[ast.expr]:
    if isinstance(stmt, ast.Assign):
        return list(stmt.targets)
    if isinstance(stmt, ast.AnnAssign | ast.NamedExpr):
        return [stmt.target]
    return []


class _Calls:
    """Every cognito-idp operation call and paginate call of a module, with the rule shape that applies."""

    def __init__(self, tree: ast.Module) -> None:
        self.finder = _Finder(tree)
        self.tree = tree

    def __iter__(self) -> Iterator[tuple[ast.Call, str, str]]:
        module = self._scope(self.tree.body, _Scope(), [])
        yield from self._calls(self.tree.body, module, skip_functions=True)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef):
                attributes = self._scope(
                    [m for m in node.body if isinstance(m, ast.FunctionDef | ast.AsyncFunctionDef)], module, []
                )
                for method in node.body:
                    if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                        yield from self._function(method, attributes)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not self._is_method(node):
                yield from self._function(node, module)

    def _is_method(self, func: ast.AST) -> bool:
        return any(isinstance(n, ast.ClassDef) and func in n.body for n in ast.walk(self.tree))

    def _function(
        self, func: ast.FunctionDef | ast.AsyncFunctionDef, outer: _Scope
    ) -> Iterator[tuple[ast.Call, str, str]]:
        params = [
            a.arg
            for a in (*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs)
            if _names_client_class(a.annotation)
        ]
        scope = self._scope(func.body, outer, params)
        yield from self._calls(func.body, scope, skip_functions=True)

    def _scope(self, body: Sequence[ast.stmt], outer: _Scope, params: Iterable[str]) -> _Scope:
        """Names the statements bind to clients or paginators (nested functions included for ``self.x``)."""
        scope = _Scope(set(outer.clients) | set(params), dict(outer.paginators))
        nodes = [n for stmt in body for n in ast.walk(stmt)]
        for _ in range(2):  # a client assigned from another client name, in any order
            for node in nodes:
                annotated = isinstance(node, ast.AnnAssign) and _names_client_class(node.annotation)
                value = getattr(node, "value", None)
                for target in _targets(node):
                    ref = _reference(target)
                    if ref is None:
                        continue
                    if annotated or self.finder.is_client(value, scope):
                        scope.clients.add(ref)
                    elif (cls := self._paginator(value, scope)) is not None:
                        scope.paginators[ref] = cls
        return scope

    def _paginator(self, expr: ast.expr | None, scope: _Scope) -> str | None:
        """The paginator class of ``client.get_paginator("list_users")``."""
        if (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "get_paginator"
            and self.finder.is_client(expr.func.value, scope)
            and expr.args
            and isinstance(name := self.finder.service(expr.args[0]), str)
        ):
            return PAGINATOR_CLASSES.get(name)
        ref = _reference(expr) if expr is not None else None
        return scope.paginators.get(ref) if ref is not None else None

    def _calls(
        self, body: Sequence[ast.stmt], scope: _Scope, skip_functions: bool
    ) -> Iterator[tuple[ast.Call, str, str]]:
        stack: list[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            if skip_functions and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                continue
            stack.extend(ast.iter_child_nodes(node))
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            receiver, method = node.func.value, node.func.attr
            if method == "paginate" and (cls := self._paginator(receiver, scope)) is not None:
                shape = operation_shape("paginate", f"cognito_idp_typed.paginator.{cls}")
                if shape is not None:
                    yield node, f"{cls}.paginate", shape
            elif self.finder.is_client(receiver, scope) and (shape := operation_shape(method)) is not None:
                yield node, method, shape


def _value(expr: ast.expr, finals: dict[str, object]) -> Value[ast.expr]:
    if isinstance(expr, ast.Dict):
        items = tuple(
            (_value(k, finals), _value(v, finals)) for k, v in zip(expr.keys, expr.values, strict=True) if k is not None
        )
        return MapValue(items, expr, complete=all(k is not None for k in expr.keys))
    if isinstance(expr, ast.List | ast.Tuple | ast.Set):
        if any(isinstance(e, ast.Starred) for e in expr.elts):
            return UNKNOWN
        return ListValue(tuple(_value(e, finals) for e in expr.elts), expr)
    value: object = None
    if isinstance(expr, ast.Constant):
        value = expr.value
    elif isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub) and isinstance(expr.operand, ast.Constant):
        value = -expr.operand.value if type(expr.operand.value) is int else None
    elif isinstance(expr, ast.Name):
        value = finals.get(expr.id)
    if isinstance(value, str) or type(value) is int:
        return Known(value, expr)  # pyright: ignore[reportArgumentType]
    return UNKNOWN


def _keywords(call: ast.Call, finals: dict[str, object]) -> Iterator[tuple[str, Value[ast.expr]]]:
    for keyword in call.keywords:
        if keyword.arg is not None:
            yield keyword.arg, _value(keyword.value, finals)
        elif isinstance(keyword.value, ast.Dict):  # f(**{"Key": value})
            for key, value in zip(keyword.value.keys, keyword.value.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    yield key.value, _value(value, finals)


def check_source(source: str, path: str = "<string>") -> list[str]:
    """The problems of one module's source, as output lines (raises SyntaxError)."""
    tree = ast.parse(source, filename=path)
    calls = _Calls(tree)
    found: list[tuple[int, int, str]] = []

    def report(problem: Problem[ast.expr]) -> None:
        found.append((problem.node.lineno, problem.node.col_offset, problem.message))

    for call, label, shape in calls:
        Checker(label, report).arguments(shape, _keywords(call, calls.finder.finals))
    return [f"{path}:{line}: error: {message}  [cognito-constraint]" for line, _, message in sorted(found)]


def check_file(path: Path) -> list[str]:
    return check_source(path.read_text(encoding="utf-8"), str(path))


def _files(paths: Iterable[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if not any(part.startswith(".") for part in p.parts))
        else:
            yield path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cognito_idp_typed.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders (*.py, recursively)")
    args = parser.parse_args(argv)
    problems = 0
    unreadable = False
    for path in _files(args.paths):
        try:
            lines = check_file(path)
        except (OSError, UnicodeDecodeError, SyntaxError) as error:
            print(f"{path}: error: cannot check: {error}", file=sys.stderr)
            unreadable = True
            continue
        for line in lines:
            print(line)
        problems += len(lines)
    if problems:
        print(f"Found {problems} error{'s' if problems != 1 else ''}", file=sys.stderr)
    return 2 if unreadable else 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
