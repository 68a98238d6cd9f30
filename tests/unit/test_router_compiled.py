"""The router tables validated ahead of time: the shipped file matches the tables it was made
from, and a stale or damaged file is ignored rather than trusted."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from agent.router.compiled import COMPILED_FILE, dump_tables, fingerprint, read_tables
from agent.router.rules import TABLE_FILES, load_tables, parse_tables


@pytest.fixture(scope="module")
def documents() -> list[str]:
    folder = resources.files("agent") / "tables"
    return [(folder / name).read_text(encoding="utf-8") for name in TABLE_FILES]


def test_the_shipped_file_is_made_from_the_shipped_tables(documents: list[str]) -> None:
    shipped = (resources.files("agent") / "tables" / COMPILED_FILE).read_text(encoding="utf-8")
    tables = read_tables(shipped, fingerprint(documents))
    assert tables is not None, "run scripts/compile_router_tables.py"
    assert tables == parse_tables(documents)
    assert load_tables() == tables


def test_a_round_trip_keeps_every_table(documents: list[str]) -> None:
    tables = parse_tables(documents)
    stamp = fingerprint(documents)
    assert read_tables(dump_tables(tables, stamp), stamp) == tables


def test_a_file_made_from_other_tables_is_ignored(documents: list[str]) -> None:
    tables = parse_tables(documents)
    text = dump_tables(tables, fingerprint(documents))
    edited = [documents[0] + "\n# an edit\n", *documents[1:]]
    assert fingerprint(edited) != fingerprint(documents)
    assert read_tables(text, fingerprint(edited)) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.update(format=0),
        lambda data: data.update(keywords=[["nonsense", "x", "x", "keyword"]]),
        lambda data: data.update(typos={"exprot": "teleport"}),
        lambda data: data.pop("grammar"),
        lambda data: data.update(fold=[1, 2]),
    ],
)
def test_a_damaged_file_is_ignored(documents: list[str], damage: object) -> None:
    stamp = fingerprint(documents)
    data = json.loads(dump_tables(parse_tables(documents), stamp))
    damage(data)  # type: ignore[operator]
    assert read_tables(json.dumps(data), stamp) is None
    assert read_tables("not json", stamp) is None
