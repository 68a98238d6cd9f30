"""Keyword tables for the router: TOML schema, loading, validation and compilation to regexes.

Tables are data (`agent/tables/router_*.toml`); a broken table is a `ConfigError` at load time.
No global state: callers load once and keep the compiled `Rules` (one per `KeywordRouter`).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from agent.errors import ConfigError
from agent.router.text import normalize
from agent.router.typos import Vocabulary, swap_variants, typo_variants

__all__ = [
    "INTENTS",
    "TABLE_FILES",
    "Intent",
    "Keyword",
    "KeywordKind",
    "RouterTables",
    "alternation",
    "load_tables",
    "parse_tables",
]

Intent = Literal["export", "credits", "state", "upload", "sse"]
KeywordKind = Literal["keyword", "noun", "alone", "asked"]
INTENTS: tuple[Intent, ...] = ("export", "credits", "state", "upload", "sse")
TABLE_FILES = ("router_en.toml", "router_zh.toml")

_LATIN_EDGE = re.compile(r"[a-z0-9]")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]+")
_PHRASE_WORD = re.compile(r"(?<![a-z])[a-z]{4,}(?![a-z])")
_SUFFIX = r"(?:s|es|ed|d|ing)?"
# Between two Latin words: up to three words, or a few CJK characters ("show一下tracks"). The
# CJK class is spelled "beyond Latin-1": a wide range costs ms to compile in every keyword.
_LATIN_GAP = r"(?:(?:\s+\S+){0,3}?\s+|\s*[^\x00-\xff\s]{1,4}\s*)"
# a first word ending in a consonant and a silent e ("change", "tone down"), never "free", "see";
# "including" is a preposition, "generating the deliverable" may name the export itself and
# "is making this going to cost me" the work as a whole
_SILENT_E = re.compile(
    r"^(?!(?:in|ex)clude\b|(?:re)?generate\b|create\b|make\b)[a-z]*[b-df-hj-np-tv-z]e(?:\s|$)"
)
_VERB_SUFFIX = r"(?:s|es|ed|d|ing|[a-z]ing|[a-z]ed)?"  # trim -> trimming, drop -> dropped


class _IntentModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    keywords: list[str]
    nouns: list[str] = []
    """Noun phrases ("video file", "成片"): the command alone, content when an edit governs them."""
    alone: list[str] = []
    """Words that ask for this intent only as a whole clause ("timeline pls", "轨道?")."""
    asked: list[str] = []
    """Words that ask for this intent only inside a question ("can I afford two more?",
    "where does the edit stand?", "剪到哪了"); elsewhere they are content."""


class _GrammarModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    negators: list[str]
    negation_exceptions: list[str]
    deferrals: list[str]
    foreign_negators: list[str] = []
    """Negators of languages the tables do not otherwise read: never taken for English."""
    foreign_deferrals: list[str] = []
    """Deferrals of languages the tables do not otherwise read ("export mat karna")."""
    content_markers: list[str]
    marker_exceptions: list[str]
    connectors: list[str]
    edit_verbs: list[str]
    topic_nouns: list[str]
    first_markers: list[str]
    after_markers: list[str]
    fillers: list[str]
    not_typos: list[str]
    sequence_markers: list[str] = []
    light_verbs: list[str] = []
    """A verb and determiner that only name a command ("make the final export")."""
    determiners: list[str] = []
    """Before a command word, make it a thing: "add a download icon", "the export looks"."""
    predicates: list[str] = []
    """After "the export", describe it instead of asking for it ("the export looks blurry")."""
    dismissals: list[str] = []
    """A clause that opens with one sets its subject aside ("forget the title", "算了")."""
    presentations: list[str] = []
    """Words that only hand a file over ("here you go", "照片给你"); anything else with media
    asks for something."""
    politeness: list[str] = []
    """Words around a whole-clause keyword that do not change it ("please", "吧")."""
    attributives: list[str] = []
    """After a command word, make it describe a noun ("导出的视频")."""
    prepositions: list[str] = []
    """Between an edit verb and credits/state, end the verb's reach ("make with my credits")."""
    disposals: list[str] = []
    """Just before credits/state with an edit verb after, make them its object ("把状态调好")."""
    failures: list[str] = []
    """After a command word, report that it failed for the user ("the export button isn't
    working"): not a request, unless the user hands the command over (`delegations`)."""
    delegations: list[str] = []
    """A clause handing the failed command to us ("can you just do it", "你帮我弄")."""
    common_words: list[str] = []
    """Common words that name nothing for the router; with the tables' own words, what the
    router reads as English (a clause mostly of other words is in a language it does not read)."""
    """Split a clause in order when they follow a word ("导出之后告诉我积分")."""


