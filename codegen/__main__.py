"""``python -m codegen [--check] [--model service-2.json] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from codegen import generate, output, views

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 and list the files that are stale")
    parser.add_argument(
        "--model", type=Path, help="a service-2.json[.gz] to generate from instead of the pinned botocore"
    )
    parser.add_argument(
        "--botocore-version",
        help="the botocore release the --model file comes from, for the headers (found by itself when the file "
        "is inside a botocore package)",
    )
    parser.add_argument("--out", type=Path, default=ROOT, help="project root to write into (default: this checkout)")
    args = parser.parse_args(argv)

    if args.check and not output.have_ruff():
        parser.error("--check compares with formatted files: it needs ruff (`python -m pip install ruff`)")
    started = time.perf_counter()
    service, files = generate(args.model, args.botocore_version)
    if args.check:
        stale = output.diff(args.out, files)
        for rel in stale:
            print(f"stale: {rel}")
        if stale:
            print("generated code is stale: run `python -m codegen` and commit the result", file=sys.stderr)
            return 1
        print(f"generated code is fresh ({len(files)} files, {service.source})")
        return 0
    changed = output.write(args.out, files)
    counts = ", ".join(f"{n} {k}" for k, n in views.counts(service).items())
    elapsed = time.perf_counter() - started
    print(f"{service.source}: {counts}; {len(changed)} of {len(files)} files changed in {elapsed:.2f}s")
    for rel in changed:
        print(f"  wrote {rel}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
