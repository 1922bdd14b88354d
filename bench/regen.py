"""Full regeneration time: ``python -m codegen`` from a fresh interpreter, ruff formatting and writing included.

Target: at most 5 s for a full regeneration.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile

from _timing import ROOT, fair_env, header, measure, python_snippet

TARGET = 5.0


def _first_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stdout.strip().splitlines()
    return lines[0] if lines else "(no output)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command (default 5)")
    args = parser.parse_args()

    env = fair_env()
    with tempfile.TemporaryDirectory(prefix="cognito-typed-regen-") as tmp:
        # Each run writes every file into a new empty directory under tmp: nothing can be skipped.
        into_new_dir = python_snippet(
            "import sys, tempfile; from codegen.__main__ import main; "
            f"sys.exit(main(['--out', tempfile.mkdtemp(dir={tmp!r})]))"
        )
        check = python_snippet("import sys; from codegen.__main__ import main; sys.exit(main(['--check']))")
        commands = {"regenerate (all files)": into_new_dir, "--check (this checkout)": check}
        summary = _first_line(
            subprocess.run(into_new_dir, env=env, cwd=ROOT, capture_output=True, text=True, check=True)
        )
        fresh = subprocess.run(check, env=env, cwd=ROOT, capture_output=True, text=True)

        header(
            "code generation (fresh interpreter per run: start-up, botocore model load, render, ruff, write)",
            f"codegen says: {summary}",
            f"--check on this checkout: exit {fresh.returncode}: {_first_line(fresh)}",
            f"{args.repeat} runs each, interleaved, after one warm-up.",
        )
        results = measure(commands, repeat=args.repeat, env=env)
    width = max(len(label) for label in results) + 2
    for sample in results.values():
        print(sample.row(width))
    full = results["regenerate (all files)"]
    print(f"\nfull regeneration: median {full.median:.2f} s, min {full.min:.2f} s (target <= {TARGET:.0f} s)")
    print(f"ratio median / target = {full.median / TARGET:.2f}")


if __name__ == "__main__":
    main()
