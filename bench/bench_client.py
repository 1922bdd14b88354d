"""Per-call overhead of the typed client over a raw botocore client, and construction cost.

Both sides run in the same process against the same botocore ``Stubber`` responses, interleaved:

- ``describe_user_pool_client``: typed vs raw (target: typed <= 1.10x raw);
- ``describe_user_pool`` with a fully populated response (every member of ``UserPoolType``
  present at realistic sizes, built from botocore's own model) and every member read on both
  sides (target <= 1.40x);
- ``list_users`` with a page of 60 users (the service's maximum), every member read (<= 1.50x);
- ``create_user_pool_client`` with a rich request: 20 settings, validated before sending (<= 1.20x);
- reading a ``ListUsers`` page of 10 to 10,000 users: the cost per user, against copying and
  reading the same page as plain dicts (target: the same per user, within 25%), beside the same
  with the cyclic collector off and the page read in place (what reading alone costs);
- the check of each call against the installed botocore's model (``_runtime.installed``): the
  same typed calls with and without it, interleaved, and the check alone per call;
- construction of ``CognitoIdentityProvider(boto3.client('cognito-idp'))`` on top of
  ``boto3.client('cognito-idp')``: in a warm process, and as a first client in a fresh one
  (which includes importing the typed client and its models).

The Stubber stands in for the network: botocore still validates and serializes the request
and runs its event hooks, but sends nothing and parses no HTTP body. Its own cost (two
hooks per call, the queue) is paid equally by both sides, and a real call also spends
milliseconds on the network and in parsing that the typed client does not add to: the ratios
here are upper bounds of the overhead a real call sees. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import math
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from _readers import reader
from _timing import fair_env, header, measure, paired_ratio, python_snippet

FAKE_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}
os.environ.update(FAKE_AWS)  # before boto3/botocore look for credentials
os.environ.pop("AWS_PROFILE", None)

import boto3  # noqa: E402
from botocore.awsrequest import AWSResponse  # noqa: E402
from botocore.stub import Stubber  # noqa: E402

from cognito_typed._runtime import fill  # noqa: E402
from cognito_typed.client import CognitoIdentityProvider  # noqa: E402

POOL_ID = "us-east-1_Example1"
CLIENT_ID = "6exampleclientid0123456789"
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)


# --- a fully populated response, from botocore's model ------------------------------------


class Populate:
    """A value for every member of a botocore shape, at a realistic size.

    Strings are ``text`` characters (within the shape's bounds), lists and maps ``items``
    entries; ``sizes`` overrides the count for named list shapes.
    """

    def __init__(self, *, text: int = 24, items: int = 3, sizes: dict[str, int] | None = None) -> None:
        self.text, self.items, self.sizes = text, items, sizes or {}

    def __call__(self, shape: Any, i: int = 0) -> Any:
        kind = shape.type_name
        meta = shape.metadata
        if kind == "structure":
            return {name: self(member, i) for name, member in shape.members.items()}
        if kind == "list":
            n = self._count(shape)
            return [self(shape.member, j) for j in range(n)]
        if kind == "map":
            n = self._count(shape)
            return {self(shape.key, j): self(shape.value, j) for j in range(n)}
        if kind == "string":
            if shape.enum:
                return shape.enum[i % len(shape.enum)]
            size = max(meta.get("min", 1), min(meta.get("max", self.text), self.text))
            stem = f"{shape.name.lower()}-{i}-"
            return (stem * (size // len(stem) + 1))[:size]
        if kind in ("integer", "long"):
            return max(meta.get("min", 0), min(meta.get("max", 10_000), 60 + i))
        if kind == "boolean":
            return i % 2 == 0
        if kind == "timestamp":
            return WHEN
        if kind == "blob":
            return bytes(range(16))
        raise ValueError(f"{shape.name}: no example for {kind}")

    def _count(self, shape: Any) -> int:
        n = self.sizes.get(shape.name, self.items)
        return max(shape.metadata.get("min", 0), min(shape.metadata.get("max", n), n))


def count_leaves(value: Any) -> int:
    if isinstance(value, dict):
        return sum(count_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_leaves(v) for v in value)
    return 1


# --- timing -------------------------------------------------------------------------------


def per_call(
    stubber: Stubber,
    method: str,
    response: dict[str, Any],
    call: Callable[[], Any],
    batch: int,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Seconds per call over one batch; the batch's responses are queued before the clock starts."""
    for _ in range(batch):
        stubber.add_response(method, response)
    gc.collect()
    started = clock()
    for _ in range(batch):
        call()
    elapsed = clock() - started
    stubber.assert_no_pending_responses()
    return elapsed / batch


def compare(
    title: str,
    method: str,
    response: dict[str, Any],
    raw_call: Callable[[], Any],
    typed_call: Callable[[], Any],
    stubber: Stubber,
    *,
    rounds: int,
    batch: int,
    target: float,
) -> float:
    for _ in range(3):  # warm-up: caches in botocore, the typed models' first use
        per_call(stubber, method, response, raw_call, 20)
        per_call(stubber, method, response, typed_call, 20)
    raw: list[float] = []
    typed: list[float] = []
    for r in range(rounds):  # interleaved, alternating which side goes first
        pair = [(raw, raw_call), (typed, typed_call)]
        for out, call in pair if r % 2 == 0 else reversed(pair):
            out.append(per_call(stubber, method, response, call, batch))
    raw_us, typed_us = statistics.median(raw) * 1e6, statistics.median(typed) * 1e6
    ratio, q1, q3 = paired_ratio(typed, raw)
    verdict = "within" if ratio <= target else "OVER"
    print(f"{title}")
    print(f"  raw botocore   median {raw_us:9.1f} us/call   (min {min(raw) * 1e6:.1f})")
    print(f"  typed client   median {typed_us:9.1f} us/call   (min {min(typed) * 1e6:.1f})")
    print(f"  typed - raw    {typed_us - raw_us:9.1f} us/call;  ratio of the medians {typed_us / raw_us:.3f}")
    print(
        f"  ratio typed/raw = {ratio:.3f} (per round; quartiles {q1:.3f}..{q3:.3f})"
        f"   ({verdict} the target of <= {target:.2f}x)"
    )
    print(f"  ({rounds} rounds x {batch} calls per side)\n")
    return ratio


class _Body:
    """The raw body of a canned HTTP response (what urllib3 would hand botocore)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def stream(self, **_: Any) -> Any:
        yield self.data


def http_level(
    raw: Any,
    typed: CognitoIdentityProvider,
    cases: list[tuple[str, dict[str, Any], Any, Any]],
    *,
    rounds: int,
    batch: int,
) -> None:
    """The same comparison one level lower: a ``before-send`` hook answers with the JSON body,
    so botocore also signs the request and parses the response, as on a real call (minus the socket)."""
    body: dict[str, bytes] = {}

    def answer(request: Any, **_: Any) -> AWSResponse:
        target = request.headers["X-Amz-Target"].decode().split(".")[-1]
        return AWSResponse(request.url, 200, {"x-amzn-requestid": "req-1"}, _Body(body[target]))

    def default(value: Any) -> Any:
        return value.timestamp() if isinstance(value, datetime) else value.decode()

    print("same comparison with an HTTP-level stub (botocore signs, and parses the JSON body)")
    raw.meta.events.register_first("before-send.cognito-idp", answer)
    try:
        for operation, response, raw_call, typed_call in cases:
            body[operation] = json.dumps(response, default=default).encode()
            for _ in range(20):
                raw_call(), typed_call()
            raw_t: list[float] = []
            typed_t: list[float] = []
            for r in range(rounds):
                pair = [(raw_t, raw_call), (typed_t, typed_call)]
                for out, call in pair if r % 2 == 0 else reversed(pair):
                    gc.collect()
                    started = time.perf_counter()
                    for _ in range(batch):
                        call()
                    out.append((time.perf_counter() - started) / batch)
            a, b = statistics.median(raw_t) * 1e6, statistics.median(typed_t) * 1e6
            print(
                f"  {operation:<26} raw {a:8.1f} us   typed {b:8.1f} us   typed - raw {b - a:6.1f} us"
                f"   ratio {b / a:.3f}"
            )
    finally:
        raw.meta.events.unregister("before-send.cognito-idp", answer)
    print()


def typed_layer_only(typed: CognitoIdentityProvider, response: dict[str, Any], n: int) -> float:
    """Seconds per request of the typed layer's own work: build, validate, to_wire, from_wire."""
    from cognito_typed.models import DescribeUserPoolRequest, DescribeUserPoolResponse

    samples = []
    for _ in range(7):
        started = time.perf_counter()
        for _ in range(n):
            request = DescribeUserPoolRequest(user_pool_id=POOL_ID)
            request.validate()
            request.to_wire()
            DescribeUserPoolResponse.from_wire(response)
        samples.append((time.perf_counter() - started) / n)
    return statistics.median(samples)


def construction(rounds: int) -> None:
    # warm process: the loaders' caches are filled by the first client
    boto3.client("cognito-idp")
    plain: list[float] = []
    wrapped: list[float] = []
    for r in range(rounds):
        for label in ("plain", "wrapped") if r % 2 == 0 else ("wrapped", "plain"):
            gc.collect()  # no collection of the previous client's garbage inside the timed part
            gc.disable()
            started = time.perf_counter()
            if label == "plain":
                boto3.client("cognito-idp")
                plain.append(time.perf_counter() - started)
            else:
                CognitoIdentityProvider(boto3.client("cognito-idp"))
                wrapped.append(time.perf_counter() - started)
            gc.enable()
    raw = boto3.client("cognito-idp")
    n = 100_000
    started = time.perf_counter()
    for _ in range(n):
        CognitoIdentityProvider(raw)
    wrap_only = (time.perf_counter() - started) / n
    p, w = statistics.median(plain), statistics.median(wrapped)
    print("client construction, warm process (loaders' caches filled)")
    print(f"  boto3.client('cognito-idp')                          median {p * 1e3:8.2f} ms")
    print(f"  CognitoIdentityProvider(boto3.client('cognito-idp')) median {w * 1e3:8.2f} ms   ratio {w / p:.3f}")
    print(f"  CognitoIdentityProvider(existing client) alone       {wrap_only * 1e6:8.2f} us")
    print(f"  ({rounds} of each, interleaved, gc paused while timed; the wrapper alone over {n} constructions)\n")


def first_client_in_fresh_process(repeat: int) -> None:
    timed = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    commands = {
        "boto3.client": python_snippet("import boto3; " + timed.format("boto3.client('cognito-idp')")),
        "typed(boto3.client)": python_snippet(
            "import boto3; "
            + timed.format(
                "from cognito_typed import CognitoIdentityProvider; "
                "CognitoIdentityProvider(boto3.client('cognito-idp'))"
            )
        ),
    }
    results = measure(commands, repeat=repeat, env=fair_env(**FAKE_AWS), reported=True)
    plain, typed = results["boto3.client"], results["typed(boto3.client)"]
    print("first client in a fresh process (boto3 already imported; the typed side also imports the client")
    print("and its models on first use)")
    print(f"  {plain.row(24)}")
    print(f"  {typed.row(24)}")
    print(f"  ratio {typed.ratio(plain):.3f}, typed - plain = {(typed.median - plain.median) * 1e3:.1f} ms\n")


def users_page(n: int) -> dict[str, Any]:
    """A ListUsers page as botocore returns it: ``n`` users with five attributes each."""
    names = ("sub", "email", "email_verified", "name", "phone_number")
    return {
        "Users": [
            {
                "Username": f"user-{i:05d}",
                "Attributes": [{"Name": name, "Value": f"{name}-{i}"} for name in names],
                "UserCreateDate": WHEN,
                "UserLastModifiedDate": WHEN,
                "Enabled": True,
                "UserStatus": "CONFIRMED",
            }
            for i in range(n)
        ],
        "PaginationToken": "next-page-token",
    }


RICH_CLIENT = {
    "user_pool_id": POOL_ID,
    "client_name": "web-client",
    "generate_secret": False,
    "refresh_token_validity": 30,
    "access_token_validity": 60,
    "id_token_validity": 60,
    "token_validity_units": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
    "read_attributes": ["email", "email_verified", "name", "phone_number"],
    "write_attributes": ["email", "name", "phone_number"],
    "explicit_auth_flows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"],
    "supported_identity_providers": ["COGNITO", "Google"],
    "callback_urls": ["https://app.example.com/callback", "https://app.example.com/alt", "http://localhost:3000/cb"],
    "logout_urls": ["https://app.example.com/logout"],
    "default_redirect_uri": "https://app.example.com/callback",
    "allowed_oauth_flows": ["code"],
    "allowed_oauth_scopes": ["openid", "email", "profile"],
    "allowed_oauth_flows_user_pool_client": True,
    "prevent_user_existence_errors": "ENABLED",
    "enable_token_revocation": True,
    "auth_session_validity": 15,
}


