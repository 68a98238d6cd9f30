"""The direct commands (`send`, `export`, `upload`, `credits`, `state`) as planned turns, shared
by the CLI (a command run inside the process) and the worker (the same command as a job).

One fixed action runs through the turn engine; this module picks the reply language, reads each
command's own `--json` keys off its action's reply, and words an early failure as one line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agent.config import Settings
from agent.errors import AgentError, UserInputError
from agent.log import redact
from agent.terminal import printable

if TYPE_CHECKING:
    from agent.templates import Language
    from agent.turns import TurnResult

__all__ = [
    "ACTIONS",
    "SHAPES",
    "Printed",
    "Shape",
    "error_line",
    "error_payload",
    "language_of",
    "printed_result",
    "reply_language",
]

Shape = Callable[[Mapping[str, Any]], dict[str, Any]]
"""Reads a command's own `--json` keys off its action's reply context."""

ACTIONS: dict[str, str] = {
    "send": "sse",
    "export": "export",
    "upload": "upload",
    "credits": "credits",
    "state": "state",
}
"""The engine action each direct command runs."""


@dataclass(slots=True)
class Printed:
    """What a command prints: text for people, a dict for `--json`, and an exit code."""

    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    exit_code: int = 0


def language_of(text: str) -> Language:
    """The reply language for a message (`zh` or `en`), detected as the router does."""
    from agent.router.text import prepare

    return prepare(text).language


def reply_language(settings: Settings, lang: str | None) -> Language:
    """`lang` when it is `en`/`zh`, else the current session's language, else English."""
    if lang in ("en", "zh"):
        return "zh" if lang == "zh" else "en"
    from agent.runtime import SESSION_FILE
    from agent.session import SessionStore

    record = SessionStore(settings.state_dir / SESSION_FILE, settings.store_scope).load()
    return "zh" if record is not None and record.language == "zh-CN" else "en"


def _credits(context: Mapping[str, Any]) -> dict[str, Any]:
    return {"credits": {key: context[key] for key in ("available", "frozen", "total")}}


def _state(context: Mapping[str, Any]) -> dict[str, Any]:
    project = context["project"]
    return {
        "exportable": project.exportable,
        "uploads": len(project.state.video_infos),
        "draft": project.state.draft,
    }


def _upload(context: Mapping[str, Any]) -> dict[str, Any]:
    rows = [
        {"filename": f.filename, "type": f.file_type, "url": f.url} for f in context["uploaded"]
    ]
    return {"files": rows}


def _export(context: Mapping[str, Any]) -> dict[str, Any]:
    done = context["result"]
    return {
        "path": str(done.path.resolve()),
        "size": done.size,
        "duration": done.duration,
        "url": done.url,
        "render_id": done.render_id,
        "resumed": done.resumed,
        "link": context["link"],
        **_actual(context),
    }


def _actual(context: Mapping[str, Any]) -> dict[str, Any]:
    """What the delivered file is (read back from it), and the options it does not honour."""
    facts = context.get("facts")
    keys: dict[str, Any] = {"format": None, "resolution": None, "width": None, "height": None}
    keys["fps"] = None
    if facts is not None:
        keys.update(
            format=facts.format,
            resolution=facts.resolution,
            width=facts.width,
            height=facts.height,
            fps=round(facts.fps, 3),
        )
    return {**keys, "unmet": list(context.get("unmet", ())), "previews": context["previews"]}


def _send(context: Mapping[str, Any]) -> dict[str, Any]:
    keys: dict[str, Any] = {"texts": [], "tools": [], "question": None, "options": []}
    return {key: context.get(key, empty) for key, empty in keys.items()}


SHAPES: dict[str, Shape] = {
    "credits": _credits,
    "state": _state,
    "upload": _upload,
    "export": _export,
    "send": _send,
    "link": dict,
}
"""Each direct command's own `--json` keys."""


def printed_result(
    result: TurnResult, action: str, shape: Shape, *, streamed: bool = False
) -> Printed:
    """The reply as text (minus what was streamed) and as `--json` keys; exit 1 on an error.

    The JSON keys are `turn --json`'s (without `status`), `session_reset`, and the command's own.

    Raises:
        UserInputError: The handler declined without an error (nothing to export yet).
    """
    data = {key: value for key, value in result.as_json().items() if key != "status"}
    data["session_reset"] = any(r.template == "replies/session_reset" for r in result.replies)
    done = next((r for r in result.replies if action in r.actions), None)
    if done is None and result.error is None:
        raise UserInputError(" ".join(result.parts[-1].split()))
    if done is not None:
        data.update(shape(done.context))
    rest = result.rest if streamed else result.reply
    text = "\n" + rest if streamed and rest else rest
    return Printed(text=text, data=data, exit_code=0 if result.ok else 1)


def error_payload(exc: AgentError) -> dict[str, Any]:
    """The `--json` keys of a command that failed before doing anything."""
    from agent.messages import error_code

    return {"error": {"code": error_code(exc), "message": redact(exc.message)}}


def error_line(exc: AgentError, settings: Settings | None) -> str:
    """`error: <what happened>`, plus what to do when the message alone does not say it.

    Args:
        exc: The error.
        settings: The command's settings (links, `--local`), when they could be built.
    """
    from agent.messages import error_hint
    from agent.templates import Templates
    from agent.turns import message_context

    line = f"error: {exc.message}"
    hint = error_hint(exc, message_context(settings or Settings(), None))
    if hint is not None:
        text = Templates().render(hint.template, "en", **hint.context)
        line = f"{line} — {' '.join(text.split())}"
    return printable(redact(line))