class _FoldingModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    traditional: str = ""
    """Space-separated pairs: a Traditional character followed by its Simplified form."""
    colloquial: str = ""
    """Cantonese characters and their Mandarin reading, for the translator (the router reads
    Cantonese words through `agent.router.text`)."""
    variants: str = ""
    """More Traditional -> Simplified pairs, read by the router's matching only (never written
    back, never taken as a sign of a Traditional message)."""


class _TableModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    intents: dict[Intent, _IntentModel]
    grammar: _GrammarModel
    folding: _FoldingModel = _FoldingModel()


@dataclass(frozen=True, slots=True)
class Keyword:
    """One table keyword: its intent, normalised text, compiled regex source and kind."""

    intent: Intent
    text: str
    pattern: str
    kind: KeywordKind = "keyword"

    @property
    def noun(self) -> bool:
        """A noun phrase: content when an edit governs it."""
        return self.kind == "noun"


@dataclass(frozen=True, slots=True)
class RouterTables:
    """All keyword tables merged: keywords per intent plus the grammar word lists."""

    keywords: tuple[Keyword, ...]
    grammar: Mapping[str, tuple[str, ...]]
    typos: Mapping[str, Intent]
    """Misspelling -> intent, for Latin keywords of five letters or more."""
    respell: Mapping[str, str] = field(default_factory=dict)
    """Misspelling -> word, for longer Latin words inside phrases ("timline" -> "timeline")."""
    fold: Mapping[int, str] = field(default_factory=dict)
    """Traditional -> Simplified characters, a `str.translate` table."""

    def words(self, intent: Intent, kind: KeywordKind | None = None) -> list[str]:
        """The normalised keywords of one intent (of one kind, when asked)."""
        return [
            k.text for k in self.keywords if k.intent == intent and (kind is None or k.kind == kind)
        ]


def _core(text: str) -> str:
    """A phrase's regex without its word-boundary edges (see `phrase_pattern`)."""
    pieces = [p.strip() for p in text.split("*")]
    out = re.escape(pieces[0]).replace(r"\ ", r"\s+")
    for left, right in itertools.pairwise(pieces):
        cjk = bool(_CJK_CHAR.search(left[-1:] + right[:1]))
        gap = ".{0,4}?" if cjk else _LATIN_GAP
        out += gap + re.escape(right).replace(r"\ ", r"\s+")
    return out


def _gerund(phrase: str) -> str:
    """A phrase whose first word drops its silent e before -ing ("make it" -> "making it")."""
    head, _, rest = phrase.partition(" ")
    return f"{head[:-1]}ing {rest}".rstrip()


def _edges(text: str, *, suffix: bool, verb: bool) -> tuple[str, str]:
    start = r"(?<![a-z0-9])" if _LATIN_EDGE.match(text[:1]) else ""
    end = ""
    if _LATIN_EDGE.match(text[-1:]):
        end = (_VERB_SUFFIX if verb else _SUFFIX if suffix else "") + r"(?![a-z0-9]|-[a-z])"
    return start, end


