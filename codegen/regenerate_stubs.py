"""``python -m codegen.regenerate_stubs [--model service-2.json] [--out DIR] [--install]``

Regenerate only the stub distribution (``stubs/``) from the botocore installed with this Python,
for users on another botocore than the one the committed stubs were made from; ``--install``
then ``pip install``s it into this Python. Run it from a checkout, with jinja2 installed (ruff is optional:
``python -m codegen.regenerate`` says more). ``python -m codegen.regenerate`` does the same for the runtime
package.
"""

from __future__ import annotations

import sys

from codegen import regenerate


def main(argv: list[str] | None = None) -> int:
    return regenerate.main(argv, default="stubs", doc=__doc__)


if __name__ == "__main__":
    sys.exit(main())
