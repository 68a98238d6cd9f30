"""Upload pre-checks and link splitting: every refusal names the file and says what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent.errors import FileTooLargeError, UnsupportedFileError, UserInputError
from agent.handlers.upload import split_attachments
from agent.transfer import check_upload, check_url


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
