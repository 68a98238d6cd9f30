"""The REPL's input parser: meta-commands (`/export`, `/attach PATH`...) or a message. Pure.

A line that starts with a path (`/home/me/photo.jpg`) is a message with an attachment, not an
unknown command: only the known command words are meta-commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from agent.attachments import extract_attachments, unquote_token

__all__ = ["COMMANDS", "ChatInput", "Message", "Meta", "MetaName", "parse_line"]

MetaName = Literal["attach", "export", "credits", "state", "new", "help", "quit", "unknown"]

COMMANDS: dict[str, MetaName] = {
    "/attach": "attach",
    "/export": "export",
    "/credits": "credits",
    "/state": "state",
    "/status": "state",
    "/new": "new",
    "/help": "help",
    "/?": "help",
    "/quit": "quit",
    "/exit": "quit",
    "/q": "quit",
}

PLANS: dict[MetaName, tuple[str, ...]] = {
    "attach": ("upload",),
    "export": ("export",),
    "credits": ("credits",),
    "state": ("state",),
}
"""The actions a meta-command runs directly, without routing."""


@dataclass(frozen=True, slots=True)
class Meta:
    """A meta-command and its argument (`/attach ~/a.jpg` -> `Meta("attach", ("~/a.jpg",))`)."""

    name: MetaName
    args: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Message:
    """Text for the engine, with the file paths and URLs found in it."""

    text: str
    attachments: tuple[str, ...] = ()


ChatInput = Meta | Message | None


def _attach_args(rest: str, exists: Callable[[str], bool]) -> tuple[str, ...]:
    found = extract_attachments(rest, exists=lambda _p: True)
    if found.attachments:
        return found.attachments
    return (unquote_token(rest.strip()),) if rest.strip() else ()


def parse_line(line: str, exists: Callable[[str], bool] = lambda _p: False) -> ChatInput:
    """Parse one input line; None for a blank line.

    Args:
        line: What the user typed or pasted.
        exists: Whether a bare name (`photo.jpg`) is an existing file (inject `os.path.isfile`).
    """
    stripped = line.strip()
    if not stripped:
        return None
    word, _, rest = stripped.partition(" ")
    name = COMMANDS.get(word.casefold())
    if name == "attach":
        return Meta("attach", _attach_args(rest, exists))
    if name is not None:
        return Meta(name, tuple(rest.split()))
    if word.startswith("/") and "/" not in word[1:] and "." not in word:
        return Meta("unknown", (word,))
    found = extract_attachments(stripped, exists=exists)
    return Message(found.text, found.attachments)
