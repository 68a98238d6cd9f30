"""Sandbox paths in a draft are rewritten to the uploads' CDN URLs before rendering (R2)."""

from __future__ import annotations

from typing import Any

from agent.draft_paths import rewrite_sandbox_paths

INFOS: list[Any] = [
    {"filename": "harbor.jpg", "s3_key": "u1/harbor.jpg", "cdn_url": "https://cdn.test/h.jpg"},
    {"filename": "tone.wav", "url": "https://cdn.test/t.wav"},
    {"filename": "same.png", "cdn_url": "https://cdn.test/a.png"},
    {"filename": "same.png", "cdn_url": "https://cdn.test/b.png"},
]


def _draft(*srcs: str) -> dict[str, Any]:
    return {"t": [{"tt": 0, "sg": [{"id": f"s{i}", "src": s} for i, s in enumerate(srcs)]}]}


def _srcs(draft: dict[str, Any]) -> list[str]:
    return [sg["src"] for sg in draft["t"][0]["sg"]]


def test_a_path_matches_its_upload_by_storage_key_or_unique_file_name() -> None:
    draft = _draft("/mnt/userdata/u1/harbor.jpg", "/mnt/userdata/x/tone.wav")
    assert _srcs(rewrite_sandbox_paths(draft, INFOS)) == [
        "https://cdn.test/h.jpg",
        "https://cdn.test/t.wav",
    ]


def test_unmatched_or_ambiguous_paths_and_other_strings_are_left_alone() -> None:
    draft = _draft("/mnt/userdata/other.jpg", "/mnt/userdata/same.png", "https://x.test/a.jpg")
    assert _srcs(rewrite_sandbox_paths(draft, INFOS)) == _srcs(draft)


def test_the_original_draft_is_not_changed() -> None:
    draft = _draft("/mnt/userdata/u1/harbor.jpg")
    rewrite_sandbox_paths(draft, INFOS)
    assert _srcs(draft) == ["/mnt/userdata/u1/harbor.jpg"]
    assert rewrite_sandbox_paths(draft, []) == draft
