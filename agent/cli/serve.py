"""`nemo-agent serve`: the embedded local backend in the foreground, on loopback by default."""

from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from agent.cli.interrupt import Interrupts, Scope
from agent.config import Settings
from agent.errors import AgentError
from agent.log import configure_logging

if TYPE_CHECKING:
    from agent.local.server.loopback import Foreground

__all__ = ["is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """True for loopback addresses in any spelling the socket layer accepts (`127.1`, `::1`)."""
    name = host.strip().strip("[]")
    if name.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:  # inet_aton reads the short and numeric IPv4 forms: 127.1, 0x7f.1, 2130706433
        return ipaddress.IPv4Address(socket.inet_aton(name)).is_loopback
    except OSError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to bind (default: the data folder's own, the one --local uses; 0: any free one).",
)
@click.option(
    "--data",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Data directory (default: <state dir>/local-backend).",
)
@click.option("--grant", type=click.IntRange(0), default=None, help="Credits per new user.")
@click.option(
    "--profile",
    type=click.Choice(["local", "cloud"]),
    default="local",
    show_default=True,
    help="cloud: behave like the NemoVideo cloud (100 credits, null new-session state, bare "
    "heartbeats, URL a poll after completed, ISO dates, Shape B).",
)
@click.option(
    "--render-shape",
    type=click.Choice(["a", "b", "b-only"]),
    default=None,
    help="Render poll shape (default a; b-only with --profile cloud).",
)
@click.option(
    "--post-production", is_flag=True, help="Auto-add music and a title after generation."
)
@click.option("--faults", default=None, help="Fault-injection spec (also NEMO_FAULTS).")
@click.option(
    "--heartbeat",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds between SSE heartbeats while a tool runs (default 15).",
)
@click.option("-v", "--verbose", count=True, help="More logging on stderr.")
def serve(
    host: str,
    port: int | None,
    data: Path | None,
    grant: int | None,
    profile: str,
    render_shape: str | None,
    post_production: bool,
    faults: str | None,
    heartbeat: float | None,
    verbose: int,
) -> None:
    """Run the embedded local backend (the NemoVideo API on loopback) until Ctrl-C.

    Ctrl-C or SIGTERM (also where SIGINT was ignored, as in a background job) stops it
    gracefully: its renders stop and resume at the next start; `nemo-agent local backend
    stopped`, exit 0. A second signal during that stop ends it at once: `interrupted`, 130
    (143 after SIGTERM).
    """
    from agent.local.config import BackendConfig
    from agent.local.faults import parse_faults
    from agent.local.server.loopback import foreground

    configure_logging(verbosity=max(verbose, 1))
    with Interrupts(take_ignored=True) as interrupts:
        try:
            settings = Settings.from_env()
            changes: dict[str, object] = {"post_production": post_production}
            if render_shape is not None:
                changes["render_shape"] = render_shape
            if data is not None:
                changes["data_dir"] = data
            if grant is not None:
                changes["grant"] = grant
            if faults is not None:
                changes["faults"] = parse_faults(faults)
            if heartbeat is not None:
                changes["heartbeat_s"] = heartbeat
            config = BackendConfig.from_settings(settings)
            config = config.with_profile("cloud" if profile == "cloud" else "local")
            config = config.with_overrides(**changes)
            if not is_loopback(host):
                click.echo(
                    f"warning: listening on {host}, not loopback: anyone who can reach this "
                    "address can use the backend",
                    err=True,
                )
            with foreground(config, host=host, port=port) as backend:
                click.echo(f"nemo-agent local backend on {backend.url} (data: {config.data_dir})")
                click.echo(
                    f"use it with: NEMO_API_URL={backend.url} NEMO_WEB_URL={backend.url} "
                    "nemo-agent ..."
                )
                with interrupts.scope(lambda _signum: backend.stop()) as scope:
                    interrupts.run(_serve(backend, scope))
        except AgentError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:  # a signal before the server ran: nothing to stop
            pass
        click.echo("nemo-agent local backend stopped", err=True)


async def _serve(backend: Foreground, scope: Scope) -> None:
    """Serve until stopped; not at all when the signal came before the loop (whose callback
    then had no loop to run on)."""
    if scope.caught is None:
        await backend.serve()
