"""R9: `X-Skill-Platform` comes from SKILL_SOURCE, then the recorded install, then OpenClaw's exec
environment (OPENCLAW_SHELL), else `unknown`."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.config import Settings
from agent.hosts.records import InstallRecord, SkillEntry, save_record
from agent.skill import load_skill


def _record(state_dir: Path, *entries: tuple[str, str, float]) -> None:
    record = InstallRecord()
    for skill, platform, when in entries:
        path = f"/x/{platform}/{skill}/{when}/SKILL.md"
        record.put(SkillEntry(hosts=["h"], skill=skill, path=path, sha256="0", platform=platform,
                              installed_at=when))  # fmt: skip
    save_record(state_dir, record)


@pytest.mark.parametrize(
    ("skill_source", "recorded", "openclaw_shell", "expected"),
    [
        ("MyHost", "cursor", "exec", "MyHost"),
        (None, "cursor", "exec", "cursor"),
        (None, "clawhub", None, "clawhub"),
        (None, None, "exec", "clawhub"),
        (None, "unknown", "exec", "clawhub"),
        (None, "unknown", None, "unknown"),
        (None, None, None, "unknown"),
    ],
)
def test_platform_precedence(
    env: dict[str, str],
    skill_source: str | None,
    recorded: str | None,
    openclaw_shell: str | None,
    expected: str,
) -> None:
    full = dict(env)
    if skill_source:
        full["SKILL_SOURCE"] = skill_source
    if openclaw_shell:
        full["OPENCLAW_SHELL"] = openclaw_shell
    settings = Settings.from_env(full)
    if recorded:
        _record(settings.state_dir, ("nemo-agent", recorded, 1.0))
    assert load_skill(settings).platform == expected


def test_the_newest_recorded_install_of_the_skill_in_use_wins(settings: Settings) -> None:
    _record(
        settings.state_dir,
        ("nemo-agent", "cursor", 1.0),
        ("nemo-agent", "clawhub", 2.0),
        ("image-to-video-deevid", "cursor", 3.0),
    )
    assert load_skill(settings).platform == "clawhub"
    deevid = settings.with_overrides(skill_file=Path("image-to-video-deevid"))
    assert load_skill(deevid).platform == "cursor"


def test_a_damaged_record_falls_through(settings: Settings) -> None:
    settings.state_dir.mkdir(parents=True)
    (settings.state_dir / "install.json").write_text("{broken", encoding="utf-8")
    assert load_skill(settings).platform == "unknown"


def test_a_named_skill_file_under_a_cursor_install_path_wins_over_the_record(
    settings: Settings, isolated_home: Path
) -> None:
    _record(settings.state_dir, ("nemo-agent", "clawhub", 1.0))
    file = isolated_home / ".cursor/skills/nemo-agent/SKILL.md"
    file.parent.mkdir(parents=True)
    file.write_text("---\nname: nemo-agent\nversion: 1.0.0\n---\n", encoding="utf-8")
    assert load_skill(settings.with_overrides(skill_file=file)).platform == "cursor"


def test_an_unknown_bare_skill_name_is_a_missing_file(settings: Settings) -> None:
    from agent.errors import ConfigError

    with pytest.raises(ConfigError, match="cannot read it"):
        load_skill(settings.with_overrides(skill_file=Path("no-such-skill")))
