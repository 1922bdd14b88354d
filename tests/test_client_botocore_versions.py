"""The typed client over a botocore whose cognito-idp model is older than the one it was generated from.

An operation, a parameter (top level or nested) or an enum value that the caller passes and the
live model (``client.meta.service_model``) lacks raises one clear error before anything is sent,
naming it, the installed botocore and what to do; a method whose operation the live model lacks is
not there, as on a boto3 client (``hasattr`` False, left out of ``dir()``), though the class keeps it.

The older models: a copy of botocore 1.44.8's on a botocore data path with ListTerms and
DescribeTerms, the app clients' AuthSessionValidity, TokenValidityUnits' IdToken and the
enum value ALLOW_USER_AUTH removed; and botocore 1.27.65's own model (before AuthSessionValidity,
managed login and terms), loaded the same way. Every call goes through botocore's ``Stubber``,
which validates what is sent against the old model; nothing touches the network.
"""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import botocore
import botocore.session
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber
from botocore_releases import data_path, model_file
from support import GENERATED_FROM as PACKAGE_GENERATED_FROM
from support import INSTALLED, pinned_botocore

from codegen.loader import load
from cognito_typed import OperationNotInBotocoreError, UnsupportedByBotocoreError, ValidationError, models
from cognito_typed.client import GENERATED_FROM, OPERATIONS, CognitoIdentityProvider
from cognito_typed.models import TokenValidityUnitsType

POOL, CLIENT = "us-east-1_Example1", "1example23456789"
APP = {"UserPoolClient": {"UserPoolId": POOL, "ClientId": CLIENT, "ClientName": "web"}}
REMOVED_OPERATIONS = ("ListTerms", "DescribeTerms")


