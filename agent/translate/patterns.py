"""Regex building for the GUI tables: word lists as prefix trees, `{vocab}` placeholders, and
rule compilation with Latin word edges. Pure; `agent.translate.tables` validates and assembles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from agent.errors import ConfigError

__all__ = ["MASK_CLASS", "alternation", "compile_rule", "expand"]

# Masked spans (quotes, URLs, code) become single characters from Supplementary PUA-A.
MASK_CLASS = "[\U000f0000-\U000ffffd]"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def alternation(words: list[str], latin: bool) -> str:
    """One regex for many words, as a prefix tree ("preview(?:\\s+(?:window|pane)|)"): the
    longest word still wins, and the shared prefixes are parsed once, not once per word."""
    tree: dict[str, Any] = {}
    for word in {w.strip() for w in words if w.strip()}:
        node = tree
        for char in " ".join(word.lower().split()):
            node = node.setdefault(char, {})
        node[""] = {}
    body = _branches(tree) if tree else "(?!)"
    return rf"(?<![\w-])(?:{body})(?![\w-])" if latin else f"(?:{body})"


def _branches(node: dict[str, Any]) -> str:
    """A prefix tree as a regex; at each point the longer continuations are tried first."""
    options = []
    for char in sorted(c for c in node if c):
        head = r"\s+" if char == " " else re.escape(char)
        options.append(head + _branches(node[char]) if node[char] else head)
    if not options:
        return ""
    if "" in node:
        options.append("")
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"


def expand(pattern: str, vocab: Mapping[str, str], where: str) -> str:
    """`pattern` with each `{name}` replaced by its vocabulary alternation (`{mask}`: a masked
    span).

    Raises:
        ConfigError: A placeholder names no vocabulary list.
    """

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "mask":
            return MASK_CLASS
        if name not in vocab:
            raise ConfigError(f"{where}: unknown vocabulary {{{name}}}")
        return f"(?:{vocab[name]})"

    return _PLACEHOLDER.sub(sub, pattern)


def compile_rule(
    pattern: str,
    where: str,
    latin: bool,
    compiler: Callable[[str, int], re.Pattern[str]] = re.compile,
) -> re.Pattern[str]:
    """A rule's regex, case-insensitive; a Latin one only matches on word edges.

    Raises:
        ConfigError: The pattern is not a valid regex.
    """
    wrapped = rf"(?<![\w])(?:{pattern})(?![\w])" if latin else pattern
    try:
        return compiler(wrapped, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regex: {exc}") from exc
