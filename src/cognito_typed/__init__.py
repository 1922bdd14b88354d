"""cognito-typed: typed models, validation and a typed client for Amazon Cognito user pools.

Generated from botocore's own ``cognito-idp`` model. The generated modules:

- :mod:`cognito_typed.models`: dataclass-style request/response models (``to_wire``/``from_wire``/``validate``)
- :mod:`cognito_typed.type_defs`: TypedDicts with the wire names, for code that passes dicts to boto3
- :mod:`cognito_typed.literals`: ``Literal`` aliases for every enum
- :mod:`cognito_typed.errors`: one exception class per error code
"""

from cognito_typed._runtime import UNSET, Model, Request, Unset, ValidationError, Violation

__all__ = ["UNSET", "Model", "Request", "Unset", "ValidationError", "Violation"]
