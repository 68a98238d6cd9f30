"""Configuration of the embedded local backend: one frozen value built by the front ends.

No environment reads here: `from_settings` takes the already-resolved `Settings`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from agent.config import Settings
from agent.local.faults import Faults, parse_faults

__all__ = ["DAY_S", "BackendConfig", "HeartbeatForm", "RenderShape"]

DAY_S = 86_400
HeartbeatForm = Literal["json", "comment", "empty", "off"]
RenderShape = Literal["a", "b"]


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class BackendConfig:
    """Everything the local backend can be tuned with; defaults suit offline use."""

    data_dir: Path
    grant: int = 10_000
    """Credits granted to each new user (the cloud grants 100)."""
    refill: bool = True
    """Top a balance back up to `grant` whenever a message needs more than is left, so offline
    work never stops; False keeps the cloud's numbers (tests, a cloud-like profile)."""
    cost_generate: int = 100
    cost_edit: int = 50
    heartbeat_s: float = 15.0
    heartbeat_form: HeartbeatForm = "json"
    token_ttl_s: int = 7 * DAY_S
    claim_ttl_s: int = 7 * DAY_S
    ip_cap: int = 10
    """Distinct client ids one client address may get tokens for per token TTL (then 429)."""
    ip_retry_after_s: int = 3600
    render_shape: RenderShape = "a"
    post_production: bool = False
    workers: int = field(default_factory=_default_workers)
    faults: Faults = field(default_factory=Faults)
    work_generate_s: float = 1.0
    work_edit_s: float = 0.2
    upload_max_bytes: int = 200 * 1024 * 1024
    url_timeout_s: float = 20.0
    url_max_redirects: int = 3

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        if self.heartbeat_s <= 0:
            raise ValueError("heartbeat_s must be positive")

    @property
    def render_workers(self) -> int:
        """Render threads: never more than the machine's cores."""
        return min(self.workers, _default_workers())

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> BackendConfig:
        """The config for the embedded backend: data under the state dir, faults from settings.

        Raises:
            ConfigError: `settings.faults` is not a valid fault spec.
        """
        base = cls(
            data_dir=settings.state_dir / "local-backend",
            faults=parse_faults(settings.faults),
            upload_max_bytes=settings.upload_max_bytes,
        )
        return base.with_overrides(**overrides) if overrides else base

    def with_overrides(self, **changes: object) -> BackendConfig:
        """A copy with some fields replaced (CLI flags, tests)."""
        return replace(self, **changes)  # type: ignore[arg-type]
