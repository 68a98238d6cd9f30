"""`nemo-agent translate` driven by click's CliRunner: one text, --json, and JSON lines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from agent.cli import cli
from tests.llm_support import KEY_PREFIX

pytestmark = pytest.mark.integration


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["translate", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_lines_are_translated_one_record_per_line() -> None:
    stdin = "\n".join(
        json.dumps({"text": t}, ensure_ascii=False)
        for t in ["Your clip is finished. Click Export to get the MP4.", "标题已改为“春日限定”。"]
    )
    code, out, _err = _run("--jsonl", stdin=stdin + "\n")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"text": "Your clip is finished. I'll export the MP4 for you.", "actions": ["export"]},
        {"text": "标题已改为“春日限定”。", "actions": []},
    ]


def test_malformed_jsonl_lines_get_error_records_and_a_failing_exit() -> None:
    stdin = 'not json\n{"text": 3}\n\n["text"]\n{"text": "Check the timeline."}\n'
    code, out, err = _run("--jsonl", stdin=stdin)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [sorted(r) for r in records] == [["error"], ["error"], ["error"], ["actions", "text"]]
    assert records[3] == {"text": "I'll show you the current tracks.", "actions": ["state"]}
    assert "Traceback" not in out + err


def test_one_text_prints_the_rewrite_and_its_actions() -> None:
    code, out, _err = _run("Background music added. Preview in timeline to hear it.")
    assert code == 0
    assert out == "Background music added.\nactions: state\n"


def test_one_text_with_json_prints_one_object() -> None:
    code, out, _err = _run("--json", "拖拽图片到画布上即可添加更多素材。")
    assert code == 0
    assert json.loads(out) == {
        # the step names what to add: kept whole, the upload's line after it
        "text": "拖拽图片到画布上即可添加更多素材。直接在对话中发送文件或给我一个链接。",
        "actions": ["upload"],
    }


@pytest.mark.parametrize("args", [[], ["--jsonl", "Click Export"]])
def test_text_and_jsonl_are_mutually_exclusive_and_one_is_required(args: list[str]) -> None:
    code, _out, err = _run(*args, stdin="")
    assert code == 2
    assert "either TEXT or --jsonl" in err


def test_no_llm_translates_offline_even_with_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY_PREFIX + "never-used")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://127.0.0.1:9")  # nothing listens there
    text = "Your video is ready. Whisk it over to the Vault for the 1080p download."
    code, out, err = _run("--no-llm", "--json", text)
    assert code == 0
    assert json.loads(out) == {"text": text, "actions": []}
    assert KEY_PREFIX not in out + err
