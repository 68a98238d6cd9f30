"""The local backend's composition: injected collaborators (`Deps`) and shared state (`Backend`).

Routes receive the `Backend` through `request.app.state.backend`; nothing here is global. The
real interpreter, renderer and probe are imported lazily, so tests can inject stand-ins.
"""

from __future__ import annotations

import asyncio
import importlib
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from starlette.requests import Request

from agent.child_call import ChildCalls
from agent.files import private_dir
from agent.local.config import BackendConfig
from agent.local.faults import FaultCounter
from agent.local.interpreter.plan import InterpretContext, Plan
from agent.local.server.wire import code_error
from agent.local.store.db import DATABASE_FILE, Account, Session, Store

__all__ = ["Backend", "Deps", "Interpret", "Probe", "Render", "SpecFromDraft", "real_interpreter"]

Interpret = Callable[[InterpretContext], Plan]
SpecFromDraft = Callable[..., Any]
"""`spec_from_draft(draft, resolve_asset, *, quality="high") -> RenderSpec`; raises RenderError."""
Render = Callable[..., Any]
"""`render(spec, out_path, *, progress=None, cancel=None) -> RenderResult` (blocking)."""
Probe = Callable[[Path], Any]
"""`probe(path) -> MediaInfo(kind, width, height, duration_ms, fps)`; raises RenderError."""


def _lazy(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        func = getattr(importlib.import_module(module), name)
        return func(*args, **kwargs)

    return call


@dataclass(frozen=True, slots=True)
class Deps:
    """Everything the backend calls out to; defaults are the real implementations."""

    interpret: Interpret | None = None
    """None: the real interpreter, with the config's costs and its phrase table loaded once."""
    spec_from_draft: SpecFromDraft = field(
        default_factory=lambda: _lazy("agent.local.renderer.spec", "spec_from_draft")
    )
    shape_output: Callable[[Any, Any], Any] = field(
        default_factory=lambda: _lazy("agent.local.renderer.output", "apply_output")
    )
    """(spec, OutputRequest) -> the spec of the file asked for (resolution, fps, format)."""
    render: Render | None = None
    """None: the real renderer, in a child process (`agent.child_call`)."""
    probe: Probe | None = None
    """None: the real probe, in a child process (PyAV and Pillow never load in the server)."""
    children: ChildCalls | None = None
    """The child processes of the real render and probe (None: the backend's own). The worker
    passes the ones its exports make previews with, so one warm child serves a whole turn."""
    clock: Callable[[], float] = time.time
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    fetch_transport: httpx.AsyncBaseTransport | None = None
    """Transport for URL uploads (None: the network, loopback included)."""


def real_interpreter(config: BackendConfig) -> Interpret:
    """The real `interpret`, with the config's costs and its phrase table loaded once."""
    module = importlib.import_module("agent.local.interpreter.interpret")
    costs = module.Costs(generate=config.cost_generate, edit=config.cost_edit)
    phrases = importlib.import_module("agent.local.interpreter.phrasebook").load_phrasebook()

    def interpret(ctx: InterpretContext) -> Plan:
        plan: Plan = module.interpret(ctx, phrases=phrases, costs=costs)
        return plan

    return interpret


def _server_key(data_dir: Path) -> bytes:
    path = data_dir / "server.key"
    if not path.exists():
        private_dir(data_dir)
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


class Backend:
    """Shared state of one running app: config, store, directories, fault counters, run tasks."""

    def __init__(self, config: BackendConfig, deps: Deps) -> None:
        """Open the store under `config.data_dir` (created when missing)."""
        self.config = config
        self.deps = deps
        self.media_dir = config.data_dir / "media"
        self.outputs_dir = config.data_dir / "outputs"
        for folder in (self.media_dir, self.outputs_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.store = Store(
            config.data_dir / DATABASE_FILE, _server_key(config.data_dir), clock=deps.clock
        )
        self.faults = FaultCounter(config.faults)
        """Render-side fault state (the HTTP-side counter lives in the app's middleware)."""
        self.runs: set[asyncio.Task[None]] = set()
        self.url_polls: dict[str, int] = {}
        """Polls answered per completed render (the cloud profile's `url_lag_polls`)."""
        self.interpret = deps.interpret or real_interpreter(config)
        self._own_children = deps.children is None
        self.children = deps.children or ChildCalls()
        """Render and probe children: the server never imports PyAV, OpenCV or NumPy itself."""
        self.render: Render = deps.render or self._render_in_child
        self.probe: Probe = deps.probe or self._probe_in_child

    def _render_in_child(
        self,
        spec: Any,
        out_path: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Any:
        return self.children.call(
            "agent.local.renderer.render",
            "render",
            spec,
            out_path,
            progress=progress,
            cancel=cancel,
        )

    def _probe_in_child(self, path: Path) -> Any:
        return self.children.call("agent.local.renderer.media_probe", "probe", path)

    def close(self) -> None:
        """Close the store and stop the spare render child (of children it owns)."""
        if self._own_children:
            self.children.close()
        self.store.close()

    def media_path(self, asset_id: str, filename: str) -> Path:
        """Where an accepted upload is kept."""
        return self.media_dir / asset_id / filename

    def now_ms(self) -> int:
        """The injected clock in epoch milliseconds."""
        return int(self.deps.clock() * 1000)

    def authenticate(self, request: Request) -> Account:
        """The caller's account from `Authorization: Bearer ...`.

        Raises:
            InvalidTokenError: Missing, unknown or expired token (code 1001).
        """
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        account = None
        if scheme.lower() == "bearer" and token.strip():
            account = self.store.account_for(token.strip())
        if account is None:
            raise code_error(1001, "invalid or missing token")
        if account.token_expires <= self.deps.clock():
            raise code_error(1001, "token expired")
        return account

    def owned_session(self, account: Account, session_id: str, path_user: str | None) -> Session:
        """A session of the caller; `path_user` (`me` or the caller's id) when in the path.

        Raises:
            SessionNotFoundError: Unknown session, another user's, or a foreign user path.
        """
        session = self.store.session(session_id)
        foreign_path = path_user not in (None, "me", account.user_id)
        if session is None or session.user_id != account.user_id or foreign_path:
            raise code_error(1002, "session not found")
        return session

    def track(self, task: asyncio.Task[None]) -> None:
        """Keep a background run alive until it finishes."""
        self.runs.add(task)
        task.add_done_callback(self.runs.discard)

    async def aclose_runs(self, timeout_s: float = 30.0) -> None:
        """Let running `/run_sse` runs finish (bounded), cancelling the stragglers."""
        if self.runs:
            _, pending = await asyncio.wait(set(self.runs), timeout=timeout_s)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
