"""mypy plugin for boto3/botocore code that calls cognito-idp.

Enable it with one line of mypy configuration::

    [mypy]
    plugins = cognito_idp_typed.mypy_plugin

It does four things:

1. **Infers the client type.** ``boto3.client("cognito-idp")``,
   ``boto3.session.Session(...).client("cognito-idp")`` and botocore's
   ``session.create_client("cognito-idp")`` are typed as
   :class:`cognito_idp_typed.client.CognitoIdentityProviderClient`, with or without boto3-stubs and
   botocore-stubs (whose answer it replaces for this service only).

2. **Checks literal arguments against the model** (error code ``cognito-constraint``): integer
   ranges, string and list lengths, string patterns and enum values, at any depth of dict and list
   displays, for every value mypy knows exactly (a literal, a ``Final`` constant). The rules and
   messages are :mod:`cognito_idp_typed._checks`, shared with ``python -m cognito_idp_typed.check``.

3. **Reports unguarded reads of response keys that can be absent** (error code
   ``cognito-absent-key``): ``resp["AuthenticationResult"]`` after ``initiate_auth`` without a test
   (see :mod:`cognito_idp_typed._mypy_reads`).

4. **Checks what can be known of arguments that are not literals.** A ``str`` variable for an enum
   parameter, a list or dict first stored in a variable (``list[dict[str, str]]``), a ``**params``
   dict: their values are not known before run time, so for such an argument the parameter accepts
   any ``str`` for an enum and any mapping for a TypedDict, while the container kind and scalar
   types are still checked (a ``str`` where a list belongs, an ``int`` where a ``str`` belongs).
   Literal displays, ``Final`` constants and variables annotated with the stubs' types are checked in
   full. ``strict = true`` in a ``[cognito-idp-typed]`` section of the mypy config file (or
   ``[tool.cognito-idp-typed]`` in pyproject.toml) turns this off: full TypedDict strictness.

**Other plugins.** mypy asks plugins for a hook in the order configured and uses the first answer,
so a plugin listed before this one could silently switch its hooks off. This plugin therefore moves
itself to the front of mypy's plugin chain when mypy loads it, and for each name it hooks it first
calls the hook the rest of the chain has for that name: the order in ``plugins =`` does not matter.
"""

from __future__ import annotations

import configparser
import gc
import hashlib
import importlib.util
import tomllib
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final, NamedTuple, TypeVar

from mypy.build import PRI_MED
from mypy.checker import TypeChecker
from mypy.errorcodes import ErrorCode
from mypy.nodes import (
    ARG_NAMED,
    ARG_NAMED_OPT,
    ARG_OPT,
    ARG_POS,
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    ConditionalExpr,
    Context,
    DictExpr,
    DictionaryComprehension,
    Expression,
    GeneratorExpr,
    Import,
    ImportAll,
    ImportBase,
    ImportFrom,
    IntExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    SetComprehension,
    SetExpr,
    StarExpr,
    StrExpr,
    TupleExpr,
    UnaryExpr,
    Var,
)
from mypy.options import Options
from mypy.plugin import (
    CheckerPluginInterface,
    FunctionContext,
    FunctionSigContext,
    MethodContext,
    MethodSigContext,
    Plugin,
    ReportConfigContext,
)
from mypy.typeops import make_simplified_union
from mypy.types import (
    CallableType,
    FunctionLike,
    Instance,
    LiteralType,
    NoneType,
    Type,
    TypedDictType,
    UnionType,
    get_proper_type,
)

from cognito_idp_typed._checks import UNKNOWN, Checker, Known, ListValue, MapValue, Problem, Value, operation_shape
from cognito_idp_typed._mypy_reads import ABSENT_KEY, install

__all__ = ["ABSENT_KEY", "CONSTRAINT", "CognitoIdpPlugin", "plugin"]

SERVICE: Final = "cognito-idp"
PACKAGE: Final = "cognito_idp_typed"
CLIENT: Final = f"{PACKAGE}.client.CognitoIdentityProviderClient"
# The name the hooks look the client up by. Checker lookups walk package symbol tables, and the
# package's __init__ imports the class, so this resolves once the package is part of the build.
CLIENT_LOOKUP: Final = f"{PACKAGE}.CognitoIdentityProviderClient"
PAGINATOR_MODULE: Final = f"{PACKAGE}.paginator"
CONFIG_SECTION: Final = "cognito-idp-typed"

