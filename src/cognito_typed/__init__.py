"""cognito-typed: typed models, validation and a typed client for Amazon Cognito user pools.

Generated from botocore's own ``cognito-idp`` model. The generated modules:

- :mod:`cognito_typed.models`: dataclass-style request/response models (``to_wire``/``from_wire``/``validate``)
- :mod:`cognito_typed.type_defs`: TypedDicts with the wire names, for code that passes dicts to boto3
- :mod:`cognito_typed.literals`: ``Literal`` aliases for every enum
- :mod:`cognito_typed.errors`: one exception class per error code
- :mod:`cognito_typed.client`: :class:`CognitoIdentityProvider`, the typed client

``CognitoIdentityProvider`` is importable from here too; it is loaded on first use so
that ``import cognito_typed`` stays cheap.
"""

from typing import TYPE_CHECKING, Any

from cognito_typed._merge import RESET, ConcurrentModificationError, Plan, Reset
from cognito_typed._runtime import UNSET, Model, Request, Unset, ValidationError, Violation

if TYPE_CHECKING:
    from cognito_typed.client import CognitoIdentityProvider

__all__ = [
    "RESET",
    "UNSET",
    "CognitoIdentityProvider",
    "ConcurrentModificationError",
    "Model",
    "Plan",
    "Request",
    "Reset",
    "Unset",
    "ValidationError",
    "Violation",
]


def __getattr__(name: str) -> Any:
    if name == "CognitoIdentityProvider":
        from cognito_typed.client import CognitoIdentityProvider

        return CognitoIdentityProvider
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
