"""`nemo-agent doctor`: one finding per check, each failure with the fix; never prints a token.

Checks: Python and package versions, the skill in use, installed skills per host, MCP
registrations, the API (or the local backend starting), the token, state-directory permissions,
a 1-second local render, and the worker. Side effects (HTTP transport, worker status, render) are
injected so each check is testable offline.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

from agent import DISTRIBUTION, __version__
from agent.auth import TOKEN_FILE
from agent.config import Settings
from agent.errors import AgentError
from agent.hosts.findings import Check, Finding
from agent.hosts.installed import mcp_findings, skill_findings
from agent.hosts.records import RECORD_FILE, InstallRecord, load_record
from agent.skill import load_skill
from agent.templates import Language, Templates

__all__ = ["Check", "Doctor"]
_CREDITS = "/api/credits/balance/simple"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class Doctor:
    """Runs every check for one set of settings."""

    def __init__(
        self,
        settings: Settings,
        *,
        lang: Language = "en",
        transport: httpx.AsyncBaseTransport | None = None,
        worker_status: Callable[[], Awaitable[dict[str, Any] | None]] | None = None,
        render_test: Callable[[Path], int] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Args:
        settings: Whose installation to check.
        lang: Language of the findings.
        transport: httpx transport for the API check (tests); default network.
        worker_status: Returns the worker's status or None (default `WorkerClient.status`).
        render_test: Renders a 1-second MP4 to the path and returns its size (default: the
            local renderer).
        clock: Epoch seconds (token expiry).
        """
        self.settings = settings
        self.lang: Language = lang
        self.transport = transport
        self.worker_status = worker_status
        self.render_test = render_test
        self.clock = clock
        self.templates = Templates()

    async def run(self) -> list[Check]:
        """Every check, in a fixed order."""
        record = self._record()
        found: list[Finding] = [*self._versions(), self._skill_in_use()]
        found += skill_findings(self.settings, record)
        found += mcp_findings(self.settings, record)
        accepted, api = await self._api()
        found += [api, self._token(accepted), *self._state()]
        found += [await self._render(), await self._worker()]
        return [self._render_finding(f) for f in found]

    def _render_finding(self, f: Finding) -> Check:
        text = self.templates.render("doctor/check", self.lang, id=f.id, **f.ctx)
        fix = ""
        if f.fix is not None:
            fix = self.templates.render("doctor/check", self.lang, id=f.fix, **f.fix_ctx)
        return Check(f.name, f.status, text, fix)

    def _record(self) -> InstallRecord:
        try:
            return load_record(self.settings.state_dir)
        except AgentError:
            return InstallRecord()

    # -- versions and the skill in use ---------------------------------------------------

    def _versions(self) -> list[Finding]:
        version = ".".join(map(str, sys.version_info[:3]))
        python = (
            Finding("python", "ok", "python", {"version": version})
            if sys.version_info >= (3, 11)
            else Finding(
                "python",
                "fail",
                "python_old",
                {"version": version},
                "fix_python",
                {"name": DISTRIBUTION},
            )
        )
        fix_ctx = {"name": DISTRIBUTION}
        try:
            installed = metadata.version(DISTRIBUTION)
        except metadata.PackageNotFoundError:
            missing = Finding("package", "warn", "package_missing", fix_ctx, "fix_package", fix_ctx)
            return [python, missing]
        if installed != __version__:
            ctx = {"name": DISTRIBUTION, "installed": installed, "running": __version__}
            return [
                python,
                Finding("package", "warn", "package_mismatch", ctx, "fix_reinstall", fix_ctx),
            ]
        command = shutil.which("nemo-agent")
        ctx = {"name": DISTRIBUTION, "version": installed, "command": command or "-"}
        if command is None:  # hosts find the command on PATH (OpenClaw: requires.bins)
            return [python, Finding("package", "warn", "package", ctx, "fix_package", fix_ctx)]
        return [python, Finding("package", "ok", "package", ctx)]

    def _skill_in_use(self) -> Finding:
        try:
            skill = load_skill(self.settings)
        except AgentError as exc:
            return Finding("skill", "fail", "skill_broken", {"error": exc.message}, "fix_skill")
        ctx = {"name": skill.name, "version": skill.version, "platform": skill.platform}
        return Finding("skill", "ok", "skill_in_use", ctx)

    # -- installs ------------------------------------------------------------------------

    # -- the API, the token, the state directory -----------------------------------------

    def _token_value(self) -> str | None:
        if self.settings.token:
            return self.settings.token
        data = self._cached_token()
        value = data.get("token")
        expires = data.get("expires_at")
        fresh = isinstance(expires, int | float) and expires > self.clock()
        return value if isinstance(value, str) and fresh else None

    def _cached_token(self) -> dict[str, Any]:
        try:
            data = json.loads((self.settings.state_dir / TOKEN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("api_url") != self.settings.store_scope:
            return {}
        return data

    async def _api(self) -> tuple[bool | None, Finding]:
        """Whether the token was accepted (None: not asked), and the API finding."""
        if self.settings.backend == "local":
            return None, await asyncio.to_thread(self._local_backend)
        url = self.settings.api_url
        token = self._token_value()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            async with httpx.AsyncClient(
                base_url=url, transport=self.transport, timeout=5.0
            ) as http:
                response = await http.get(_CREDITS if token else "/", headers=headers)
        except httpx.HTTPError as exc:
            reason = type(exc).__name__
            return None, Finding(
                "api", "fail", "api_down", {"url": url, "reason": reason}, "fix_network"
            )
        accepted = None
        if token:
            accepted = response.status_code == 200 and _code(response) in (0, None)
            if response.status_code not in (200, 401, 403) and _code(response) != 1001:
                accepted = None  # the API answered, but not about the token
        return accepted, Finding("api", "ok", "api_ok", {"url": url})

    def _local_backend(self) -> Finding:
        try:
            from agent.local.server.loopback import embedded_backend
        except ImportError:
            return Finding(
                "api", "fail", "render_no_local", {}, "fix_local", {"name": DISTRIBUTION}
            )
        try:
            with embedded_backend(self.settings) as url:
                return Finding("api", "ok", "local_ok", {"url": url})
        except AgentError as exc:
            return Finding(
                "api",
                "fail",
                "local_failed",
                {"error": exc.message},
                "fix_local",
                {"name": DISTRIBUTION},
            )

    def _token(self, accepted: bool | None) -> Finding:
        if self.settings.token:
            if accepted is False:
                return Finding("token", "fail", "token_rejected", {}, "fix_token")
            return Finding("token", "ok", "token_env", {"checked": accepted is True})
        data = self._cached_token()
        expires = data.get("expires_at")
        if not isinstance(expires, int | float):
            return Finding("token", "info", "token_none")
        if expires <= self.clock():
            return Finding("token", "info", "token_expired")
        if accepted is False:
            return Finding("token", "info", "token_expired")
        days = max(0, int((expires - self.clock()) // 86400))
        return Finding("token", "ok", "token_anonymous", {"days": days})

    def _state(self) -> list[Finding]:
        state = self.settings.state_dir
        if not state.is_dir():
            return [Finding("state", "info", "state_missing", {"path": str(state)})]
        wanted = [(state, "700"), *((state / n, "600") for n in (TOKEN_FILE, RECORD_FILE))]
        found = [
            Finding(
                "state",
                "fail",
                "state_open",
                {"path": str(path), "mode": f"{_mode(path):04o}"},
                "fix_chmod",
                {"mode": mode, "path": str(path)},
            )
            for path, mode in wanted
            if path.exists() and _mode(path) & 0o077
        ]
        return found or [Finding("state", "ok", "state_ok", {"path": str(state)})]

    # -- render and worker ---------------------------------------------------------------

    async def _render(self) -> Finding:
        render = self.render_test or _render_one_second
        with tempfile.TemporaryDirectory(prefix="nemo-agent-doctor-") as tmp:
            try:
                size = await asyncio.to_thread(render, Path(tmp) / "self-test.mp4")
            except ImportError:
                return Finding(
                    "render", "warn", "render_no_local", {}, "fix_local", {"name": DISTRIBUTION}
                )
            except AgentError as exc:
                return Finding(
                    "render",
                    "fail",
                    "render_failed",
                    {"error": exc.message},
                    "fix_local",
                    {"name": DISTRIBUTION},
                )
        from agent.handlers.base import human_size

        return Finding("render", "ok", "render_ok", {"size": human_size(size)})

    async def _worker(self) -> Finding:
        ask = self.worker_status
        if ask is None:
            from agent.worker.client import WorkerClient

            ask = WorkerClient(self.settings).status
        try:
            status = await ask()
        except (AgentError, OSError) as exc:
            error = exc.message if isinstance(exc, AgentError) else str(exc)
            return Finding("worker", "warn", "worker_broken", {"error": error}, "fix_worker")
        if status is None:
            return Finding("worker", "info", "worker_idle")
        ctx = {
            "pid": status.get("pid"),
            "version": status.get("version"),
            "running": status.get("running", 0),
            "queued": status.get("queued", 0),
        }
        if status.get("version") != __version__:
            return Finding("worker", "warn", "worker_other", ctx, "fix_worker")
        return Finding("worker", "ok", "worker_running", ctx)


def _code(response: httpx.Response) -> int | None:
    try:
        body = response.json()
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, int) else None


def _render_one_second(path: Path) -> int:
    """Render a 1-second 320x180 clip (black, no media needed); its size in bytes."""
    from agent.local.renderer.render import render
    from agent.local.renderer.spec import RenderSpec

    return render(RenderSpec(320, 180, duration_ms=1000, crf=28), path).size_bytes
