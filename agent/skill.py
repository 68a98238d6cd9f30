"""SKILL.md loading: frontmatter parsing, attribution headers and install-platform detection.

Reads only the SKILL.md it is given and looks at where it lives; never reads the environment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from agent.config import Settings
from agent.errors import ConfigError
from agent.files import bundled_path

__all__ = [
    "IDENTITIES",
    "Skill",
    "bundled_skill_file",
    "detect_platform",
    "identity_file",
    "load_skill",
    "parse_skill",
]

_FRONTMATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE
)
_HEADER_SAFE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
_KNOWN_KEYS = frozenset({"name", "version", "description", "metadata"})
_CLAWHUB_DIRS = (".clawhub", ".clawdhub")  # `.clawdhub` is ClawHub's legacy directory name
_CURSOR_DIRS = frozenset({"skills", "plugins", "extensions"})
_MAX_MARKER_DEPTH = 8

IDENTITIES = ("nemo-agent", "image-to-video-deevid", "ai-image-to-video-deep")
"""The skills this package ships: its own, and the two seed skills as variants
(`agent/skills/<name>/SKILL.md`), each with its own name, version and attribution headers."""


@dataclass(frozen=True, slots=True)
class Skill:
    """One SKILL.md: the frontmatter fields that matter plus where it was found."""

    name: str
    version: str
    description: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Top-level frontmatter keys other than name, version, description and metadata."""
    path: Path | None = None
    platform: str = "unknown"
    """The `X-Skill-Platform` value: `SKILL_SOURCE` verbatim, else clawhub, cursor or unknown."""

    def attribution_headers(self) -> dict[str, str]:
        """The three `X-Skill-*` headers sent on every API request."""
        return {
            "X-Skill-Source": self.name,
            "X-Skill-Version": self.version,
            "X-Skill-Platform": self.platform,
        }


def _fail(path: Path | None, problem: str) -> ConfigError:
    where = str(path) if path is not None else "SKILL.md"
    return ConfigError(f"invalid SKILL.md {where}: {problem}")


def _frontmatter(text: str, path: Path | None) -> tuple[dict[str, Any], yaml.Node | None]:
    text = text.removeprefix("\ufeff")
    match = _FRONTMATTER.match(text)
    if match is None and text.startswith("---"):
        raise _fail(path, "the YAML frontmatter is not closed by a '---' line")
    if match is None:
        raise _fail(path, "no YAML frontmatter (the file must start with a '---' line)")
    source = match.group(1)
    try:
        data = yaml.safe_load(source)
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise _fail(path, f"broken YAML frontmatter{where}: {problem}") from None
    if not isinstance(data, dict):
        raise _fail(path, "the frontmatter is not a mapping of keys to values")
    return data, node


