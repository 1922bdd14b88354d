"""Reads of response keys that can be absent, for the mypy plugin (error code ``cognito-absent-key``).

mypy has no check for ``resp["AuthenticationResult"]`` when the key is ``NotRequired``, and no plugin
hook on a TypedDict subscript. The plugin watches the types the checker records instead: a
:class:`Watch` replaces the module's type map, and each subscript of a cognito-idp *response*
TypedDict whose key is not required is reported, unless :class:`Guards` found it guarded:

- inside ``if "K" in resp:``, ``if resp.get("K"):``, ``if resp.get("K") is not None:`` (also with
  ``and``/``or``/``not``, in ``while``, in conditional expressions and comprehension conditions);
- after ``if "K" not in resp: return`` (or ``raise``, ``continue``, ``break``) and after ``assert``;
- in a ``try`` whose handlers catch ``KeyError`` or ``LookupError``;
- after a read of the same key (only the first of ``resp["K"]`` reads is reported);
- by the auth flows' contract (:data:`CONTRACT`): where ``ChallengeName`` is known to be there, so are
  ``Session`` and ``ChallengeParameters``; where it is known to be absent, ``AuthenticationResult`` is
  there (and the other way round).

A guard holds until the guarded expression's name is assigned again. mypy itself does not narrow a
single TypedDict's key with ``in``, which is why the guards are found here.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from functools import reduce
from pathlib import Path
from typing import Any, Final

from mypy.checker import TypeChecker
from mypy.errorcodes import ErrorCode
from mypy.nodes import Expression, IndexExpr, StrExpr
from mypy.types import Type, TypedDictType, UnionType, get_proper_type

__all__ = ["ABSENT_KEY", "install"]

ABSENT_KEY: Final = ErrorCode(
    "cognito-absent-key", "A key that a cognito-idp response may leave out, read without a guard", "General"
)

Fact = tuple[str, str]  # (reference, key): "key" is known to be in the dict that "reference" names; "!key": not in it

# What an auth response holds, from its other keys. InitiateAuth's AuthenticationResult (AWS API reference,
# also RespondToAuthChallenge and the Admin variants): "This result is only returned if the user doesn't need
# to pass another challenge. If they must pass another challenge before they get tokens, Amazon Cognito
# returns a challenge in ChallengeName, ChallengeParameters, and Session response parameters."
CONTRACT: Final[dict[str, frozenset[str]]] = {
    "ChallengeName": frozenset({"Session", "ChallengeParameters"}),
    "!ChallengeName": frozenset({"AuthenticationResult"}),
    "!AuthenticationResult": frozenset({"ChallengeName", "Session", "ChallengeParameters"}),
}


def holds(facts: frozenset[Fact], ref: str, key: str) -> bool:
    """Whether ``ref[key]`` is known to be there, directly or through :data:`CONTRACT`."""
    return (ref, key) in facts or any(key in CONTRACT.get(known, ()) for r, known in facts if r == ref)


def install(checker: TypeChecker, responses: frozenset[str]) -> None:
    """Watch ``checker``'s type map (once per checker); earlier entries are checked at once."""
    maps: list[dict[Expression, Type]] = checker._type_maps  # pyright: ignore[reportPrivateUsage]
    if isinstance(maps[0], Watch):
        return
    try:
        source = Path(checker.tree.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # no source to find guards in: no check rather than false alarms
        return
    watch = Watch(maps[0], checker, responses, guarded_reads(source))
    maps[0] = watch
    watch.pending = [node for node in watch if type(node) is IndexExpr]  # checked at the next safe moment
    watch.flush()


class Watch(dict[Expression, Type]):
    """The checker's type map, inspecting each subscript as its type is recorded."""

    def __init__(
        self, entries: dict[Expression, Type], checker: TypeChecker, responses: frozenset[str], guarded: set[Position]
    ) -> None:
        super().__init__(entries)
        self.checker, self.responses, self.guarded = checker, responses, guarded
        self.pending: list[IndexExpr] = []

    def __setitem__(self, node: Expression, typ: Type) -> None:
        super().__setitem__(node, typ)
        if type(node) is IndexExpr:
            self.pending.append(node)
        if self.pending:
            self.flush()

    def flush(self) -> None:
        """Inspect the subscripts recorded so far, unless mypy is trying something out: while it filters
        errors (an overload candidate, ...) a report would be dropped, or would make the candidate fail."""
        if self.checker.msg.errors._watchers:  # pyright: ignore[reportPrivateUsage]
            return
        pending, self.pending = self.pending, []
        for node in pending:
            self.inspect(node)

    def update(self, other: Any = (), /, **kwargs: Any) -> None:  # TypeChecker.store_types merges this way
        merged: dict[Expression, Type] = dict(other)
        for node, typ in merged.items():
            self[node] = typ

    def inspect(self, node: IndexExpr) -> None:
        if not isinstance(node.index, StrExpr):
            return
        if (node.line, node.column, node.end_line, node.end_column) in self.guarded:
            return
        base = self.get(node.base)
        if base is None:
            return
        key = node.index.value
        for td in _typed_dicts(base):
            name = td.fallback.type.fullname
            if name in self.responses and key in td.items and key not in td.required_keys:
                short = name.rpartition(".")[2]
                self.checker.fail(
                    f'Key "{key}" may be absent from "{short}": test "{key}" in ... first, or use .get("{key}")',
                    node,
                    code=ABSENT_KEY,
                )
                return


def _typed_dicts(typ: Type) -> Iterable[TypedDictType]:
    proper = get_proper_type(typ)
    if isinstance(proper, TypedDictType):
        yield proper
    elif isinstance(proper, UnionType):
        for item in proper.items:
            item = get_proper_type(item)
            if isinstance(item, TypedDictType):
                yield item


# --------------------------------------------------------------------------- guards
# Found on Python's own syntax tree of the module (mypy's traverser cannot be subclassed by a plugin);
# a subscript is matched to mypy's IndexExpr by its start and end position.

_HANDLERS: Final = frozenset({"KeyError", "LookupError"})
_EXITS: Final = (ast.Return, ast.Raise, ast.Continue, ast.Break)

Position = tuple[int, int, int, int]  # line, column, end line, end column (as mypy's nodes have them)


def guarded_reads(source: str) -> set[Position]:
    """The positions of the guarded subscripts ``ref["K"]`` of a module's source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    guards = Guards()
    guards.visit(tree)
    return guards.guarded


def reference(expr: ast.expr) -> str | None:
    """``resp``, ``self.resp``, ``resp["A"]["B"]`` as text; None for anything else (a call, ...)."""
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        base = reference(expr.value)
        return None if base is None else f"{base}.{expr.attr}"
    if isinstance(expr, ast.Subscript) and isinstance(key := _str(expr.slice), str):
        base = reference(expr.value)
        return None if base is None else f"{base}[{key!r}]"
    return None


def _str(expr: ast.expr) -> str | None:
    return expr.value if isinstance(expr, ast.Constant) and isinstance(expr.value, str) else None


def _get_call(expr: ast.expr) -> Fact | None:
    """``ref.get("K", ...)`` -> (ref, "K")."""
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "get"
        and expr.args
        and (key := _str(expr.args[0])) is not None
    ):
        ref = reference(expr.func.value)
        if ref is not None:
            return ref, key
    return None


def _union(a: frozenset[Fact], b: frozenset[Fact]) -> frozenset[Fact]:
    return a | b


def _intersection(a: frozenset[Fact], b: frozenset[Fact]) -> frozenset[Fact]:
    return a & b


def implied(cond: ast.expr, truth: bool) -> frozenset[Fact]:
    """The facts that hold where ``cond`` evaluated to ``truth``."""
    if isinstance(cond, ast.UnaryOp) and isinstance(cond.op, ast.Not):
        return implied(cond.operand, not truth)
    if isinstance(cond, ast.BoolOp):
        parts = [implied(v, truth) for v in cond.values]
        both = isinstance(cond.op, ast.And) == truth  # and-true / or-false: every operand holds
        return reduce(_union if both else _intersection, parts)
    if isinstance(cond, ast.NamedExpr):
        return implied(cond.value, truth)
    got = _get_call(cond)
    if got is not None:  # resp.get("K") is truthy only when K is there; falsy: absent (or empty)
        return frozenset({got}) if truth else frozenset({_absent(got)})
    if isinstance(cond, ast.Compare) and len(cond.ops) == 1:
        op, left, right = cond.ops[0], cond.left, cond.comparators[0]
        if isinstance(op, ast.In | ast.NotIn) and (key := _str(left)) is not None:
            ref = reference(right)
            if ref is None:
                return frozenset()
            return frozenset({(ref, key) if isinstance(op, ast.In) == truth else (ref, "!" + key)})
        got = _get_call(left)
        if got is not None:
            is_none = isinstance(right, ast.Constant) and right.value is None
            if is_none and ((isinstance(op, ast.IsNot) and truth) or (isinstance(op, ast.Is) and not truth)):
                return frozenset({got})
            if is_none and ((isinstance(op, ast.Is) and truth) or (isinstance(op, ast.IsNot) and not truth)):
                return frozenset({_absent(got)})
            if isinstance(op, ast.Eq) and truth and not is_none:  # resp.get("K") == "value"
                return frozenset({got})
    return frozenset()


def _absent(fact: Fact) -> Fact:
    return fact[0], "!" + fact[1]


def _always_exits(body: list[ast.stmt]) -> bool:
    if not body:
        return False
    last = body[-1]
    if isinstance(last, _EXITS):
        return True
    if isinstance(last, ast.If) and last.orelse:
        return _always_exits(last.body) and _always_exits(last.orelse)
    return False


def _assigned(stmt: ast.stmt) -> set[str]:
    targets: list[ast.expr] = []
    if isinstance(stmt, ast.Assign):
        targets = list(stmt.targets)
    elif isinstance(stmt, ast.AugAssign | ast.AnnAssign | ast.For | ast.AsyncFor):
        targets = [stmt.target]
    names: set[str] = set()
    while targets:
        target = targets.pop()
        if isinstance(target, ast.Tuple | ast.List):
            targets += target.elts
        elif (ref := reference(target)) is not None:
            names.add(ref)
    return names


def _catches_key_error(handler: ast.ExceptHandler) -> bool:
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(
        (isinstance(k, ast.Name) and k.id in _HANDLERS) or (isinstance(k, ast.Attribute) and k.attr in _HANDLERS)
        for k in kinds
        if k is not None
    )


class Guards(ast.NodeVisitor):
    """One pass over a module: which subscripts ``ref["K"]`` are guarded (``guarded`` holds their positions)."""

    def __init__(self) -> None:
        self.facts: frozenset[Fact] = frozenset()
        self.guarded: set[Position] = set()
        self.handled = 0  # inside a try body whose handlers catch KeyError

    def _with(self, facts: frozenset[Fact], nodes: ast.AST | list[ast.stmt]) -> None:
        saved = self.facts
        self.facts = saved | facts
        self._body(nodes) if isinstance(nodes, list) else self.visit(nodes)
        self.facts = saved

    def _kill(self, names: set[str]) -> None:
        if names:
            self.facts = frozenset(
                (ref, key)
                for ref, key in self.facts
                if not any(ref == n or ref.startswith((n + ".", n + "[")) for n in names)
            )

    def _body(self, body: list[ast.stmt]) -> None:
        saved = self.facts
        for stmt in body:
            self.visit(stmt)
            self._kill(_assigned(stmt))
            if isinstance(stmt, ast.If):
                if _always_exits(stmt.body):  # if "K" not in resp: return  -> K is there afterwards
                    self.facts |= implied(stmt.test, False)
                elif stmt.orelse and _always_exits(stmt.orelse):
                    self.facts |= implied(stmt.test, True)
            elif isinstance(stmt, ast.Assert):
                self.facts |= implied(stmt.test, True)
        self.facts = saved

    # statements ---------------------------------------------------------

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node.body)

    def visit_If(self, node: ast.If) -> None:
        self.visit(node.test)
        self._with(implied(node.test, True), node.body)
        self._with(implied(node.test, False), node.orelse)

    def visit_While(self, node: ast.While) -> None:
        self.visit(node.test)
        self._with(implied(node.test, True), node.body)
        self._body(node.orelse)

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.visit(node.iter)
        self._body(node.body)
        self._body(node.orelse)

    visit_AsyncFor = visit_For

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self.visit(item)
        self._body(node.body)

    visit_AsyncWith = visit_With

    def visit_Try(self, node: ast.Try | ast.TryStar) -> None:
        catches = any(h.type is None or _catches_key_error(h) for h in node.handlers)
        self.handled += catches
        self._body(node.body)
        self.handled -= catches
        for handler in node.handlers:
            self._body(handler.body)
        self._body(node.orelse)
        self._body(node.finalbody)

    visit_TryStar = visit_Try

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        saved, handled = self.facts, self.handled
        self.facts, self.handled = frozenset(), 0  # a new scope: nothing known on entry
        self._body(node.body)
        self.facts, self.handled = saved, handled

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        saved = self.facts
        self.facts = frozenset()
        self._body(node.body)
        self.facts = saved

    def visit_Lambda(self, node: ast.Lambda) -> None:
        saved = self.facts
        self.facts = frozenset()
        self.visit(node.body)
        self.facts = saved

    # expressions --------------------------------------------------------

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        saved = self.facts
        for value in node.values:  # a and b: b runs where a was true; a or b: where a was false
            self.visit(value)
            self.facts |= implied(value, isinstance(node.op, ast.And))
        self.facts = saved

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self.visit(node.test)
        self._with(implied(node.test, True), node.body)
        self._with(implied(node.test, False), node.orelse)

    def _comprehension(self, generators: list[ast.comprehension], results: list[ast.expr]) -> None:
        saved = self.facts
        for generator in generators:
            self.visit(generator.iter)
            for cond in generator.ifs:
                self.visit(cond)
                self.facts |= implied(cond, True)
        for result in results:
            self.visit(result)
        self.facts = saved

    def visit_ListComp(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp) -> None:
        self._comprehension(node.generators, [node.elt])

    visit_SetComp = visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self._comprehension(node.generators, [node.key, node.value])

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self.generic_visit(node)
        key = _str(node.slice)
        if key is None:
            return
        ref = reference(node.value)
        if self.handled or (ref is not None and holds(self.facts, ref, key)):
            end_line, end_col = node.end_lineno or node.lineno, node.end_col_offset or node.col_offset
            self.guarded.add((node.lineno, node.col_offset, end_line, end_col))
        if ref is not None and isinstance(node.ctx, ast.Load):  # past this read, the key is known to be there
            self.facts |= {(ref, key)}
