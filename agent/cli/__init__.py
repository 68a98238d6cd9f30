"""The `nemo-agent` command: a lazy click group, so `--help` imports no heavy module.

Each command lives in its own module under `agent/cli/` and is imported only when it runs.
"""

from __future__ import annotations

import importlib
import itertools
import json
import re
import sys
from typing import Any

import click

from agent import __version__

__all__ = ["main"]

# command name -> (module, attribute, one-line help shown by `nemo-agent --help`)
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "turn": (
        "agent.cli.turn",
        "turn",
        "Run one turn of conversation (for agent hosts and scripts).",
    ),
    "chat": ("agent.cli.chat", "chat", "Chat with the video agent in your terminal."),
    "send": ("agent.cli.api", "send", "Send one message to the backend agent; print its reply."),
    "upload": ("agent.cli.api", "upload", "Upload images, videos or audio (paths or URLs)."),
    "export": ("agent.cli.api", "export", "Render the current project to MP4 and download it."),
    "credits": ("agent.cli.api", "credits", "Show the credit balance."),
    "state": ("agent.cli.api", "state", "Show the current timeline."),
    "link": ("agent.cli.api", "link", "Print the browser link for the current project."),
    "wait": ("agent.cli.jobs", "wait", "Wait for a background job and print its result."),
    "jobs": ("agent.cli.jobs", "jobs", "List recent jobs (id, status, age, files, errors)."),
    "cancel": ("agent.cli.jobs", "cancel", "Cancel a background job."),
    "worker": ("agent.cli.jobs", "worker", "Show or stop the background worker (status|stop)."),
    "route": ("agent.cli.route", "route", "Show how a message would be routed (no network)."),
    "translate": ("agent.cli.translate", "translate", "Translate backend GUI text (JSON lines)."),
    "serve": ("agent.cli.serve", "serve", "Run the embedded local backend on loopback."),
    "install": ("agent.cli.install", "install", "Install the skill (and MCP server) for hosts."),
    "uninstall": ("agent.cli.install", "uninstall", "Remove what `install` wrote."),
    "doctor": ("agent.cli.doctor", "doctor", "Check the installation, one line per check."),
    "mcp": ("agent.cli.mcp", "mcp", "Run the MCP server on stdio (for agent hosts)."),
}


_GLOBAL_FLAGS = frozenset({"--verbose", "--log-json", "--json", "--local"})
"""Flags every client command accepts, also written before the command (`nemo-agent -vv turn`)."""


def _is_global(arg: str) -> bool:
    return arg in _GLOBAL_FLAGS or re.fullmatch(r"-v+", arg) is not None


def globals_after_command(args: list[str]) -> list[str]:
    """Move global flags written before the command name to just after it."""
    flags = list(itertools.takewhile(_is_global, args))
    rest = args[len(flags) :]
    if not flags or not rest or rest[0] not in _COMMANDS:
        return args
    return [rest[0], *flags, *rest[1:]]


class LazyGroup(click.Group):
    """A click group that imports a command's module only when that command is used."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, globals_after_command(args))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        command: click.Command = getattr(module, entry[1])
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_m, _a, help_) in _COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="nemo-agent")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: each request).")
@click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr.")
@click.option("--json", "json_", is_flag=True, help="Print one JSON object on stdout.")
@click.option("--local", is_flag=True, help="Use the embedded local backend.")
def cli(**_global: Any) -> None:
    """nemo-agent: turn photos into videos by chatting, on the NemoVideo cloud or fully offline.

    Run `nemo-agent COMMAND --help` for a command's options. Add `--local` to any command to use
    the embedded local backend (no account, no network). `-v`/`-vv`, `--log-json`, `--json` and
    `--local` may come before or after the command.
    """


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point; with `--json`, a usage error is also one JSON object on
    stdout (the message and usage still go to stderr, exit code 2)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--json" not in args:
        return cli.main(args=args, prog_name="nemo-agent")
    try:
        return cli.main(args=args, prog_name="nemo-agent", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        _json_error("usage", exc.format_message())
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("interrupted", err=True)
        _json_error("interrupted", "interrupted")
        sys.exit(130)


def _json_error(code: str, message: str) -> None:
    error = {"code": code, "message": message}
    click.echo(json.dumps({"status": "error", "error": error}, ensure_ascii=False))
