"""The resumable render record in the state dir: per session, per exact draft."""

from __future__ import annotations

from pathlib import Path

from agent.render_record import PendingRenders, draft_digest

DRAFT = {"d": 5000, "t": [{"tt": 0, "sg": []}], "m": {"title": "Harbor"}}


def test_a_remembered_render_is_found_for_the_same_session_and_draft(tmp_path: Path) -> None:
    jobs = PendingRenders.in_state_dir(tmp_path)
    jobs.remember("s1", DRAFT, "render_1")
    assert jobs.find("s1", {"m": {"title": "Harbor"}, "t": [{"tt": 0, "sg": []}], "d": 5000}) == (
        "render_1"
    )
    assert jobs.find("s2", DRAFT) is None
    assert jobs.find("s1", {**DRAFT, "d": 6000}) is None


def test_forgetting_the_last_record_removes_the_file(tmp_path: Path) -> None:
    jobs = PendingRenders.in_state_dir(tmp_path)
    jobs.remember("s1", DRAFT, "render_1")
    jobs.remember("s2", DRAFT, "render_2")
    jobs.forget("s1")
    assert jobs.find("s2", DRAFT) == "render_2"
    jobs.forget("s2")
    assert not jobs.path.exists()


def test_an_unreadable_record_means_nothing_to_resume(tmp_path: Path) -> None:
    jobs = PendingRenders.in_state_dir(tmp_path)
    jobs.path.write_text("{not json", encoding="utf-8")
    assert jobs.find("s1", DRAFT) is None
    jobs.path.write_text('{"s1": {"render_id": 7, "draft": "x"}}', encoding="utf-8")
    assert jobs.find("s1", DRAFT) is None


def test_the_draft_digest_ignores_key_order_but_not_content() -> None:
    assert draft_digest({"a": 1, "b": [1, 2]}) == draft_digest({"b": [1, 2], "a": 1})
    assert draft_digest({"a": 1}) != draft_digest({"a": 2})
