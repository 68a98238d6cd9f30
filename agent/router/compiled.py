"""The router tables, merged and validated ahead of time: a data file that skips the checks.

Validating the TOML tables (schema, shadowing between intents, every misspelling of every
keyword) costs more than compiling them. `scripts/compile_router_tables.py` runs it once and
writes `agent/tables/router_compiled.json`, stamped with the fingerprint of the TOML documents
it was made from. At run time a file whose stamp matches the documents is read instead of
validating again; a stale or damaged file is ignored (the tables are validated as before), so
editing a table without recompiling is slower, never wrong.

Pure: text in, tables out; `agent.router.rules.load_tables` does the reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, cast, get_args

from agent.router.rules import INTENTS, Intent, Keyword, KeywordKind, RouterTables
from agent.stamps import stamp

__all__ = ["COMPILED_FILE", "FORMAT", "dump_tables", "fingerprint", "read_tables"]

COMPILED_FILE = "router_compiled.json"
FORMAT = 1
"""Bumped whenever the layout of the file or the meaning of a table changes."""
_KINDS: tuple[KeywordKind, ...] = get_args(KeywordKind)


def fingerprint(documents: Iterable[str]) -> str:
    """The stamp of a list of table documents (their text, in order, and the format)."""
    return stamp(f"router-tables/{FORMAT}", documents)


def dump_tables(tables: RouterTables, stamp: str) -> str:
    """Validated tables as JSON text, stamped with the documents' fingerprint."""
    data = {
        "format": FORMAT,
        "fingerprint": stamp,
        "keywords": [[k.intent, k.text, k.pattern, k.kind] for k in tables.keywords],
        "grammar": {name: list(words) for name, words in tables.grammar.items()},
        "typos": dict(tables.typos),
        "respell": dict(tables.respell),
        "fold": {chr(k): v for k, v in tables.fold.items()},
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def read_tables(text: str, stamp: str) -> RouterTables | None:
    """The tables from a compiled file, or None when it is stale, damaged or of another format
    (the caller then validates the documents themselves)."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT or data.get("fingerprint") != stamp:
            return None
        return _tables(data)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _tables(data: dict[str, Any]) -> RouterTables | None:
    keywords = []
    for intent, word, pattern, kind in data["keywords"]:
        if intent not in INTENTS or kind not in _KINDS:
            return None
        keywords.append(
            Keyword(cast(Intent, intent), str(word), str(pattern), cast(KeywordKind, kind))
        )
    typos: dict[str, Intent] = {}
    for word, intent in data["typos"].items():
        if intent not in INTENTS:
            return None
        typos[str(word)] = cast(Intent, intent)
    return RouterTables(
        keywords=tuple(keywords),
        grammar={str(k): tuple(str(w) for w in v) for k, v in data["grammar"].items()},
        typos=typos,
        respell={str(k): str(v) for k, v in data["respell"].items()},
        fold={ord(k): str(v) for k, v in data["fold"].items()},
    )
