"""Pure, incremental `text/event-stream` decoder and the event classifier of protocol §4.5.

Feed byte chunks of any size; get typed `SseEvent`s. No I/O: the client owns the socket.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import structlog

from agent.errors import APIError
from agent.models import (
    ErrorEvent,
    HeartbeatEvent,
    SseEvent,
    TextEvent,
    ToolCallEvent,
    ToolResultEvent,
)

__all__ = [
    "EventParser",
    "RawEvent",
    "SseDecoder",
    "check_content_type",
    "classify",
    "is_temporary_issue",
]

_log = structlog.get_logger(__name__)
_LINE_END = re.compile(r"\r\n|\r|\n")
_HEARTBEAT = HeartbeatEvent()
_KEEP_ALIVE_WORDS = frozenset({"heartbeat", "ping", "pong", "keep-alive", "keepalive", "alive"})
"""Bare words a cloud may send as `data:` keep-alives (OFF-1.9: "`heartbeat` / empty `data:`")."""
_TEMPORARY_ISSUE = re.compile(
    r"encountered a temporary issue|遇到了?(一个)?临时问题", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One dispatched SSE event before classification (or one comment line)."""

    data: str
    event: str = "message"
    comment: bool = False


@dataclass(slots=True)
class SseDecoder:
    """Incremental SSE framing: `\\n`, `\\r\\n` and `\\r` line ends, multi-line `data:`, comments.

    `id:` and `retry:` fields are ignored (ADK sends none and we never reconnect).
    """

    _utf8: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="replace")
    )
    _buffer: str = ""
    _skip_lf: bool = False
    _data: list[str] = field(default_factory=list)
    _event: str = ""

    def feed(self, chunk: bytes) -> list[RawEvent]:
        """Decode one chunk; returns the events completed by it (possibly none)."""
        text = self._utf8.decode(chunk)
        if self._skip_lf and text:
            # A `\r` ended the previous chunk; a leading `\n` completes that `\r\n`.
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
        if not text:
            return []
        text = self._buffer + text
        lines = _LINE_END.split(text)
        self._buffer = lines.pop()
        self._skip_lf = text.endswith("\r")
        events: list[RawEvent] = []
        for line in lines:
            self._line(line, events)
        return events

    def close(self) -> bool:
        """End of input. Returns True when the stream stopped inside an unfinished event."""
        self._buffer += self._utf8.decode(b"", final=True)
        truncated = bool(self._buffer or self._data or self._event)
        self._buffer, self._data, self._event = "", [], ""
        return truncated

    def _line(self, line: str, out: list[RawEvent]) -> None:
        if not line:
            if self._data or self._event:
                out.append(RawEvent("\n".join(self._data), self._event or "message"))
            self._data, self._event = [], ""
            return
        if line[0] == ":":
            out.append(RawEvent("", "comment", comment=True))
            return
        name, _, value = line.partition(":")
        if value[:1] == " ":
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("message", "error_message", "errorMessage", "detail"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return json.dumps(value, ensure_ascii=False)


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _form_b(kind: str, obj: Mapping[str, Any]) -> list[SseEvent]:
    ident, name = str(obj.get("id") or ""), str(obj.get("name") or "")
    if kind == "text":
        text = obj.get("content", obj.get("text"))
        return [TextEvent(text, obj.get("partial") is True)] if isinstance(text, str) else []
    if kind == "tool_call":
        return [ToolCallEvent(ident, name, _dict(obj.get("args")))]
    if kind == "tool_result":
        return [ToolResultEvent(ident, name, _dict(obj.get("result", obj.get("response"))))]
    if kind == "heartbeat":
        return [_HEARTBEAT]
    if kind == "error":
        return [ErrorEvent(_text(obj.get("message", obj.get("error", obj.get("content")))))]
    return []


def _part(part: Mapping[str, Any], *, partial: bool, system: bool) -> SseEvent | None:
    call = part.get("functionCall")
    if isinstance(call, Mapping):
        return ToolCallEvent(
            str(call.get("id") or ""), str(call.get("name") or ""), _dict(call.get("args"))
        )
    result = part.get("functionResponse")
    if isinstance(result, Mapping):
        return ToolResultEvent(
            str(result.get("id") or ""),
            str(result.get("name") or ""),
            _dict(result.get("response")),
        )
    text = part.get("text")
    if not isinstance(text, str) or not text or part.get("thought") is True:
        return None
    if system and text.startswith("Error:"):
        return ErrorEvent(text[len("Error:") :].strip())
    return TextEvent(text, partial)


def _form_a(obj: Mapping[str, Any]) -> list[SseEvent]:
    if obj.get("errorCode") or obj.get("errorMessage"):
        code, message = obj.get("errorCode"), obj.get("errorMessage")
        return [ErrorEvent(f"{code}: {message}" if code and message else str(code or message))]
    parts = _dict(obj.get("content")).get("parts")
    if not isinstance(parts, list):
        return []
    partial, system = obj.get("partial") is True, obj.get("author") == "system"
    events = (_part(p, partial=partial, system=system) for p in parts if isinstance(p, Mapping))
    return [e for e in events if e is not None]


def classify(raw: RawEvent) -> list[SseEvent]:
    """Turn one raw SSE event into typed events (protocol §4.4-4.5); unknown payloads yield none.

    Form A (ADK `Event`) may carry several parts, hence a list. `thought` parts are dropped.
    """
    if raw.comment or raw.event == "heartbeat":
        return [_HEARTBEAT]
    data = raw.data.strip()
    if not data:
        return [_HEARTBEAT]
    try:
        obj = json.loads(data)
    except ValueError:
        if raw.event == "error":
            return [ErrorEvent(data)]
        if data.strip("\"'").lower() in _KEEP_ALIVE_WORDS:
            return [_HEARTBEAT]
        _log.warning("sse_payload_not_json", size=len(data))
        return []
    if isinstance(obj, str) and obj.strip().lower() in _KEEP_ALIVE_WORDS:
        return [_HEARTBEAT]  # `data: "heartbeat"`, the word as a JSON string
    if not isinstance(obj, dict):
        return []
    kind = obj.get("type")
    if isinstance(kind, str):
        return _form_b(kind, obj)
    if "error" in obj:
        return [ErrorEvent(_text(obj["error"]))]
    return _form_a(obj)


@dataclass(slots=True)
class EventParser:
    """Decoder plus classifier: bytes in, typed events out."""

    decoder: SseDecoder = field(default_factory=SseDecoder)

    def feed(self, chunk: bytes) -> list[SseEvent]:
        """Typed events completed by this chunk."""
        return [event for raw in self.decoder.feed(chunk) for event in classify(raw)]

    def close(self) -> bool:
        """End of input; True when the stream stopped inside an unfinished event."""
        return self.decoder.close()


def check_content_type(content_type: str | None) -> None:
    """Require `text/event-stream` (any parameters).

    Raises:
        APIError: The response is not an event stream: a wrong server, not a dropped stream
            (the message was not taken, so there is nothing to recover by polling).
    """
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media != "text/event-stream":
        shown = "".join(ch for ch in media if ch.isprintable())[:80] or "no content type"
        raise APIError(
            f"expected an event stream, got {shown}; "
            "check that NEMO_API_URL points at the NemoVideo API"
        )


def is_temporary_issue(text: str) -> bool:
    """True for the backend's spurious trailing "I encountered a temporary issue" text (§0)."""
    return bool(_TEMPORARY_ISSUE.search(text))
