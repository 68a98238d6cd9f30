"""`nemo-agent install` / `uninstall`: put the skill (and `--mcp`, the MCP server) where agent
hosts load them, or take back exactly what install wrote. One line (or one JSON object) per file.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from agent.cli.interrupt import INTERRUPTED, Interrupts
from agent.config import Settings
from agent.errors import AgentError
from agent.hosts.targets import DEFAULT_HOSTS, HOSTS
from agent.log import configure_logging
from agent.skill import IDENTITIES

if TYPE_CHECKING:
    from agent.hosts.install import Request, Step

__all__ = ["install", "server_command", "uninstall"]


def server_command(skill: str, argv0: str | None = None) -> tuple[str, ...]:
    """The `nemo-agent mcp` command line for host configs, with an absolute executable path
    (hosts start MCP servers with a minimal PATH)."""
    first = Path(argv0 if argv0 is not None else sys.argv[0])
    found = str(first) if first.name == "nemo-agent" and first.is_file() else None
    found = found or shutil.which("nemo-agent")
    command: tuple[str, ...] = (
        (str(Path(found).absolute()), "mcp") if found else (sys.executable, "-m", "agent", "mcp")
    )
    return command if skill == IDENTITIES[0] else (*command, "--skill", skill)


def _options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "--host",
            "hosts",
            multiple=True,
            type=click.Choice(HOSTS),
            help="Agent host (repeatable; default: agents and claude, which covers all).",
        ),
        click.option(
            "--project",
            type=click.Path(path_type=Path, file_okay=False),
            default=None,
            help="Install into this project folder instead of your home.",
        ),
        click.option(
            "--skill",
            type=click.Choice(IDENTITIES),
            default=IDENTITIES[0],
            show_default=True,
            help="Which bundled skill to install.",
        ),
        click.option("--mcp", is_flag=True, help="Also (un)register the MCP server."),
        click.option("--dry-run", is_flag=True, help="Print the plan; write nothing."),
        click.option("--force", is_flag=True, help="Replace or remove locally edited copies."),
        click.option("--json", "json_", is_flag=True, help="Print one JSON object on stdout."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run(uninstalling: bool, **kw: Any) -> None:
    """Plan, apply and report; under the interruption policy (`agent.cli.interrupt`): a first
    Ctrl-C lets the step being written finish (each is atomic) and starts no other, then the
    steps applied are reported (and recorded, for `uninstall`), `interrupted`, exit 130."""
    configure_logging(verbosity=0)  # warnings (permissions_tightened) to stderr, not stdout
    with Interrupts() as interrupts:
        steps, applied, request = _apply(uninstalling, kw, lambda: interrupts.caught is not None)
        stopped = interrupts.caught is not None and len(applied) < len(steps)
        failed = any(step.conflict for step in steps)
        if kw["json_"]:
            payload: dict[str, Any] = {
                "status": "error" if failed or stopped else "ok",
                **(dict(INTERRUPTED) if stopped else {}),
                "dry_run": kw["dry_run"],
                "skill": request.skill,
                "steps": [step.as_json() for step in (applied if stopped else steps)],
            }
            click.echo(json.dumps(payload, ensure_ascii=False))
        else:
            for step in applied if stopped else steps:
                detail = f"  ({step.detail})" if step.detail else ""
                line = f"{step.action:<10} {step.kind:<5} {','.join(step.hosts):<20} {step.path}"
                click.echo(line + detail)
            if kw["dry_run"]:
                click.echo("dry run: nothing was written")
        if stopped:
            click.echo("interrupted", err=True)
            sys.exit(interrupts.exit_code)
        sys.exit(1 if failed else 0)


def _apply(
    uninstalling: bool, kw: dict[str, Any], stopped: Callable[[], bool]
) -> tuple[list[Step], list[Step], Request]:
    """The plan's steps, those applied (all of them unless `stopped`), and the request; a
    configuration or file error ends the command here (exit 1)."""
    from agent.hosts.install import Request, apply_plan, plan_install, plan_uninstall
    from agent.hosts.targets import Location

    try:
        settings = Settings.from_env()
        project = kw["project"].expanduser().absolute() if kw["project"] else None
        where = Location(settings.user_home, project, settings.openclaw_state_dir)
        request = Request(
            hosts=tuple(dict.fromkeys(kw["hosts"] or DEFAULT_HOSTS)),
            skill=kw["skill"],
            where=where,
            mcp=kw["mcp"],
            force=kw["force"],
            command=server_command(kw["skill"]),
        )
        planner = plan_uninstall if uninstalling else plan_install
        steps, record = planner(request, settings.state_dir)
        if kw["dry_run"]:
            return steps, steps, request
        return steps, apply_plan(steps, record, settings.state_dir, stopped=stopped), request
    except (AgentError, OSError) as exc:
        message = exc.message if isinstance(exc, AgentError) else f"{exc.filename}: {exc.strerror}"
        if kw["json_"]:
            error = {"code": "config", "message": message}
            click.echo(json.dumps({"status": "error", "error": error}, ensure_ascii=False))
        click.echo(f"error: {message}", err=True)
        sys.exit(1)


@click.command()
@_options
def install(**kw: Any) -> None:
    """Install the skill where agent hosts load it (and with --mcp, register `nemo-agent mcp`).

    A rerun changes nothing; a copy you edited is kept unless --force.
    """
    _run(False, **kw)


@click.command()
@_options
def uninstall(**kw: Any) -> None:
    """Remove what `install` wrote (with --mcp, its MCP registrations too); nothing else."""
    _run(True, **kw)
