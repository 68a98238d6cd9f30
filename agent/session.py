"""The current project session: persisted between CLI runs, renewed when the backend lost it.

No HTTP here: session creation goes through an injected `SessionApi` (the client); files only
under the path given to `SessionStore`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar
from urllib.parse import quote

import structlog

from agent.errors import SessionNotFoundError
from agent.files import write_atomic
from agent.models import ClaimToken, Clock, SessionInfo

__all__ = [
    "Outcome",
    "SessionApi",
    "SessionLanguage",
    "SessionRecord",
    "SessionStore",
    "Sessions",
    "claim_url",
    "registration_url",
]

SessionLanguage = Literal["en", "zh-CN"]
T = TypeVar("T")
TASK_NAME = "project"
_log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One backend project session."""

    task_id: str
    session_id: str
    user_id: str | None
    language: str
    created_at: float
    """Epoch seconds."""
    reset: bool = False
    """True when this session replaced one the backend no longer knew: upload assets again."""


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """The value of an operation plus the session it ran in."""

    value: T
    session: SessionRecord

    @property
    def reset(self) -> bool:
        """The session was replaced on the way; earlier uploads are gone."""
        return self.session.reset


class SessionApi(Protocol):
    """What `Sessions` needs from the client."""

    async def create_session(self, language: str, task_name: str = TASK_NAME) -> SessionInfo:
        """Create a project and its session."""
        ...

    async def claim_token(self, task_id: str, session_id: str) -> ClaimToken:
        """A claim token for the browser link."""
        ...


def claim_url(web_url: str, claim_token: str) -> str:
    """The browser link for a project: `$WEB/workspace/claim?ct=<claim_token>`."""
    return f"{web_url.rstrip('/')}/workspace/claim?ct={quote(claim_token, safe='')}"


def registration_url(web_url: str, user_id: str) -> str:
    """Where an anonymous user registers and keeps the project history (protocol §8.1)."""
    return f"{web_url.rstrip('/')}/register?bind={quote(user_id, safe='')}"


@dataclass(frozen=True, slots=True)
class SessionStore:
    """The current session per API URL, as one JSON file."""

    path: Path
    api_url: str

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except OSError:
            return {}
        except ValueError:  # truncated or garbled (not JSON, not UTF-8)
            data = None
        if isinstance(data, dict):
            return data
        self._set_aside()
        return {}

    def _set_aside(self) -> None:
        """Keep an unreadable session file as `<name>.corrupt` (never silently lost) and warn."""
        aside = self.path.with_name(f"{self.path.name}.corrupt")
        try:
            os.replace(self.path, aside)
        except OSError:
            return
        _log.warning("session file unreadable; starting a new session", kept_as=str(aside))

    def load(self) -> SessionRecord | None:
        """The stored session for this API, or None."""
        raw = self._read().get(self.api_url)
        if not isinstance(raw, dict):
            return None
        try:
            return SessionRecord(**{**raw, "reset": False})
        except TypeError:
            return None

    def save(self, record: SessionRecord) -> None:
        """Store `record` as the current session for this API (atomic write)."""
        data = self._read()
        data[self.api_url] = {k: v for k, v in asdict(record).items() if k != "reset"}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))


class Sessions:
    """Current-session logic: reuse, start new, and renew after code 1002."""

    def __init__(self, store: SessionStore, api: SessionApi, *, clock: Clock) -> None:
        self._store = store
        self._api = api
        self._clock = clock

    async def current(self, language: str = "en", *, new: bool = False) -> SessionRecord:
        """The stored session, or a new one when there is none or `new` is set."""
        if not new:
            record = self._store.load()
            if record is not None:
                return record
        return await self._create(language, reset=False)

    async def renew(self, language: str = "en") -> SessionRecord:
        """Replace a session the backend lost; the result has `reset=True`."""
        return await self._create(language, reset=True)

    async def run(
        self,
        op: Callable[[SessionRecord], Awaitable[T]],
        language: str = "en",
        *,
        new: bool = False,
    ) -> Outcome[T]:
        """Run `op` in the current session; on 1002 renew the session and run it once more.

        Only use for operations the backend rejected before doing anything (1002 is such a
        rejection), so running them again cannot duplicate work.
        """
        record = await self.current(language, new=new)
        try:
            return Outcome(await op(record), record)
        except SessionNotFoundError:
            record = await self.renew(record.language)
        return Outcome(await op(record), record)

    async def claim_link(self, record: SessionRecord, web_url: str) -> str:
        """The browser link for the session's project (via `POST /api/auth/claim-token`)."""
        claim = await self._api.claim_token(record.task_id, record.session_id)
        return claim_url(web_url, claim.claim_token)

    async def _create(self, language: str, *, reset: bool) -> SessionRecord:
        info = await self._api.create_session(language, TASK_NAME)
        record = SessionRecord(
            task_id=info.task_id,
            session_id=info.session_id,
            user_id=info.user_id,
            language=language,
            created_at=self._clock(),
        )
        self._store.save(record)
        return replace(record, reset=reset) if reset else record
