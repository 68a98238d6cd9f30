"""Accepted formats and content sniffing from real file headers (agent.media)."""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from agent.media import ACCEPTED, HEAD_BYTES, MediaType, accepted_list, media_type_for, sniff

PIL_Image = pytest.importorskip("PIL.Image")
av = pytest.importorskip("av")
np = pytest.importorskip("numpy")


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    PIL_Image.new("RGB", (8, 8), (200, 40, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


def _video(container: str, codec: str) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        stream = out.add_stream(codec, rate=10)
        stream.width = stream.height = 16
        stream.pix_fmt = "yuv420p"
        frame = av.VideoFrame.from_ndarray(np.zeros((16, 16, 3), np.uint8), format="rgb24")
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    return buffer.getvalue()


def _audio(container: str, codec: str, **options: str) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container, options=options) as out:
        stream = out.add_stream(codec, rate=44100)
        stream.layout = "mono"
        planar = "fltp" if codec == "aac" else "s16p"
        dtype = np.float32 if codec == "aac" else np.int16
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 2304), dtype), format=planar, layout="mono")
        frame.sample_rate = 44100
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    return buffer.getvalue()


def _wav() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 800)
    return buffer.getvalue()


# Every accepted extension, with a real file of that type made the way real tools make it.
MAKERS: dict[str, Callable[[], bytes]] = {
    "jpg": lambda: _image("JPEG"),
    "jpeg": lambda: _image("JPEG"),
    "png": lambda: _image("PNG"),
    "gif": lambda: _image("GIF"),
    "webp": lambda: _image("WEBP"),
    "mp4": lambda: _video("mp4", "libx264"),
    "mov": lambda: _video("mov", "libx264"),
    "avi": lambda: _video("avi", "mpeg4"),
    "mkv": lambda: _video("matroska", "libx264"),
    "webm": lambda: _video("webm", "libvpx"),
    "wav": _wav,
    "mp3": lambda: _audio("mp3", "libmp3lame"),
    "m4a": lambda: _audio("ipod", "aac"),
    "aac": lambda: _audio("adts", "aac"),
}


def test_every_accepted_extension_has_a_real_sample_here() -> None:
    assert set(MAKERS) == set(ACCEPTED)


@pytest.mark.parametrize("ext", sorted(MAKERS))
def test_a_real_file_sniffs_as_a_family_its_extension_accepts(ext: str) -> None:
    family = sniff(MAKERS[ext]()[:HEAD_BYTES])
    assert family is not None
    assert family in ACCEPTED[ext].families


def test_mp3_without_an_id3_tag_is_recognised_by_its_frame_sync() -> None:
    data = _audio("mp3", "libmp3lame", id3v2_version="0")
    assert data[0] == 0xFF
    assert sniff(data[:HEAD_BYTES]) == "mp3"


def test_adts_aac_is_not_mistaken_for_mp3() -> None:
    data = _audio("adts", "aac")
    assert (data[0], sniff(data[:HEAD_BYTES])) == (0xFF, "aac")


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("harbor.jpg", "jpeg"),
        ("harbor-small.png", "png"),
        ("portrait.png", "png"),
        ("tone.wav", "wav"),
    ],
)
def test_repository_media_fixtures_sniff_correctly(
    fixtures_dir: Path, name: str, family: str
) -> None:
    with (fixtures_dir / "media" / name).open("rb") as handle:
        assert sniff(handle.read(HEAD_BYTES)) == family


def test_a_text_file_named_jpg_is_not_an_image(fixtures_dir: Path) -> None:
    head = (fixtures_dir / "media" / "not-an-image.jpg").read_bytes()[:HEAD_BYTES]
    assert sniff(head) is None


@pytest.mark.parametrize(
    ("head", "family"),
    [
        (b"\x00\x00\x00\x08moov", "mp4"),
        (b"\x00\x00\x00\x08mdat", "mp4"),
        (b"\x00\x00\x00\x08wide", "mp4"),
        (b"\x00\x00\x00\x08free", "mp4"),
        (b"\x00\x00\x00\x08skip", "mp4"),
        (b"GIF87a\x01\x00", "gif"),
        (b"\xff\xfb\x90\x64", "mp3"),
        (b"\xff\xf9\x50\x80", "aac"),
    ],
)
def test_other_container_openings_are_recognised(head: bytes, family: str) -> None:
    assert sniff(head) == family


@pytest.mark.parametrize(
    "head",
    [
        b"",
        b"\xff",
        b"RIFF\x00\x00\x00\x00XXXX",
        b"%PDF-1.7",
        b"PK\x03\x04",
        b"\xff\xe1",  # frame sync with the reserved layer bits: not MPEG audio
        b"<html>",
    ],
)
def test_unknown_or_truncated_heads_are_none(head: bytes) -> None:
    assert sniff(head) is None


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("harbor.jpg", ACCEPTED["jpg"]),
        ("HARBOR.JPEG", ACCEPTED["jpeg"]),
        ("clip.final.MOV", ACCEPTED["mov"]),
        ("song.m4a", MediaType("m4a", "audio", "audio/mp4", frozenset({"mp4"}))),
        ("photo.heic", None),
        ("archive.tar.gz", None),
        ("README", None),
        ("trailing.", None),
    ],
)
def test_media_type_for_uses_the_extension_case_insensitively(
    filename: str, expected: MediaType | None
) -> None:
    assert media_type_for(filename) == expected


def test_accepted_list_groups_extensions_by_kind() -> None:
    assert accepted_list() == (
        "video: mp4, mov, avi, webm, mkv; image: jpg, jpeg, png, gif, webp; "
        "audio: mp3, wav, m4a, aac"
    )


def test_mime_types_match_the_protocol_table() -> None:
    assert {ext: media.mime for ext, media in ACCEPTED.items()} == {
        "mp4": "video/mp4",
        "mov": "video/quicktime",
        "avi": "video/x-msvideo",
        "webm": "video/webm",
        "mkv": "video/x-matroska",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "gif": "image/gif",
        "webp": "image/webp",
        "mp3": "audio/mpeg",
        "wav": "audio/wav",
        "m4a": "audio/mp4",
        "aac": "audio/aac",
    }
