"""The real client process against `nemo-agent serve --profile local|cloud` as a real process.

The cloud profile answers with the cloud's grant and the shapes the sources leave open (null
state for a new session, bare heartbeats, the URL a poll after `completed`, ISO dates, Shape B,
no `expires_at`); the client must deliver the same MP4 on both.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

pytestmark = pytest.mark.e2e


def _serve(tmp_path: Path, profile: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "agent", "serve", "--port", "0", "--profile", profile]
    command += ["--data", str(tmp_path / "d"), "--heartbeat", "0.2"]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


@pytest.mark.parametrize("profile", ["local", "cloud"])
def test_a_photo_becomes_an_mp4_through_the_cli_on_both_profiles(
    profile: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = _serve(tmp_path, profile)
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split(" on ", 1)[1].split(" ", 1)[0]
        monkeypatch.setenv("NEMO_API_URL", url)
        monkeypatch.setenv("NEMO_WEB_URL", url)
        photo = FIXTURES / "media" / "harbor-small.png"
        turn = subprocess.run(
            [
                *(sys.executable, "-m", "agent", "turn", "--json", "-o", str(tmp_path / "out")),
                *("--attach", str(photo), "turn this photo into a 5-second video"),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )
        credits = subprocess.run(
            [sys.executable, "-m", "agent", "credits", "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=30)
    result = json.loads(turn.stdout)
    assert result["status"] == "ok", (result["reply"], turn.stderr[-2000:])
    assert result["actions"][-1] == "export"
    assert len(result["files"]) == 1
    assert Path(result["files"][0]).stat().st_size > 1000
    assert "Traceback" not in turn.stderr
    left = json.loads(credits.stdout)["credits"]["available"]
    assert left == 0 if profile == "cloud" else left > 0  # the cloud's 100 buy one clip
    assert profile == "local" or "sse_payload_not_json" not in turn.stderr
