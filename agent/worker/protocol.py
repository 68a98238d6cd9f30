"""What travels between a client and the worker: job requests, outcomes and JSON-lines messages.

One request per connection: the client writes one JSON line (`{"op": ..., ...}`), the worker
answers with JSON lines: `{"ok": true, ...}` for most operations; for `wait`, zero or more
`{"event": "progress", ...}` / `{"event": "tick"}` lines, then one `{"event": "done", ...}` or
`{"event": "running", ...}` line. Errors are `{"ok": false, "error": {"code", "message"}}`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from agent.config import Settings

__all__ = [
    "KINDS",
    "PROTOCOL",
    "SECRET_FIELDS",
    "JobKind",
    "JobRequest",
    "Outcome",
    "decode",
    "encode",
    "settings_from_wire",
    "settings_to_wire",
]

PROTOCOL = 1
"""Bumped when the messages change incompatibly (the package version is checked too)."""

JobKind = Literal["turn", "send", "export", "upload", "credits", "state"]
KINDS: tuple[str, ...] = ("turn", "send", "export", "upload", "credits", "state")

SECRET_FIELDS = ("token", "anthropic_api_key")
"""Settings fields sent to the worker but never written to the ledger or a log."""

_PATH_FIELDS = frozenset(
    f.name for f in dataclasses.fields(Settings) if "Path" in str(f.type)
)  # every Path-typed field travels as a string: `skill_file`, `state_dir`, `user_home`, ...


def settings_to_wire(settings: Settings, *, secrets: bool = True) -> dict[str, Any]:
    """Settings as a JSON-able dict (paths as strings); without secrets for the ledger."""
    data: dict[str, Any] = {}
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if f.name in SECRET_FIELDS and not secrets:
            continue
        data[f.name] = str(value) if isinstance(value, Path) else value
    return data


def settings_from_wire(data: dict[str, Any], base: Settings) -> Settings:
    """Settings from `settings_to_wire`, missing fields (secrets kept out of the ledger) from
    `base` (the worker's own settings)."""
    known = {f.name for f in dataclasses.fields(Settings)}
    changes: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            continue
        changes[name] = Path(value) if name in _PATH_FIELDS and value is not None else value
    return base.with_overrides(**changes)


@dataclass(frozen=True, slots=True)
class JobRequest:
    """One unit of work for the worker (a `turn`, or one direct command).

    Attributes:
        kind: `turn`, `send`, `export`, `upload`, `credits` or `state`.
        text: The message (`turn`, `send`).
        attachments: Paths (absolute) and URLs (`turn`, `upload`).
        new: Start a new project session first.
        local: Use the embedded local backend (the worker keeps it running).
        lang: Reply language `en`/`zh` for the direct commands (None: the session's).
        output_dir: Where the MP4 goes (absolute; None: NEMO_OUTPUT_DIR, else the client's cwd).
        export_name: The MP4's file name (`export -o FILE.mp4`).
        turn_id: The caller's idempotency key; a second submit with it attaches to the first job.
        cwd: The client's working directory (paths written in the text are relative to it).
        settings: The client's settings (`settings_to_wire`); None: the worker's own.
        output: Export output options (`export --resolution ...`: `OutputOptions` fields).
    """

    kind: JobKind
    text: str = ""
    attachments: tuple[str, ...] = ()
    new: bool = False
    local: bool = False
    lang: str | None = None
    output_dir: str | None = None
    export_name: str | None = None
    turn_id: str | None = None
    cwd: str | None = None
    settings: dict[str, Any] | None = field(default=None, repr=False)
    output: dict[str, Any] | None = None

    def to_wire(self, *, secrets: bool = True) -> dict[str, Any]:
        """A JSON-able dict; `secrets=False` drops the token and API keys (for the ledger)."""
        data = dataclasses.asdict(self)
        data["attachments"] = list(self.attachments)
        if not secrets and self.settings is not None:
            data["settings"] = {k: v for k, v in self.settings.items() if k not in SECRET_FIELDS}
        return data

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> JobRequest:
        """The inverse of `to_wire`.

        Raises:
            ValueError: Not a job request.
        """
        kind = data.get("kind")
        if kind not in KINDS:
            raise ValueError(f"unknown job kind {kind!r}")
        settings = data.get("settings")
        return cls(
            kind=kind,
            text=str(data.get("text") or ""),
            attachments=tuple(str(a) for a in data.get("attachments") or ()),
            new=bool(data.get("new")),
            local=bool(data.get("local")),
            lang=data.get("lang") if data.get("lang") in ("en", "zh") else None,
            output_dir=data.get("output_dir") or None,
            output=data.get("output") if isinstance(data.get("output"), dict) else None,
            export_name=data.get("export_name") or None,
            turn_id=data.get("turn_id") or None,
            cwd=data.get("cwd") or None,
            settings=settings if isinstance(settings, dict) else None,
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a finished job is printed: the `--json` object, the text, the exit code.

    Attributes:
        data: The full `--json` object (`turn --json`'s keys, plus a direct command's own).
        text: The plain-mode text (the whole reply).
        rest: The plain-mode text after the streamed backend text was already shown.
        exit_code: The command's exit code (0 ok, 1 error).
        error_line: `text` is a one-line error for stderr (the command never got going).
        question: The question the backend asked, if the turn ended on one (the chat's prompt).
    """

    data: dict[str, Any]
    text: str = ""
    rest: str = ""
    exit_code: int = 0
    error_line: bool = False
    question: str | None = None

    def to_wire(self) -> dict[str, Any]:
        """A JSON-able dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Outcome:
        """The inverse of `to_wire`."""
        return cls(
            data=dict(data.get("data") or {}),
            text=str(data.get("text") or ""),
            rest=str(data.get("rest") or ""),
            exit_code=int(data.get("exit_code") or 0),
            error_line=bool(data.get("error_line")),
            question=data.get("question") if isinstance(data.get("question"), str) else None,
        )


def encode(message: dict[str, Any]) -> bytes:
    """One JSON line."""
    return (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8")


def decode(line: bytes) -> dict[str, Any]:
    """A JSON line as a dict.

    Raises:
        ValueError: Not a JSON object.
    """
    data = json.loads(line.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data
