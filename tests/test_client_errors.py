"""Error mapping: a service error comes out of the typed client as the generated class for its code.

Every exception shape of the model is sent back, through botocore's ``Stubber``, by an
operation that the model says can raise it; the typed client must raise the generated class
(and no other generated class), which is still a botocore ``ClientError`` with the service's
details, and the botocore client's own class for the code (``raw.exceptions.X``), so that code
written for boto3 catches it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError
from botocore.model import ServiceModel
from botocore.stub import Stubber
from botocore_releases import model_file
from client_fixtures import Examples, call, load_ir, shared_client
from support import GENERATED_FROM, INSTALLED, SERVICE

from codegen.loader import load
from cognito_typed import errors
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.errors import ERRORS, CognitoIdentityProviderError

IR = load_ir()
EXCEPTIONS = sorted(IR.exceptions(), key=lambda s: s.name)
MINIMAL = Examples(full=False)


def raiser(shape_name: str) -> str:
    """The first operation (by name) whose model lists ``shape_name`` among its errors."""
    for op in IR.operations:
        if shape_name in op.errors:
            return op.name
    raise LookupError(f"no operation can raise {shape_name}")


def raise_through_typed_client(operation_name: str, code: str, **stub: Any) -> tuple[CognitoIdentityProviderError, Any]:
    raw = shared_client()
    request = MINIMAL.request(operation_name)
    with Stubber(raw) as stubber:
        stubber.add_client_error(
            _method(raw, operation_name),
            service_error_code=code,
            expected_params=request,
            **stub,
        )
        with pytest.raises(ClientError) as info:
            call(CognitoIdentityProvider(raw), operation_name, request)
        stubber.assert_no_pending_responses()
    assert isinstance(info.value, CognitoIdentityProviderError)
    return info.value, raw


def assert_raised_as(error: Exception, generated: type[Exception], raw: Any, code: str) -> None:
    """``error`` is the generated class of ``code`` (that one alone) and ``raw``'s own class for it."""
    assert isinstance(error, generated)
    assert [c for c in ERRORS.values() if isinstance(error, c)] == [generated]
    own = raw.exceptions.from_code(code)
    assert own is getattr(raw.exceptions, generated.__name__)
    assert own is not ClientError and isinstance(error, own)
    assert type(error).__bases__ == (generated, own)
    assert (type(error).__module__, type(error).__qualname__) == ("cognito_typed.errors", generated.__name__)


def _method(raw: Any, operation_name: str) -> str:
    return next(m for m, op in raw.meta.method_to_api_mapping.items() if op == operation_name)


@pytest.mark.parametrize("shape", EXCEPTIONS, ids=lambda s: s.name)
def test_every_exception_shape_raises_its_generated_class(shape: Any) -> None:
    code = shape.error_code
    assert code is not None
    operation_name = raiser(shape.name)
    message = f"{code} happened in {operation_name}"

    error, raw = raise_through_typed_client(
        operation_name,
        code,
        service_message=message,
        http_status_code=400,
        response_meta={"RequestId": "req-0123-abcd"},
    )

    generated = getattr(errors, shape.name)
    assert_raised_as(error, generated, raw, code)
    assert ERRORS[code] is generated
    assert isinstance(error, ClientError)
    assert error.code == code
    assert error.error_code == code
    assert error.message == message
    assert error.request_id == "req-0123-abcd"
    assert error.operation_name == operation_name
    assert error.response["Error"] == {"Code": code, "Message": message}
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    # The botocore error is kept as the cause, and the text is botocore's own.
    cause = error.__cause__
    assert isinstance(cause, raw.exceptions.ClientError)
    assert cause.response == error.response
    assert str(error) == str(cause)


def test_unknown_code_becomes_the_service_base_error() -> None:
    error, _ = raise_through_typed_client(
        "DescribeUserPool",
        "BrandNewFutureException",
        service_message="a code newer than the model",
        response_meta={"RequestId": "req-future"},
    )
    assert type(error) is CognitoIdentityProviderError
    assert isinstance(error, ClientError)
    assert error.error_code == "BrandNewFutureException"
    assert error.message == "a code newer than the model"
    assert error.request_id == "req-future"
    assert error.operation_name == "DescribeUserPool"


