"""OpenClaw's `media://inbound/NAME` attachments map to the file in its inbound media folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.attachments import inbound_path

ROOT = Path("/home/u/.openclaw")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("media://inbound/photo.jpg", "/home/u/.openclaw/media/inbound/photo.jpg"),
        ("media://inbound/my%20photo.jpg", "/home/u/.openclaw/media/inbound/my photo.jpg"),
        ("media://inbound/../secret.jpg", "media://inbound/../secret.jpg"),
        ("media://inbound/a/b.jpg", "media://inbound/a/b.jpg"),
        ("media://inbound/", "media://inbound/"),
        ("/abs/photo.jpg", "/abs/photo.jpg"),
        ("https://x.example/p.jpg", "https://x.example/p.jpg"),
    ],
)
def test_inbound_uris_become_paths_inside_the_inbound_folder_only(
    value: str, expected: str
) -> None:
    assert inbound_path(value, ROOT) == expected
