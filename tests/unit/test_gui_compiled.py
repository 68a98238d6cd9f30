"""The GUI tables' regexes compiled ahead of time: the shipped file matches the tables and this
Python, tables built from it equal tables compiled from scratch, and a stale or damaged file is
ignored rather than trusted."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from agent.translate.compiled import (
    COMPILED_FILE,
    Regexes,
    dump_programs,
    engine,
    fingerprint,
    read_programs,
)
from agent.translate.tables import GuiTables, build_gui_tables, load_gui_tables, read_documents


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return read_documents()


@pytest.fixture(scope="module")
def scratch(documents: dict[str, str]) -> tuple[GuiTables, str]:
    """Tables compiled from scratch, and the compiled file they make."""
    recorder = Regexes(record=True)
    tables = build_gui_tables(documents, recorder)
    return tables, dump_programs(recorder, fingerprint(documents.values()))


def test_the_shipped_file_is_made_from_the_shipped_tables(
    documents: dict[str, str], scratch: tuple[GuiTables, str]
) -> None:
    shipped = (resources.files("agent") / "tables" / COMPILED_FILE).read_text(encoding="utf-8")
    if json.loads(shipped.partition("\n")[0]).get("engine") != engine():
        pytest.skip("the shipped programs are for another Python (they are ignored there)")
    assert shipped == scratch[1], "run scripts/compile_gui_tables.py"
    regexes = read_programs(shipped, fingerprint(documents.values()))
    assert build_gui_tables(documents, regexes) == scratch[0]  # patterns compare by program
    assert load_gui_tables() == scratch[0]
    assert len(regexes) == len(json.loads(shipped.partition("\n")[2])["programs"]) > 200


def test_a_file_made_from_other_tables_is_ignored(
    documents: dict[str, str], scratch: tuple[GuiTables, str]
) -> None:
    *first, last = documents.values()
    edited = [*first, last + "\n# an edit\n"]
    assert fingerprint(edited) != fingerprint(documents.values())
    regexes = read_programs(scratch[1], fingerprint(edited))
    assert len(regexes) == 0
    assert build_gui_tables(documents, regexes) == scratch[0]


def test_a_damaged_program_is_compiled_again(
    documents: dict[str, str], scratch: tuple[GuiTables, str]
) -> None:
    stamp = fingerprint(documents.values())
    first, _, body = scratch[1].partition("\n")
    data = json.loads(body)
    for entry in data["programs"]:
        entry[2] = "eJwDAAAAAAE="  # zlib of nothing: an empty program, which _sre rejects
    damaged = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert len(read_programs(first + "\n" + damaged, stamp)) == 0  # the digest catches it
    header = json.loads(first)
    header["sha256"] = hashlib.sha256(damaged.encode()).hexdigest()
    regexes = read_programs(json.dumps(header) + "\n" + damaged, stamp)
    assert len(regexes) == len(data["programs"])  # past the digest, _sre refuses each one
    assert build_gui_tables(documents, regexes) == scratch[0]


@pytest.mark.parametrize("text", ["not json", "{}", '{"format": 1, "fingerprint": "x"}'])
def test_an_unreadable_file_is_ignored(
    documents: dict[str, str], scratch: tuple[GuiTables, str], text: str
) -> None:
    regexes = read_programs(text, fingerprint(documents.values()))
    assert len(regexes) == 0
    assert build_gui_tables(documents, regexes) == scratch[0]
