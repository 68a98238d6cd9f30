"""The router tables, merged and validated ahead of time, with the keyword stage's regexes
already compiled: a `marshal` file that skips the checks and the regex compiler.

Validating the TOML tables (schema, shadowing between intents, every misspelling of every
keyword) costs more than compiling them, and compiling the keyword stage's ~40 large
alternations costs more than both (`re`'s parser and code generator are Python).
`scripts/compile_router_tables.py` does both once and writes `agent/tables/router_compiled.marshal`:
the validated tables as plain tuples and dicts, stamped with the fingerprint of the TOML
documents, and each regex source with the code `re` compiles it to on this interpreter.

At run time a file whose stamp matches the documents is read instead of validating again; a
stale or damaged file is ignored (the tables are validated as before), so editing a table
without recompiling is slower, never wrong. The regexes are keyed by their source text alone:
`read_tables` hands `re` every one compiled for this interpreter (same version, same `_sre`
code format), so the keyword stage's own `re.compile` calls find them in `re`'s cache, exactly
as if it had compiled them itself. A regex edited since (a rule change) is not in the file and
is compiled as usual; on another interpreter every one is.

Pure apart from that cache: bytes in, tables out; `agent.router.rules.load_tables` reads.
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any, cast, get_args

from agent.router.rules import INTENTS, Intent, Keyword, KeywordKind, RouterTables
from agent.router.wordmap import WordMap
from agent.stamps import stamp

__all__ = [
    "COMPILED_FILE",
    "FORMAT",
    "dump_tables",
    "engine",
    "fingerprint",
    "read_tables",
    "regexes_of",
    "same_tables",
]

COMPILED_FILE = "router_compiled.marshal"
FORMAT = 3
"""Bumped whenever the layout of the file or the meaning of a table changes."""
_KINDS: tuple[KeywordKind, ...] = get_args(KeywordKind)
_MARSHAL_VERSION = 4
_Regex = tuple[str, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""source, the flags `re.compile` was given, the pattern's own flags, code, groups - 1,
group names -> index, index -> group name: the arguments of `_sre.compile`."""


def fingerprint(documents: Iterable[str]) -> str:
    """The stamp of a list of table documents (their text, in order, and the format)."""
    return stamp(f"router-tables/{FORMAT}", documents)


def engine() -> str:
    """The regex engine whose code the file holds: interpreter, exact version, `_sre` format."""
    sre = importlib.import_module("_sre")
    return f"{sys.implementation.name}-{sys.hexversion:x}-{sre.MAGIC}-{sre.CODESIZE}"


def dump_tables(tables: RouterTables, stamp: str, regexes: Iterable[re.Pattern[str]] = ()) -> bytes:
    """Validated tables (and `regexes` compiled for this interpreter) as `marshal` bytes,
    stamped with the documents' fingerprint."""
    data = {
        "format": FORMAT,
        "fingerprint": stamp,
        "keywords": tuple((k.intent, k.text, k.pattern, k.kind) for k in tables.keywords),
        "grammar": {name: tuple(words) for name, words in sorted(tables.grammar.items())},
        "byteorder": sys.byteorder,
        "typos": WordMap.from_dict(dict(sorted(tables.typos.items()))).parts(),
        "respell": WordMap.from_dict(dict(sorted(tables.respell.items()))).parts(),
        "fold": dict(sorted(tables.fold.items())),
        "engine": engine(),
        "regexes": tuple(entry for _, entry in sorted(_codes(regexes).items())),
    }
    return marshal.dumps(data, _MARSHAL_VERSION)


def same_tables(shipped: bytes, fresh: bytes) -> bool:
    """Whether two compiled files hold the same tables and the same regexes (marshal's bytes
    depend on reference counts, so the contents are compared)."""
    try:
        return bool(marshal.loads(shipped) == marshal.loads(fresh))  # noqa: S302
    except (ValueError, EOFError, TypeError):
        return False


