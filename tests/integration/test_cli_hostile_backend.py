"""A hostile or broken API as the CLI meets it: wrong content types, escape codes, silence.

The API is a scripted `httpx.MockTransport`; sleeps and clocks are injected, so nothing waits.
"""

from __future__ import annotations

import json
import re

import httpx
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.cli import cli
from agent.cli.api import CliDeps
from tests.fakes import ApiScript, FakeClock, RecordingSleep, json_response, sse_response

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


def _text_event(text: str) -> bytes:
    event = {"content": {"parts": [{"text": text}], "role": "model"}, "author": "nemo_agent"}
    return b"data: " + json.dumps(event).encode() + b"\n\n"


_HOSTILE = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
        st.sampled_from(["\x1b]0;title\x07", "\x1b[2J", "\x9b31m", "\x1bP+q\x1b\\", "\r", "\x07"]),
    ),
    min_size=1,
    max_size=8,
).map(lambda parts: "Done: " + "".join(parts))
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _send(text: str, *extra: str) -> Result:
    stream = sse_response(_text_event(text))
    api = _api().on("GET", STATE, json_response("state")).on("POST", "/run_sse", stream)
    return _invoke(["send", "make it 8 seconds", *extra], api, RecordingSleep(FakeClock()))


@settings(deadline=None, max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(text=_HOSTILE)
@example(text="Done: \x1b]0;title\x07\x1b[2JYour video is ready.")
def test_backend_text_reaches_the_terminal_without_control_sequences(text: str) -> None:
    result = _send(text)
    assert result.exit_code == 0, result.output
    assert "Done:" in result.stdout
    assert not _CONTROL.search(result.stdout)
    assert not _CONTROL.search(result.stderr)


def test_json_output_keeps_backend_text_escaped_as_it_was() -> None:
    result = _send("Done: \x1b]0;title\x07 ready", "--json")
    assert not _CONTROL.search(result.stdout)  # JSON escapes it as \u001b
    assert json.loads(result.stdout)["texts"] == ["Done: \x1b]0;title\x07 ready"]
