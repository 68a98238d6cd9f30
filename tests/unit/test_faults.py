"""Fault spec grammar and counters of the local backend."""

from __future__ import annotations

import pytest

from agent.errors import ConfigError
from agent.local.faults import FaultCounter, Faults, StatusFault, parse_faults


def test_empty_spec_injects_nothing() -> None:
    assert parse_faults(None) == Faults()
    assert parse_faults(" , ") == Faults()
    assert not parse_faults("").any


def test_full_spec_parses_into_one_value() -> None:
    spec = "sse_drop_after=3, http500=2,http429=5,render_fail_once,render_slow=0.5,silent_edits"
    assert parse_faults(spec) == Faults(
        sse_drop_after=3,
        statuses=(StatusFault("*", 500, 2), StatusFault("*", 429, 5)),
        render_fail_once=True,
        render_slow_s=0.5,
        silent_edits=True,
    )


def test_status_fault_takes_a_glob_code_and_call_number() -> None:
    assert parse_faults("status=/api/credits/*:503@2") == Faults(
        statuses=(StatusFault("/api/credits/*", 503, 2),)
    )


@pytest.mark.parametrize(
    "spec",
    [
        "nope",
        "http500",
        "http500=0",
        "http500=x",
        "render_fail_once=1",
        "render_slow=-1",
        "status=/api/*:200@1",
        "status=/api/*:500",
        "status=500@1",
        "sse_drop_after=",
    ],
)
def test_bad_specs_are_config_errors(spec: str) -> None:
    with pytest.raises(ConfigError):
        parse_faults(spec)


def test_counter_hits_only_the_nth_matching_call() -> None:
    counter = FaultCounter(parse_faults("http429=2,status=/api/state/*:500@1"))
    got = [
        counter.status_for("/api/credits/balance/simple"),
        counter.status_for("/api/state/nemo_agent/me/1/latest"),
        counter.status_for("/api/credits/balance/simple"),
    ]
    assert got == [None, 429, None]


def test_render_failure_is_taken_exactly_once() -> None:
    counter = FaultCounter(parse_faults("render_fail_once"))
    assert [counter.take_render_failure() for _ in range(3)] == [True, False, False]
    assert FaultCounter(Faults()).take_render_failure() is False
