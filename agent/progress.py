"""Status and progress reporting: a `Progress` protocol the front ends implement, and `Notifier`.

`Notifier` renders `prompts/status/*` in the user's language and hands plain text to a `Progress`
(rich on the terminal, plain lines on stderr for `turn`, nothing for quiet callers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from agent.templates import Language, Templates
from agent.terminal import printable

__all__ = [
    "LineProgress",
    "Notifier",
    "NullProgress",
    "Progress",
    "RecordingProgress",
]


class Progress(Protocol):
    """What a front end shows while a turn runs; every method must return quickly."""

    def status(self, text: str) -> None:
        """Show a one-line status ("Generating video — this can take 2-5 minutes")."""

    def stream(self, text: str) -> None:
        """Show a piece of the backend's (translated) reply as it arrives."""

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """Start or advance a progress bar named `label` (total None: indeterminate)."""

    def bar_done(self, label: str) -> None:
        """Finish the progress bar named `label`."""


class NullProgress:
    """Shows nothing (library callers, tests that only look at the result)."""

    def status(self, text: str) -> None:
        """Ignore the status."""

    def stream(self, text: str) -> None:
        """Ignore the text."""

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """Ignore the bar."""

    def bar_done(self, label: str) -> None:
        """Ignore the bar."""


@dataclass(slots=True)
class RecordingProgress:
    """Keeps every call as `(kind, text)`; for hosts that forward progress and for tests."""

    events: list[tuple[str, str]] = field(default_factory=list)

    def status(self, text: str) -> None:
        """Record a status line."""
        self.events.append(("status", text))

    def stream(self, text: str) -> None:
        """Record streamed text."""
        self.events.append(("stream", text))

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """Record a bar update as `label completed/total`."""
        self.events.append(
            ("bar", f"{label} {completed:g}/{total if total is None else f'{total:g}'}")
        )

    def bar_done(self, label: str) -> None:
        """Record the end of a bar."""
        self.events.append(("bar_done", label))


class LineProgress:
    """Plain lines on a stream (stderr for `turn`): statuses, and bars in 10 % steps.

    With `text_out` (stdout for plain `turn`), backend text is written there as it arrives,
    one blank line between pieces; `streamed` then says whether any was written.
    """

    def __init__(self, out: TextIO, text_out: TextIO | None = None) -> None:
        self._out = out
        self._text_out = text_out
        self._last: dict[str, int] = {}
        self.streamed = False

    def _line(self, text: str) -> None:
        self._out.write(printable(text) + "\n")
        self._out.flush()

    def status(self, text: str) -> None:
        """Write the status as one line."""
        self._line(text)

    def stream(self, text: str) -> None:
        """Write backend text to `text_out` now (never to the status stream)."""
        if self._text_out is None:
            return
        self._text_out.write(("\n" if self.streamed else "") + printable(text) + "\n")
        self._text_out.flush()
        self.streamed = True

    def bar(self, label: str, completed: float, total: float | None) -> None:
        """Write `label: NN%` each time the bar crosses another 10 %."""
        if not total:
            return
        percent = max(0, min(100, int(completed * 100 / total)))
        step = percent // 10 * 10
        if self._last.get(label, -1) < step:
            self._last[label] = step
            self._line(f"{label}: {step}%")

    def bar_done(self, label: str) -> None:
        """Forget the bar so a later one with the same label starts over."""
        self._last.pop(label, None)


class Notifier:
    """Renders status templates in the turn's language and forwards them to a `Progress`.

    `local` (the embedded backend) is passed to every template: its work takes seconds, so the
    cloud's minute estimates are not shown for it.
    """

    def __init__(
        self, progress: Progress, templates: Templates, language: Language, *, local: bool = False
    ) -> None:
        self.progress = progress
        self._templates = templates
        self.language: Language = language
        self.local = local

    def _render(self, name: str, **context: Any) -> str:
        return self._templates.render(f"status/{name}", self.language, local=self.local, **context)

    def status(self, name: str, **context: Any) -> None:
        """Render `prompts/status/<name>` and show it as a status line."""
        self.progress.status(self._render(name, **context))

    def stream(self, text: str) -> None:
        """Forward backend text (already translated)."""
        self.progress.stream(text)

    def bar(self, name: str, completed: float, total: float | None) -> None:
        """Advance the bar whose label is `prompts/status/<name>`."""
        self.progress.bar(self._render(name), completed, total)

    def bar_done(self, name: str) -> None:
        """Finish the bar started with `bar(name, ...)`."""
        self.progress.bar_done(self._render(name))
