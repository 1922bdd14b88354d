"""The model's HTML documentation, as short plain text for docstrings."""

from __future__ import annotations

import html
import re
import textwrap

_BLOCK = re.compile(r"</?(p|li|ul|ol|note|important|para|dl|dt|dd|br)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_PLAIN_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def to_text(doc: str) -> str:
    """HTML to paragraphs of plain text separated by blank lines."""
    text = _BLOCK.sub("\n", doc)
    text = html.unescape(_TAG.sub("", text)).translate(_PLAIN_QUOTES)
    paragraphs = [_SPACE.sub(" ", p).strip() for p in text.split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


def summary(doc: str, limit: int = 300, width: int = 100) -> str:
    """The first paragraph, cut at a sentence end near ``limit`` characters, wrapped at ``width``."""
    text = to_text(doc).split("\n\n", 1)[0]
    if len(text) > limit:
        ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() <= limit]
        text = text[: ends[-1]] if ends else text[:limit].rsplit(" ", 1)[0] + " ..."
    return textwrap.fill(docstring_safe(text), width=width, break_long_words=False, break_on_hyphens=False)


def docstring_safe(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip('"')
