"""The service base error that every generated exception class derives from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, cast

if TYPE_CHECKING:  # botocore ships no types: what cognito_typed uses of its ClientError

    class ClientError(Exception):
        response: dict[str, Any]
        operation_name: str

        def __init__(self, error_response: Mapping[str, Any], operation_name: str) -> None: ...

else:
    from botocore.exceptions import ClientError

__all__ = ["ClientError", "CognitoIdentityProviderError"]


class CognitoIdentityProviderError(ClientError):
    """An error response from cognito-idp. Still a botocore ``ClientError``.

    ``code`` is the error code of the class (the generated subclasses set it);
    an error whose code the model does not know is raised as this class itself.
    """

    code: ClassVar[str] = ""
    _pickled_as: ClassVar[type[CognitoIdentityProviderError] | None] = None
    """Set on the class the typed client raises, which also derives from the botocore client's own
    class for the code (made per client, see ``_runtime.client.typed_error``): it pickles as this one."""

    def __init__(self, error_response: Mapping[str, Any], operation_name: str) -> None:
        super().__init__(error_response, operation_name)

    def __reduce__(self) -> tuple[Any, ...]:
        # botocore's ClientError pickles as ClientError; keep the generated class.
        return self._pickled_as or type(self), (self.response, self.operation_name)

    def _part(self, section: str, key: str) -> str | None:
        response = cast(dict[str, dict[str, Any]], self.response)
        value = response.get(section, {}).get(key)
        return None if value is None else str(value)

    @property
    def error_code(self) -> str:
        """The code the service sent (for this base class, any unknown code)."""
        return self._part("Error", "Code") or self.code

    @property
    def message(self) -> str:
        """The service's error message."""
        return self._part("Error", "Message") or ""

    @property
    def request_id(self) -> str | None:
        """The request id of the failed call (``ResponseMetadata.RequestId``)."""
        return self._part("ResponseMetadata", "RequestId")
