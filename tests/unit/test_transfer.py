"""Upload pre-checks and link splitting: every refusal names the file and says what to do."""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from agent.errors import FileTooLargeError, UnsupportedFileError, UserInputError
from agent.handlers.upload import split_attachments
from agent.transfer import check_destination, check_upload, check_url, save_stream


def test_an_unreadable_file_is_refused_with_the_reason_not_a_traceback(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = Path(shutil.copy(fixtures_dir / "media" / "harbor-small.png", tmp_path / "p.png"))

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(UserInputError) as info:
        check_upload(photo, 10**9)
    assert info.value.message == f"cannot read {photo}: Permission denied"


def test_a_tiny_upload_cap_is_reported_in_readable_units(fixtures_dir: Path) -> None:
    with pytest.raises(FileTooLargeError) as info:
        check_upload(fixtures_dir / "media" / "harbor.jpg", 1000)
    assert "over the 1000 bytes upload limit" in info.value.message
    assert " 0 MB" not in info.value.message


def test_missing_files_and_folders_say_what_is_wrong_not_unsupported_type(
    tmp_path: Path,
) -> None:
    with pytest.raises(UserInputError, match=r"cannot find .*gone\.jpg; check the path"):
        check_upload(tmp_path / "gone.jpg", 10**9)
    (tmp_path / "album.png").mkdir()
    with pytest.raises(UserInputError, match="is a folder"):
        check_upload(tmp_path / "album.png", 10**9)


def test_a_renamed_text_file_is_still_an_unsupported_format(fixtures_dir: Path) -> None:
    with pytest.raises(UnsupportedFileError, match="content is not a recognised media file"):
        check_upload(fixtures_dir / "media" / "not-an-image.jpg", 10**9)


@pytest.mark.parametrize("url", ["http://example.com/a.jpg", "HTTPS://example.com/a%20b.png"])
def test_well_formed_http_links_pass_unchanged(url: str) -> None:
    assert check_url(url) == url


def test_non_http_schemes_are_links_not_missing_files(tmp_path: Path) -> None:
    paths, urls = split_attachments(
        ("ftp://example.com/a.jpg", "https://x.test/b.png", str(tmp_path / "c.png"))
    )
    assert urls == ["ftp://example.com/a.jpg", "https://x.test/b.png"]
    assert paths == [tmp_path / "c.png"]


def test_file_links_are_local_paths(tmp_path: Path) -> None:
    paths, urls = split_attachments((f"file://{tmp_path}/my%20photo.png",))
    assert (paths, urls) == ([tmp_path / "my photo.png"], [])


def test_an_export_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("keep", encoding="utf-8")
    with pytest.raises(UserInputError, match="is a file, not a folder"):
        check_destination(tmp_path / "notes")
    with pytest.raises(UserInputError, match=r"notes is a file, not a folder"):
        check_destination(tmp_path / "notes" / "sub")
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "keep"


def test_an_existing_export_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "video.mp4").write_bytes(b"mine")
    with pytest.raises(UserInputError, match="already exists"):
        check_destination(tmp_path, "video.mp4")
    check_destination(tmp_path, "other.mp4")
    check_destination(tmp_path / "new" / "deeper", "video.mp4")
    assert not (tmp_path / "new").exists()  # checked, not created: a failed render leaves nothing


def test_a_read_only_export_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "access", lambda *_a, **_k: False)
    with pytest.raises(UserInputError, match="permission denied; choose another folder"):
        check_destination(tmp_path)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


async def _chunks(then: BaseException) -> AsyncIterator[bytes]:
    yield b"x" * 1024
    raise then


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        asyncio.CancelledError(),
        KeyboardInterrupt(),
    ],
    ids=["disk-full", "cancelled", "ctrl-c"],
)
async def test_a_download_cut_short_leaves_no_file_and_no_part(
    tmp_path: Path, failure: BaseException
) -> None:
    dest = tmp_path / "exports" / "out.mp4"
    with pytest.raises((UserInputError, asyncio.CancelledError, KeyboardInterrupt)) as info:
        await save_stream(_chunks(failure), dest, expected=None)
    assert _names(dest.parent) == []
    if isinstance(failure, OSError):
        assert info.value.args[0] == f"cannot write {dest}: No space left on device; " + (
            "choose another folder or free space"
        )
