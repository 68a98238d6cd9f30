"""`nemo-agent translate`: rewrite backend GUI prose, one text or JSON lines on stdin.

Offline unless ANTHROPIC_API_KEY is set (and --no-llm not given): then a reply the rules and the
clause classifier leave whole goes to the model stage (`agent.translate.model`). The translator,
its tables and the anthropic SDK are imported only when the command needs them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

import click
import structlog

from agent.cli.interrupt import INTERRUPTED, Interrupts
from agent.cli.stdin import Lines
from agent.log import configure_logging

if TYPE_CHECKING:
    from agent.translate import Translation
    from agent.translate.tables import GuiTables

    Run = Callable[[str], Awaitable[Translation]]

__all__ = ["translate"]

EXIT_BAD_INPUT = 1
_log = structlog.get_logger(__name__)


@asynccontextmanager
async def _translator(tables: GuiTables, use_llm: bool) -> AsyncIterator[Run]:
    """The translate function: the rules, or rules then the model when a key is configured.

    Raises:
        ConfigError: The anthropic package is missing.
    """
    from agent.config import Settings
    from agent.errors import ConfigError
    from agent.translate import translate

    try:
        settings = Settings.from_env() if use_llm else None
    except ConfigError as exc:  # translating needs no settings: the rules still run
        _log.warning("translate.settings_unusable", error=exc.message)
        settings = None
    if settings is None or not settings.anthropic_api_key:

        async def by_rules(text: str) -> Translation:
            return translate(text, tables)

        yield by_rules
        return
    from agent.llm import completer_from_settings
    from agent.templates import Templates
    from agent.translate.model import translate_with_model

    templates = Templates()
    completer = completer_from_settings(settings)

    async def with_model(text: str) -> Translation:
        return await translate_with_model(text, tables, completer, templates)

    try:
        yield with_model
    finally:
        if completer is not None:
            await completer.aclose()


async def _translate_line(line: str, run: Run) -> dict[str, Any]:
    """One JSONL record in, one record out; malformed input becomes an `error` record."""
    try:
        record = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return {"error": f"not JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return {"error": 'expected an object with a string "text"'}
    result = await run(record["text"])
    return {"text": result.text, "actions": list(result.actions)}


async def _run_jsonl(run: Run, lines: Lines) -> int:
    failures = 0
    while line := await lines.readline():
        if not line.strip():
            continue
        out = await _translate_line(line, run)
        failures += "error" in out
        click.echo(json.dumps(out, ensure_ascii=False))
    return EXIT_BAD_INPUT if failures else 0


async def _run(text: str | None, *, as_json: bool, use_llm: bool) -> int:
    from agent.translate.tables import load_gui_tables

    tables = load_gui_tables()
    async with _translator(tables, use_llm) as run:
        if text is None:
            return await _run_jsonl(run, Lines(sys.stdin, encoding="utf-8-sig"))
        result = await run(text)
    if as_json:
        payload = {"text": result.text, "actions": list(result.actions)}
        click.echo(json.dumps(payload, ensure_ascii=False))
        return 0
    click.echo(result.text)
    if result.actions:
        click.echo(f"actions: {', '.join(result.actions)}")
    return 0


@click.command()
@click.argument("text", required=False)
@click.option("--jsonl", is_flag=True, help='Read {"text": ...} lines on stdin, write results.')
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for TEXT.")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug).")
@click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr.")
@click.option("--local", is_flag=True, help="Accepted for symmetry: no backend is used.")
@click.option("--no-llm", is_flag=True, help="Never call the model stage (rules only, offline).")
def translate(
    text: str | None,
    jsonl: bool,
    as_json: bool,
    verbose: int,
    log_json: bool,
    local: bool,
    no_llm: bool,
) -> None:
    """Translate backend GUI instructions into chat text and client actions.

    With TEXT, print the rewritten text (and its actions). With --jsonl, read lines
    {"text": str} on stdin and write {"text": str, "actions": [...]} lines; a malformed line
    gets {"error": ...} and the command exits 1 after the last line. Ctrl-C stops it at once,
    also while it waits for a line: `interrupted`, exit 130.
    """
    from agent.errors import ConfigError

    if jsonl == (text is not None):
        raise click.UsageError("give either TEXT or --jsonl")
    configure_logging(verbosity=verbose, json=log_json)
    with Interrupts() as interrupts:
        try:
            code = interrupts.run(_run(text, as_json=as_json, use_llm=not no_llm))
        except ConfigError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            if as_json:
                click.echo(json.dumps(INTERRUPTED, ensure_ascii=False))
            sys.exit(interrupts.exit_code)
        if code:
            sys.exit(code)
