"""A tiny stdlib HTTP server on 127.0.0.1 for the benchmarks (not a test, not the local backend)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]


def send_json(handler: BaseHTTPRequestHandler, body: object) -> None:
    data = json.dumps(body).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def discard_body(handler: BaseHTTPRequestHandler) -> int:
    remaining = int(handler.headers.get("Content-Length", "0"))
    total = 0
    while remaining:
        chunk = handler.rfile.read(min(remaining, 1 << 16))
        if not chunk:
            break
        remaining -= len(chunk)
        total += len(chunk)
    return total


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve `routes` (path -> handler function) on 127.0.0.1:0; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _dispatch(self) -> None:
            route = routes.get(self.path)
            if route is None:
                discard_body(self)
                self.send_error(404)
                return
            route(self)

        do_GET = do_POST = _dispatch

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