CONSTRAINT: Final = ErrorCode("cognito-constraint", "Literal value breaks a rule of the cognito-idp model", "General")

# The ways to make a client: a function hook for the first, method hooks for the others.
FACTORY_FUNCTIONS: Final = frozenset({"boto3.client"})
FACTORY_METHODS: Final = frozenset({"boto3.session.Session.client", "botocore.session.Session.create_client"})

_H = TypeVar("_H")


class CognitoIdpPlugin(Plugin):
    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self.strict = _strict_setting(options)
        self._chain: list[Plugin] | None = None

    # ------------------------------------------------------------------ mypy's plugin chain

    def _others(self) -> list[Plugin]:
        """The other plugins of mypy's chain, in order (empty until the chain is found)."""
        return [p for p in self._chain or () if p is not self]

    def _front(self) -> None:
        """Move this plugin to the front of mypy's chain (the list mypy's ChainedPlugin walks)."""
        if self._chain is not None:
            return
        for referrer in gc.get_referrers(self):
            if isinstance(referrer, list) and all(isinstance(p, Plugin) for p in referrer):  # pyright: ignore
                chain: list[Plugin] = referrer  # pyright: ignore[reportUnknownVariableType]
                chain.remove(self)
                chain.insert(0, self)
                self._chain = chain
                return
        self._chain = []  # not found (a mypy that builds its chain differently): order as configured

    def _combined(self, lookup: Callable[[Plugin], _H | None], ours: _H, merge: Callable[[_H, _H], _H]) -> _H:
        """Our hook after the first hook the rest of the chain has for the same name."""
        for other in self._others():
            theirs = lookup(other)
            if theirs is not None:
                return merge(theirs, ours)
        return ours

    # ------------------------------------------------------------------ hooks

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        """Load the stubs wherever boto3 or botocore is imported, so the hooks can name the client type.

        Called for every file on every plugin, before any check: the place to join the chain's front.
        """
        self._front()
        if file.fullname == PACKAGE or file.fullname.startswith(PACKAGE + "."):
            return []
        return [(PRI_MED, PACKAGE, -1)] if any(_imports_boto(node) for node in file.imports) else []

    def report_config_data(self, ctx: ReportConfigContext) -> str:
        """The rules' fingerprint and the strict setting: either changing invalidates mypy's cache."""
        return f"{_fingerprint()}:{'strict' if self.strict else 'default'}"

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        if fullname not in FACTORY_FUNCTIONS:
            return None
        ours: Callable[[FunctionContext], Type] = _infer_client
        return self._combined(lambda p: p.get_function_hook(fullname), ours, _then)

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        ours = self._method_hook(fullname)
        if ours is None:
            return None
        return self._combined(lambda p: p.get_method_hook(fullname), ours, _then)

    def get_function_signature_hook(self, fullname: str) -> Callable[[FunctionSigContext], FunctionLike] | None:
        if fullname not in FACTORY_FUNCTIONS or self.strict:
            return None
        ours: Callable[[FunctionSigContext], FunctionLike] = _spread_factory
        return self._combined(lambda p: p.get_function_signature_hook(fullname), ours, _then_signature)

    def get_method_signature_hook(self, fullname: str) -> Callable[[MethodSigContext], FunctionLike] | None:
        if fullname in FACTORY_METHODS and not self.strict:
            factory: Callable[[MethodSigContext], FunctionLike] = _spread_factory
            return self._combined(lambda p: p.get_method_signature_hook(fullname), factory, _then_signature)
        cls, _, method = fullname.rpartition(".")
        if cls == CLIENT or (cls.startswith(PAGINATOR_MODULE + ".") and method == "paginate"):
            ours: Callable[[MethodSigContext], FunctionLike] = _strict_signature if self.strict else _relaxed_signature
            return self._combined(lambda p: p.get_method_signature_hook(fullname), ours, _then_signature)
        return None

    def _method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
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


def _then(theirs: Callable[[Any], Type], ours: Callable[[Any], Type]) -> Callable[[Any], Type]:
    def hook(ctx: Any) -> Type:
        return ours(ctx._replace(default_return_type=theirs(ctx)))

    return hook


_S = TypeVar("_S", MethodSigContext, FunctionSigContext)


