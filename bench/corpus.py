"""Real public code that calls cognito-idp, type-checked with our stubs and with boto3-stubs + mypy-boto3.

    python bench/corpus.py [--mirror DIR] [--venvs DIR] [--dump] [--details]
    nox -s bench -- corpus

The files are listed in bench/corpus_manifest.json as (repository, commit, path) and read from git
mirrors (``DIR/owner+name/repo``, e.g. ``git clone --mirror https://github.com/owner/name
DIR/owner+name/repo``); nothing of them is kept in this repository. They are written to a temporary
folder and checked by mypy (``check_untyped_defs``, missing imports ignored; the plugin for ours), once
more by mypy with ``allow_redefinition`` (row ``mypy-r``: the setting the stubs' README recommends
against re-bound-variable noise, for both setups alike) and by pyright (basic), in separate venvs, one
per setup:

- ``ours``: cognito-idp-typed-stubs;
- ``theirs``: boto3-stubs + botocore-stubs + mypy-boto3-cognito-idp (the standard);
- ``ours+boto3-stubs``: ours with boto3-stubs and botocore-stubs installed too.

Every diagnostic is joined with its hand classification in bench/corpus_classification.json, keyed
``owner/name:path:line:code:subject`` (``subject``: the first quoted name of the message, e.g. the
key or parameter): TRUE (wrong against the model, or can fail at run time), FALSE (correct code) or
OTHER (not about cognito-idp's types, e.g. an unrelated Optional: the same in every setup, not
counted). ``--dump`` prints the unclassified ones with their source line, for classifying.

"Calls typed" counts the operation calls each checker types as the Cognito client: in a copy of
the files every call of an operation name ``.list_users(`` becomes ``.list_users__typed_probe(``,
and each error "CognitoIdentityProviderClient has no attribute ...__typed_probe" is one typed call.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _venvs import BOTO3_STUBS, BOTOCORE_STUBS, MYPY_BOTO3_COGNITO_IDP, ROOT, STUBS, pins, prepare, versions

MANIFEST = ROOT / "bench" / "corpus_manifest.json"
CLASSIFICATION = ROOT / "bench" / "corpus_classification.json"
PROBE = "__typed_probe"
SHOWN = (
    "boto3",
    "mypy",
    "pyright",
    "cognito-idp-typed-stubs",
    "boto3-stubs",
    "botocore-stubs",
    "mypy-boto3-cognito-idp",
)
CLIENT = "CognitoIdentityProviderClient"
REDEFINE = "mypy-r"  # mypy with allow_redefinition = True


@dataclass(frozen=True)
class Setup:
    name: str
    packages: tuple[str, ...]
    plugin: bool


def _setups() -> list[Setup]:
    tools = tuple(pins("boto3", "botocore", "mypy", "pyright").values())
    return [
        Setup("ours", (*tools, str(STUBS)), True),
        Setup("theirs", (*tools, BOTO3_STUBS, BOTOCORE_STUBS, MYPY_BOTO3_COGNITO_IDP), False),
        Setup("ours+boto3-stubs", (*tools, str(STUBS), BOTO3_STUBS, BOTOCORE_STUBS), True),
    ]


@dataclass(frozen=True)
class Diagnostic:
    file: str  # owner/name:path
    line: int
    code: str
    message: str

    @property
    def subject(self) -> str:
        """The key a NotRequired read names, else the first quoted name of the message."""
        m = re.search(r'"([^"]+)" (?:is not a required key|may be absent)', self.message) or re.search(
            r'(?:Key|key) "([^"]+)"', self.message
        )
        m = m or re.search(r'"([^"]+)"', self.message)
        return m.group(1) if m else ""

    @property
    def key(self) -> str:
        return f"{self.file}:{self.line}:{self.code}:{self.subject}"


# --------------------------------------------------------------------------- the files


def _folder(repo: str) -> str:
    return repo.replace("/", "__")


def materialize(mirror: Path, dest: Path) -> dict[str, dict[str, object]]:
    """Write the manifest's files (and the __init__.py of their packages) under ``dest``; the repos."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))["repos"]
    repos: dict[str, dict[str, object]] = {}
    for entry in manifest:
        git = mirror / entry["repo"].replace("/", "+") / "repo"
        if not git.exists():
            raise SystemExit(
                f"no mirror of {entry['repo']} at {git}: git clone --mirror https://github.com/{entry['repo']} {git}"
            )
        listing = set(_git(git, "ls-tree", "-r", "--name-only", entry["commit"]).splitlines())
        wanted = set(entry["paths"])
        for path in entry["paths"]:
            parts = Path(path).parts
            wanted |= {str(Path(*parts[:i]) / "__init__.py") for i in range(1, len(parts))} & listing
        for path in sorted(wanted):
            target = dest / _folder(entry["repo"]) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_git(git, "show", f"{entry['commit']}:{path}"), encoding="utf-8")
        repos[entry["repo"]] = entry
    return repos


def _git(git: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(git), *args], capture_output=True, text=True, check=True).stdout


