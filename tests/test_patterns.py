"""The model's patterns are Java regexes; ``java_pattern`` must match as ``Matcher.matches`` would."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import python_regex
from support import SERVICE

from cognito_typed._runtime.patterns import java_pattern

PATTERNS = sorted({s.constraints.pattern for s in SERVICE.shapes.values() if s.constraints.pattern})

CASES = [
    # (pattern, value, Java's answer)
    # whole-string match, not search
    (r"[0-9]+", "123", True),
    (r"[0-9]+", "123a", False),
    (r"[0-9]+", "a123", False),
    # \w, \d and \s are ASCII-only in Java (without UNICODE_CHARACTER_CLASS)
    (r"[\w+]+", "abc_DEF+09", True),
    (r"[\w+]+", "é", False),
    (r"[0-9]+", "٣", False),
    (r"[\w\s+=,.@-]+", "a\u00a0b", False),
    (r"[\w\s+=,.@-]+", "a \tb\n", True),
    # \S is everything but ASCII whitespace
    (r"[\S]+", "é中€", True),
    (r"[\S]+", "a b", False),
    # Unicode categories
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "José", True),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "用户名", True),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "€½«é\u0301", True),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "a b", False),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "a\u00a0b", False),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+", "a\u00a0b c", True),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*", "Código: {####}", True),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*\{####\}[\p{L}\p{M}\p{S}\p{N}\p{P}\s*]*", "Código: {###}", False),
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "jörg@bücher.de", True),
    # a negated class with a category
    (r"[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+", "Ökoé", True),
    (r"[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+", "_abc", False),
    (r"[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+", "ab\u2003c", False),
    # anchors, ranges, lookbehind
    (r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my.bucket", True),
    (r"^[0-9A-Za-z\.\-_]*(?<!\.)$", "my.bucket.", False),
    (r"^[a-z0-9]+$", "abc\n", False),
    (r"[A-Za-z0-9-_+/=.]+", "a-b_c+/=.", True),
    (r"^https://[!$-;=@-\[\]_a-z~]+$", "https://example.com/[x]", True),
    (r"^https://[!$-;=@-\[\]_a-z~]+$", "https://Example.com", True),
    (r"^https://[!$-;=@-\[\]_a-z~]+$", "https://example.com/{x}", False),
    # (?s) lets . match line terminators
    (r"(?s).*", "line\r\nline\u2028", True),
    (r".*\{####\}.*", "Your code is {####}", True),
    (r".*\{####\}.*", "Your code\n is {####}", False),
]


@pytest.mark.parametrize(("pattern", "value", "java"), CASES)
def test_matches_like_java(pattern: str, value: str, java: bool) -> None:
    assert java_pattern(pattern).fullmatch(value) is java


@pytest.mark.parametrize("terminator", ["\r", "\r\n", "\u0085", "\u2028", "\u2029"])
def test_dot_matches_no_java_line_terminator(terminator: str) -> None:
    """Without (?s), Java's ``.`` matches no line terminator (``java.util.regex.Pattern``: \\n, \\r,
    \\r\\n, \\u0085, \\u2028, \\u2029); Python's ``.`` only leaves out \\n. SmsVerificationMessageType
    is ``.*\\{####\\}.*``, so an SMS template with a carriage return must be rejected."""
    sms = java_pattern(r".*\{####\}.*")
    assert sms.fullmatch(f"Your code{terminator} is {{####}}") is False


def test_every_model_pattern_compiles() -> None:
    assert len(PATTERNS) == 48  # the distinct patterns of the model, with codegen/model_fixes.py applied
    for pattern in PATTERNS:
        assert java_pattern(pattern) is java_pattern(pattern)  # compiled once, cached


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if r"\p{" in p])
@given(data=st.data())
def test_category_patterns_agree_with_a_plain_translation(pattern: str, data: st.DataObject) -> None:
    """For ASCII-plus-samples text, \\p{X} spelled out as explicit characters gives the same answers."""
    import re

    from strategies import CANDIDATES

    value = data.draw(st.text(st.sampled_from(CANDIDATES), max_size=12))
    plain = re.compile(python_regex(pattern), re.ASCII)
    assert java_pattern(pattern).fullmatch(value) is (plain.fullmatch(value) is not None)
