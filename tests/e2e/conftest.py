"""End-to-end fixtures: the commands these tests start see Ctrl-C as they would in a terminal."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def sigint_as_in_a_terminal() -> Iterator[None]:
    """Start every child with SIGINT at its default disposition, as a terminal does.

    A test run started as a background job (`./scripts/check &`, `nohup`, a harness without job
    control) inherits SIGINT ignored, and so would every command it starts: `nemo-agent export`
    then rightly keeps ignoring Ctrl-C, and a test that sends SIGINT waits forever. With Python's
    own handler here, exec resets SIGINT to the default in each child.
    """
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
