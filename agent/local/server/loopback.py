"""Run the local backend: uvicorn on loopback in a background thread (`embedded_backend`,
`running`) or in the caller's loop (`foreground`). The bound URL is reported, never guessed.
Both listen on the data directory's own port (`preferred_port`) unless told otherwise."""

from __future__ import annotations

import hashlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from agent.config import Settings
from agent.errors import ConfigError
from agent.files import private_dir
from agent.local.config import BackendConfig
from agent.local.server.backend import Deps

__all__ = [
    "Foreground",
    "bind",
    "embedded_backend",
    "foreground",
    "preferred_port",
    "running",
    "url_for",
]

LOOPBACK = "127.0.0.1"


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (port 0: an ephemeral port).

    Raises:
        ConfigError: The address cannot be bound (in use, bad host).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto must be IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only then (without
    # it, Nagle plus delayed ACKs add ~40 ms to every keep-alive response).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ConfigError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
            "choose another --host or --port (--port 0 takes any free port)"
        ) from exc
    sock.set_inheritable(True)
    return sock


def url_for(sock: socket.socket) -> str:
    """The http URL of a bound socket."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _uvicorn_server(app: Any, *, log_level: str) -> Any:
    import uvicorn

    class _Server(uvicorn.Server):
        def __init__(self, config: uvicorn.Config) -> None:
            super().__init__(config)
            self.ready = threading.Event()

        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            try:
                await super().startup(sockets=sockets)
            finally:
                self.ready.set()

        @contextmanager
        def capture_signals(self) -> Iterator[None]:
            """None: in a thread uvicorn takes none either, and in the foreground the command's
            interruption policy decides what a signal does (`Foreground.stop`)."""
            yield

    return _Server(uvicorn.Config(app, log_level=log_level, lifespan="on", access_log=False))


def preferred_port(data_dir: Path) -> int:
    """A stable loopback port for a data directory (20000-39999), tried before an ephemeral one.

    The client keys its cached token and session by API URL, so a stable URL keeps a project
    across separate `--local` commands.
    """
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).digest()
    return 20_000 + int.from_bytes(digest[:2], "big") % 20_000


@contextmanager
def running(
    app: Any, *, host: str = LOOPBACK, port: int = 0, fallback: bool = False
) -> Iterator[str]:
    """Serve `app` from a background thread for the duration of the block; yields its URL.

    Args:
        app: The ASGI app.
        host: Address to bind.
        port: Port to bind; 0 for an ephemeral one.
        fallback: When `port` is taken, use an ephemeral port instead of failing.

    Raises:
        ConfigError: The socket cannot be bound or the app failed to start.
    """
    try:
        sock = bind(host, port)
    except ConfigError:
        if not (fallback and port):
            raise
        sock = bind(host, 0)
    server = _uvicorn_server(app, log_level="warning")
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="nemo-local-backend", daemon=True
    )
    try:
        thread.start()
        server.ready.wait()
        if not server.started:
            raise ConfigError("the local backend failed to start (see the log)")
        yield url_for(sock)
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


def _private(*folders: Path) -> None:
    """Token hashes and the user's media are for the owner only: folders 0700.

    Raises:
        ConfigError: A folder cannot be created.
    """
    for folder in folders:
        try:
            private_dir(folder)
        except OSError as exc:
            raise ConfigError(
                f"cannot use the local backend's data folder {folder}: {exc.strerror or exc}"
            ) from exc


@contextmanager
def embedded_backend(settings: Settings, deps: Deps | None = None) -> Iterator[str]:
    """The local backend on loopback while the block runs; yields its URL.

    The port is `preferred_port(data dir)` when free (a stable URL across commands), else an
    ephemeral one. Data lives under `settings.state_dir / "local-backend"`; faults come from
    `settings.faults`.

    Raises:
        ConfigError: Bad fault spec, a damaged data directory, or the server could not start.
    """
    from agent.local.server.app import create_app
    from agent.local.store.db import check_data_dir

    config = BackendConfig.from_settings(settings)
    check_data_dir(config.data_dir)
    _private(settings.state_dir, config.data_dir)
    port = preferred_port(config.data_dir)
    with running(create_app(config, deps), port=port, fallback=True) as url:
        yield url


class Foreground:
    """A server bound in the foreground: `serve()` runs it until `stop()` (or a failed start)."""

    def __init__(self, server: Any, sock: socket.socket) -> None:
        self._server = server
        self._sock = sock
        self.url = url_for(sock)
        """The bound URL."""

    async def serve(self) -> None:
        """Serve until `stop`; the app's shutdown (its renders stopped, its store closed) has
        run when this returns. An app that fails to start ends the process with uvicorn's
        status 3 (`SystemExit`)."""
        await self._server.serve(sockets=[self._sock])

    def stop(self) -> None:
        """Ask for a graceful stop (call it on the server's loop, or from a signal handler)."""
        self._server.should_exit = True


@contextmanager
def foreground(
    config: BackendConfig, *, host: str = LOOPBACK, port: int | None = None
) -> Iterator[Foreground]:
    """The local backend bound on `host`, to serve in the caller's event loop (`nemo-agent
    serve`): the caller decides what stops it. `port` None is the data directory's own
    (`preferred_port`), the one `embedded_backend` listens on, so the links `--local` commands
    print open on it; 0 is an ephemeral port.

    Raises:
        ConfigError: The address cannot be bound, or the data directory cannot be used.
    """
    from agent.local.server.app import create_app
    from agent.local.store.db import check_data_dir

    check_data_dir(config.data_dir)
    _private(config.data_dir)
    try:
        sock = bind(host, preferred_port(config.data_dir) if port is None else port)
    except ConfigError as exc:
        if port is not None:
            raise
        raise ConfigError(
            f"{exc.message}; while the background worker runs, its own local backend serves "
            "this data folder on that port (use it, or stop it: nemo-agent worker stop)"
        ) from exc
    try:
        yield Foreground(_uvicorn_server(create_app(config), log_level="info"), sock)
    finally:
        sock.close()
