"""SKILL.md parsing, loading and install-platform detection (agent.skill)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import __version__
from agent.config import Settings
from agent.errors import ConfigError
from agent.skill import Skill, bundled_skill_file, detect_platform, load_skill, parse_skill

REPO = Path(__file__).resolve().parents[2]
OPENCLAW = {"requires": {"env": ["NEMO_TOKEN"]}, "primaryEnv": "NEMO_TOKEN"}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _install(root: Path, *parts: str, name: str = "image-to-video-deevid") -> Path:
    """Copy a seed SKILL.md into a fake install tree and return its path."""
    target = root.joinpath(*parts, name, "SKILL.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_read(REPO / "fixtures" / "skills" / name / "SKILL.md"), encoding="utf-8")
    return target


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")


# --- parsing -------------------------------------------------------------------------------


def test_deevid_seed_parses_with_top_level_version_and_json_metadata(fixtures_dir: Path) -> None:
    path = fixtures_dir / "skills" / "image-to-video-deevid" / "SKILL.md"
    skill = parse_skill(_read(path), path)
    assert (skill.name, skill.version, skill.path, skill.platform) == (
        "image-to-video-deevid",
        "1.0.2",
        path,
        "unknown",
    )
    assert skill.metadata == {
        "openclaw": {**OPENCLAW, "configPaths": ["~/.config/nemovideo/"]},
    }
    assert skill.extra == {"tags": ["video", "image-to-video", "ai"]}
    assert skill.description.startswith("Image to Video - Deevid — Convert Images into Video")
    assert "\n" not in skill.description
    assert skill.description.endswith("nothing to install locally.")


def test_deep_seed_keeps_its_version_as_written_and_its_unknown_keys(fixtures_dir: Path) -> None:
    path = fixtures_dir / "skills" / "ai-image-to-video-deep" / "SKILL.md"
    skill = parse_skill(_read(path), path)
    # YAML would read `version: 1.10` as the float 1.1; the header needs the text as written.
    assert skill.version == "1.10"
    assert skill.extra == {"homepage": "https://nemovideo.com"}
    assert skill.metadata["openclaw"]["primaryEnv"] == "NEMO_TOKEN"
    assert skill.metadata["openclaw"]["requires"]["env"] == ["NEMO_TOKEN"]
    assert skill.description.startswith("AI Image to Video Deep — Convert Images into Animated")
    assert "  " not in skill.description


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        (
            "folded-strip.md",
            Skill(
                name="folded-strip",
                version="2.0",
                description="Turns photos into short videos.",
                metadata={"openclaw": {"primaryEnv": "NEMO_TOKEN"}},
            ),
        ),
        (
            "literal.md",
            Skill(
                name="literal-description",
                version="0.3.1",
                description="Turns photos into short videos.",
            ),
        ),
        (
            "yaml-metadata.md",
            Skill(
                name="yaml-metadata",
                version="0.9.0",
                description="Version lives under metadata, written in block YAML.",
                metadata={"version": "0.9.0", "openclaw": OPENCLAW},
                extra={"license": "MIT", "allowed-tools": "Bash(nemo-agent:*)"},
            ),
        ),
        (
            "crlf-bom.md",
            Skill(name="crlf-bom", version="1.2.3", description="Saved on Windows."),
        ),
    ],
)
def test_frontmatter_variants_parse_to_the_same_skill_shape(
    fixtures_dir: Path, filename: str, expected: Skill
) -> None:
    path = fixtures_dir / "skills" / "variants" / filename
    text = path.read_bytes().decode("utf-8")  # keep CRLF and the BOM exactly as stored
    assert parse_skill(text) == expected


@pytest.mark.parametrize(
    ("filename", "problem"),
    [
        ("no-frontmatter.md", "no YAML frontmatter"),
        ("unclosed.md", "not closed"),
        ("broken-yaml.md", "broken YAML frontmatter at line 4"),
        ("not-a-mapping.md", "not a mapping"),
        ("no-name.md", "no 'name'"),
        ("no-version.md", "no version"),
    ],
)
def test_malformed_skill_files_give_one_config_error_naming_file_and_problem(
    fixtures_dir: Path, filename: str, problem: str
) -> None:
    path = fixtures_dir / "skills" / "malformed" / filename
    with pytest.raises(ConfigError) as caught:
        parse_skill(_read(path), path)
    assert str(path) in caught.value.message
    assert problem in caught.value.message
    assert caught.value.__cause__ is None


def test_numeric_version_under_metadata_is_kept_as_written() -> None:
    text = "---\nname: x\nmetadata:\n  version: 2.10\n---\n"
    assert parse_skill(text).version == "2.10"


def test_integer_version_becomes_a_string() -> None:
    assert parse_skill("---\nname: x\nversion: 3\n---\n").version == "3"


def test_top_level_version_wins_over_metadata_version() -> None:
    text = '---\nname: x\nversion: "1.0"\nmetadata: {"version": "9.9"}\n---\n'
    assert parse_skill(text).version == "1.0"


def test_metadata_given_as_a_quoted_json_string_is_decoded() -> None:
    meta = '\'{"openclaw": {"primaryEnv": "NEMO_TOKEN"}}\''
    text = f'---\nname: x\nversion: "1"\nmetadata: {meta}\n---\n'
    assert parse_skill(text).metadata == {"openclaw": {"primaryEnv": "NEMO_TOKEN"}}


@pytest.mark.parametrize("metadata", ["[1, 2]", "'not json'"])
def test_metadata_that_is_not_a_mapping_is_a_config_error(metadata: str) -> None:
    with pytest.raises(ConfigError, match="metadata"):
        parse_skill(f"---\nname: x\nversion: '1'\nmetadata: {metadata}\n---\n")


@pytest.mark.parametrize("name", ["''", "42", "[a]", "'   '"])
def test_a_name_that_is_not_a_non_empty_string_is_rejected(name: str) -> None:
    with pytest.raises(ConfigError, match="'name'"):
        parse_skill(f"---\nname: {name}\nversion: '1'\n---\n")


def test_a_boolean_version_is_not_a_version() -> None:
    with pytest.raises(ConfigError, match="no version"):
        parse_skill("---\nname: x\nversion: true\n---\n")


def test_attribution_headers_carry_name_version_and_platform() -> None:
    skill = Skill(name="image-to-video-deevid", version="1.0.2", platform="clawhub")
    assert skill.attribution_headers() == {
        "X-Skill-Source": "image-to-video-deevid",
        "X-Skill-Version": "1.0.2",
        "X-Skill-Platform": "clawhub",
    }


# --- loading -------------------------------------------------------------------------------


def test_bundled_skill_file_is_the_checkout_skill_md() -> None:
    assert bundled_skill_file() == REPO / "SKILL.md"


def test_load_skill_defaults_to_the_bundled_skill(settings: Settings) -> None:
    skill = load_skill(settings)
    assert (skill.name, skill.version, skill.path) == ("nemo-agent", __version__, REPO / "SKILL.md")
    assert skill.attribution_headers()["X-Skill-Source"] == "nemo-agent"


def test_load_skill_uses_the_configured_file(settings: Settings, tmp_path: Path) -> None:
    path = _install(tmp_path / "anywhere", name="ai-image-to-video-deep")
    skill = load_skill(settings.with_overrides(skill_file=path))
    assert (skill.name, skill.version, skill.platform) == (
        "ai-image-to-video-deep",
        "1.10",
        "unknown",
    )


def test_skill_source_is_used_verbatim_over_detection(
    settings: Settings, isolated_home: Path
) -> None:
    path = _install(isolated_home, ".cursor", "skills")
    chosen = settings.with_overrides(skill_file=path, skill_source="My Host 2.0")
    assert load_skill(chosen).platform == "My Host 2.0"


def test_load_skill_detects_the_platform_from_the_settings_home(
    env: dict[str, str], isolated_home: Path
) -> None:
    path = _install(isolated_home, ".clawhub", "skills")
    settings = Settings.from_env({**env, "NEMO_SKILL_FILE": str(path)})
    assert load_skill(settings).platform == "clawhub"


@pytest.mark.parametrize("kind", ["missing", "directory", "not-utf8"])
def test_an_unreadable_skill_file_is_a_config_error_naming_it(
    settings: Settings, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "SKILL.md"
    if kind == "directory":
        path.mkdir()
    elif kind == "not-utf8":
        path.write_bytes(b"---\nname: \xff\xfe\n---\n")
    with pytest.raises(ConfigError, match="cannot read") as caught:
        load_skill(settings.with_overrides(skill_file=path))
    assert str(path) in caught.value.message


# --- platform detection --------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts",
    [
        (".clawhub", "skills"),
        (".clawhub",),
        (".openclaw", "skills"),
    ],
)
def test_skills_under_clawhub_and_openclaw_homes_are_clawhub(
    isolated_home: Path, parts: tuple[str, ...]
) -> None:
    assert detect_platform(_install(isolated_home, *parts), isolated_home) == "clawhub"


@pytest.mark.parametrize("marker_dir", [".clawhub", ".clawdhub"])
def test_a_clawhub_workdir_lock_above_the_skill_is_clawhub(
    isolated_home: Path, marker_dir: str
) -> None:
    workdir = isolated_home / "agents" / "work"
    _touch(workdir / marker_dir / "lock.json")
    assert detect_platform(_install(workdir, "skills"), isolated_home) == "clawhub"


@pytest.mark.parametrize(
    "marker", [(".clawhub", "origin.json"), (".clawdhub", "origin.json"), ("origin.json",)]
)
def test_clawhub_origin_markers_beside_the_skill_are_clawhub(
    tmp_path: Path, isolated_home: Path, marker: tuple[str, ...]
) -> None:
    path = _install(tmp_path / "opt", "skills")
    _touch(path.parent.joinpath(*marker))
    assert detect_platform(path, isolated_home) == "clawhub"


@pytest.mark.parametrize(
    "parts",
    [
        (".cursor", "skills"),
        (".cursor", "plugins", "cache", "nemovideo", "skills"),
        (".cursor", "extensions", "nemovideo.skill-1.0.0"),
    ],
)
def test_skills_in_cursor_home_directories_are_cursor(
    isolated_home: Path, parts: tuple[str, ...]
) -> None:
    assert detect_platform(_install(isolated_home, *parts), isolated_home) == "cursor"


def test_a_project_cursor_skills_directory_is_cursor(tmp_path: Path, isolated_home: Path) -> None:
    path = _install(tmp_path / "projects" / "shop", ".cursor", "skills")
    assert detect_platform(path, isolated_home) == "cursor"


def test_clawhub_markers_win_over_a_cursor_location(isolated_home: Path) -> None:
    path = _install(isolated_home, ".cursor", "skills")
    _touch(path.parent / ".clawhub" / "origin.json")
    assert detect_platform(path, isolated_home) == "clawhub"


def test_a_symlinked_install_is_detected_from_the_link_location(
    tmp_path: Path, isolated_home: Path
) -> None:
    real = _install(tmp_path / "store")
    link_dir = isolated_home / ".cursor" / "skills" / "image-to-video-deevid"
    link_dir.parent.mkdir(parents=True)
    link_dir.symlink_to(real.parent, target_is_directory=True)
    assert detect_platform(link_dir / "SKILL.md", isolated_home) == "cursor"
    assert detect_platform(real, isolated_home) == "unknown"


def test_an_ordinary_project_with_lock_files_is_unknown(
    tmp_path: Path, isolated_home: Path
) -> None:
    project = isolated_home / "code" / "shop"
    for name in ("lock.json", "package-lock.json", "origin.json.bak"):
        _touch(project / name)
    _touch(project / "skills" / "lock.json")
    assert detect_platform(_install(project, "skills"), isolated_home) == "unknown"


def test_a_global_clawhub_directory_in_home_does_not_claim_every_project(
    isolated_home: Path,
) -> None:
    _touch(isolated_home / ".clawhub" / "lock.json")
    assert detect_platform(_install(isolated_home, "code"), isolated_home) == "unknown"
    skill_in_home = isolated_home / "SKILL.md"
    skill_in_home.write_text("---\nname: x\nversion: '1'\n---\n", encoding="utf-8")
    assert detect_platform(skill_in_home, isolated_home) == "unknown"


def test_marker_search_stops_at_home(tmp_path: Path, isolated_home: Path) -> None:
    _touch(tmp_path / ".clawhub" / "lock.json")  # tmp_path is the parent of home
    assert detect_platform(_install(isolated_home, "code"), isolated_home) == "unknown"


def test_marker_search_is_bounded_in_depth(tmp_path: Path, isolated_home: Path) -> None:
    workdir = tmp_path / "deep"
    _touch(workdir / ".clawhub" / "lock.json")
    nested = _install(workdir, *[f"level{i}" for i in range(10)])
    assert detect_platform(nested, isolated_home) == "unknown"
    assert detect_platform(_install(workdir, "skills"), isolated_home) == "clawhub"


@pytest.mark.parametrize("parts", [(".cursor", "rules"), ("cursor", "skills"), ("skills",)])
def test_other_locations_are_unknown(
    tmp_path: Path, isolated_home: Path, parts: tuple[str, ...]
) -> None:
    assert detect_platform(_install(tmp_path / "proj", *parts), isolated_home) == "unknown"


@pytest.mark.parametrize(
    ("field", "frontmatter"),
    [
        ("name", "name: 图生视频\nversion: '1'"),
        ("version", 'name: x\nversion: "1.0\\nX-Evil: 1"'),
        ("version", "name: x\nversion: '1.0-β'"),
    ],
)
def test_name_and_version_must_be_usable_as_header_values(field: str, frontmatter: str) -> None:
    with pytest.raises(ConfigError, match=f"the {field} .* printable ASCII"):
        parse_skill(f"---\n{frontmatter}\n---\n")