def _then_signature(
    theirs: Callable[[_S], FunctionLike], ours: Callable[[_S], FunctionLike]
) -> Callable[[_S], FunctionLike]:
    def hook(ctx: _S) -> FunctionLike:
        signature = theirs(ctx)
        return ours(ctx._replace(default_signature=signature)) if isinstance(signature, CallableType) else signature

    return hook


def _strict_setting(options: Options) -> bool:
    """``strict`` from ``[cognito-idp-typed]`` (ini/cfg) or ``[tool.cognito-idp-typed]`` (pyproject.toml)."""
    path = options.config_file
    if not path or not Path(path).is_file():
        return False
    if path.endswith(".toml"):
        with open(path, "rb") as f:
            section: Any = tomllib.load(f).get("tool", {}).get(CONFIG_SECTION, {})
        value = section.get("strict", False)
        return value is True or str(value).lower() in ("true", "1", "yes")
    parser = configparser.ConfigParser()
    parser.read(path)
    return parser.getboolean(CONFIG_SECTION, "strict", fallback=False)


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


@cache
def _responses() -> frozenset[str]:
    from cognito_idp_typed._constraints import RESPONSES

    return frozenset(f"{PACKAGE}.type_defs.{name}" for name in RESPONSES)


def _watch(api: CheckerPluginInterface) -> None:
    """Start checking reads of absent keys in the module being checked (idempotent)."""
    if isinstance(api, TypeChecker):
        install(api, _responses())


# --------------------------------------------------------------------------- client inference


def _infer_client(ctx: FunctionContext | MethodContext) -> Type:
    """The stub client type when the service name is known to be ``"cognito-idp"``."""
    if _service_name(ctx) != SERVICE:
        return ctx.default_return_type
    _watch(ctx.api)
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
                return value if value is not None else None
    return None


def _spread_factory(ctx: FunctionSigContext | MethodSigContext) -> FunctionLike:
    """``boto3.client("cognito-idp", **settings)``: which keys a ``**dict`` holds is not known, so the
    parameters it may fill accept any value (the service name, given on its own, is still read)."""
    call, signature = ctx.context, ctx.default_signature
    if not isinstance(call, CallExpr) or not any(
        kind == ARG_STAR2 and _known(expr) != "all" for expr, kind in zip(call.args, call.arg_kinds, strict=True)
    ):
        return signature
    given = {name for name, kind in zip(call.arg_names, call.arg_kinds, strict=True) if kind == ARG_NAMED}
    positional = sum(1 for kind in call.arg_kinds if kind == ARG_POS)
    anything = ctx.api.named_generic_type("builtins.object", [])
    types = [
        anything if i >= positional and name not in given and kind in (ARG_POS, ARG_OPT, ARG_NAMED_OPT) else typ
        for i, (name, kind, typ) in enumerate(
            zip(signature.arg_names, signature.arg_kinds, signature.arg_types, strict=True)
        )
    ]
    return signature.copy_modified(arg_types=types)  # pyright: ignore[reportUnknownMemberType]


# --------------------------------------------------------------------------- constraint checks


def _known_value(expr: Expression, typ: Type | None) -> str | int | None:
    """The exact ``str``/``int`` value of an expression, or None."""
    if isinstance(expr, StrExpr | IntExpr):
        return expr.value
    if isinstance(expr, UnaryExpr) and expr.op == "-" and isinstance(expr.expr, IntExpr):
        return -expr.expr.value
    if typ is None:
        return None
    proper = get_proper_type(typ)
    if isinstance(proper, Instance) and proper.last_known_value is not None:
        proper = proper.last_known_value
    if isinstance(proper, LiteralType) and not proper.is_enum_literal():
        value = proper.value
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            return value
    return None


def _value(expr: Expression, api: CheckerPluginInterface, typ: Type | None = None) -> Value[Context]:
    """What mypy knows of an argument, as the value tree of :mod:`cognito_idp_typed._checks`."""
    if isinstance(expr, DictExpr):
        items = tuple((_value(k, api), _value(v, api)) for k, v in expr.items if k is not None)
        return MapValue(items, expr, complete=all(k is not None for k, _ in expr.items))
    if isinstance(expr, ListExpr | TupleExpr | SetExpr):
        if any(isinstance(item, StarExpr) for item in expr.items):
            return UNKNOWN
        return ListValue(tuple(_value(item, api) for item in expr.items), expr)
    if typ is None and isinstance(expr, NameExpr | MemberExpr):  # a Final constant: ask mypy what it knows
        typ = api.get_expression_type(expr)
    value = _known_value(expr, typ)
    return UNKNOWN if value is None else Known(value, expr)


