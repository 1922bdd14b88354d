"""Pagination: for every paginator of the model, ``paginate_<op>`` follows the tokens.

Three pages are queued on botocore's ``Stubber`` (tokens t1, t2, then none), each with
the exact parameters the call must carry: the request plus the previous page's token.
Iterating gives every item once, in order, as the item model; ``.pages()`` gives the
typed response pages. Everything (token names, result key, item shape) comes from the IR.
"""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import Stubber
from client_fixtures import (
    Examples,
    load_ir,
    paginate,
    py_name,
    response_class,
    shared_client,
)
from support import SERVICE

from codegen import presence
from codegen.ir import Operation
from cognito_typed import MalformedResponseError, ValidationError, models
from cognito_typed.client import CognitoIdentityProvider

IR = load_ir()
PAGINATED = [op for op in IR.operations if op.paginator is not None]
FULL = Examples(full=True)
MINIMAL = Examples(full=False)
ALWAYS_PRESENT = presence.always_present(IR)  # a listing's result key is one: an empty page is []


def item_shape(op: Operation) -> str:
    assert op.paginator is not None and op.output is not None
    member = next(m for m in IR.shapes[op.output].members if m.wire_name == op.paginator.result_key)
    item = IR.shapes[member.shape].item
    assert item is not None
    return item


def tokens(op: Operation) -> tuple[str, str]:
    assert op.paginator is not None
    (input_token,) = op.paginator.input_token
    (output_token,) = op.paginator.output_token
    return input_token, output_token


def first_request(op: Operation) -> dict[str, Any]:
    """The required members, and the limit when the paginator has one; no token."""
    assert op.paginator is not None
    request = MINIMAL.request(op.name)
    if op.paginator.limit_key:
        request[op.paginator.limit_key] = 2
    request.pop(tokens(op)[0], None)
    return request


def pages_of(op: Operation, items: list[Any], page_tokens: list[str | None]) -> list[dict[str, Any]]:
    """One response per token: the full example response, with its share of ``items`` and that token."""
    assert op.paginator is not None
    _, output_token = tokens(op)
    per_page = len(items) // len(page_tokens)
    pages = []
    for i, token in enumerate(page_tokens):
        page = FULL.response(op.name)
        page[op.paginator.result_key] = items[i * per_page : (i + 1) * per_page]
        page.pop(output_token, None)
        if token is not None:
            page[output_token] = token
        pages.append(page)
    return pages


def queue(stubber: Stubber, op: Operation, request: dict[str, Any], pages: list[dict[str, Any]]) -> None:
    """Queue ``pages``; the n-th call must send ``request`` plus the token of page n-1."""
    input_token, output_token = tokens(op)
    previous: str | None = request.get(input_token)
    for page in pages:
        expected = dict(request)
        if previous is not None:
            expected[input_token] = previous
        stubber.add_response(op.py_name, page, expected_params=expected)
        previous = page.get(output_token)


def test_the_model_has_eleven_paginators_and_the_client_a_method_for_each() -> None:
    generated_from = [op for op in SERVICE.operations if op.paginator is not None]
    assert len(generated_from) == 11
    for op in PAGINATED:  # the installed botocore's (all 11 on the pinned one)
        assert callable(getattr(CognitoIdentityProvider, f"paginate_{op.py_name}"))
    generated = {name for name in dir(CognitoIdentityProvider) if name.startswith("paginate_")}
    assert generated == {f"paginate_{op.py_name}" for op in generated_from}


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_items_are_yielded_once_in_order_typed(op: Operation) -> None:
    item_cls = getattr(models, item_shape(op))
    items = FULL.distinct(item_shape(op), 6)
    assert len({repr(i) for i in items}) == 6  # six different items
    request = first_request(op)
    pages = pages_of(op, items, ["t1", "t2", None])
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        got = list(paginate(CognitoIdentityProvider(raw), op.name, request))
        stubber.assert_no_pending_responses()
    assert all(type(item) is item_cls for item in got)
    assert got == [item_cls.from_wire(item) for item in items]


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_pages_are_the_typed_responses(op: Operation) -> None:
    response_cls = response_class(op.name)
    request = first_request(op)
    pages = pages_of(op, FULL.distinct(item_shape(op), 6), ["t1", "t2", None])
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        got = list(paginate(CognitoIdentityProvider(raw), op.name, request).pages())
        stubber.assert_no_pending_responses()
    assert all(type(page) is response_cls for page in got)
    assert got == [response_cls.from_wire(page) for page in pages]
    output_token = py_name(tokens(op)[1])
    assert [getattr(page, output_token) for page in got][:2] == ["t1", "t2"]


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_same_items_as_botocores_own_paginator(op: Operation) -> None:
    """The typed pagination and botocore's (its paginators-1.json) agree on the same pages."""
    item_cls = getattr(models, item_shape(op))
    request = first_request(op)
    pages = pages_of(op, FULL.distinct(item_shape(op), 6), ["t1", "t2", None])
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        assert op.paginator is not None
        botocore_items = [
            item for page in raw.get_paginator(op.py_name).paginate(**request) for item in page[op.paginator.result_key]
        ]
        queue(stubber, op, request, pages)
        typed_items = list(paginate(CognitoIdentityProvider(raw), op.name, request))
        stubber.assert_no_pending_responses()
    assert typed_items == [item_cls.from_wire(item) for item in botocore_items]


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_a_starting_token_is_sent_on_the_first_call(op: Operation) -> None:
    input_token, _ = tokens(op)
    request = {**first_request(op), input_token: "t0"}
    pages = pages_of(op, FULL.distinct(item_shape(op), 4), ["t1", None])
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)  # first call: t0, second: t1
        got = list(paginate(CognitoIdentityProvider(raw), op.name, request))
        stubber.assert_no_pending_responses()
    assert len(got) == 4


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_a_repeated_token_raises(op: Operation) -> None:
    """A service that hands back a token it already gave would loop for ever: stop with an error."""
    item_cls = getattr(models, item_shape(op))
    items = FULL.distinct(item_shape(op), 4)
    request = first_request(op)
    pages = pages_of(op, items, ["t1", "t1"])
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        got: list[Any] = []
        with pytest.raises(RuntimeError, match=f"{op.name} returned the same pagination token twice"):
            for item in paginate(CognitoIdentityProvider(raw), op.name, request):
                got.append(item)
        stubber.assert_no_pending_responses()
    # The items of both pages were handed out before the repeat was seen; no third call was made.
    assert got == [item_cls.from_wire(item) for item in items]


