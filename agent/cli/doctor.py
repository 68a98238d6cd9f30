"""`nemo-agent doctor [--json]`: check the installation, one line per check; exit 1 on a failure.

Never prints a token. With `--json`: `{status, checks: [{name, status, text, fix}]}`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from agent.cli.interrupt import Interrupts
from agent.config import Settings
from agent.errors import AgentError

__all__ = ["doctor"]

_MARK = {"ok": "ok  ", "info": "--  ", "warn": "warn", "fail": "FAIL"}


@click.command()
@click.option("--json", "json_", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--local", is_flag=True, help="Check the embedded local backend instead of the API.")
@click.option(
    "--skill",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A bundled skill name or a SKILL.md to check (also NEMO_SKILL_FILE).",
)
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
def doctor(json_: bool, local: bool, skill: Path | None, lang: str) -> None:
    """Check Python, the package, installed skills and MCP registrations, the API, the token,
    file permissions, a 1-second render and the worker. Each failure says how to fix it."""
    from agent.hosts.doctor import Doctor

    try:
        settings = Settings.from_env()
    except AgentError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(1)
    if local:
        settings = settings.with_overrides(backend="local")
    if skill is not None:
        settings = settings.with_overrides(skill_file=skill)
    with Interrupts() as interrupts:
        try:
            checks = interrupts.run(Doctor(settings, lang="zh" if lang == "zh" else "en").run())
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(interrupts.exit_code)
        _show(checks, as_json=json_)


def _show(checks: list[Any], *, as_json: bool) -> None:
    """Print the checks (one line each, or one JSON object) and exit 1 if one failed."""
    failed = any(check.status == "fail" for check in checks)
    if as_json:
        payload = {"status": "error" if failed else "ok", "checks": [c.as_json() for c in checks]}
        click.echo(json.dumps(payload, ensure_ascii=False))
    else:
        for check in checks:
            fix = f" — fix: {check.fix}" if check.fix else ""
            click.echo(f"{_MARK[check.status]}  {check.name:<7} {check.text}{fix}")
    sys.exit(1 if failed else 0)
