"""A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe` (stdlib only).

Chromium reads commands on fd 3 and writes replies and events on fd 4, each a JSON message
ended by a NUL byte. Every wait is bounded by `timeout` (select on the pipe), never a sleep.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> str | None:
    """The path of an installed Chromium, or None."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


class Browser:
    """Headless Chromium driven over a pipe; use as a context manager."""

    def __init__(self, executable: str, profile: Path, timeout: float = 30.0) -> None:
        self._timeout = timeout
        profile.mkdir(parents=True, exist_ok=True)
        self._log = (profile / "chromium.log").open("wb")  # read it when a test fails
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        args = [
            executable,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-pipe",
            "--autoplay-policy=no-user-gesture-required",
            f"--user-data-dir={profile}",
            "--window-size=1280,1600",
            "about:blank",
        ]

        def at_fds_3_and_4() -> None:  # in the child, before exec: the pipe protocol's fds
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self._proc = subprocess.Popen(
            args,
            pass_fds=(3, 4),
            preexec_fn=at_fds_3_and_4,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []  # events that arrived while waiting for replies

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Ask the browser to quit, then make sure it has."""
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close")
        try:
            self._proc.wait(10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(10)
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        self._log.close()

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_chrome], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("no message from the browser in time")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and return its result (raises on a protocol error)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self._timeout
        while True:
            reply = self._read_message(deadline)
            if "method" in reply:
                self._events.append(reply)
            elif reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result

    def wait_event(self, method: str, match: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first event `method` whose params satisfy `match` (earlier ones are kept)."""
        deadline = time.monotonic() + self._timeout
        while True:
            for event in self._events:
                if event["method"] == method and match(event.get("params", {})):
                    self._events.remove(event)
                    return event
            self._events.append(self._read_message(deadline))

    def open_page(self, url: str) -> str:
        """Open `url` in a new tab; its session id (for `send(..., session=)`)."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session: str = self.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable", session)
        self.send("Page.navigate", session, url=url)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        """The value of a JS expression (promises awaited)."""
        result = self.send(
            "Runtime.evaluate",
            session,
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")
