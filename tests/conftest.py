from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import botocore.session
import pytest
from botocore.stub import Stubber
from hypothesis import settings
from strategies import WireStrategies
from support import INSTALLED_SERVICE, SERVICE

from codegen.ir import Service

# Examples per property are few (hundreds of shapes are each a test); no example database is
# written into the shared tree. HYPOTHESIS_PROFILE=thorough runs many more.
settings.register_profile(
    "default",
    max_examples=10,
    deadline=None,
    database=None,
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def service() -> Service:
    return SERVICE


@pytest.fixture(scope="session")
def wire() -> WireStrategies:
    return WireStrategies(SERVICE)


@pytest.fixture(scope="session")
def installed_wire(wire: WireStrategies) -> WireStrategies:
    """Wire values of the installed botocore's model: ``wire`` itself on the pinned botocore; on an older one
    (``nox -s tests_botocore_range``) values made only of what that botocore knows."""
    return wire if INSTALLED_SERVICE is SERVICE else WireStrategies(INSTALLED_SERVICE)


@pytest.fixture(scope="session")
def client() -> Any:
    """A real botocore cognito-idp client (never sends: every test stubs it)."""
    session = botocore.session.get_session()
    return session.create_client(
        "cognito-idp",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture
def stubber(client: Any) -> Iterator[Stubber]:
    with Stubber(client) as stub:
        yield stub
