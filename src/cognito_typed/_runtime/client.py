"""What the generated client stands on: construction, sending a request model, typed
errors and pagination. Nothing here is per-operation; the generated ``cognito_typed.client`` is."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast

from botocore.exceptions import ClientError  # pyright: ignore[reportMissingTypeStubs]

from cognito_typed._runtime.base import Request, build

if TYPE_CHECKING:
    from cognito_typed._runtime.service_error import CognitoIdentityProviderError

__all__ = ["ClientBase", "Pages"]

SERVICE = "cognito-idp"

R = TypeVar("R")
P = TypeVar("P")
T = TypeVar("T")


def typed_error(error: ClientError) -> CognitoIdentityProviderError:
    """The generated exception class for the error's code; the service base class for an unknown code."""
    from cognito_typed.errors import ERRORS, CognitoIdentityProviderError  # generated: loaded on the first error

    response = cast(dict[str, Any], error.response)
    code = str(response.get("Error", {}).get("Code", ""))
    cls = ERRORS.get(code, CognitoIdentityProviderError)
    return cls(response, cast(str, error.operation_name))


class ClientBase:
    """A thin typed layer over a botocore ``cognito-idp`` client.

    It keeps no per-call state: it is as thread-safe as the botocore client under it.
    Retries, throttling and endpoints stay botocore's (pass a botocore ``Config``).
    """

    __slots__ = ("_client", "_constraints")

    def __init__(self, client: Any, *, constraints: bool = True) -> None:
        """Wrap a botocore/boto3 ``cognito-idp`` client.

        ``constraints=False`` sends requests without checking the model's ranges, lengths,
        patterns and enum values (types and required members are still checked): for the
        day the model is stricter than the service. :meth:`with_options` does it per call.
        """
        service = getattr(getattr(getattr(client, "meta", None), "service_model", None), "service_name", None)
        if service != SERVICE:
            kind = f"a {service!r} client" if service else f"a {type(client).__name__}"
            raise TypeError(f"{type(self).__name__} needs a botocore/boto3 {SERVICE!r} client, got {kind}")
        self._client = client
        self._constraints = constraints

    def with_options(self, *, constraints: bool) -> Self:
        """The same client with other options: ``client.with_options(constraints=False).create_...(...)``."""
        return type(self)(self._client, constraints=constraints)

    @classmethod
    def create(
        cls,
        *,
        session: Any = None,
        region_name: str | None = None,
        config: Any = None,
        constraints: bool = True,
        **client_kwargs: Any,
    ) -> Self:
        """Make the botocore client too: from a boto3 ``Session``, a botocore ``Session``,
        or (``session=None``) boto3's default session when boto3 is installed, else botocore's."""
        kwargs: dict[str, Any] = {"region_name": region_name, "config": config, **client_kwargs}
        if session is None:
            try:
                import boto3  # pyright: ignore[reportMissingTypeStubs]
            except ImportError:
                import botocore.session  # pyright: ignore[reportMissingTypeStubs]

                botocore_session: Any = botocore.session.get_session()  # pyright: ignore[reportUnknownMemberType]
                return cls(botocore_session.create_client(SERVICE, **kwargs), constraints=constraints)
            return cls(boto3.client(SERVICE, **kwargs), constraints=constraints)  # pyright: ignore
        if hasattr(session, "create_client"):  # botocore Session
            return cls(session.create_client(SERVICE, **kwargs), constraints=constraints)
        return cls(session.client(SERVICE, **kwargs), constraints=constraints)

    @property
    def raw(self) -> Any:
        """The botocore client underneath, for anything this wrapper does not cover."""
        return self._client

    def send(self, request: Request[R]) -> R:
        """Validate ``request``, send it, and return the typed response (``None`` if the operation has none).

        Raises :class:`~cognito_typed.ValidationError` before any network call when the request
        breaks a rule of the model, and the generated exception class (a botocore ``ClientError``)
        when the service answers with an error.
        """
        request.validate(constraints=self._constraints)
        raw = self._call(request.__method__, request.to_wire())
        response = request.__response__
        return cast(R, None if response is None else build(response, raw))

    def _call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Call botocore's ``method`` with wire ``params``; an error response raises its typed class."""
        try:
            result: dict[str, Any] = getattr(self._client, method)(**params)
        except ClientError as error:
            raise typed_error(error) from error
        return result


class Pages(Generic[P, T]):
    """The pages of a paginated operation, following the tokens for the caller.

    Iterating gives the items of every page, once each, in order; :meth:`pages` gives the
    typed pages. Each page is a fresh ``send`` (validated, typed errors).
    """

    __slots__ = ("_client", "_input_token", "_items", "_output_token", "_request")

    def __init__(self, client: ClientBase, request: Request[P], input_token: str, output_token: str, items: str):
        self._client, self._request = client, request
        self._input_token, self._output_token, self._items = input_token, output_token, items

    def pages(self) -> Iterator[P]:
        request, seen = self._request, set[str]()
        while True:
            page = self._client.send(request)
            yield page
            token = getattr(page, self._output_token)
            if not token:
                return
            if token in seen:
                raise RuntimeError(f"{request.__operation__} returned the same pagination token twice")
            seen.add(token)
            request = dataclasses.replace(request, **{self._input_token: token})

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from getattr(page, self._items) or ()
