"""Pure, incremental `text/event-stream` decoder and the event classifier of protocol §4.5.

Feed byte chunks of any size; get typed `SseEvent`s. No I/O: the client owns the socket.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Mapping
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
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
"""The C scanner behind `json.loads` (typeshed leaves the attribute out); per-call state only."""
_COMMENT = "\n"
"""The event name given to a comment line by `SseDecoder.frames` (no field value holds `\\n`)."""
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

    `id:` and `retry:` fields are ignored (ADK sends none and we never reconnect). Cost is linear
    in the input: each character is scanned a fixed number of times, and an unfinished line is
    kept as a list of pieces joined once when it ends (a 10 MB `data:` line in 4 KiB chunks).
    """

    _utf8: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="replace")
    )
    _pending: list[str] = field(default_factory=list)
    """Pieces of the line not yet ended, in order."""
    _skip_lf: bool = False
    _data: list[str] = field(default_factory=list)
    _event: str = ""

    def feed(self, chunk: bytes) -> list[RawEvent]:
        """Decode one chunk; returns the events completed by it (possibly none)."""
        return [
            RawEvent("", "comment", comment=True) if name == _COMMENT else RawEvent(data, name)
            for data, name in self.frames(chunk)
        ]

    def frames(self, chunk: bytes) -> list[tuple[str, str]]:
        """Like `feed`, as `(data, event name)` pairs; a comment's name is `_COMMENT`."""
        text = self._utf8.decode(chunk)
        if self._skip_lf and text:
            # A `\r` ended the previous chunk; a leading `\n` completes that `\r\n`.
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
        if not text:
            return []
        if "\r" in text:
            self._skip_lf = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        end = text.rfind("\n")
        if end < 0:
            self._pending.append(text)
            return []
        if self._pending:
            self._pending.append(text[:end])
            block = "".join(self._pending)
            self._pending = []
        else:
            block = text[:end]
        if end + 1 < len(text):
            self._pending.append(text[end + 1 :])
        return self._lines(block.split("\n"))

    def close(self) -> bool:
        """End of input. Returns True when the stream stopped inside an unfinished event."""
        rest = self._utf8.decode(b"", final=True)
        truncated = bool(self._pending or rest or self._data or self._event)
        self._pending, self._data, self._event = [], [], ""
        return truncated

    def _lines(self, lines: list[str]) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        data, event = self._data, self._event
        for line in lines:
            if not line:
                if data or event:
                    out.append(("\n".join(data), event or "message"))
                    data, event = [], ""
            elif line.startswith("data:"):
                data.append(line[6:] if line.startswith(" ", 5) else line[5:])
            elif line[0] == ":":
                out.append(("", _COMMENT))
            else:
                name, _, value = line.partition(":")
                value = value[1:] if value.startswith(" ") else value
                if name == "event":
                    event = value
                elif name == "data":  # a bare `data` line: an empty data line
                    data.append(value)
        self._data, self._event = data, event
        return out


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
    if kind == "text":
        text = obj.get("content", obj.get("text"))
        return [TextEvent(text, obj.get("partial") is True)] if isinstance(text, str) else []
    if kind == "heartbeat":
        return [_HEARTBEAT]
    ident, name = str(obj.get("id") or ""), str(obj.get("name") or "")
    if kind == "tool_call":
        return [ToolCallEvent(ident, name, _dict(obj.get("args")))]
    if kind == "tool_result":
        return [ToolResultEvent(ident, name, _dict(obj.get("result", obj.get("response"))))]
    if kind == "error":
        return [ErrorEvent(_text(obj.get("message", obj.get("error", obj.get("content")))))]
    return []


def _part(part: dict[str, Any], *, partial: bool, system: bool) -> SseEvent | None:
    call = part.get("functionCall")
    if isinstance(call, dict):
        return ToolCallEvent(
            str(call.get("id") or ""), str(call.get("name") or ""), _dict(call.get("args"))
        )
    result = part.get("functionResponse")
    if isinstance(result, dict):
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


def _form_a(obj: dict[str, Any]) -> list[SseEvent]:
    if obj.get("errorCode") or obj.get("errorMessage"):
        code, message = obj.get("errorCode"), obj.get("errorMessage")
        return [ErrorEvent(f"{code}: {message}" if code and message else str(code or message))]
    content = obj.get("content")
    parts = content.get("parts") if isinstance(content, dict) else None
    if not isinstance(parts, list):
        return []
    partial, system = obj.get("partial") is True, obj.get("author") == "system"
    events: list[SseEvent] = []
    for part in parts:
        if isinstance(part, dict):
            event = _part(part, partial=partial, system=system)
            if event is not None:
                events.append(event)
    return events


def classify(raw: RawEvent) -> list[SseEvent]:
    """Turn one raw SSE event into typed events (protocol §4.4-4.5); unknown payloads yield none.

    Form A (ADK `Event`) may carry several parts, hence a list. `thought` parts are dropped.
    """
    return [_HEARTBEAT] if raw.comment else _classify(raw.data, raw.event)


def _json(data: str) -> Any:
    """`json.loads` for a stripped string, calling the C scanner directly on the common path."""
    try:
        obj, end = _SCAN(data, 0)
    except StopIteration:
        end = -1
    return obj if end == len(data) else json.loads(data)  # json.loads raises the error


def _classify(raw_data: str, name: str) -> list[SseEvent]:
    if name == "heartbeat" or name == _COMMENT:
        return [_HEARTBEAT]
    data = raw_data.strip()
    if not data:
        return [_HEARTBEAT]
    try:
        obj = _json(data)
    except ValueError:
        if name == "error":
            return [ErrorEvent(data)]
        if data.strip("\"'").lower() in _KEEP_ALIVE_WORDS:
            return [_HEARTBEAT]
        _log.warning("sse_payload_not_json", size=len(data))
        return []
    if not isinstance(obj, dict):
        if isinstance(obj, str) and obj.strip().lower() in _KEEP_ALIVE_WORDS:
            return [_HEARTBEAT]  # `data: "heartbeat"`, the word as a JSON string
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
        events: list[SseEvent] = []
        for data, name in self.decoder.frames(chunk):
            events += _classify(data, name)
        return events

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
