"""Keyword tables for the router: TOML schema, loading, validation and compilation to regexes.

Tables are data (`agent/tables/router_*.toml`); a broken table is a `ConfigError` at load time.
No global state: callers load once and keep the compiled `Rules` (one per `KeywordRouter`).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from agent.errors import ConfigError
from agent.router_text import normalize
from agent.router_typos import Vocabulary, typo_variants

__all__ = [
    "INTENTS",
    "TABLE_FILES",
    "Intent",
    "Keyword",
    "RouterTables",
    "load_tables",
    "parse_tables",
]

Intent = Literal["export", "credits", "state", "upload", "sse"]
INTENTS: tuple[Intent, ...] = ("export", "credits", "state", "upload", "sse")
TABLE_FILES = ("router_en.toml", "router_zh.toml")

_LATIN_EDGE = re.compile(r"[a-z0-9]")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_SUFFIX = r"(?:s|es|ed|d|ing)?"
_VERB_SUFFIX = r"(?:s|es|ed|d|ing|[a-z]ing|[a-z]ed)?"  # trim -> trimming, drop -> dropped


class _IntentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    keywords: list[str]


class _GrammarModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    negators: list[str]
    negation_exceptions: list[str]
    deferrals: list[str]
    content_markers: list[str]
    marker_exceptions: list[str]
    connectors: list[str]
    edit_verbs: list[str]
    topic_nouns: list[str]
    first_markers: list[str]
    after_markers: list[str]
    fillers: list[str]
    not_typos: list[str]


class _TableModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    intents: dict[Intent, _IntentModel]
    grammar: _GrammarModel


@dataclass(frozen=True, slots=True)
class Keyword:
    """One table keyword: its intent, normalised text and compiled regex source."""

    intent: Intent
    text: str
    pattern: str


@dataclass(frozen=True, slots=True)
class RouterTables:
    """All keyword tables merged: keywords per intent plus the grammar word lists."""

    keywords: tuple[Keyword, ...]
    grammar: Mapping[str, tuple[str, ...]]
    typos: Mapping[str, Intent]
    """Misspelling -> intent, for Latin keywords of five letters or more."""

    def words(self, intent: Intent) -> list[str]:
        """The normalised keywords of one intent."""
        return [k.text for k in self.keywords if k.intent == intent]


def phrase_pattern(text: str, *, suffix: bool = False, verb: bool = False) -> str:
    """Regex source for a normalised phrase: Latin edges on word boundaries, CJK as substrings.

    `*` stands for up to three words between Latin words, or up to four CJK characters.
    """
    pieces = [p.strip() for p in text.split("*")]
    out = re.escape(pieces[0]).replace(r"\ ", r"\s+")
    for left, right in itertools.pairwise(pieces):
        cjk = bool(_CJK_CHAR.search(left[-1:] + right[:1]))
        gap = ".{0,4}?" if cjk else r"(?:\s+\S+){0,3}?\s+"
        out += gap + re.escape(right).replace(r"\ ", r"\s+")
    if _LATIN_EDGE.match(text[:1]):
        out = r"(?<![a-z0-9])" + out
    if _LATIN_EDGE.match(text[-1:]):
        ending = _VERB_SUFFIX if verb else _SUFFIX if suffix else ""
        out += ending + r"(?![a-z0-9])"
    return out


def _keywords(models: Iterable[_TableModel]) -> tuple[Keyword, ...]:
    seen: dict[str, Intent] = {}
    out: list[Keyword] = []
    for model in models:
        for intent, table in model.intents.items():
            for raw in table.keywords:
                text = normalize(raw)
                if not text or text.strip("* ") == "":
                    raise ConfigError(f"router table: empty keyword in intent {intent!r}")
                if text in seen:
                    raise ConfigError(
                        f"router table: duplicate keyword {text!r} ({seen[text]} and {intent})"
                    )
                seen[text] = intent
                out.append(Keyword(intent, text, phrase_pattern(text, suffix=True)))
    return tuple(out)


def _check_shadowing(keywords: tuple[Keyword, ...]) -> None:
    """Reject a keyword that another intent's keyword matches in full (it could never win)."""
    compiled = [(k, re.compile(k.pattern)) for k in keywords]
    for victim in keywords:
        sample = victim.text.replace("*", "x")
        for other, regex in compiled:
            if other.intent != victim.intent and regex.fullmatch(sample):
                raise ConfigError(
                    f"router table: {other.intent} keyword {other.text!r} shadows "
                    f"{victim.intent} keyword {victim.text!r}"
                )


def _grammar(models: Iterable[_TableModel]) -> dict[str, tuple[str, ...]]:
    merged: dict[str, list[str]] = {}
    for model in models:
        for name, words in model.grammar.model_dump().items():
            merged.setdefault(name, []).extend(normalize(w) for w in words)
    return {name: tuple(dict.fromkeys(words)) for name, words in merged.items()}


def _typos(
    keywords: tuple[Keyword, ...], grammar: Mapping[str, tuple[str, ...]]
) -> dict[str, Intent]:
    vocabulary = Vocabulary.from_phrases(
        [k.text for k in keywords] + [w for words in grammar.values() for w in words]
    )
    typos: dict[str, Intent] = {}
    for keyword in keywords:
        if keyword.intent == "sse" or not re.fullmatch(r"[a-z]{5,}", keyword.text):
            continue
        for variant in typo_variants(keyword.text):
            if vocabulary.knows(variant):
                continue
            owner = typos.setdefault(variant, keyword.intent)
            if owner != keyword.intent:
                raise ConfigError(
                    f"router table: misspelling {variant!r} is ambiguous ({owner}, "
                    f"{keyword.intent}); rename a keyword or add it to not_typos"
                )
    return typos


def parse_tables(documents: Iterable[str]) -> RouterTables:
    """Parse, merge and validate TOML table documents.

    Raises:
        ConfigError: A document is not valid TOML or breaks the schema, a keyword is duplicated,
            one intent's keyword shadows another's, or a misspelling maps to two intents.
    """
    models: list[_TableModel] = []
    for index, document in enumerate(documents):
        try:
            models.append(_TableModel.model_validate(tomllib.loads(document)))
        except (tomllib.TOMLDecodeError, ValidationError) as exc:
            raise ConfigError(f"router table #{index + 1} is invalid: {exc}") from exc
    keywords = _keywords(models)
    _check_shadowing(keywords)
    grammar = _grammar(models)
    return RouterTables(keywords=keywords, grammar=grammar, typos=_typos(keywords, grammar))


def load_tables(names: Iterable[str] = TABLE_FILES) -> RouterTables:
    """Load the bundled tables from `agent/tables/` (importlib.resources) and validate them.

    Raises:
        ConfigError: A table is missing or invalid.
    """
    folder = resources.files("agent") / "tables"
    documents: list[str] = []
    for name in names:
        try:
            documents.append((folder / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"router table {name!r} is missing from agent/tables") from None
    return parse_tables(documents)
