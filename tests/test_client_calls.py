"""What one call sends and gives back: the exact wire parameters for the Python-side inputs
a request accepts (``Sequence``/``Mapping``, nested models, ``None`` for absent, bytes), and the
typed response (including values newer than the model and operations without output)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Iterator
from datetime import UTC, datetime
from types import MappingProxyType

import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from botocore.validate import validate_parameters
from client_fixtures import shared_client
from support import skip_unless_installed_has

from cognito_typed import ValidationError
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.errors import CognitoIdentityProviderError, UserNotFoundException
from cognito_typed.models import (
    AdminCreateUserResponse,
    AttributeType,
    DescribeUserPoolClientResponse,
    DescribeUserPoolRequest,
    EmptyResponse,
    TokenValidityUnitsType,
    UserPoolClientType,
    UserType,
)

POOL = "us-east-1_Example1"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
# A new user as AdminCreateUser returns it: with what AWS always returns (codegen.presence).
NEW_USER = {
    "Username": "alice",
    "Attributes": [{"Name": "sub", "Value": "0f8fad5b-d9cb-469f-a165-70867728950e"}],
    "UserCreateDate": WHEN,
    "UserLastModifiedDate": WHEN,
    "Enabled": True,
    "UserStatus": "FORCE_CHANGE_PASSWORD",
}


@pytest.fixture
def stub() -> Iterator[tuple[CognitoIdentityProvider, Stubber]]:
    raw = shared_client()
    with Stubber(raw) as stubber:
        yield CognitoIdentityProvider(raw), stubber
        stubber.assert_no_pending_responses()


@pytest.fixture
def loose_stub() -> Iterator[tuple[CognitoIdentityProvider, Stubber]]:
    """Like ``stub``, for the tests of known bugs (xfail): a failing call leaves its response queued."""
    raw = shared_client()
    with Stubber(raw) as stubber:
        yield CognitoIdentityProvider(raw), stubber


def test_nested_models_become_plain_wire_values(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, stubber = stub
    stubber.add_response(
        "admin_create_user",
        {"User": NEW_USER},
        expected_params={
            "UserPoolId": POOL,
            "Username": "alice",
            "UserAttributes": [{"Name": "email", "Value": "alice@example.com"}, {"Name": "name", "Value": "Alice"}],
            "DesiredDeliveryMediums": ["EMAIL"],
            "ClientMetadata": {"source": "test"},
        },
    )
    response = typed.admin_create_user(
        user_pool_id=POOL,
        username="alice",
        user_attributes=(  # a tuple of models: converted item by item into a list of dicts
            AttributeType(name="email", value="alice@example.com"),
            AttributeType(name="name", value="Alice"),
        ),
        desired_delivery_mediums=["EMAIL"],
        client_metadata={"source": "test"},
        temporary_password=None,  # absent: left out of the wire dict
    )
    assert response == AdminCreateUserResponse(
        user=UserType(
            username="alice",
            attributes=(AttributeType(name="sub", value="0f8fad5b-d9cb-469f-a165-70867728950e"),),
            user_create_date=WHEN,
            user_last_modified_date=WHEN,
            enabled=True,
            user_status="FORCE_CHANGE_PASSWORD",
        )
    )


def test_a_mapping_that_is_not_a_dict_is_sent_as_a_dict(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    """The method takes ``client_metadata: Mapping[str, str]``; botocore takes only a dict."""
    typed, stubber = stub
    stubber.add_response("admin_create_user", {"User": NEW_USER})
    typed.admin_create_user(user_pool_id=POOL, username="alice", client_metadata=MappingProxyType({"source": "test"}))


def test_a_sequence_of_strings_is_sent_as_a_list(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, stubber = stub
    stubber.add_response(
        "admin_create_user",
        {"User": NEW_USER},
        expected_params={"UserPoolId": POOL, "Username": "alice", "DesiredDeliveryMediums": ["EMAIL", "SMS"]},
    )
    typed.admin_create_user(user_pool_id=POOL, username="alice", desired_delivery_mediums=("EMAIL", "SMS"))


def test_none_is_absent(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    """botocore refuses ``None`` values; the AWS JSON protocol gives null no meaning: ``None`` is left out."""
    typed, stubber = stub
    stubber.add_response(
        "admin_create_user", {"User": NEW_USER}, expected_params={"UserPoolId": POOL, "Username": "alice"}
    )
    typed.admin_create_user(user_pool_id=POOL, username="alice", temporary_password=None, client_metadata=None)


def test_a_required_none_is_refused_before_sending(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, _ = stub
    with pytest.raises(ValidationError) as info:
        typed.admin_create_user(user_pool_id=POOL, username=None)  # type: ignore[arg-type]
    assert [(v.path, v.rule) for v in info.value.violations] == [("Username", "required")]


def test_a_generator_is_not_a_sequence(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, _ = stub
    with pytest.raises(ValidationError):
        typed.admin_create_user(
            user_pool_id=POOL,
            username="alice",
            desired_delivery_mediums=(m for m in ["EMAIL"]),  # type: ignore[arg-type]
        )


@pytest.mark.parametrize("image", [b"\x89PNG\r\n", bytearray(b"\x89PNG\r\n")], ids=["bytes", "bytearray"])
def test_blobs_are_sent_as_given(stub: tuple[CognitoIdentityProvider, Stubber], image: bytes) -> None:
    typed, stubber = stub
    stubber.add_response(
        "set_ui_customization",
        {"UICustomization": {"UserPoolId": POOL, "ImageUrl": "https://example.com/logo.png"}},
        expected_params={"UserPoolId": POOL, "ImageFile": image},
    )
    response = typed.set_ui_customization(user_pool_id=POOL, image_file=image)
    assert response.ui_customization.image_url == "https://example.com/logo.png"


def test_a_blob_given_as_text_is_sent_as_its_utf8_bytes(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    """botocore takes text for a blob and sends its UTF-8 bytes; the typed client sends those bytes."""
    typed, stubber = stub
    stubber.add_response(
        "set_ui_customization",
        {"UICustomization": {"UserPoolId": POOL}},
        expected_params={"UserPoolId": POOL, "ImageFile": "logo é".encode()},
    )
    typed.set_ui_customization(user_pool_id=POOL, image_file="logo é")  # type: ignore[arg-type]


def test_a_blob_botocore_would_refuse_is_refused_before_sending(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, _ = stub  # (nothing queued: a call that reached botocore would fail on the empty Stubber)
    shape = typed.meta.service_model.operation_model("SetUICustomization").input_shape
    with pytest.raises(ParamValidationError, match="ImageFile"):  # botocore's own verdict on a memoryview
        validate_parameters({"UserPoolId": POOL, "ImageFile": memoryview(b"x")}, shape)
    with pytest.raises(ValidationError, match=r"ImageFile: memoryview is not bytes \(rule: type bytes\)"):
        typed.set_ui_customization(user_pool_id=POOL, image_file=memoryview(b"x"))  # type: ignore[arg-type]


def test_a_document_holding_a_tuple_or_a_mapping_is_sent_as_dicts_and_lists(
    stub: tuple[CognitoIdentityProvider, Stubber],
) -> None:
    """validate() takes any JSON value (as json.dumps does); botocore's validator refuses a tuple or
    a Mapping that is no dict in a document, which had reached it as given."""
    typed, stubber = stub
    skip_unless_installed_has("CreateManagedLoginBranding")
    settings = MappingProxyType({"components": ({"a": 1}, [2, (3,)]), "nested": MappingProxyType({"b": None})})
    shape = typed.meta.service_model.operation_model("CreateManagedLoginBranding").input_shape
    with pytest.raises(ParamValidationError, match="Settings"):  # botocore's own verdict on them
        validate_parameters({"UserPoolId": POOL, "ClientId": "abc", "Settings": settings}, shape)
    sent = {"components": [{"a": 1}, [2, [3]]], "nested": {"b": None}}
    stubber.add_response(
        "create_managed_login_branding",
        {"ManagedLoginBranding": {"ManagedLoginBrandingId": "b", "UserPoolId": POOL}},
        {"UserPoolId": POOL, "ClientId": "abc", "Settings": sent},
    )
    typed.create_managed_login_branding(user_pool_id=POOL, client_id="abc", settings=settings)
    stubber.assert_no_pending_responses()


def test_send_refuses_what_is_no_request_with_a_clear_error(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, _ = stub
    no_requests = [({"UserPoolId": POOL}, "dict"), (TokenValidityUnitsType(), "TokenValidityUnitsType")]
    no_requests.append((DescribeUserPoolRequest, type(DescribeUserPoolRequest).__name__))  # the class, not one
    for value, name in no_requests:
        with pytest.raises(TypeError, match=rf"send\(\) takes a request model .*, not {name}$"):
            typed.send(value)  # type: ignore[arg-type]


def test_a_datetime_timestamp_is_sent_as_given(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    skip_unless_installed_has("InitiatePointInTimeRecovery")
    typed, stubber = stub
    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    stubber.add_response(
        "initiate_point_in_time_recovery", {}, expected_params={"UserPoolId": POOL, "RestoreTimestamp": when}
    )
    response = typed.initiate_point_in_time_recovery(user_pool_id=POOL, restore_timestamp=when)
    assert response.to_wire() == {}


def test_an_iso_8601_string_timestamp_is_accepted_like_botocore_does(
    stub: tuple[CognitoIdentityProvider, Stubber],
) -> None:
    skip_unless_installed_has("InitiatePointInTimeRecovery")
    typed, stubber = stub
    raw_client = shared_client()
    when = "2024-05-06T07:08:09Z"
    # botocore itself takes the string (its validator and serializer parse it) ...
    stubber.add_response(
        "initiate_point_in_time_recovery", {}, expected_params={"UserPoolId": POOL, "RestoreTimestamp": when}
    )
    raw_client.initiate_point_in_time_recovery(UserPoolId=POOL, RestoreTimestamp=when)
    # ... and so should the typed client.
    stubber.add_response(
        "initiate_point_in_time_recovery", {}, expected_params={"UserPoolId": POOL, "RestoreTimestamp": when}
    )
    typed.initiate_point_in_time_recovery(user_pool_id=POOL, restore_timestamp=when)


def test_an_operation_without_output_returns_what_botocore_adds(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    """botocore's model gives AdminAddUserToGroup no output, yet its response has ResponseMetadata (the
    request id AWS support asks for): the typed method returns it in the shared EmptyResponse."""
    typed, stubber = stub
    metadata = {"RequestId": "req-1", "HTTPStatusCode": 200, "HTTPHeaders": {"x-amzn-requestid": "req-1"}}
    stubber.add_response(
        "admin_add_user_to_group",
        {"ResponseMetadata": {**metadata, "RetryAttempts": 1}},
        expected_params={"UserPoolId": POOL, "Username": "alice", "GroupName": "g"},
    )
    stubber.add_response("delete_user_pool", {}, expected_params={"UserPoolId": POOL})
    added = typed.admin_add_user_to_group(user_pool_id=POOL, username="alice", group_name="g")
    assert isinstance(added, EmptyResponse)
    assert added.response_metadata is not None
    assert (added.response_metadata.request_id, added.response_metadata.retry_attempts) == ("req-1", 1)
    assert added.response_metadata.http_headers == {"x-amzn-requestid": "req-1"}
    assert typed.delete_user_pool(user_pool_id=POOL) == EmptyResponse()  # (the Stubber adds no metadata)
    assert dataclasses.fields(EmptyResponse)[0].name == "response_metadata"


def test_enum_values_newer_than_the_model_come_through(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, stubber = stub
    stubber.add_response(
        "describe_user_pool_client",
        {
            "UserPoolClient": {
                "UserPoolId": POOL,
                "ClientName": "web",
                "ClientId": "abc",
                "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_SOMETHING_NEW"],
                "PreventUserExistenceErrors": "FUTURE_MODE",
            }
        },
    )
    response = typed.describe_user_pool_client(user_pool_id=POOL, client_id="abc")
    assert response == DescribeUserPoolClientResponse(
        user_pool_client=UserPoolClientType(
            user_pool_id=POOL,
            client_name="web",
            client_id="abc",
            explicit_auth_flows=("ALLOW_USER_SRP_AUTH", "ALLOW_SOMETHING_NEW"),  # type: ignore[arg-type]
            prevent_user_existence_errors="FUTURE_MODE",  # type: ignore[arg-type]
        )
    )


def test_an_absent_optional_member_reads_none(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, stubber = stub
    stubber.add_response(
        "describe_user_pool_client", {"UserPoolClient": {"UserPoolId": POOL, "ClientName": "web", "ClientId": "abc"}}
    )
    client = typed.describe_user_pool_client(user_pool_id=POOL, client_id="abc").user_pool_client
    assert client.client_id == "abc"
    assert client.client_secret is None
    assert client.auth_session_validity is None


def _typed_error(stubber: Stubber, typed: CognitoIdentityProvider) -> CognitoIdentityProviderError:
    stubber.add_client_error(
        "admin_get_user",
        service_error_code="UserNotFoundException",
        service_message="User does not exist.",
        response_meta={"RequestId": "req-1"},
    )
    with pytest.raises(UserNotFoundException) as info:
        typed.admin_get_user(user_pool_id=POOL, username="nobody")
    return info.value


def test_a_typed_error_survives_pickling(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    """E.g. raised in a ProcessPoolExecutor worker: still the generated class in the parent."""
    typed, stubber = stub
    error = _typed_error(stubber, typed)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is UserNotFoundException
    assert (again.message, again.request_id, again.operation_name) == ("User does not exist.", "req-1", "AdminGetUser")


def test_a_typed_error_survives_copying(stub: tuple[CognitoIdentityProvider, Stubber]) -> None:
    typed, stubber = stub
    error = _typed_error(stubber, typed)
    assert type(copy.copy(error)) is UserNotFoundException
