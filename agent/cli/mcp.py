"""`nemo-agent mcp`: run the MCP server on stdio for an agent host (stdout is the protocol only).

The `mcp` SDK is imported here, inside the command, never on `--help` or by other commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from agent import DISTRIBUTION
from agent.cli.interrupt import Interrupts
from agent.cli.stdin import StdinRelay
from agent.config import Settings
from agent.errors import AgentError, ConfigError
from agent.log import configure_logging

__all__ = ["mcp"]

STOP_GRACE_S = 5.0
"""How long the server may take to stop after Ctrl-C or SIGTERM before the process just ends:
a host that stops its MCP server expects it gone, and the server holds nothing to clean up."""


@click.command()
@click.option("--local", is_flag=True, help="Use the embedded local backend (also NEMO_BACKEND).")
@click.option(
    "--skill",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="A bundled skill name or a SKILL.md for attribution (also NEMO_SKILL_FILE).",
)
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug).")
def mcp(local: bool, skill: Path | None, verbose: int) -> None:
    """Run the MCP server on stdio (tools: turn, wait, upload, export, credits, state, cancel).

    Hosts start it themselves; `nemo-agent install --mcp` registers it. It ends when the host
    closes stdin (exit 0); Ctrl-C or SIGTERM stops it at once, also while it waits for a
    message: `interrupted` on stderr, exit 130 (143). Jobs it started go on in the worker.
    """
    configure_logging(verbosity=verbose, json=False)
    with Interrupts() as interrupts:
        try:
            settings = Settings.from_env()
            changes: dict[str, object] = {}
            if local:
                changes["backend"] = "local"
            if skill is not None:
                changes["skill_file"] = skill
            settings = settings.with_overrides(**changes) if changes else settings
            try:
                from agent.mcp.server import build_server
            except ImportError as exc:  # the `mcp` extra is not installed
                raise ConfigError(
                    f"the MCP server needs the 'mcp' extra: pip install '{DISTRIBUTION}[mcp]'"
                ) from exc
            server = build_server(settings)
            relay = StdinRelay()  # the SDK reads stdin in a thread: a stop closes this instead
            interrupts.run(server.run_stdio_async(), on_stop=relay.close, grace_s=STOP_GRACE_S)
        except AgentError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(interrupts.exit_code)