def phrase_pattern(text: str, *, suffix: bool = False, verb: bool = False) -> str:
    """Regex source for a normalised phrase: Latin edges on word boundaries, CJK as substrings.

    `*` stands for up to three words (or up to four CJK characters) between Latin words, or up
    to four characters next to CJK; a leading `*` before CJK takes up to four characters in
    front ("*完了吗": "生成完了吗"). A Latin phrase hyphenated to a following word is a
    modifier, not the phrase ("an export-style look").
    """
    start, end = _edges(text, suffix=suffix, verb=verb)
    return start + _core(text) + end


def _keywords(models: Iterable[_TableModel]) -> tuple[Keyword, ...]:
    seen: dict[str, Intent] = {}
    out: list[Keyword] = []
    for model in models:
        for intent, table in model.intents.items():
            tagged: list[tuple[str, KeywordKind]] = [(raw, "keyword") for raw in table.keywords]
            tagged += [(raw, "noun") for raw in table.nouns]
            tagged += [(raw, "alone") for raw in table.alone]
            tagged += [(raw, "asked") for raw in table.asked]
            for raw, kind in tagged:
                text = normalize(raw)
                _check_wildcards(text, intent)
                if text in seen:
                    raise ConfigError(
                        f"router table: duplicate keyword {text!r} ({seen[text]} and {intent})"
                    )
                seen[text] = intent
                out.append(Keyword(intent, text, phrase_pattern(text, suffix=True), kind))
    return tuple(out)


def _check_wildcards(text: str, intent: Intent) -> None:
    """A keyword needs words; `*` joins them, and may lead only into CJK ("*完了吗")."""
    if not text or text.strip("* ") == "":
        raise ConfigError(f"router table: empty keyword in intent {intent!r}")
    if text.endswith("*") or (text.startswith("*") and not _CJK_CHAR.match(text.lstrip("* "))):
        raise ConfigError(f"router table: keyword {text!r} has a dangling '*'")


def alternation(words: Iterable[str], *, suffix: bool = False, verb: bool = False) -> str:
    """One regex source for many phrases, longest first (a regex that never matches for none).

    The keyword stage compiles exactly these strings, so the validation below shares `re`'s
    cache with it instead of compiling every keyword twice.
    """
    # Phrases sharing their edges share one boundary check: a quarter of the regex to compile.
    if verb:  # "change" -> "changing", "tone down" -> "toning down": the silent e drops
        words = list(words)
        words += [_gerund(w) for w in words if _SILENT_E.match(w)]
    groups: dict[tuple[str, str], list[str]] = {}
    # (in the tables' order among equal lengths, so the source is the same in every process and
    # the compiled file's regexes match it: see agent.router.compiled)
    for word in sorted(dict.fromkeys(words), key=len, reverse=True):
        groups.setdefault(_edges(word, suffix=suffix, verb=verb), []).append(_core(word))
    patterns = (
        f"{start}(?:{'|'.join(cores)}){end}" if start or end else "|".join(cores)
        for (start, end), cores in groups.items()
    )
    return "|".join(patterns) or r"(?!x)x"


def _check_shadowing(keywords: tuple[Keyword, ...]) -> None:
    """Reject a keyword that another intent's keyword matches in full (it could never win).

    One alternation per intent and kind finds a clash; only then is the culprit looked up.
    """
    groups: dict[tuple[Intent, KeywordKind], list[str]] = {}
    for keyword in keywords:
        groups.setdefault((keyword.intent, keyword.kind), []).append(keyword.text)
    compiled = [
        (intent, re.compile(alternation(words, suffix=True)))
        for (intent, _), words in groups.items()
    ]
    for victim in keywords:
        sample = victim.text.replace("*", "x")
        for intent, regex in compiled:
            if intent != victim.intent and regex.fullmatch(sample):
                other = next(
                    k for k in keywords if k.intent == intent and re.fullmatch(k.pattern, sample)
                )
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


def _typos(keywords: tuple[Keyword, ...], vocabulary: Vocabulary) -> dict[str, Intent]:
    typos: dict[str, Intent] = {}
    for keyword in keywords:
        single = keyword.kind == "keyword" and re.fullmatch(r"[a-z]{5,}", keyword.text)
        if keyword.intent == "sse" or not single:
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


