"""Run the model's Java-flavoured patterns with Python's ``re``.

The model's patterns follow ``java.util.regex``: whole-string match, ASCII ``\\w``,
``\\s`` and ``\\d``, a ``.`` that matches no line terminator (``\\n \\r \\u0085 \\u2028
\\u2029``; Python's leaves out only ``\\n``), and Unicode categories ``\\p{L}``, which
Python's ``re`` does not have. So ``.`` is spelled out, and a pattern with categories is
rewritten: each ``\\p{X}`` becomes the ASCII members of category X plus one private-use
placeholder standing for "any non-ASCII character of category X", and the value is matched
with its non-ASCII characters replaced by the placeholder of their category. Nothing else
about the pattern changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache

_CATEGORIES = "CLMNPSZ"
_PLACEHOLDER = {c: chr(0xF0000 + i) for i, c in enumerate(_CATEGORIES)}
_CATEGORY_RE = re.compile(r"\\p\{([A-Z])\}")
_JAVA_DOT = "[^\\n\\r\\x85\\u2028\\u2029]"
_ONE_CLASS_RUN = re.compile(r"\^?\[(?:\\.|[^\\\[\]])+\]([+*])\$?")
"""A translated pattern that is one character class (no nested ``[``, no ``]`` but the last) repeated."""


def _ascii_members(category: str) -> str:
    return "".join(re.escape(chr(i)) for i in range(128) if unicodedata.category(chr(i)).startswith(category))


def _translate(pattern: str) -> str:
    dotall = pattern.startswith("(?s)")
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        match = _CATEGORY_RE.match(pattern, i)
        if match:
            category = match.group(1)
            members = _ascii_members(category) + _PLACEHOLDER[category]
            out.append(members if in_class else f"[{members}]")
            i = match.end()
            continue
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if char == "." and not in_class and not dotall:
            out.append(_JAVA_DOT)
            i += 1
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] not in ("[", "[^"):
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


def _to_categories(value: str) -> str:
    category = unicodedata.category
    return "".join(c if c < "\x80" else _PLACEHOLDER[category(c)[0]] for c in value)


class JavaPattern:
    """A compiled model pattern; :meth:`fullmatch` is Java's ``Matcher.matches``."""

    __slots__ = ("_by_category", "_regex", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._by_category = _CATEGORY_RE.search(source) is not None
        self._regex = re.compile(_translate(source), re.ASCII)

    def fullmatch(self, value: str) -> bool:
        if self._by_category and not value.isascii():
            value = _to_categories(value)
        return self._regex.fullmatch(value) is not None

    def ascii_run(self) -> tuple[bytes, int] | None:
        """When the pattern is one character class repeated (``[...]+`` or ``[...]*``, anchored or not),
        the ASCII characters the class takes, as 16 bytes (bit ``c % 8`` of byte ``c // 8`` for the
        character ``c``), and the least number of them (1 or 0): an ASCII value matches exactly when
        it has that many and all are in the set. None for any other pattern."""
        return _ascii_run(self._regex)

    def matcher(self) -> Callable[[str], object]:
        """The fastest callable that is truthy exactly when :meth:`fullmatch` is: the compiled
        regex's own ``fullmatch`` for a pattern without Unicode categories."""
        return self.fullmatch if self._by_category else self._regex.fullmatch


@cache  # (once per pattern: a kind's checks are compiled for every class that uses the kind)
def _ascii_run(regex: re.Pattern[str]) -> tuple[bytes, int] | None:
    run = _ONE_CLASS_RUN.fullmatch(regex.pattern)
    if run is None:
        return None
    bits = bytearray(16)
    for c in range(128):
        if regex.fullmatch(chr(c)) is not None:
            bits[c >> 3] |= 1 << (c & 7)
    return bytes(bits), 1 if run.group(1) == "+" else 0


@cache
def java_pattern(source: str) -> JavaPattern:
    return JavaPattern(source)
