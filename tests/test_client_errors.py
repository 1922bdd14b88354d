"""Error mapping: a service error comes out of the typed client as the generated class for its code.

Every exception shape of the model is sent back, through botocore's ``Stubber``, by an
operation that the model says can raise it; the typed client must raise exactly the
generated class, which is still a botocore ``ClientError`` with the service's details.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from client_fixtures import Examples, call, load_ir, shared_client
from support import GENERATED_FROM, INSTALLED, SERVICE

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
    assert type(error) is generated
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
    error, _ = raise_through_typed_client("DescribeUserPool", "ResourceNotFoundException")
    assert type(error) is errors.ResourceNotFoundException
    assert error.message == ""
    assert error.request_id is None


def test_a_code_the_operation_does_not_model_still_maps_by_code() -> None:
    """The registry is keyed by code alone: a code the operation's model does not list is still typed."""
    describe = next(op for op in IR.operations if op.name == "DescribeUserPool")
    assert "UsernameExistsException" not in describe.errors
    error, _ = raise_through_typed_client("DescribeUserPool", "UsernameExistsException")
    assert type(error) is errors.UsernameExistsException


def test_modeled_fields_of_the_error_are_kept_in_the_response() -> None:
    error, _ = raise_through_typed_client(
        "AdminGetUser",
        "UserNotFoundException",
        service_message="User does not exist.",
        modeled_fields={"message": "User does not exist."},
    )
    assert type(error) is errors.UserNotFoundException
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
