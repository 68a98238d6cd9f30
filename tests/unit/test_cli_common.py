"""run_command: one JSON object or one stderr line per failure, and the right exit code."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from agent.cli.common import CommandResult, CommonOptions, common_options, run_command
from agent.config import Settings
from agent.errors import (
    AgentError,
    AuthError,
    InsufficientCreditsError,
    InvalidTokenError,
    RateLimitError,
    ServerError,
    TransportError,
    UserInputError,
)


def _command(
    fail: BaseException | None, *, on_error: bool = False, data: dict[str, object] | None = None
) -> click.Command:
    @click.command()
    @common_options
    def cmd(opts: CommonOptions) -> None:
        async def body(settings: Settings) -> CommandResult:
            if fail is not None:
                raise fail
            return CommandResult(text="done", data=data or {"value": 1})

        def handler(exc: AgentError, settings: Settings | None) -> CommandResult:
            return CommandResult(text=f"sorry: {exc.message}", data={"reply": "sorry"})

        run_command(opts, body, on_error=handler if on_error else None)

    return cmd


def test_success_prints_text_or_one_json_object() -> None:
    runner = CliRunner()
    plain = runner.invoke(_command(None), [])
    as_json = runner.invoke(_command(None), ["--json"])
    assert (plain.exit_code, plain.stdout) == (0, "done\n")
    assert (as_json.exit_code, json.loads(as_json.stdout)) == (0, {"status": "ok", "value": 1})


def test_api_error_becomes_one_line_on_stderr_and_exit_1() -> None:
    error = InsufficientCreditsError("not enough credits", code=2001, status_code=200)
    result = CliRunner().invoke(_command(error), [])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        "error: not enough credits — You're out of credits. Top up at "
        "https://nemovideo.com/dashboard/billing and try again.\n",
    )


@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (TransportError("could not reach api.test: ConnectError"), "Check your internet"),
        (ServerError("HTTP 500", status_code=500), "had a problem on its side"),
        (RateLimitError("HTTP 429", retry_after=7), "try again in about 7 seconds"),
        (InvalidTokenError("token expired", code=1001), "NEMO_TOKEN"),
    ],
    ids=["network", "server", "rate-limit", "token"],
)
def test_errors_that_only_say_what_happened_also_say_what_to_do(
    error: AgentError, hint: str
) -> None:
    result = CliRunner().invoke(_command(error), [])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {error.message} — ")
    assert hint in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "error",
    [
        UserInputError("nothing to export yet: make a video first with `send`"),
        AuthError("your NEMO_TOKEN was rejected; create a new one or unset NEMO_TOKEN"),
    ],
    ids=["user-input", "own-token-rejected"],
)
def test_errors_that_say_what_to_do_are_printed_as_they_are(error: AgentError) -> None:
    result = CliRunner().invoke(_command(error), ["--json"])
    assert result.stderr == f"error: {error.message}\n"
    assert json.loads(result.stdout)["error"]["message"] == error.message


def test_api_error_with_json_prints_the_code_and_message() -> None:
    error = InsufficientCreditsError("not enough credits", code=2001, status_code=200)
    result = CliRunner().invoke(_command(error), ["--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "status": "error",
        "error": {"code": 2001, "message": "not enough credits"},
    }


def test_error_messages_never_show_a_token() -> None:
    error = UserInputError("bad header Bearer nmv_usr_FAKE_abc123")
    result = CliRunner().invoke(_command(error), ["--json"])
    assert "nmv_usr_FAKE_abc123" not in result.stdout + result.stderr
    assert json.loads(result.stdout)["error"]["message"] == "bad header Bearer ***"


def test_on_error_keeps_the_command_output_shape() -> None:
    result = CliRunner().invoke(_command(UserInputError("no"), on_error=True), ["--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"status": "error", "reply": "sorry"}
    assert result.stderr == "sorry: no\n"


def test_errors_outside_the_body_reach_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEMO_API_URL", "ftp://example.org")
    result = CliRunner().invoke(_command(None, on_error=True), ["--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"status": "error", "reply": "sorry"}
    assert "NEMO_API_URL" in result.stderr


def test_ctrl_c_exits_130_with_a_json_error_object() -> None:
    result = CliRunner().invoke(_command(KeyboardInterrupt()), ["--json"])
    assert result.exit_code == 130
    assert json.loads(result.stdout) == {
        "status": "error",
        "error": {"code": "interrupted", "message": "interrupted"},
    }


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.1", True), ("0x7f.1", True), ("2130706433", True),
     ("::1", True), ("[::1]", True), ("localhost", True), ("LOCALHOST.", True),
     ("0.0.0.0", False),  # noqa: S104 - a case, not a bind
     ("192.0.2.1", False), ("::", False), ("example.com", False), ("10.1", False)],
)  # fmt: skip
def test_loopback_is_recognised_in_every_spelling(host: str, loopback: bool) -> None:
    from agent.cli.serve import is_loopback

    assert is_loopback(host) is loopback
