"""cognito-typed: typed models, validation and a typed client for Amazon Cognito user pools.

Generated from botocore's own ``cognito-idp`` model:

- :mod:`cognito_typed.models`: a frozen dataclass per structure (``to_wire``/``from_wire``/``validate``)
- :mod:`cognito_typed.type_defs`: TypedDicts with the wire names, for code that passes dicts to boto3
- :mod:`cognito_typed.literals`: ``Literal`` aliases for every enum
- :mod:`cognito_typed.errors`: one exception class per error code
- :mod:`cognito_typed.client`: :class:`CognitoIdentityProvider`, the typed client, with
  merge-on-update (``plan_*``/``merge_*``) for every update that has a describe partner

The hand-written runtime they stand on is ``cognito_typed._runtime``. The client and merge
names are loaded on first use, so ``import cognito_typed`` stays cheap.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cognito_typed._runtime.base import MalformedResponseError, Model, Request, ResponseMetadata
from cognito_typed._runtime.installed import OperationNotInBotocoreError, UnsupportedByBotocoreError
from cognito_typed._runtime.validation import ValidationError, Violation

if TYPE_CHECKING:
    from cognito_typed._runtime.merge import RESET, Change, ConcurrentModificationError, Plan, Reset
    from cognito_typed.client import CognitoIdentityProvider

__all__ = [
    "RESET",
    "Change",
    "CognitoIdentityProvider",
    "ConcurrentModificationError",
    "MalformedResponseError",
    "Model",
    "OperationNotInBotocoreError",
    "Plan",
    "Request",
    "Reset",
    "ResponseMetadata",
    "UnsupportedByBotocoreError",
    "ValidationError",
    "Violation",
]

_LAZY = {
    "CognitoIdentityProvider": "cognito_typed.client",
    "RESET": "cognito_typed._runtime.merge",
    "Reset": "cognito_typed._runtime.merge",
    "Plan": "cognito_typed._runtime.merge",
    "Change": "cognito_typed._runtime.merge",
    "ConcurrentModificationError": "cognito_typed._runtime.merge",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY})
