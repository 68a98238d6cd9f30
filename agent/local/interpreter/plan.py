"""The contract between the local backend's `/run_sse` handler and its instruction interpreter.

Pure value types. The interpreter (`agent.local.interpreter.interpret`) turns one user message and
the session's current state into a `Plan`; the app executes it step by step: a `ToolStep` becomes a
`functionCall` event, heartbeats while its work runs, the new draft saved, then a
`functionResponse` event; a `TextStep` becomes a model text event; an `AskStep` becomes an
`ask_question` function call and ends the run. A plan with tool steps and no text step is a
silent completion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "AskStep",
    "Asset",
    "InterpretContext",
    "Plan",
    "Revision",
    "RevisionNote",
    "Step",
    "TextStep",
    "ToolStep",
]

Language = Literal["en", "zh"]


@dataclass(frozen=True, slots=True)
class Asset:
    """An uploaded file as the interpreter sees it (from the session's `video_infos`)."""

    asset_id: str
    filename: str
    kind: Literal["image", "video", "audio"]
    url: str
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Revision:
    """One saved version of a session's draft (every applied message makes one)."""

    seq: int
    draft: dict[str, Any]
    label: str = ""
    """What the message changed, in the words of its reply (for "show the history")."""
    undone: bool = False
    """Undone and not redone yet: the next "redo" brings back the oldest undone revision."""


@dataclass(frozen=True, slots=True)
class InterpretContext:
    """Everything the interpreter may look at: no I/O, no clock."""

    message: str
    language: Language
    """The session language (`zh` for a zh-CN session); the reply follows the message's own
    language when it clearly differs."""
    assets: tuple[Asset, ...] = ()
    """Uploads in upload order."""
    draft: dict[str, Any] = field(default_factory=dict)
    """The current draft (docs/draft.md); empty before anything was generated."""
    post_production: bool = False
    """Add an automatic music bed and title after generation (the cloud's two-stage generation)."""
    seed: int = 0
    """For stable pseudo-random choices (ids, which edits are silent): derived from the session."""
    history: tuple[Revision, ...] = ()
    """The session's revisions, oldest first; the current draft is the newest one not undone."""


@dataclass(frozen=True, slots=True)
class ToolStep:
    """A tool call: emitted as functionCall, its work run, `draft` saved, then functionResponse."""

    name: str
    """Cloud-like tool name, e.g. `generate_video_from_images` or `edit_multitrack`."""
    args: dict[str, Any]
    draft: dict[str, Any]
    """The whole draft after this step."""
    credits: int
    """Credits this step costs (frozen while it runs, then consumed)."""
    work: Literal["generate", "edit"] = "edit"
    """Which configurable simulated duration the backend spends on it (heartbeats meanwhile)."""
    result: dict[str, Any] = field(default_factory=lambda: {"status": "success"})
    """The functionResponse `response` payload."""


@dataclass(frozen=True, slots=True)
class TextStep:
    """A model text reply, in the cloud's GUI-flavoured phrasing."""

    text: str


@dataclass(frozen=True, slots=True)
class AskStep:
    """A clarifying question: emitted as an `ask_question` function call; the run ends there."""

    question: str
    options: tuple[str, ...] = ()


Step = ToolStep | TextStep | AskStep


@dataclass(frozen=True, slots=True)
class RevisionNote:
    """How a plan moves the session's history once all its tool steps ran."""

    label: str
    """What changed, as the reply says it (shown when the history is listed)."""
    undo: tuple[int, ...] = ()
    """Revisions this plan undoes (no new revision is saved)."""
    redo: tuple[int, ...] = ()
    """Undone revisions this plan brings back (no new revision is saved)."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do for one message, in order."""

    steps: tuple[Step, ...]
    language: Language
    claims: tuple[str, ...] = ()
    """What the reply says was changed (`video`, `length`, `photos`, `text`, `music`, ...)."""
    revision: RevisionNote | None = None
    """None when the plan changes no draft."""

    @property
    def credits(self) -> int:
        """Total credits the plan needs before any work starts (2001 when short)."""
        return sum(s.credits for s in self.steps if isinstance(s, ToolStep))
