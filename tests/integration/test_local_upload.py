"""Local backend, in process: multipart and URL uploads, validation codes, media served back."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from agent.local.server.ingest import safe_filename
from tests.local_support import (
    auth,
    in_process,
    local_config,
    local_deps,
    new_session,
    new_token,
    upload,
)

pytestmark = pytest.mark.integration


async def test_multipart_upload_of_several_files_lands_in_video_infos(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    media = fixtures_dir / "media"
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        with (media / "harbor-small.png").open("rb") as img, (media / "tone.wav").open("rb") as wav:
            r = await client.post(
                f"/api/upload-video/nemo_agent/me/{sid}",
                headers=auth(token),
                files=[("files", ("harbor-small.png", img)), ("files", ("tone.wav", wav))],
            )
        state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        served = await client.get(r.json()["data"]["files"][0]["cdn_url"])
    body = r.json()
    assert body["code"] == 0
    assert body["data"]["session_state_applied"] is True
    image, audio = body["data"]["files"]
    assert (image["file_type"], image["width"], image["height"]) == ("image", 400, 266)
    assert "duration" not in image
    assert (audio["file_type"], audio["duration"]) == ("audio", 2.0)
    assert image["cdn_url"] == f"http://testserver/media/{image['asset_id']}/harbor-small.png"
    assert len(image["hash"]) == 16
    assert state.json()["data"]["state"]["video_infos"] == [image, audio]
    assert served.content == (media / "harbor-small.png").read_bytes()


async def test_a_file_whose_content_is_not_its_type_answers_4001(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        fake = await upload(client, token, sid, fixtures_dir / "media" / "not-an-image.jpg")
        odd = tmp_path / "notes.txt"
        odd.write_text("hello", encoding="utf-8")
        text = await upload(client, token, sid, odd)
        state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
    assert fake["code"] == 4001
    assert text["code"] == 4001
    assert state.json()["data"]["state"]["video_infos"] == []


async def test_an_undecodable_file_of_the_right_magic_answers_4001(tmp_path: Path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = await upload(client, token, sid, broken)
    assert body["code"] == 4001
    assert "decode" in body["message"]


async def test_a_file_over_the_cap_answers_4002(tmp_path: Path, fixtures_dir: Path) -> None:
    async with in_process(local_config(tmp_path, upload_max_bytes=1000), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
    assert body["code"] == 4002


async def test_upload_to_a_foreign_session_answers_1002(tmp_path: Path, fixtures_dir: Path) -> None:
    async with in_process(local_config(tmp_path), local_deps()) as client:
        owner = await new_token(client, "a")
        other = await new_token(client, "b")
        sid = await new_session(client, owner)
        body = await upload(client, other, sid, fixtures_dir / "media" / "harbor-small.png")
    assert body["code"] == 1002


async def test_path_traversal_in_file_names_is_neutralised(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    data = (fixtures_dir / "media" / "harbor-small.png").read_bytes()
    async with in_process(local_config(tmp_path), local_deps()) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        r = await client.post(
            f"/api/upload-video/nemo_agent/me/{sid}",
            headers=auth(token),
            files=[("files", ("../../evil.png", data))],
        )
    entry = r.json()["data"]["files"][0]
    assert entry["filename"] == "evil.png"
    assert not (tmp_path / "evil.png").exists()
    assert (tmp_path / "data" / "media" / entry["asset_id"] / "evil.png").is_file()


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\photo.jpg", "photo.jpg"),
        ("..", "upload"),
        ("my photo (1).png", "my_photo_1_.png"),
        ("海港.jpg", "海港.jpg"),
        ("a" * 300 + ".png", "a" * 96 + ".png"),
    ],
)
def test_safe_filename_strips_directories_and_odd_characters(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


def _remote(fixtures_dir: Path) -> httpx.MockTransport:
    image = (fixtures_dir / "media" / "harbor-small.png").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/photo.png":
            return httpx.Response(200, content=image)
        if path == "/moved.png":
            return httpx.Response(302, headers={"Location": "/photo.png"})
        if path == "/to-ftp.png":
            return httpx.Response(302, headers={"Location": "ftp://example.test/x.png"})
        if path == "/down.png":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(404)

    return httpx.MockTransport(handler)


async def _url_upload(
    client: httpx.AsyncClient, token: str, sid: str, url: str
) -> dict[str, object]:
    r = await client.post(
        f"/api/upload-video/nemo_agent/me/{sid}",
        headers=auth(token),
        json={"urls": [url], "source_type": "url"},
    )
    result: dict[str, object] = r.json()
    return result


async def test_url_uploads_follow_http_redirects_and_reject_others(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    deps = local_deps(fetch_transport=_remote(fixtures_dir))
    async with in_process(local_config(tmp_path), deps) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        moved = await _url_upload(client, token, sid, "http://example.test/moved.png")
        ftp = await _url_upload(client, token, sid, "http://example.test/to-ftp.png")
        scheme = await _url_upload(client, token, sid, "file:///etc/passwd")
        down = await _url_upload(client, token, sid, "http://example.test/down.png")
        missing = await _url_upload(client, token, sid, "http://example.test/none.png")
    assert moved["code"] == 0
    files = moved["data"]["files"]  # type: ignore[index]
    assert files[0]["filename"] == "moved.png"
    assert files[0]["width"] == 400
    for body in (ftp, scheme, down, missing):
        assert body["code"] == 4003


async def test_url_uploads_over_the_cap_answer_4002(tmp_path: Path, fixtures_dir: Path) -> None:
    deps = local_deps(fetch_transport=_remote(fixtures_dir))
    async with in_process(local_config(tmp_path, upload_max_bytes=500), deps) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = await _url_upload(client, token, sid, "http://example.test/photo.png")
    assert body["code"] == 4002


@pytest.mark.parametrize("url", ["http://[::1/photo.png", "http:///photo.png", "https://"])
async def test_malformed_url_uploads_answer_4003_not_a_server_error(
    tmp_path: Path, fixtures_dir: Path, url: str
) -> None:
    deps = local_deps(fetch_transport=_remote(fixtures_dir))
    async with in_process(local_config(tmp_path), deps) as client:
        token = await new_token(client)
        sid = await new_session(client, token)
        body = await _url_upload(client, token, sid, url)
    assert body["code"] == 4003
    assert url in str(body["message"])
