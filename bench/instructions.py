"""The typed-vs-raw ratios of bench_client.py and bench_merge.py as instruction counts: noise-free.

On a shared machine the wall-clock ratios move by 20% from run to run (other processes, caches).
This runs the same cases once under valgrind's callgrind, which counts the instructions each
phase executes: the count does not depend on the machine's load, so two versions of the code can
be compared exactly (``PYTHONHASHSEED=0`` fixes the one other source of variation). A count is
not a time (a cache miss costs more than an addition), so the timed benchmarks stay the
reference; this says which way a change goes, and by how much, when they cannot.

Each phase (``n`` calls of one side of one case, their Stubber responses queued beforehand) starts
after a ``gc.collect()`` (so that where the collector's passes fall does not depend on the phases
before: a full collection landing in one phase adds about 90k instructions per call to it) and ends
with an ``os.getppid()`` call, on which callgrind dumps its counters (``--dump-before``).

It also counts the instructions per user of reading ListUsers pages of 10 to 10,000 users (the
per-user figure of bench_client.py, whose time grows at 10,000 users with the memory hierarchy even
where nothing is built): the count says whether the typed layer's own work per user stays the same.

With the C builder of the models there (``cognito_typed._runtime.fill``), the cases run twice: with
it, and with it turned off (``COGNITO_TYPED_PURE_PYTHON=1``), the package as installed without a
C compiler.

    python bench/instructions.py [--calls 20]      (needs valgrind; takes a few minutes)
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGETS = {
    "describe_user_pool_client": 1.10,
    "describe_user_pool, every member read": 1.40,
    "list_users (60 users), every member read": 1.50,
    "create_user_pool_client, rich request": 1.20,
    "merge: app client rename": 1.30,
    "merge: pool MFA change": 1.30,
}


def cases() -> dict[str, tuple[Callable[[], None], Callable[[], Any], Callable[[], Any]]]:
    """name -> (queue one call's responses, raw side, typed side): the cases of bench_client/bench_merge."""
    sys.path.insert(0, str(HERE))
    import bench_client as bc
    import bench_merge as bm
    from _readers import reader
    from botocore.stub import Stubber

    from cognito_typed.client import CognitoIdentityProvider

    raw = bm.raw_client()
    typed = CognitoIdentityProvider(raw)
    model = raw.meta.service_model
    client = {"UserPoolClient": bc.Populate(text=24, items=3)(model.shape_for("UserPoolClientType"))}
    pool_shape = model.shape_for("UserPoolType")
    pool = {"UserPool": bc.Populate(text=24, items=3, sizes={"SchemaAttributesListType": 20})(pool_shape)}
    users = bc.users_page(60)
    read_pool = reader(model.shape_for("DescribeUserPoolResponse"), typed=False)
    read_pool_typed = reader(model.shape_for("DescribeUserPoolResponse"), typed=True)
    read_users = reader(model.shape_for("ListUsersResponse"), typed=False)
    read_users_typed = reader(model.shape_for("ListUsersResponse"), typed=True)
    stub = Stubber(raw)
    stub.activate()
    pool_id, client_id = bc.POOL_ID, bc.CLIENT_ID

    def queue(method: str, response: dict[str, Any]) -> Callable[[], None]:
        return lambda: stub.add_response(method, response)

    return {
        "describe_user_pool_client": (
            queue("describe_user_pool_client", client),
            lambda: raw.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id),
            lambda: typed.describe_user_pool_client(user_pool_id=pool_id, client_id=client_id),
        ),
        "describe_user_pool, every member read": (
            queue("describe_user_pool", pool),
            lambda: read_pool(raw.describe_user_pool(UserPoolId=pool_id)),
            lambda: read_pool_typed(typed.describe_user_pool(user_pool_id=pool_id)),
        ),
        "list_users (60 users), every member read": (
            queue("list_users", users),
            lambda: read_users(raw.list_users(UserPoolId=pool_id)),
            lambda: read_users_typed(typed.list_users(user_pool_id=pool_id)),
        ),
        "create_user_pool_client, rich request": (
            queue("create_user_pool_client", client),
            bc.rich_client_raw(raw),
            bc.rich_client_call(typed),
        ),
        "merge: app client rename": (
            lambda: bm.queue_client(stub),
            lambda: bm.hand_client_rename(raw),
            lambda: typed.merge_update_user_pool_client(user_pool_id=bm.POOL, client_id=bm.CLIENT, client_name="web-2"),
        ),
        "merge: pool MFA change": (
            lambda: bm.queue_pool(stub),
            lambda: bm.hand_pool_change(raw),
            lambda: typed.merge_update_user_pool(user_pool_id=bm.POOL, mfa_configuration="ON"),
        ),
    }


def inner(calls: int) -> None:
    """Under callgrind: every phase ends with a dump; the phases' names go to stdout, in order."""
    mark = os.getppid  # the dump trigger
    phases: list[str] = []
    all_cases = cases()
    for queue, raw_side, typed_side in all_cases.values():  # warm-up: caches, first use of the models
        for _ in range(5):
            queue()
            raw_side()
            queue()
            typed_side()
    mark()
    for name, (queue, raw_side, typed_side) in all_cases.items():
        for side, call in (("raw", raw_side), ("typed", typed_side)):
            for _ in range(calls):
                queue()
            gc.collect()  # every phase starts from the same collector state: none pays for an earlier one's garbage
            mark()
            phases.append("")  # the queueing, not counted
            for _ in range(calls):
                call()
            mark()
            phases.append(f"{name}\t{side}")
    phases += per_user_phases(mark)
    print("\n".join(phases))


