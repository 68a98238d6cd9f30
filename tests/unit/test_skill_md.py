"""This project's own SKILL.md: valid for the Agent Skills reference validator, true to the CLI."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
import skills_ref
from click.testing import CliRunner
from skills_ref.cli import main as skills_ref_cli

from agent import __version__
from agent.skill import parse_skill
from tests.fakes import TURN_KEYS

REPO = Path(__file__).resolve().parents[2]
SKILL_MD = REPO / "SKILL.md"
ALLOWED_TOP_LEVEL = {"name", "description", "license", "compatibility", "allowed-tools", "metadata"}


@pytest.fixture
def skill_dir(tmp_path: Path) -> Path:
    """SKILL.md copied into a folder named after the skill, as the validator requires."""
    folder = tmp_path / "nemo-agent"
    folder.mkdir()
    shutil.copyfile(SKILL_MD, folder / "SKILL.md")
    return folder


def _body() -> str:
    return SKILL_MD.read_text(encoding="utf-8").split("---", 2)[2]


def test_reference_validator_accepts_skill_md(skill_dir: Path) -> None:
    assert skills_ref.validate(skill_dir) == []


def test_agentskills_validate_command_accepts_skill_md(skill_dir: Path) -> None:
    result = CliRunner().invoke(skills_ref_cli, ["validate", str(skill_dir)])
    assert result.exit_code == 0, result.output
    assert "Valid skill" in result.output


def test_reference_validator_would_reject_a_top_level_version(skill_dir: Path) -> None:
    # Guards the test above against passing vacuously: the validator does check the keys.
    text = (skill_dir / "SKILL.md").read_text(encoding="utf-8")
    patched = text.replace("compatibility:", "version: 1\ncompatibility:", 1)
    (skill_dir / "SKILL.md").write_text(patched, encoding="utf-8")
    assert any("version" in error for error in skills_ref.validate(skill_dir))


def test_frontmatter_uses_only_allowed_keys_and_metadata_carries_the_rest() -> None:
    skill = parse_skill(SKILL_MD.read_text(encoding="utf-8"), SKILL_MD)
    assert skill.name == "nemo-agent"
    assert set(skill.extra) | {"name", "description", "metadata"} <= ALLOWED_TOP_LEVEL
    assert skill.metadata["homepage"] == "https://nemovideo.com"
    assert skill.metadata["openclaw"]["primaryEnv"] == "NEMO_TOKEN"


def test_skill_version_matches_the_package_version() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    skill = parse_skill(SKILL_MD.read_text(encoding="utf-8"), SKILL_MD)
    assert skill.version == __version__ == pyproject["project"]["version"]


def test_description_says_what_it_does_and_when_to_use_it() -> None:
    description = parse_skill(SKILL_MD.read_text(encoding="utf-8")).description
    assert "video" in description
    assert "Use when" in description
    assert len(description) <= 1024


@pytest.mark.parametrize(
    "usage",
    [
        "nemo-agent turn --json",
        "--attach PATH|URL",
        "--local",
        "nemo-agent credits",
        "nemo-agent state",
        "nemo-agent export -o",
        "nemo-agent upload",
        "nemo-agent route",
    ],
)
def test_body_documents_each_cli_entry_point(usage: str) -> None:
    assert usage in _body()


@pytest.mark.parametrize("key", TURN_KEYS)
def test_body_documents_every_turn_output_key(key: str) -> None:
    assert f"| `{key}` |" in _body()


@pytest.mark.parametrize(
    "variable",
    [
        "NEMO_TOKEN",
        "NEMO_API_URL",
        "NEMO_WEB_URL",
        "NEMO_CLIENT_ID",
        "SKILL_SOURCE",
        "NEMO_AGENT_HOME",
        "NEMO_BACKEND",
    ],
)
def test_body_documents_each_environment_variable(variable: str) -> None:
    assert f"`{variable}`" in _body()


def test_body_states_the_delivery_and_secrecy_rules() -> None:
    body = _body()
    assert "`files`" in body
    assert "verbatim" in body
    assert "Never print" in body


def test_every_documented_command_exists_in_the_cli() -> None:
    import click

    from agent.cli import cli

    commands = cli.list_commands(click.Context(cli))
    for command in ("turn", "credits", "state", "export", "upload", "route"):
        assert command in commands
        assert f"nemo-agent {command}" in _body()
