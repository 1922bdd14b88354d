"""Making the typed client: over an existing boto3/botocore client, or through ``create()``
from a boto3 Session, a botocore Session or the default session; a botocore ``Config`` is
passed through untouched; a client of another service is refused."""

from __future__ import annotations

import sys
from typing import Any

import boto3
import botocore.client
import botocore.session
import pytest
from botocore.config import Config
from botocore.stub import Stubber
from client_fixtures import REGION, aws_env, botocore_client, run_python  # noqa: F401 (aws_env: a fixture)

import cognito_typed
from cognito_typed.client import CognitoIdentityProvider
from cognito_typed.models import DescribeUserPoolResponse, UserPoolType

pytestmark = pytest.mark.usefixtures("aws_env")
ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Example1"


def works(typed: CognitoIdentityProvider) -> None:
    """The client is usable: one call goes through its botocore client (stubbed) and comes back typed."""
    with Stubber(typed.raw) as stubber:
        stubber.add_response(
            "describe_user_pool",
            {"UserPool": {"Id": "us-east-1_Example1", "Name": "pool", "Arn": ARN}},
            expected_params={"UserPoolId": "us-east-1_Example1"},
        )
        response = typed.describe_user_pool(user_pool_id="us-east-1_Example1")
        stubber.assert_no_pending_responses()
    assert response == DescribeUserPoolResponse(user_pool=UserPoolType(id="us-east-1_Example1", name="pool", arn=ARN))


def test_over_a_boto3_client() -> None:
    raw = boto3.client("cognito-idp", region_name="eu-west-1")
    typed = CognitoIdentityProvider(raw)
    assert typed.raw is raw
    assert typed.raw.meta.region_name == "eu-west-1"
    works(typed)


def test_over_a_botocore_client() -> None:
    raw = botocore_client()
    typed = CognitoIdentityProvider(raw)
    assert typed.raw is raw
    assert isinstance(typed.raw, botocore.client.BaseClient)
    works(typed)


def test_create_from_a_boto3_session() -> None:
    session = boto3.Session(
        aws_access_key_id="AKIDFROMSESSION", aws_secret_access_key="secret-from-session", region_name="ap-south-1"
    )
    typed = CognitoIdentityProvider.create(region_name="eu-central-1", session=session)
    assert isinstance(typed, CognitoIdentityProvider)
    assert isinstance(typed.raw, botocore.client.BaseClient)
    assert typed.raw.meta.service_model.service_name == "cognito-idp"
    assert typed.raw.meta.region_name == "eu-central-1"
    works(typed)


def test_create_from_a_boto3_session_takes_its_region_and_credentials() -> None:
    session = boto3.Session(
        aws_access_key_id="AKIDFROMSESSION", aws_secret_access_key="secret-from-session", region_name="ap-south-1"
    )
    typed = CognitoIdentityProvider.create(session=session)
    assert typed.raw.meta.region_name == "ap-south-1"
    assert _access_key(typed.raw) == "AKIDFROMSESSION"


def test_create_from_a_botocore_session() -> None:
    session = botocore.session.get_session()
    session.set_credentials("AKIDBOTOCORE", "secret-botocore")
    typed = CognitoIdentityProvider.create(session=session, region_name="us-west-2")
    assert typed.raw.meta.region_name == "us-west-2"
    assert _access_key(typed.raw) == "AKIDBOTOCORE"
    works(typed)


def test_create_with_the_default_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    typed = CognitoIdentityProvider.create()
    assert typed.raw.meta.region_name == REGION  # from AWS_DEFAULT_REGION
    assert _access_key(typed.raw) == "testing"  # from AWS_ACCESS_KEY_ID
    works(typed)