def _respellings(
    keywords: tuple[Keyword, ...], vocabulary: Vocabulary, typos: Mapping[str, Intent]
) -> dict[str, str]:
    """Misspellings of the command words that `typos` does not cover, to the word: any one edit
    for six letters or more ("timline"), a swapped pair for four or five ("shwo").

    A variant that could be two such words is ambiguous and left alone.
    """
    singles = {k.text for k in keywords if k.kind == "keyword" and len(k.text) >= 5}
    words = sorted(
        {
            w
            for k in keywords
            if k.intent != "sse" and k.kind != "asked"
            for w in _PHRASE_WORD.findall(k.text)
        }
        - singles
    )
    found: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in words:
        variants = typo_variants(word) if len(word) >= 6 else swap_variants(word)
        for variant in variants - typos.keys():
            if not vocabulary.knows(variant) and found.setdefault(variant, word) != word:
                ambiguous.add(variant)
    return {variant: word for variant, word in found.items() if variant not in ambiguous}


def _folding(models: Iterable[_TableModel], keywords: tuple[Keyword, ...]) -> dict[int, str]:
    """The Traditional -> Simplified translate table, checked: one target per character, no
    chains, and no keyword that folding would make unmatchable."""
    fold: dict[int, str] = {}
    pairs = (
        p
        for model in models
        for p in (*model.folding.traditional.split(), *model.folding.variants.split())
    )
    for pair in pairs:
        if len(pair) != 2 or pair[0] == pair[1] or not _CJK_CHAR.fullmatch(pair[0] + pair[1]):
            raise ConfigError(f"router table: folding pair {pair!r} is not two CJK characters")
        if fold.setdefault(ord(pair[0]), pair[1]) != pair[1]:
            raise ConfigError(f"router table: folding of {pair[0]!r} is given twice")
    chained = [chr(k) for k, v in fold.items() if ord(v) in fold]
    if chained:
        raise ConfigError(f"router table: folding of {chained[0]!r} leads to another fold")
    unmatchable = [k.text for k in keywords if k.text.translate(fold) != k.text]
    if unmatchable:
        raise ConfigError(f"router table: keyword {unmatchable[0]!r} is rewritten by folding")
    return fold


def parse_tables(documents: Iterable[str]) -> RouterTables:
    """Parse, merge and validate TOML table documents.

    Raises:
        ConfigError: A document is not valid TOML or breaks the schema, a keyword is duplicated,
            one intent's keyword shadows another's, a misspelling maps to two intents, or a
            folding pair is malformed, given twice, chained or rewrites a keyword.
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
    vocabulary = Vocabulary.from_phrases(
        [k.text for k in keywords] + [w for words in grammar.values() for w in words]
    )
    typos = _typos(keywords, vocabulary)
    return RouterTables(
        keywords=keywords,
        grammar=grammar,
        typos=typos,
        respell=_respellings(keywords, vocabulary, typos),
        fold=_folding(models, keywords),
    )


def load_tables(names: Iterable[str] = TABLE_FILES) -> RouterTables:
    """Load the bundled tables from `agent/tables/` (importlib.resources) and validate them,
    or read them already validated from the compiled file made for exactly these documents.

    Raises:
        ConfigError: A table is missing or invalid.
    """
    from agent.router.compiled import COMPILED_FILE, fingerprint, read_tables

    folder = resources.files("agent") / "tables"
    documents: list[str] = []
    for name in names:
        try:
            documents.append((folder / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"router table {name!r} is missing from agent/tables") from None
    try:  # validated ahead of time for exactly these documents (see agent.router.compiled)
        compiled = read_tables((folder / COMPILED_FILE).read_bytes(), fingerprint(documents))
    except FileNotFoundError:
        compiled = None
    return compiled if compiled is not None else parse_tables(documents)
