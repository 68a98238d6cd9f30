"""SQLite rows the interpreter's work adds to the local store: the draft history (`revisions`:
read a session's revisions, record a plan's `RevisionNote`) and credit refills. Functions over
one transaction (`Store.run`); the `Store` owns the connection and its lock.

A new revision drops the undone ones (a redo after a new edit has nothing to redo); an undo or
a redo only flips `undone`. Only the newest `KEEP` revisions of a session are kept.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from agent.local.interpreter.plan import Revision, RevisionNote

if TYPE_CHECKING:
    from agent.local.store.db import Store

__all__ = [
    "HISTORY_SCHEMA",
    "KEEP",
    "read_revisions",
    "record_revision",
    "refill",
    "revisions",
    "save",
]

KEEP = 50
HISTORY_SCHEMA = """
CREATE TABLE IF NOT EXISTS revisions (
    session_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    draft TEXT NOT NULL,
    label TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    PRIMARY KEY (session_id, seq)
);
"""


def read_revisions(db: sqlite3.Connection, session_id: str) -> tuple[Revision, ...]:
    """A session's revisions, oldest first."""
    rows = db.execute(
        "SELECT seq, draft, label, undone FROM revisions WHERE session_id=? ORDER BY seq",
        (session_id,),
    ).fetchall()
    return tuple(Revision(row[0], json.loads(row[1]), row[2], bool(row[3])) for row in rows)


def record_revision(
    db: sqlite3.Connection,
    session_id: str,
    note: RevisionNote,
    draft: dict[str, Any],
    *,
    before: dict[str, Any],
    now: float,
) -> None:
    """Apply `note` once its plan ran: flip undone flags, or save `draft` as a new revision
    (the draft from `before` the first recorded edit is saved first, so it can be undone to)."""
    if note.undo or note.redo:
        flips = [(1, seq) for seq in note.undo] + [(0, seq) for seq in note.redo]
        db.executemany(
            "UPDATE revisions SET undone=? WHERE session_id=? AND seq=?",
            [(flag, session_id, seq) for flag, seq in flips],
        )
        return
    db.execute("DELETE FROM revisions WHERE session_id=? AND undone=1", (session_id,))
    last = db.execute(
        "SELECT MAX(seq) FROM revisions WHERE session_id=?", (session_id,)
    ).fetchone()[0]
    seq = int(last or 0)
    if seq == 0 and before.get("t"):
        seq = 1
        _insert(db, session_id, seq, before, "", now)
    _insert(db, session_id, seq + 1, draft, note.label, now)
    db.execute("DELETE FROM revisions WHERE session_id=? AND seq<=?", (session_id, seq + 1 - KEEP))


def _insert(
    db: sqlite3.Connection, session_id: str, seq: int, draft: dict[str, Any], label: str, now: float
) -> None:
    db.execute(
        "INSERT INTO revisions (session_id, seq, draft, label, undone, created)"
        " VALUES (?, ?, ?, ?, 0, ?)",
        (session_id, seq, json.dumps(draft, ensure_ascii=False), label, now),
    )


def revisions(store: Store, session_id: str) -> tuple[Revision, ...]:
    """The session's draft history, oldest first."""
    found: tuple[Revision, ...] = store.run(lambda db, _now: read_revisions(db, session_id))
    return found


def refill(store: Store, user_id: str, up_to: int) -> None:
    """Top a balance back up to `up_to` (local accounts never run dry), with a ledger row."""

    def work(db: sqlite3.Connection, now: float) -> None:
        row = db.execute("SELECT available FROM users WHERE user_id=?", (user_id,)).fetchone()
        if row and (added := up_to - row[0]) > 0:
            db.execute("UPDATE users SET available=? WHERE user_id=?", (up_to, user_id))
            db.execute(
                "INSERT INTO ledger (user_id, kind, amount, ref, at) VALUES (?,?,?,?,?)",
                (user_id, "refill", added, "", now),
            )

    store.run(work)


def save(
    store: Store, session_id: str, note: RevisionNote, draft: dict[str, Any], before: dict[str, Any]
) -> None:
    """Apply a finished plan's history note (`before`: the draft the plan started from)."""
    store.run(lambda db, now: record_revision(db, session_id, note, draft, before=before, now=now))
