"""The cognito-typed generator: botocore model -> IR -> templates -> formatted files.

Run as ``python -m codegen`` (``--check`` to verify the committed output).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from codegen import merge_quirks, model_fixes, output, presence, request_rules, resets, stubs, views
from codegen.ir import Service
from codegen.loader import load
from codegen.parse import parse

PACKAGE = "src/cognito_typed"

# output file -> (template, view builder)
TARGETS = {
    f"{PACKAGE}/literals.py": ("literals.py.jinja", views.literals),
    f"{PACKAGE}/type_defs.py": ("type_defs.py.jinja", views.type_defs),
    f"{PACKAGE}/models/__init__.py": ("models/index.py.jinja", views.models_index),
    f"{PACKAGE}/models/_kinds.py": ("models/kinds.py.jinja", views.kinds),
    f"{PACKAGE}/errors.py": ("errors.py.jinja", views.errors),
    f"{PACKAGE}/client.py": ("client.py.jinja", views.client),
    f"{PACKAGE}/merges.py": ("merges.py.jinja", views.merges),
    **stubs.TARGETS,  # stubs/: the cognito-idp-typed-stubs distribution
}
# folder -> (template, builder of {module name: view}): one file per structure
MODULES = {f"{PACKAGE}/models": ("models/model.py.jinja", views.model_modules)}


def render(service: Service) -> dict[str, str]:
    """Every generated file's path (relative to the project root) and text, before formatting."""
    common = {"header": views.header(service), "full_name": service.full_name}
    rendered = {
        path: output.render(template, {**common, **view(service)}) for path, (template, view) in TARGETS.items()
    }
    for folder, (template, modules) in MODULES.items():
        for module, view in modules(service).items():
            rendered[f"{folder}/{module}.py"] = output.render(template, {**common, **view})
    return rendered


def build(service: Service) -> dict[str, str]:
    """Every generated file's path (relative to the project root) and formatted text."""
    return output.format_files(render(service))


def read(model_path: Path | None = None, botocore_version: str | None = None) -> Service:
    """The IR of the pinned botocore's model (or of ``model_path``), with codegen/model_fixes.py laid over it,
    and a warning for every entry of the tables beside the generator that does not fit the model."""
    service = model_fixes.apply(parse(load(model_path, botocore_version)))
    if service.service_name != model_fixes.SERVICE:
        return service  # the tables are cognito-idp's
    tables = [*merge_quirks.problems(service), *request_rules.problems(service), *resets.problems(service)]
    tables += presence.problems(service)
    return dataclasses.replace(service, warnings=(*service.warnings, *tables))


def generate(model_path: Path | None = None, botocore_version: str | None = None) -> tuple[Service, dict[str, str]]:
    service = read(model_path, botocore_version)
    for message in service.warnings:
        output.warn(message)
    return service, build(service)
