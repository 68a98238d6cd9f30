"""The router tables validated ahead of time: the shipped file matches the tables it was made
from and holds every regex the keyword stage compiles, a stale or damaged file is ignored
rather than trusted, and the regexes it hands `re` are the ones `re` would have compiled."""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest

from agent.router.compiled import (
    COMPILED_FILE,
    dump_tables,
    engine,
    fingerprint,
    read_tables,
    regexes_of,
)
from agent.router.intents import COMPILED_MODEL_FILE, MODEL_FILE, IntentModel, model_stamp
from agent.router.keyword import KeywordRouter
from agent.router.rules import TABLE_FILES, load_tables, parse_tables
from agent.router.wordmap import WordMap

_TABLES = resources.files("agent") / "tables"


@pytest.fixture(scope="module")
def documents() -> list[str]:
    return [(_TABLES / name).read_text(encoding="utf-8") for name in TABLE_FILES]


def test_the_shipped_file_is_made_from_the_shipped_tables(documents: list[str]) -> None:
    shipped = (_TABLES / COMPILED_FILE).read_bytes()
    tables = read_tables(shipped, fingerprint(documents))
    assert tables is not None, "run scripts/compile_router_tables.py"
    assert tables == parse_tables(documents)
    assert load_tables() == tables


def test_the_shipped_file_holds_every_regex_of_the_keyword_stage(documents: list[str]) -> None:
    content = marshal.loads((_TABLES / COMPILED_FILE).read_bytes())  # noqa: S302
    if content["engine"] != engine():
        pytest.skip(f"regexes compiled for {content['engine']}, not this interpreter")
    shipped = {source for source, *_ in content["regexes"]}
    wanted = {r.pattern for r in regexes_of(KeywordRouter(load_tables()))}
    assert wanted <= shipped, "run scripts/compile_router_tables.py"


def test_the_regexes_handed_to_re_behave_as_compiled_ones(documents: list[str]) -> None:
    tables = parse_tables(documents)
    regexes = list(regexes_of(KeywordRouter(tables)))
    content = marshal.loads(dump_tables(tables, "x", regexes))  # noqa: S302
    built = {source: entry for source, *entry in content["regexes"]}
    assert len(built) >= 30
    for regex in regexes:
        re.purge()
        assert read_tables(dump_tables(tables, "x", [regex]), "x") == tables
        primed = re.compile(regex.pattern)
        assert primed is not regex
        assert (primed.flags, primed.groups, primed.groupindex) == (
            regex.flags,
            regex.groups,
            regex.groupindex,
        )
        for text in ("please export it now", "导出视频，然后告诉我余额", "how many credits left?"):
            assert [m.span() for m in primed.finditer(text)] == [
                m.span() for m in regex.finditer(text)
            ]
    re.purge()


def test_a_regex_edited_since_is_compiled_as_usual(documents: list[str]) -> None:
    tables = parse_tables(documents)
    data = dump_tables(tables, "x", [re.compile(r"export(?:ing)?")])
    re.purge()
    assert read_tables(data, "x") == tables
    assert re.compile(r"exports?").fullmatch("exports")


def test_rejected_code_is_compiled_as_usual(documents: list[str]) -> None:
    tables = parse_tables(documents)
    content = marshal.loads(dump_tables(tables, "x", [re.compile(r"expor+t")]))  # noqa: S302
    source, given, own, _code, *rest = content["regexes"][0]
    content["regexes"] = ((source, given, own, [255, 255, 255], *rest),)
    re.purge()
    assert read_tables(marshal.dumps(content), "x") == tables
    assert re.compile(source).fullmatch("exporrrt")
    re.purge()


def test_a_round_trip_keeps_every_table(documents: list[str]) -> None:
    tables = parse_tables(documents)
    stamp = fingerprint(documents)
    assert read_tables(dump_tables(tables, stamp), stamp) == tables


def test_a_file_made_from_other_tables_is_ignored(documents: list[str]) -> None:
    tables = parse_tables(documents)
    data = dump_tables(tables, fingerprint(documents))
    edited = [documents[0] + "\n# an edit\n", *documents[1:]]
    assert fingerprint(edited) != fingerprint(documents)
    assert read_tables(data, fingerprint(edited)) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.update(format=0),
        lambda data: data.update(keywords=(("nonsense", "x", "x", "keyword"),)),
        lambda data: data.update(typos=WordMap.from_dict({"exprot": "teleport"}).parts()),
        lambda data: data.update(respell=("ab", b"\x01", (), b"", b"")),
        lambda data: data.update(byteorder="middle"),
        lambda data: data.pop("grammar"),
        lambda data: data.update(fold=[1, 2]),
    ],
)
def test_a_damaged_file_is_ignored(
    documents: list[str], damage: Callable[[dict[str, Any]], object]
) -> None:
    stamp = fingerprint(documents)
    data = marshal.loads(dump_tables(parse_tables(documents), stamp))  # noqa: S302
    damage(data)
    assert read_tables(marshal.dumps(data), stamp) is None
    assert read_tables(b"not marshal", stamp) is None


def test_the_compiled_intent_model_is_made_from_the_shipped_one() -> None:
    document = (_TABLES / MODEL_FILE).read_bytes()
    parsed = IntentModel.from_json(document.decode("utf-8"))
    compiled = IntentModel.from_compiled(
        (_TABLES / COMPILED_MODEL_FILE).read_bytes(), model_stamp(document)
    )
    assert compiled is not None, "run scripts/compile_router_tables.py"
    assert compiled.labels == parsed.labels
    assert compiled.bias == parsed.bias
    assert dict(compiled.rows) == dict(parsed.rows)
    assert list(compiled.starts) == list(parsed.starts)
    assert compiled.label_at == parsed.label_at
    assert list(compiled.values) == list(parsed.values)
    assert IntentModel.from_compiled(b"\x00", model_stamp(document)) is None
    assert IntentModel.from_compiled(compiled.dump("other"), model_stamp(document)) is None