def test_create_without_boto3_falls_back_to_botocore(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boto3", None)  # `import boto3` now raises ImportError
    with pytest.raises(ImportError):
        import boto3 as _  # noqa: F401
    typed = CognitoIdentityProvider.create(region_name="sa-east-1")
    assert typed.raw.meta.region_name == "sa-east-1"
    works(typed)


@pytest.mark.parametrize("how", ["boto3-session", "botocore-session", "default"])
def test_a_botocore_config_is_passed_through(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(retries={"max_attempts": 7, "mode": "standard"}, connect_timeout=3, read_timeout=11)
    session: Any = None
    if how == "boto3-session":
        session = boto3.Session()
    elif how == "botocore-session":
        session = botocore.session.get_session()
    else:
        monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    typed = CognitoIdentityProvider.create(session=session, region_name=REGION, config=config)
    used = typed.raw.meta.config
    # botocore stores max_attempts (retries after the first try) as total_max_attempts (all tries)
    assert used.retries == {"mode": "standard", "total_max_attempts": 8}
    assert used.connect_timeout == 3
    assert used.read_timeout == 11


def test_other_client_arguments_are_passed_through() -> None:
    typed = CognitoIdentityProvider.create(
        session=boto3.Session(), region_name=REGION, endpoint_url="http://localhost:4566", use_ssl=False
    )
    assert typed.raw.meta.endpoint_url == "http://localhost:4566"


def test_a_client_already_configured_keeps_its_config() -> None:
    raw = boto3.client("cognito-idp", region_name=REGION, config=Config(retries={"max_attempts": 2}))
    typed = CognitoIdentityProvider(raw)
    assert typed.raw.meta.config.retries["total_max_attempts"] == 3


def test_a_client_of_another_service_is_refused() -> None:
    s3 = boto3.client("s3", region_name=REGION)
    with pytest.raises(TypeError) as info:
        CognitoIdentityProvider(s3)
    message = str(info.value)
    assert "'s3'" in message
    assert "cognito-idp" in message
    assert "CognitoIdentityProvider" in message


def test_the_cognito_identity_client_is_not_mistaken_for_cognito_idp() -> None:
    """Identity pools (``cognito-identity``) are a different service with a similar name."""
    identity = boto3.client("cognito-identity", region_name=REGION)
    with pytest.raises(TypeError, match="'cognito-identity'"):
        CognitoIdentityProvider(identity)


@pytest.mark.parametrize("thing", [None, object(), {"service": "cognito-idp"}, "cognito-idp", boto3.Session])
def test_something_that_is_not_a_client_is_refused(thing: Any) -> None:
    with pytest.raises(TypeError, match="needs a botocore/boto3 'cognito-idp' client") as info:
        CognitoIdentityProvider(thing)
    assert type(thing).__name__ in str(info.value)


def test_create_with_a_session_of_another_kind_is_refused() -> None:
    with pytest.raises(AttributeError):
        CognitoIdentityProvider.create(session=object(), region_name=REGION)


def test_raw_is_the_botocore_client_and_read_only() -> None:
    raw = botocore_client()
    typed = CognitoIdentityProvider(raw)
    assert typed.raw is raw
    with pytest.raises(AttributeError):
        typed.raw = botocore_client()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        typed.anything_else = 1  # type: ignore[attr-defined]  # __slots__: no per-instance dict


def test_importable_from_the_package() -> None:
    from cognito_typed import CognitoIdentityProvider as FromPackage

    assert FromPackage is CognitoIdentityProvider
    assert "CognitoIdentityProvider" in cognito_typed.__all__
    with pytest.raises(AttributeError, match="no attribute 'NoSuchThing'"):
        cognito_typed.NoSuchThing  # noqa: B018


def test_importing_the_package_does_not_load_the_client() -> None:
    """The package docstring promises ``import cognito_typed`` stays cheap: the client loads on first use."""
    code = (
        "import sys, cognito_typed; "
        "print('cognito_typed.client' in sys.modules, 'botocore' in sys.modules); "
        "cognito_typed.CognitoIdentityProvider; "
        "print('cognito_typed.client' in sys.modules)"
    )
    result = run_python("-c", code, check=True)
    assert result.stdout.split() == ["False", "False", "True"]


def _access_key(raw: Any) -> str:
    credentials = raw._request_signer._credentials  # botocore keeps no public accessor for them
    return str(credentials.get_frozen_credentials().access_key)