def test_error_without_message_or_request_id() -> None:
    error, raw = raise_through_typed_client("DescribeUserPool", "ResourceNotFoundException")
    assert_raised_as(error, errors.ResourceNotFoundException, raw, "ResourceNotFoundException")
    assert error.message == ""
    assert error.request_id is None


def test_a_code_the_operation_does_not_model_still_maps_by_code() -> None:
    """The registry is keyed by code alone: a code the operation's model does not list is still typed."""
    describe = next(op for op in IR.operations if op.name == "DescribeUserPool")
    assert "UsernameExistsException" not in describe.errors
    error, raw = raise_through_typed_client("DescribeUserPool", "UsernameExistsException")
    assert_raised_as(error, errors.UsernameExistsException, raw, "UsernameExistsException")


def test_modeled_fields_of_the_error_are_kept_in_the_response() -> None:
    error, _ = raise_through_typed_client(
        "AdminGetUser",
        "UserNotFoundException",
        service_message="User does not exist.",
        modeled_fields={"message": "User does not exist."},
    )
    assert isinstance(error, errors.UserNotFoundException)
    assert error.response["message"] == "User does not exist."


def test_the_typed_error_is_caught_by_the_generic_handlers() -> None:
    """Code written against botocore (``except ClientError`` and the code check) keeps working."""
    raw = shared_client()
    typed = CognitoIdentityProvider(raw)
    with Stubber(raw) as stubber:
        stubber.add_client_error("admin_get_user", service_error_code="UserNotFoundException")
        try:
            typed.admin_get_user(user_pool_id="us-east-1_Example1", username="nobody")
        except ClientError as error:
            assert error.response["Error"]["Code"] == "UserNotFoundException"
            assert isinstance(error, errors.UserNotFoundException)
        else:
            pytest.fail("no error raised")


def test_every_code_is_mapped_once_and_only_the_model_codes_are() -> None:
    generated_from = sorted(SERVICE.exceptions(), key=lambda s: s.name)  # the model the package came from
    codes = [shape.error_code for shape in generated_from]
    assert len(codes) == len(set(codes)) == len(SERVICE.exceptions())
    assert len(ERRORS) == len(SERVICE.exceptions())
    assert set(ERRORS) == set(codes)
    assert {shape.name for shape in EXCEPTIONS} <= {shape.name for shape in generated_from}  # the installed ones
    for shape in generated_from:
        cls = ERRORS[shape.error_code]  # type: ignore[index]
        assert cls.__name__ == shape.name
        assert issubclass(cls, CognitoIdentityProviderError)
        assert issubclass(cls, ClientError)
        assert cls is not CognitoIdentityProviderError
    assert len(set(ERRORS.values())) == len(ERRORS)


def test_every_exception_shape_is_raisable_by_some_operation() -> None:
    """So that the parametrized test above really ran each code through an operation of the model."""
    assert {raiser(shape.name) for shape in EXCEPTIONS}  # raiser() raises when one has none
    if INSTALLED == GENERATED_FROM:
        assert len(EXCEPTIONS) == 60  # botocore 1.44.8's cognito-idp, as pinned


def _user_not_found(typed: CognitoIdentityProvider) -> None:
    typed.admin_get_user(user_pool_id="us-east-1_Example1", username="nobody")


@pytest.mark.parametrize("handler", ["typed.exceptions", "raw.exceptions", "cognito_typed.errors", "ClientError"])
def test_every_way_boto3_code_catches_an_error_catches_the_typed_one(handler: str) -> None:
    """``except`` with the typed client's classes, the raw boto3 client's, the module's, or ``ClientError``."""
    raw = shared_client()
    typed = CognitoIdentityProvider(raw)
    caught: type[Exception] = {
        "typed.exceptions": typed.exceptions.UserNotFoundException,
        "raw.exceptions": raw.exceptions.UserNotFoundException,
        "cognito_typed.errors": errors.UserNotFoundException,
        "ClientError": ClientError,
    }[handler]
    with Stubber(raw) as stubber:
        stubber.add_client_error("admin_get_user", service_error_code="UserNotFoundException", service_message="gone")
        try:
            _user_not_found(typed)
        except caught as error:
            assert isinstance(error, errors.UserNotFoundException)
            assert isinstance(error, raw.exceptions.UserNotFoundException)
            assert error.message == "gone"
        else:
            pytest.fail("no error raised")
    # ... and not by the classes of other codes, raw or typed
    with Stubber(raw) as stubber:
        stubber.add_client_error("admin_get_user", service_error_code="UserNotFoundException")
        with pytest.raises(ClientError) as info:
            _user_not_found(typed)
    assert not isinstance(info.value, raw.exceptions.UsernameExistsException)
    assert not isinstance(info.value, errors.UsernameExistsException)


