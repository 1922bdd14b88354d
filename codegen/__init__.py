"""The cognito-typed generator: botocore model -> IR -> templates -> formatted files.

Run as ``python -m codegen`` (``--check`` to verify the committed output).
"""

from __future__ import annotations

from pathlib import Path

from codegen import output, stubs, views
from codegen.ir import Service
from codegen.loader import load
from codegen.parse import parse

PACKAGE = "src/cognito_typed"

# output file -> (template, view builder)
TARGETS = {
    f"{PACKAGE}/literals.py": ("literals.py.jinja", views.literals),
    f"{PACKAGE}/type_defs.py": ("type_defs.py.jinja", views.type_defs),
    f"{PACKAGE}/models.py": ("models.py.jinja", views.models),
    f"{PACKAGE}/errors.py": ("errors.py.jinja", views.errors),
    f"{PACKAGE}/client.py": ("client.py.jinja", views.client),
    f"{PACKAGE}/merges.py": ("merges.py.jinja", views.merges),
    **stubs.TARGETS,  # stubs/: the cognito-idp-typed-stubs distribution
}


def build(service: Service) -> dict[str, str]:
    """Every generated file's path (relative to the project root) and formatted text."""
    common = {"header": views.header(service), "full_name": service.full_name}
    rendered = {
        path: output.render(template, {**common, **view(service)}) for path, (template, view) in TARGETS.items()
    }
    return output.format_files(rendered)


def generate(model_path: Path | None = None) -> tuple[Service, dict[str, str]]:
    service = parse(load(model_path))
    for message in service.warnings:
        output.warn(message)
    return service, build(service)
