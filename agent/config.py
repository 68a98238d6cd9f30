"""Settings: built once from an explicit environment mapping; the only module that reads os.environ.

Everything else receives a `Settings` value (or a field of it). Paths follow platformdirs
unless `NEMO_AGENT_HOME` is set, which puts config, state and cache under one directory.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from agent.errors import ConfigError

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_WEB_URL",
    "Settings",
]

DEFAULT_API_URL = "https://mega-api-prod.nemovideo.ai"
DEFAULT_WEB_URL = "https://nemovideo.com"
DEFAULT_ROUTER_MODEL = "claude-haiku-4-5"
DEFAULT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_REQUEST_TIMEOUT_S = 30
DEFAULT_LOCAL_MAX_BODY = 1024 * 1024
DEFAULT_WORKER_IDLE = 900
DEFAULT_WAIT = 90
APP_NAME = "nemo-agent"

Backend = Literal["cloud", "local"]


def _bool(env: Mapping[str, str], key: str, default: bool) -> bool:
    raw = env.get(key)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{key} must be true or false, not {raw!r}")


def _int(env: Mapping[str, str], key: str, default: int) -> int:
    raw = env.get(key)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ConfigError(f"{key} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{key} must be positive, not {raw!r}")
    return value


def _check_host(host: str) -> None:
    """Raise ValueError for a host the HTTP client would refuse (as httpx parses it)."""
    import idna  # pure; httpx's own IDNA codec

    if re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+", host):
        ipaddress.IPv4Address(host)
    elif ":" in host:
        ipaddress.IPv6Address(host)
    elif not host.isascii():
        idna.encode(host.lower())
    elif host.startswith("xn--"):
        idna.decode(host)


def _url(env: Mapping[str, str], key: str, default: str) -> str:
    raw = (env.get(key) or "").strip() or default
    problem = f"{key} must be an http(s) URL such as https://host or http://127.0.0.1:8765"
    if any(ch.isspace() or not ch.isprintable() for ch in raw):
        raise ConfigError(f"{problem} (no spaces or control characters), not {raw!r}")
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 - parsed on access: raises on a port that is not a number
        host = parts.hostname or ""
        _check_host(host)
    except ValueError:  # urllib, ipaddress and idna errors alike
        raise ConfigError(f"{problem}, not {raw!r}") from None
    if parts.scheme not in ("http", "https") or not host.strip("."):
        raise ConfigError(f"{problem}, not {raw!r}")
    return raw.rstrip("/")


def _path(raw: str, home: Path) -> Path:
    """Expand `~` against the HOME of the given environment, not the process's."""
    if raw == "~" or raw.startswith("~/"):
        return home / raw[2:]
    return Path(raw).expanduser()


def _dirs(env: Mapping[str, str], user_home: Path) -> tuple[Path, Path, Path]:
    home = (env.get("NEMO_AGENT_HOME") or "").strip()
    if home:
        root = _path(home, user_home)
        return root / "config", root / "state", root / "cache"
    import platformdirs

    return (
        Path(platformdirs.user_config_dir(APP_NAME)),
        Path(platformdirs.user_state_dir(APP_NAME)),
        Path(platformdirs.user_cache_dir(APP_NAME)),
    )


