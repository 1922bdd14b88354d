"""``python -m codegen.regenerate [--model service-2.json] [--stubs] [--out DIR] [--install]``

Regenerate the runtime package (``src/cognito_typed``: models, client, errors, ...) from the botocore installed
with this Python, for users on another botocore than the one the committed code was made from, so that the
typed client has exactly the operations, members and enum values that botocore knows; ``--stubs`` regenerates
the stub distribution (``stubs/``) too. ``--install`` then ``pip install``s what was regenerated into this
Python. Run it from a checkout. It needs jinja2 (``pip install jinja2``, or ``pip install -e '.[codegen]'``),
nothing else of the development tools: with ruff installed the files are formatted exactly as the committed
ones are; without it they are written unformatted (the same code).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from codegen import PACKAGE, generate, output

ROOT = Path(__file__).resolve().parent.parent
# what a part of the output is (the prefix of its files' paths) and the folder pip installs it from
PARTS = {"runtime": (f"{PACKAGE}/", Path(".")), "stubs": ("stubs/", Path("stubs"))}
# what pip needs of the checkout to build the runtime package, besides its sources (for --out)
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE")


def regenerate(parts: list[str], model: Path | None, out: Path, install: bool) -> int:
    service, files = generate(model)
    prefixes = tuple(PARTS[part][0] for part in parts)
    changed = output.write(out, {path: text for path, text in files.items() if path.startswith(prefixes)})
    print(f"{', '.join(parts)} from {service.source}: {len(changed)} files changed")
    for rel in changed:
        print(f"  wrote {rel}")
    if install:
        targets = [str(out / PARTS[part][1]) for part in parts]
        subprocess.run([sys.executable, "-m", "pip", "install", *targets], check=True)
    return 0


def _copy_checkout(out: Path, parts: list[str]) -> None:
    """Lay the hand-written files the regenerated parts need under ``out`` (a fresh folder to build from)."""
    if "runtime" in parts:
        shutil.copytree(ROOT / "src", out / "src", ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        for name in PROJECT_FILES:
            shutil.copy2(ROOT / name, out / name)
    if "stubs" in parts:
        shutil.copytree(ROOT / "stubs", out / "stubs", ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)


def main(argv: list[str] | None = None, default: str = "runtime", doc: str | None = None) -> int:
    prog = "python -m codegen.regenerate" + ("_stubs" if default == "stubs" else "")
    parser = argparse.ArgumentParser(prog=prog, description=doc or __doc__)
    parser.add_argument("--model", type=Path, help="a service-2.json[.gz] instead of the installed botocore's")
    if default == "runtime":
        parser.add_argument("--stubs", action="store_true", help="regenerate the stub distribution (stubs/) too")
    parser.add_argument(
        "--out",
        type=Path,
        help="write into a copy of the checkout in this folder (default: into this checkout)",
    )
    parser.add_argument("--install", action="store_true", help="then pip install what was regenerated")
    args = parser.parse_args(argv)
    parts = [default] + (["stubs"] if getattr(args, "stubs", False) else [])
    out = ROOT
    if args.out is not None:
        out = args.out.resolve()
        _copy_checkout(out, parts)
    return regenerate(parts, args.model, out, args.install)


if __name__ == "__main__":
    sys.exit(main())
