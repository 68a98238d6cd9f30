"""`nemo-agent route`: show how messages would be routed; no backend and, with --no-llm, no network.

One message from the command line, or JSON lines on stdin (`--jsonl`) for evaluation scripts.
Heavy modules (the anthropic SDK) load only when the LLM fallback is configured and wanted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

import click
from pydantic import BaseModel, ConfigDict, ValidationError

from agent.cli.interrupt import Interrupts
from agent.cli.stdin import Lines
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging, redact

if TYPE_CHECKING:
    from agent.router import Route, Router

__all__ = ["route"]

EXIT_ERROR = 1


class _Request(BaseModel):
    """One `--jsonl` input line."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    attachments: list[str] = []
    expect: list[list[str]] | None = None
    """Accepted plans (evaluation sets): the output line then says whether the plan is one."""
    harmful: list[list[str]] = []
    """Plans an evaluation set marks as harmful; carried for the scorer, not used here."""


def _payload(result: Route) -> dict[str, Any]:
    return {
        "actions": list(result.actions),
        "source": result.source,
        "language": result.language,
        "declined": list(result.declined),
        "confidence": round(result.confidence, 3),
    }


def _describe(result: Route) -> str:
    return f"{' -> '.join(result.actions)}  ({result.source}, {result.language})"


def _parse_line(line: str) -> _Request | str:
    try:
        return _Request.model_validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "line"
        return f"invalid input ({where}): {first.get('msg', 'malformed')}"


async def _route_lines(router: Router, lines: Lines, out: IO[str]) -> int:
    failures = 0
    while line := await lines.readline():  # awaited: a Ctrl-C never waits for a line
        if not line.strip():
            continue
        request = _parse_line(line)
        if isinstance(request, str):
            failures += 1
            record: dict[str, Any] = {"error": request}
        else:
            record = _payload(await router.route(request.text, request.attachments))
            if request.expect is not None:
                record["ok"] = record["actions"] in request.expect
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_ERROR if failures else 0


async def _run(
    settings: Settings,
    *,
    use_llm: bool,
    text: str | None,
    attachments: Sequence[str],
    as_json: bool,
) -> int:
    from agent.router import build_router

    completer = None
    if use_llm:
        from agent.llm import completer_from_settings

        completer = completer_from_settings(settings)
    router = build_router(completer=completer)
    try:
        if text is None:
            return await _route_lines(router, Lines(sys.stdin, encoding="utf-8-sig"), sys.stdout)
        result = await router.route(text, attachments)
        click.echo(
            json.dumps(_payload(result), ensure_ascii=False) if as_json else _describe(result)
        )
        return 0
    finally:
        if completer is not None:
            await completer.aclose()


@click.command("route")
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--jsonl", is_flag=True, help="Route JSON lines from stdin, one result per line.")
@click.option("--no-llm", is_flag=True, help="Never call the LLM fallback (keywords or default).")
@click.option("--attach", "attachments", multiple=True, metavar="PATH", help="An attached file.")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug).")
@click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr.")
@click.option("--local", is_flag=True, help="Accepted for symmetry: routing never uses a backend.")
def route(
    text: str | None,
    as_json: bool,
    jsonl: bool,
    no_llm: bool,
    attachments: tuple[str, ...],
    verbose: int,
    log_json: bool,
    local: bool,
) -> None:
    """Show how TEXT would be routed, e.g. `upload -> sse  (keyword, en)`.

    With --jsonl, read `{"text": ..., "attachments": [...]}` per stdin line and write
    `{"actions": [...], "source": ..., "language": ...}` per stdout line; a malformed line
    becomes `{"error": ...}` and the command exits 1 at the end. Ctrl-C stops it at once,
    also while it waits for a line: `interrupted`, exit 130.
    """
    if jsonl == (text is not None):
        raise click.UsageError("give either TEXT or --jsonl (not both)")
    configure_logging(verbosity=verbose, json=log_json)
    with Interrupts() as interrupts:
        try:
            settings = Settings.from_env()
            code = interrupts.run(
                _run(
                    settings,
                    use_llm=not no_llm,
                    text=None if jsonl else text,
                    attachments=attachments,
                    as_json=as_json,
                )
            )
        except AgentError as exc:
            click.echo(f"error: {redact(exc.message)}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(interrupts.exit_code)
        if code:
            sys.exit(code)
