"""A hostile or broken API as the CLI meets it: wrong content types, escape codes, silence.

The API is a scripted `httpx.MockTransport`; sleeps and clocks are injected, so nothing waits.
"""

from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner, Result

from agent.cli import cli
from agent.cli.api import CliDeps
from tests.fakes import ApiScript, FakeClock, RecordingSleep, json_response

pytestmark = pytest.mark.integration

SID = "5529798706024415232"
STATE = f"/api/state/nemo_agent/me/{SID}/latest"
CREDITS = "/api/credits/balance/simple"


def _api() -> ApiScript:
    api = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    api.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response("session"))
    return api.on("GET", CREDITS, json_response("credits"))


def _invoke(args: list[str], api: ApiScript, sleep: RecordingSleep) -> Result:
    env = {"NEMO_API_URL": "https://api.test", "NEMO_CLIENT_ID": "cid-hostile"}
    deps = CliDeps(transport=api.transport(), sleep=sleep, clock=sleep.clock)
    result = CliRunner().invoke(cli, args, env=env, obj=deps)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        (httpx.Response(200, text="<html>portal</html>", headers={"content-type": "text/html"}),
         "text/html"),
        (json_response({"ok": True}), "application/json"),
    ],
    ids=["html", "json"],
)  # fmt: skip
def test_a_run_sse_answer_that_is_not_an_event_stream_fails_at_once(
    answer: httpx.Response, shown: str
) -> None:
    api = _api().on("GET", STATE, json_response("state")).on("POST", "/run_sse", answer)
    sleep = RecordingSleep(FakeClock())
    result = _invoke(["send", "make it 8 seconds"], api, sleep)
    assert result.exit_code == 1, result.output
    assert f"got {shown}" in result.stderr
    assert "NEMO_API_URL" in result.stderr
    assert "dropped" not in result.output
    assert sleep.delays == []  # no recovery polling
    assert api.paths().count("POST /run_sse") == 1
    assert api.paths().count(f"GET {STATE}") == 1
