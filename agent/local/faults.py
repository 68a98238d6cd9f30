"""Fault injection for the local backend: the `--faults` / `NEMO_FAULTS` grammar and its counters.

Pure: parsing has no I/O; `FaultCounter` only counts calls (thread-safe) and answers which
injected HTTP status, if any, a call gets. The app decides what the status looks like on the wire.

Grammar: comma-separated items, each `name` or `name=value`:

    sse_drop_after=N          close every /run_sse stream after N events (the run still finishes)
    http429=N                 answer 429 (with Retry-After) on the Nth API call
    http500=N                 answer 500 on the Nth API call
    status=GLOB:CODE@N        answer CODE on the Nth call whose path matches GLOB (fnmatch)
    render_fail_once          the first render job fails
    render_slow=SECONDS       every render job waits SECONDS before it starts encoding
    silent_edits              runs emit no text (silent completions)
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass, field

from agent.errors import ConfigError

__all__ = ["FaultCounter", "Faults", "StatusFault", "parse_faults"]


@dataclass(frozen=True, slots=True)
class StatusFault:
    """Answer `code` instead of the real response on the `nth` API call matching `glob`."""

    glob: str
    code: int
    nth: int


@dataclass(frozen=True, slots=True)
class Faults:
    """The parsed fault spec; the default value injects nothing."""

    sse_drop_after: int | None = None
    statuses: tuple[StatusFault, ...] = ()
    render_fail_once: bool = False
    render_slow_s: float = 0.0
    silent_edits: bool = False

    @property
    def any(self) -> bool:
        """Whether any fault is configured."""
        return self != Faults()


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"fault {name} needs a whole number, not {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"fault {name} needs a positive number, not {raw!r}")
    return value


def _seconds(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"fault {name} needs seconds, not {raw!r}") from None
    if value < 0:
        raise ConfigError(f"fault {name} needs non-negative seconds, not {raw!r}")
    return value


def _status(raw: str) -> StatusFault:
    glob, colon, rest = raw.rpartition(":")
    code_raw, at, nth_raw = rest.partition("@")
    if not colon or not glob or not at:
        raise ConfigError(f"fault status must look like PATH_GLOB:CODE@N, not {raw!r}")
    code = _positive_int("status", code_raw)
    if not 400 <= code <= 599:
        raise ConfigError(f"fault status needs an HTTP error code 400-599, not {code}")
    return StatusFault(glob=glob, code=code, nth=_positive_int("status", nth_raw))


_FLAGS = {"render_fail_once", "silent_edits"}
_VALUED = {"sse_drop_after", "http429", "http500", "status", "render_slow"}


def _item(
    name: str, value: str | None, into: dict[str, object], statuses: list[StatusFault]
) -> None:
    if name in _FLAGS:
        if value is not None:
            raise ConfigError(f"fault {name} takes no value")
        into[name] = True
        return
    if name not in _VALUED:
        known = ", ".join(sorted(_FLAGS | _VALUED))
        raise ConfigError(f"unknown fault {name!r} (known: {known})")
    if value is None or value == "":
        raise ConfigError(f"fault {name} needs a value ({name}=...)")
    if name == "sse_drop_after":
        into[name] = _positive_int(name, value)
    elif name == "render_slow":
        into["render_slow_s"] = _seconds(name, value)
    elif name == "status":
        statuses.append(_status(value))
    else:
        statuses.append(StatusFault("*", int(name[4:]), _positive_int(name, value)))


def parse_faults(spec: str | None) -> Faults:
    """Parse a fault spec such as `sse_drop_after=3,http500=2,render_fail_once`.

    Raises:
        ConfigError: The spec has an unknown item or a bad value.
    """
    into: dict[str, object] = {}
    statuses: list[StatusFault] = []
    for raw in (spec or "").split(","):
        item = raw.strip()
        if not item:
            continue
        name, eq, value = item.partition("=")
        _item(name.strip(), value.strip() if eq else None, into, statuses)
    return Faults(statuses=tuple(statuses), **into)  # type: ignore[arg-type]


@dataclass(slots=True)
class FaultCounter:
    """Counts API calls (per status fault) and says which injected status a call gets."""

    faults: Faults
    _counts: list[int] = field(default_factory=list)
    _render_failed: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._counts = [0] * len(self.faults.statuses)

    def status_for(self, path: str) -> int | None:
        """Count this call; the injected HTTP status for it, or None to answer normally."""
        hit: int | None = None
        with self._lock:
            for i, fault in enumerate(self.faults.statuses):
                if not fnmatch.fnmatchcase(path, fault.glob):
                    continue
                self._counts[i] += 1
                if self._counts[i] == fault.nth and hit is None:
                    hit = fault.code
        return hit

    def take_render_failure(self) -> bool:
        """True exactly once when `render_fail_once` is set: this render must fail."""
        with self._lock:
            if not self.faults.render_fail_once or self._render_failed:
                return False
            self._render_failed = True
            return True