SIZES = (10, 100, 1000, 10_000)


def per_user_phases(mark: Callable[[], Any]) -> list[str]:
    """Reading ListUsers pages of 10 to 10,000 users, typed (built as the client builds it, every member
    read) and in place (the raw page's members read, nothing built): phases ``per user <n>`` whose
    count is per page (:func:`measure` makes it per user). As a count it is free of the memory
    hierarchy that makes the timed figure of bench_client.py grow at 10,000 users; the cyclic
    collector's passes are counted (they are instructions), the cache misses they cause are not."""
    sys.path.insert(0, str(HERE))
    import bench_client as bc
    import boto3
    from _readers import reader

    from cognito_typed._runtime.base import build
    from cognito_typed.models import ListUsersResponse

    shape = boto3.client("cognito-idp", region_name="us-east-1").meta.service_model.shape_for("ListUsersResponse")
    read_typed, read_raw = reader(shape, typed=True), reader(shape, typed=False)
    sides: dict[str, Callable[[dict[str, Any]], None]] = {
        "typed": lambda page: read_typed(build(ListUsersResponse, page)),
        "raw": read_raw,  # the page read in place: the floor any reading of it pays
    }
    phases: list[str] = []
    for n in SIZES:
        page, pages = bc.users_page(n), max(1, 10_000 // n)
        for side, run in sides.items():
            run(page)  # warm-up: the heap grown to this size once
            gc.collect()
            mark()
            phases.append("")
            for _ in range(pages):
                run(page)
            mark()
            phases.append(f"per user {n}\t{side}\t{pages * n}")
    return phases


def measure(calls: int, pure: bool) -> dict[str, dict[str, float]] | None:
    """Instructions per call, case -> side -> count; ``pure``: with the C builder turned off."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = dict(os.environ, PYTHONHASHSEED="0", AWS_DEFAULT_REGION=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
        env.pop("COGNITO_TYPED_PURE_PYTHON", None)
        if pure:
            env["COGNITO_TYPED_PURE_PYTHON"] = "1"
        argv = ["valgrind", "--tool=callgrind", "--dump-before=os_getppid*", f"--callgrind-out-file={out}"]
        argv += [sys.executable, __file__, "--inner", "--calls", str(calls)]
        try:
            proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            return None
        if proc.returncode != 0:
            raise SystemExit(f"callgrind run failed:\n{proc.stderr[-2000:]}")
        # dump 1 is everything before the first mark; dump k + 1 is the phase that ended at mark k + 1
        dumps = sorted(Path(tmp).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        totals = [_total(p) for p in dumps]
        phases = proc.stdout.splitlines()
    counts: dict[str, dict[str, float]] = {}
    for i, phase in enumerate(phases):
        if phase:
            name, side, *per = phase.split("\t")
            counts.setdefault(name, {})[side] = totals[i + 1] / (int(per[0]) if per else calls)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=20, help="calls per side and case (default 20)")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.calls)
        return
    from cognito_typed._runtime import fill

    configurations = [("models built by the C builder (cognito_typed._runtime.fill)", False)] if fill.AVAILABLE else []
    configurations.append(("pure Python (COGNITO_TYPED_PURE_PYTHON=1: no C builder)", True))
    for title, pure in configurations:
        counts = measure(args.calls, pure)
        if counts is None:
            print("valgrind is not installed: no instruction counts")
            return
        print(f"\n### instructions per call (callgrind, {args.calls} calls per side, PYTHONHASHSEED=0): {title}\n")
        for name, sides in counts.items():
            if name.startswith("per user"):
                continue
            ratio, target = sides["typed"] / sides["raw"], TARGETS[name]
            print(
                f"  {name:<42} raw {sides['raw']:>11,.0f}   typed {sides['typed']:>11,.0f}   ratio {ratio:.3f}"
                f"   (target <= {target:.2f}: {'met' if ratio <= target else 'not met'})"
            )
        print_per_user(counts)
    print()


def print_per_user(counts: dict[str, dict[str, float]]) -> None:
    """The per-user counts of :func:`per_user_phases`, and how far they spread over the sizes."""
    print("\n  reading a ListUsers page, instructions per user")
    print("  (typed: built as the client builds it, every member read; raw: the page's members read in place)")
    for side in ("typed", "raw"):
        by_size = {n: counts[f"per user {n}"][side] for n in SIZES}
        cells = "   ".join(f"{n:>6}: {v:>6,.0f}" for n, v in by_size.items())
        low, high = min(by_size.values()), max(by_size.values())
        middle = (low + high) / 2
        print(
            f"    {side:<6} {cells}   10,000 vs 10: {by_size[SIZES[-1]] / by_size[SIZES[0]]:.2f}x,"
            f" every size within +/-{(high - middle) / middle:.0%} of the middle"
        )


def _total(dump: Path) -> int:
    for line in dump.read_text().splitlines():
        if line.startswith("summary:"):
            return int(line.split()[1])
    raise ValueError(f"{dump}: no summary line")


if __name__ == "__main__":
    main()
