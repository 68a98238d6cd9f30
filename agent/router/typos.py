"""Misspellings of Latin keywords one edit away (delete, insert, substitute, swap neighbours).

Variants are precomputed once per router, so matching a typo is a dictionary lookup.
Real words one edit from a keyword ("expert", "unload") are excluded through a `Vocabulary`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Vocabulary", "swap_variants", "typo_variants"]

_WORD = re.compile(r"[a-z]+")


def typo_variants(word: str) -> set[str]:
    """Every string at optimal-string-alignment distance 1 from `word` (lowercase a-z edits).

    Args:
        word: A lowercase keyword.

    Returns:
        The variants, without `word` itself.
    """
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    substitutions = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return (deletes | swaps | substitutions | inserts) - {word}


def swap_variants(word: str) -> set[str]:
    """`word` with two neighbouring letters swapped ("shwo" for "show"), without `word` itself.

    Short words have too many real neighbours for every edit; a swapped pair rarely is one.
    """
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words that are never treated as misspellings: table words and known real words."""

    words: frozenset[str]

    @classmethod
    def from_phrases(cls, phrases: Iterable[str]) -> Vocabulary:
        """Collect every Latin word (and its plural/verb forms) from table phrases."""
        words: set[str] = set()
        for phrase in phrases:
            for word in _WORD.findall(phrase):
                words.update((word, word + "s", word + "es", word + "ed", word + "d", word + "ing"))
        return cls(frozenset(words))

    def knows(self, word: str) -> bool:
        """True when `word` is a table word or a guarded real word."""
        return word in self.words
