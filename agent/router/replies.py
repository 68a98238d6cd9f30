"""Clause forms the keyword stage reads whole or first: a retraction ("scratch that", "不对"),
a bare refusal ("Export? Nah, not yet."), and a text given "as the title".

Pure regexes over the keyword stage's normalised clauses.
"""

from __future__ import annotations

import re

__all__ = ["named_as", "refuses", "retracts"]

_RETRACTION = re.compile(
    r"^\s*(?:actually\s+(?:no|not|dont|wait|hold\s+on)|no\s+wait|wait\s+no|scratch\s+that"
    r"|never\s*mind|forget\s+(?:that|it)|cancel\s+(?:that|it)|on\s+second\s+thought"
    r"|不对|不是(?!再|要|让|叫)|等等|算了算了|先等等|唔系|唔啱)(?![a-z])"
)
# "Export? Nah, not yet.": a bare refusal answers the command asked before it.
_REFUSAL = re.compile(
    r"^\s*(?:(?:nah|no|nope|naw)\s*)?(?:not\s+(?:yet|now|today)|nah|no|nope|naw)\W*$"
    r"|^\s*(?:先不|还不|先别|不了|未住|还没)\W*$"
)
# "put Export Day 2024 as the title": the words before "as the title" are its text.
_NAMED_AS = re.compile(
    r"\b(?:put|use|set|make|have|write|type)\s+(.+?)\s+as\s+(?:the\s+|a\s+|my\s+|our\s+)?"
    r"(?:title|caption|subtitle|heading|headline|text|label|tagline)\b"
)


def retracts(clause: str) -> bool:
    """The clause takes back what came before ("actually no", "scratch that", "不对")."""
    return _RETRACTION.match(clause) is not None


def refuses(clause: str) -> bool:
    """The clause is a bare refusal ("nah, not yet", "先不"): it asks nothing itself and takes
    back an export asked before it."""
    return _REFUSAL.match(clause) is not None


def named_as(clause: str) -> re.Match[str] | None:
    """The words given "as the title" ("put Export Day 2024 as the title text"), group 1."""
    return _NAMED_AS.search(clause)