@dataclass(frozen=True, slots=True)
class Settings:
    """All runtime configuration, resolved once at the front end."""

    api_url: str = DEFAULT_API_URL
    web_url: str = DEFAULT_WEB_URL
    token: str | None = field(default=None, repr=False)
    """A user-supplied `NEMO_TOKEN`; wins over any cached anonymous token."""
    client_id: str | None = None
    """`NEMO_CLIENT_ID`; when None the shared client-id file is used."""
    skill_source: str | None = None
    """`SKILL_SOURCE`: sent verbatim as `X-Skill-Platform` when set."""
    skill_file: Path | None = None
    """`NEMO_SKILL_FILE` / `--skill`: another SKILL.md; None means the bundled one."""
    config_dir: Path = Path("config")
    state_dir: Path = Path("state")
    cache_dir: Path = Path("cache")
    client_id_file: Path = Path(".config/nemovideo/client_id")
    """Shared with the other skills of this family: `~/.config/nemovideo/client_id`."""
    backend: Backend = "cloud"
    """`NEMO_BACKEND`: `local` starts the embedded backend for the duration of a command."""
    anthropic_api_key: str | None = field(default=None, repr=False)
    router_model: str = DEFAULT_ROUTER_MODEL
    upload_max_bytes: int = DEFAULT_UPLOAD_MAX_BYTES
    output_dir: Path | None = None
    """Where exports land (`NEMO_OUTPUT_DIR`); None means the current directory."""
    auto_export: bool = True
    """Export and deliver the MP4 in the same turn when the backend says to (`NEMO_AUTO_EXPORT`)."""
    faults: str | None = None
    """`NEMO_FAULTS`: fault-injection spec for the embedded local backend (tests and demos)."""
    request_timeout: int = DEFAULT_REQUEST_TIMEOUT_S
    """`NEMO_REQUEST_TIMEOUT`: seconds one idempotent request may take, retries included."""
    local_max_body: int = DEFAULT_LOCAL_MAX_BODY
    """`NEMO_LOCAL_MAX_BODY`: the embedded backend's cap on a JSON request body, in bytes."""
    user_home: Path = Path()
    """The user's home (`HOME`): where agent hosts keep their skills and MCP configuration."""
    openclaw_state_dir: Path | None = None
    """`OPENCLAW_STATE_DIR`: OpenClaw's own state folder (default `~/.openclaw`)."""
    openclaw_shell: bool = False
    """`OPENCLAW_SHELL` is set: this command was started by OpenClaw's exec tool."""
    worker: bool = True
    """`NEMO_WORKER`: run jobs in the background worker; `false` runs them inside the command."""
    worker_idle: int = DEFAULT_WORKER_IDLE
    """`NEMO_WORKER_IDLE`: seconds without jobs or clients before the worker exits."""
    default_wait: int = DEFAULT_WAIT
    """`NEMO_WAIT`: seconds `turn --json` (and `send`/`export --json`) waits before `running`."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from an environment mapping (the process environment by default).

        Raises:
            ConfigError: A variable has an invalid value.
        """
        if env is None:
            env = os.environ
        user_home = Path(env.get("HOME") or Path.home()).expanduser()
        config_dir, state_dir, cache_dir = _dirs(env, user_home)
        backend = (env.get("NEMO_BACKEND") or "cloud").strip().lower()
        if backend not in ("cloud", "local"):
            raise ConfigError(f"NEMO_BACKEND must be 'cloud' or 'local', not {backend!r}")
        skill_file = (env.get("NEMO_SKILL_FILE") or "").strip()
        output_dir = (env.get("NEMO_OUTPUT_DIR") or "").strip()
        openclaw_dir = (env.get("OPENCLAW_STATE_DIR") or "").strip()
        return cls(
            api_url=_url(env, "NEMO_API_URL", DEFAULT_API_URL),
            web_url=_url(env, "NEMO_WEB_URL", DEFAULT_WEB_URL),
            token=(env.get("NEMO_TOKEN") or "").strip() or None,
            client_id=(env.get("NEMO_CLIENT_ID") or "").strip() or None,
            skill_source=(env.get("SKILL_SOURCE") or "").strip() or None,
            skill_file=_path(skill_file, user_home) if skill_file else None,
            config_dir=config_dir,
            state_dir=state_dir,
            cache_dir=cache_dir,
            client_id_file=user_home / ".config" / "nemovideo" / "client_id",
            backend="local" if backend == "local" else "cloud",
            anthropic_api_key=(env.get("ANTHROPIC_API_KEY") or "").strip() or None,
            router_model=(env.get("NEMO_ROUTER_MODEL") or "").strip() or DEFAULT_ROUTER_MODEL,
            upload_max_bytes=_int(env, "NEMO_UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES),
            output_dir=_path(output_dir, user_home) if output_dir else None,
            auto_export=_bool(env, "NEMO_AUTO_EXPORT", True),
            faults=(env.get("NEMO_FAULTS") or "").strip() or None,
            request_timeout=_int(env, "NEMO_REQUEST_TIMEOUT", DEFAULT_REQUEST_TIMEOUT_S),
            local_max_body=_int(env, "NEMO_LOCAL_MAX_BODY", DEFAULT_LOCAL_MAX_BODY),
            user_home=user_home,
            openclaw_state_dir=_path(openclaw_dir, user_home) if openclaw_dir else None,
            openclaw_shell=bool((env.get("OPENCLAW_SHELL") or "").strip()),
            worker=_bool(env, "NEMO_WORKER", True),
            worker_idle=_int(env, "NEMO_WORKER_IDLE", DEFAULT_WORKER_IDLE),
            default_wait=_int(env, "NEMO_WAIT", DEFAULT_WAIT),
        )

    @property
    def store_scope(self) -> str:
        """What cached tokens and sessions are keyed by: the API URL, or for the embedded
        backend (whose port may change between commands) its data location."""
        if self.backend == "local":
            return f"local:{self.state_dir}"
        return self.api_url

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with some fields replaced (front-end flags such as `--skill`)."""
        return replace(self, **changes)  # type: ignore[arg-type]
