"""The worker's link pages (agent/worker/links.py) and how `Backends` hands them out."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from agent.worker.links import LinkPages
from agent.worker.runner import Backends

pytestmark = pytest.mark.integration

URL = "http://127.0.0.1:24321"


def test_local_links_go_through_the_page_of_the_reply_language(tmp_path: Path) -> None:
    folder = tmp_path / "state" / "worker" / "links"
    backends = Backends(LinkPages(folder))

    zh = backends.web_url("zh", URL)
    other = backends.web_url("fr", URL + "/")

    assert zh == f"{(folder / 'open.zh.html').as_uri()}#{URL}"
    assert other == f"{(folder / 'open.en.html').as_uri()}#{URL}"
    assert sorted(p.name for p in folder.iterdir()) == ["open.en.html", "open.zh.html"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for page in folder.iterdir():
        assert stat.S_IMODE(page.stat().st_mode) == 0o600
        assert "nemo-agent credits --local" in page.read_text(encoding="utf-8")
    assert "后台进程" in (folder / "open.zh.html").read_text(encoding="utf-8")


def test_without_link_pages_or_a_writable_folder_links_lead_straight_to_the_backend(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")

    assert Backends().web_url("en", URL) == URL
    assert Backends(LinkPages(blocked / "links")).web_url("en", URL) == URL
