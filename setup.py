"""The optional C builder of response models (cognito_typed._runtime.fill); everything else is in pyproject.toml.

``optional=True``: where no C compiler is at hand the install goes on without it, and the models are built by
their pure-Python ``from_wire`` (the same models).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("cognito_typed._runtime._fill", ["src/cognito_typed/_runtime/_fill.c"], optional=True),
    ]
)
