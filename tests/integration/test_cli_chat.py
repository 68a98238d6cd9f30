"""`nemo-agent chat` driven by scripted stdin on the embedded local backend (`--local`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.cli import cli

pytestmark = pytest.mark.integration


def _chat(script: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["chat", "--local"], input=script)
    return result.exit_code, result.stdout, result.stderr


def test_meta_commands_work_and_quit_ends_the_session() -> None:
    code, out, _ = _chat("/help\n/credits\n/state\n/frob\n/quit\nnever sent\n")
    assert code == 0
    assert "/attach PATH" in out
    assert "10000 available" in out
    assert "Nothing on the timeline yet" in out
    assert "Unknown command /frob" in out
    assert "Bye" in out


def test_a_dragged_in_quoted_path_is_uploaded_as_an_attachment(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "my harbor.png"
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", photo)
    code, out, _ = _chat(f"'{photo}'\n/state\n")
    assert code == 0
    assert "Added 1 file" in out
    assert "my_harbor.png (image, 22.2 KB)" in out
    assert "\nUploads: my_harbor.png" in out


def test_chinese_input_gets_chinese_output_and_end_of_input_quits() -> None:
    code, out, _ = _chat("我还有多少积分\n/state\n")
    assert code == 0
    assert "积分：可用 10000" in out
    assert "时间线上还没有内容" in out  # a meta-command keeps the conversation's language
    assert "再见" in out


def test_attach_without_a_path_explains_how_to_send_a_file() -> None:
    code, out, _ = _chat("/attach\n")
    assert code == 0
    assert "Send me the file" in out


def test_a_photo_becomes_a_delivered_mp4_and_backend_text_is_shown_once(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    photo = tmp_path / "harbor.png"
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", photo)
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["chat", "--local"],
        input=f"{photo} turn this into a 5-second video\n",
        env={"NEMO_OUTPUT_DIR": str(out_dir)},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Your 5-second clip is ready") == 1
    assert "✅ Video ready:" in result.stdout
    video = next(out_dir.glob("*.mp4"))
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted([video.name, f"{video.stem}.jpg", f"{video.stem}.poster.jpg"])
    assert f"Preview: {video.with_suffix('.jpg').resolve()}" in result.stdout
    assert "Generating video" in result.stderr
