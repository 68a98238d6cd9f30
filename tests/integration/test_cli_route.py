"""`nemo-agent route` in process: text and JSON output, JSON lines, malformed input, no network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from agent.cli import cli

pytestmark = pytest.mark.integration


def _invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["route", *args], input=stdin)
    return result.exit_code, result.output


def test_text_output_shows_actions_source_and_language() -> None:
    assert _invoke("--no-llm", "--attach", "dog.jpg", "make it a 6 second clip") == (
        0,
        "upload -> sse  (keyword, en)\n",
    )


def test_json_output_is_one_object() -> None:
    code, out = _invoke("--json", "--no-llm", "加个标题然后导出")
    assert code == 0
    assert json.loads(out) == {
        "actions": ["sse", "export"],
        "source": "keyword",
        "language": "zh",
        "declined": [],
        "confidence": 1.0,
    }


def test_abstention_without_a_key_uses_the_default_and_no_network() -> None:
    code, out = _invoke("--json", "hi there")
    assert (code, json.loads(out)) == (
        0,
        {
            "actions": ["sse"],
            "source": "default",
            "language": "en",
            "declined": [],
            "confidence": 0.0,
        },
    )


def test_jsonl_routes_each_line_and_reports_malformed_lines_then_fails() -> None:
    lines = [
        json.dumps({"text": "export it"}),
        "not json",
        json.dumps({"text": "", "attachments": ["cover.webp"]}),
        json.dumps({"text": 3}),
        "",
        json.dumps({"text": "查积分", "extra": True}),
        json.dumps({"text": "帮我download一下"}),
    ]
    code, out = _invoke("--jsonl", "--no-llm", stdin="\n".join(lines) + "\n")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r.get("actions") for r in records] == [
        ["export"],
        None,
        ["upload"],
        None,
        None,
        ["export"],
    ]
    assert ["error" in r for r in records] == [False, True, False, True, True, False]
    assert records[5] == {
        "actions": ["export"],
        "source": "keyword",
        "language": "zh",
        "declined": [],
        "confidence": 1.0,
    }


def test_jsonl_with_only_good_lines_exits_zero() -> None:
    code, out = _invoke("--jsonl", "--no-llm", stdin=json.dumps({"text": "status"}) + "\n")
    assert (code, json.loads(out)) == (
        0,
        {
            "actions": ["state"],
            "source": "keyword",
            "language": "en",
            "declined": [],
            "confidence": 1.0,
        },
    )


@pytest.mark.parametrize("args", [(), ("--jsonl", "export it")])
def test_text_and_jsonl_are_mutually_exclusive(args: tuple[str, ...]) -> None:
    code, out = _invoke(*args)
    assert code == 2
    assert "either TEXT or --jsonl" in out


def test_importing_the_command_loads_no_heavy_module() -> None:
    # rich is left out: structlog (agent.log) imports it whenever it is installed.
    probe = (
        "import sys, agent.cli.route; heavy = ('anthropic', 'av', 'cv2', 'numpy', 'uvicorn'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    assert result.stdout.strip() == "[]"


def test_jsonl_accepts_evaluation_lines_and_says_whether_the_plan_is_accepted() -> None:
    lines = [
        {"text": "export it", "expect": [["export"]], "harmful": [["sse"]]},
        {"text": "export it", "expect": [["state"]]},
        {"text": "加个字幕，先不要导出", "expect": [["sse"]]},
    ]
    stdin = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    code, out = _invoke("--jsonl", "--no-llm", stdin=stdin)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["ok"] for r in records] == [True, False, True]
    assert records[2]["declined"] == ["export"]
