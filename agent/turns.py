"""Turn results and the pure pieces of a turn: follow-up merging, rendering, failure results.

No I/O: the engine (`agent.engine`) runs handlers; this module shapes what they produced.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from agent.errors import AgentError
from agent.handlers.base import ErrorInfo, Language, Reply
from agent.messages import MessageContext, error_reply
from agent.templates import Templates

if TYPE_CHECKING:
    from agent.config import Settings
    from agent.router.script import Script
    from agent.session import SessionLanguage

__all__ = [
    "FOLLOWUP_ACTIONS",
    "TurnResult",
    "failed_turn",
    "in_script",
    "merge_followups",
    "message_context",
    "next_steps",
    "render_turn",
    "session_language",
]

FOLLOWUP_ACTIONS = frozenset({"state", "export", "credits"})
"""Translator actions the engine runs itself; `sse`/`upload` hints stay as text for the user."""


@dataclass(frozen=True, slots=True)
class TurnResult:
    """Everything one turn produced; `as_json()` is the `turn --json` object."""

    reply: str
    language: Language
    actions: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    previews: tuple[str, ...] = ()
    session_id: str = ""
    error: ErrorInfo | None = None
    question: str | None = None
    replies: tuple[Reply, ...] = field(default=(), repr=False)
    parts: tuple[str, ...] = field(default=(), repr=False)
    """Each reply rendered on its own, aligned with `replies`."""
    skill: dict[str, str] | None = None
    """The skill identity in use: `{name, version, platform}` (its `X-Skill-*` headers)."""
    unstreamed: tuple[str, ...] = field(default=(), repr=False)
    """Each reply rendered without the backend text already streamed through `Progress.stream`
    (a relayed question keeps its question, a recovered reply its changes)."""

    @property
    def ok(self) -> bool:
        """The turn finished without an error."""
        return self.error is None

    @property
    def rest(self) -> str:
        """The reply minus what was already streamed, for front ends that showed the stream."""
        return "\n\n".join(t for t in self.unstreamed if t)

    def as_json(self) -> dict[str, Any]:
        """The `turn --json` shape (status, reply, language, actions, files, links, ...);
        `file_info` stats each file for its size (`agent.files.describe_files`)."""
        from agent.files import describe_files

        error = (
            None if self.error is None else {"code": self.error.code, "message": self.error.message}
        )
        return {
            "status": "ok" if self.ok else "error",
            "reply": self.reply,
            "language": self.language,
            "actions": list(self.actions),
            "files": list(self.files),
            "file_info": describe_files(self.files),
            "links": list(self.links),
            "previews": list(self.previews),
            "session_id": self.session_id,
            "error": error,
            "skill": self.skill,
        }


NEXT_STEPS: tuple[str, ...] = ("subtitles", "timing", "export", "music")
"""Suggestions after an edit, best first (protocol §7.5: "add subtitles | adjust timing |
export"); `replies/next_steps` words them."""


_ASKED = {
    "subtitles": re.compile(r"subtitle|caption|title|字幕|标题|標題"),
    "timing": re.compile(
        r"\d+\s*(?:s\b|sec|second|秒)|longer|shorter|duration|length|timing|时长|時長|长度|長度"
        r"|加长|缩短|縮短|延长|延長"
    ),
    "music": re.compile(r"music|song|bgm|soundtrack|track|音乐|音樂|配乐|配樂|歌"),
}
"""What a step is about, in the user's words: a step the turn just asked for is not suggested."""


def next_steps(
    edits: Collection[str], done: Collection[str], limit: int = 3, asked: str = ""
) -> tuple[str, ...]:
    """The next steps to suggest after a turn that changed the timeline. Pure.

    Args:
        edits: What the turn changed (`video`, `bgm`, `title`, `edit`, ...).
        done: Actions the turn ran (an export already done is not suggested again).
        limit: At most this many suggestions.
        asked: The user's message; a step it asked for ("make it 8 seconds") was just done.

    Returns:
        Up to `limit` keys of `NEXT_STEPS`, skipping what the turn just did.
    """
    text = asked.casefold()
    skip = {
        "subtitles": "title" in edits or bool(_ASKED["subtitles"].search(text)),
        "music": "bgm" in edits or bool(_ASKED["music"].search(text)),
        "timing": bool(_ASKED["timing"].search(text)),
        "export": "export" in done,
    }
    return tuple(step for step in NEXT_STEPS if not skip.get(step, False))[:limit]


def in_script(result: TurnResult, script: Script) -> TurnResult:
    """A Chinese turn's reply written in Traditional characters (the user wrote Traditional),
    leaving file paths and links exactly as they are on disk and on the web."""
    if result.language != "zh":
        return result
    fixed = sorted({*result.files, *result.links}, key=len, reverse=True)

    def convert(text: str) -> str:
        pieces = re.split("(" + "|".join(map(re.escape, fixed)) + ")", text) if fixed else [text]
        return "".join(p if p in fixed else script.to_traditional(p) for p in pieces)

    return dataclasses.replace(
        result,
        reply=convert(result.reply),
        parts=tuple(convert(p) for p in result.parts),
        unstreamed=tuple(convert(p) for p in result.unstreamed),
    )


def session_language(language: Language) -> SessionLanguage:
    """The session `language` field for a reply language: `en` or `zh-CN`."""
    return "zh-CN" if language == "zh" else "en"


def merge_followups(
    queue: Sequence[str],
    followups: Sequence[str],
    done: Sequence[str],
    *,
    allow_export: bool,
) -> tuple[list[str], bool]:
    """Append translator follow-ups to the remaining plan, without repeating an action.

    Args:
        queue: Actions still to run this turn.
        followups: Actions the backend text implied, in order.
        done: Actions already run this turn.
        allow_export: Auto-export is on (`settings.auto_export`).

    Returns:
        The new queue, and whether an export follow-up was dropped (so the user gets a hint).
    """
    merged = list(queue)
    dropped_export = False
    for action in followups:
        if action not in FOLLOWUP_ACTIONS or action in merged or action in done:
            continue
        if action == "export" and not allow_export:
            dropped_export = True
            continue
        merged.append(action)
    return merged, dropped_export


def message_context(settings: Settings, user_id: str | None) -> MessageContext:
    """What the error messages may refer to, from the settings and the session owner."""
    return MessageContext(
        web_url=settings.web_url,
        user_id=user_id,
        own_token=settings.token is not None,
        upload_max_bytes=settings.upload_max_bytes,
        local=settings.backend == "local",
    )


def render_turn(
    templates: Templates,
    language: Language,
    replies: Sequence[Reply],
    session_id: str,
    done: Sequence[str],
) -> TurnResult:
    """Render every reply in the turn's language and collect files, links and the error."""
    texts = [templates.render(r.template, language, **r.context).strip() for r in replies]
    unstreamed = [
        templates.render(r.template, language, **{**r.context, "texts": []}).strip()
        if r.context.get("texts")
        else text
        for r, text in zip(replies, texts, strict=True)
    ]
    error = next((r.error for r in replies if r.error is not None), None)
    return TurnResult(
        reply="\n\n".join(t for t in texts if t),
        language=language,
        actions=tuple(done),
        files=tuple(str(f) for r in replies for f in r.files),
        links=tuple(dict.fromkeys(link for r in replies for link in r.links)),
        previews=tuple(str(p) for r in replies for p in r.previews),
        session_id=session_id,
        error=error,
        question=next((r.question for r in replies if r.question), None),
        replies=tuple(replies),
        parts=tuple(texts),
        unstreamed=tuple(unstreamed),
    )


def failed_turn(
    exc: AgentError, text: str, settings: Settings, templates: Templates | None = None
) -> TurnResult:
    """The result of a turn that failed before it could start (settings, SKILL.md, backend)."""
    from agent.router.text import prepare

    reply = error_reply(exc, message_context(settings, None))
    return render_turn(templates or Templates(), prepare(text).language, [reply], "", [])
