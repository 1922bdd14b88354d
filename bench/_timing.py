"""What every benchmark here shares: run commands in fresh subprocesses N times, take medians.

Benchmarks print figures and ratios; they never assert (a slow machine is not a bug).

    from _timing import measure, python_snippet, fair_env, compile_sources

    results = measure({"a": [...], "b": [...]}, repeat=20, env=fair_env())
    print(results["a"].row(), results["a"].ratio(results["b"]))

``measure`` runs the commands round-robin (a, b, a, b, ...) after one untimed warm-up
each, so a drift in machine load hits every command alike. A command is timed either
by the wall clock around the whole process (``reported=False``), or by a number of
seconds that the process prints as the last line of its stdout (``reported=True``,
e.g. ``time.perf_counter()`` around just the part of interest, leaving out the
interpreter's own start-up).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class Sample:
    """The timings of one command over repeated fresh runs, in seconds."""

    label: str
    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    def ratio(self, other: Sample) -> float:
        """This median over the other's median."""
        return self.median / other.median

    def row(self, width: int = 28) -> str:
        """One aligned line: label, median, min, max (in ms), run count."""
        return (
            f"{self.label:<{width}} median {ms(self.median):>9}   min {ms(self.min):>9}   "
            f"max {ms(self.max):>9}   n={len(self.values)}"
        )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def fair_env(**overrides: str) -> dict[str, str]:
    """The current environment, minus what would make a fresh interpreter slower than a user's.

    ``PYTHONDONTWRITEBYTECODE`` is dropped so that bytecode written by the warm-up is used
    (pip-installed packages already ship their ``.pyc``; our sources get theirs from
    :func:`compile_sources`). ``PYTHONPROFILEIMPORTTIME``/``PYTHONTRACEMALLOC``, if set,
    would add their own overhead.
    """
    env = dict(os.environ)
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONTRACEMALLOC", "PYTHONDEVMODE"):
        env.pop(name, None)
    env.update(overrides)
    return env


def compile_sources(*dirs: Path) -> None:
    """Write ``.pyc`` files for our own sources, as ``pip install`` does for installed packages."""
    for d in dirs:
        compileall.compile_dir(d, quiet=1)


def python_snippet(code: str) -> list[str]:
    """argv that runs ``code`` with this interpreter (the one nox set up)."""
    return [PYTHON, "-c", code]


def timed_import(module: str) -> list[str]:
    """argv whose process prints the seconds ``import module`` took, start-up excluded."""
    return python_snippet(f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)")


def _run_once(argv: Sequence[str], env: Mapping[str, str] | None, cwd: Path, reported: bool) -> float:
    started = time.perf_counter()
    proc = subprocess.run(list(argv), env=env, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
    if not reported:
        return wall
    lines = proc.stdout.strip().splitlines()
    try:
        return float(lines[-1])
    except (IndexError, ValueError):
        raise RuntimeError(f"{' '.join(argv)} printed no number of seconds on its last line:\n{proc.stdout}") from None


def measure(
    commands: Mapping[str, Sequence[str]],
    *,
    repeat: int,
    env: Mapping[str, str] | None = None,
    cwd: Path = ROOT,
    reported: bool = False,
    warmup: int = 1,
) -> dict[str, Sample]:
    """Run each command ``repeat`` times in fresh processes, round-robin, after ``warmup`` untimed runs."""
    for _ in range(warmup):
        for argv in commands.values():
            _run_once(argv, env, cwd, reported)
    values: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(repeat):
        for label, argv in commands.items():
            values[label].append(_run_once(argv, env, cwd, reported))
    return {label: Sample(label, tuple(v)) for label, v in values.items()}


def header(title: str, *notes: str) -> None:
    print(f"\n### {title}")
    print(f"python {sys.version.split()[0]} ({PYTHON})")
    for note in notes:
        print(note)
    print()


def paired_ratio(typed: Sequence[float], raw: Sequence[float]) -> tuple[float, float, float]:
    """The median, first and third quartile of the per-round ratios ``typed[i] / raw[i]``.

    Each round measures both sides back to back, so a change of the machine's speed between
    rounds (other tenants, frequency) cancels out of each round's ratio; the ratio of the two
    medians does not have that property. Both are printed; the targets are judged on this one.
    """
    ratios = sorted(t / r for t, r in zip(typed, raw, strict=True))
    q1, median, q3 = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else (ratios[0],) * 3
    return median, q1, q3
