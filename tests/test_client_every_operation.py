"""Every operation of the model, through the typed client, against botocore's ``Stubber``.

For each of the 153 operations (those of the installed botocore's model, under ``nox -s tests_botocore_range``): a
minimal request (required members only) and a rich one (every member present), drawn by hypothesis from the IR
(``tests/strategies.py``). The generated method is called with the request's Python-side arguments; the ``Stubber``
checks that botocore receives exactly the wire dict (``expected_params``) and answers with a response drawn from the
output shape (a minimal one: the required members and those AWS always returns, ``codegen.presence``); the typed
response must be that response read through the response model, and give the same wire dict back.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber
from client_fixtures import call, load_ir, request_class, response_class, shared_client
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import WireStrategies
from support import GENERATED_FROM, INSTALLED, INSTALLED_OPERATIONS, SERVICE

from codegen.ir import Operation
from cognito_typed import ValidationError
from cognito_typed.client import CognitoIdentityProvider

IR = load_ir()
WIRE = WireStrategies(IR)
OPERATIONS = list(IR.operations)
# all 153 on the botocore the package was generated from; on another, as many as its model has
EXPECTED = 153 if INSTALLED == GENERATED_FROM else len(INSTALLED_OPERATIONS)
RAN: set[tuple[str, str]] = set()  # (operation, richness) that completed an example


def requests(op: Operation, richness: str) -> st.SearchStrategy[dict[str, Any]]:
    members = IR.shapes[op.input].members
    if richness == "minimal":
        return st.fixed_dictionaries({m.wire_name: WIRE.member(m, 1) for m in members if m.required})
    return WIRE.structure(op.input, overrides={m.wire_name: WIRE.member(m, 1) for m in members})


def responses(op: Operation, richness: str) -> st.SearchStrategy[dict[str, Any]]:
    """A minimal response has the members the model requires and those AWS always returns (codegen.presence)."""
    if op.output is None:
        return st.just({})
    members = IR.shapes[op.output].members
    if richness == "minimal":
        needed = [m for m in members if m.required or (op.output, m.wire_name) in WIRE.present]
        return st.fixed_dictionaries({m.wire_name: WIRE.member(m, 1) for m in needed})
    return WIRE.structure(op.output, overrides={m.wire_name: WIRE.member(m, 1) for m in members})


# App-client requests carry rules AWS documents beyond the model (cognito_typed._rules): the
# validities against their units, ALLOW_ flows not mixed with legacy ones, https redirect URLs
# with the default among the callbacks, context data only with a secret. A drawn rich request
# is brought in line with them; the values stay drawn where the rules leave room.
_APP_CLIENT_REQUESTS = {"CreateUserPoolClient", "UpdateUserPoolClient"}


def within_documented_rules(op: Operation, wire: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    if op.name not in _APP_CLIENT_REQUESTS:
        return wire
    wire = dict(wire)
    if "TokenValidityUnits" in wire:
        wire["TokenValidityUnits"] = {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"}
    for member, low, high in (("AccessTokenValidity", 5, 1440), ("IdTokenValidity", 5, 1440)):
        if member in wire:
            wire[member] = data.draw(st.integers(low, high), label=member)
    if "RefreshTokenValidity" in wire:
        wire["RefreshTokenValidity"] = data.draw(st.integers(1, 3650), label="RefreshTokenValidity")
    if "ExplicitAuthFlows" in wire:
        allow = sorted(f for f in IR.shapes["ExplicitAuthFlowsType"].enum if f.startswith("ALLOW_"))
        wire["ExplicitAuthFlows"] = data.draw(st.lists(st.sampled_from(allow), unique=True), label="flows")
    urls = st.lists(st.from_regex(r"https://example\.com/[a-z0-9]{1,12}", fullmatch=True), min_size=1, max_size=3)
    for member in ("CallbackURLs", "LogoutURLs"):
        if member in wire:
            wire[member] = data.draw(urls, label=member)
    if "DefaultRedirectURI" in wire:
        callbacks = wire.setdefault("CallbackURLs", ["https://example.com/callback"])
        wire["DefaultRedirectURI"] = data.draw(st.sampled_from(callbacks), label="DefaultRedirectURI")
    if wire.get("EnablePropagateAdditionalUserContextData") is True and op.name == "CreateUserPoolClient":
        wire["GenerateSecret"] = True
    return wire


def looser_minimums(op: Operation) -> list[str]:
    """The request members whose minimum the installed botocore's model sets below ours (an older model's
    RevokeToken ClientSecret: length 1..64, ours 24..64): values drawn from it are mostly ones we refuse."""
    ours = {m.wire_name: SERVICE.shapes[m.shape].constraints for m in SERVICE.shapes[op.input].members}
    found = []
    for member in IR.shapes[op.input].members:
        theirs = IR.shapes[member.shape].constraints
        if member.wire_name in ours and (theirs.min or 0) < (ours[member.wire_name].min or 0):
            found.append(f"{member.wire_name} (min {theirs.min} there, {ours[member.wire_name].min} here)")
    return found


SKIPPED: set[tuple[str, str]] = set()


@pytest.mark.parametrize("richness", ["minimal", "full"])
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.name)
@given(data=st.data())
def test_operation_through_the_typed_client(op: Operation, richness: str, data: st.DataObject) -> None:
    if looser := looser_minimums(op):
        SKIPPED.add((op.name, richness))
        pytest.skip(f"botocore {INSTALLED}'s model has looser minimums for {op.name}: {', '.join(looser)}")
    wire = within_documented_rules(op, data.draw(requests(op, richness), label="request"), data)
    response = data.draw(responses(op, richness), label="response")
    if richness == "full":
        assert set(wire) == {m.wire_name for m in IR.shapes[op.input].members}
    try:
        request_class(op.name).from_wire(wire).validate()
    except ValidationError as error:  # a drawn value the model allows but a rule does not: say which
        if INSTALLED != GENERATED_FROM:  # drawn from an older model: a value our newer constraints refuse
            assume(False)  # is no case of this test
        pytest.fail(f"drawn request is not valid: {error}")

    raw = shared_client()
    with Stubber(raw) as stubber:
        stubber.add_response(op.py_name, response, expected_params=wire)
        result = call(CognitoIdentityProvider(raw), op.name, wire)
        stubber.assert_no_pending_responses()

    response_cls = response_class(op.name)
    assert type(result) is response_cls
    assert result == response_cls.from_wire(response)
    assert result.to_wire() == response
    RAN.add((op.name, richness))


def test_every_operation_has_a_case() -> None:
    """Each operation of the model is parametrized above, and each is a method of the client."""
    assert len({op.name for op in OPERATIONS}) == len(OPERATIONS) == EXPECTED
    for op in OPERATIONS:
        assert callable(getattr(CognitoIdentityProvider, op.py_name)), op.name
        assert request_class(op.name).__method__ == op.py_name


def test_every_operation_ran(request: pytest.FixtureRequest) -> None:
    """When the whole module runs, every (operation, richness) case completed (runs last in the file)."""
    selected = {
        item.nodeid
        for item in request.session.items
        if item.nodeid.startswith(request.node.nodeid.split("::")[0] + "::test_operation_through_the_typed_client")
    }
    if len(selected) < 2 * len(OPERATIONS):
        pytest.skip("only part of the module was selected")
    missing = {(op.name, r) for op in OPERATIONS for r in ("minimal", "full")} - RAN - SKIPPED
    assert not missing, f"{len(missing)} cases did not complete: {sorted(missing)[:10]}"
    assert len({name for name, _ in RAN | SKIPPED}) == EXPECTED
    assert not SKIPPED or INSTALLED != GENERATED_FROM  # only an older botocore skips any
