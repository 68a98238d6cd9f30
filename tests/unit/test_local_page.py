"""The project page: drawn timeline, uploads, exports, language and escaping (pure rendering)."""

from __future__ import annotations

import re
from typing import Any

from agent.local.server.page_view import Bar, Row, build_view
from agent.templates import Templates

DRAFT: dict[str, Any] = {
    "d": 8000,
    "m": {"title": "x", "aspect": "16:9"},
    "t": [
        {"tt": 0, "sg": [{"s": 0, "d": 8000, "n": "harbor.jpg", "a": "as_1"}]},
        {"tt": 1, "sg": [{"s": 0, "d": 8000, "syn": "soft_piano", "v": 35}]},
        {"tt": 7, "sg": [{"s": 1000, "d": 2000, "n": "<script>alert(1)</script>"}]},
    ],
}
UPLOADS = [
    {
        "filename": 'a"><img src=x>.jpg',
        "file_type": "image",
        "cdn_url": "http://h:1/media/as_1/a.jpg",
    }
]
EXPORTS = [
    {
        "src": "/outputs/k/r1.mp4",
        "format": "mp4",
        "size": 2_400_000,
        "duration": 8.0,
        "completed_ms": 1_795_000_000_000,
        "width": 1920,
        "height": 1080,
    },
    {
        "src": "/outputs/k/r2.gif",
        "format": "gif",
        "size": 900_000,
        "duration": 8.0,
        "completed_ms": 1_795_000_100_000,
        "width": 480,
        "height": 270,
    },
]


def _page(language: str = "en", **changes: Any) -> str:
    args: dict[str, Any] = {
        "title": "Harbor <b>Lights</b>",
        "language": language,
        "draft": DRAFT,
        "uploads": UPLOADS,
        "exports": EXPORTS,
    }
    view = build_view(**{**args, **changes})
    return Templates(html=True).render("page/project.html", None, view=view)


def test_the_timeline_has_a_row_per_track_with_bars_at_their_times() -> None:
    view = build_view(title="t", language="en", draft=DRAFT, uploads=[], exports=[])

    assert view.rows == (
        Row("video", (Bar(0.0, 100.0, "0 s", "8 s", "harbor.jpg"),)),
        Row("music", (Bar(0.0, 100.0, "0 s", "8 s", "soft piano", 35),)),
        Row("title", (Bar(12.5, 25.0, "1 s", "3 s", "<script>alert(1)</script>"),)),
    )
    assert view.ticks[0] == (0.0, "0 s")
    assert view.ticks[-1] == (100.0, "8 s")


def test_every_user_string_is_escaped() -> None:
    page = _page()

    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Harbor &lt;b&gt;Lights&lt;/b&gt;" in page
    assert "<img src=x>" not in page


def test_the_newest_export_plays_and_every_export_is_listed() -> None:
    page = _page(exports=EXPORTS[:1])

    assert '<video id="player" controls preload="auto" playsinline src="/outputs/k/r1.mp4">' in page
    assert "1920x1080 · 8 s · 2.4 MB · 2026-11-18" in page
    gif_latest = _page()
    assert '<img src="/outputs/k/r2.gif"' in gif_latest
    assert gif_latest.count("<tr>") == 2


def test_uploads_are_thumbnails_served_from_this_host_and_music_shows_its_volume() -> None:
    page = _page()

    assert 'src="/media/as_1/a.jpg"' in page
    assert "volume 35%" in page


def test_the_page_speaks_the_session_language_and_loads_nothing_external() -> None:
    page = _page("zh-CN")

    assert '<html lang="zh-CN">' in page
    assert "时间线" in page
    assert "音量 35%" in page
    assert "导出记录" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_an_empty_project_says_what_to_do() -> None:
    page = _page(draft={"t": []}, uploads=[], exports=[])

    assert "The timeline is empty" in page
    assert "Nothing exported yet" in page
