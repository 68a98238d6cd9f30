"""One distribution name everywhere: every install instruction names the package in pyproject.

`nemo-agent` on PyPI is someone else's project, so a stray `pip install nemo-agent` would install
unrelated code. The command stays `nemo-agent`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

import agent

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
NAME = PYPROJECT["project"]["name"]

_INSTALL = re.compile(
    r"\b(?:pip3?|pipx|uv pip|uv tool|python3? -m pip) install\s+"
    r"(?:-{1,2}[a-z][\w-]*\s+)*['\"]?([^\s'\"`;),\[]+(?:\[[^\]]*\])?)"
)
_LOCAL = re.compile(r"^(?:\.|/|~|-e\b)")  # a checkout or a local path, not a registry name


def instructions(text: str) -> list[str]:
    """The package named by each install command in `text` (local paths excluded)."""
    return [m.group(1) for m in _INSTALL.finditer(text) if not _LOCAL.match(m.group(1))]


def _documents() -> list[Path]:
    patterns = ("SKILL.md", "README.md", "docs/*.md", "agent/**/*.md", "agent/**/*.py")
    found = {p for pattern in patterns for p in REPO.glob(pattern)}
    found |= set((REPO / "prompts").rglob("*.j2"))
    return sorted(found)


def _skill_files() -> list[Path]:
    return [REPO / "SKILL.md", *sorted((REPO / "agent" / "skills").glob("*/SKILL.md"))]


def _openclaw(path: Path) -> dict[str, object]:
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
    openclaw: dict[str, object] = front["metadata"]["openclaw"]
    return openclaw


def test_pyproject_name_is_ours_and_the_command_is_nemo_agent() -> None:
    assert NAME == agent.DISTRIBUTION == "nemovideo-agent"
    assert PYPROJECT["project"]["scripts"] == {"nemo-agent": "agent.cli:main"}


def test_the_scanner_finds_install_commands_and_their_names() -> None:
    text = (
        "pip install nemo-agent; `uv tool install nemovideo-agent` and "
        "pip install --upgrade 'nemovideo-agent[local,mcp]' or pip install '.[local]'"
    )
    assert instructions(text) == ["nemo-agent", "nemovideo-agent", "nemovideo-agent[local,mcp]"]


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_install_instruction_names_our_distribution(path: Path) -> None:
    for package in instructions(path.read_text(encoding="utf-8")):
        # Code and the doctor's templates name it through the constant (`name=DISTRIBUTION`),
        # which the first test pins to pyproject.
        name = package.replace("{DISTRIBUTION}", NAME).replace("{{name}}", NAME)
        assert re.fullmatch(rf"{re.escape(NAME)}(?:\[[a-z,]+\])?", name), (path, package)


def test_install_instructions_exist_where_users_look() -> None:
    for path in (REPO / "SKILL.md", REPO / "README.md", *_skill_files()):
        names = [p.split("[")[0] for p in instructions(path.read_text(encoding="utf-8"))]
        assert NAME in names, path


@pytest.mark.parametrize("path", _skill_files(), ids=lambda p: p.parent.name)
def test_openclaw_install_entry_installs_our_distribution(path: Path) -> None:
    install = _openclaw(path)["install"]
    assert install == [
        {
            "id": "uv",
            "kind": "uv",
            "package": NAME,
            "bins": ["nemo-agent"],
            "label": f"Install the nemo-agent command (uv tool install {NAME})",
        }
    ]
