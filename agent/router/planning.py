"""The turn's plan from its read clauses: what is put off, what noise beside a command is
dropped, the upload first, and each read-only answer once.

Pure list work over `Clause` values the keyword stage made (`agent.router.keyword`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from agent.router.reading import Clause, later, put_off
from agent.router.route import Action

__all__ = ["plan_clauses"]

_READ_ONLY = frozenset({"state", "credits"})


def plan_clauses(
    clauses: Sequence[Clause],
    waits: bool,
    holds: bool,
    media: bool,
    asks_more: Callable[[], bool],
) -> tuple[Action, ...]:
    """The ordered actions of a turn's clauses.

    Args:
        clauses: The turn's clauses as read (their actions are settled here, in place).
        waits: The turn puts its export (and an upload) off until someone acts.
        holds: The turn holds its export back (a wait, a check first, a refusal mark).
        media: The turn carries a file.
        asks_more: Whether words beyond handing the file over ask for something.
    """
    clauses = list(clauses)
    # "we'll export after the client approves", "I'll send it once I find it": not now;
    # "export it. actually no, wait": the user's last word takes back the export before it
    put_off(clauses, {"export", "upload"} if waits else {"export"} if holds else set())
    if {"failed", "delegates"} <= {c.handed for c in clauses}:
        for clause in (c for c in clauses if c.handed == "delegates"):
            clause.actions, clause.soft = ["export"], False  # "…isn't working, you do it"
    commanded = any(a not in ("sse", "upload") for c in clauses for a in c.actions)
    # noise beside a command is dropped, unless ordered before the export ("X, then export")
    exported = later(["export" in c.actions for c in clauses])
    for i, clause in enumerate(clauses):
        if clause.unread and exported[i] and not clause.actions:
            clause.actions = ["sse"]  # "bhai thoda fast kar do video, phir export kar dena"
    # a clause only naming an export ("Sarah said it was already exported", "我昨天导出过一次")
    # is a report: noise beside a command too
    kept = [
        c
        for i, c in enumerate(clauses)
        if not ((c.soft or (c.named_only and c.actions == ["sse"])) and commanded)
        or ((c.ordered or c.unread) and exported[i])
    ]
    handed = [c for c in kept if c.soft and c.ordered and c.actions == ["sse"]]
    if media and handed and not asks_more():
        # "传咗张相上去先": only a "first" beside the file handed over, no work named ("vid pls"
        # still asks for the video)
        kept = [c for c in kept if c not in handed]
    actions: list[Action] = [a for c in kept for a in c.actions]
    if not media and set(actions) - {"upload"}:
        actions = [a for a in actions if a != "upload"]  # no file: an upload is only asked alone
    if media or "upload" in actions:
        actions = ["upload", *(a for a in actions if a != "upload")]
        if media and actions == ["upload"] and asks_more():
            actions.append("sse")
    # a read-only answer once is enough ("if it's done send it; if not, how long is left")
    once = [a for i, a in enumerate(actions) if a not in _READ_ONLY or a not in actions[:i]]
    return tuple(a for i, a in enumerate(once) if i == 0 or a != once[i - 1])
