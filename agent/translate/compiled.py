"""The GUI tables' regexes compiled ahead of time: a data file that skips the regex compiler.

Loading the GUI tables is mostly Python's regex compiler (parsing ~280 patterns built from the
word lists into SRE programs). `scripts/compile_gui_tables.py` compiles them once and writes
the programs to `agent/tables/gui_compiled.json`, stamped with the fingerprint of the table
documents AND of the running regex engine (Python version, `_sre.MAGIC`, `_sre.CODESIZE`). At
run time a file whose stamp matches hands each program straight to `_sre.compile`, which
validates it; a stale, damaged or foreign file is ignored and the patterns are compiled as
before, so editing a table or changing Python without recompiling is slower, never wrong.

Pure apart from the engine's own modules; `agent.translate.tables.load_gui_tables` reads the
file. `_sre` and `re._parser`/`re._compiler` are CPython internals: every use is guarded.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from agent.stamps import stamp

if TYPE_CHECKING:
    from pydantic import BaseModel

    M = TypeVar("M", bound=BaseModel)

__all__ = [
    "COMPILED_FILE",
    "FORMAT",
    "Regexes",
    "dump_programs",
    "engine",
    "fingerprint",
    "read_programs",
]

COMPILED_FILE = "gui_compiled.json"
FORMAT = 1
"""Bumped whenever the layout of the file changes."""

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""An SRE program: flags, code, groups - 1, group index, index group (see `_sre.compile`)."""


def engine() -> str:
    """The regex engine the programs are for (a program is only valid for the same one)."""
    return _engine()


def _engine() -> str:
    try:
        import _sre  # type: ignore[import-not-found]

        return f"{sys.version_info[:2]}/{_sre.MAGIC}/{_sre.CODESIZE}/{sys.maxunicode}"
    except (ImportError, AttributeError):  # pragma: no cover - another Python implementation
        return "no-sre"


def fingerprint(documents: Iterable[str]) -> str:
    """The stamp of the table documents (text, in order), the file format and the engine."""
    return stamp(f"gui-tables/{FORMAT}/{_engine()}", documents)


class Regexes:
    """`re.compile` for the table loaders, with ahead-of-time programs when there are some.

    `programs` come from `read_programs` (keyed by `key`); with `record`, every pattern
    compiled here is also kept as a program in `recorded`, for `dump_programs`.
    """

    def __init__(
        self,
        programs: Mapping[str, Program] | None = None,
        record: bool = False,
        alternations: Mapping[str, str] | None = None,
        documents: Mapping[str, Any] | None = None,
    ):
        """A compiler over `programs` (none: plain `re.compile`), word-list `alternations` and
        parsed TOML `documents` made ahead of time."""
        self._programs = programs or {}
        self._alternations = alternations or {}
        self._documents = documents or {}
        self._record = record
        self.recorded: dict[str, Program] = {}
        self.recorded_alternations: dict[str, str] = {}
        self.recorded_documents: dict[str, Any] = {}

    def alternation(self, words: list[str], latin: bool) -> str:
        """`patterns.alternation(words, latin)`, from the file when it holds it."""
        from agent.translate.patterns import alternation

        key = hashlib.sha256(json.dumps([words, latin], ensure_ascii=False).encode()).hexdigest()
        found = self._alternations.get(key)
        if found is None:
            found = alternation(words, latin)
            if self._record:
                self.recorded_alternations[key] = found
        return found

    def toml(self, name: str, text: str) -> Any:
        """`tomllib.loads(text)` of the document `name`, from the file when it holds it.

        Raises:
            tomllib.TOMLDecodeError: The text is not valid TOML (only when parsed here).
        """
        import tomllib

        found = self._documents.get(name)
        if found is None:
            found = tomllib.loads(text)
            if self._record:
                self.recorded_documents[name] = found
        return found

    def languages(self, name: str, text: str, model: type[M]) -> tuple[M, M]:
        """The `en` and `zh` tables of the document `name`, each validated as `model`.

        Raises:
            ConfigError: The document is not valid TOML or breaks the schema.
        """
        import tomllib

        from pydantic import ValidationError

        from agent.errors import ConfigError

        try:
            data = self.toml(name, text)
            return model.model_validate(data["en"]), model.model_validate(data["zh"])
        except (tomllib.TOMLDecodeError, ValidationError, KeyError) as exc:
            raise ConfigError(f"invalid {name}: {exc}") from exc

    def __len__(self) -> int:
        """How many ahead-of-time programs this compiler holds."""
        return len(self._programs)

    @staticmethod
    def key(pattern: str, flags: int) -> str:
        """The lookup key of one pattern and its flags."""
        return f"{int(flags)}:{pattern}"

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`pattern` compiled, from its stored program when it has a valid one.

        Raises:
            re.error: The pattern is not a valid regex (only when compiled here).
        """
        key = self.key(pattern, flags)
        program = self._programs.get(key)
        if program is not None:
            try:
                import _sre

                compiled: re.Pattern[str] = _sre.compile(pattern, *program)
                return compiled
            except (ImportError, RuntimeError, TypeError, ValueError, OverflowError):
                pass  # damaged or foreign: compile it the ordinary way
        if self._record:
            self.recorded[key] = _program(pattern, int(flags))
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> Program:
    """The SRE program the compiler makes for `pattern` (as `re._compiler.compile` does)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        flags | parsed.state.flags,
        list(code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def dump_programs(regexes: Regexes, stamp: str) -> str:
    """What `regexes` recorded as JSON text (code packed: uint32, zlib, base64), stamped."""
    entries = []
    for key, (flags, code, groups, groupindex, indexgroup) in sorted(regexes.recorded.items()):
        packed = base64.b64encode(zlib.compress(array("I", code).tobytes(), 9)).decode()
        entries.append([key, flags, packed, groups, groupindex, list(indexgroup)])
    payload = {
        "programs": entries,
        "alternations": regexes.recorded_alternations,
        "documents": regexes.recorded_documents,
    }
    # documents keep their key order: the order of kinds, rules and lists is meaningful
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(body.encode()).hexdigest()
    header = {"engine": _engine(), "format": FORMAT, "fingerprint": stamp, "sha256": digest}
    return json.dumps(header, sort_keys=True) + "\n" + body + "\n"


def read_programs(text: str, stamp: str) -> Regexes:
    """A compiler over the contents of a compiled file; a plain one when the file is stale,
    damaged or of another format or engine (the patterns are then compiled as usual)."""
    try:
        first, _, body = text.partition("\n")
        header = json.loads(first)
        if header.get("format") != FORMAT or header.get("fingerprint") != stamp:
            return Regexes()
        if hashlib.sha256(body.rstrip("\n").encode()).hexdigest() != header.get("sha256"):
            return Regexes()  # damaged since it was written
        data: dict[str, Any] = json.loads(body)
        programs: dict[str, Program] = {}
        for key, flags, packed, groups, groupindex, indexgroup in data["programs"]:
            code = array("I")
            code.frombytes(zlib.decompress(base64.b64decode(packed)))
            names = {str(k): int(v) for k, v in groupindex.items()}
            programs[str(key)] = (int(flags), code.tolist(), int(groups), names, tuple(indexgroup))
        alternations = {str(k): str(v) for k, v in data["alternations"].items()}
        documents = dict(data["documents"])
        return Regexes(programs, alternations=alternations, documents=documents)
    except (ValueError, TypeError, KeyError, AttributeError, zlib.error):
        return Regexes()
