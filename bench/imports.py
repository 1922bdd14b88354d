"""Import time of cognito_typed's modules against boto3 and botocore, each in a fresh interpreter.

Target: importing ``cognito_typed.models`` costs at most a quarter of ``import boto3``.
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
    ratio = results["cognito_typed.models"].ratio(boto3)
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"\ncognito_typed.models / boto3 = {ratio:.3f}  ({verdict} the target of <= {TARGET}; medians)")
    print("(other work on the machine inflates every figure; the ratio of minimums is the least disturbed)")


if __name__ == "__main__":
    main()
