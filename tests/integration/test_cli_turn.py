"""`nemo-agent turn` end to end through click, on the embedded local backend (`--local`)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.cli import cli
from agent.config import Settings
from tests.fakes import TURN_KEYS

pytestmark = pytest.mark.integration

KEYS = set(TURN_KEYS)


@pytest.fixture
def api_url(settings: Settings) -> Iterator[str]:
    """A local backend on a stable loopback URL for the whole test (like `nemo-agent serve`)."""
    from agent.local.config import BackendConfig
    from agent.local.server.app import create_app
    from agent.local.server.loopback import running

    config = BackendConfig.from_settings(settings).with_overrides(work_generate_s=0.0)
    with running(create_app(config)) as url:
        yield url


def _turn(*args: str, api_url: str | None = None) -> tuple[int, dict[str, object], str]:
    where = ["--local"] if api_url is None else []
    env = {"NEMO_API_URL": api_url} if api_url else {}
    result = CliRunner().invoke(cli, ["turn", "--json", *where, *args], env=env)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.output
    return result.exit_code, json.loads(lines[0]), result.stderr


def test_turn_json_prints_exactly_one_object_with_every_key() -> None:
    code, payload, _ = _turn("how many credits do I have?")
    assert code == 0
    assert set(payload) == KEYS
    assert payload["status"] == "ok"
    assert payload["actions"] == ["credits"]
    assert payload["language"] == "en"
    assert payload["error"] is None
    assert "10000 available" in str(payload["reply"])


def test_turn_continues_the_same_session_and_new_starts_another(
    fixtures_dir: Path, tmp_path: Path, api_url: str
) -> None:
    photo = tmp_path / "harbor.png"
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", photo)
    _, first, _ = _turn("--attach", str(photo), "upload this", api_url=api_url)
    _, again, _ = _turn("状态", api_url=api_url)
    _, fresh, _ = _turn("--new", "状态", api_url=api_url)
    assert first["actions"] == ["upload"]
    assert again["session_id"] == first["session_id"]
    assert again["language"] == "zh"
    assert "harbor.png" in str(again["reply"])
    assert fresh["session_id"] != first["session_id"]
    assert "harbor.png" not in str(fresh["reply"])


def test_a_handled_error_keeps_the_full_shape_and_exits_non_zero(fixtures_dir: Path) -> None:
    bad = fixtures_dir / "media" / "not-an-image.jpg"
    code, payload, _ = _turn("--attach", str(bad), "上传这个文件")
    assert code == 1
    assert set(payload) == KEYS
    assert payload["status"] == "error"
    assert payload["language"] == "zh"
    error = payload["error"]
    assert isinstance(error, dict)
    assert set(error) == {"code", "message"}
    assert "不支持该文件类型" in str(payload["reply"])


def test_plain_turn_prints_the_reply_on_stdout_and_progress_on_stderr(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["turn", "--local", "-o", str(tmp_path), "show", "status"])
    assert result.exit_code == 0, result.output
    assert "Nothing on the timeline yet" in result.stdout
    assert "{" not in result.stdout


def test_a_failure_before_the_turn_starts_still_has_the_full_shape(tmp_path: Path) -> None:
    broken = tmp_path / "SKILL.md"
    broken.write_text("no frontmatter here\n", encoding="utf-8")
    code, payload, _ = _turn("--skill", str(broken), "你好")
    assert code == 1
    assert set(payload) == KEYS
    assert payload["status"] == "error"
    assert payload["language"] == "zh"
    assert payload["actions"] == []
    assert payload["error"] == {"code": "ConfigError", "message": payload["error"]["message"]}  # type: ignore[index]
    assert "配置有误" in str(payload["reply"])


def test_a_large_upload_prints_percentage_lines_on_stderr_only(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    from agent.handlers.upload import BAR_THRESHOLD_BYTES
    from tests.engine_support import sized_png

    source = fixtures_dir / "media" / "harbor-small.png"
    photo = sized_png(source, tmp_path / "big.png", BAR_THRESHOLD_BYTES + 1024)
    code, payload, stderr = _turn("--attach", str(photo), "upload this")
    assert code == 0, payload
    lines = [line for line in stderr.splitlines() if line.startswith("Uploading: ")]
    assert lines == [f"Uploading: {n}%" for n in range(0, 101, 10)]
    assert "Uploading" not in str(payload["reply"])


def test_backend_text_is_printed_once_in_plain_mode_and_json_stays_one_object(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "harbor.png"
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", photo)
    ask = ["--attach", str(photo), "-o", str(tmp_path / "out"), "turn this into a 5-second video"]
    plain = CliRunner().invoke(cli, ["turn", "--local", *ask])
    assert plain.exit_code == 0, plain.output
    assert plain.stdout.count("Your 5-second clip is ready") == 1
    assert "✅ Video ready:" in plain.stdout
    code, payload, _ = _turn("--new", *ask)  # asserts exactly one line on stdout
    assert code == 0
    assert str(payload["reply"]).count("Your 5-second clip is ready") == 1


@pytest.mark.parametrize(
    ("skill", "version"),
    [
        ("nemo-agent", "0.1.0"),
        ("image-to-video-deevid", "1.0.2"),
        ("ai-image-to-video-deep", "1.10"),
    ],
)
def test_turn_json_reports_the_skill_identity_in_use(skill: str, version: str) -> None:
    code, payload, _ = _turn("--skill", skill, "how many credits do I have?")
    assert code == 0
    assert payload["skill"] == {"name": skill, "version": version, "platform": "unknown"}