@pytest.mark.parametrize("op", PAGINATED, ids=lambda op: op.name)
def test_pages_without_items_yield_nothing(op: Operation) -> None:
    assert op.paginator is not None
    request = first_request(op)
    pages = pages_of(op, [], ["t1", None])  # two pages with an empty list of items
    assert op.output is not None
    result = next(m for m in IR.shapes[op.output].members if m.wire_name == op.paginator.result_key)
    if not result.required and (op.output, result.wire_name) not in ALWAYS_PRESENT:
        del pages[0][op.paginator.result_key]  # where the model and AWS allow, a page leaves the key out
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        pager = paginate(CognitoIdentityProvider(raw), op.name, request)
        assert list(pager) == []
        stubber.assert_no_pending_responses()


LISTINGS = [op for op in PAGINATED if op.paginator and (op.output, op.paginator.result_key) in ALWAYS_PRESENT]


@pytest.mark.parametrize("op", LISTINGS, ids=lambda op: op.name)
def test_a_page_without_its_always_present_list_is_malformed(op: Operation) -> None:
    """AWS always returns a listing's list (``[]`` when empty): a page without it is an error naming it."""
    assert op.paginator is not None
    request = first_request(op)
    pages = pages_of(op, FULL.distinct(item_shape(op), 2), [None])
    del pages[0][op.paginator.result_key]
    raw = shared_client()
    with Stubber(raw) as stubber:
        queue(stubber, op, request, pages)
        with pytest.raises(MalformedResponseError) as info:
            list(paginate(CognitoIdentityProvider(raw), op.name, request))
        stubber.assert_no_pending_responses()
    assert info.value.path == op.paginator.result_key


def test_paginate_sends_nothing_until_iterated_and_each_pass_starts_again() -> None:
    raw = shared_client()
    typed = CognitoIdentityProvider(raw)
    op = next(op for op in PAGINATED if op.name == "ListUsers")
    users = FULL.distinct("UserType", 4)
    with Stubber(raw) as stubber:
        pager = typed.paginate_list_users(user_pool_id="us-east-1_Example1", limit=2)
        stubber.assert_no_pending_responses()  # nothing queued and nothing asked for yet
        for _ in range(2):  # the same Pages object can be iterated twice: two full passes
            queue(stubber, op, {"UserPoolId": "us-east-1_Example1", "Limit": 2}, pages_of(op, users, ["t1", None]))
        first, second = list(pager), list(pager)
        stubber.assert_no_pending_responses()
    assert first == second == [models.UserType.from_wire(u) for u in users]


def test_bad_input_is_refused_when_iteration_starts_and_nothing_is_sent() -> None:
    raw = shared_client()
    typed = CognitoIdentityProvider(raw)
    with Stubber(raw) as stubber:
        pager = typed.paginate_list_users(user_pool_id="not a pool id", limit=61)
        with pytest.raises(ValidationError) as info:
            next(iter(pager))
        stubber.assert_no_pending_responses()
    assert {v.path for v in info.value.violations} == {"UserPoolId", "Limit"}