def _operations() -> frozenset[str]:
    sys.path.insert(0, str(STUBS))
    from cognito_idp_typed._constraints import OPERATIONS

    return frozenset(OPERATIONS)


def make_probe(source: Path, probe: Path, operations: frozenset[str]) -> int:
    """Copy ``source`` to ``probe`` with each operation call renamed; the number of operation calls."""
    pattern = re.compile(r"\.(" + "|".join(sorted(operations, key=len, reverse=True)) + r")(\s*\()")
    calls = 0
    for path in source.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        try:
            tree = ast.parse(text)
        except SyntaxError:
            tree = None
        if tree is not None:
            calls += sum(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in operations
                for n in ast.walk(tree)
            )
        target = probe / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pattern.sub(rf".\1{PROBE}\2", text), encoding="utf-8")
    return calls


# --------------------------------------------------------------------------- the checkers


def _corpus_files(repos: dict[str, dict[str, object]]) -> set[str]:
    return {f"{repo}:{path}" for repo, entry in repos.items() for path in entry["paths"]}  # type: ignore[union-attr]


def run_mypy(
    python: Path, setup: Setup, tree: Path, repos: dict[str, dict[str, object]], cache: Path, redefine: bool = False
) -> list[Diagnostic]:
    """mypy per repository; ``redefine``: with ``allow_redefinition`` (a variable re-bound to another type)."""
    config = tree / f"mypy-{setup.name}{'-redefine' if redefine else ''}.ini"
    lines = ["[mypy]", "python_version = 3.11", "check_untyped_defs = True", "ignore_missing_imports = True"]
    lines += ["allow_redefinition = True"] if redefine else []
    lines += ["explicit_package_bases = True", "namespace_packages = True"]
    lines += ["plugins = cognito_idp_typed.mypy_plugin"] if setup.plugin else []
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out: list[Diagnostic] = []
    for repo, entry in repos.items():
        folder = tree / _folder(repo)
        roots = [str((folder / r).resolve()) for r in entry["roots"]]  # type: ignore[union-attr]
        env = {**os.environ, "MYPYPATH": os.pathsep.join(roots)}
        files = [str(p) for p in entry["paths"]]  # type: ignore[union-attr]
        result = subprocess.run(
            [str(python), "-m", "mypy", "--config-file", str(config), "--cache-dir", str(cache), "--no-error-summary",
             "--show-error-codes", "--hide-error-context", *files],
            cwd=folder, capture_output=True, text=True, env=env,
        )  # fmt: skip
        if result.returncode not in (0, 1):
            print(f"  mypy failed on {repo} ({setup.name}):\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
        for line in result.stdout.splitlines():
            m = re.match(r"(.+?):(\d+): error: (.*?)(?:  \[([\w-]+)\])?$", line)
            if m:
                out.append(Diagnostic(f"{repo}:{m.group(1)}", int(m.group(2)), m.group(4) or "misc", m.group(3)))
    return out


def run_pyright(python: Path, tree: Path, repos: dict[str, dict[str, object]]) -> list[Diagnostic]:
    config = {
        "typeCheckingMode": "basic",
        "pythonVersion": "3.11",
        "reportMissingImports": False,
        "reportMissingModuleSource": False,
        "executionEnvironments": [
            {"root": _folder(repo), "extraPaths": [str(Path(_folder(repo)) / r) for r in entry["roots"]]}  # type: ignore[union-attr]
            for repo, entry in repos.items()
        ],
    }
    (tree / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    files = [str(Path(_folder(repo)) / p) for repo, e in repos.items() for p in e["paths"]]  # type: ignore[union-attr]
    result = subprocess.run(
        [str(python), "-m", "pyright", "--outputjson", "--pythonpath", str(python), *files],
        cwd=tree, capture_output=True, text=True,
    )  # fmt: skip
    report = json.loads(result.stdout)
    by_folder = {_folder(repo): repo for repo in repos}
    out: list[Diagnostic] = []
    for d in report["generalDiagnostics"]:
        if d["severity"] != "error":
            continue
        rel = Path(d["file"]).resolve().relative_to(tree.resolve())
        repo = by_folder[rel.parts[0]]
        message = " / ".join(part.strip() for part in d["message"].split("\n")[:2])
        out.append(
            Diagnostic(f"{repo}:{Path(*rel.parts[1:])}", d["range"]["start"]["line"] + 1, d.get("rule", ""), message)
        )
    return out


def typed_calls(diagnostics: list[Diagnostic]) -> int:
    return sum(PROBE in d.message and CLIENT in d.message for d in diagnostics)


# --------------------------------------------------------------------------- the report


def _classification() -> dict[str, dict[str, str]]:
    if not CLASSIFICATION.is_file():
        return {}
    data: dict[str, dict[str, str]] = json.loads(CLASSIFICATION.read_text(encoding="utf-8"))["diagnostics"]
    return data


def report(results: dict[tuple[str, str], list[Diagnostic]], calls: dict[tuple[str, str], int], total: int,
           corpus: set[str], details: bool) -> list[Diagnostic]:  # fmt: skip
    classes = _classification()
    unclassified: list[Diagnostic] = []
    print(f"\n{'checker':<9}{'setup':<19}{'TRUE':>6}{'FALSE':>7}{'OTHER':>7}{'unclassified':>14}{'calls typed':>14}")
    for (checker, setup), diagnostics in results.items():
        counts: Counter[str] = Counter()
        for d in diagnostics:
            if d.file not in corpus:  # a package __init__ materialized for imports
                continue
            cls = classes.get(d.key, {}).get("class")
            counts[cls or "unclassified"] += 1
            if cls is None:
                unclassified.append(d)
        typed = f"{calls[(checker, setup)]} of {total}"
        print(
            f"{checker:<9}{setup:<19}{counts['TRUE']:>6}{counts['FALSE']:>7}{counts['OTHER']:>7}"
            f"{counts['unclassified']:>14}{typed:>14}"
        )
    if details:
        for (checker, setup), diagnostics in results.items():
            false = Counter(
                f"{d.code}:{d.subject}" for d in diagnostics if classes.get(d.key, {}).get("class") == "FALSE"
            )
            true = Counter(
                f"{d.code}:{d.subject}" for d in diagnostics if classes.get(d.key, {}).get("class") == "TRUE"
            )
            print(f"\n{checker} / {setup}: FALSE by code:subject {dict(false.most_common(12))}")
            print(f"{checker} / {setup}: TRUE by code:subject {dict(true.most_common(12))}")
    return unclassified


def dump(unclassified: list[Diagnostic], tree: Path) -> None:
    seen: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in unclassified:
        seen[d.key].append(d)
    for key, ds in sorted(seen.items()):
        d = ds[0]
        repo, path = d.file.split(":", 1)
        lines = (tree / _folder(repo) / path).read_text(encoding="utf-8").splitlines()
        print(f"\n{key}\n    {d.message[:300]}\n    > {lines[d.line - 1].strip()[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"), help="folder of the git mirrors")
    parser.add_argument("--venvs", type=Path, help="keep the venvs here and reuse them (default: a temporary folder)")
    parser.add_argument("--dump", action="store_true", help="print the unclassified diagnostics with their source line")
    parser.add_argument("--details", action="store_true", help="print the TRUE/FALSE counts by error code and subject")
    parser.add_argument("--save", type=Path, help="also write the raw diagnostics to this JSON file")
    parser.add_argument(
        "--load", type=Path, help="report on diagnostics saved by --save instead of running the checkers"
    )
    args = parser.parse_args()
    if args.load:
        saved = json.loads(args.load.read_text(encoding="utf-8"))
        loaded = {tuple(k.split("/", 1)): [Diagnostic(**d) for d in ds] for k, ds in saved["results"].items()}
        counted = {tuple(k.split("/", 1)): n for k, n in saved["calls"].items()}
        repos = {e["repo"]: e for e in json.loads(MANIFEST.read_text(encoding="utf-8"))["repos"]}
        report(loaded, counted, saved["total"], _corpus_files(repos), args.details)  # type: ignore[arg-type]
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        base = args.venvs.resolve() if args.venvs else Path(tmp) / "venvs"
        base.mkdir(parents=True, exist_ok=True)
        tree, probe = Path(tmp) / "files", Path(tmp) / "probe"
        repos = materialize(args.mirror, tree)
        corpus = _corpus_files(repos)
        total = make_probe(tree, probe, _operations())
        print(f"### Corpus: {len(corpus)} files from {len(repos)} repositories, {total} cognito-idp operation calls")
        results: dict[tuple[str, str], list[Diagnostic]] = {}
        calls: dict[tuple[str, str], int] = {}
        for setup in _setups():
            python = prepare(base / setup.name, setup.packages)
            print(f"  {setup.name}: {versions(python, SHOWN)}")
            with tempfile.TemporaryDirectory() as cache:
                results[("mypy", setup.name)] = run_mypy(python, setup, tree, repos, Path(cache))
                calls[("mypy", setup.name)] = typed_calls(run_mypy(python, setup, probe, repos, Path(cache)))
                redefining = run_mypy(python, setup, tree, repos, Path(cache), redefine=True)
                results[(REDEFINE, setup.name)] = redefining
                calls[(REDEFINE, setup.name)] = calls[("mypy", setup.name)]
            results[("pyright", setup.name)] = run_pyright(python, tree, repos)
            calls[("pyright", setup.name)] = typed_calls(run_pyright(python, probe, repos))
        results = dict(sorted(results.items()))
        if args.save:
            raw = {f"{c}/{s}": [d.__dict__ for d in ds] for (c, s), ds in results.items()}
            counts = {f"{c}/{s}": n for (c, s), n in calls.items()}
            args.save.write_text(json.dumps({"results": raw, "calls": counts, "total": total}))
        unclassified = report(results, calls, total, corpus, args.details)
        if args.dump:
            dump(unclassified, tree)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
