"""SQLite persistence of the local backend: users and tokens, credits, sessions, uploads, claims,
render jobs. One connection behind a lock (WAL mode); JSON columns hold drafts and media lists.

Only hashes of bearer and claim tokens are stored; a token is re-derived from a server key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.errors import ConfigError
from agent.local.store.history import HISTORY_SCHEMA
from agent.local.store.jobs import RenderJob
from agent.local.store.schema import (
    SCHEMA,
    Account,
    Balance,
    TokenRefusal,
    job_from_row,
    write_job_state,
)

__all__ = [
    "DATABASE_FILE",
    "Account",
    "Balance",
    "Session",
    "Store",
    "TokenRefusal",
    "check_data_dir",
    "token_hash",
]

DATABASE_FILE = "backend.sqlite3"
"""The database's name inside the data directory."""

Clock = Callable[[], float]


def token_hash(token: str) -> str:
    """The stored form of a bearer or claim token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Session:
    """One project/session row with its state."""

    session_id: str
    task_id: str
    user_id: str
    task_name: str
    language: str
    draft: dict[str, Any]
    video_infos: list[dict[str, Any]]


def check_data_dir(data_dir: Path) -> None:
    """Refuse a data directory the server could not open, before it starts serving.

    Raises:
        ConfigError: `data_dir` is a file, or its database is damaged or not a database.
    """
    if data_dir.exists() and not data_dir.is_dir():
        raise ConfigError(f"the local backend's data location {data_dir} is a file, not a folder")
    path = data_dir / DATABASE_FILE
    if not path.exists():
        return
    fresh = "move it away to start with an empty local backend"
    try:
        db = sqlite3.connect(path, timeout=5)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            f"the local backend's database {path} is damaged ({exc}); {fresh}"
        ) from exc
    if not verdict or verdict[0] != "ok":
        raise ConfigError(f"the local backend's database {path} is damaged; {fresh}")


class Store:
    """All durable state; every method is a short transaction under one lock."""

    def __init__(self, path: Path, key: bytes, *, clock: Clock) -> None:
        """Open (and create) the database at `path`; `key` derives bearer tokens."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        self._key = key
        self._clock = clock
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(SCHEMA + HISTORY_SCHEMA)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _token(self, nonce: str) -> str:
        digest = hmac.new(self._key, nonce.encode("utf-8"), hashlib.sha256).digest()
        return "nmv_usr_" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    # --- users and tokens ---------------------------------------------------------------

    def issue_token(
        self, client_id: str, client_addr: str, *, ttl_s: float, grant: int, ip_cap: int
    ) -> tuple[str, str, float] | TokenRefusal:
        """(token, user_id, expires_at) for a client id, or why it is refused.

        A client id whose token is still valid is refused until it expires (the cloud's one
        token per client rule): the id alone is no proof, so its live token is never handed to
        a second caller. An expired one is replaced for the same user (credits and sessions
        are kept). A new client id is refused when its address hit its cap.
        """
        now = self._clock()
        with self._tx() as db:
            row = db.execute("SELECT * FROM users WHERE client_id=?", (client_id,)).fetchone()
            if row is not None and row["token_expires"] > now:
                return TokenRefusal("live", row["token_expires"] - now)
            nonce, expires = secrets.token_hex(16), now + ttl_s
            token = self._token(nonce)
            if row is not None:
                db.execute(
                    "UPDATE users SET token_nonce=?, token_hash=?, token_expires=? WHERE user_id=?",
                    (nonce, token_hash(token), expires, row["user_id"]),
                )
                return token, row["user_id"], expires
            recent = db.execute(
                "SELECT COUNT(*) FROM users WHERE client_addr=? AND created>?",
                (client_addr, now - ttl_s),
            ).fetchone()[0]
            if recent >= ip_cap:
                return TokenRefusal("address", 0.0)
            user_id = "anon_" + secrets.token_hex(8)
            db.execute(
                "INSERT INTO users VALUES (?,?,?,?,?,?,?,?,0)",
                (user_id, client_id, client_addr, token_hash(token), nonce, expires, now, grant),
            )
            db.execute(
                "INSERT INTO ledger (user_id, kind, amount, ref, at) VALUES (?,?,?,?,?)",
                (user_id, "grant", grant, "", now),
            )
            return token, user_id, expires

    def account_for(self, token: str) -> Account | None:
        """The account a bearer token belongs to (expired or not), or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT user_id, token_expires FROM users WHERE token_hash=?", (token_hash(token),)
            ).fetchone()
        return Account(row["user_id"], row["token_expires"]) if row else None

    # --- credits ------------------------------------------------------------------------

    def balance(self, user_id: str) -> Balance:
        """Current credits of a user."""
        with self._lock:
            row = self._db.execute(
                "SELECT available, frozen FROM users WHERE user_id=?", (user_id,)
            ).fetchone()
        return Balance(row["available"], row["frozen"]) if row else Balance(0, 0)

    def _ledger(
        self, db: sqlite3.Connection, user_id: str, kind: str, amount: int, ref: str
    ) -> None:
        db.execute(
            "INSERT INTO ledger (user_id, kind, amount, ref, at) VALUES (?,?,?,?,?)",
            (user_id, kind, amount, ref, self._clock()),
        )

    def freeze(self, user_id: str, amount: int, ref: str) -> bool:
        """Reserve credits for running work; False (nothing changed) when the balance is short."""
        with self._tx() as db:
            cur = db.execute(
                "UPDATE users SET available=available-?, frozen=frozen+? "
                "WHERE user_id=? AND available>=?",
                (amount, amount, user_id, amount),
            )
            if cur.rowcount:
                self._ledger(db, user_id, "freeze", amount, ref)
            return cur.rowcount == 1

    def settle(self, user_id: str, amount: int, ref: str, *, consume: bool) -> None:
        """Consume frozen credits (work done) or release them back (work abandoned)."""
        back = 0 if consume else amount
        with self._tx() as db:
            db.execute(
                "UPDATE users SET frozen=MAX(frozen-?, 0), available=available+? WHERE user_id=?",
                (amount, back, user_id),
            )
            self._ledger(db, user_id, "consume" if consume else "release", amount, ref)

    def release_all_frozen(self) -> int:
        """After a restart: credits frozen by runs that died with the server go back."""
        with self._tx() as db:
            cur = db.execute("UPDATE users SET available=available+frozen, frozen=0 WHERE frozen>0")
            return cur.rowcount

    # --- sessions -----------------------------------------------------------------------

    def create_session(self, user_id: str, task_name: str, language: str) -> Session:
        """A new project with its session; ids look like the cloud's."""
        session_id = str(10**18 + secrets.randbelow(9 * 10**18))
        task_id = "task_" + secrets.token_hex(8)
        with self._tx() as db:
            db.execute(
                "INSERT INTO sessions VALUES (?,?,?,?,?,?,'{}','[]','[]')",
                (session_id, task_id, user_id, task_name, language, self._clock()),
            )
        return Session(session_id, task_id, user_id, task_name, language, {}, [])

    def session(self, session_id: str) -> Session | None:
        """A session by id (any owner), or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM sessions WHERE session_id=?", (session_id,)
            ).fetchone()
        if row is None:
            return None
        return Session(
            row["session_id"],
            row["task_id"],
            row["user_id"],
            row["task_name"],
            row["language"],
            json.loads(row["draft"]),
            json.loads(row["video_infos"]),
        )

    def save_draft(self, session_id: str, draft: dict[str, Any]) -> None:
        """Replace a session's draft."""
        with self._tx() as db:
            db.execute(
                "UPDATE sessions SET draft=? WHERE session_id=?",
                (json.dumps(draft, ensure_ascii=False), session_id),
            )

    def run(self, work: Callable[[sqlite3.Connection, float], Any]) -> Any:
        """Run `work(db, now)` in one transaction (for table modules such as `store_history`)."""
        with self._tx() as db:
            return work(db, self._clock())

    def add_media(self, session_id: str, infos: list[dict[str, Any]]) -> None:
        """Append uploaded files to a session's `video_infos`."""
        with self._tx() as db:
            row = db.execute(
                "SELECT video_infos FROM sessions WHERE session_id=?", (session_id,)
            ).fetchone()
            current = json.loads(row["video_infos"]) + infos
            db.execute(
                "UPDATE sessions SET video_infos=? WHERE session_id=?",
                (json.dumps(current, ensure_ascii=False), session_id),
            )

    # --- uploads ------------------------------------------------------------------------

    def add_upload(self, asset_id: str, session_id: str, filename: str, path: Path) -> None:
        """Record where an uploaded asset's file lives."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO uploads VALUES (?,?,?,?)", (asset_id, session_id, filename, str(path))
            )

    def upload_path(self, asset_id: str) -> tuple[str, Path] | None:
        """(filename, path) of an uploaded asset, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT filename, path FROM uploads WHERE asset_id=?", (asset_id,)
            ).fetchone()
        return (row["filename"], Path(row["path"])) if row else None

    def owned_upload(self, asset_id: str, user_id: str) -> Path | None:
        """The file of an asset uploaded into one of `user_id`'s sessions, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT u.path FROM uploads u JOIN sessions s ON s.session_id = u.session_id "
                "WHERE u.asset_id=? AND s.user_id=?",
                (asset_id, user_id),
            ).fetchone()
        return Path(row["path"]) if row else None

    # --- claims -------------------------------------------------------------------------

    def add_claim(self, claim_token: str, session_id: str, expires: float) -> None:
        """Remember a claim token (hashed) for the browser page."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO claims VALUES (?,?,?)", (token_hash(claim_token), session_id, expires)
            )

    def claim_session(self, claim_token: str) -> str | None:
        """The session a still-valid claim token opens, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT session_id, expires FROM claims WHERE claim_hash=?",
                (token_hash(claim_token),),
            ).fetchone()
        if row is None or row["expires"] <= self._clock():
            return None
        return str(row["session_id"])

    # --- render jobs --------------------------------------------------------------------

    def add_job(self, job: RenderJob, draft: dict[str, Any], quality: str = "high") -> bool:
        """Insert a new job; False when the render id is taken."""
        try:
            with self._tx() as db:
                db.execute(
                    "INSERT INTO jobs (render_id, user_id, session_id, created_ms, output_key, "
                    "draft, quality) VALUES (?,?,?,?,?,?,?)",
                    (
                        job.render_id,
                        job.user_id,
                        job.session_id,
                        job.created_ms,
                        job.output_key,
                        json.dumps(draft, ensure_ascii=False),
                        quality,
                    ),
                )
                write_job_state(db, job)
        except sqlite3.IntegrityError:
            return False
        return True

    def save_job(self, job: RenderJob, *, expect: tuple[str, ...] | None = None) -> bool:
        """Persist a job's new state; with `expect`, only if its stored status is one of them."""
        with self._tx() as db:
            if expect is not None:
                row = db.execute(
                    "SELECT status FROM jobs WHERE render_id=?", (job.render_id,)
                ).fetchone()
                if row is None or row["status"] not in expect:
                    return False
            write_job_state(db, job)
        return True

    def job(self, render_id: str) -> RenderJob | None:
        """A job by render id, or None."""
        with self._lock:
            row = self._db.execute("SELECT * FROM jobs WHERE render_id=?", (render_id,)).fetchone()
        return job_from_row(row) if row else None

    def job_input(self, render_id: str) -> tuple[dict[str, Any], str]:
        """The draft a job renders and its output quality."""
        with self._lock:
            row = self._db.execute(
                "SELECT draft, quality FROM jobs WHERE render_id=?", (render_id,)
            ).fetchone()
        return (dict(json.loads(row["draft"])), row["quality"]) if row else ({}, "high")

    def unfinished_jobs(self) -> list[RenderJob]:
        """Jobs left pending or processing (restart recovery)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM jobs WHERE status IN ('pending','processing') ORDER BY created_ms"
            ).fetchall()
        return [job_from_row(r) for r in rows]

    def session_jobs(self, session_id: str) -> list[RenderJob]:
        """All jobs of a session, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM jobs WHERE session_id=? ORDER BY created_ms", (session_id,)
            ).fetchall()
        return [job_from_row(r) for r in rows]
