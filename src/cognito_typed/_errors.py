"""The service base error that every generated exception class derives from."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from botocore.exceptions import ClientError  # pyright: ignore[reportMissingTypeStubs]

__all__ = ["CognitoIdentityProviderError"]


class CognitoIdentityProviderError(ClientError):  # type: ignore[misc]  # botocore ships no types
    """An error response from cognito-idp. Still a botocore ``ClientError``.

    ``code`` is the error code of the class (the generated subclasses set it);
    an error whose code the model does not know is raised as this class itself.
    """

    code: ClassVar[str] = ""

    def __init__(self, error_response: Any, operation_name: str) -> None:
        super().__init__(error_response, operation_name)

    def __reduce__(self) -> tuple[Any, ...]:
        # botocore's ClientError pickles as ClientError; keep the generated class.
        return type(self), (self.response, self.operation_name)

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
        return self._part("Error", "Message") or ""

    @property
    def request_id(self) -> str | None:
        return self._part("ResponseMetadata", "RequestId")
