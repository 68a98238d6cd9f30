"""`wait`, `jobs`, `cancel` and `worker status|stop`: the job commands (thin worker clients)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import click

from agent.cli.common import CommonOptions, build_settings, common_options
from agent.cli.interrupt import Interrupts
from agent.cli.jobrun import Heartbeat, print_wait, running_data, wait_for_job
from agent.commands import error_line, error_payload
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging

__all__ = ["cancel", "jobs", "wait", "worker"]

T = TypeVar("T")


def _run(
    opts: CommonOptions,
    body: Callable[[Settings], Coroutine[Any, Any, T]],
    show: Callable[[T], None],
    interrupts: Interrupts | None = None,
) -> None:
    """Settings, logging, the one-line error (or `interrupted`) exit around a job command's
    body, run under the command's signal policy; `show` prints its answer."""
    with interrupts or Interrupts() as policy:
        show(_answer(opts, body, policy))


def _answer(
    opts: CommonOptions, body: Callable[[Settings], Coroutine[Any, Any, T]], interrupts: Interrupts
) -> T:
    if opts.verbose or opts.log_json:  # a thin client logs nothing otherwise (skip structlog)
        configure_logging(verbosity=opts.verbose, json=opts.log_json)
    settings: Settings | None = None
    try:
        settings = build_settings(opts)
        return interrupts.run(body(settings))
    except AgentError as exc:
        click.echo(error_line(exc, settings), err=True)
        if opts.json:
            click.echo(json.dumps({"status": "error", **error_payload(exc)}, ensure_ascii=False))
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        if opts.json:
            error = {"code": "interrupted", "message": "interrupted"}
            click.echo(json.dumps({"status": "error", "error": error}))
        sys.exit(interrupts.exit_code)


@click.command()
@click.argument("job_id")
@click.option(
    "--wait",
    "seconds",
    type=click.FloatRange(min=0),
    default=None,
    metavar="SECONDS",
    help="Answer 'running' after this long (default: 90 with --json, else until done).",
)
@common_options
def wait(job_id: str, seconds: float | None, opts: CommonOptions) -> None:
    """Wait for a job and print its result (the same output as the command that started it)."""

    interrupts = Interrupts()

    async def body(settings: Settings) -> tuple[Any, Heartbeat, int | None]:
        limit = seconds if seconds is not None else (settings.default_wait if opts.json else None)
        heartbeat = Heartbeat(sys.stderr, None, job_id)
        if opts.json:  # a second signal still leaves the one object stdout must carry
            interrupts.last_words = (json.dumps(running_data(job_id)) + "\n").encode()
        result, caught = await wait_for_job(
            settings, job_id, limit, heartbeat, backlog=False, interrupts=interrupts
        )
        interrupts.last_words = b""
        return result, heartbeat, caught

    _run(opts, body, lambda outcome: print_wait(opts, *outcome), interrupts)


def _age(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f}s"
    if seconds < 5400:
        return f"{seconds / 60:.0f}m"
    return f"{seconds / 3600:.0f}h"


@click.command()
@click.option("-n", "--limit", type=click.IntRange(min=1), default=20, help="How many jobs.")
@common_options
def jobs(limit: int, opts: CommonOptions) -> None:
    """List recent jobs: id, status, age, text, files (and why one failed)."""

    async def body(settings: Settings) -> list[dict[str, Any]]:
        from agent.worker.client import WorkerClient

        return await WorkerClient(settings).jobs(limit)

    def show(rows: list[dict[str, Any]]) -> None:
        if opts.json:
            click.echo(json.dumps({"status": "ok", "jobs": rows}, ensure_ascii=False))
            return
        for row in rows:
            text = " ".join((row["text"] or row["kind"]).split())
            click.echo(f"{row['job_id']}  {row['status']:<9} {_age(row['age']):>4}  {text[:60]}")
            for path in row["files"]:
                click.echo(f"    {path}")
            if row["error"]:
                click.echo(f"    {row['error'].get('code')}: {row['error'].get('message')}")
                click.echo(f"    log: {row['log']}")

    _run(opts, body, show)


@click.command()
@click.argument("job_id")
@common_options
def cancel(job_id: str, opts: CommonOptions) -> None:
    """Cancel a job (what was already sent stays done)."""

    async def body(settings: Settings) -> dict[str, Any]:
        from agent.worker.client import WorkerClient

        return await WorkerClient(settings).cancel(job_id)

    def show(answer: dict[str, Any]) -> None:
        if opts.json:
            data = {"status": "ok", "job_id": answer["job_id"], "job_status": answer["status"]}
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            click.echo(_say("replies/job_cancel", **answer))

    _run(opts, body, show)


@click.command()
@click.argument("action", type=click.Choice(["status", "stop"]))
@common_options
def worker(action: str, opts: CommonOptions) -> None:
    """Show or stop the background worker (`status` never starts one)."""

    async def body(settings: Settings) -> dict[str, Any] | bool | None:
        from agent.worker.client import WorkerClient

        client = WorkerClient(settings)
        return await (client.status() if action == "status" else client.stop())

    _run(opts, body, lambda answer: _show_worker(opts, action, answer))


def _show_worker(opts: CommonOptions, action: str, answer: dict[str, Any] | bool | None) -> None:
    if action == "stop":
        data = {"status": "ok", "stopped": bool(answer)}
        text = _say("replies/worker_stopped", stopped=bool(answer))
    elif not isinstance(answer, dict):
        data = {"status": "ok", "running": False}
        text = _say("replies/worker_status", pid=None)
    else:
        data = {**answer, "status": "ok", "running": True}
        data.pop("ok", None)
        text = _say(
            "replies/worker_status",
            pid=answer["pid"],
            version=answer["version"],
            uptime=round(answer["uptime"]),
            running=answer["running"],
            queued=answer["queued"],
            idle=round(answer["idle_exit_in"]),
            log=answer["log"],
        )
    click.echo(json.dumps(data, ensure_ascii=False) if opts.json else text)


def _say(template: str, **context: Any) -> str:
    from agent.templates import Templates

    return Templates().render(template, "en", **context).strip()