def rich_client_args() -> tuple[dict[str, Any], Callable[[], Any]]:
    """RICH_CLIENT as typed arguments: the plain ones, and a maker of its TokenValidityUnitsType."""
    from cognito_typed.models import TokenValidityUnitsType

    kwargs = dict(RICH_CLIENT)
    units = kwargs.pop("token_validity_units")
    return kwargs, lambda: TokenValidityUnitsType(
        access_token=units["AccessToken"], id_token=units["IdToken"], refresh_token=units["RefreshToken"]
    )


def rich_client_call(typed: CognitoIdentityProvider) -> Callable[[], Any]:
    kwargs, units = rich_client_args()
    return lambda: typed.create_user_pool_client(**kwargs, token_validity_units=units())


def installed_check(raw: Any, client_response: dict[str, Any], rounds: int, batch: int) -> None:
    """The cost of checking each call against the installed botocore's model: the typed client as it
    is, against the same class with the check a no-op, interleaved through the same Stubber; then the
    check alone. (Reading a method costs nothing more: over a botocore whose model has every
    operation, the methods are the class's plain functions.)"""

    class Unchecked(CognitoIdentityProvider):
        __slots__ = ()

        def _check_installed(self, operation: str, params: Any, *, enums: bool, digest: str | None = None) -> None:
            pass

    checked, unchecked = CognitoIdentityProvider(raw), Unchecked(raw)
    rich_checked, rich_unchecked = rich_client_call(checked), rich_client_call(unchecked)
    calls = [
        (
            "describe_user_pool_client (2 parameters)",
            "describe_user_pool_client",
            lambda: checked.describe_user_pool_client(user_pool_id=POOL_ID, client_id=CLIENT_ID),
            lambda: unchecked.describe_user_pool_client(user_pool_id=POOL_ID, client_id=CLIENT_ID),
            {"UserPoolId": POOL_ID, "ClientId": CLIENT_ID},
            "DescribeUserPoolClient",
        ),
        (
            "create_user_pool_client (20 settings, 4 enum lists, 1 structure)",
            "create_user_pool_client",
            rich_checked,
            rich_unchecked,
            None,
            "CreateUserPoolClient",
        ),
    ]
    print("the check against the installed botocore's model, per call (typed client with it vs without it)")
    print("  (CPU time of this process: on a shared machine, wall time mostly measures the other processes)")
    record = checked._installed  # pyright: ignore[reportPrivateUsage]
    with Stubber(raw) as stubber:
        for title, method, with_check, without, params, operation in calls:
            for _ in range(3):
                per_call(stubber, method, client_response, with_check, 20)
                per_call(stubber, method, client_response, without, 20)
            on: list[float] = []
            off: list[float] = []
            for r in range(rounds):
                pair = [(on, with_check), (off, without)]
                for out, call in pair if r % 2 == 0 else reversed(pair):
                    out.append(per_call(stubber, method, client_response, call, batch, time.process_time))
            on_us, off_us = statistics.median(on) * 1e6, statistics.median(off) * 1e6
            if params is None:  # the rich request's wire dict, as the client sends it
                from cognito_typed.models import CreateUserPoolClientRequest, TokenValidityUnitsType

                kwargs = dict(RICH_CLIENT)
                units = kwargs.pop("token_validity_units")
                params = CreateUserPoolClientRequest(
                    **kwargs,
                    token_validity_units=TokenValidityUnitsType(
                        access_token=units["AccessToken"],
                        id_token=units["IdToken"],
                        refresh_token=units["RefreshToken"],
                    ),
                ).to_wire()
            n, repeats = 5_000, []
            for _ in range(9):  # the fastest of 9 runs: the least disturbed by other processes
                started = time.process_time()
                for _ in range(n):
                    record.lacks(operation, params, enums=True)
                repeats.append((time.process_time() - started) / n * 1e6)
            alone = min(repeats)
            print(f"  {title}")
            on_min, off_min = min(on) * 1e6, min(off) * 1e6
            print(f"    with the check {on_us:8.1f} us/call   without {off_us:8.1f} us/call   (medians)")
            print(f"    with the check {on_min:8.1f} us/call   without {off_min:8.1f} us/call   (fastest batches)")
            print(f"    difference of the medians {on_us - off_us:+6.2f} us/call ({(on_us - off_us) / off_us:+.1%})")
            print(f"    the check alone {alone:.2f} us/call, {alone / off_min:.2%} of the fastest call without it")
    print(f"  ({rounds} rounds x {batch} calls per side, interleaved)\n")


