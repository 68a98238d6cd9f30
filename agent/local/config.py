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

__all__ = ["CLOUD_PROFILE", "DAY_S", "BackendConfig", "HeartbeatForm", "Profile", "RenderShape"]

DAY_S = 86_400
HeartbeatForm = Literal["json", "comment", "empty", "bare", "off"]
RenderShape = Literal["a", "b", "b-only"]
"""`a`: `data.status`/`data.outputUrl`; `b`: Shape A plus the top-level fields; `b-only`: only
the top-level `status`/`output.url` (protocol §3.9)."""
Profile = Literal["local", "cloud"]

CLOUD_PROFILE: dict[str, object] = {
    "profile": "cloud",
    "grant": 100,
    "refill": False,
    "cost_generate": 100,
    "cost_edit": 50,
    "heartbeat_form": "bare",
    "render_shape": "b-only",
    "null_state": True,
    "url_lag_polls": 1,
    "iso_dates": True,
    "token_expiry": False,
    "work_generate_s": 1.0,
    "work_edit_s": 0.2,
}
"""What the `cloud` profile changes: the cloud's grant and costs (protocol §6.3) and the shapes
the public sources allow that our client must survive (docs/cloud-wire.md)."""


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
    profile: Profile = "local"
    null_state: bool = False
    """A session with no draft answers `state: null` (no uploads) or `draft: null`."""
    url_lag_polls: int = 0
    """Polls of a completed render answered `completed` without its URL, before the URL."""
    iso_dates: bool = False
    """Render bodies carry ISO-8601 dates instead of epoch milliseconds."""
    token_expiry: bool = True
    """The anonymous-token answer carries `expires_at` (the newer examples omit it)."""
    post_production: bool = False
    workers: int = field(default_factory=_default_workers)
    faults: Faults = field(default_factory=Faults)
    work_generate_s: float = 1.0
    work_edit_s: float = 0.2
    upload_max_bytes: int = 200 * 1024 * 1024
    url_timeout_s: float = 20.0
    url_max_redirects: int = 3
    max_body_bytes: int = 1024 * 1024
    """Cap on a JSON request body (uploads have `upload_max_bytes`); over it: 413 at once."""
    body_timeout_s: float = 30.0
    """A request body must arrive in full within this many seconds (else 408)."""

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
            max_body_bytes=settings.local_max_body,
            # The embedded backend does the work for real: no simulated thinking time (tests of
            # slow backends and the cloud profile set it).
            work_generate_s=0.0,
            work_edit_s=0.0,
        )
        return base.with_overrides(**overrides) if overrides else base

    def with_overrides(self, **changes: object) -> BackendConfig:
        """A copy with some fields replaced (CLI flags, tests)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_profile(self, profile: Profile) -> BackendConfig:
        """A copy behaving like `profile`: `local` as is, `cloud` per `CLOUD_PROFILE`."""
        return self.with_overrides(**CLOUD_PROFILE) if profile == "cloud" else self
