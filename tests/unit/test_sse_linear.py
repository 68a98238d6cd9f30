"""The SSE decoder's cost is linear in the event size, shown by a counter, not by a clock.

The counter is the memory the parser allocates while it handles each chunk (tracemalloc's peak
above the memory held before the chunk), summed over the chunks: deterministic, and it grows with
the square of the event when a growing buffer is copied or re-split per chunk (the old decoder
spent about 30 CPU-s on a 10 MB text event that way).
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from agent.models import TextEvent
from agent.sse import EventParser

CHUNK = 4096
SIZES = (1 << 17, 1 << 18, 1 << 19)


@contextmanager
def _tracing() -> Iterator[None]:
    already = tracemalloc.is_tracing()
    if not already:
        tracemalloc.start()
    try:
        yield
    finally:
        if not already:
            tracemalloc.stop()


def _one_line(size: int) -> tuple[bytes, list[TextEvent]]:
    text = "word " * (size // 5)
    event = {"content": {"parts": [{"text": text}], "role": "model"}, "author": "nemo_agent"}
    return b"data: " + json.dumps(event).encode() + b"\n\n", [TextEvent(text)]


def _many_lines(size: int) -> tuple[bytes, list[TextEvent]]:
    """One Form A event whose JSON is spread over many `data:` lines, CRLF line ends."""
    texts = [f"词{n:08}" * 4 for n in range(size // 120)]
    event = {"content": {"parts": [{"text": text} for text in texts]}}
    lines = json.dumps(event, ensure_ascii=False, indent=1).split("\n")
    body = b"".join(b"data: " + line.encode() + b"\r\n" for line in lines) + b"\r\n"
    return body, [TextEvent(text) for text in texts]


def _allocated(body: bytes) -> tuple[int, list[object]]:
    parser = EventParser()
    events: list[object] = []
    total = 0
    with _tracing():
        for start in range(0, len(body), CHUNK):
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            events += parser.feed(body[start : start + CHUNK])
            total += tracemalloc.get_traced_memory()[1] - held
    assert parser.close() is False
    return total, events


@pytest.mark.parametrize("shape", [_one_line, _many_lines], ids=["one-line", "many-crlf-lines"])
def test_decoding_one_large_event_costs_the_same_per_byte_at_every_size(
    shape: Callable[[int], tuple[bytes, list[TextEvent]]],
) -> None:
    per_byte = []
    for size in SIZES:
        body, expected = shape(size)
        allocated, events = _allocated(body)
        assert events == expected
        per_byte.append(allocated / len(body))
    # Linear: the same cost per byte when the event doubles (a quadratic decoder doubles it).
    assert max(per_byte) <= min(per_byte) * 1.15, per_byte
    assert max(per_byte) < 16, per_byte
