"""Type-checking cost of our stubs vs boto3-stubs + mypy-boto3-cognito-idp, on the same program.

Two fresh venvs under one temporary folder, each with boto3, mypy and pyright (the versions
requirements-dev.txt pins; bench/_venvs.py):

- ``ours``: + ``./stubs`` (cognito-idp-typed-stubs), mypy with ``plugins = cognito_idp_typed.mypy_plugin``
  (every check on: constraints, absent keys, the relaxed signatures);
- ``theirs``: + boto3-stubs, botocore-stubs and mypy-boto3-cognito-idp (the versions the corpus uses).

bench/_sample_program.py (~20 typical cognito-idp calls) is checked in each; the two copies
differ only in the module the client type is imported from. Measured, round-robin, medians:

- mypy cold: a new empty ``--cache-dir`` every run (so it includes writing the cache);
- mypy warm: the same command again on that cache;
- the CPU time (user + system) of the cold run: steadier than the wall clock on a shared machine;
- peak RSS of the cold run (the child's ``ru_maxrss``);
- pyright (one CLI run: node start-up included, as a user sees it);
- the same for a trivial file, for scale.

Figures and ratios (ours / theirs, both measured in this run, interleaved) are printed; nothing is
asserted. Targets (issue 11): mypy cold <= 0.55x, pyright <= 0.75x; memory and mypy warm <= 1.0x.

    nox -s bench -- bench_stubs          # or: python bench/bench_stubs.py [--repeat N] [--venvs DIR]

``--venvs DIR`` keeps the venvs in DIR and reuses them on the next run (installing takes a minute).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _venvs import BOTO3_STUBS, BOTOCORE_STUBS, MYPY_BOTO3_COGNITO_IDP, ROOT, STUBS, pins, prepare, python, versions

SAMPLE = ROOT / "bench" / "_sample_program.py"
IMPORT_LINE = "from cognito_idp_typed import CognitoIdentityProviderClient  # bench: client import"
_SHOWN = (
    "boto3",
    "botocore",
    "mypy",
    "pyright",
    "cognito-idp-typed-stubs",
    "boto3-stubs",
    "botocore-stubs",
    "mypy-boto3-cognito-idp",
)

# Runs a command and prints its wall time and peak RSS (KiB), measured in this small parent only.
_PROBE = textwrap.dedent(
    """
    import resource, subprocess, sys, time
    started = time.perf_counter()
    result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    sys.stderr.write(result.stdout[-2000:] + result.stderr[-2000:])
    print(wall, rss, cpu, result.returncode)
    """
)


@dataclass(frozen=True)
class Side:
    name: str
    packages: tuple[str, ...]
    mypy_config: str
    import_line: str


@dataclass
class Figures:
    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    cold_cpu: list[float] = field(default_factory=list)
    pyright: list[float] = field(default_factory=list)
    trivial_cold: list[float] = field(default_factory=list)
    trivial_pyright: list[float] = field(default_factory=list)


def _sides() -> list[Side]:
    common = tuple(pins("boto3", "mypy", "pyright").values())
    return [
        Side(
            "ours",
            (*common, str(STUBS)),
            "[mypy]\nstrict = True\nplugins = cognito_idp_typed.mypy_plugin\n",
            IMPORT_LINE,
        ),
        Side(
            "theirs",
            (*common, BOTO3_STUBS, BOTOCORE_STUBS, MYPY_BOTO3_COGNITO_IDP),
            "[mypy]\nstrict = True\n",
            IMPORT_LINE.replace("cognito_idp_typed", "mypy_boto3_cognito_idp"),
        ),
    ]


def _prepare(side: Side, base: Path) -> Path:
    """The side's folder: a venv with its packages, the sample, a trivial file and the configs."""
    folder = base / side.name
    prepare(folder / "venv", side.packages)
    text = SAMPLE.read_text(encoding="utf-8")
    assert IMPORT_LINE in text, "the sample's import line changed: update bench_stubs.IMPORT_LINE"
    (folder / "sample.py").write_text(text.replace(IMPORT_LINE, side.import_line), encoding="utf-8")
    (folder / "trivial.py").write_text("x: int = 1\n", encoding="utf-8")
    (folder / "mypy.ini").write_text(side.mypy_config, encoding="utf-8")
    (folder / "pyrightconfig.json").write_text('{"typeCheckingMode": "standard"}\n', encoding="utf-8")
    return folder


