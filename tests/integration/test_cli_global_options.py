"""Global options (`-v`, `-vv`, `--log-json`, `--json`, `--local`) before or after the command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.cli import cli, globals_after_command
from agent.cli.api import CliDeps
from tests.fakes import ApiScript, FakeClock, RecordingSleep, api_json, json_response

pytestmark = pytest.mark.integration

_FLAGS = st.lists(st.sampled_from(["-v", "-vv", "--verbose", "--log-json", "--json", "--local"]))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flags=_FLAGS, tail=st.lists(st.sampled_from(["--new", "hello", "-o", "x", "--json"])))
def test_flags_before_a_command_move_just_after_it(flags: list[str], tail: list[str]) -> None:
    assert globals_after_command([*flags, "turn", *tail]) == ["turn", *flags, *tail]


def test_flags_before_no_command_or_an_unknown_one_are_left_for_click() -> None:
    assert globals_after_command(["-vv", "--help"]) == ["-vv", "--help"]
    assert globals_after_command(["-vv", "frobnicate"]) == ["-vv", "frobnicate"]


@pytest.mark.parametrize(
    "args",
    [
        ["-vv", "--json", "route", "--no-llm", "export it"],
        ["route", "--no-llm", "--json", "--local", "export it"],
        ["--local", "--log-json", "-v", "route", "--json", "--no-llm", "export it"],
    ],
    ids=["before", "after", "mixed"],
)
def test_route_takes_the_global_options_anywhere(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["actions"] == ["export"]


def test_translate_takes_the_global_options_before_it() -> None:
    result = CliRunner().invoke(cli, ["-vv", "--local", "translate", "--json", "click Export"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["actions"] == ["export"]


def test_json_before_a_client_command_reaches_it() -> None:
    api = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    api.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response("session"))
    api.on("GET", "/api/credits/balance/simple", json_response("credits"))
    clock = FakeClock()
    deps = CliDeps(transport=api.transport(), sleep=RecordingSleep(clock), clock=clock)
    env = {"NEMO_API_URL": "https://api.test", "NEMO_CLIENT_ID": "cid-global"}
    result = CliRunner().invoke(cli, ["--json", "-v", "credits"], env=env, obj=deps)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "ok"


def test_vv_log_json_logs_each_request_and_each_turn_step_without_tokens() -> None:
    api = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    api.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response("session"))
    api.on(
        "GET",
        "/api/credits/balance/simple",
        json_response("error-500", 500),
        json_response("credits"),
    )
    clock = FakeClock()
    deps = CliDeps(transport=api.transport(), sleep=RecordingSleep(clock), clock=clock)
    env = {"NEMO_API_URL": "https://api.test", "NEMO_CLIENT_ID": "cid-global"}
    result = CliRunner().invoke(cli, ["-vv", "--log-json", "credits"], env=env, obj=deps)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    requests = [
        {k: r[k] for k in ("method", "path", "status", "retry")}
        for r in records
        if r["event"] == "http.request"
    ]
    assert len(requests) == len(api.requests)  # every request, in order
    assert [f"{r['method']} {r['path']}" for r in requests] == api.paths()
    assert [r for r in requests if r["path"] == "/api/credits/balance/simple"] == [
        {"method": "GET", "path": "/api/credits/balance/simple", "status": 500, "retry": 0},
        {"method": "GET", "path": "/api/credits/balance/simple", "status": 200, "retry": 1},
    ]
    assert all(isinstance(r["ms"], int) for r in records if r["event"] == "http.request")
    steps = [(r["event"], r.get("action")) for r in records if r["event"].startswith("turn.")]
    assert steps == [("turn.plan", None), ("turn.step", "credits"), ("turn.step_done", "credits")]
    token = api_json("anonymous-token")["data"]["token"]
    assert token not in result.stderr
