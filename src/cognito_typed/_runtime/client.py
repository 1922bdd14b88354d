"""What the generated client stands on: construction, sending a request model, typed
errors and pagination. Nothing here is per-operation; the generated ``cognito_typed.client`` is."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar, cast

from botocore.exceptions import ClientError  # pyright: ignore[reportMissingTypeStubs]

from cognito_typed._runtime.base import Request, build
from cognito_typed._runtime.installed import (
    Installed,
    OperationNotInBotocoreError,
    UnsupportedByBotocoreError,
    installed,
)

if TYPE_CHECKING:
    from botocore.client import BaseClient

    from cognito_typed._runtime.service_error import CognitoIdentityProviderError

__all__ = ["ClientBase", "Pages"]

SERVICE = "cognito-idp"

R = TypeVar("R")
P = TypeVar("P")
T = TypeVar("T")


def typed_error(error: ClientError, raw: Any = None, record: Installed | None = None) -> CognitoIdentityProviderError:
    """The generated exception class for the error's code (the service base class for an unknown code).

    Given the botocore client that raised it (``raw``), the error is an instance of a class that
    derives from both the generated class and ``raw``'s own class for the code
    (``raw.exceptions.UserNotFoundException``: botocore makes one per client session), so that
    code written for boto3 (``except client.exceptions.UserNotFoundException``) catches it too.
    That class is made once per client (``record``) and pickles as the generated class.
    """
    from cognito_typed.errors import ERRORS, CognitoIdentityProviderError  # generated: loaded on the first error

    response = cast(dict[str, Any], error.response)
    code = str(response.get("Error", {}).get("Code", ""))
    cls: type[CognitoIdentityProviderError] = ERRORS.get(code, CognitoIdentityProviderError)
    own: Any = type(error)
    if raw is not None and own is not ClientError and issubclass(own, ClientError):
        try:
            known = own is raw.exceptions.from_code(code)
        except AttributeError:  # not a botocore client's exceptions
            known = False
        if known:
            classes = record.error_classes if record is not None else {}
            both = classes.get((cls, own))
            if both is None:
                namespace: dict[str, Any] = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
                namespace |= {"__doc__": cls.__doc__, "_pickled_as": cls}
                both = classes[(cls, own)] = type(cls.__name__, (cls, own), namespace)
            cls = cast("type[CognitoIdentityProviderError]", both)
    return cls(response, cast(str, error.operation_name))


class _Lacking:
    """A method whose operation the installed botocore's model lacks, on the variant of the client class
    that an instance over such a botocore gets (see :meth:`ClientBase.__init__`).

    Read from the instance, it raises :class:`~cognito_typed.OperationNotInBotocoreError` (an
    ``AttributeError``: ``hasattr`` is ``False``, as on a boto3 client); read from the class, it is
    the plain function.
    """

    __slots__ = ("function", "operations")

    def __init__(self, function: Callable[..., Any], operations: tuple[str, ...]) -> None:
        self.function, self.operations = function, operations

    def __get__(self, obj: ClientBase | None, cls: type | None = None) -> Any:
        if obj is None:
            return self.function
        have = obj._installed.operations  # pyright: ignore[reportPrivateUsage]
        raise obj._unsupported(next(op for op in self.operations if op not in have))  # pyright: ignore[reportPrivateUsage]


class ClientBase:
    """A thin typed layer over a botocore ``cognito-idp`` client.

    It keeps no per-call state: it is as thread-safe as the botocore client under it.
    Retries, throttling and endpoints stay botocore's (pass a botocore ``Config``).

    What a method needs of the installed botocore's model is checked before anything is sent
    (:mod:`cognito_typed._runtime.installed`): a method whose operation the model lacks is not
    there (``hasattr`` is ``False``, ``dir()`` leaves it out, reading it raises
    :class:`~cognito_typed.OperationNotInBotocoreError`), and a parameter or an enum value the
    model lacks raises :class:`~cognito_typed.UnsupportedByBotocoreError`.
    """

    __slots__ = ("_client", "_constraints", "_installed", "_lacking")

    _operations: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    _generated_from: ClassVar[str] = ""
    _variants: ClassVar[dict[frozenset[str], type[ClientBase]]] = {}
    _variant_of: ClassVar[type[ClientBase] | None] = None

    def __init_subclass__(
        cls, *, operations: Mapping[str, tuple[str, ...]] | None = None, generated_from: str = "", **kwargs: Any
    ) -> None:
        """``operations``: each method's name -> the operations it sends (checked against the live model);
        ``generated_from``: the botocore release whose model the subclass was generated from."""
        super().__init_subclass__(**kwargs)
        if generated_from:
            cls._generated_from = generated_from
        if operations is not None:
            cls._operations, cls._variants = operations, {}

    def __init__(self, client: Any, *, constraints: bool = True) -> None:
        """Wrap a botocore/boto3 ``cognito-idp`` client.

        ``constraints=False`` sends requests without checking the model's ranges, lengths,
        patterns and enum values (types and required members are still checked): for the
        day the model is stricter than the service. :meth:`with_options` does it per call.
        """
        service_model = getattr(getattr(client, "meta", None), "service_model", None)
        service = getattr(service_model, "service_name", None)
        if service != SERVICE:
            kind = f"a {service!r} client" if service else f"a {type(client).__name__}"
            raise TypeError(f"{type(self).__name__} needs a botocore/boto3 {SERVICE!r} client, got {kind}")
        self._client = client
        self._constraints = constraints
        self._installed = record = installed(service_model)
        operations = self._operations
        lacking = record.lacking.get(id(operations))
        if lacking is None:  # once per live model
            have = record.operations
            lacking = frozenset(m for m, needed in operations.items() if not have.issuperset(needed))
            record.lacking[id(operations)] = lacking
        self._lacking = lacking
        if lacking or self._variant_of is not None:
            # The methods stay plain functions of the generated class; an instance over a botocore
            # whose model lacks operations gets a variant of the class (made once per set of
            # lacking methods) where those methods raise OperationNotInBotocoreError.
            self.__class__ = cast("type[Self]", self._variant(lacking))

    @classmethod
    def _variant(cls, lacking: frozenset[str]) -> type[ClientBase]:
        base = cls._variant_of or cls
        if not lacking:
            return base
        found = base._variants.get(lacking)
        if found is None:
            namespace: dict[str, Any] = {
                "__slots__": (),
                "__module__": base.__module__,
                "__qualname__": base.__qualname__,
            }
            namespace["__doc__"] = base.__doc__
            namespace["_variant_of"] = base
            for name in lacking:
                namespace[name] = _Lacking(getattr(base, name), base._operations[name])
            found = base._variants[lacking] = cast("type[ClientBase]", type(base.__name__, (base,), namespace))
        return found

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
    def raw(self) -> BaseClient:
        """The botocore client underneath, for anything this wrapper does not cover."""
        return cast("BaseClient", self._client)

    @property
    def meta(self) -> Any:
        """The botocore client's ``meta`` (a botocore ``ClientMeta``: region, endpoint, config, the live
        ``service_model``, events). ``Any``, as botocore-stubs' is the only type of it; ``raw.meta`` is
        typed by whichever botocore stubs are installed."""
        return self._client.meta

    def close(self) -> None:
        """Close the botocore client's connections (``raw.close()``), as on a boto3 client."""
        self._client.close()

    def __dir__(self) -> list[str]:
        """The attributes, without the methods whose operations the installed botocore's model lacks."""
        lacking = self._lacking
        return sorted(name for name in super().__dir__() if name not in lacking)

    def send(self, request: Request[R]) -> R:
        """Validate ``request``, send it, and return the typed response.

        Raises :class:`~cognito_typed.ValidationError` before any network call when the request
        breaks a rule of the model, :class:`~cognito_typed.UnsupportedByBotocoreError` when it
        passes something the installed botocore's model lacks, and the generated exception class
        (a botocore ``ClientError``) when the service answers with an error; :class:`TypeError` when
        ``request`` is no request model.
        """
        constraints = self._constraints
        cls = type(request)  # (a request class itself, not an instance, has no __operation__ on its type)
        try:
            operation, digest = cls.__operation__, cls.__input_digest__
        except AttributeError:  # (no cost unless raised)
            raise TypeError(
                "send() takes a request model (cognito_typed.models.DescribeUserPoolRequest and the like),"
                f" not {type(request).__name__}"
            ) from None
        request.validate(constraints=constraints)
        params = request.to_wire()
        if digest is None or self._installed.digests.get(operation) != digest:  # (_check_installed's quick yes, inline)
            self._check_installed(operation, params, enums=constraints, digest=digest)
        raw = self._call(cls.__method__, params)
        return cast(R, build(cls.__response__, raw))

    def _check_installed(
        self, operation: str, params: Mapping[str, Any], *, enums: bool, digest: str | None = None
    ) -> None:
        """Raise :class:`~cognito_typed.UnsupportedByBotocoreError` if ``params`` (what the caller
        passes to ``operation``, as wire data) has what the installed botocore's model lacks
        (``digest``: see :meth:`Installed.lacks`)."""
        installed = self._installed
        if digest is not None and installed.digests.get(operation) == digest:
            return  # the live input is the one the request was generated from (see Installed.lacks)
        lacks = installed.lacks(operation, params, enums=enums, digest=digest)
        if lacks:
            raise self._unsupported(operation, lacks)

    def _unsupported(self, operation: str, lacks: Any = None) -> UnsupportedByBotocoreError:
        record = self._installed
        if lacks is None or lacks[0][0] == "operation":
            return OperationNotInBotocoreError(
                operation, [("operation", operation, "")], record.botocore_version, self._generated_from
            )
        return UnsupportedByBotocoreError(operation, lacks, record.botocore_version, self._generated_from)

    def _call(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Call botocore's ``method`` with wire ``params``; an error response raises its typed class."""
        client = self._client
        try:
            result: dict[str, Any] = getattr(client, method)(**params)
        except ClientError as error:
            raise typed_error(error, client, self._installed) from error
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
