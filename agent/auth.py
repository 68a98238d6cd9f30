"""Credentials: the persisted client id, the user's NEMO_TOKEN, the cached anonymous token.

No HTTP here: the client hands `Credentials.token` an issuer (its anonymous-token call) and
reports rejected tokens back with `Credentials.reject`. File I/O only under paths from Settings.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from agent.config import Settings
from agent.errors import AuthError, ConfigError
from agent.files import tighten, write_atomic
from agent.models import AnonymousToken, Clock

__all__ = [
    "ANONYMOUS_TTL_SECONDS",
    "Credentials",
    "Token",
    "TokenCache",
    "resolve_client_id",
]

ANONYMOUS_TTL_SECONDS = 7 * 24 * 3600
"""Assumed lifetime when the server omits `expires_at` (protocol §3.1)."""
EXPIRY_MARGIN_SECONDS = 60
"""A cached token this close to expiry is treated as expired."""
TOKEN_FILE = "anonymous_token.json"  # noqa: S105 - a file name, not a secret
_CLIENT_ID = re.compile(r"[\x21-\x7e]{1,200}")
"""A client id as other skills write it: one line of visible ASCII (a UUID4 in practice)."""

Issuer = Callable[[str], Awaitable[AnonymousToken]]
"""Requests an anonymous token for a client id (`NemoClient.anonymous_token`)."""


@dataclass(frozen=True, slots=True)
class Token:
    """A bearer token and where it came from."""

    value: str = field(repr=False)
    anonymous: bool
    user_id: str | None = None
    expires_at: float | None = None
    """Epoch seconds; None for a user-supplied token."""


def resolve_client_id(settings: Settings, *, new_id: Callable[[], str] | None = None) -> str:
    """The client id: `NEMO_CLIENT_ID`, else the shared file, else a new UUID4 written there."""
    if settings.client_id:
        return settings.client_id
    path = settings.client_id_file
    tighten(path.parent)  # the id is as good as the token (anonymous re-issue): keep it private
    tighten(path)
    stored = _stored_client_id(path)
    if stored:
        return stored
    value = new_id() if new_id is not None else str(uuid.uuid4())
    try:
        write_atomic(path, value + "\n")
    except OSError as exc:
        raise ConfigError(
            f"cannot save the client id to {path} ({exc.strerror or exc}); "
            "set NEMO_CLIENT_ID or fix that folder"
        ) from exc
    return value


def _stored_client_id(path: Path) -> str | None:
    """The id in the shared file; None when there is no file or it is blank.

    Raises:
        ConfigError: The file cannot be read or holds something that is not an id. It is not
            replaced: the id ties this machine to its anonymous account and its projects.
    """
    try:
        stored = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ConfigError(
            f"cannot read the client id file {path} ({reason}); "
            "delete it to get a new id, or set NEMO_CLIENT_ID"
        ) from exc
    if stored and not _CLIENT_ID.fullmatch(stored):
        raise ConfigError(
            f"the client id file {path} does not hold a valid id; "
            "delete it to get a new id, or set NEMO_CLIENT_ID"
        )
    return stored or None


@dataclass(frozen=True, slots=True)
class TokenCache:
    """The anonymous token as a JSON file (mode 0600), valid until its `expires_at`."""

    path: Path
    clock: Clock
    scope: str = ""
    """The API URL the token belongs to; a token cached for another API is ignored."""

    def load(self, client_id: str) -> Token | None:
        """The cached token for this client id, or None if missing, unreadable or expired."""
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict) or (raw.get("client_id"), raw.get("api_url")) != (
            client_id,
            self.scope,
        ):
            return None
        value, expires = raw.get("token"), raw.get("expires_at")
        if not isinstance(value, str) or not isinstance(expires, int | float):
            return None
        if expires - EXPIRY_MARGIN_SECONDS <= self.clock():
            return None
        user_id = raw.get("user_id") if isinstance(raw.get("user_id"), str) else None
        return Token(value, anonymous=True, user_id=user_id, expires_at=float(expires))

    def save(self, issued: AnonymousToken, client_id: str) -> Token:
        """Store a freshly issued token and return it."""
        expires = (
            issued.expires_at.timestamp()
            if isinstance(issued.expires_at, datetime)
            else self.clock() + ANONYMOUS_TTL_SECONDS
        )
        record = {
            "client_id": client_id,
            "api_url": self.scope,
            "token": issued.token,
            "user_id": issued.user_id,
            "expires_at": expires,
        }
        write_atomic(self.path, json.dumps(record))
        return Token(issued.token, anonymous=True, user_id=issued.user_id, expires_at=expires)

    def clear(self) -> None:
        """Forget the cached token."""
        self.path.unlink(missing_ok=True)


class Credentials:
    """Which bearer token to send, consulted by the client before each authenticated request.

    Precedence: the user's `NEMO_TOKEN`, then the cached anonymous token, then a new one.
    """

    def __init__(self, settings: Settings, *, clock: Clock, cache: TokenCache | None = None):
        self._settings = settings
        self._cache = cache or TokenCache(
            settings.state_dir / TOKEN_FILE, clock, settings.store_scope
        )
        self._client_id: str | None = None
        self._issuing = asyncio.Lock()

    @property
    def client_id(self) -> str:
        """The persisted client id (resolved on first use)."""
        if self._client_id is None:
            self._client_id = resolve_client_id(self._settings)
        return self._client_id

    def current(self) -> Token | None:
        """The token to use without any network call, if there is one."""
        if self._settings.token is not None:
            return Token(self._settings.token, anonymous=False)
        return self._cache.load(self.client_id)

    async def token(self, issue: Issuer) -> Token:
        """The token to use, requesting and caching an anonymous one when needed."""
        known = self.current()
        if known is not None:
            return known
        async with self._issuing:  # concurrent first requests share one issued token
            known = self.current()
            if known is not None:
                return known
            issued = await issue(self.client_id)
            return self._cache.save(issued, self.client_id)

    def reject(self, token: Token) -> None:
        """The server answered 1001 for `token`: drop it so the next call re-issues one.

        Raises:
            AuthError: The rejected token is the user's own `NEMO_TOKEN`.
        """
        if not token.anonymous:
            raise AuthError(
                "your NEMO_TOKEN was rejected (expired or revoked); create a new one under "
                "Settings → API Tokens on nemovideo.com, or unset NEMO_TOKEN to use a free "
                "anonymous token"
            )
        self._cache.clear()