def _keywords(ctx: MethodContext) -> Iterator[tuple[str, Value[Context]]]:
    for exprs, kinds, names, types in zip(ctx.args, ctx.arg_kinds, ctx.arg_names, ctx.arg_types, strict=True):
        for expr, kind, name, typ in zip(exprs, kinds, names, types, strict=True):
            if kind == ARG_NAMED and name is not None:
                yield name, _value(expr, ctx.api, typ)
            elif kind == ARG_STAR2 and isinstance(expr, DictExpr):  # f(**{"Key": value})
                for key, value in expr.items:
                    if isinstance(key, StrExpr):
                        yield key.value, _value(value, ctx.api)


def _run_checks(ctx: MethodContext, label: str, shape: str | None) -> None:
    _watch(ctx.api)
    if shape is None:
        return

    def report(problem: Problem[Context]) -> None:
        ctx.api.fail(problem.message, problem.node, code=CONSTRAINT)

    Checker(label, report).arguments(shape, _keywords(ctx))


@cache  # one hook per method, however many calls
def _check_operation(method: str) -> Callable[[MethodContext], Type]:
    def hook(ctx: MethodContext) -> Type:
        _run_checks(ctx, method, operation_shape(method))
        return ctx.default_return_type

    return hook


@cache  # one hook per method, however many calls
def _check_paginate(cls: str) -> Callable[[MethodContext], Type]:
    def hook(ctx: MethodContext) -> Type:
        _run_checks(ctx, f"{cls.rpartition('.')[2]}.paginate", operation_shape("paginate", cls))
        return ctx.default_return_type

    return hook


# --------------------------------------------------------------------------- arguments that are not literals


def _relaxed_signature(ctx: MethodSigContext) -> FunctionLike:
    """The operation's signature with each non-literal argument's parameter relaxed (see the module doc)."""
    _watch(ctx.api)
    call = ctx.context
    signature = ctx.default_signature
    if not isinstance(call, CallExpr):
        return signature
    selection = _selection(call, signature)
    if selection is _NOT_SELECTED:
        return _not_selected(signature)
    unpacked: CallableType = signature.with_unpacked_kwargs()
    if isinstance(selection, _Typed):  # mypy chooses among the overloads by the argument's declared type
        return _relax_call(unpacked, call, ctx.api, frozenset({selection.member}))
    if isinstance(selection, _Chosen):
        unpacked = _as_str(unpacked, selection.member, ctx.api)
    return _relax_call(unpacked, call, ctx.api, frozenset())


def _strict_signature(ctx: MethodSigContext) -> FunctionLike:
    """The ``strict = true`` signature: the stubs' own, with only the overload the call selects."""
    _watch(ctx.api)
    call, signature = ctx.context, ctx.default_signature
    if isinstance(call, CallExpr):
        selection = _selection(call, signature)
        if selection is _NOT_SELECTED:
            return _not_selected(signature)
        if isinstance(selection, _Chosen) and selection.checked:
            return _as_str(signature.with_unpacked_kwargs(), selection.member, ctx.api)
    return signature


# --------------------------------------------------------------------------- responses that depend on the request

# An operation whose response depends on the request (``initiate_auth``'s ``AuthFlow``) has one overload per
# variant and the model's signature last; mypy calls the signature hook once per overload. The call's literal
# picks one overload and the others are made impossible for this call (a required parameter no call passes),
# so that mypy checks the call against that overload alone and reports errors by argument, not "no overload
# matches". A call whose selecting argument is not known gets the model's signature; one whose selecting
# argument has a declared type (a Literal variable) keeps every overload, for mypy to resolve.
_NOT_SELECTED: Final = object()
_UNSELECTABLE: Final = "__cognito_idp_typed_not_this_overload"


@cache
def _selectors() -> dict[str, tuple[tuple[str, str, frozenset[str] | None], ...]]:
    from cognito_idp_typed._constraints import SELECTORS

    return SELECTORS


