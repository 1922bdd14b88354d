"""Every name the generator invents comes from here."""

from __future__ import annotations

import keyword
import re

# Words the model spells in mixed case that read as one word in snake_case.
_WORDS = {
    "OAuth": "Oauth",
    "IdP": "Idp",
    "URLs": "Urls",
    "URIs": "Uris",
    "ARNs": "Arns",
    "IDs": "Ids",
    "MFAs": "Mfas",
    "UUIDs": "Uuids",
}
_WORD_RE = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
_PARTS_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d+")
# Names that would shadow something a generated class relies on.
# (the methods every model has, the member every response model adds, the merge methods' keywords,
# and the names the generated annotations use, which a field of the same name would shadow)
_RESERVED = frozenset(
    {"self", "cls", "to_wire", "from_wire", "to_json", "validate", "response_metadata", "reset_paths", "mro"}
    | {"check_concurrent", "str", "int", "bool", "bytes", "bytearray", "list", "dict", "datetime", "field"}
    | {"Any", "Mapping", "Sequence", "Self", "ClassVar"}
)


def snake(name: str) -> str:
    """``AuthSessionValidity`` -> ``auth_session_validity``; ``CallbackURLs`` -> ``callback_urls``."""
    words = _WORD_RE.sub(lambda m: _WORDS[m.group(0)], name)
    result = "_".join(part.lower() for part in _PARTS_RE.findall(words))
    # Hard keywords only: soft ones (match, case, type, _) are valid names and vary by Python version.
    if keyword.iskeyword(result) or result in _RESERVED:
        result += "_"
    return result


def literal_alias(shape_name: str) -> str:
    """Literal alias for an enum shape: the shape's own name (``UserStatusType``)."""
    return shape_name


def model_class(shape_name: str) -> str:
    """Dataclass (or exception class) for a structure: the shape's own name."""
    return shape_name


def model_module(shape_name: str) -> str:
    """The module of a structure's model class inside ``cognito_typed.models``: ``_user_pool_type``."""
    words = _WORD_RE.sub(lambda m: _WORDS[m.group(0)], shape_name)
    return "_" + "_".join(part.lower() for part in _PARTS_RE.findall(words))


def member_kind(shape_name: str, *, json_object: bool = False) -> str:
    """The name of a member's checker in the generated ``models/_kinds.py``: its shape's name, or a
    variant of it for a member that the model fixes constrain further (``Document_object``)."""
    return f"{shape_name}_object" if json_object else shape_name


def typed_dict(shape_name: str, *, output_variant: bool = False) -> str:
    """TypedDict for a structure, without stutter: ``UserPoolClientType`` -> ``UserPoolClientTypeDef``."""
    base = shape_name[: -len("Type")] if shape_name.endswith("Type") else shape_name
    return f"{base}{'Output' if output_variant else ''}TypeDef"


def paginator_class(operation: str) -> str:
    return f"{operation}Paginator"
