"""The project page in a real headless Chromium: it loads, the player gets frames, a screenshot.

Needs Debian's `chromium` (`.ci/run` installs it); without a browser the test is skipped.
The page comes from the real local backend over a loopback socket after a real export.
"""

from __future__ import annotations

import asyncio
import base64
import shutil
from pathlib import Path

import pytest

from agent.config import Settings
from agent.engine import open_engine
from agent.progress import RecordingProgress
from tests.conftest import FIXTURES
from tests.e2e.cdp import Browser, find_browser
from tests.e2e.test_conversations import GateSleep, RenderGate, local_backend

pytestmark = pytest.mark.e2e

BROWSER = find_browser()
PNG = b"\x89PNG\r\n\x1a\n"
_VIDEO_READY = """
new Promise((resolve, reject) => {
  const start = () => {
    const video = document.querySelector("video#player");
    if (!video) { reject(new Error("no player on the page")); return; }
    if (video.readyState >= 2) { resolve(video.readyState); return; }
    video.addEventListener("loadeddata", () => resolve(video.readyState), {once: true});
    video.addEventListener("error", () => reject(new Error("video error " + video.error.code)));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})
"""


async def _exported_project(settings: Settings, tmp_path: Path, url: str, gate: RenderGate) -> str:
    photo = tmp_path / "harbor.jpg"
    shutil.copy(FIXTURES / "media" / "harbor.jpg", photo)
    live = settings.with_overrides(api_url=url, web_url=url, backend="local")
    async with (
        asyncio.timeout(120),
        open_engine(
            live, progress=RecordingProgress(), output_dir=tmp_path / "out", sleep=GateSleep(gate)
        ) as engine,
    ):
        await engine.run_turn("turn this photo into a 3-second video", [str(photo)])
        result = await engine.run_turn(
            "add a title 'Harbor <Lights>' for 2 seconds, then export", []
        )
    assert result.ok, result.reply
    link = next(link for link in result.links if "/workspace/claim" in link)
    return link


@pytest.mark.skipif(BROWSER is None, reason="no chromium installed (apt-get install chromium)")
async def test_the_project_page_plays_the_export_in_a_real_browser(
    settings: Settings, tmp_path: Path
) -> None:
    assert BROWSER is not None
    gate = RenderGate()
    with local_backend(settings, gate) as (url, app):
        link = await _exported_project(settings, tmp_path, url, gate)

        def look() -> tuple[int, str, str, bytes]:
            with Browser(BROWSER, tmp_path / "profile") as browser:
                page = browser.open_page(link)
                ready = browser.evaluate(page, _VIDEO_READY)
                title = browser.evaluate(page, "document.querySelector('h1').textContent")
                bars = browser.evaluate(
                    page, "[...document.querySelectorAll('.bar')].map(b => b.textContent).join('|')"
                )
                shot = browser.send("Page.captureScreenshot", page, format="png")
                return ready, title, bars, base64.b64decode(shot["data"])

        ready, title, bars, png = await asyncio.to_thread(look)
    (tmp_path / "page.png").write_bytes(png)
    assert ready >= 2
    assert title == "Harbor"
    assert "Harbor <Lights>" in bars
    assert png.startswith(PNG)
    assert len(png) > 20_000
    assert any(path.startswith("/outputs/") for _method, path in app.requests)