def _request_name(signature: CallableType) -> str | None:
    """The TypedDict of ``**kwargs: Unpack[...]``, by its short name."""
    if not signature.unpack_kwargs or not signature.arg_types:
        return None
    typed_dict = get_proper_type(signature.arg_types[-1])
    return typed_dict.fallback.type.name if isinstance(typed_dict, TypedDictType) else None


class _Chosen(NamedTuple):
    """This overload is the call's; ``checked``: the selecting argument's value is a literal that selects it."""

    member: str
    checked: bool


class _Typed(NamedTuple):
    """The selecting argument has a declared type (a Literal variable): every overload stays, for mypy."""

    member: str


def _selection(call: CallExpr, signature: CallableType) -> object:
    """For one overload of an operation that selects its response by the request: :data:`_NOT_SELECTED`,
    :class:`_Chosen` or :class:`_Typed`; None for an operation that does not select."""
    if not isinstance(call.callee, MemberExpr):
        return None
    variants = _selectors().get(call.callee.name)
    request = _request_name(signature)
    if not variants or request is None:
        return None
    member = variants[0][1]
    given = {n: e for e, k, n in zip(call.args, call.arg_kinds, call.arg_names, strict=True) if k == ARG_NAMED}
    chosen: str | None = None  # None: the model's signature
    checked = False
    if not any(kind in (ARG_STAR, ARG_STAR2) for kind in call.arg_kinds):  # which keys a **dict holds is not known
        expr = given.get(member)
        value = None if expr is None else _literal_str(expr)
        if expr is not None and value is None and _known(expr) == "all":
            return _Typed(member)
        for name, _, values in variants:
            if (values is None and expr is not None) or (values is not None and value in values):
                chosen, checked = name, values is not None
                break
    mine = next((name for name, _, _ in variants if name == request), None)
    return _Chosen(member, checked) if mine == chosen else _NOT_SELECTED


def _as_str(signature: CallableType, member: str, api: CheckerPluginInterface) -> CallableType:
    """The selecting parameter as ``str``: its value is checked already (so that, should another argument be
    wrong, mypy's error names that argument instead of "no overload matches")."""
    if member not in signature.arg_names:
        return signature
    types = list(signature.arg_types)
    i = signature.arg_names.index(member)
    if _literal_values(types[i]) is not None:
        types[i] = api.named_generic_type("builtins.str", [])
    return signature.copy_modified(arg_types=types)  # pyright: ignore[reportUnknownMemberType]


def _literal_values(typ: Type) -> frozenset[str] | None:
    proper = get_proper_type(typ)
    items = [get_proper_type(i) for i in (proper.items if isinstance(proper, UnionType) else [proper])]
    if items and all(isinstance(i, LiteralType) and isinstance(i.value, str) for i in items):
        return frozenset(str(i.value) for i in items if isinstance(i, LiteralType))
    return None


def _literal_str(expr: Expression) -> str | None:
    """A string literal or a ``Final`` constant's value, read from the syntax tree."""
    if isinstance(expr, StrExpr):
        return expr.value
    if isinstance(expr, NameExpr | MemberExpr) and isinstance(expr.node, Var) and expr.node.is_final:
        value = expr.node.final_value
        return value if isinstance(value, str) else None
    return None


def _not_selected(signature: CallableType) -> CallableType:
    """``signature`` with a required keyword no call passes: mypy drops it before matching the call."""
    unpacked = signature.with_unpacked_kwargs()
    return unpacked.copy_modified(  # pyright: ignore[reportUnknownMemberType]
        arg_types=[*unpacked.arg_types, NoneType()],
        arg_kinds=[*unpacked.arg_kinds, ARG_NAMED],
        arg_names=[*unpacked.arg_names, _UNSELECTABLE],
    )


