"""Loading and validating the GUI-translation tables."""

from __future__ import annotations

from importlib import resources

import pytest

from agent.errors import ConfigError
from agent.translate.tables import ACTIONS, TABLE_FILES, load_gui_tables, parse_gui_tables


def _bundled() -> dict[str, str]:
    folder = resources.files("agent") / "tables"
    return {name: (folder / name).read_text(encoding="utf-8") for name in TABLE_FILES}


def _with(name: str, old: str, new: str) -> dict[str, str]:
    docs = _bundled()
    assert old in docs[name]
    docs[name] = docs[name].replace(old, new, 1)
    return docs


def test_bundled_tables_load_and_define_the_same_kinds_in_both_languages() -> None:
    tables = load_gui_tables()
    assert set(tables.en.kinds) == set(tables.zh.kinds)
    assert {k.action for k in tables.en.kinds.values()} <= {*ACTIONS, ""}
    assert (tables.en.lang, tables.zh.lang) == ("en", "zh")


def test_every_kind_has_a_catch_all_body_rule() -> None:
    for table in load_gui_tables().languages:
        for kind in table.kinds.values():
            assert kind.body[-1].pattern.match("anything at all")


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("gui_en.toml", 'lang = "en"', 'lang = "zh"'),
        ("gui_en.toml", 'kind = "upload"', 'kind = "teleport"'),
        ("gui_en.toml", "{upload_surface}", "{no_such_vocab}"),
        ("gui_en.toml", "(?:onto|into|to|on|in)", "(?:onto|into"),
        ("gui_en.toml", 'action = "export"', 'action = "launch"'),
        ("gui_en.toml", 'replace = "{key} {obj}"', 'replace = "{key} {target}"'),
        ("gui_en.toml", 'text = "I\'ll export {obj} for you"', 'text = "{thing}"'),
        ("gui_en.toml", "priority = 50", "priority = 51"),
        ("gui_en.toml", "priority = 50", "priority = 50\ncolour = 1"),
        ("gui_zh.toml", "[keys]", "keys = 3\n[nothing]"),
        ("gui_en.toml", 'upload = ["upload", "import", "add media"', 'upload = ["export"'),
        ("gui_en.toml", 'click = ["click",', 'click = ["click", "click",'),
        ("gui_en.toml", 'default = "other"', 'default = "elsewhere"'),
        ("gui_zh.toml", 'offer = "{pre}看看"', 'offer = "{post}看看"'),
        ("gui_en.toml", 'alt_joiner = " or "', "alt_joiner = 3"),
    ],
    ids=[
        "language twice",
        "unknown kind",
        "unknown vocabulary",
        "bad regex",
        "unknown action",
        "replace uses an uncaptured group",
        "template uses an uncaptured group",
        "languages disagree",
        "unknown key",
        "not TOML schema",
        "label under two kinds",
        "duplicate vocabulary",
        "unknown default kind",
        "offer uses an uncaptured group",
        "joiner is not text",
    ],
)
def test_broken_table_is_a_config_error(name: str, old: str, new: str) -> None:
    with pytest.raises(ConfigError):
        parse_gui_tables(_with(name, old, new))


def test_last_body_rule_must_match_anything() -> None:
    docs = _with(
        "gui_en.toml",
        "{ match = '''^(?P<rest>.+)$''', text = \"Tell me, e.g. '{rest}'\" },",
        "{ match = '''^never$''', text = \"x\" },",
    )
    with pytest.raises(ConfigError):
        parse_gui_tables(docs)


def test_a_missing_language_is_a_config_error() -> None:
    docs = _bundled()
    del docs["gui_zh.toml"]
    with pytest.raises(ConfigError):
        parse_gui_tables(docs)


def test_invalid_toml_is_a_config_error() -> None:
    docs = _bundled()
    docs["gui_en.toml"] = "lang = "
    with pytest.raises(ConfigError):
        parse_gui_tables(docs)
