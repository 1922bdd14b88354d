"""The hand-written runtime that the generated modules of cognito_typed stand on.

Nothing here is per-operation or per-structure, and nothing here imports generated code:

- :mod:`~cognito_typed._runtime.base`: the model base class, the dataclass decorator of the
  generated models, ``ResponseMetadata``, and the helpers their ``from_wire`` calls;
- :mod:`~cognito_typed._runtime.validation`: the checkers of the model's constraints, ``Violation``
  and ``ValidationError``; :mod:`~cognito_typed._runtime.patterns` runs the model's Java patterns;
- :mod:`~cognito_typed._runtime.rules`: rules AWS documents that the model cannot state;
- :mod:`~cognito_typed._runtime.client`: what the typed client does per call, and pagination;
- :mod:`~cognito_typed._runtime.installed`: what the installed botocore's model has, checked
  before a call sends what it lacks (``UnsupportedByBotocoreError``);
- :mod:`~cognito_typed._runtime.merge`: the merge-on-update engine;
- :mod:`~cognito_typed._runtime.service_error`: the base of the generated exception classes;
- :mod:`~cognito_typed._runtime.lazy`: loading the generated model classes on first use.
"""