def _relax_call(
    signature: CallableType, call: CallExpr, api: CheckerPluginInterface, keep: frozenset[str]
) -> CallableType:
    """``signature`` (kwargs unpacked) with the parameters of non-literal arguments relaxed, except ``keep``."""
    index = {name: i for i, name in enumerate(signature.arg_names) if name is not None}
    types = list(signature.arg_types)
    explicit: set[str] = set()
    spread = False
    for expr, kind, name in zip(call.args, call.arg_kinds, call.arg_names, strict=True):
        if kind == ARG_NAMED and name in index:
            explicit.add(name)
            known = _known(expr)
            if known != "all" and name not in keep:
                types[index[name]] = _relax(types[index[name]], api, keep_keys=known == "shape")
        elif kind == ARG_STAR2 and _known(expr) != "all":
            spread = True  # **params: which keys it holds is not known
        elif kind == ARG_STAR:
            return signature
    if spread:
        anything = api.named_generic_type("builtins.object", [])
        for name, i in index.items():
            if name not in explicit and signature.arg_kinds[i] in (ARG_NAMED, ARG_NAMED_OPT):
                types[i] = anything
    return signature.copy_modified(arg_types=types)  # pyright: ignore[reportUnknownMemberType]


_LITERALS: Final = (StrExpr, IntExpr)
_DISPLAYS: Final = (ListExpr, TupleExpr, SetExpr)
_COMPREHENSIONS: Final = (ListComprehension, SetComprehension, DictionaryComprehension, GeneratorExpr)
_ORDER: Final = {"none": 0, "shape": 1, "all": 2}


def _known(expr: Expression) -> str:
    """How much of an argument mypy knows: ``all`` (a literal, a display of literals, a Final, a variable typed
    with the stubs), ``shape`` (a display or comprehension with unknown values in it: keys and kinds are
    known) or ``none`` (a variable, a call, ...)."""
    if isinstance(expr, _LITERALS) or (isinstance(expr, UnaryExpr) and isinstance(expr.expr, IntExpr)):
        return "all"
    if isinstance(expr, DictExpr):
        parts = [_known(v) for k, v in expr.items] + ["shape" if any(k is None for k, _ in expr.items) else "all"]
        return "all" if all(p == "all" for p in parts) else "shape"
    if isinstance(expr, _DISPLAYS):
        return "all" if all(_known(item) == "all" for item in expr.items) else "shape"
    if isinstance(expr, _COMPREHENSIONS):
        return "shape"
    if isinstance(expr, ConditionalExpr):
        return min(_known(expr.if_expr), _known(expr.else_expr), key=_ORDER.__getitem__)
    if isinstance(expr, NameExpr | MemberExpr):
        if expr.name in ("True", "False", "None"):
            return "all"
        node = expr.node
        if isinstance(node, Var) and (node.is_final or (node.type is not None and _mentions_stub_types(node.type))):
            return "all"
    return "none"


_SEQUENCES: Final = frozenset({"typing.Sequence", "collections.abc.Sequence", "builtins.list"})
_MAPPINGS: Final = frozenset({"typing.Mapping", "collections.abc.Mapping", "builtins.dict"})


def _mentions_stub_types(typ: Type) -> bool:
    """A declared type with a TypedDict or a Literal in it: the user said exactly what the value is."""
    proper = get_proper_type(typ)
    if isinstance(proper, TypedDictType | LiteralType):
        return True
    if isinstance(proper, UnionType):
        return any(_mentions_stub_types(t) for t in proper.items)
    if isinstance(proper, Instance):
        return proper.last_known_value is not None or any(_mentions_stub_types(a) for a in proper.args)
    return False


def _relax(typ: Type, api: CheckerPluginInterface, keep_keys: bool) -> Type:
    """What can be known of a value whose contents are not: an enum accepts any str, and a TypedDict any
    mapping (``keep_keys``: the TypedDict stays, with its enum values relaxed, for a display with unknowns)."""
    proper = get_proper_type(typ)
    if isinstance(proper, TypedDictType):
        if keep_keys:
            return proper.copy_modified(item_types=[_relax(t, api, keep_keys) for t in proper.items.values()])
        str_type, anything = api.named_generic_type("builtins.str", []), api.named_generic_type("builtins.object", [])
        return api.named_generic_type("typing.Mapping", [str_type, anything])
    if isinstance(proper, LiteralType) and isinstance(proper.value, str):
        return api.named_generic_type("builtins.str", [])
    if isinstance(proper, UnionType):
        return make_simplified_union([_relax(t, api, keep_keys) for t in proper.items])
    if isinstance(proper, Instance) and proper.args and proper.type.fullname in _SEQUENCES | _MAPPINGS:
        args = [_relax(a, api, keep_keys) for a in proper.args]
        return proper.copy_modified(args=args)  # pyright: ignore[reportUnknownMemberType]
    return typ
