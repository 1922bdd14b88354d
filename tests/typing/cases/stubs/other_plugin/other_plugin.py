"""A plugin that claims every function, method and method-signature hook, as some project plugins do.

mypy asks plugins in the configured order and uses the first hook it gets for a name: listed before
cognito_idp_typed.mypy_plugin, this one would switch every hook of it off. It notes each list_users
call, to show that its own hook still runs too.
"""

from collections.abc import Callable
from typing import Any

from mypy.plugin import MethodContext, Plugin
from mypy.types import Type


def _default_return(ctx: Any) -> Type:
    return ctx.default_return_type  # type: ignore[no-any-return]


def _default_signature(ctx: Any) -> Any:
    return ctx.default_signature


def _noted(ctx: MethodContext) -> Type:
    ctx.api.note("other_plugin saw list_users", ctx.context)
    return ctx.default_return_type


class ClaimsEverything(Plugin):
    def get_function_hook(self, fullname: str) -> Callable[[Any], Type] | None:
        return _default_return

    def get_method_hook(self, fullname: str) -> Callable[[Any], Type] | None:
        return _noted if fullname.endswith("Client.list_users") else _default_return

    def get_method_signature_hook(self, fullname: str) -> Callable[[Any], Any] | None:
        return _default_signature


def plugin(version: str) -> type[Plugin]:
    return ClaimsEverything
