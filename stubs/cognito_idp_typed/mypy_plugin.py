"""mypy plugin for boto3/botocore code that calls cognito-idp.

Enable it with one line of mypy configuration::

    [mypy]
    plugins = cognito_idp_typed.mypy_plugin

It does two things:

1. **Infers the client type.** ``boto3.client("cognito-idp")``,
   ``boto3.session.Session(...).client("cognito-idp")`` and botocore's
   ``session.create_client("cognito-idp")`` are typed as
   :class:`cognito_idp_typed.client.CognitoIdentityProviderClient`, also when boto3-stubs is
   installed (whose answer it replaces; without boto3-stubs the partial boto3 stub shipped in
   ``cognito_idp_typed_shims`` already gives that answer). Only this service's types are loaded.

2. **Checks literal arguments against the model** (error code ``cognito-constraint``): a value
   outside an integer range (``AuthSessionValidity=30`` where the model allows 3..15), a string or
   list of the wrong length (``ClientName=""``), a string that does not match the model's pattern
   (``UserPoolId="eu-west-1"``) or a string that is not one of an enum's values, at any depth of
   dict and list displays. A value is checked when mypy knows it exactly: a literal, or a name
   whose type is a ``Literal`` (a ``Final`` constant). Anything else is left alone: its value is
   not known before run time, and its type is already checked by the stubs.

Enum values are ``Literal`` types in the stubs, so mypy reports a wrong one as ``arg-type``
as well; this plugin adds the value's shape and the nearest valid value.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Final

from mypy.build import PRI_MED
from mypy.errorcodes import ErrorCode
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    ARG_STAR2,
    Context,
    DictExpr,
    Expression,
    Import,
    ImportAll,
    ImportBase,
    ImportFrom,
    IntExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    SetExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
)
from mypy.plugin import CheckerPluginInterface, FunctionContext, MethodContext, Plugin, ReportConfigContext
from mypy.types import Instance, LiteralType, Type, get_proper_type

if TYPE_CHECKING:
    from cognito_idp_typed._constraints import Rule

__all__ = ["CONSTRAINT", "CognitoIdpPlugin", "plugin"]

SERVICE: Final = "cognito-idp"
PACKAGE: Final = "cognito_idp_typed"
CLIENT: Final = f"{PACKAGE}.client.CognitoIdentityProviderClient"
# The name the hooks look the client up by. Checker lookups walk package symbol tables, and the
# package's __init__ imports the class, so this resolves once the package is part of the build.
CLIENT_LOOKUP: Final = f"{PACKAGE}.CognitoIdentityProviderClient"
PAGINATOR_MODULE: Final = f"{PACKAGE}.paginator"

CONSTRAINT: Final = ErrorCode("cognito-constraint", "Literal value breaks a rule of the cognito-idp model", "General")

# The ways to make a client: a function hook for the first, method hooks for the others.
FACTORY_FUNCTIONS: Final = frozenset({"boto3.client"})
FACTORY_METHODS: Final = frozenset({"boto3.session.Session.client", "botocore.session.Session.create_client"})

_SENSITIVE: Final = "<sensitive value>"


class CognitoIdpPlugin(Plugin):
    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        """Load the stubs wherever boto3 or botocore is imported, so the hooks can name the client type.

        Without boto3-stubs the partial boto3 stub imports them already; boto3-stubs does not.
        """
        if file.fullname == PACKAGE or file.fullname.startswith(PACKAGE + "."):
            return []
        return [(PRI_MED, PACKAGE, -1)] if any(_imports_boto(node) for node in file.imports) else []

    def report_config_data(self, ctx: ReportConfigContext) -> str:
        """The constraint table's fingerprint: regenerated stubs invalidate mypy's cache."""
        return _fingerprint()

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return _infer_client if fullname in FACTORY_FUNCTIONS else None

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        if fullname in FACTORY_METHODS:
            return _infer_client
        cls, _, method = fullname.rpartition(".")
        if cls == CLIENT:
            return _check_operation(method)
        if cls.startswith(PAGINATOR_MODULE + ".") and method == "paginate":
            return _check_paginate(cls)
        return None


def plugin(version: str) -> type[Plugin]:
    return CognitoIdpPlugin


def _imports_boto(node: ImportBase) -> bool:
    if isinstance(node, Import):
        ids = [name for name, _ in node.ids]
    elif isinstance(node, ImportFrom | ImportAll) and not node.relative:
        ids = [node.id]
    else:
        ids = []
    return any(i.split(".", 1)[0] in ("boto3", "botocore") for i in ids)


@cache
def _fingerprint() -> str:
    spec = importlib.util.find_spec(f"{PACKAGE}._constraints")
    if spec is None or spec.origin is None:
        return "missing"
    with open(spec.origin, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


# --------------------------------------------------------------------------- client inference


def _infer_client(ctx: FunctionContext | MethodContext) -> Type:
    """The stub client type when the service name is known to be ``"cognito-idp"``."""
    if _service_name(ctx) != SERVICE:
        return ctx.default_return_type
    try:
        return ctx.api.named_generic_type(CLIENT_LOOKUP, [])
    except (KeyError, AssertionError):  # the stub module is not part of this build
        return ctx.default_return_type


def _service_name(ctx: FunctionContext | MethodContext) -> object:
    """The value of the first positional argument or of ``service_name=``, when mypy knows it."""
    for exprs, kinds, names, types in zip(ctx.args, ctx.arg_kinds, ctx.arg_names, ctx.arg_types, strict=True):
        for expr, kind, name, typ in zip(exprs, kinds, names, types, strict=True):
            if kind == ARG_POS or (kind == ARG_NAMED and name == "service_name"):
                value = _known_value(expr, typ)
                return value if value is not _UNKNOWN else None
    return None


# --------------------------------------------------------------------------- constraint checks

_UNKNOWN: Final = object()


def _known_value(expr: Expression, typ: Type | None) -> object:
    """The exact ``str``/``int`` value of an expression, or ``_UNKNOWN``."""
    if isinstance(expr, StrExpr | IntExpr):
        return expr.value
    if isinstance(expr, UnaryExpr) and expr.op == "-" and isinstance(expr.expr, IntExpr):
        return -expr.expr.value
    if typ is None:
        return _UNKNOWN
    proper = get_proper_type(typ)
    if isinstance(proper, Instance) and proper.last_known_value is not None:
        proper = proper.last_known_value
    if isinstance(proper, LiteralType) and not proper.is_enum_literal() and type(proper.value) in (str, int):
        return proper.value
    return _UNKNOWN


@cache
def _rules() -> tuple[dict[str, str], dict[str, str], dict[str, Rule]]:
    from cognito_idp_typed import _constraints

    return _constraints.OPERATIONS, _constraints.PAGINATORS, _constraints.RULES


@cache  # one hook per method, however many calls
def _check_operation(method: str) -> Callable[[MethodContext], Type]:
    def hook(ctx: MethodContext) -> Type:
        shape = _rules()[0].get(method)
        if shape is not None:
            _Checker(ctx.api, method).call(ctx, shape)
        return ctx.default_return_type

    return hook


@cache  # one hook per method, however many calls
def _check_paginate(cls: str) -> Callable[[MethodContext], Type]:
    def hook(ctx: MethodContext) -> Type:
        shape = _rules()[1].get(cls)
        if shape is not None:
            _Checker(ctx.api, f"{cls.rpartition('.')[2]}.paginate").call(ctx, shape)
        return ctx.default_return_type

    return hook


class _Checker:
    """Walks the keyword arguments of one call along the model's shapes and reports broken rules."""

    def __init__(self, api: CheckerPluginInterface, method: str) -> None:
        self.api, self.method = api, method
        self.rules = _rules()[2]

    def call(self, ctx: MethodContext, shape: str) -> None:
        members = self.rules[shape].members or {}
        for exprs, kinds, names, types in zip(ctx.args, ctx.arg_kinds, ctx.arg_names, ctx.arg_types, strict=True):
            for expr, kind, name, typ in zip(exprs, kinds, names, types, strict=True):
                if kind == ARG_NAMED and name in members:
                    self.value(members[name], expr, typ, name)
                elif kind == ARG_STAR2 and isinstance(expr, DictExpr):  # f(**{"Key": value})
                    for key, value in self._keyed(expr, members):
                        self.value(members[key], value, None, key)

    def value(self, shape: str, expr: Expression, typ: Type | None, path: str) -> None:
        rule = self.rules.get(shape)
        if rule is None:
            return
        if typ is None and isinstance(expr, NameExpr | MemberExpr):  # nested: ask mypy what it knows
            typ = self.api.get_expression_type(expr)
        if rule.kind == "structure" and isinstance(expr, DictExpr):
            for key, value in self._keyed(expr, rule.members or {}):
                self.value((rule.members or {})[key], value, None, f'{path}["{key}"]')
        elif rule.kind == "list" and isinstance(expr, ListExpr | TupleExpr | SetExpr):
            self._length(rule, shape, expr, len(expr.items), path, "items")
            if rule.item is not None:
                for i, item in enumerate(expr.items):
                    self.value(rule.item, item, None, f"{path}[{i}]")
        elif rule.kind == "map" and isinstance(expr, DictExpr):
            self._length(rule, shape, expr, len(expr.items), path, "entries")
            for k, v in expr.items:
                if k is None:  # **spread
                    continue
                if rule.key is not None:
                    self.value(rule.key, k, None, f"{path} key")
                if rule.value is not None:
                    where = f"{path}[{k.value!r}]" if isinstance(k, StrExpr) else f"{path}[...]"
                    self.value(rule.value, v, None, where)
        else:
            self._scalar(rule, shape, expr, _known_value(expr, typ), path)

    def _scalar(self, rule: Rule, shape: str, expr: Expression, value: object, path: str) -> None:
        shown = _SENSITIVE if rule.sensitive else repr(value)
        if rule.kind == "integer" and type(value) is int and (bound := _outside(value, rule)):
            self.fail(f"{path} is {shown}, {bound}", shape, expr)
        if rule.kind != "string" or not isinstance(value, str):
            return
        if rule.enum and value not in rule.enum:
            self.fail(f"{path} is {shown}, not one of its {len(rule.enum)} values{_suggest(value, rule)}", shape, expr)
        elif bound := _outside(len(value), rule):
            self.fail(f"{path} has length {len(value)}, {bound}", shape, expr)
        elif rule.pattern is not None and not _compiled(rule.regex or rule.pattern).fullmatch(value):
            self.fail(f"{path} is {shown}, which does not match the model's pattern {rule.pattern}", shape, expr)

    def _length(self, rule: Rule, shape: str, expr: Expression, count: int, path: str, what: str) -> None:
        starred = isinstance(expr, DictExpr) and any(k is None for k, _ in expr.items)
        if not starred and (bound := _outside(count, rule)):
            self.fail(f"{path} has {count} {what}, {bound}", shape, expr)

    @staticmethod
    def _keyed(expr: DictExpr, members: dict[str, str]) -> Iterator[tuple[str, Expression]]:
        for key, value in expr.items:
            if isinstance(key, StrExpr) and key.value in members:
                yield key.value, value

    def fail(self, problem: str, shape: str, context: Context) -> None:
        self.api.fail(f'"{self.method}": {problem} ({shape})', context, code=CONSTRAINT)


def _outside(n: int, rule: Rule) -> str:
    """How ``n`` (a value, length or count) breaks the rule's bounds, or ``""``."""
    if rule.min is not None and n < rule.min:
        return f"below the model's minimum {rule.min}"
    if rule.max is not None and n > rule.max:
        return f"above the model's maximum {rule.max}"
    return ""


def _suggest(value: str, rule: Rule) -> str:
    close = difflib.get_close_matches(value, sorted(rule.enum), n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    values = sorted(rule.enum)
    listed = ", ".join(f'"{v}"' for v in values[:6])
    return f"; expected one of {listed}" + (f" (and {len(values) - 6} more)" if len(values) > 6 else "")


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.ASCII)