def _probe(folder: Path, *argv: str) -> tuple[float, int, float, str]:
    """Wall time, peak RSS (KiB) and CPU time of one run of ``argv``, and its output."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], cwd=folder, capture_output=True, text=True, check=True
    )
    wall, rss, cpu, code = result.stdout.split()
    if code not in ("0", "1"):
        raise RuntimeError(f"{' '.join(argv)} exited {code}:\n{result.stderr}")
    return float(wall), int(rss), float(cpu), result.stderr


def _mypy(folder: Path, target: str, cache: Path) -> tuple[float, int, float, str]:
    py = str(python(folder / "venv"))
    return _probe(folder, py, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", str(cache), target)


def _pyright(folder: Path, target: str) -> tuple[float, int, float, str]:
    py = str(python(folder / "venv"))
    return _probe(folder, py, "-m", "pyright", "-p", "pyrightconfig.json", "--pythonpath", py, target)


def run(repeat: int, base: Path) -> None:
    sides = _sides()
    print("### Type-checking cost: cognito-idp-typed-stubs vs boto3-stubs + mypy-boto3-cognito-idp")
    print(f"python {sys.version.split()[0]}; {repeat} runs each, round-robin; medians (min..max)")
    folders = {side.name: _prepare(side, base) for side in sides}
    for name, folder in folders.items():
        print(f"  {name}: {versions(python(folder / 'venv'), _SHOWN)}")

    # Warm-up (pyright's first run may fetch its node package) and a check that both accept the sample.
    for name, folder in folders.items():
        with tempfile.TemporaryDirectory() as cache:
            out = _mypy(folder, "sample.py", Path(cache))[3]
        verdict = "clean" if "Success" in out else "REPORTS ERRORS:\n" + out
        pout = _pyright(folder, "sample.py")[3]
        pverdict = "clean" if "0 errors" in pout else "REPORTS ERRORS:\n" + pout[-1500:]
        print(f"  {name}: mypy {verdict}; pyright {pverdict}")

    figures = {name: Figures() for name in folders}
    for _ in range(repeat):
        for name, folder in folders.items():
            f = figures[name]
            with tempfile.TemporaryDirectory() as cache:
                wall, rss, cpu, _ = _mypy(folder, "sample.py", Path(cache))
                f.cold.append(wall)
                f.rss.append(rss)
                f.cold_cpu.append(cpu)
                f.warm.append(_mypy(folder, "sample.py", Path(cache))[0])
            with tempfile.TemporaryDirectory() as cache:
                f.trivial_cold.append(_mypy(folder, "trivial.py", Path(cache))[0])
            f.pyright.append(_pyright(folder, "sample.py")[0])
            f.trivial_pyright.append(_pyright(folder, "trivial.py")[0])

    ours, theirs = figures["ours"], figures["theirs"]
    rows = [
        ("mypy cold", "cold", "s", 0.55),
        ("mypy cold, CPU time", "cold_cpu", "s", 0.55),
        ("mypy warm", "warm", "s", 1.0),
        ("mypy cold peak RSS", "rss", "MB", 1.0),
        ("pyright", "pyright", "s", 0.75),
        ("mypy cold, trivial file", "trivial_cold", "s", None),
        ("pyright, trivial file", "trivial_pyright", "s", None),
    ]
    print()
    print(f"{'':<26}{'ours':>22}{'theirs':>22}{'ours/theirs':>13}  target")
    for label, attr, unit, target in rows:
        a, b = getattr(ours, attr), getattr(theirs, attr)
        ratio = statistics.median(a) / statistics.median(b)
        verdict = "" if target is None else f"<= {target:.2f}x " + ("met" if ratio <= target else "NOT met")
        print(f"{label:<26}{_fmt(a, unit):>22}{_fmt(b, unit):>22}{ratio:>12.2f}x  {verdict}")


def _fmt(values: list[float] | list[int], unit: str) -> str:
    if unit == "MB":
        return f"{statistics.median(values) / 1024:.0f} MB ({min(values) / 1024:.0f}..{max(values) / 1024:.0f})"
    return f"{statistics.median(values):.2f} s ({min(values):.2f}..{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=11, help="timed runs per command (default 11)")
    parser.add_argument("--venvs", type=Path, help="keep the venvs here and reuse them (default: a temporary folder)")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.venvs:
        args.venvs.mkdir(parents=True, exist_ok=True)
        run(args.repeat, args.venvs.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="bench-stubs-") as tmp:
            run(args.repeat, Path(tmp))
    print(f"\n({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
