"""Our server entry in a host's MCP configuration text: golden JSON and TOML after merging into a
populated file, in-place replacement, clean removal, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.errors import ConfigError
from agent.hosts import mcpconfig as mc

PATH = Path("/home/u/.codex/config.toml")
ENTRY = {"command": "/bin/nemo-agent", "args": ["mcp"], "startup_timeout_sec": 20}
CODEX = """model = "o4"

[mcp_servers.other]
command = "/usr/bin/other"
"""
BLOCK = """[mcp_servers.nemo-agent]
command = "/bin/nemo-agent"
args = ["mcp"]
startup_timeout_sec = 20
"""


def test_toml_appends_our_table_after_a_blank_line_and_removal_restores_the_bytes() -> None:
    merged = mc.toml_with(CODEX, "mcp_servers", "nemo-agent", ENTRY, PATH)
    assert merged == CODEX + "\n" + BLOCK
    assert mc.toml_without(merged, "mcp_servers", "nemo-agent", PATH) == CODEX


def test_toml_replaces_our_table_and_its_sub_tables_in_place() -> None:
    old = (
        '[mcp_servers."nemo-agent"]\ncommand = "/old"\n\n[mcp_servers.nemo-agent.env]\nX = "1"\n\n'
        '[profiles.fast]\nmodel = "o4-mini"\n'
    )
    merged = mc.toml_with(old, "mcp_servers", "nemo-agent", ENTRY, PATH)
    assert merged == BLOCK + '\n[profiles.fast]\nmodel = "o4-mini"\n'
    assert mc.toml_without(merged, "mcp_servers", "nemo-agent", PATH) == (
        '[profiles.fast]\nmodel = "o4-mini"\n'
    )


def test_toml_creates_a_file_and_removing_the_only_table_leaves_nothing() -> None:
    created = mc.toml_with(None, "mcp_servers", "nemo-agent", ENTRY, PATH)
    assert created == BLOCK
    assert mc.toml_without(created, "mcp_servers", "nemo-agent", PATH) is None


def test_toml_refuses_an_inline_entry_it_cannot_replace_and_broken_text() -> None:
    inline = 'mcp_servers = { nemo-agent = { command = "/x" } }\n'
    with pytest.raises(ConfigError, match="cannot update"):
        mc.toml_with(inline, "mcp_servers", "nemo-agent", ENTRY, PATH)
    with pytest.raises(ConfigError, match=r"is not valid TOML .*left unchanged"):
        mc.toml_with("[mcp_servers\n", "mcp_servers", "nemo-agent", ENTRY, PATH)


def test_json_merges_beside_other_servers_and_keys_and_puts_back_a_previous_entry() -> None:
    path = Path("/home/u/.cursor/mcp.json")
    text = '{"theme": "dark", "mcpServers": {"other": {"command": "/o"}}}'
    merged = mc.json_with(text, "mcpServers", "nemo-agent", {"command": "/n"}, path)
    assert merged == (
        '{\n  "theme": "dark",\n  "mcpServers": {\n    "other": {\n      "command": "/o"\n'
        '    },\n    "nemo-agent": {\n      "command": "/n"\n    }\n  }\n}\n'
    )
    back = mc.json_without(merged, "mcpServers", "nemo-agent", {"command": "/prev"}, path)
    assert mc.entry_in(back, "json", "mcpServers", "nemo-agent", path) == {"command": "/prev"}
    assert mc.json_without('{"mcpServers": {"nemo-agent": {}}}', "mcpServers", "nemo-agent",
                           None, path) is None  # fmt: skip


@pytest.mark.parametrize("text", ["[1, 2]", '{"mcpServers": []}', "{,}"])
def test_json_refuses_what_is_not_an_object_of_servers(text: str) -> None:
    with pytest.raises(ConfigError, match="left unchanged"):
        mc.json_with(text, "mcpServers", "nemo-agent", {"command": "/n"}, Path("/x.json"))


def test_toml_removal_between_tables_leaves_one_blank_line() -> None:
    text = CODEX + "\n" + BLOCK + '\n[profiles.fast]\nmodel = "o4-mini"\n'
    assert mc.toml_without(text, "mcp_servers", "nemo-agent", PATH) == (
        CODEX + '\n[profiles.fast]\nmodel = "o4-mini"\n'
    )