@pytest.fixture(scope="module")
def older_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the model the package was generated from (the installed one under the pinned botocore; the pinned
    # release's model file elsewhere in the range, where the installed model may lack these already)
    raw = load() if INSTALLED == PACKAGE_GENERATED_FROM else load(model_file(PACKAGE_GENERATED_FROM))
    service: dict[str, Any] = copy.deepcopy(raw.service)
    shapes, operations = service["shapes"], service["operations"]
    for name in REMOVED_OPERATIONS:
        del operations[name]
    for owner in ("CreateUserPoolClientRequest", "UpdateUserPoolClientRequest", "UserPoolClientType"):
        del shapes[owner]["members"]["AuthSessionValidity"]
    del shapes["TokenValidityUnitsType"]["members"]["IdToken"]
    shapes["ExplicitAuthFlowsType"]["enum"].remove("ALLOW_USER_AUTH")
    paginators = copy.deepcopy(raw.paginators)
    for name in REMOVED_OPERATIONS:
        paginators["pagination"].pop(name, None)
    root = tmp_path_factory.mktemp("older") / "data"
    folder = root / "cognito-idp" / service["metadata"]["apiVersion"]
    folder.mkdir(parents=True)
    (folder / "service-2.json").write_text(json.dumps(service), encoding="utf-8")
    (folder / "paginators-1.json").write_text(json.dumps(paginators), encoding="utf-8")
    return root


def raw_client(data: Path | None = None) -> Any:
    session = botocore.session.Session()
    if data is not None:
        session.set_config_variable("data_path", str(data))
    return session.create_client(
        "cognito-idp", region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing"
    )


@pytest.fixture
def old(older_model: Path) -> Any:
    raw = raw_client(older_model)
    assert "ListTerms" not in raw.meta.service_model.operation_names  # the control: the model is the copy
    return raw


def assert_the_remedy_is_named(error: UnsupportedByBotocoreError) -> None:
    text = str(error)
    assert error.botocore_version == botocore.__version__
    assert error.generated_from == GENERATED_FROM == "1.44.8"
    assert f"botocore {botocore.__version__}" in text
    assert f"generated from botocore {GENERATED_FROM}'s model" in text
    assert "Upgrade botocore" in text and "regenerate cognito_typed" in text


# --- an operation ------------------------------------------------------------------------


def test_a_method_whose_operation_the_model_lacks_is_not_there(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    with pytest.raises(AttributeError):  # the control: boto3's own client has no such method either
        _ = old.list_terms
    for method in ("list_terms", "describe_terms", "plan_update_terms", "merge_update_terms"):
        assert not hasattr(typed, method), method
        assert method not in dir(typed)
        with pytest.raises(OperationNotInBotocoreError) as info:
            getattr(typed, method)
        assert isinstance(info.value, AttributeError)
        assert isinstance(info.value, UnsupportedByBotocoreError)
        assert info.value.missing[0][0] == "operation"
        assert info.value.missing[0][1] in OPERATIONS[method]
        assert_the_remedy_is_named(info.value)
        assert getattr(typed, method, None) is None
    with pytest.raises(OperationNotInBotocoreError) as info:
        _ = typed.list_terms
    assert str(info.value).startswith(
        f"the cognito-idp model of the installed botocore {botocore.__version__} has no operation ListTerms\n"
    )
    # What the model has is there, the update of the terms too (UpdateTerms was kept).
    for method in ("update_terms", "create_terms", "describe_user_pool", "paginate_list_users"):
        assert hasattr(typed, method) and method in dir(typed), method
    # The class keeps the method, with its docstring saying what it needs.
    doc = CognitoIdentityProvider.list_terms.__doc__ or ""
    assert "Needs a botocore whose cognito-idp model has ListTerms" in " ".join(doc.split())


@pinned_botocore  # the installed botocore is the complete one
def test_over_a_botocore_that_has_them_every_method_is_there() -> None:
    typed = CognitoIdentityProvider(raw_client())
    assert all(hasattr(typed, method) for method in OPERATIONS)
    assert set(OPERATIONS) <= set(dir(typed))


def test_sending_a_request_of_a_missing_operation_raises_the_same_error(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    with Stubber(old) as stub, pytest.raises(OperationNotInBotocoreError, match="has no operation ListTerms"):
        typed.send(models.ListTermsRequest(user_pool_id=POOL))
    stub.assert_no_pending_responses()


# --- a parameter, an enum value ----------------------------------------------------------


def create(typed: CognitoIdentityProvider, raw: Any, **given: Any) -> Any:
    """``create_user_pool_client``, sent through a Stubber (which checks it against ``raw``'s model)."""
    with Stubber(raw) as stub:
        stub.add_response("create_user_pool_client", APP)
        result = typed.create_user_pool_client(user_pool_id=POOL, client_name="web", **given)
        stub.assert_no_pending_responses()
    return result


def refused(typed: CognitoIdentityProvider, raw: Any, **given: Any) -> UnsupportedByBotocoreError:
    """The error of a ``create_user_pool_client`` that sends nothing (its stubbed response stays queued)."""
    with Stubber(raw) as stub:
        stub.add_response("create_user_pool_client", APP)
        with pytest.raises(UnsupportedByBotocoreError) as info:
            typed.create_user_pool_client(user_pool_id=POOL, client_name="web", **given)
        with pytest.raises(AssertionError):  # still queued: nothing was sent
            stub.assert_no_pending_responses()
    return info.value


def test_a_top_level_parameter_the_model_lacks(old: Any) -> None:
    with pytest.raises(ParamValidationError, match="Unknown parameter in input"):  # what botocore itself says
        old.create_user_pool_client(UserPoolId=POOL, ClientName="web", AuthSessionValidity=15)
    typed = CognitoIdentityProvider(old)
    error = refused(typed, old, auth_session_validity=15)
    assert not isinstance(error, AttributeError)
    assert error.operation == "CreateUserPoolClient"
    assert error.missing == (("parameter", "CreateUserPoolClient.AuthSessionValidity", "CreateUserPoolClientRequest"),)
    assert str(error).startswith(
        f"the cognito-idp model of the installed botocore {botocore.__version__} has no parameter "
        "CreateUserPoolClient.AuthSessionValidity (no member AuthSessionValidity in CreateUserPoolClientRequest)\n"
    )
    assert_the_remedy_is_named(error)
    # Without it, the same call goes through (the Stubber checks it against the old model).
    assert create(typed, old, access_token_validity=1).user_pool_client.client_id == CLIENT


def test_a_nested_parameter_the_model_lacks(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    error = refused(typed, old, token_validity_units=TokenValidityUnitsType(access_token="minutes", id_token="hours"))
    assert error.missing == (
        ("parameter", "CreateUserPoolClient.TokenValidityUnits.IdToken", "TokenValidityUnitsType"),
    )
    assert "no member IdToken in TokenValidityUnitsType" in str(error)
    create(typed, old, token_validity_units=TokenValidityUnitsType(access_token="minutes"))


def test_an_enum_value_the_model_lacks_is_a_constraint(old: Any) -> None:
    """Refused by default; botocore does not check enum values, so ``constraints=False`` sends it."""
    typed = CognitoIdentityProvider(old)
    flows = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"]
    error = refused(typed, old, explicit_auth_flows=flows)
    assert error.missing == (("enum value", "CreateUserPoolClient.ExplicitAuthFlows[1]", "ALLOW_USER_AUTH"),)
    assert "has no enum value 'ALLOW_USER_AUTH' for CreateUserPoolClient.ExplicitAuthFlows[1]" in str(error)
    assert "send it anyway with constraints=False" in str(error)
    create(typed.with_options(constraints=False), old, explicit_auth_flows=flows)  # the Stubber takes it


def test_everything_the_model_lacks_is_named_in_one_error(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    error = refused(
        typed,
        old,
        auth_session_validity=15,
        explicit_auth_flows=["ALLOW_USER_AUTH"],
        token_validity_units=TokenValidityUnitsType(id_token="hours"),
    )
    assert sorted(kind for kind, _, _ in error.missing) == ["enum value", "parameter", "parameter"]
    lines = str(error).splitlines()
    assert lines[0].endswith("lacks what this call passes:")
    assert len([line for line in lines if line.startswith("  ")]) == 3
    assert "constraints=False" not in str(error)  # it would not help with the parameters
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is UnsupportedByBotocoreError and str(back) == str(error)


def test_the_models_own_rules_come_first(old: Any) -> None:
    """An invalid request is a ValidationError, whatever botocore is installed."""
    with pytest.raises(ValidationError):
        create(CognitoIdentityProvider(old), old, auth_session_validity=30)


def test_a_merge_checks_what_the_caller_passes_before_reading(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    with Stubber(old) as stub:  # nothing queued: a describe would fail with botocore's UnStubbedResponseError
        with pytest.raises(UnsupportedByBotocoreError, match=r"UpdateUserPoolClient\.AuthSessionValidity"):
            typed.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, auth_session_validity=15)
        with pytest.raises(UnsupportedByBotocoreError, match="'ALLOW_USER_AUTH'"):
            typed.plan_update_user_pool_client(
                user_pool_id=POOL, client_id=CLIENT, explicit_auth_flows=["ALLOW_USER_AUTH"]
            )
        ids = {"UserPoolId": POOL, "ClientId": CLIENT}
        stub.add_response("describe_user_pool_client", {"UserPoolClient": {**ids, "ClientName": "web"}}, ids)
        stub.add_response("update_user_pool_client", {"UserPoolClient": {**ids, "ClientName": "web-2"}})
        merged = typed.merge_update_user_pool_client(user_pool_id=POOL, client_id=CLIENT, client_name="web-2")
        stub.assert_no_pending_responses()
    assert merged.client_name == "web-2"


def test_a_merge_whose_describe_the_model_lacks_reads_nothing(old: Any) -> None:
    """The merge engine itself refuses a pair whose describe the live model lacks (DescribeTerms here),
    before any call: the class keeps ``plan_update_terms`` even where the instance hides it."""
    from cognito_typed import merges
    from cognito_typed._runtime.merge import plan

    typed = CognitoIdentityProvider(old)
    with Stubber(old) as stub:  # nothing queued: any call would fail with botocore's UnStubbedResponseError
        for run in (
            lambda: plan(typed, merges.UPDATE_TERMS, {"user_pool_id": POOL, "terms_id": "t" * 20}),
            lambda: CognitoIdentityProvider.merge_update_terms(typed, user_pool_id=POOL, terms_id="t" * 20),
        ):
            with pytest.raises(OperationNotInBotocoreError) as info:
                run()
            assert list(info.value.missing) == [("operation", "DescribeTerms", "")]
            assert_the_remedy_is_named(info.value)
        stub.assert_no_pending_responses()


def test_the_record_of_a_model_is_made_once_and_dies_with_it(older_model: Path) -> None:
    import gc
    import weakref

    from cognito_typed._runtime.installed import installed

    old = raw_client(older_model)
    model = old.meta.service_model
    first = CognitoIdentityProvider(old)._installed  # pyright: ignore[reportPrivateUsage]
    assert installed(model) is first is CognitoIdentityProvider(old)._installed  # pyright: ignore[reportPrivateUsage]
    assert CognitoIdentityProvider(raw_client())._installed is not first  # pyright: ignore[reportPrivateUsage]
    gone = weakref.ref(first)
    del first, model, old
    gc.collect()
    assert gone() is None


# --- a real older release ----------------------------------------------------------------


def test_botocore_1_27_65s_own_model() -> None:
    """botocore 1.27.65's model, before AuthSessionValidity (1.27.66), managed login and terms."""
    raw = raw_client(data_path("1.27.65"))
    typed = CognitoIdentityProvider(raw)
    assert "AuthSessionValidity" not in raw.meta.service_model.shape_for("CreateUserPoolClientRequest").members
    lacking = {m for m in OPERATIONS if not hasattr(typed, m)}
    live = set(raw.meta.service_model.operation_names)
    assert lacking == {m for m, ops in OPERATIONS.items() if not set(ops) <= live}
    assert {"list_terms", "create_managed_login_branding", "plan_update_terms"} <= lacking
    assert "create_user_pool_client" not in lacking
    assert refused(typed, raw, auth_session_validity=15).missing[0][1] == "CreateUserPoolClient.AuthSessionValidity"
    assert create(typed, raw, refresh_token_validity=30).user_pool_client.client_name == "web"


@pinned_botocore  # the installed botocore is the complete one
def test_over_a_complete_model_the_instance_is_of_the_generated_class_with_plain_methods() -> None:
    typed = CognitoIdentityProvider(raw_client())
    assert type(typed) is CognitoIdentityProvider
    assert type(typed.with_options(constraints=False)) is CognitoIdentityProvider
    assert typed.list_terms.__func__ is CognitoIdentityProvider.__dict__["list_terms"]


def test_over_an_older_model_the_instance_is_a_variant_of_the_class(old: Any) -> None:
    typed = CognitoIdentityProvider(old)
    variant = type(typed)
    assert variant is not CognitoIdentityProvider and isinstance(typed, CognitoIdentityProvider)
    assert (variant.__module__, variant.__qualname__) == ("cognito_typed.client", "CognitoIdentityProvider")
    again = typed.with_options(constraints=False)
    assert type(again) is variant is type(CognitoIdentityProvider(old))  # made once per set of lacking methods
    assert not hasattr(again, "list_terms")
    assert variant.list_terms is CognitoIdentityProvider.list_terms  # from the class: the plain function
    assert typed.describe_user_pool.__func__ is CognitoIdentityProvider.__dict__["describe_user_pool"]


def test_the_fast_path_and_the_walk_agree_on_every_operations_request(old: Any) -> None:
    """For each operation's fully populated example request: no missing member found by the walk
    exactly when the fast path passes it, on the older model and on today's."""
    from client_fixtures import Examples
    from support import SERVICE

    from cognito_typed._runtime.installed import _fits, _walk, installed

    full = Examples(full=True, svc=SERVICE)  # the older copy is made from the package's model
    for raw, examples in ((old, full), (raw_client(), Examples(full=True))):  # ... and the installed one's
        record = installed(raw.meta.service_model)
        checked = 0
        for operation in sorted(record.operations):
            params = examples.request(operation)
            node = record.input(operation)
            for enums in (True, False):
                found: list[Any] = []
                _walk(node, params, operation, found, enums)
                assert _fits(node, params, enums) == (not found), (operation, found)
            checked += 1
        assert checked == len(record.operations)
    gaps = {
        op: lacks
        for op in ("CreateUserPoolClient", "UpdateUserPoolClient")
        if (lacks := installed(old.meta.service_model).lacks(op, full.request(op), enums=True))
    }
    assert set(gaps) == {"CreateUserPoolClient", "UpdateUserPoolClient"}  # the control: the walk finds some


def test_a_request_class_records_the_digest_of_its_operations_input() -> None:
    """The digest generated into each request class is the one the model it was generated from gives."""
    raw = load() if INSTALLED == PACKAGE_GENERATED_FROM else load(model_file(PACKAGE_GENERATED_FROM))
    digests = raw.input_digests()
    requests = request_classes()
    assert set(requests) == set(digests)
    for operation, request in requests.items():
        assert request.__input_digest__ == digests[operation], operation
    assert len(set(digests.values())) > 100  # the control: inputs differ, and so do their digests


def test_a_live_model_with_the_generated_digest_lacks_nothing_the_walk_would_find(old: Any) -> None:
    """The digest skips the walk only where the walk finds nothing: on the older copy, the operations
    whose input lost a member or an enum value differ; on the generated model every one is the same."""
    from client_fixtures import Examples
    from support import SERVICE

    from cognito_typed._runtime.installed import installed

    full = Examples(full=True, svc=SERVICE)
    record, requests = installed(old.meta.service_model), request_classes()
    differs = set()
    for operation in sorted(record.operations):
        generated = requests[operation].__input_digest__
        found = record.lacks(operation, full.request(operation), enums=True)  # the walk (no digest given)
        if record.digest(operation) == generated:
            assert not found, operation
        else:
            differs.add(operation)
    assert differs == {"CreateUserPoolClient", "UpdateUserPoolClient"}  # the two whose inputs lost something
    create = requests["CreateUserPoolClient"].__input_digest__  # given, the digest does not hide what lacks
    assert record.lacks("CreateUserPoolClient", full.request("CreateUserPoolClient"), enums=True, digest=create)
    if INSTALLED == PACKAGE_GENERATED_FROM:
        current = installed(raw_client().meta.service_model)
        assert all(current.digest(op) == requests[op].__input_digest__ for op in current.operations)


def request_classes() -> dict[str, Any]:
    """Operation -> its generated request class."""
    found = (getattr(models, name) for name in models.__all__)
    return {cls.__operation__: cls for cls in found if isinstance(cls, type) and hasattr(cls, "__operation__")}


def test_the_message_of_code_generated_from_a_model_of_no_known_release() -> None:
    error = UnsupportedByBotocoreError("ListTerms", [("operation", "ListTerms", "")], "1.35.99", "unknown")
    assert str(error) == (
        "the cognito-idp model of the installed botocore 1.35.99 has no operation ListTerms\n"
        "(cognito_typed was generated from a model, which has it). Upgrade botocore to a release whose model "
        "has it, or regenerate cognito_typed for botocore 1.35.99 (python -m codegen.regenerate)."
    )