def rich_client_raw(raw: Any) -> Callable[[], Any]:
    wire = {"".join(p.capitalize() for p in k.split("_")): v for k, v in RICH_CLIENT.items()}
    renames = {"CallbackUrls": "CallbackURLs", "LogoutUrls": "LogoutURLs", "DefaultRedirectUri": "DefaultRedirectURI"}
    renames |= {"AllowedOauthFlows": "AllowedOAuthFlows", "AllowedOauthScopes": "AllowedOAuthScopes"}
    renames |= {"AllowedOauthFlowsUserPoolClient": "AllowedOAuthFlowsUserPoolClient"}
    wire = {renames.get(k, k): v for k, v in wire.items()}
    return lambda: raw.create_user_pool_client(**wire)


BUILDER = "the C builder (cognito_typed._runtime.fill)" if fill.AVAILABLE else "pure Python (no C builder)"


def per_user(rounds: int) -> None:
    """The typed layer's cost of reading a ListUsers page, per user, from 10 to 10,000 users, against
    the same page copied and read as plain dicts (what any snapshot of the page costs).

    Two references, interleaved in the same rounds, say where a growth with the size comes from:
    the typed side with the cyclic collector off (the issue's named cause of the growth was the
    collector's passes over the many small objects), and the page's members read in place, with no
    copy and no model. Nothing is allocated there, so its growth is what merely reading a page that
    large costs on this machine (a page of 10,000 users is about 17 MB of dicts, far past its 1 MiB
    of L2 per core): a floor under any snapshot's cost, which a snapshot adds its own memory traffic
    to (writing the new objects, reading them, freeing them). The instruction counts per user
    (``bench/instructions.py``) are free of the memory hierarchy.
    """
    from cognito_typed._runtime.base import build
    from cognito_typed.models import ListUsersResponse

    shape = boto3.client("cognito-idp", region_name="us-east-1").meta.service_model.shape_for("ListUsersResponse")
    read_typed, read_raw = reader(shape, typed=True), reader(shape, typed=False)

    def typed(page: dict[str, Any]) -> None:
        read_typed(build(ListUsersResponse, page))

    def typed_collector_off(page: dict[str, Any]) -> None:
        read_typed(build(ListUsersResponse, page))

    def plain(page: dict[str, Any]) -> None:
        read_raw(copy.deepcopy(page))

    def in_place(page: dict[str, Any]) -> None:
        read_raw(page)

    print("reading a ListUsers page, per user (boto3 imported, one client made: a realistic heap)")
    print("  typed:     ListUsersResponse built from the page as the client builds it, every member read")
    print("  typed, gc off: the same with the cyclic collector off while it runs")
    print("  dicts:     the page deep-copied (a snapshot as plain dicts), every member read")
    print("  in place:  the page's members read where they are (no copy, no model): reading alone")
    sizes = (10, 100, 1000, 10_000)
    cases = {"typed": typed, "typed, gc off": typed_collector_off, "dicts": plain, "in place": in_place}
    results: dict[str, dict[int, float]] = {label: {} for label in cases}
    for n in sizes:
        page = users_page(n)
        repeat = max(5, 20_000 // n)
        samples: dict[str, list[float]] = {label: [] for label in cases}
        order = list(cases.items())
        for r in range(rounds):
            for label, run in order if r % 2 == 0 else order[::-1]:
                gc.collect()  # each batch starts from a collected heap: no case pays for another's garbage
                collector_off = run is typed_collector_off and gc.isenabled()
                if collector_off:
                    gc.disable()
                started = time.perf_counter()
                for _ in range(repeat):
                    run(page)
                samples[label].append((time.perf_counter() - started) / repeat / n)
                if collector_off:
                    gc.enable()
        for label in results:
            results[label][n] = statistics.median(samples[label])
    for label, by_size in results.items():
        cells = "   ".join(f"{n:>6}: {us * 1e6:5.2f} us" for n, us in by_size.items())
        growth = by_size[sizes[-1]] / by_size[sizes[0]]
        print(f"  {label:<14} {cells}   10,000 vs 10: {growth:.2f}x")
    typed_by_size = results["typed"]
    growth = typed_by_size[sizes[-1]] / typed_by_size[sizes[0]]
    verdict = "within" if growth <= 1.25 else "OVER"
    print(f"  typed per user, 10,000 users vs 10: {growth:.2f}x   ({verdict} the target of <= 1.25x)")
    low, high = min(typed_by_size.values()), max(typed_by_size.values())
    middle = (low + high) / 2
    print(
        f"  typed per user, every size against the middle of the range: within +/-{(high - middle) / middle:.0%}"
        f" (largest / smallest {high / low:.2f}x)"
    )
    floor = results["in place"][sizes[-1]] / results["in place"][sizes[0]]
    off = results["typed, gc off"][sizes[-1]]
    print(
        f"  reading the page alone grows {floor:.2f}x from 10 to 10,000 users; at 10,000 the collector's share"
        f" of the typed figure is {(typed_by_size[sizes[-1]] - off) / typed_by_size[sizes[-1]]:+.0%}"
    )
    print("  (instruction counts per user, free of the memory hierarchy: python bench/instructions.py)")
    per_user_same_memory(rounds, sizes)


def per_user_same_memory(rounds: int, sizes: tuple[int, ...]) -> None:
    """The per-user read with the memory each batch touches held equal: 20,000 users per batch at
    every size, as 2,000 distinct pages of 10 users ... one page of 10,000. In :func:`per_user` a page
    of 10 users is read from the first level of cache and one of 10,000 from memory; here every size
    reads as much, so what still grows with the page's size is what the page's size itself costs.
    The typed phases (build, reading the model, freeing it) are timed one by one, per page. Beside
    them, the cheapest snapshot plain dicts allow (a comprehension copying the page's users and
    attributes, with the collector paused as the typed build pauses it), read and freed, and the
    page read in place."""
    from cognito_typed._runtime.base import build
    from cognito_typed.models import ListUsersResponse

    total, clock = 20_000, time.perf_counter
    shape = boto3.client("cognito-idp", region_name="us-east-1").meta.service_model.shape_for("ListUsersResponse")
    read_typed, read_raw = reader(shape, typed=True), reader(shape, typed=False)

    def typed(pages: list[dict[str, Any]]) -> tuple[float, ...]:
        built = read = freed = 0.0
        for page in pages:
            t0 = clock()
            model = build(ListUsersResponse, page)
            t1 = clock()
            read_typed(model)
            t2 = clock()
            del model
            t3 = clock()
            built, read, freed = built + t1 - t0, read + t2 - t1, freed + t3 - t2
        return built, read, freed, built + read + freed

    def snapshot(page: dict[str, Any]) -> dict[str, Any]:
        gc.disable()
        try:
            users = [{**u, "Attributes": [dict(a) for a in u["Attributes"]]} for u in page["Users"]]
        finally:
            gc.enable()
        return {"Users": users, "PaginationToken": page["PaginationToken"]}

    def dicts(pages: list[dict[str, Any]]) -> tuple[float, ...]:
        started = clock()
        for page in pages:
            read_raw(snapshot(page))
        return (clock() - started,)

    def in_place(pages: list[dict[str, Any]]) -> tuple[float, ...]:
        started = clock()
        for page in pages:
            read_raw(page)
        return (clock() - started,)

    labels = ("build", "read the model", "free it", "typed, all three", "dicts, copied", "in place")
    print(f"  the same memory touched at every size ({total:,} users per batch, as distinct pages of n users):")
    rows: dict[int, tuple[float, ...]] = {}
    for n in sizes:
        pages = [users_page(n) for _ in range(total // n)]
        cases = [typed, dicts, in_place]
        samples: list[tuple[float, ...]] = []
        for r in range(rounds):
            figures: dict[Any, tuple[float, ...]] = {}
            for case in cases if r % 2 == 0 else cases[::-1]:
                gc.collect()
                figures[case] = case(pages)
            samples.append(figures[typed] + figures[dicts] + figures[in_place])
        rows[n] = tuple(statistics.median(s[i] for s in samples) / total for i in range(len(labels)))
        del pages
    for i, label in enumerate(labels):
        cells = "   ".join(f"{n:>6}: {rows[n][i] * 1e6:5.2f} us" for n in sizes)
        values = [rows[n][i] for n in sizes]
        print(f"    {label:<17} {cells}   largest / smallest {max(values) / min(values):.2f}x")
    print("  (the typed phases include a perf_counter pair per phase and page: at 10 users about 5 ns a user)\n")


def validate_alone(n: int) -> None:
    """``validate()`` of the rich create_user_pool_client request alone: with the C builder's quick yes,
    and judged by the Python checks alone (``fill.CHECKED[cls] = None``, as for a class without a table)."""
    from cognito_typed.models import CreateUserPoolClientRequest

    kwargs, units = rich_client_args()
    request = CreateUserPoolClientRequest(**kwargs, token_validity_units=units())
    request.validate()  # (its checks made; the values its patterns match remembered)
    cls = CreateUserPoolClientRequest
    made = fill.CHECKED.get(cls)
    best: dict[str, float] = {}
    sides = [("with the quick yes", made), ("Python checks alone", None)] if made else [("Python checks", None)]
    for _ in range(7):
        for label, judged in sides:
            if made is not None:
                fill.CHECKED[cls] = judged
            started = time.perf_counter()
            for _ in range(n):
                request.validate()
            best[label] = min(best.get(label, math.inf), (time.perf_counter() - started) / n)
    if made is not None:
        fill.CHECKED[cls] = made
    print(f"validate() of the rich create_user_pool_client request alone (best of 7 x {n})")
    if made is None:
        print("  (no C builder: the Python checks only)")
    for label, seconds in best.items():
        print(f"  {label:<22} {seconds * 1e6:6.2f} us")
    print()


def msgspec_comparison(n: int) -> None:
    """What msgspec's C ``convert`` would cost for the same dict -> dataclass work (a reference only)."""
    try:
        import msgspec
    except ImportError:
        print("msgspec not installed: its comparison is skipped\n")
        return
    from cognito_typed.models import AttributeType

    wire = [{"Name": f"n{i}", "Value": f"v{i}"} for i in range(n)]
    by_field = [{"name": f"n{i}", "value": f"v{i}"} for i in range(n)]  # msgspec cannot map wire names
    runs = {
        "cognito_typed from_wire (Python)": lambda: [AttributeType.from_wire(a) for a in wire],
        "msgspec.convert (field names)": lambda: msgspec.convert(by_field, list[AttributeType]),
    }
    if (plan := fill.plan(AttributeType)) is not None:
        runs["cognito_typed C builder's plan"] = lambda: [plan(a) for a in wire]
    best: dict[str, float] = {}
    for label, run in runs.items():
        run()
        samples = []
        for _ in range(9):
            started = time.perf_counter()
            for _ in range(200):
                run()
            samples.append((time.perf_counter() - started) / 200 / n)
        best[label] = statistics.median(samples)
    print(f"dict -> dataclass, {n} AttributeType items (msgspec {msgspec.__version__}):")
    for label, seconds in best.items():
        print(f"  {label:<32} {seconds * 1e9:6.0f} ns per item")
    print("  (msgspec reads dataclass fields by their Python names: it cannot take the wire names)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40, help="interleaved batches per side (default 40)")
    parser.add_argument("--batch", type=int, default=250, help="calls per batch (default 250)")
    parser.add_argument("--fresh", type=int, default=15, help="fresh-process runs per side (default 15)")
    parser.add_argument(
        "--installed-only", action="store_true", help="only the check against the installed botocore's model"
    )
    args = parser.parse_args()

    raw = boto3.client("cognito-idp", region_name="us-east-1")
    typed = CognitoIdentityProvider(raw)
    model = raw.meta.service_model
    client_response = {
        "UserPoolClient": Populate(text=24, items=3)(model.shape_for("UserPoolClientType")),
    }
    pool = Populate(text=24, items=3, sizes={"SchemaAttributesListType": 20})(model.shape_for("UserPoolType"))
    pool_response = {"UserPool": pool}
    pool_shape = model.shape_for("UserPoolType")
    assert set(pool) == set(pool_shape.members)  # every member of UserPoolType is present
    if args.installed_only:
        installed_check(raw, client_response, rounds=args.rounds, batch=args.batch)
        return
    users = users_page(60)
    read_pool = (reader(model.shape_for("DescribeUserPoolResponse"), typed=False),)
    read_pool_typed = reader(model.shape_for("DescribeUserPoolResponse"), typed=True)
    read_users, read_users_typed = (
        reader(model.shape_for("ListUsersResponse"), typed=False),
        reader(model.shape_for("ListUsersResponse"), typed=True),
    )

    header(
        "typed client vs raw botocore client, same process, same Stubber responses",
        "The Stubber replaces the network (botocore still validates and serializes the request);",
        "its cost is the same on both sides, and real calls add network time and response parsing",
        "on both sides, so these ratios are upper bounds. Per-call figures are medians of batches.",
        f"Models built by {BUILDER} (COGNITO_TYPED_PURE_PYTHON=1 turns the C builder off).",
        f"describe_user_pool response: {len(pool)} members of UserPoolType, "
        f"{len(pool['SchemaAttributes'])} schema attributes, {count_leaves(pool_response)} leaf values.",
        "'every member read': both sides run a reader generated from the botocore shape that reads",
        "every member (dict keys on the raw side, attributes on the typed side).",
    )
    figures: dict[str, tuple[float, float]] = {}
    with Stubber(raw) as stubber:
        figures["describe_user_pool_client"] = (
            compare(
                "describe_user_pool_client",
                "describe_user_pool_client",
                client_response,
                lambda: raw.describe_user_pool_client(UserPoolId=POOL_ID, ClientId=CLIENT_ID),
                lambda: typed.describe_user_pool_client(user_pool_id=POOL_ID, client_id=CLIENT_ID),
                stubber,
                rounds=args.rounds,
                batch=args.batch,
                target=1.10,
            ),
            1.10,
        )
        figures["describe_user_pool, every member read"] = (
            compare(
                "describe_user_pool (fully populated UserPoolType), every member read on both sides",
                "describe_user_pool",
                pool_response,
                lambda: read_pool[0](raw.describe_user_pool(UserPoolId=POOL_ID)),
                lambda: read_pool_typed(typed.describe_user_pool(user_pool_id=POOL_ID)),
                stubber,
                rounds=args.rounds,
                batch=args.batch,
                target=1.40,
            ),
            1.40,
        )
        figures["list_users (60 users), every member read"] = (
            compare(
                "list_users, a page of 60 users, every member read on both sides",
                "list_users",
                users,
                lambda: read_users(raw.list_users(UserPoolId=POOL_ID)),
                lambda: read_users_typed(typed.list_users(user_pool_id=POOL_ID)),
                stubber,
                rounds=args.rounds,
                batch=max(20, args.batch // 5),
                target=1.50,
            ),
            1.50,
        )
        figures["create_user_pool_client, rich request"] = (
            compare(
                "create_user_pool_client with a rich request (20 settings, validated before sending)",
                "create_user_pool_client",
                client_response,
                rich_client_raw(raw),
                rich_client_call(typed),
                stubber,
                rounds=args.rounds,
                batch=args.batch,
                target=1.20,
            ),
            1.20,
        )
    print("summary (typed / raw, medians, interleaved in this run):")
    for name, (ratio, target) in figures.items():
        print(f"  {name:<45} {ratio:.3f}x   target <= {target:.2f}x   {'met' if ratio <= target else 'NOT met'}")
    print()
    per_user(rounds=max(7, args.rounds // 2))
    msgspec_comparison(300)
    http_level(
        raw,
        typed,
        [
            (
                "DescribeUserPoolClient",
                client_response,
                lambda: raw.describe_user_pool_client(UserPoolId=POOL_ID, ClientId=CLIENT_ID),
                lambda: typed.describe_user_pool_client(user_pool_id=POOL_ID, client_id=CLIENT_ID),
            ),
            (
                "DescribeUserPool",
                pool_response,
                lambda: raw.describe_user_pool(UserPoolId=POOL_ID),
                lambda: typed.describe_user_pool(user_pool_id=POOL_ID),
            ),
        ],
        rounds=max(4, args.rounds // 2),
        batch=args.batch,
    )
    layer = typed_layer_only(typed, pool_response, 2000)
    print(
        f"typed layer alone for describe_user_pool (request build+validate+to_wire, response from_wire):"
        f" {layer * 1e6:.1f} us\n"
    )

    validate_alone(20_000)
    installed_check(raw, client_response, rounds=args.rounds, batch=args.batch)
    construction(rounds=max(20, 2 * args.rounds))
    first_client_in_fresh_process(args.fresh)


if __name__ == "__main__":
    main()
