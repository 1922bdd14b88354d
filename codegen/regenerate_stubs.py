"""``python -m codegen.regenerate_stubs [--model service-2.json] [--install]``

Regenerate only the stub distribution (``stubs/``) from the botocore installed with this Python,
for users on another botocore than the one the committed stubs were made from; ``--install``
then ``pip install``s it into this Python. Run it from a checkout, with jinja2 and ruff installed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from codegen import generate, output

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen.regenerate_stubs", description=__doc__)
    parser.add_argument("--model", type=Path, help="a service-2.json[.gz] instead of the installed botocore's")
    parser.add_argument("--install", action="store_true", help="then pip install ./stubs into this Python")
    args = parser.parse_args(argv)

    service, files = generate(args.model)
    changed = output.write(ROOT, {path: text for path, text in files.items() if path.startswith("stubs/")})
    print(f"stubs/ from {service.source}: {len(changed)} files changed")
    for rel in changed:
        print(f"  wrote {rel}")
    if args.install:
        subprocess.run([sys.executable, "-m", "pip", "install", str(ROOT / "stubs")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
