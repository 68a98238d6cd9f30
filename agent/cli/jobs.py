"""`wait`, `jobs`, `cancel` and `worker status|stop`: the job commands (thin worker clients)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Coroutine
from typing import Any

import click

from agent.cli.common import CommonOptions, build_settings, common_options
from agent.cli.jobrun import Heartbeat, print_wait, wait_for_job
from agent.commands import error_line, error_payload
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging

__all__ = ["cancel", "jobs", "wait", "worker"]


def _run(opts: CommonOptions, body: Callable[[Settings], Coroutine[Any, Any, Any]]) -> Any:
    """Settings, logging and the one-line error exit around a job command's body."""
    if opts.verbose or opts.log_json:  # a thin client logs nothing otherwise (skip structlog)
        configure_logging(verbosity=opts.verbose, json=opts.log_json)
    settings: Settings | None = None
    try:
        settings = build_settings(opts)
        return asyncio.run(body(settings))
    except AgentError as exc:
        click.echo(error_line(exc, settings), err=True)
        if opts.json:
            click.echo(json.dumps({"status": "error", **error_payload(exc)}, ensure_ascii=False))
        sys.exit(1)


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

    async def body(settings: Settings) -> tuple[Any, Heartbeat, int | None]:
        limit = seconds if seconds is not None else (settings.default_wait if opts.json else None)
        heartbeat = Heartbeat(sys.stderr, None, job_id)
        result, caught = await wait_for_job(settings, job_id, limit, heartbeat, backlog=False)
        return result, heartbeat, caught

    print_wait(opts, *_run(opts, body))


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

    rows = _run(opts, body)
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


@click.command()
@click.argument("job_id")
@common_options
def cancel(job_id: str, opts: CommonOptions) -> None:
    """Cancel a job (what was already sent stays done)."""

    async def body(settings: Settings) -> dict[str, Any]:
        from agent.worker.client import WorkerClient

        return await WorkerClient(settings).cancel(job_id)

    answer = _run(opts, body)
    if opts.json:
        data = {"status": "ok", "job_id": answer["job_id"], "job_status": answer["status"]}
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(_say("replies/job_cancel", **answer))


@click.command()
@click.argument("action", type=click.Choice(["status", "stop"]))
@common_options
def worker(action: str, opts: CommonOptions) -> None:
    """Show or stop the background worker (`status` never starts one)."""

    async def body(settings: Settings) -> dict[str, Any] | bool | None:
        from agent.worker.client import WorkerClient

        client = WorkerClient(settings)
        return await (client.status() if action == "status" else client.stop())

    answer = _run(opts, body)
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