def _raw_scalar(node: yaml.Node | None, *keys: str) -> str | None:
    # YAML reads `version: 1.10` as the float 1.1; the header must carry the text as written.
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if getattr(k, "value", None) == key), None)
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _metadata(data: dict[str, Any], path: Path | None) -> dict[str, Any]:
    raw = data.get("metadata")
    if raw is None:
        return {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError:
            raise _fail(path, "metadata is a string but not JSON") from None
    if not isinstance(raw, dict):
        raise _fail(path, "metadata must be a mapping (YAML or single-line JSON)")
    return raw


def _version(data: dict[str, Any], meta: dict[str, Any], node: yaml.Node | None) -> str | None:
    places = ((data.get("version"), ("version",)), (meta.get("version"), ("metadata", "version")))
    for value, keys in places:
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _raw_scalar(node, *keys) or str(value)
    return None


def parse_skill(text: str, path: Path | None = None, *, platform: str = "unknown") -> Skill:
    """Parse a SKILL.md of this family (Agent Skills frontmatter, OpenClaw metadata).

    Args:
        text: The whole file.
        path: Where it came from, for error messages and `Skill.path`.
        platform: The `X-Skill-Platform` value to record.

    Raises:
        ConfigError: No frontmatter, broken YAML, or no `name` or version.
    """
    data, node = _frontmatter(text, path)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(path, "the frontmatter has no 'name' (a non-empty string)")
    meta = _metadata(data, path)
    version = _version(data, meta, node)
    if version is None:
        raise _fail(path, "no version (set 'version' at top level or under 'metadata')")
    for field_name, value in (("name", name.strip()), ("version", version)):
        # Both go out as HTTP header values, which must be one line of printable ASCII.
        if not _HEADER_SAFE.fullmatch(value):
            raise _fail(path, f"the {field_name} {value!r} is not one line of printable ASCII")
    description = data.get("description")
    return Skill(
        name=name.strip(),
        version=version,
        description=" ".join(str(description).split()) if description is not None else "",
        metadata=meta,
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        path=path,
        platform=platform,
    )


def bundled_skill_file() -> Path:
    """Locate this project's own SKILL.md: inside the installed wheel, else the checkout.

    Raises:
        ConfigError: Neither copy exists.
    """
    found = bundled_path("SKILL.md")
    if found is None or not found.is_file():
        raise ConfigError("the bundled SKILL.md is missing from this installation")
    return found


def _candidates(path: Path) -> list[Path]:
    absolute = path.expanduser().absolute()
    try:
        resolved = absolute.resolve()
    except (OSError, RuntimeError):
        return [absolute]
    return [absolute] if resolved == absolute else [absolute, resolved]


def _is_under(path: Path, root: Path) -> bool:
    return path.is_relative_to(root) and path != root


def _clawhub_by_path(path: Path, home: Path) -> bool:
    roots = (home / ".clawhub", home / ".openclaw" / "skills")
    return any(_is_under(path, root) for root in roots)


def _clawhub_by_marker(path: Path, home: Path) -> bool:
    skill_dir = path.parent
    if skill_dir == home:
        return False
    # `clawhub install` writes <skill>/.clawhub/origin.json and <workdir>/.clawhub/lock.json.
    if (
        any((skill_dir / d).is_dir() for d in _CLAWHUB_DIRS)
        or (skill_dir / "origin.json").is_file()
    ):
        return True
    for depth, parent in enumerate(skill_dir.parents):
        # Stop below home and the filesystem root: a global ~/.clawhub says nothing about a project.
        if depth >= _MAX_MARKER_DEPTH or parent in (home, Path(parent.anchor)):
            return False
        if any((parent / d / "lock.json").is_file() for d in _CLAWHUB_DIRS):
            return True
    return False


def _cursor_by_path(path: Path, home: Path) -> bool:
    if any(_is_under(path, home / ".cursor" / d) for d in _CURSOR_DIRS):
        return True
    parts = path.parts
    return any(a == ".cursor" and b == "skills" for a, b in pairwise(parts))


def detect_platform(skill_file: Path, home: Path) -> str:
    """Tell where a SKILL.md is installed: `clawhub`, `cursor` or `unknown`.

    ClawHub wins over Cursor, as in the official rule's order: a path under `~/.clawhub/` or
    `~/.openclaw/skills/`, or ClawHub's install markers beside the skill (`.clawhub/`,
    `origin.json`) or in a workdir above it (`.clawhub/lock.json`, never above `home`) give
    `clawhub`; a path under `~/.cursor/{skills,plugins,extensions}/` or a project's
    `.cursor/skills/` gives `cursor`. Symlinked installs are checked as given and resolved.

    Args:
        skill_file: The SKILL.md path.
        home: The user's home directory.
    """
    homes = _candidates(home)
    pairs = [(path, h) for path in _candidates(skill_file) for h in homes]
    if any(_clawhub_by_path(p, h) or _clawhub_by_marker(p, h) for p, h in pairs):
        return "clawhub"
    if any(_cursor_by_path(p, h) for p, h in pairs):
        return "cursor"
    return "unknown"


def identity_file(name: str) -> Path:
    """The bundled SKILL.md of one of `IDENTITIES`.

    Raises:
        ConfigError: Not a bundled identity, or its file is missing from this installation.
    """
    if name not in IDENTITIES:
        known = ", ".join(IDENTITIES)
        raise ConfigError(f"unknown skill {name!r}; the bundled skills are {known}")
    if name == IDENTITIES[0]:
        return bundled_skill_file()
    found = bundled_path(f"skills/{name}/SKILL.md")
    if found is None or not found.is_file():
        raise ConfigError(f"the bundled skill {name} is missing from this installation")
    return found


def _home_of(settings: Settings) -> Path:
    if settings.user_home != Path():
        return settings.user_home
    # Settings puts the shared client-id file at <home>/.config/nemovideo/client_id.
    parents = settings.client_id_file.parents
    return parents[2] if len(parents) > 2 else Path(settings.client_id_file.anchor or ".")


def _skill_path(settings: Settings) -> tuple[Path, bool]:
    """The SKILL.md to load, and whether it is a file the user named (not a bundled one)."""
    named = settings.skill_file
    if named is None:
        return bundled_skill_file(), False
    if str(named) in IDENTITIES and not named.exists():
        return identity_file(str(named)), False  # `--skill image-to-video-deevid`
    return named, True


def _platform(settings: Settings, skill: Skill, named: bool, home: Path) -> str:
    """R9: `SKILL_SOURCE`, then the install path (a named file, else the install record), then
    OpenClaw's exec environment, else what the bundled file's own path says."""
    from agent.hosts.records import recorded_platform

    if settings.skill_source:
        return settings.skill_source
    assert skill.path is not None  # noqa: S101 - load_skill always sets it
    if named and (found := detect_platform(skill.path, home)) != "unknown":
        return found
    recorded = recorded_platform(settings.state_dir, skill.name)
    if recorded is not None:
        return recorded
    if settings.openclaw_shell:
        return "clawhub"
    return detect_platform(skill.path, home)


def load_skill(settings: Settings, *, home: Path | None = None) -> Skill:
    """Load the SKILL.md the settings name (a file, or a bundled identity by name; else the
    bundled one) and set its `X-Skill-Platform`.

    Args:
        settings: `skill_file` picks the file or identity; `skill_source`, when set, is the
            platform verbatim.
        home: The user's home for platform detection; derived from the settings by default.

    Raises:
        ConfigError: The file cannot be read or is not a valid SKILL.md.
    """
    path, named = _skill_path(settings)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _fail(path, f"cannot read it ({reason})") from None
    skill = parse_skill(text, path)
    platform = _platform(settings, skill, named, home or _home_of(settings))
    return replace(skill, platform=platform)
