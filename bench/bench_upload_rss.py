"""Peak RSS added while uploading a 200 MB sparse file to a loopback server (budget <= 16 MB)."""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
from http.server import BaseHTTPRequestHandler
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _loopback import discard_body, send_json, serve

from agent.config import Settings
from agent.runtime import Runtime

SIZE = 200 * 1024 * 1024
BUDGET_MB = 16
MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"


class _Skill:
    def attribution_headers(self) -> dict[str, str]:
        return {"X-Skill-Source": "bench", "X-Skill-Version": "0", "X-Skill-Platform": "unknown"}


def _upload_route(handler: BaseHTTPRequestHandler) -> None:
    received = discard_body(handler)
    send_json(
        handler,
        {
            "code": 0,
            "data": {"files": [{"filename": "big.mp4", "cdn_url": f"http://x/{received}"}]},
        },
    )


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(MP4_HEAD)
        handle.truncate(size)
    return path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


async def _run(url: str, home: Path, small: Path, big: Path) -> tuple[float, float, str]:
    env = {
        "HOME": str(home),
        "NEMO_AGENT_HOME": str(home / "nemo"),
        "NEMO_API_URL": url,
        "NEMO_TOKEN": "nmv_usr_bench",
        "NEMO_UPLOAD_MAX_BYTES": str(SIZE + 1),
    }
    settings = Settings.from_env(env)
    async with Runtime.open(settings, skill=_Skill()) as rt:
        await rt.client.upload_files("1", [small])  # warm up imports, pools and buffers
        before = _peak_mb()
        result = await rt.client.upload_files("1", [big])
        after = _peak_mb()
    return before, after, result.files[0].url


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        small, big = _sparse(home / "small.mp4", 1 << 20), _sparse(home / "big.mp4", SIZE)
        with serve({"/api/upload-video/nemo_agent/me/1": _upload_route}) as url:
            before, after, echoed = asyncio.run(_run(url, home, small, big))
    added = after - before
    print(
        f"upload of {SIZE >> 20} MB: server received {echoed.rsplit('/', 1)[-1]} bytes; "
        f"peak RSS {before:.1f} -> {after:.1f} MB, added {added:.1f} MB "
        f"(budget {BUDGET_MB} MB: {'OK' if added <= BUDGET_MB else 'OVER'})"
    )


if __name__ == "__main__":
    main()
