"""Tool outputs: the structured shapes (output schemas) and the `CallToolResult` built from a
worker answer: reply text, structured content, and each file as a `file://` resource link plus
its absolute path. No I/O apart from reading file sizes already in `file_info`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from mcp_types import CallToolResult, ContentBlock, ResourceLink, TextContent
from pydantic import BaseModel, ConfigDict, Field

from agent.files import describe_files
from agent.handlers.base import human_size
from agent.templates import Language, Templates

__all__ = [
    "WAIT_LIMIT_S",
    "CancelOutput",
    "JobOutput",
    "cancel_result",
    "job_result",
    "tool_error",
]

WAIT_LIMIT_S = 50
"""No call waits longer (MCP clients commonly time a call out at 60 s)."""


class FileInfo(BaseModel):
    """A delivered file."""

    path: str = Field(description="Absolute path on this machine.")
    size_bytes: int | None = Field(description="Size in bytes (null if the file is gone).")
    mime: str = Field(description="MIME type, e.g. video/mp4.")


class ErrorInfo(BaseModel):
    """Why a job failed."""

    code: int | str
    message: str


class JobOutput(BaseModel):
    """A job's result, or `running` with the `job_id` to pass to `wait`."""

    model_config = ConfigDict(extra="allow")

    status: Literal["ok", "error", "running"] = Field(
        description="ok, error, or running (call `wait` with job_id)."
    )
    job_id: str = Field(description="The job; `wait` and `cancel` take it.")
    reply: str = Field(default="", description="Text for the user, in their language.")
    language: str = "en"
    actions: list[str] = Field(default_factory=list, description="What was done, in order.")
    files: list[str] = Field(default_factory=list, description="Absolute paths of MP4s.")
    uploaded: list[dict[str, Any]] | None = Field(
        default=None, description="`upload`: what was added (filename, type, url)."
    )
    file_info: list[FileInfo] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list, description="Browser links for the project.")
    session_id: str = ""
    error: ErrorInfo | None = None


class CancelOutput(BaseModel):
    """What `cancel` did."""

    job_id: str
    status: str = Field(description="cancelled, cancelling, or the status it already had.")


def _language(data: dict[str, Any]) -> Language:
    return "zh" if data.get("language") == "zh" else "en"


def _file_blocks(info: list[dict[str, Any]], templates: Templates, lang: Language) -> list[Any]:
    blocks: list[Any] = []
    for entry in info:
        path = Path(entry["path"])
        size = entry.get("size_bytes")
        blocks.append(
            ResourceLink(
                type="resource_link",
                uri=path.as_uri(),
                name=path.name,
                mime_type=entry["mime"],
                size=size,
            )
        )
        shown = human_size(size) if isinstance(size, int) else "?"
        text = templates.render("replies/mcp_file", lang, path=str(path), size=shown,
                                mime=entry["mime"])  # fmt: skip
        blocks.append(TextContent(type="text", text=text))
    return blocks


def job_result(
    data: dict[str, Any], job_id: str, tool: str, templates: Templates
) -> CallToolResult:
    """The tool result for a worker answer (`turn --json`'s object, final or `running`).

    Args:
        data: The worker's object.
        job_id: The job it belongs to (added to the structured content).
        tool: The tool that was called (named in the `running` instructions).
        templates: Where the running and file lines come from.
    """
    structured = {**data, "job_id": job_id}
    listed = structured.get("files") or []
    files = [f for f in listed if isinstance(f, str)]
    if len(files) != len(listed):  # `upload`'s own rows {filename, type, url}: not local files
        structured["uploaded"], structured["files"] = listed, files
    if not isinstance(structured.get("file_info"), list) or len(structured["file_info"]) != len(
        files
    ):
        structured["file_info"] = describe_files(files)
    lang = _language(structured)
    content: list[ContentBlock] = [TextContent(type="text", text=str(data.get("reply") or ""))]
    if structured.get("status") == "running":
        text = templates.render(
            "replies/mcp_running", lang, job_id=job_id, limit=WAIT_LIMIT_S, tool=tool
        )
        content.append(TextContent(type="text", text=text))
    content.extend(_file_blocks(structured["file_info"], templates, lang))
    return CallToolResult(
        content=content,
        structured_content=JobOutput.model_validate(structured).model_dump(mode="json"),
        is_error=structured.get("status") == "error",
    )


def cancel_result(answer: dict[str, Any]) -> CallToolResult:
    """The tool result for `cancel`."""
    output = CancelOutput.model_validate(answer)
    text = f"{output.job_id}: {output.status}"
    return CallToolResult(
        content=[TextContent(type="text", text=text)],
        structured_content=output.model_dump(mode="json"),
    )


def tool_error(line: str) -> CallToolResult:
    """A tool error carrying the CLI's one-line message (`error: ...`), as the only content."""
    return CallToolResult(content=[TextContent(type="text", text=line)], is_error=True)
