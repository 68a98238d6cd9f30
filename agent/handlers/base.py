"""What a handler gets (`HandlerContext`) and what it returns (`Reply`): data, never rendered text.

Rendering happens once, in the engine, through `agent.templates.Templates`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from agent.models import Clock, Sleep
from agent.progress import Notifier
from agent.templates import Language

if TYPE_CHECKING:
    from agent.child_call import ChildCalls
    from agent.client import NemoClient
    from agent.config import Settings
    from agent.output_options import OutputOptions
    from agent.translate import Translation

__all__ = [
    "Clock",
    "Earlier",
    "ErrorInfo",
    "Handler",
    "HandlerContext",
    "Journal",
    "Language",
    "Reply",
    "Sleep",
    "human_duration",
    "human_size",
]


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """A handled error as the `turn --json` object reports it."""

    code: int | str
    message: str


@dataclass(frozen=True, slots=True)
class Reply:
    """One part of a turn's answer: a template and its context, plus what was done and delivered.

    Attributes:
        template: Template name under `prompts/` without language and suffix (`replies/credits`).
        context: Variables for the template.
        actions: Actions this part executed (normally the handler's own action).
        files: Files delivered (absolute paths).
        links: Browser links given to the user.
        followups: Actions the backend's text implies (from the translator), run after the step.
        question: A clarifying question the backend asked; the next message answers it.
        question_call: The id of the `ask_question` call that asked it, when the event had one.
        error: Set when this part reports a failure.
        generated: The backend generated a video in this step (enables the export follow-up).
        edits: What this step changed on the timeline (`video`, `bgm`, `title`, `edit`), so the
            turn can suggest next steps.
        previews: Images of a delivered video (contact sheet, poster; absolute paths).
    """

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    actions: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()
    links: tuple[str, ...] = ()
    followups: tuple[str, ...] = ()
    question: str | None = None
    question_call: str | None = None
    error: ErrorInfo | None = None
    generated: bool = False
    edits: tuple[str, ...] = ()
    previews: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Earlier:
    """How far a turn got: finished actions, the actions still queued, and its replies so far
    (rendered, with their files and links); a resumed job goes on from here."""

    done: tuple[str, ...] = ()
    queue: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


class Journal(Protocol):
    """Where a background job records what its turn did (the worker's ledger), so that a job
    resumed after the worker stopped never repeats a step that was already sent."""

    def opened(self, session_id: str) -> None:
        """The turn runs in this session."""

    def posting(self, before: dict[str, Any]) -> None:
        """The message is about to be posted; `before` is the state read just before."""

    def posted(self) -> dict[str, Any] | None:
        """The state read before an earlier attempt of this turn posted its message, if one did."""

    def step(self, progress: Earlier) -> None:
        """A step finished: everything done so far, what is left, and the replies so far."""

    def earlier(self) -> Earlier | None:
        """Where an earlier attempt of this turn stopped (None: no step had finished)."""
        return None


@dataclass(slots=True)
class HandlerContext:
    """Everything a handler may use for one turn; built by the engine.

    Attributes:
        client: The API client.
        settings: Resolved settings (output directory, auto export, web URL).
        session_id: The current backend session.
        user_id: The owner of the session (`anon_…` for anonymous users), if known.
        language: The reply language, from the router.
        text: The user's message as typed.
        attachments: File paths and URLs attached to this turn.
        notify: Status and progress reporting for the front end.
        sleep: Injected sleep (disconnect recovery waits).
        clock: Injected monotonic clock (elapsed time, "still working" reminders).
        translate: The GUI translator for backend text.
        claim_link: Returns the browser link of the session (claim link), or None.
        output_dir: Where exported MP4s go.
        export_name: The exported MP4's file name (None: one made from the project title).
        answering: The id of the backend's `ask_question` call this message answers, if any.
        journal: Where a background job records its steps (None: a turn inside the command).
        output: Output options from flags (`export --resolution 4k`); the message's own
            wording ("export in 4K") fills what they leave unset.
        media: Media child processes shared with the embedded backend (the worker's): the
            previews are read by the child that rendered the file. None: the export starts
            its own previews child.
    """

    client: NemoClient
    settings: Settings
    session_id: str
    user_id: str | None
    language: Language
    text: str
    attachments: tuple[str, ...]
    notify: Notifier
    sleep: Sleep
    clock: Clock
    translate: Callable[[str], Translation]
    claim_link: Callable[[], Awaitable[str | None]]
    output_dir: Path
    export_name: str | None = None
    answering: str | None = None
    journal: Journal | None = None
    output: OutputOptions | None = None
    media: ChildCalls | None = None


class Handler(Protocol):
    """An action's implementation: does the work, returns data."""

    async def __call__(self, ctx: HandlerContext, /) -> Reply: ...


def human_size(size: int) -> str:
    """`2.4 MB`, `812 KB`, `96 B`: a byte count for people."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return (
                f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}".replace(".0 ", " ")
            )
        value /= 1024
    return f"{value:.1f} GB"


def human_duration(seconds: float) -> str:
    """`5`, `2.5`, `65`: seconds for people; the template adds the unit (`s` / `秒`)."""
    return f"{seconds:.1f}".rstrip("0").rstrip(".")
