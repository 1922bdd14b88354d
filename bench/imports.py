"""Import time of cognito_typed's modules against boto3 and botocore, each in a fresh interpreter.

Targets (Models 2.0): importing ``cognito_typed.client`` on top of ``import boto3`` adds at most
a quarter of boto3's own import time; the first typed ``describe_user_pool`` call in a fresh
process (which creates its request, its response and every nested model class) adds at most
10 ms to the same call made raw.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess

from _timing import ROOT, compile_sources, fair_env, header, measure, python_snippet, timed_import

MODULES = [
    "cognito_typed",
    "cognito_typed.models",
    "cognito_typed.type_defs",
    "cognito_typed.errors",
    "cognito_typed.client",  # only once the typed client exists
    "botocore",
    "botocore.session",  # what creating any client needs
    "boto3",
]
TARGET = 0.25
FIRST_CALL_TARGET = 0.010

# A fresh process: boto3 imported and a client made, a fully populated describe_user_pool response
# queued twice in a Stubber; the raw call runs first (warming botocore), then the typed one is timed.
FIRST_CALL = """
import os, time
os.environ.update(AWS_ACCESS_KEY_ID="x", AWS_SECRET_ACCESS_KEY="x", AWS_DEFAULT_REGION="us-east-1")
import sys
sys.path.insert(0, {bench!r})
import boto3
from botocore.stub import Stubber
from bench_client import Populate
raw = boto3.client("cognito-idp")
pool = Populate(sizes={{"SchemaAttributesListType": 20}})(raw.meta.service_model.shape_for("UserPoolType"))
response = {{"UserPool": pool}}
stubber = Stubber(raw)
stubber.activate()
for _ in range(3):
    stubber.add_response("describe_user_pool", response)
raw.describe_user_pool(UserPoolId="us-east-1_Example1")
started = time.perf_counter()
raw.describe_user_pool(UserPoolId="us-east-1_Example1")
raw_call = time.perf_counter() - started
{typed}
print(elapsed - raw_call)
"""
TYPED_FIRST_CALL = """
from cognito_typed.client import CognitoIdentityProvider  # its import is the target above
typed = CognitoIdentityProvider(raw)
started = time.perf_counter()
typed.describe_user_pool(user_pool_id="us-east-1_Example1")
elapsed = time.perf_counter() - started
"""
RAW_AGAIN = """
started = time.perf_counter()
raw.describe_user_pool(UserPoolId="us-east-1_Example1")
elapsed = time.perf_counter() - started
"""


def what_it_loads(module: str, env: dict[str, str]) -> str:
    """How many modules ``import module`` brings in, and whether botocore/boto3 are among them."""
    code = (
        f"import sys, json; before = set(sys.modules); import {module}; new = set(sys.modules) - before; "
        "print(json.dumps([len(new), 'botocore' in sys.modules, 'boto3' in sys.modules]))"
    )
    out = subprocess.run(python_snippet(code), env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    count, botocore, boto3 = json.loads(out)
    loads = [name for name, present in (("botocore", botocore), ("boto3", boto3)) if present]
    return f"{count} new modules" + (f", incl. {' and '.join(loads)}" if loads else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per module (default 30)")
    args = parser.parse_args()

    modules = [m for m in MODULES if importlib.util.find_spec(m.split(".")[0]) and importlib.util.find_spec(m)]
    compile_sources(ROOT / "src")
    env = fair_env()
    header(
        "import time (fresh interpreter per run; time of the import statement alone, start-up excluded)",
        "fairness: src/ byte-compiled first (compileall) and PYTHONDONTWRITEBYTECODE unset in the measured",
        "processes, so every module loads from .pyc as pip-installed boto3/botocore do; one warm-up run each;",
        f"runs interleaved round-robin, {args.repeat} per module.",
    )
    results = measure({m: timed_import(m) for m in modules}, repeat=args.repeat, env=env, reported=True)
    width = max(len(m) for m in modules) + 2
    for module in modules:
        print(f"{results[module].row(width)}   ({what_it_loads(module, env)})")

    boto3 = results["boto3"]
    print()
    for module in modules:
        if module.startswith("cognito_typed"):
            sample = results[module]
            of_mins = sample.min / boto3.min
            print(f"ratio {module} / boto3 = {sample.ratio(boto3):.3f} (of medians), {of_mins:.3f} (of minimums)")
    on_top = measure(
        {
            "boto3": timed_import("boto3"),
            "cognito_typed.client after boto3": python_snippet(
                "import boto3, time; t = time.perf_counter(); import cognito_typed.client; "
                "print(time.perf_counter() - t)"
            ),
        },
        repeat=args.repeat,
        env=env,
        reported=True,
    )
    print()
    for sample in on_top.values():
        print(sample.row(width))
    ratio = on_top["cognito_typed.client after boto3"].ratio(on_top["boto3"])
    verdict = "within" if ratio <= TARGET else "OVER"
    print(
        f"importing cognito_typed.client on top of boto3 adds {ratio:.3f} x boto3's own import time"
        f"  ({verdict} the target of <= {TARGET}; medians)"
    )

    bench = str(ROOT / "bench")
    first = measure(
        {
            "a second raw call": python_snippet(FIRST_CALL.format(bench=bench, typed=RAW_AGAIN)),
            "the first typed call": python_snippet(FIRST_CALL.format(bench=bench, typed=TYPED_FIRST_CALL)),
        },
        repeat=max(5, args.repeat // 2),
        env=env,
        reported=True,
    )
    print("\nfirst describe_user_pool call in a fresh process (fully populated response, 31 model classes),")
    print("time added over the same call made raw (the process already made one raw call):")
    for sample in first.values():
        print(sample.row(width))
    added = first["the first typed call"].median
    verdict = "within" if added <= FIRST_CALL_TARGET else "OVER"
    print(
        f"the first typed describe_user_pool adds {added * 1000:.1f} ms (the client already imported)"
        f"  ({verdict} the target of <= {FIRST_CALL_TARGET * 1000:.0f} ms)"
    )
    print("(other work on the machine inflates every figure; the ratio of minimums is the least disturbed)")


if __name__ == "__main__":
    main()
