"""One exception class per exception shape, registered by error code, all botocore ClientErrors."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from support import EXCEPTIONS, INSTALLED, INSTALLED_SERVICE, SERVICE

import cognito_typed.errors
from cognito_typed.errors import ERRORS, CognitoIdentityProviderError

CODES = {SERVICE.shapes[name].error_code: name for name in EXCEPTIONS}


def error_response(code: str, message: str = "Something went wrong.") -> dict[str, Any]:
    return {
        "Error": {"Code": code, "Message": message},
        "ResponseMetadata": {"RequestId": "3f1c-example", "HTTPStatusCode": 400},
    }


def test_one_class_per_exception_shape() -> None:
    assert len(EXCEPTIONS) == len(SERVICE.exceptions()) == 60
    assert len(ERRORS) == len(EXCEPTIONS)
    assert set(ERRORS) == set(CODES)
    not_shapes = {"ERRORS", "EXCEPTIONS", "Exceptions", "CognitoIdentityProviderError"}
    exported = set(cognito_typed.errors.__all__) - not_shapes
    assert exported == set(EXCEPTIONS)


@pytest.mark.parametrize("code", sorted(CODES))
def test_registered_class(code: str) -> None:
    cls = ERRORS[code]
    assert cls.__name__ == CODES[code]
    assert getattr(cognito_typed.errors, cls.__name__) is cls
    assert cls.code == code
    assert issubclass(cls, CognitoIdentityProviderError)
    assert issubclass(cls, ClientError)

    error = cls(error_response(code, f"{code} happened"), "AdminGetUser")
    assert error.error_code == code
    assert error.message == f"{code} happened"
    assert error.request_id == "3f1c-example"
    assert error.operation_name == "AdminGetUser"
    assert code in str(error)
    assert error.response["Error"]["Code"] == code


@pytest.mark.parametrize("code", sorted(CODES))
def test_codes_agree_with_botocore(code: str, client: Any) -> None:
    """botocore's own modeled exceptions use the same codes and names."""
    if CODES[code] not in INSTALLED_SERVICE.shapes:
        pytest.skip(f"botocore {INSTALLED} has no error shape {CODES[code]}")
    assert client.exceptions.from_code(code).__name__ == CODES[code]


def test_codes_of_each_operation_are_registered() -> None:
    for op in SERVICE.operations:
        for name in op.errors:
            assert ERRORS[SERVICE.shapes[name].error_code].__name__ == name


def test_base_class_for_an_unknown_code() -> None:
    error = CognitoIdentityProviderError(error_response("BrandNewException", "new"), "SignUp")
    assert isinstance(error, ClientError)
    assert error.error_code == "BrandNewException"
    assert error.message == "new"
    assert CognitoIdentityProviderError.code == ""


def test_missing_parts_of_the_response() -> None:
    error = ERRORS["UserNotFoundException"]({"Error": {}}, "AdminGetUser")
    assert error.error_code == "UserNotFoundException"  # the class's code when the response has none
    assert error.message == ""
    assert error.request_id is None


def test_caught_as_client_error() -> None:
    with pytest.raises(ClientError) as info:
        raise ERRORS["NotAuthorizedException"](error_response("NotAuthorizedException"), "InitiateAuth")
    assert isinstance(info.value, cognito_typed.errors.NotAuthorizedException)


def test_from_a_stubbed_client_error(client: Any, stubber: Stubber) -> None:
    """What botocore raises carries everything needed to build the typed error."""
    stubber.add_client_error(
        "admin_get_user",
        service_error_code="UserNotFoundException",
        service_message="User does not exist.",
        http_status_code=400,
    )
    with pytest.raises(ClientError) as info:
        client.admin_get_user(UserPoolId="us-east-1_EXAMPLE", Username="nobody")
    raised = info.value
    typed = ERRORS[raised.response["Error"]["Code"]](raised.response, raised.operation_name)
    assert isinstance(typed, cognito_typed.errors.UserNotFoundException)
    assert typed.message == "User does not exist."
    assert typed.operation_name == "AdminGetUser"


def test_pickle() -> None:
    error = ERRORS["TooManyRequestsException"](error_response("TooManyRequestsException", "slow down"), "SignUp")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert again.message == "slow down"
    assert again.error_code == "TooManyRequestsException"