def read_tables(data: bytes, stamp: str) -> RouterTables | None:
    """The tables from a compiled file, or None when it is stale, damaged or of another format
    (the caller then validates the documents themselves). Its regexes go to `re`'s cache."""
    try:
        # our own file, shipped inside the package beside the code that reads it
        content = marshal.loads(data)  # noqa: S302
        if (content.get("format"), content.get("fingerprint")) != (FORMAT, stamp):
            return None
        if content.get("byteorder") != sys.byteorder:
            return None
        tables = _tables(content)
    except (ValueError, EOFError, TypeError, KeyError, AttributeError):
        return None
    if tables is not None and content.get("engine") == engine():
        _prime(content.get("regexes", ()))
    return tables


def regexes_of(value: object, _seen: set[int] | None = None) -> Iterator[re.Pattern[str]]:
    """Every compiled regex an object holds, through its attributes and containers (what a
    keyword stage compiled when it was built)."""
    seen = set() if _seen is None else _seen
    if id(value) in seen or isinstance(value, str | bytes | int | float | bool | type(None)):
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from regexes_of(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from regexes_of(item, seen)
    elif type(value).__module__.startswith("agent."):
        fields = getattr(value, "__dict__", {})
        names = [*fields, *getattr(type(value), "__slots__", ())]
        for name in names:
            yield from regexes_of(getattr(value, name, None), seen)


def _tables(data: dict[str, Any]) -> RouterTables | None:
    keywords = []
    for intent, word, pattern, kind in data["keywords"]:
        if intent not in INTENTS or kind not in _KINDS:
            return None
        keywords.append(Keyword(intent, word, pattern, kind))
    typos: WordMap[Intent] = WordMap.from_parts(data["typos"])
    respell: WordMap[str] = WordMap.from_parts(data["respell"])
    grammar: dict[str, tuple[str, ...]] = data["grammar"]
    fold: dict[int, str] = data["fold"]
    # marshal yields exactly the types it was given; check the shapes, and the intents
    if not set(data["typos"][2]) <= set(INTENTS) or not all(
        isinstance(x, dict) for x in (grammar, fold)
    ):
        return None
    return RouterTables(
        keywords=tuple(keywords), grammar=grammar, typos=typos, respell=respell, fold=fold
    )


def _codes(regexes: Iterable[re.Pattern[str]]) -> dict[tuple[str, int], _Regex]:
    """Each regex's code by (source, flags given), those whose flags it reproduces."""
    codes = {}
    for regex in regexes:
        if isinstance(regex.pattern, str) and (entry := _code(regex)) is not None:
            codes[entry[0], entry[1]] = entry
    return codes


def _code(regex: re.Pattern[str]) -> _Regex | None:
    """What `re._compiler.compile` hands `_sre.compile` for this regex (the code is the
    interpreter's; `engine()` names it)."""
    parser: Any = importlib.import_module("re._parser")
    compiler: Any = importlib.import_module("re._compiler")
    source = regex.pattern
    given = regex.flags & ~parser.parse(source, 0).state.flags
    parsed = parser.parse(source, given)
    code = [int(op) for op in compiler._code(parsed, given)]
    names = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    index: list[str | None] = [None] * parsed.state.groups
    for name, at in names.items():
        index[at] = name
    own = given | parsed.state.flags
    if own != regex.flags:
        return None
    return (source, given, own, code, parsed.state.groups - 1, names, tuple(index))


def _prime(regexes: Iterable[_Regex]) -> None:
    """Put each regex, built from its code, in `re`'s cache under the key `re.compile(source,
    flags)` looks up; a regex `_sre` rejects is left to be compiled as usual."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return
    build = cast(Any, importlib.import_module("_sre")).compile
    for source, given, own, code, groups, names, index in regexes:
        key = (str, source, given)
        if key in cache:
            continue
        try:
            cache[key] = build(source, own, code, groups, names, index)
        except (RuntimeError, TypeError, ValueError):  # "invalid SRE code": compiled as usual
            continue