def test_the_class_is_made_once_per_client_and_each_client_gets_its_own() -> None:
    """botocore makes the per-client classes once per session: a client of another session has other classes."""
    import boto3

    def raised(raw: Any) -> Exception:
        with Stubber(raw) as stubber:
            stubber.add_client_error("admin_get_user", service_error_code="UserNotFoundException")
            with pytest.raises(ClientError) as info:
                _user_not_found(CognitoIdentityProvider(raw))
        return info.value

    raw = shared_client()
    first, second = raised(raw), raised(raw)
    assert type(first) is type(second)
    other_session = boto3.Session(aws_access_key_id="x", aws_secret_access_key="x", region_name="us-east-1")
    other = other_session.client("cognito-idp")
    assert other.exceptions.UserNotFoundException is not raw.exceptions.UserNotFoundException
    theirs = raised(other)
    assert isinstance(theirs, other.exceptions.UserNotFoundException)
    assert not isinstance(theirs, raw.exceptions.UserNotFoundException)
    assert isinstance(theirs, errors.UserNotFoundException)


def test_the_raised_error_pickles_as_the_generated_class() -> None:
    import pickle

    raw = shared_client()
    with Stubber(raw) as stubber:
        stubber.add_client_error("admin_get_user", service_error_code="UserNotFoundException", service_message="gone")
        with pytest.raises(errors.UserNotFoundException) as info:
            _user_not_found(CognitoIdentityProvider(raw))
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is errors.UserNotFoundException
    assert (back.message, back.operation_name, str(back)) == ("gone", "AdminGetUser", str(info.value))


def test_the_typed_clients_exceptions_are_the_generated_classes_by_name() -> None:
    typed = CognitoIdentityProvider(shared_client())
    names = {name for name in dir(typed.exceptions) if name.endswith("Exception")}
    assert names == {cls.__name__ for cls in ERRORS.values()}
    for cls in ERRORS.values():
        assert getattr(typed.exceptions, cls.__name__) is cls
        assert typed.exceptions.from_code(cls.code) is cls
    assert typed.exceptions.from_code("BrandNewFutureException") is CognitoIdentityProviderError
    assert typed.exceptions.ClientError is ClientError


def _raises_listed(doc: str) -> list[str] | None:
    text = " ".join(doc.split())
    marker = "Raises (cognito_typed.errors): "
    if marker not in text:
        return None
    return text.split(marker, 1)[1].split(".", 1)[0].split(", ")


@cache
def generated_from_model() -> ServiceModel:
    """botocore's own reading of the model the package was generated from: the installed client's on the
    pinned botocore, else the pinned release's model file read by the installed botocore's ServiceModel."""
    if INSTALLED == GENERATED_FROM:
        model: ServiceModel = shared_client().meta.service_model
        return model
    return ServiceModel(load(model_file(GENERATED_FROM)).service, service_name="cognito-idp")


# The docstrings are the generated-from model's error lists: every operation of it, on any botocore.
@pytest.mark.parametrize("operation_name", sorted(op.name for op in SERVICE.operations))
def test_each_methods_docstring_names_the_errors_its_operation_can_raise(operation_name: str) -> None:
    """What botocore's own model lists as the operation's errors, by the generated class names."""
    model = generated_from_model().operation_model(operation_name)
    expected = sorted({shape.name for shape in model.error_shapes})  # the model lists some twice
    method = getattr(CognitoIdentityProvider, xform_name(operation_name))
    listed = _raises_listed(method.__doc__ or "")
    if not expected:
        assert listed is None
        return
    assert listed is not None and sorted(listed) == expected
    for name in listed:
        assert issubclass(getattr(errors, name), CognitoIdentityProviderError)
