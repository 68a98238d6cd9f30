"""What every client command shares: common options, settings, the embedded backend, error exits.

A command body is an async function `(Settings) -> CommandResult`; `run_command` builds settings
from the environment and flags, starts the embedded backend for `--local`, runs the body, prints
the result (text, or one JSON object with `--json`) and turns any `AgentError` into a one-line
message and a non-zero exit code. Nothing else in the CLI catches errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Coroutine, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click

from agent import DISTRIBUTION
from agent.cli.interrupt import INTERRUPTED, Interrupts
from agent.commands import error_line
from agent.commands import error_payload as _error_payload
from agent.config import Settings
from agent.errors import AgentError, ConfigError
from agent.log import configure_logging, redact
from agent.terminal import printable

__all__ = [
    "CommandResult",
    "CommonOptions",
    "common_options",
    "error_line",
    "run_command",
]

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 1


@dataclass(frozen=True, slots=True)
class CommonOptions:
    """Flags every client command accepts."""

    json: bool = False
    local: bool = False
    skill: Path | None = None
    verbose: int = 0
    log_json: bool = False


@dataclass(slots=True)
class CommandResult:
    """What a command produced: text for people, a dict for `--json`, and an exit code."""

    text: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    exit_code: int = 0


def common_options(func: F) -> F:
    """Add `--json`, `--local`, `--skill`, `-v` and `--log-json` to a command.

    The command receives them as one `opts: CommonOptions` keyword argument.
    """

    options = [
        click.option("--json", "json_", is_flag=True, help="Print one JSON object on stdout."),
        click.option(
            "--local",
            is_flag=True,
            help="Use the embedded local backend (also NEMO_BACKEND=local).",
        ),
        click.option(
            "--skill",
            type=click.Path(path_type=Path, dir_okay=False),
            default=None,
            help="Use another SKILL.md for attribution (also NEMO_SKILL_FILE).",
        ),
        click.option("-v", "--verbose", count=True, help="More logging on stderr (-vv: debug)."),
        click.option("--log-json", is_flag=True, help="Log as JSON lines on stderr."),
    ]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        opts = CommonOptions(
            json=kwargs.pop("json_"),
            local=kwargs.pop("local"),
            skill=kwargs.pop("skill"),
            verbose=kwargs.pop("verbose"),
            log_json=kwargs.pop("log_json"),
        )
        return func(*args, opts=opts, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def build_settings(opts: CommonOptions, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the environment, with command-line flags on top."""
    settings = Settings.from_env(env)
    changes: dict[str, Any] = {}
    if opts.skill is not None:
        changes["skill_file"] = opts.skill
    if opts.local:
        changes["backend"] = "local"
    return settings.with_overrides(**changes) if changes else settings


@contextmanager
def backend_for(settings: Settings) -> Iterator[Settings]:
    """Yield settings pointing at the API to use; starts the embedded backend when local."""
    if settings.backend != "local":
        yield settings
        return
    try:
        from agent.local.server.loopback import embedded_backend
    except ImportError as exc:  # the `local` extra is not installed
        raise ConfigError(
            f"the local backend needs the 'local' extra: pip install '{DISTRIBUTION}[local]'"
        ) from exc
    with embedded_backend(settings) as url:
        yield settings.with_overrides(api_url=url, web_url=url)


def _emit(opts: CommonOptions, result: CommandResult) -> None:
    if opts.json:
        payload = {"status": "ok" if result.exit_code == 0 else "error", **result.data}
        click.echo(json.dumps(payload, ensure_ascii=False))
    elif result.text:
        click.echo(printable(result.text))  # backend text: no escape codes reach the terminal


ErrorHandler = Callable[[AgentError, Settings | None], CommandResult]
"""Turns an error raised outside the command body (settings, backend start) into a result, so a
command can keep its own output shape; receives the settings when they could be built."""


def run_command(
    opts: CommonOptions,
    body: Callable[[Settings], Coroutine[Any, Any, CommandResult]],
    *,
    env: Mapping[str, str] | None = None,
    on_error: ErrorHandler | None = None,
    local_backend: bool = True,
    interrupts: Interrupts | None = None,
) -> None:
    """Run an async command body with settings, logging, the backend and error handling.

    `local_backend=False` starts no embedded backend for `--local` (the worker runs it).
    `interrupts` is the command's signal policy when its body needs it too (chat's scopes).

    Exits the process with the result's code; an `AgentError` becomes one line on stderr (or a
    JSON error object on stdout with `--json`, or what `on_error` makes of it) and exit code 1;
    Ctrl-C exits 130 (SIGTERM 143) as `agent.cli.interrupt` describes.
    """
    configure_logging(verbosity=opts.verbose, json=opts.log_json)
    with interrupts or Interrupts() as policy:
        if opts.json:
            policy.last_words = _json_line(INTERRUPTED)
        result = _run_body(opts, body, policy, env=env, on_error=on_error, local=local_backend)
        policy.last_words = b""  # from here on stdout gets the result itself
        _emit(opts, result)
        if result.exit_code:
            sys.exit(result.exit_code)


def _json_line(data: Mapping[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def _run_body(
    opts: CommonOptions,
    body: Callable[[Settings], Coroutine[Any, Any, CommandResult]],
    policy: Interrupts,
    *,
    env: Mapping[str, str] | None,
    on_error: ErrorHandler | None,
    local: bool,
) -> CommandResult:
    """The body's result, or the result of its error or interruption (the exit code is set;
    plain mode exits here)."""
    settings: Settings | None = None
    try:
        settings = build_settings(opts, env)
        if local:
            with backend_for(settings) as live:
                return policy.run(body(live))
        return policy.run(body(settings))
    except AgentError as exc:
        result = (
            on_error(exc, settings)
            if on_error is not None
            else CommandResult(data=_error_payload(exc))
        )
        result.exit_code = result.exit_code or EXIT_ERROR
        line = printable(redact(result.text)) if result.text else error_line(exc, settings)
        click.echo(line, err=True)
        if not opts.json:
            sys.exit(result.exit_code)
        return result
    except KeyboardInterrupt:  # a signal stopped the body (or the body raised one itself)
        click.echo("interrupted", err=True)
        payload = {"error": {"code": "interrupted", "message": "interrupted"}}
        if not opts.json:
            sys.exit(policy.exit_code)
        return CommandResult(data=payload, exit_code=policy.exit_code)
