"""`nemo-agent translate`: rewrite backend GUI prose offline, one text or JSON lines on stdin.

No network and no settings; the translator and its tables are imported when the command runs.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from agent.log import configure_logging

if TYPE_CHECKING:
    from agent.translate.tables import GuiTables

__all__ = ["translate"]

EXIT_BAD_INPUT = 1


def _translate_line(line: str, tables: GuiTables) -> dict[str, Any]:
    """One JSONL record in, one record out; malformed input becomes an `error` record."""
    from agent.translate import translate as run

    try:
        record = json.loads(line.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return {"error": f"not JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return {"error": 'expected an object with a string "text"'}
    result = run(record["text"], tables)
    return {"text": result.text, "actions": list(result.actions)}


def _run_jsonl(tables: GuiTables) -> int:
    from agent.cli.common import stdin_text

    failures = 0
    with stdin_text() as stdin:
        for line in stdin:
            if not line.strip():
                continue
            out = _translate_line(line, tables)
            failures += "error" in out
            click.echo(json.dumps(out, ensure_ascii=False))
    return EXIT_BAD_INPUT if failures else 0


def _run_one(text: str, tables: GuiTables, as_json: bool) -> None:
    from agent.translate import translate as run

    result = run(text, tables)
    if as_json:
        payload = {"text": result.text, "actions": list(result.actions)}
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    click.echo(result.text)
    if result.actions:
        click.echo(f"actions: {', '.join(result.actions)}")


@click.command()
@click.argument("text", required=False)
@click.option("--jsonl", is_flag=True, help='Read {"text": ...} lines on stdin, write results.')
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object for TEXT.")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug).")
@click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr.")
@click.option("--local", is_flag=True, help="Accepted for symmetry: translating is offline.")
def translate(
    text: str | None, jsonl: bool, as_json: bool, verbose: int, log_json: bool, local: bool
) -> None:
    """Translate backend GUI instructions into chat text and client actions.

    With TEXT, print the rewritten text (and its actions). With --jsonl, read lines
    {"text": str} on stdin and write {"text": str, "actions": [...]} lines; a malformed line
    gets {"error": ...} and the command exits 1 after the last line.
    """
    from agent.errors import ConfigError
    from agent.translate.tables import load_gui_tables

    if jsonl == (text is not None):
        raise click.UsageError("give either TEXT or --jsonl")
    configure_logging(verbosity=verbose, json=log_json)
    try:
        tables = load_gui_tables()
    except ConfigError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if text is not None:
        _run_one(text, tables, as_json)
        return
    code = _run_jsonl(tables)
    if code:
        sys.exit(code)
