"""Logging set-up and secret redaction (agent.log)."""

from __future__ import annotations

import io
import json
from collections import namedtuple
from collections.abc import Iterator
from typing import Any

import pytest
import structlog

from agent.log import configure_logging, redact, redact_processor

TOKEN = "nmv_usr_FAKE_log_tok"
CLAIM = "clm_9f8e7d6c5b4a"
SECRETS = (TOKEN, "FAKE_log_tok", CLAIM, "9f8e7d6c5b4a", "opaque.jwt-ish/token=")


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    """A stream for log output; structlog's global configuration is restored afterwards."""
    yield io.StringIO()
    structlog.reset_defaults()


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Authorization: Bearer {TOKEN}", "Authorization: Bearer ***"),
        ("authorization: bearer opaque.jwt-ish/token=", "authorization: Bearer ***"),
        (f"token={TOKEN}&x=1", "token=nmv_usr_***&x=1"),
        (f"claim ({CLAIM})", "claim (clm_***)"),
        ("key sk-ant-FAKE", "key sk-ant-***"),
        ("nothing secret here", "nothing secret here"),
        (f"{TOKEN} and {CLAIM}", "nmv_usr_*** and clm_***"),
    ],
)
def test_redact_masks_every_kind_of_secret(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_redact_processor_masks_nested_values_and_exceptions() -> None:
    event: dict[str, Any] = {
        "event": f"calling with Bearer {TOKEN}",
        "headers": {"Authorization": f"Bearer {TOKEN}", "X-Skill-Source": "nemo-agent"},
        "urls": [f"https://nemovideo.com/workspace/claim?ct={CLAIM}"],
        "pair": ("ok", {"deep": [TOKEN]}),
        "error": ValueError(f"rejected {TOKEN}"),
        "count": 3,
    }
    result = redact_processor(None, "info", event)
    assert result == {
        "event": "calling with Bearer ***",
        "headers": {"Authorization": "Bearer ***", "X-Skill-Source": "nemo-agent"},
        "urls": ["https://nemovideo.com/workspace/claim?ct=clm_***"],
        "pair": ("ok", {"deep": ["nmv_usr_***"]}),
        "error": "ValueError('rejected nmv_usr_***')",
        "count": 3,
    }


def test_console_output_is_redacted(stream: io.StringIO) -> None:
    configure_logging(stream=stream)
    log = structlog.get_logger()
    message = f"token {TOKEN}"
    log.warning(message, auth=f"Bearer {TOKEN}", nested={"claim": [CLAIM]})
    output = stream.getvalue()
    _assert_clean(output)
    assert "token nmv_usr_***" in output
    assert "Bearer ***" in output
    assert "clm_***" in output


def test_json_output_is_redacted_one_object_per_line(stream: io.StringIO) -> None:
    configure_logging(json=True, stream=stream)
    structlog.get_logger().error("upload failed", url=f"https://x/?t={TOKEN}", claim=CLAIM)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    _assert_clean(lines[0])
    assert (record["event"], record["level"]) == ("upload failed", "error")
    # The post-render pass masks the mask again ('nmv_usr_******'): see the idempotence test.
    assert record["url"].startswith("https://x/?t=nmv_usr_***")
    assert record["claim"].startswith("clm_***")


@pytest.mark.parametrize("as_json", [False, True])
def test_exception_tracebacks_are_redacted(stream: io.StringIO, as_json: bool) -> None:
    configure_logging(json=as_json, stream=stream)
    try:
        raise PermissionError(f"server said Bearer {TOKEN} is revoked ({CLAIM})")
    except PermissionError:
        structlog.get_logger().exception("request failed")
    output = stream.getvalue()
    _assert_clean(output)
    assert "PermissionError" in output
    assert "Bearer ***" in output


def test_a_secret_inside_an_object_repr_is_redacted_after_rendering(stream: io.StringIO) -> None:
    class Holder:
        def __repr__(self) -> str:
            return f"Holder(token={TOKEN!r})"

    configure_logging(stream=stream)
    structlog.get_logger().warning("holder", value=Holder())
    output = stream.getvalue()
    _assert_clean(output)
    assert "Holder(token='nmv_usr_***')" in output


@pytest.mark.parametrize(
    ("verbosity", "shown"),
    [
        (0, ["warning", "error"]),
        (1, ["info", "warning", "error"]),
        (2, ["debug", "info", "warning", "error"]),
    ],
)
def test_verbosity_selects_the_level(stream: io.StringIO, verbosity: int, shown: list[str]) -> None:
    configure_logging(verbosity=verbosity, json=True, stream=stream)
    log = structlog.get_logger()
    log.debug("d")
    log.info("i")
    log.warning("w")
    log.error("e")
    levels = [json.loads(line)["level"] for line in stream.getvalue().splitlines()]
    assert levels == shown


def test_a_namedtuple_value_is_redacted_not_a_crash() -> None:
    point = namedtuple("point", "token count")
    result = redact_processor(None, "info", {"event": "e", "value": point(TOKEN, 1)})
    assert result["value"] == point("nmv_usr_***", 1)


def test_redaction_is_idempotent() -> None:
    once = redact(f"{TOKEN} {CLAIM}")
    assert redact(once) == once
